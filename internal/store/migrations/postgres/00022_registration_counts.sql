-- What a registration keeps for the report when its person link goes, by
-- shredding or erasure: the kind of the registrant's organization. Events
-- that existed before retention periods keep their registration data for
-- the longest period, so that an upgrade shreds nothing by surprise; their
-- organizers may shorten it.

-- +goose Up
ALTER TABLE registrations ADD COLUMN org_kind TEXT NOT NULL DEFAULT '';
UPDATE events SET retention_days = 3650 WHERE shredded_at IS NULL;

-- +goose Down
ALTER TABLE registrations DROP COLUMN org_kind;
