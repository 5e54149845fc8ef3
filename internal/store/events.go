package store

import (
	"context"
	"fmt"

	"symposium"
)

const eventColumns = `e.id, e.slug, e.kind, e.series, e.title, e.summary, e.starts_at, e.ends_at, e.timezone,
	e.venue_name, e.venue_city, e.venue_address, e.visibility, e.status, e.languages, e.default_language, e.created_at, e.updated_at,
	e.hold_minutes, e.promotion_hours, e.programme_version, e.accent, e.logo IS NOT NULL, EXISTS (SELECT 1 FROM calls cf WHERE cf.event_id = e.id)`

func scanEvent(row interface{ Scan(...any) error }, e *symposium.Event) error {
	return row.Scan(eventDest(e)...)
}

// eventDest lists where the columns of eventColumns go.
func eventDest(e *symposium.Event) []any {
	return []any{&e.ID, &e.Slug, &e.Kind, jsonCol{&e.Series}, jsonCol{&e.Title}, jsonCol{&e.Summary},
		timeCol{&e.StartsAt}, timeCol{&e.EndsAt}, &e.Timezone, jsonCol{&e.Venue.Name}, jsonCol{&e.Venue.City},
		&e.Venue.Address, &e.Visibility, &e.Status, jsonCol{&e.Languages}, &e.DefaultLanguage,
		timeCol{&e.CreatedAt}, timeCol{&e.UpdatedAt}, &e.HoldMinutes, &e.PromotionHours, &e.ProgrammeVersion, &e.Accent, &e.HasLogo, &e.HasCall}
}

// CreateEvent stores a new event with its organizers and makes the creator
// its manager; an empty ID is filled in. A slug in use is a conflict on "slug"; an unknown
// organization is invalid input.
func (s *Store) CreateEvent(ctx context.Context, e *symposium.Event, creatorID string) error {
	if e.ID == "" {
		e.ID = symposium.NewID()
	}
	e.CreatedAt = now()
	e.UpdatedAt = e.CreatedAt
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`INSERT INTO events (id, slug, kind, series, title, summary, starts_at, ends_at, timezone,
				venue_name, venue_city, venue_address, visibility, status, languages, default_language, created_at, updated_at,
				hold_minutes, promotion_hours, accent)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18, $19, $20)`,
			e.ID, e.Slug, e.Kind, jsonText(e.Series), jsonText(e.Title), jsonText(e.Summary), ts(e.StartsAt), ts(e.EndsAt),
			e.Timezone, jsonText(e.Venue.Name), jsonText(e.Venue.City), e.Venue.Address, e.Visibility, e.Status,
			jsonText(orEmpty(e.Languages)), e.DefaultLanguage, ts(e.CreatedAt), e.HoldMinutes, e.PromotionHours, e.Accent)
		if err != nil {
			return err
		}
		if err := replaceOrganizers(t, e); err != nil {
			return err
		}
		if err := t.changed(ChangeEvent, e.ID); err != nil {
			return err
		}
		if creatorID == "" {
			return nil
		}
		_, err = t.exec(`INSERT INTO event_roles (event_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)`,
			e.ID, creatorID, symposium.RoleManager, ts(e.CreatedAt))
		return err
	})
	return eventWriteError("create event", err)
}

// UpdateEvent stores every field of an existing event, its organizers
// included.
func (s *Store) UpdateEvent(ctx context.Context, e *symposium.Event) error {
	e.UpdatedAt = now()
	err := s.write(ctx, func(t *tx) error { return updateEvent(t, e) })
	return eventWriteError("update event", err)
}

// updateEvent writes the event's fields and organizers.
func updateEvent(t *tx, e *symposium.Event) error {
	n, err := affected(t.exec(`UPDATE events SET slug = $2, kind = $3, series = $4, title = $5, summary = $6,
			starts_at = $7, ends_at = $8, timezone = $9, venue_name = $10, venue_city = $11, venue_address = $12,
			visibility = $13, status = $14, languages = $15, default_language = $16, updated_at = $17,
			hold_minutes = $18, promotion_hours = $19, accent = $20, programme_version = programme_version + 1
		WHERE id = $1`,
		e.ID, e.Slug, e.Kind, jsonText(e.Series), jsonText(e.Title), jsonText(e.Summary), ts(e.StartsAt), ts(e.EndsAt),
		e.Timezone, jsonText(e.Venue.Name), jsonText(e.Venue.City), e.Venue.Address, e.Visibility, e.Status,
		jsonText(orEmpty(e.Languages)), e.DefaultLanguage, ts(e.UpdatedAt), e.HoldMinutes, e.PromotionHours, e.Accent))
	if err != nil {
		return err
	}
	if n == 0 {
		return symposium.NotFound()
	}
	if err := t.changed(ChangeEvent, e.ID); err != nil {
		return err
	}
	return replaceOrganizers(t, e)
}

