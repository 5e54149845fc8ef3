-- The call for abstracts and their review: the call with its tracks and
-- review questions, abstracts and their authors, reviewers' tracks and
-- bids, assignments, reviews, declared conflicts of interest and decisions.

-- +goose Up
CREATE TABLE calls (
    event_id         TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    opens_at         TIMESTAMPTZ NOT NULL,
    closes_at        TIMESTAMPTZ NOT NULL,
    text             TEXT NOT NULL DEFAULT '{}',
    types            TEXT NOT NULL DEFAULT '[]',
    word_limit       INTEGER NOT NULL,
    blind            BOOLEAN NOT NULL DEFAULT FALSE,
    reviews_visible  BOOLEAN NOT NULL DEFAULT TRUE,
    review_opens_at  TIMESTAMPTZ,
    review_closes_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE tracks (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX tracks_event_id ON tracks (event_id, position);

CREATE TABLE review_questions (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    text     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    min      INTEGER NOT NULL DEFAULT 0,
    max      INTEGER NOT NULL DEFAULT 0,
    weight   DOUBLE PRECISION NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
);
CREATE INDEX review_questions_event_id ON review_questions (event_id, position);

CREATE TABLE abstracts (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    track_id        TEXT NOT NULL REFERENCES tracks (id),
    type            TEXT NOT NULL,
    language        TEXT NOT NULL,
    title           TEXT NOT NULL,
    content         TEXT NOT NULL,
    presenter_id    TEXT REFERENCES people (id),
    submitter_id    TEXT NOT NULL REFERENCES users (id),
    status          TEXT NOT NULL,
    decision        TEXT NOT NULL DEFAULT '',
    decision_as     TEXT NOT NULL DEFAULT '',
    decided_at      TIMESTAMPTZ,
    released        BOOLEAN NOT NULL DEFAULT FALSE,
    contribution_id TEXT REFERENCES contributions (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    withdrawn_at    TIMESTAMPTZ
);
CREATE INDEX abstracts_event_id ON abstracts (event_id, created_at);
CREATE INDEX abstracts_submitter_id ON abstracts (submitter_id);

CREATE TABLE abstract_authors (
    abstract_id  TEXT NOT NULL REFERENCES abstracts (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES people (id),
    position     INTEGER NOT NULL,
    confirmed_at TIMESTAMPTZ,
    PRIMARY KEY (abstract_id, person_id)
);
CREATE INDEX abstract_authors_person_id ON abstract_authors (person_id);

CREATE TABLE reviewer_tracks (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, user_id, track_id)
);

CREATE TABLE bids (
    abstract_id TEXT NOT NULL REFERENCES abstracts (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bid         TEXT NOT NULL,
    PRIMARY KEY (abstract_id, user_id)
);

CREATE TABLE assignments (
    abstract_id TEXT NOT NULL REFERENCES abstracts (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    override    TEXT NOT NULL DEFAULT '',
    assigned_by TEXT NOT NULL DEFAULT '',
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (abstract_id, user_id)
);
CREATE INDEX assignments_user_id ON assignments (user_id);

CREATE TABLE reviews (
    id                   TEXT PRIMARY KEY,
    abstract_id          TEXT NOT NULL REFERENCES abstracts (id) ON DELETE CASCADE,
    user_id              TEXT NOT NULL REFERENCES users (id),
    ratings              TEXT NOT NULL DEFAULT '{}',
    comment_to_authors   TEXT NOT NULL DEFAULT '',
    comment_to_committee TEXT NOT NULL DEFAULT '',
    submitted            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (abstract_id, user_id)
);

CREATE TABLE declared_interests (
    abstract_id TEXT NOT NULL REFERENCES abstracts (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    declared_by TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (abstract_id, user_id)
);

-- +goose Down
DROP TABLE declared_interests;
DROP TABLE reviews;
DROP TABLE assignments;
DROP TABLE bids;
DROP TABLE reviewer_tracks;
DROP TABLE abstract_authors;
DROP TABLE abstracts;
DROP TABLE review_questions;
DROP TABLE tracks;
DROP TABLE calls;
