-- Personal data: erased accounts, each event's retention of registration
-- data, and the log of consents people gave and withdrew.

-- +goose Up
ALTER TABLE users ADD COLUMN erased_at TEXT;
ALTER TABLE events ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE events ADD COLUMN shredded_at TEXT;
CREATE TABLE consents (
    id       TEXT PRIMARY KEY,
    email    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    scope    TEXT NOT NULL DEFAULT '',
    granted  BOOLEAN NOT NULL,
    text     TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL
);
CREATE INDEX consents_email ON consents (email, kind, scope, at);

-- +goose Down
DROP INDEX consents_email;
DROP TABLE consents;
ALTER TABLE events DROP COLUMN shredded_at;
ALTER TABLE events DROP COLUMN retention_days;
ALTER TABLE users DROP COLUMN erased_at;
