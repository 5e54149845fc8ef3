package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"symposium"
)

// mergePrior is what undoing a merge needs: the survivor's stored fields
// before the merge, and every reference that was moved.
type mergePrior struct {
	Survivor      personRow     `json:"survivor"`
	Speakers      []speakerMove `json:"speakers"`
	Authors       []speakerMove `json:"authors"`    // the same, for abstract_authors
	Presenters    []string      `json:"presenters"` // abstracts the merged person presented
	Registrations []string      `json:"registrations"`
	Redirected    []string      `json:"redirected"` // people merged earlier into the merged person
	Events        []string      `json:"events"`     // whose programme changed
}

// personRow is a person's stored fields as the database holds them.
type personRow struct {
	Name, Aliases, Position, Country, Email, Languages, Topics, Bio string
	OrganizationID                                                  sql.NullString
	UpdatedAt                                                       time.Time
}

// speakerMove is one speaker row (or author row) of the merged person:
// moved to the survivor, or dropped because the survivor already spoke
// there (or wrote it).
type speakerMove struct {
	ContributionID string    `json:"contribution_id"` // or the abstract's ID
	Position       int       `json:"position"`
	Dropped        bool      `json:"dropped"`
	ConfirmedAt    time.Time `json:"confirmed_at,omitzero"` // authors only
}

// MergePeople merges the person mergedID into survivorID: speakers and
// registrations move to the survivor, which takes the merged person's
// spellings as aliases and fills its empty fields from theirs; the merged
// person stays, marked as merged, so that links to them still lead
// somewhere. The merge is recorded with what undoing it needs.
func (s *Store) MergePeople(ctx context.Context, survivorID, mergedID, byUserID string) (*symposium.PersonMerge, error) {
	if !symposium.IsID(survivorID) || !symposium.IsID(mergedID) {
		return nil, symposium.NotFound()
	}
	if survivorID == mergedID {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.merge_same")
	}
	m := &symposium.PersonMerge{ID: symposium.NewID(), SurvivorID: survivorID, MergedID: mergedID, MergedBy: byUserID, CreatedAt: now()}
	err := s.write(ctx, func(t *tx) error {
		survivor, merged, err := lockPair(t, survivorID, mergedID)
		if err != nil {
			return err
		}
		var prior mergePrior
		if prior.Survivor, err = readPersonRow(t, survivorID); err != nil {
			return err
		}
		if err := moveReferences(t, survivorID, mergedID, &prior); err != nil {
			return err
		}
		absorb(survivor, merged)
		if err := writePerson(t, survivor, m.CreatedAt); err != nil {
			return err
		}
		return recordMerge(t, m, &prior)
	})
	if err != nil {
		return nil, mergeError("merge people", err)
	}
	return m, nil
}

// lockPair loads the two people of a merge, locking them on PostgreSQL;
// both must exist and neither be merged already.
func lockPair(t *tx, survivorID, mergedID string) (survivor, merged *symposium.Person, err error) {
	load := func(id string) (*symposium.Person, error) {
		var p symposium.Person
		err := scanPerson(t.queryRow(`SELECT `+personColumns+` FROM people p WHERE p.id = $1`+t.d.forUpdate, id), &p)
		if err != nil {
			return nil, notFound("person", err)
		}
		if p.MergedInto != "" {
			return nil, symposium.Errorf(symposium.ECONFLICT, "error.merge_merged")
		}
		return &p, nil
	}
	if survivor, err = load(survivorID); err != nil {
		return nil, nil, err
	}
	if merged, err = load(mergedID); err != nil {
		return nil, nil, err
	}
	return survivor, merged, nil
}

// readPersonRow reads a person's stored fields exactly.
func readPersonRow(t *tx, id string) (personRow, error) {
	var r personRow
	err := t.queryRow(`SELECT name, aliases, position, country, email, languages, topics, bio, organization_id, updated_at
		FROM people WHERE id = $1`, id).Scan(&r.Name, &r.Aliases, &r.Position, &r.Country, &r.Email, &r.Languages,
		&r.Topics, &r.Bio, &r.OrganizationID, timeCol{&r.UpdatedAt})
	return r, err
}

