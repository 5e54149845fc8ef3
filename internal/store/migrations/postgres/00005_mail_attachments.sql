-- Attachments of queued mail, as a JSON array (see symposium.Attachment).

-- +goose Up
ALTER TABLE outbox ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

-- +goose Down
ALTER TABLE outbox DROP COLUMN attachments;
