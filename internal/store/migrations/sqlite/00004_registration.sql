-- Registration: categories with capacities and counters, registrations,
-- and each event's ticket-signing key. The counters are kept in the same
-- transaction as the registrations they count, so they never drift.

-- +goose Up
ALTER TABLE events ADD COLUMN registration_capacity INTEGER;
ALTER TABLE events ADD COLUMN confirmed_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE registration_categories (
    id                TEXT PRIMARY KEY,
    event_id          TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    capacity          INTEGER,
    requires_approval BOOLEAN NOT NULL DEFAULT FALSE,
    waitlist          BOOLEAN NOT NULL DEFAULT FALSE,
    opens_at          TEXT,
    closes_at         TEXT,
    price             TEXT NOT NULL DEFAULT '',
    confirmed_count   INTEGER NOT NULL DEFAULT 0,
    waitlisted_count  INTEGER NOT NULL DEFAULT 0,
    position          INTEGER NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX registration_categories_event_id ON registration_categories (event_id);

CREATE TABLE registrations (
    id                TEXT PRIMARY KEY,
    event_id          TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    category_id       TEXT NOT NULL REFERENCES registration_categories (id),
    email             TEXT NOT NULL,
    name              TEXT NOT NULL,
    organization      TEXT NOT NULL DEFAULT '',
    country           TEXT NOT NULL DEFAULT '',
    answers           TEXT NOT NULL DEFAULT '{}',
    language          TEXT NOT NULL,
    status            TEXT NOT NULL,
    manage_token_hash TEXT NOT NULL,
    checked_in_at     TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
-- One live registration per email and event; cancelled and rejected ones
-- do not count, so a person may register again.
CREATE UNIQUE INDEX registrations_event_email ON registrations (event_id, email)
    WHERE status IN ('confirmed', 'waitlisted', 'pending');
CREATE INDEX registrations_category_status ON registrations (category_id, status, created_at);
CREATE INDEX registrations_manage_token ON registrations (manage_token_hash);

CREATE TABLE event_keys (
    event_id    TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    public_key  BLOB NOT NULL,
    private_key BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- +goose Down
DROP TABLE event_keys;
DROP TABLE registrations;
DROP TABLE registration_categories;
ALTER TABLE events DROP COLUMN confirmed_count;
ALTER TABLE events DROP COLUMN registration_capacity;
