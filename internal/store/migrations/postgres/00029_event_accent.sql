-- An event may have a look of its own: a colour, #rrggbb, for its header,
-- buttons and links (empty keeps the site's colour), and a logo, a clean
-- JPEG re-encoded from the upload (NULL: none).

-- +goose Up
ALTER TABLE events ADD COLUMN accent TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN logo BYTEA;

-- +goose Down
ALTER TABLE events DROP COLUMN logo;
ALTER TABLE events DROP COLUMN accent;
