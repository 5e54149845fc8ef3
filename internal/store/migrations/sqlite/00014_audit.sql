-- The audit log of changes made by organizers, curators and administrators,
-- and who typed each person in (which decides which event teams may edit
-- them).

-- +goose Up
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   TEXT NOT NULL DEFAULT '',
    actor_name TEXT NOT NULL DEFAULT '',
    event_id   TEXT REFERENCES events (id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL DEFAULT '',
    before     TEXT NOT NULL DEFAULT '',
    after      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_event ON audit_log (event_id, at, id);

ALTER TABLE people ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

-- An anonymous registrant's unconfirmed seat is held for at most a day,
-- never without a limit.
UPDATE events SET hold_minutes = 60 WHERE hold_minutes < 5;
UPDATE events SET hold_minutes = 1440 WHERE hold_minutes > 1440;

-- +goose Down
ALTER TABLE people DROP COLUMN created_by;
DROP INDEX audit_log_event;
DROP INDEX audit_log_at;
DROP TABLE audit_log;
