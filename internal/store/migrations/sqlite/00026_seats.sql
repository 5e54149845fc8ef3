-- Seats that registrations claim, and counters in shards, so that
-- registrations of one category overlap on PostgreSQL instead of queuing on
-- the category's and the event's rows. A category with a capacity has one
-- row per seat (its pool is the category's id), an event with a capacity
-- one per seat of the event (its pool is the event's id); a confirmed
-- registration holds a seat of each pool that limits it. Registrations
-- claim free seats with SKIP LOCKED, so two never wait for each other while
-- seats are left. The confirmed and waitlisted counts of a category are the
-- sums of its shards, each transaction adding to the shard of its own
-- connection.

--
-- The duplicates queue kept in the database: the pairs of people whose
-- names look like one person's, each person's kept as people change, and
-- when the first comparison of everyone was done, so that an instance
-- starting finds the queue instead of comparing everyone again.

-- +goose Up
CREATE TABLE duplicate_candidates (
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    score    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (person_a, person_b)
);
CREATE INDEX duplicate_candidates_person_b ON duplicate_candidates (person_b);

CREATE TABLE duplicate_scans (
    id           INTEGER PRIMARY KEY,
    completed_at TEXT NOT NULL
);

CREATE TABLE registration_seats (
    pool            TEXT NOT NULL,
    seat            INTEGER NOT NULL,
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    registration_id TEXT,
    PRIMARY KEY (pool, seat)
);
CREATE INDEX registration_seats_free ON registration_seats (pool, seat) WHERE registration_id IS NULL;
CREATE INDEX registration_seats_registration ON registration_seats (registration_id);
CREATE INDEX registration_seats_event ON registration_seats (event_id);

CREATE TABLE category_counts (
    category_id TEXT NOT NULL REFERENCES registration_categories (id) ON DELETE CASCADE,
    shard       INTEGER NOT NULL,
    confirmed   INTEGER NOT NULL DEFAULT 0,
    waitlisted  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (category_id, shard)
);

INSERT INTO category_counts (category_id, shard, confirmed, waitlisted)
    SELECT id, 0, confirmed_count, waitlisted_count FROM registration_categories;

INSERT INTO registration_seats (pool, seat, event_id, registration_id)
    SELECT r.category_id, ROW_NUMBER() OVER (PARTITION BY r.category_id ORDER BY r.created_at, r.id), r.event_id, r.id
    FROM registrations r JOIN registration_categories c ON c.id = r.category_id
    WHERE r.status = 'confirmed' AND c.capacity IS NOT NULL;
INSERT INTO registration_seats (pool, seat, event_id, registration_id)
    SELECT r.event_id, ROW_NUMBER() OVER (PARTITION BY r.event_id ORDER BY r.created_at, r.id), r.event_id, r.id
    FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE r.status = 'confirmed' AND e.registration_capacity IS NOT NULL;
WITH RECURSIVE n (i) AS (
    SELECT 1 UNION ALL SELECT i + 1 FROM n
    WHERE i < (SELECT MAX(x) FROM (SELECT MAX(capacity) AS x FROM registration_categories
        UNION ALL SELECT MAX(registration_capacity) FROM events) AS caps)
)
INSERT INTO registration_seats (pool, seat, event_id, registration_id)
    SELECT p.pool, n.i, p.event_id, NULL
    FROM (SELECT id AS pool, event_id, capacity FROM registration_categories WHERE capacity IS NOT NULL
        UNION ALL SELECT id, id, registration_capacity FROM events WHERE registration_capacity IS NOT NULL) AS p
    JOIN n ON n.i <= p.capacity
    WHERE n.i > (SELECT COUNT(*) FROM registration_seats s WHERE s.pool = p.pool);

ALTER TABLE registration_categories DROP COLUMN confirmed_count;
ALTER TABLE registration_categories DROP COLUMN waitlisted_count;
ALTER TABLE events DROP COLUMN confirmed_count;

-- +goose Down
ALTER TABLE events ADD COLUMN confirmed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registration_categories ADD COLUMN confirmed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registration_categories ADD COLUMN waitlisted_count INTEGER NOT NULL DEFAULT 0;
UPDATE registration_categories SET
    confirmed_count = (SELECT COUNT(*) FROM registrations r WHERE r.category_id = registration_categories.id AND r.status = 'confirmed'),
    waitlisted_count = (SELECT COUNT(*) FROM registrations r WHERE r.category_id = registration_categories.id AND r.status = 'waitlisted');
UPDATE events SET
    confirmed_count = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.status = 'confirmed');
DROP TABLE duplicate_scans;
DROP TABLE duplicate_candidates;
DROP TABLE category_counts;
DROP TABLE registration_seats;
