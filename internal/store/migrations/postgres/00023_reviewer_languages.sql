-- The languages each reviewer of an event reads, as a JSON array of
-- language codes: the automatic assignment gives a reviewer who named
-- languages only abstracts written in one of them.

-- +goose Up
CREATE TABLE reviewer_languages (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    languages TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (event_id, user_id)
);

-- +goose Down
DROP TABLE reviewer_languages;
