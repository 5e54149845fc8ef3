-- Holds: an anonymous registrant keeps a confirmed seat only if they
-- confirm their email within the event's hold time, and a person promoted
-- from the waiting list only if they confirm within its promotion time.

-- +goose Up
ALTER TABLE events ADD COLUMN hold_minutes INTEGER NOT NULL DEFAULT 60;
ALTER TABLE events ADD COLUMN promotion_hours INTEGER NOT NULL DEFAULT 48;
ALTER TABLE registrations ADD COLUMN email_confirmed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE registrations ADD COLUMN hold_until TEXT;
CREATE INDEX registrations_hold_until ON registrations (hold_until) WHERE hold_until IS NOT NULL;

-- +goose Down
DROP INDEX registrations_hold_until;
ALTER TABLE registrations DROP COLUMN hold_until;
ALTER TABLE registrations DROP COLUMN email_confirmed;
ALTER TABLE events DROP COLUMN promotion_hours;
ALTER TABLE events DROP COLUMN hold_minutes;
