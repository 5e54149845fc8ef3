-- Live questions and polls of contributions: each event's rules, the
-- questions with one vote per person (a row per voter; the count beside
-- the question is kept in the same transaction), polls and their answers,
-- and a replay log per contribution whose sequence numbers are the ids of
-- the server-sent events.

-- +goose Up
CREATE TABLE live_settings (
    event_id       TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    moderation     TEXT NOT NULL DEFAULT 'post',
    guests         BOOLEAN NOT NULL DEFAULT FALSE,
    window_minutes INTEGER NOT NULL DEFAULT 30
);

CREATE TABLE live_questions (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    asker           TEXT NOT NULL,
    author_name     TEXT NOT NULL DEFAULT '',
    author_latin    TEXT NOT NULL DEFAULT '',
    anonymous       BOOLEAN NOT NULL DEFAULT FALSE,
    text            TEXT NOT NULL,
    language        TEXT NOT NULL,
    status          TEXT NOT NULL,
    pinned          BOOLEAN NOT NULL DEFAULT FALSE,
    answered        BOOLEAN NOT NULL DEFAULT FALSE,
    votes           INTEGER NOT NULL DEFAULT 0,
    merged_into     TEXT NOT NULL DEFAULT '',
    answer          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX live_questions_contribution ON live_questions (contribution_id, created_at);

CREATE TABLE live_votes (
    question_id TEXT NOT NULL REFERENCES live_questions (id) ON DELETE CASCADE,
    voter       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (question_id, voter)
);

CREATE TABLE live_polls (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    question        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    multiple        BOOLEAN NOT NULL DEFAULT FALSE,
    options         TEXT NOT NULL DEFAULT '[]',
    status          TEXT NOT NULL,
    hide_results    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT NOT NULL
);
CREATE INDEX live_polls_contribution ON live_polls (contribution_id, created_at);

CREATE TABLE live_poll_answers (
    poll_id    TEXT NOT NULL REFERENCES live_polls (id) ON DELETE CASCADE,
    voter      TEXT NOT NULL,
    choices    TEXT NOT NULL DEFAULT '[]',
    word       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, voter)
);

CREATE TABLE live_streams (
    contribution_id TEXT PRIMARY KEY REFERENCES contributions (id) ON DELETE CASCADE,
    last_seq        BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE live_log (
    contribution_id TEXT NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    seq             BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    public          TEXT NOT NULL DEFAULT '',
    private         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (contribution_id, seq)
);

-- +goose Down
DROP TABLE live_log;
DROP TABLE live_streams;
DROP TABLE live_poll_answers;
DROP INDEX live_polls_contribution;
DROP TABLE live_polls;
DROP TABLE live_votes;
DROP INDEX live_questions_contribution;
DROP TABLE live_questions;
DROP TABLE live_settings;
