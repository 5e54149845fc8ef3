package outcomes

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"slices"

	"golang.org/x/image/draw"

	"symposium"
	"symposium/internal/photo"
	"symposium/internal/store"
)

// ThumbWidth is the width of a photo's small size, for galleries.
const ThumbWidth = 320

// Gallery is the event's photos as the caller may see them.
type Gallery struct {
	Event  *symposium.Event
	Access symposium.Access
	Photos []*symposium.EventPhoto
	// People are the people tagged in the photos shown, by ID.
	People map[string]*symposium.Person
}

// sizes returns a cleaned photo (upright, at most photo.MaxSide wide,
// without metadata) at its own width and at ThumbWidth.
func sizes(ctx context.Context, r io.Reader) ([]store.PhotoSize, error) {
	full, err := photo.Process(ctx, r)
	if err != nil {
		return nil, err
	}
	img, err := jpeg.Decode(bytes.NewReader(full))
	if err != nil {
		return nil, fmt.Errorf("outcomes: decode photo: %w", err)
	}
	b := img.Bounds()
	out := []store.PhotoSize{{Width: b.Dx(), Height: b.Dy(), Data: full}}
	if b.Dx() > ThumbWidth {
		h := max(1, b.Dy()*ThumbWidth/b.Dx())
		dst := image.NewRGBA(image.Rect(0, 0, ThumbWidth, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82}); err != nil {
			return nil, fmt.Errorf("outcomes: encode photo: %w", err)
		}
		out = append(out, store.PhotoSize{Width: ThumbWidth, Height: h, Data: buf.Bytes()})
	}
	return out, nil
}

// checkTags refuses tags of people who did not consent to photos at the
// event, and a contribution not of the event.
func (s *Service) checkTags(ctx context.Context, e *symposium.Event, ph *symposium.EventPhoto, p *symposium.Problems) error {
	if ph.ContributionID != "" {
		if _, err := s.contribution(ctx, e, ph.ContributionID); err != nil {
			p.Add("contribution_id", "error.field.unknown_reference")
		}
	}
	consents, err := s.store.PhotoConsents(ctx, e.ID, ph.PersonIDs)
	if err != nil {
		return err
	}
	for i, id := range ph.PersonIDs {
		if consents[id] != symposium.PhotoConsentYes {
			p.Add(fmt.Sprintf("person_ids.%d", i), "error.field.photo_consent")
		}
	}
	return nil
}

// AddPhoto stores a photo of the event, for its team: cleaned and kept at
// two widths, with its caption, credit and licence, and the people in it
// who consented.
func (s *Service) AddPhoto(ctx context.Context, u *symposium.User, slug string, ph *symposium.EventPhoto, file io.Reader) (*symposium.EventPhoto, error) {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanWriteMinutes)
	if err != nil {
		return nil, err
	}
	var p symposium.Problems
	ph.Validate(&p)
	if err := s.checkTags(ctx, e, ph, &p); err != nil {
		return nil, err
	}
	if file == nil {
		p.Add("photo", "error.field.required")
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	sz, err := sizes(ctx, file)
	if err != nil {
		return nil, err
	}
	ph.EventID = e.ID
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditPhotoSave, "", nil, ph)
	if err := s.store.CreateEventPhoto(store.WithAudit(ctx, entry), ph, sz, u.ID); err != nil {
		return nil, err
	}
	for _, z := range sz {
		ph.Widths = append(ph.Widths, z.Width)
	}
	return ph, nil
}

// UpdatePhoto changes a photo's caption, credit, licence, tags and place
// in the report, for the event's team.
func (s *Service) UpdatePhoto(ctx context.Context, u *symposium.User, slug, id string, change func(*symposium.EventPhoto)) (*symposium.EventPhoto, error) {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanWriteMinutes)
	if err != nil {
		return nil, err
	}
	old, err := s.photo(ctx, e, id)
	if err != nil {
		return nil, err
	}
	ph := *old
	change(&ph)
	var p symposium.Problems
	ph.Validate(&p)
	if err := s.checkTags(ctx, e, &ph, &p); err != nil {
		return nil, err
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditPhotoSave, id, old, &ph)
	if err := s.store.UpdateEventPhoto(store.WithAudit(ctx, entry), &ph); err != nil {
		return nil, err
	}
	return &ph, nil
}

// DeletePhoto removes a photo of the event, for its team.
func (s *Service) DeletePhoto(ctx context.Context, u *symposium.User, slug, id string) error {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanWriteMinutes)
	if err != nil {
		return err
	}
	old, err := s.photo(ctx, e, id)
	if err != nil {
		return err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditPhotoDelete, id, old, nil)
	return s.store.DeleteEventPhoto(store.WithAudit(ctx, entry), e.ID, id)
}

// photo returns one photo of the event.
func (s *Service) photo(ctx context.Context, e *symposium.Event, id string) (*symposium.EventPhoto, error) {
	all, err := s.store.EventPhotos(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(all, func(ph *symposium.EventPhoto) bool { return ph.ID == id })
	if i < 0 {
		return nil, symposium.NotFound()
	}
	return all[i], nil
}

// Photos returns the event's gallery as the caller may see it, or one
// contribution's (contributionID set). The team sees every photo; everyone
// else only photos whose tagged people all consented at the event: a
// person who withdrew consent takes their photos off public pages.
func (s *Service) Photos(ctx context.Context, u *symposium.User, slug, contributionID string) (*Gallery, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	all, err := s.store.EventPhotos(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	shown, err := s.shown(ctx, e, access, all)
	if err != nil {
		return nil, err
	}
	g := &Gallery{Event: e, Access: access}
	var ids []string
	for _, ph := range shown {
		if contributionID == "" || ph.ContributionID == contributionID {
			g.Photos = append(g.Photos, ph)
			ids = append(ids, ph.PersonIDs...)
		}
	}
	g.People, err = s.store.People(ctx, ids)
	return g, err
}

// shown keeps the photos the caller may see: all for the team; for others
// those whose tagged people all consent now.
func (s *Service) shown(ctx context.Context, e *symposium.Event, access symposium.Access, all []*symposium.EventPhoto) ([]*symposium.EventPhoto, error) {
	if access.CanWriteMinutes() {
		return all, nil
	}
	var ids []string
	for _, ph := range all {
		ids = append(ids, ph.PersonIDs...)
	}
	consents, err := s.store.PhotoConsents(ctx, e.ID, ids)
	if err != nil {
		return nil, err
	}
	var out []*symposium.EventPhoto
	for _, ph := range all {
		if !slices.ContainsFunc(ph.PersonIDs, func(id string) bool { return consents[id] != symposium.PhotoConsentYes }) {
			out = append(out, ph)
		}
	}
	return out, nil
}

// PhotoFile returns a photo's stored size nearest to width, when the
// caller may see the photo.
func (s *Service) PhotoFile(ctx context.Context, u *symposium.User, slug, id string, width int) ([]byte, error) {
	g, err := s.Photos(ctx, u, slug, "")
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(g.Photos, func(ph *symposium.EventPhoto) bool { return ph.ID == id }) {
		return nil, symposium.NotFound()
	}
	return s.store.EventPhotoFile(ctx, g.Event.ID, id, width)
}
