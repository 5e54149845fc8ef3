-- Photo consent has one home, the log of consents: the answers kept on
-- registrations move into the log, as given now (so that they stay the
-- answer that holds), and the column goes. Every reader of photo consent
-- reads the newest answer of the registration's email for its event or
-- the whole site. A material's file may live in a directory the operator
-- chooses rather than in the database: its version says where.

-- +goose Up
INSERT INTO consents (id, email, kind, scope, granted, text, language, at)
SELECT 'photos-' || id, email, 'photos', event_id, photo_consent = 'yes', '', language, strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
FROM registrations WHERE photo_consent <> '' AND email <> '';
ALTER TABLE registrations DROP COLUMN photo_consent;
ALTER TABLE material_versions ADD COLUMN stored_in TEXT NOT NULL DEFAULT 'database';

-- +goose Down
-- Files kept in a directory stay there; going down, the database no longer points to them.
ALTER TABLE material_versions DROP COLUMN stored_in;
ALTER TABLE registrations ADD COLUMN photo_consent TEXT NOT NULL DEFAULT '';
UPDATE registrations SET photo_consent = COALESCE((SELECT CASE WHEN c.granted THEN 'yes' ELSE 'no' END FROM consents c
    WHERE c.email = registrations.email AND c.email <> '' AND c.kind = 'photos' AND c.scope IN (registrations.event_id, '')
    ORDER BY c.at DESC, c.id DESC LIMIT 1), '');
DELETE FROM consents WHERE id LIKE 'photos-%';
