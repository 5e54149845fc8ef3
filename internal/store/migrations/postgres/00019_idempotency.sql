-- Answers to API writes sent with an Idempotency-Key, kept a day so that a
-- client repeating a request gets the first answer again instead of a second
-- change. status is 0 while the first request is under way.

-- +goose Up
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL DEFAULT '',
    location     TEXT NOT NULL DEFAULT '',
    body         BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (scope, created_at);

-- +goose Down
DROP TABLE idempotency_keys;
