-- A counter every change to an event's programme increments, so that a
-- cached timetable is known to be current by comparing one number.

-- +goose Up
ALTER TABLE events ADD COLUMN programme_version INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE events DROP COLUMN programme_version;
