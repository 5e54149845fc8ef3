-- Organizations, people, events with their organizers and roles, rooms,
-- sessions and contributions. Localized texts are JSON objects stored as
-- text; lists of codes are JSON arrays.

-- +goose Up
CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    country    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    website    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    position        TEXT NOT NULL DEFAULT '{}',
    country         TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL DEFAULT '[]',
    topics          TEXT NOT NULL DEFAULT '[]',
    bio             TEXT NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_email ON people (email) WHERE email <> '';
CREATE INDEX people_organization_id ON people (organization_id);

CREATE TABLE photos (
    person_id    TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    data         BYTEA NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    series           TEXT NOT NULL DEFAULT '{}',
    title            TEXT NOT NULL,
    summary          TEXT NOT NULL DEFAULT '{}',
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    timezone         TEXT NOT NULL,
    venue_name       TEXT NOT NULL DEFAULT '{}',
    venue_city       TEXT NOT NULL DEFAULT '{}',
    venue_address    TEXT NOT NULL DEFAULT '',
    visibility       TEXT NOT NULL,
    status           TEXT NOT NULL,
    languages        TEXT NOT NULL DEFAULT '[]',
    default_language TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

CREATE TABLE event_organizations (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    role            TEXT NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (event_id, organization_id, role)
);

CREATE TABLE event_roles (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX event_roles_user_id ON event_roles (user_id);

CREATE TABLE rooms (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
);
CREATE INDEX rooms_event_id ON rooms (event_id);

CREATE TABLE programme_sessions (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title    TEXT NOT NULL,
    room_id  TEXT REFERENCES rooms (id) ON DELETE SET NULL,
    colour   TEXT NOT NULL DEFAULT '',
    conveners TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX programme_sessions_event_id ON programme_sessions (event_id);

CREATE TABLE contributions (
    id               TEXT PRIMARY KEY,
    event_id         TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '{}',
    starts_at        TIMESTAMPTZ,
    duration_minutes INTEGER NOT NULL,
    room_id          TEXT REFERENCES rooms (id) ON DELETE SET NULL,
    session_id       TEXT REFERENCES programme_sessions (id) ON DELETE SET NULL,
    topics           TEXT NOT NULL DEFAULT '[]',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX contributions_event_starts ON contributions (event_id, starts_at);

CREATE TABLE contribution_speakers (
    contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    person_id       TEXT NOT NULL REFERENCES people (id),
    position        INTEGER NOT NULL,
    PRIMARY KEY (contribution_id, person_id)
);
CREATE INDEX contribution_speakers_person_id ON contribution_speakers (person_id);

-- +goose Down
DROP TABLE contribution_speakers;
DROP TABLE contributions;
DROP TABLE programme_sessions;
DROP TABLE rooms;
DROP TABLE event_roles;
DROP TABLE event_organizations;
DROP TABLE events;
DROP TABLE photos;
DROP TABLE people;
DROP TABLE organizations;
