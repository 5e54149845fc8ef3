-- Invitations: a personal link that registers someone in a category past
-- its capacity and approval, tracked from sending to answer.

-- +goose Up
CREATE TABLE invitations (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    category_id     TEXT NOT NULL REFERENCES registration_categories (id),
    email           TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '{}',
    language        TEXT NOT NULL,
    status          TEXT NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    registration_id TEXT REFERENCES registrations (id),
    created_at      TIMESTAMPTZ NOT NULL,
    opened_at       TIMESTAMPTZ,
    responded_at    TIMESTAMPTZ
);
CREATE INDEX invitations_event_id ON invitations (event_id, created_at);

-- +goose Down
DROP TABLE invitations;
