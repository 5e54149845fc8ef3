-- Matchmaking: an event's meeting slots and settings, the profiles of the
-- participants who take part, their meeting requests, and the meetings
-- scheduled at numbered tables. Texts in several languages are JSON objects
-- stored as text; lists are JSON arrays.

-- +goose Up
CREATE TABLE matchmaking (
    event_id            TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    opens_at            TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL,
    requests_per_person INTEGER NOT NULL DEFAULT 0,
    approval            BOOLEAN NOT NULL DEFAULT FALSE,
    industry_science    BOOLEAN NOT NULL DEFAULT FALSE,
    tables              TEXT NOT NULL DEFAULT '[]',
    interpreters        TEXT NOT NULL DEFAULT '[]',
    delegations         TEXT NOT NULL DEFAULT '[]',
    published_weight    INTEGER NOT NULL DEFAULT 0,
    published_bound     INTEGER NOT NULL DEFAULT 0,
    published_at        TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE matchmaking_slots (
    id        TEXT PRIMARY KEY,
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL,
    tables    INTEGER NOT NULL
);
CREATE INDEX matchmaking_slots_event ON matchmaking_slots (event_id, position);

CREATE TABLE matchmaking_profiles (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    offers     TEXT NOT NULL DEFAULT '{}',
    seeks      TEXT NOT NULL DEFAULT '{}',
    topics     TEXT NOT NULL DEFAULT '[]',
    languages  TEXT NOT NULL DEFAULT '[]',
    busy       TEXT NOT NULL DEFAULT '[]',
    feed_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE UNIQUE INDEX matchmaking_profiles_feed ON matchmaking_profiles (feed_token);

CREATE TABLE meeting_requests (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    from_id    TEXT NOT NULL,
    to_id      TEXT NOT NULL,
    priority   INTEGER NOT NULL,
    message    TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    approved   BOOLEAN NOT NULL DEFAULT TRUE,
    by_manager BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- One live request from one party to another.
CREATE UNIQUE INDEX meeting_requests_live ON meeting_requests (event_id, from_id, to_id)
    WHERE status IN ('pending', 'accepted');
CREATE INDEX meeting_requests_to ON meeting_requests (event_id, to_id);

CREATE TABLE meetings (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    request_id  TEXT NOT NULL REFERENCES meeting_requests (id) ON DELETE CASCADE,
    a_id        TEXT NOT NULL,
    b_id        TEXT NOT NULL,
    slot_id     TEXT NOT NULL REFERENCES matchmaking_slots (id) ON DELETE CASCADE,
    table_no    INTEGER NOT NULL,
    interpreter TEXT NOT NULL DEFAULT '',
    weight      INTEGER NOT NULL,
    status      TEXT NOT NULL,
    marked_by   TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX meetings_event_slot ON meetings (event_id, slot_id);
CREATE INDEX meetings_a ON meetings (event_id, a_id);
CREATE INDEX meetings_b ON meetings (event_id, b_id);

-- +goose Down
DROP TABLE meetings;
DROP TABLE meeting_requests;
DROP TABLE matchmaking_profiles;
DROP TABLE matchmaking_slots;
DROP TABLE matchmaking;
