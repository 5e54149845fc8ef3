-- An event may have a colour of its own, #rrggbb, for its header, buttons
-- and links; empty keeps the site's colour.

-- +goose Up
ALTER TABLE events ADD COLUMN accent TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE events DROP COLUMN accent;
