package store

import (
	"context"
	"fmt"

	"symposium"
)

// PhotoSize is one stored width of an event's photo.
type PhotoSize struct {
	Width, Height int
	Data          []byte
}

// CreateEventPhoto stores a photo of an event with its sizes and the
// people shown in it; ph gets its ID and time.
func (s *Store) CreateEventPhoto(ctx context.Context, ph *symposium.EventPhoto, sizes []PhotoSize, createdBy string) error {
	ph.ID, ph.CreatedAt = symposium.NewID(), now()
	err := s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`INSERT INTO event_photos (id, event_id, contribution_id, caption, credit, licence, in_report, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, ph.ID, ph.EventID, nullable(ph.ContributionID), jsonText(ph.Caption),
			ph.Credit, ph.Licence, ph.InReport, ts(ph.CreatedAt), createdBy); err != nil {
			return err
		}
		for _, sz := range sizes {
			if _, err := t.exec(`INSERT INTO event_photo_sizes (photo_id, width, height, data) VALUES ($1, $2, $3, $4)`,
				ph.ID, sz.Width, sz.Height, sz.Data); err != nil {
				return err
			}
		}
		return setPhotoPeople(t, ph.ID, ph.PersonIDs)
	})
	if err != nil {
		return fmt.Errorf("store: create event photo: %w", err)
	}
	return nil
}

// setPhotoPeople replaces the people tagged in a photo.
func setPhotoPeople(t *tx, photoID string, people []string) error {
	if _, err := t.exec(`DELETE FROM event_photo_people WHERE photo_id = $1`, photoID); err != nil {
		return err
	}
	for _, p := range people {
		if _, err := t.exec(`INSERT INTO event_photo_people (photo_id, person_id) VALUES ($1, $2)`, photoID, p); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEventPhoto changes a photo's caption, credit, licence, place in
// the report and the people tagged in it.
func (s *Store) UpdateEventPhoto(ctx context.Context, ph *symposium.EventPhoto) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE event_photos SET caption = $3, credit = $4, licence = $5, in_report = $6, contribution_id = $7
			WHERE id = $1 AND event_id = $2`, ph.ID, ph.EventID, jsonText(ph.Caption), ph.Credit, ph.Licence, ph.InReport, nullable(ph.ContributionID)))
		if err != nil {
			return err
		}
		if n == 0 {
			return symposium.NotFound()
		}
		return setPhotoPeople(t, ph.ID, ph.PersonIDs)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: update event photo: %w", err)
	}
	return nil
}

// DeleteEventPhoto removes a photo of the event with its sizes.
func (s *Store) DeleteEventPhoto(ctx context.Context, eventID, id string) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`DELETE FROM event_photos WHERE id = $1 AND event_id = $2`, id, eventID))
		if err == nil && n == 0 {
			return symposium.NotFound()
		}
		return err
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: delete event photo: %w", err)
	}
	return nil
}

// EventPhotos returns the event's photos, oldest first, with their widths
// and the people tagged in them.
func (s *Store) EventPhotos(ctx context.Context, eventID string) ([]*symposium.EventPhoto, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, event_id, COALESCE(contribution_id, ''), caption, credit, licence, in_report, created_at
		FROM event_photos WHERE event_id = $1 ORDER BY created_at, id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: event photos: %w", err)
	}
	defer rows.Close()
	var out []*symposium.EventPhoto
	byID := map[string]*symposium.EventPhoto{}
	for rows.Next() {
		ph := &symposium.EventPhoto{PersonIDs: []string{}}
		if err := rows.Scan(&ph.ID, &ph.EventID, &ph.ContributionID, jsonCol{&ph.Caption}, &ph.Credit, &ph.Licence, &ph.InReport,
			timeCol{&ph.CreatedAt}); err != nil {
			return nil, fmt.Errorf("store: event photos: %w", err)
		}
		out = append(out, ph)
		byID[ph.ID] = ph
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: event photos: %w", err)
	}
	if err := s.photoDetails(ctx, eventID, byID); err != nil {
		return nil, err
	}
	return out, nil
}

