-- Identity: an account counts as the person with its email only once the
-- address is verified; a changed address waits, pending, until its link is
-- opened. Site-wide grants (curator, organizer) and settings; one-time
-- links mailed to verify an address or to sign in; and every manage link a
-- registrant was mailed, each working as long as the registration exists.
-- Accounts made before verification existed count as verified, and those
-- managing an event may go on creating events.

-- +goose Up
ALTER TABLE users ADD COLUMN verified_at TEXT;
ALTER TABLE users ADD COLUMN pending_email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN is_curator BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN can_create_events BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE users SET verified_at = created_at;
UPDATE users SET can_create_events = TRUE WHERE id IN (SELECT user_id FROM event_roles WHERE role = 'manager');

CREATE TABLE email_links (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    email      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
CREATE INDEX email_links_user_id ON email_links (user_id);

CREATE TABLE site_settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    open_event_creation BOOLEAN NOT NULL DEFAULT FALSE,
    updated_by          TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL
);
INSERT INTO site_settings (id, open_event_creation, updated_at) VALUES (1, FALSE, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE registration_links (
    token_hash      TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL
);
CREATE INDEX registration_links_registration_id ON registration_links (registration_id);
INSERT INTO registration_links (token_hash, registration_id, created_at)
    SELECT manage_token_hash, id, created_at FROM registrations;

-- +goose Down
DROP TABLE registration_links;
DROP TABLE site_settings;
DROP TABLE email_links;
ALTER TABLE users DROP COLUMN can_create_events;
ALTER TABLE users DROP COLUMN is_curator;
ALTER TABLE users DROP COLUMN pending_email;
ALTER TABLE users DROP COLUMN verified_at;
