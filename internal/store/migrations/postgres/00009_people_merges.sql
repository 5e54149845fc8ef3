-- Finding people: other spellings of a person's name, merging duplicate
-- people (recorded, with what undoing needs), pairs a manager has said are
-- not duplicates, and the person behind a registration.

-- +goose Up
ALTER TABLE people ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
ALTER TABLE people ADD COLUMN merged_into TEXT REFERENCES people (id);
CREATE INDEX people_merged_into ON people (merged_into);
ALTER TABLE registrations ADD COLUMN person_id TEXT REFERENCES people (id);
CREATE INDEX registrations_person_id ON registrations (person_id);

CREATE TABLE person_merges (
    id          TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL REFERENCES people (id),
    merged_id   TEXT NOT NULL REFERENCES people (id),
    prior       TEXT NOT NULL,
    merged_by   TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    undone_at   TIMESTAMPTZ
);
CREATE INDEX person_merges_survivor ON person_merges (survivor_id, created_at);

CREATE TABLE duplicate_dismissals (
    person_a     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    person_b     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    dismissed_by TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_a, person_b)
);

-- +goose Down
DROP TABLE duplicate_dismissals;
DROP TABLE person_merges;
DROP INDEX registrations_person_id;
ALTER TABLE registrations DROP COLUMN person_id;
DROP INDEX people_merged_into;
ALTER TABLE people DROP COLUMN merged_into;
ALTER TABLE people DROP COLUMN aliases;
