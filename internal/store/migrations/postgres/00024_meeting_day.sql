-- Matchmaking on the day: when the reminder before a meeting was queued,
-- so that it goes once, and the answer to "Follow-up planned?" after a
-- meeting was held ('' not yet answered, 'yes' or 'no').

-- +goose Up
ALTER TABLE meetings ADD COLUMN reminded_at TIMESTAMPTZ;
ALTER TABLE meetings ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE meetings DROP COLUMN follow_up;
ALTER TABLE meetings DROP COLUMN reminded_at;
