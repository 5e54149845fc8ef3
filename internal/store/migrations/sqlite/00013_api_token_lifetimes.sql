-- API tokens their owners can tell apart, list and revoke: a short prefix
-- of the token to recognize it by (the token itself is never stored), an
-- optional expiry, and when it was last used (kept to the hour).

-- +goose Up
ALTER TABLE api_tokens ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN last_used_at;
ALTER TABLE api_tokens DROP COLUMN expires_at;
ALTER TABLE api_tokens DROP COLUMN prefix;
