-- Outcomes: minutes with every revision, materials with every version,
-- the event's photos, the cooperation tracker, the report and the site's
-- news; photo consent on registrations and ROR identifiers on
-- organizations.

-- +goose Up
CREATE TABLE minutes (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contribution_id TEXT REFERENCES contributions (id) ON DELETE CASCADE,
    session_id      TEXT REFERENCES programme_sessions (id) ON DELETE CASCADE,
    body            TEXT NOT NULL DEFAULT '{}',
    status          TEXT NOT NULL,
    revision        INTEGER NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT '',
    updated_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX minutes_event ON minutes (event_id);
CREATE UNIQUE INDEX minutes_contribution ON minutes (contribution_id) WHERE contribution_id IS NOT NULL;
CREATE UNIQUE INDEX minutes_session ON minutes (session_id) WHERE session_id IS NOT NULL;

CREATE TABLE minutes_revisions (
    minutes_id TEXT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    body       TEXT NOT NULL,
    status     TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    by_id      TEXT NOT NULL DEFAULT '',
    by_name    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (minutes_id, revision)
);

CREATE TABLE materials (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contribution_id TEXT REFERENCES contributions (id) ON DELETE CASCADE,
    session_id      TEXT REFERENCES programme_sessions (id) ON DELETE CASCADE,
    title           TEXT NOT NULL DEFAULT '{}',
    visibility      TEXT NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX materials_event ON materials (event_id);

CREATE TABLE material_versions (
    material_id  TEXT NOT NULL REFERENCES materials (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    data         BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (material_id, version)
);

CREATE TABLE event_photos (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contribution_id TEXT REFERENCES contributions (id) ON DELETE SET NULL,
    caption         TEXT NOT NULL DEFAULT '{}',
    credit          TEXT NOT NULL DEFAULT '',
    licence         TEXT NOT NULL DEFAULT '',
    in_report       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_photos_event ON event_photos (event_id, created_at);

CREATE TABLE event_photo_sizes (
    photo_id TEXT NOT NULL REFERENCES event_photos (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    data     BYTEA NOT NULL,
    PRIMARY KEY (photo_id, width)
);

CREATE TABLE event_photo_people (
    photo_id  TEXT NOT NULL REFERENCES event_photos (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (photo_id, person_id)
);
CREATE INDEX event_photo_people_person ON event_photo_people (person_id);

ALTER TABLE registrations ADD COLUMN photo_consent TEXT NOT NULL DEFAULT '';
ALTER TABLE organizations ADD COLUMN ror TEXT NOT NULL DEFAULT '';

CREATE TABLE agreements (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '{}',
    due         TEXT NOT NULL DEFAULT '',
    meeting_id  TEXT NOT NULL DEFAULT '',
    reminded_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreements_event ON agreements (event_id);
CREATE INDEX agreements_due ON agreements (due) WHERE reminded_at IS NULL;

CREATE TABLE agreement_organizations (
    agreement_id    TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, organization_id)
);
CREATE INDEX agreement_organizations_org ON agreement_organizations (organization_id);

CREATE TABLE agreement_people (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, person_id)
);

CREATE TABLE agreement_owners (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, user_id)
);

CREATE TABLE reports (
    event_id        TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    introduction    TEXT NOT NULL DEFAULT '{}',
    conclusion      TEXT NOT NULL DEFAULT '{}',
    hidden_sections TEXT NOT NULL DEFAULT '[]',
    published_at    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE news_posts (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL,
    published_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    author_id    TEXT NOT NULL DEFAULT '',
    author_name  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX news_posts_published ON news_posts (published_at) WHERE status = 'published';

-- +goose Down
DROP TABLE news_posts;
DROP TABLE reports;
DROP TABLE agreement_owners;
DROP TABLE agreement_people;
DROP TABLE agreement_organizations;
DROP TABLE agreements;
ALTER TABLE organizations DROP COLUMN ror;
ALTER TABLE registrations DROP COLUMN photo_consent;
DROP TABLE event_photo_people;
DROP TABLE event_photo_sizes;
DROP TABLE event_photos;
DROP TABLE material_versions;
DROP TABLE materials;
DROP TABLE minutes_revisions;
DROP TABLE minutes;