// photoDetails adds the widths and tagged people of the event's photos.
func (s *Store) photoDetails(ctx context.Context, eventID string, byID map[string]*symposium.EventPhoto) error {
	rows, err := s.read.QueryContext(ctx, `SELECT z.photo_id, z.width, '' FROM event_photo_sizes z JOIN event_photos ph ON ph.id = z.photo_id
		WHERE ph.event_id = $1
		UNION ALL SELECT pp.photo_id, 0, pp.person_id FROM event_photo_people pp JOIN event_photos ph ON ph.id = pp.photo_id
		WHERE ph.event_id = $1
		ORDER BY 1, 2, 3`, eventID)
	if err != nil {
		return fmt.Errorf("store: event photo details: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, person string
		var width int
		if err := rows.Scan(&id, &width, &person); err != nil {
			return fmt.Errorf("store: event photo details: %w", err)
		}
		ph := byID[id]
		switch {
		case ph == nil:
		case person != "":
			ph.PersonIDs = append(ph.PersonIDs, person)
		default:
			ph.Widths = append(ph.Widths, width)
		}
	}
	return rows.Err()
}

// EventPhotoFile returns the stored size of a photo of the event nearest
// to width: the smallest at least as wide, or the widest.
func (s *Store) EventPhotoFile(ctx context.Context, eventID, id string, width int) ([]byte, error) {
	var data []byte
	err := s.read.QueryRowContext(ctx, `SELECT z.data FROM event_photo_sizes z JOIN event_photos ph ON ph.id = z.photo_id
		WHERE ph.event_id = $1 AND ph.id = $2
		ORDER BY CASE WHEN z.width >= $3 THEN 0 ELSE 1 END, CASE WHEN z.width >= $3 THEN z.width ELSE -z.width END LIMIT 1`,
		eventID, id, width).Scan(&data)
	if err != nil {
		return nil, notFound("event photo", err)
	}
	return data, nil
}

// PhotoConsents returns, for the people with these IDs, their answer to
// photo consent at the event: the answer of their live registration, found
// by person or by the person's email; "" where none.
func (s *Store) PhotoConsents(ctx context.Context, eventID string, personIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(personIDs) == 0 {
		return out, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT p.id, r.photo_consent FROM people p
		JOIN registrations r ON r.event_id = $1 AND (r.person_id = p.id OR (r.email = p.email AND p.email <> ''))
		WHERE p.id IN (SELECT value FROM `+s.d.jsonEach("$2")+`) AND r.status IN ('confirmed', 'waitlisted', 'pending')`,
		eventID, jsonText(personIDs))
	if err != nil {
		return nil, fmt.Errorf("store: photo consents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, consent string
		if err := rows.Scan(&id, &consent); err != nil {
			return nil, fmt.Errorf("store: photo consents: %w", err)
		}
		out[id] = consent
	}
	return out, rows.Err()
}

// SetPhotoConsent records a registrant's answer to photo consent.
func (s *Store) SetPhotoConsent(ctx context.Context, registrationID, consent string) error {
	err := s.write(ctx, func(t *tx) error {
		n, err := affected(t.exec(`UPDATE registrations SET photo_consent = $2, updated_at = $3 WHERE id = $1`, registrationID, consent, ts(now())))
		if err == nil && n == 0 {
			return symposium.NotFound()
		}
		return err
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: set photo consent: %w", err)
	}
	return nil
}

// PhotoConsent returns the answer to photo consent of a registration.
func (s *Store) PhotoConsent(ctx context.Context, registrationID string) (string, error) {
	var c string
	if err := s.read.QueryRowContext(ctx, `SELECT photo_consent FROM registrations WHERE id = $1`, registrationID).Scan(&c); err != nil {
		return "", notFound("photo consent", err)
	}
	return c, nil
}

// LiveRegistration returns the ID and photo consent of the live
// registration (confirmed, waitlisted or pending) with the email at the
// event.
func (s *Store) LiveRegistration(ctx context.Context, eventID, email string) (id, consent string, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT id, photo_consent FROM registrations WHERE event_id = $1 AND email = $2
		AND status IN ('confirmed', 'waitlisted', 'pending')`, eventID, email).Scan(&id, &consent)
	if err != nil {
		return "", "", notFound("live registration", err)
	}
	return id, consent, nil
}