// moveReferences points the merged person's speaker rows, registrations and
// earlier merges to the survivor, noting each in prior.
func moveReferences(t *tx, survivorID, mergedID string, prior *mergePrior) error {
	if err := moveSpeakers(t, survivorID, mergedID, prior); err != nil {
		return err
	}
	if err := moveAuthors(t, survivorID, mergedID, prior); err != nil {
		return err
	}
	var err error
	if prior.Registrations, err = queryIDs(t, `SELECT id FROM registrations WHERE person_id = $1 ORDER BY id`, mergedID); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE registrations SET person_id = $1, updated_at = $3 WHERE person_id = $2`, survivorID, mergedID, ts(now())); err != nil {
		return err
	}
	if prior.Redirected, err = queryIDs(t, `SELECT id FROM people WHERE merged_into = $1 ORDER BY id`, mergedID); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE people SET merged_into = $1 WHERE merged_into = $2`, survivorID, mergedID); err != nil {
		return err
	}
	_, err = t.exec(`UPDATE people SET merged_into = $1 WHERE id = $2`, survivorID, mergedID)
	return err
}

// moveSpeakers gives the survivor the merged person's places among the
// speakers, dropping those where the survivor already speaks, and marks the
// programmes changed.
func moveSpeakers(t *tx, survivorID, mergedID string, prior *mergePrior) error {
	rows, err := t.query(`SELECT cs.contribution_id, cs.position, c.event_id,
			EXISTS (SELECT 1 FROM contribution_speakers o WHERE o.contribution_id = cs.contribution_id AND o.person_id = $2)
		FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id
		WHERE cs.person_id = $1 ORDER BY cs.contribution_id`, mergedID, survivorID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var mv speakerMove
		var eventID string
		if err := rows.Scan(&mv.ContributionID, &mv.Position, &eventID, &mv.Dropped); err != nil {
			rows.Close()
			return err
		}
		prior.Speakers = append(prior.Speakers, mv)
		if !slices.Contains(prior.Events, eventID) {
			prior.Events = append(prior.Events, eventID)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM contribution_speakers WHERE person_id = $1
		AND contribution_id IN (SELECT contribution_id FROM contribution_speakers WHERE person_id = $2)`, mergedID, survivorID); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE contribution_speakers SET person_id = $2 WHERE person_id = $1`, mergedID, survivorID); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE contributions SET updated_at = $2
		WHERE id IN (SELECT contribution_id FROM contribution_speakers WHERE person_id = $1)`, survivorID, ts(now())); err != nil {
		return err
	}
	return bumpProgrammes(t, prior.Events)
}

// moveAuthors gives the survivor the merged person's authorships,
// dropping those of abstracts the survivor wrote too.
func moveAuthors(t *tx, survivorID, mergedID string, prior *mergePrior) error {
	rows, err := t.query(`SELECT aa.abstract_id, aa.position, aa.confirmed_at,
			EXISTS (SELECT 1 FROM abstract_authors o WHERE o.abstract_id = aa.abstract_id AND o.person_id = $2)
		FROM abstract_authors aa WHERE aa.person_id = $1 ORDER BY aa.abstract_id`, mergedID, survivorID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var mv speakerMove
		if err := rows.Scan(&mv.ContributionID, &mv.Position, timeCol{&mv.ConfirmedAt}, &mv.Dropped); err != nil {
			rows.Close()
			return err
		}
		prior.Authors = append(prior.Authors, mv)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM abstract_authors WHERE person_id = $1
		AND abstract_id IN (SELECT abstract_id FROM abstract_authors WHERE person_id = $2)`, mergedID, survivorID); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE abstract_authors SET person_id = $2 WHERE person_id = $1`, mergedID, survivorID); err != nil {
		return err
	}
	if prior.Presenters, err = queryIDs(t, `SELECT id FROM abstracts WHERE presenter_id = $1 ORDER BY id`, mergedID); err != nil {
		return err
	}
	_, err = t.exec(`UPDATE abstracts SET presenter_id = $2, updated_at = $3 WHERE presenter_id = $1`, mergedID, survivorID, ts(now()))
	return err
}

// absorb fills the survivor's empty fields from the merged person and adds
// the merged person's spellings to the survivor's aliases.
func absorb(survivor, merged *symposium.Person) {
	spellings := survivor.Spellings()
	for _, l := range symposium.Languages {
		if survivor.Name[l] == "" && merged.Name[l] != "" && !slices.Contains(spellings, merged.Name[l]) {
			survivor.Name[l] = merged.Name[l]
			spellings = append(spellings, merged.Name[l])
		}
	}
	for _, v := range merged.Spellings() {
		if !slices.Contains(spellings, v) && len(survivor.Aliases) < symposium.MaxAliases {
			survivor.Aliases = append(survivor.Aliases, v)
			spellings = append(spellings, v)
		}
	}
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&survivor.OrganizationID, merged.OrganizationID)
	fill(&survivor.Country, merged.Country)
	fill(&survivor.Email, merged.Email)
	survivor.Position = survivor.Position.Merge(merged.Position)
	survivor.Bio = survivor.Bio.Merge(merged.Bio)
	survivor.Languages = union(survivor.Languages, merged.Languages)
	survivor.Topics = union(survivor.Topics, merged.Topics)
}

// union appends to a the items of b it lacks.
func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// writePerson stores a person's editable fields.
func writePerson(t *tx, p *symposium.Person, at time.Time) error {
	_, err := t.exec(`UPDATE people SET name = $2, aliases = $3, organization_id = $4, position = $5, country = $6,
			email = $7, languages = $8, topics = $9, bio = $10, updated_at = $11 WHERE id = $1`,
		p.ID, jsonText(p.Name), jsonText(orEmpty(p.Aliases)), nullable(p.OrganizationID), jsonText(p.Position), p.Country,
		p.Email, jsonText(orEmpty(p.Languages)), jsonText(orEmpty(p.Topics)), jsonText(p.Bio), ts(at))
	return err
}

// recordMerge stores the merge with its prior state and announces both
// people changed.
func recordMerge(t *tx, m *symposium.PersonMerge, prior *mergePrior) error {
	data, err := json.Marshal(prior)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO person_merges (id, survivor_id, merged_id, prior, merged_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, m.ID, m.SurvivorID, m.MergedID, string(data), m.MergedBy, ts(m.CreatedAt))
	if err != nil {
		return err
	}
	return announcePeople(t, append([]string{m.SurvivorID, m.MergedID}, prior.Redirected...))
}

// announcePeople records that people changed.
func announcePeople(t *tx, ids []string) error {
	for _, id := range ids {
		if err := t.changed(ChangePerson, id); err != nil {
			return err
		}
	}
	return nil
}

// bumpProgrammes marks the programmes of events changed.
func bumpProgrammes(t *tx, eventIDs []string) error {
	for _, id := range eventIDs {
		if err := bumpProgramme(t, id); err != nil {
			return err
		}
	}
	return nil
}

// queryIDs runs a query returning one text column.
func queryIDs(t *tx, q string, args ...any) ([]string, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// mergeError explains a failed merge or undo.
func mergeError(what string, err error) error {
	if err == nil || symposium.AsError(err) != nil {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return symposium.NotFound()
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// UndoMerge undoes a merge: the survivor's fields return to what they were,
// and the speaker rows and registrations moved return to the merged person.
// A merge whose survivor was merged, or took part in a later merge not yet
// undone, must wait for that one to be undone first.
func (s *Store) UndoMerge(ctx context.Context, mergeID string) (*symposium.PersonMerge, error) {
	if !symposium.IsID(mergeID) {
		return nil, symposium.NotFound()
	}
	var m symposium.PersonMerge
	err := s.write(ctx, func(t *tx) error {
		prior, err := loadMerge(t, mergeID, &m)
		if err != nil {
			return err
		}
		if err := undoable(t, &m); err != nil {
			return err
		}
		if err := restoreReferences(t, &m, prior); err != nil {
			return err
		}
		if err := restorePersonRow(t, m.SurvivorID, prior.Survivor); err != nil {
			return err
		}
		undone := now()
		m.UndoneAt = &undone
		if _, err := t.exec(`UPDATE person_merges SET undone_at = $2 WHERE id = $1`, m.ID, ts(undone)); err != nil {
			return err
		}
		return announcePeople(t, append([]string{m.SurvivorID, m.MergedID}, prior.Redirected...))
	})
	if err != nil {
		return nil, mergeError("undo merge", err)
	}
	return &m, nil
}

// loadMerge reads a merge and its prior state, locking it on PostgreSQL.
func loadMerge(t *tx, id string, m *symposium.PersonMerge) (*mergePrior, error) {
	var data string
	var undone time.Time
	err := t.queryRow(`SELECT id, survivor_id, merged_id, prior, merged_by, created_at, undone_at
		FROM person_merges WHERE id = $1`+t.d.forUpdate, id).Scan(&m.ID, &m.SurvivorID, &m.MergedID, &data, &m.MergedBy,
		timeCol{&m.CreatedAt}, timeCol{&undone})
	if err != nil {
		return nil, err
	}
	if !undone.IsZero() {
		return nil, symposium.Errorf(symposium.ECONFLICT, "error.merge_undone")
	}
	var prior mergePrior
	if err := json.Unmarshal([]byte(data), &prior); err != nil {
		return nil, fmt.Errorf("decode merge: %w", err)
	}
	return &prior, nil
}

// undoable refuses to undo a merge that later merges build on.
func undoable(t *tx, m *symposium.PersonMerge) error {
	var later int
	err := t.queryRow(`SELECT COUNT(*) FROM person_merges
		WHERE undone_at IS NULL AND id <> $1 AND created_at >= $2
		  AND (survivor_id IN ($3, $4) OR merged_id IN ($3, $4))`, m.ID, ts(m.CreatedAt), m.SurvivorID, m.MergedID).Scan(&later)
	if err != nil {
		return err
	}
	if later > 0 {
		return symposium.Errorf(symposium.ECONFLICT, "error.merge_later")
	}
	return nil
}

// restoreReferences gives the merged person back their speaker rows,
// registrations and the people merged into them earlier.
func restoreReferences(t *tx, m *symposium.PersonMerge, prior *mergePrior) error {
	if _, err := t.exec(`UPDATE people SET merged_into = NULL WHERE id = $1`, m.MergedID); err != nil {
		return err
	}
	for _, mv := range prior.Speakers {
		var err error
		if mv.Dropped {
			_, err = t.exec(`INSERT INTO contribution_speakers (contribution_id, person_id, position)
				SELECT id, $2, $3 FROM contributions WHERE id = $1 ON CONFLICT DO NOTHING`, mv.ContributionID, m.MergedID, mv.Position)
		} else {
			_, err = t.exec(`UPDATE contribution_speakers SET person_id = $2 WHERE contribution_id = $1 AND person_id = $3`,
				mv.ContributionID, m.MergedID, m.SurvivorID)
		}
		if err != nil {
			return err
		}
	}
	if err := restoreAuthors(t, m, prior); err != nil {
		return err
	}
	for _, id := range prior.Registrations {
		if _, err := t.exec(`UPDATE registrations SET person_id = $2, updated_at = $3 WHERE id = $1`, id, m.MergedID, ts(now())); err != nil {
			return err
		}
	}
	for _, id := range prior.Redirected {
		if _, err := t.exec(`UPDATE people SET merged_into = $2 WHERE id = $1`, id, m.MergedID); err != nil {
			return err
		}
	}
	return bumpProgrammes(t, prior.Events)
}

// restoreAuthors gives the merged person back their authorships.
func restoreAuthors(t *tx, m *symposium.PersonMerge, prior *mergePrior) error {
	for _, mv := range prior.Authors {
		var err error
		if mv.Dropped {
			_, err = t.exec(`INSERT INTO abstract_authors (abstract_id, person_id, position, confirmed_at)
				SELECT id, $2, $3, $4 FROM abstracts WHERE id = $1 ON CONFLICT DO NOTHING`,
				mv.ContributionID, m.MergedID, mv.Position, optionalTime(timeOrNil(mv.ConfirmedAt)))
		} else {
			_, err = t.exec(`UPDATE abstract_authors SET person_id = $2 WHERE abstract_id = $1 AND person_id = $3`,
				mv.ContributionID, m.MergedID, m.SurvivorID)
		}
		if err != nil {
			return err
		}
	}
	for _, id := range prior.Presenters {
		if _, err := t.exec(`UPDATE abstracts SET presenter_id = $2, updated_at = $3 WHERE id = $1`, id, m.MergedID, ts(now())); err != nil {
			return err
		}
	}
	return nil
}

// restorePersonRow writes back a person's stored fields exactly.
func restorePersonRow(t *tx, id string, r personRow) error {
	_, err := t.exec(`UPDATE people SET name = $2, aliases = $3, position = $4, country = $5, email = $6, languages = $7,
			topics = $8, bio = $9, organization_id = $10, updated_at = $11 WHERE id = $1`,
		id, r.Name, r.Aliases, r.Position, r.Country, r.Email, r.Languages, r.Topics, r.Bio, r.OrganizationID, ts(r.UpdatedAt))
	return err
}

// PersonMerges returns the merges a person took part in, newest first.
func (s *Store) PersonMerges(ctx context.Context, personID string) ([]*symposium.PersonMerge, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, survivor_id, merged_id, merged_by, created_at, undone_at
		FROM person_merges WHERE survivor_id = $1 OR merged_id = $1 ORDER BY created_at DESC, id DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("store: person merges: %w", err)
	}
	defer rows.Close()
	var out []*symposium.PersonMerge
	for rows.Next() {
		var m symposium.PersonMerge
		var undone time.Time
		if err := rows.Scan(&m.ID, &m.SurvivorID, &m.MergedID, &m.MergedBy, timeCol{&m.CreatedAt}, timeCol{&undone}); err != nil {
			return nil, fmt.Errorf("store: person merges: %w", err)
		}
		if !undone.IsZero() {
			m.UndoneAt = &undone
		}
		out = append(out, &m)
	}
	return out, rows.Err()
}