// bumpProgramme marks an event's programme as changed, and announces it.
func bumpProgramme(t *tx, eventID string) error {
	if _, err := t.exec(`UPDATE events SET programme_version = programme_version + 1 WHERE id = $1`, eventID); err != nil {
		return err
	}
	return t.changed(ChangeProgramme, eventID)
}

// replaceOrganizers stores the event's organizers in their order.
func replaceOrganizers(t *tx, e *symposium.Event) error {
	if _, err := t.exec(`DELETE FROM event_organizations WHERE event_id = $1`, e.ID); err != nil {
		return err
	}
	for i, o := range e.Organizers {
		_, err := t.exec(`INSERT INTO event_organizations (event_id, organization_id, role, position) VALUES ($1, $2, $3, $4)
			ON CONFLICT (event_id, organization_id, role) DO NOTHING`, e.ID, o.OrganizationID, o.Role, i)
		if isForeignKeyViolation(err) {
			return invalidReference(fmt.Sprintf("organizers.%d.organization_id", i))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// eventWriteError explains a failed event write.
func eventWriteError(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case isUniqueViolation(err):
		e := symposium.Errorf(symposium.ECONFLICT, "error.slug_taken")
		e.Fields = []symposium.FieldError{{Field: "slug", Key: "error.slug_taken"}}
		return e
	case symposium.AsError(err) != nil:
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// EventBySlug returns an event with its organizers.
func (s *Store) EventBySlug(ctx context.Context, slug string) (*symposium.Event, error) {
	var e symposium.Event
	err := scanEvent(s.read.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.slug = $1`, slug), &e)
	if err != nil {
		return nil, notFound("event by slug", err)
	}
	if err := s.loadOrganizers(ctx, []*symposium.Event{&e}); err != nil {
		return nil, err
	}
	return &e, nil
}

// FindEvent returns an event without its organizers: enough to check
// access and to read its programme, in one query.
func (s *Store) FindEvent(ctx context.Context, slug string) (*symposium.Event, error) {
	var e symposium.Event
	err := scanEvent(s.read.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.slug = $1`, slug), &e)
	if err != nil {
		return nil, notFound("find event", err)
	}
	return &e, nil
}

// loadOrganizers fills in the organizers of the events, with their names,
// in one query.
func (s *Store) loadOrganizers(ctx context.Context, events []*symposium.Event) error {
	if len(events) == 0 {
		return nil
	}
	byID := map[string]*symposium.Event{}
	ids := make([]string, 0, len(events))
	for _, e := range events {
		byID[e.ID] = e
		e.Organizers = []symposium.EventOrganization{}
		ids = append(ids, e.ID)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT eo.event_id, eo.organization_id, eo.role, o.name
		FROM event_organizations eo JOIN organizations o ON o.id = eo.organization_id
		WHERE eo.event_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`)
		ORDER BY eo.event_id, eo.position`, jsonText(ids))
	if err != nil {
		return fmt.Errorf("store: load organizers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var eventID string
		var o symposium.EventOrganization
		if err := rows.Scan(&eventID, &o.OrganizationID, &o.Role, jsonCol{&o.Name}); err != nil {
			return fmt.Errorf("store: load organizers: %w", err)
		}
		byID[eventID].Organizers = append(byID[eventID].Organizers, o)
	}
	return rows.Err()
}

// EventByID returns an event with its organizers.
func (s *Store) EventByID(ctx context.Context, id string) (*symposium.Event, error) {
	var e symposium.Event
	err := scanEvent(s.read.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = $1`, id), &e)
	if err != nil {
		return nil, notFound("event by id", err)
	}
	if err := s.loadOrganizers(ctx, []*symposium.Event{&e}); err != nil {
		return nil, err
	}
	return &e, nil
}
