-- What a registration keeps for the report when its person link goes, by
-- shredding or erasure: the kind of the registrant's organization.

-- +goose Up
ALTER TABLE registrations ADD COLUMN org_kind TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE registrations DROP COLUMN org_kind;
