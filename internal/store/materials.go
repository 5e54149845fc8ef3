package store

import (
	"context"
	"fmt"

	"symposium"
)

const materialColumns = `m.id, m.event_id, COALESCE(m.contribution_id, ''), COALESCE(m.session_id, ''), m.title, m.visibility,
	m.version, v.file_name, v.content_type, v.size, v.sha256, m.created_at, v.created_at`

const materialFrom = ` FROM materials m JOIN material_versions v ON v.material_id = m.id AND v.version = m.version`

func scanMaterial(row interface{ Scan(...any) error }) (*symposium.Material, error) {
	var m symposium.Material
	err := row.Scan(&m.ID, &m.EventID, &m.ContributionID, &m.SessionID, jsonCol{&m.Title}, &m.Visibility,
		&m.Version, &m.FileName, &m.ContentType, &m.Size, &m.SHA256, timeCol{&m.CreatedAt}, timeCol{&m.UpdatedAt})
	return &m, err
}

// CreateMaterial stores a new material with its first version; m gets its
// ID, version and times.
func (s *Store) CreateMaterial(ctx context.Context, m *symposium.Material, v *symposium.MaterialVersion) error {
	m.ID, m.Version, m.CreatedAt = symposium.NewID(), 1, now()
	m.UpdatedAt = m.CreatedAt
	v.Version, v.CreatedAt = 1, m.CreatedAt
	where, data, err := s.placeFile(v)
	if err != nil {
		return fmt.Errorf("store: create material: %w", err)
	}
	err = s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`INSERT INTO materials (id, event_id, contribution_id, session_id, title, visibility, version, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)`, m.ID, m.EventID, nullable(m.ContributionID), nullable(m.SessionID),
			jsonText(m.Title), m.Visibility, ts(m.CreatedAt), v.CreatedBy); err != nil {
			return err
		}
		return insertMaterialVersion(t, m.ID, v, where, data)
	})
	if err != nil {
		return fmt.Errorf("store: create material: %w", err)
	}
	return nil
}

// placeFile puts a version's file where the store keeps files: into the
// file directory when one is set, before the database records it, or
// into the database. It returns where, and the data the database row
// holds (none when the file is in the directory).
func (s *Store) placeFile(v *symposium.MaterialVersion) (where string, data []byte, err error) {
	if s.files == "" {
		return inDatabase, v.Data, nil
	}
	sum, err := s.putFile(v.Data)
	if err != nil {
		return "", nil, err
	}
	if sum != v.SHA256 {
		return "", nil, fmt.Errorf("the file's SHA-256 is %s, not %s", sum, v.SHA256)
	}
	return inDirectory, []byte{}, nil
}

// insertMaterialVersion stores one version of a material, its file's data
// in the row or, where says so, in the file directory.
func insertMaterialVersion(t *tx, materialID string, v *symposium.MaterialVersion, where string, data []byte) error {
	_, err := t.exec(`INSERT INTO material_versions (material_id, version, file_name, content_type, size, sha256, data, created_at, created_by, stored_in)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, materialID, v.Version, v.FileName, v.ContentType, v.Size, v.SHA256, data,
		ts(v.CreatedAt), v.CreatedBy, where)
	return err
}

// AddMaterialVersion stores v as the material's next version, which
// becomes its current one; the earlier versions stay.
func (s *Store) AddMaterialVersion(ctx context.Context, materialID string, v *symposium.MaterialVersion) error {
	where, data, err := s.placeFile(v)
	if err != nil {
		return fmt.Errorf("store: add material version: %w", err)
	}
	err = s.write(ctx, func(t *tx) error {
		if err := t.queryRow(`UPDATE materials SET version = version + 1 WHERE id = $1 RETURNING version`, materialID).Scan(&v.Version); err != nil {
			return notFound("material", err)
		}
		v.CreatedAt = now()
		return insertMaterialVersion(t, materialID, v, where, data)
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: add material version: %w", err)
	}
	return nil
}

// Materials returns the event's materials with their current versions,
// in the order they were added.
func (s *Store) Materials(ctx context.Context, eventID string) ([]*symposium.Material, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+materialColumns+materialFrom+` WHERE m.event_id = $1 ORDER BY m.created_at, m.id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: materials: %w", err)
	}
	defer rows.Close()
	var out []*symposium.Material
	for rows.Next() {
		m, err := scanMaterial(rows)
		if err != nil {
			return nil, fmt.Errorf("store: materials: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Material returns one material of the event with its current version.
func (s *Store) Material(ctx context.Context, eventID, id string) (*symposium.Material, error) {
	m, err := scanMaterial(s.read.QueryRowContext(ctx, `SELECT `+materialColumns+materialFrom+` WHERE m.event_id = $1 AND m.id = $2`, eventID, id))
	if err != nil {
		return nil, notFound("material", err)
	}
	return m, nil
}

// MaterialVersions returns what is known of every version of a material,
// without the files, newest first.
func (s *Store) MaterialVersions(ctx context.Context, materialID string) ([]symposium.MaterialVersion, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT version, file_name, content_type, size, sha256, created_at FROM material_versions
		WHERE material_id = $1 ORDER BY version DESC`, materialID)
	if err != nil {
		return nil, fmt.Errorf("store: material versions: %w", err)
	}
	defer rows.Close()
	var out []symposium.MaterialVersion
	for rows.Next() {
		var v symposium.MaterialVersion
		if err := rows.Scan(&v.Version, &v.FileName, &v.ContentType, &v.Size, &v.SHA256, timeCol{&v.CreatedAt}); err != nil {
			return nil, fmt.Errorf("store: material versions: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// MaterialFile returns one version of a material with its file, read
// from the database or from the file directory, wherever it was stored.
func (s *Store) MaterialFile(ctx context.Context, materialID string, version int) (*symposium.MaterialVersion, error) {
	var v symposium.MaterialVersion
	var where string
	err := s.read.QueryRowContext(ctx, `SELECT version, file_name, content_type, size, sha256, created_at, data, stored_in FROM material_versions
		WHERE material_id = $1 AND version = $2`, materialID, version).
		Scan(&v.Version, &v.FileName, &v.ContentType, &v.Size, &v.SHA256, timeCol{&v.CreatedAt}, &v.Data, &where)
	if err != nil {
		return nil, notFound("material file", err)
	}
	if where == inDirectory {
		if v.Data, err = s.getFile(v.SHA256); err != nil {
			return nil, fmt.Errorf("store: material file: %w", err)
		}
	}
	return &v, nil
}

// SpeakerContributions returns the IDs of the event's contributions where
// the person with the email speaks.
func (s *Store) SpeakerContributions(ctx context.Context, eventID, email string) ([]string, error) {
	if email == "" {
		return nil, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT c.id FROM contributions c
		JOIN contribution_speakers cs ON cs.contribution_id = c.id
		JOIN people p ON p.id = cs.person_id
		WHERE c.event_id = $1 AND p.email = $2`, eventID, email)
	if err != nil {
		return nil, fmt.Errorf("store: speaker contributions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: speaker contributions: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
