-- The questions of an event's registration form, as a JSON array (see
-- symposium.Question), and each registrant's consent to appear on the
-- participant list.

-- +goose Up
ALTER TABLE events ADD COLUMN registration_questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE registrations ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE registrations DROP COLUMN listed;
ALTER TABLE events DROP COLUMN registration_questions;
