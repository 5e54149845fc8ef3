package outcomes

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/store"
)

// Target names what a material belongs to: a contribution, a session, or
// with neither the event itself.
type Target struct {
	ContributionID string
	SessionID      string
}

// Upload is a file someone sends, with what describes it.
type Upload struct {
	Title      symposium.LocalizedText
	Visibility string
	FileName   string
	File       io.Reader
}

// materialAccess returns the event, the caller's access and the
// contributions where they speak.
func (s *Service) materialAccess(ctx context.Context, u *symposium.User, slug string) (*symposium.Event, symposium.Access, []string, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, access, nil, err
	}
	speaks, err := s.speaks(ctx, u, e.ID)
	return e, access, speaks, err
}

// mayUpload checks that the caller may add a material to the target:
// managers anywhere, speakers to their own contributions.
func (s *Service) mayUpload(ctx context.Context, e *symposium.Event, access symposium.Access, speaks []string, t Target) error {
	speaker := t.ContributionID != "" && slices.Contains(speaks, t.ContributionID)
	if err := access.Require(e, access.CanUploadMaterial(speaker)); err != nil {
		return err
	}
	var p symposium.Problems
	switch {
	case t.ContributionID != "":
		if _, err := s.contribution(ctx, e, t.ContributionID); err != nil {
			p.Add("contribution_id", "error.field.unknown_reference")
		}
	case t.SessionID != "":
		if _, err := s.session(ctx, e, t.SessionID); err != nil {
			p.Add("session_id", "error.field.unknown_reference")
		}
	}
	return p.Err()
}

// version reads, checks and describes an uploaded file; nothing is
// stored when it fails.
func version(u *symposium.User, up Upload) (*symposium.MaterialVersion, error) {
	if _, err := CheckFileName(up.FileName); err != nil {
		return nil, err
	}
	data, err := readUpload(up.File)
	if err != nil {
		return nil, err
	}
	ct, err := Sniff(up.FileName, data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	return &symposium.MaterialVersion{FileName: up.FileName, ContentType: ct, Size: int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]), Data: data, CreatedBy: u.ID}, nil
}

// AddMaterial stores a new material of the target with its first version,
// for the event's managers and the target contribution's speakers.
func (s *Service) AddMaterial(ctx context.Context, u *symposium.User, slug string, t Target, up Upload) (*symposium.Material, error) {
	if u == nil {
		return nil, s.anonymous(ctx, slug)
	}
	e, access, speaks, err := s.materialAccess(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	if err := s.mayUpload(ctx, e, access, speaks, t); err != nil {
		return nil, err
	}
	m := &symposium.Material{EventID: e.ID, ContributionID: t.ContributionID, SessionID: t.SessionID,
		Title: up.Title.Clean(), Visibility: up.Visibility}
	var p symposium.Problems
	m.Title.Validate(&p, "title", false, symposium.MaxTitleLength, false)
	if m.Visibility == "" {
		m.Visibility = symposium.SeenByEveryone
	} else if !slices.Contains(symposium.MaterialVisibilities, m.Visibility) {
		p.Add("visibility", "error.field.one_of", "Allowed", strings.Join(symposium.MaterialVisibilities, ", "))
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	v, err := version(u, up)
	if err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditMaterialUpload, "", nil, map[string]any{"file_name": v.FileName, "size": v.Size})
	if err := s.store.CreateMaterial(store.WithAudit(ctx, entry), m, v); err != nil {
		return nil, err
	}
	return s.store.Material(ctx, e.ID, m.ID)
}

// AddMaterialVersion stores a new version of a material's file, for those
// who may upload to its target.
func (s *Service) AddMaterialVersion(ctx context.Context, u *symposium.User, slug, id string, up Upload) (*symposium.Material, error) {
	if u == nil {
		return nil, s.anonymous(ctx, slug)
	}
	e, access, speaks, err := s.materialAccess(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	m, err := s.store.Material(ctx, e.ID, id)
	if err != nil {
		return nil, err
	}
	if !access.CanSeeMaterial(m.Visibility, len(speaks) > 0) {
		return nil, symposium.NotFound()
	}
	if err := s.mayUpload(ctx, e, access, speaks, Target{ContributionID: m.ContributionID, SessionID: m.SessionID}); err != nil {
		return nil, err
	}
	v, err := version(u, up)
	if err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditMaterialUpload, m.ID, nil, map[string]any{"file_name": v.FileName, "size": v.Size})
	if err := s.store.AddMaterialVersion(store.WithAudit(ctx, entry), m.ID, v); err != nil {
		return nil, err
	}
	return s.store.Material(ctx, e.ID, m.ID)
}

// anonymous answers a change asked by nobody signed in: every change
// needs an account, and nothing is read first.
func (s *Service) anonymous(context.Context, string) error { return symposium.Unauthorized() }

// Materials lists the event's materials the caller may see, optionally
// only those of one target.
func (s *Service) Materials(ctx context.Context, u *symposium.User, slug string, only *Target) (*symposium.Event, []*symposium.Material, error) {
	e, access, speaks, err := s.materialAccess(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.store.Materials(ctx, e.ID)
	if err != nil {
		return nil, nil, err
	}
	var out []*symposium.Material
	for _, m := range all {
		if !access.CanSeeMaterial(m.Visibility, len(speaks) > 0) {
			continue
		}
		if only != nil && (m.ContributionID != only.ContributionID || m.SessionID != only.SessionID) {
			continue
		}
		out = append(out, m)
	}
	return e, out, nil
}

// MaterialDetail is a material with every version.
type MaterialDetail struct {
	Event    *symposium.Event
	Material *symposium.Material
	Versions []symposium.MaterialVersion
}

// Material returns one material with its versions, when the caller may
// see it.
func (s *Service) Material(ctx context.Context, u *symposium.User, slug, id string) (*MaterialDetail, error) {
	e, access, speaks, err := s.materialAccess(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	m, err := s.store.Material(ctx, e.ID, id)
	if err != nil {
		return nil, err
	}
	if !access.CanSeeMaterial(m.Visibility, len(speaks) > 0) {
		return nil, symposium.NotFound()
	}
	versions, err := s.store.MaterialVersions(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	return &MaterialDetail{Event: e, Material: m, Versions: versions}, nil
}

// MaterialFile returns a version of a material's file (0: the current
// one), when the caller may see the material.
func (s *Service) MaterialFile(ctx context.Context, u *symposium.User, slug, id string, ver int) (*symposium.MaterialVersion, error) {
	d, err := s.Material(ctx, u, slug, id)
	if err != nil {
		return nil, err
	}
	if ver == 0 {
		ver = d.Material.Version
	}
	return s.store.MaterialFile(ctx, d.Material.ID, ver)
}

// MaterialsZip writes the current files of the materials the caller may
// see, of one session (sessionID) or of the contributions on one day
// (day, as YYYY-MM-DD in the event's zone), as one ZIP; names that repeat
// get a number. It returns the archive's name.
func (s *Service) MaterialsZip(ctx context.Context, u *symposium.User, slug, sessionID, day string, w io.Writer) (string, error) {
	e, list, err := s.Materials(ctx, u, slug, nil)
	if err != nil {
		return "", err
	}
	picked, name, err := s.pickForZip(ctx, e, list, sessionID, day)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	used := map[string]int{}
	for _, m := range picked {
		f, err := s.store.MaterialFile(ctx, m.ID, m.Version)
		if err != nil {
			return "", err
		}
		entry := uniqueName(used, f.FileName)
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: entry, Method: zip.Deflate, Modified: f.CreatedAt})
		if err != nil {
			return "", fmt.Errorf("outcomes: zip: %w", err)
		}
		if _, err := fw.Write(f.Data); err != nil {
			return "", fmt.Errorf("outcomes: zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("outcomes: zip: %w", err)
	}
	_, err = buf.WriteTo(w)
	return name, err
}

// pickForZip chooses the materials of a session, or of a day's
// contributions, and names the archive.
func (s *Service) pickForZip(ctx context.Context, e *symposium.Event, list []*symposium.Material, sessionID, day string) ([]*symposium.Material, string, error) {
	contributions, err := s.store.Contributions(ctx, e.ID)
	if err != nil {
		return nil, "", err
	}
	loc := e.Location()
	inSession, onDay := map[string]bool{}, map[string]bool{}
	for _, c := range contributions {
		if sessionID != "" && c.SessionID == sessionID {
			inSession[c.ID] = true
		}
		if c.StartsAt != nil && c.StartsAt.In(loc).Format(symposium.DateLayout) == day {
			onDay[c.ID] = true
		}
	}
	var out []*symposium.Material
	for _, m := range list {
		switch {
		case sessionID != "" && (m.SessionID == sessionID || inSession[m.ContributionID]):
			out = append(out, m)
		case sessionID == "" && day != "" && onDay[m.ContributionID]:
			out = append(out, m)
		}
	}
	switch {
	case sessionID != "":
		if _, err := s.session(ctx, e, sessionID); err != nil {
			return nil, "", err
		}
		return out, e.Slug + "-session-materials.zip", nil
	case day != "":
		return out, e.Slug + "-" + day + "-materials.zip", nil
	}
	var p symposium.Problems
	p.Add("session", "error.field.required")
	return nil, "", p.Err()
}

// uniqueName returns name, or name with a number before its extension
// when it was used already.
func uniqueName(used map[string]int, name string) string {
	used[name]++
	if n := used[name]; n > 1 {
		dot := strings.LastIndex(name, ".")
		if dot < 0 {
			dot = len(name)
		}
		return fmt.Sprintf("%s (%d)%s", name[:dot], n, name[dot:])
	}
	return name
}
