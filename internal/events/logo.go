package events

import (
	"context"
	"io"

	"symposium"
	"symposium/internal/photo"
	"symposium/internal/store"
)

// SetLogo replaces the event's logo with a clean copy of an upload, for
// its managers: only JPEG, PNG and GIF images of sane size are taken, and
// they are re-encoded (photo.Process), which drops any metadata. A nil
// upload is a missing "logo"; a refused file is invalid on "logo".
func (s *Service) SetLogo(ctx context.Context, u *symposium.User, slug string, upload io.Reader) error {
	e, _, err := s.Managed(ctx, u, slug)
	if err != nil {
		return err
	}
	if upload == nil {
		var p symposium.Problems
		p.Add("logo", "error.field.required")
		return p.Err()
	}
	data, err := photo.Process(ctx, upload)
	if err != nil {
		return asLogoError(err)
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditEventUpdate, e.ID, nil, map[string]string{"logo": "replaced"})
	return s.store.SetEventLogo(store.WithAudit(ctx, entry), e.ID, data)
}

// Logo returns the event's logo, a JPEG, for whoever may see the event.
func (s *Service) Logo(ctx context.Context, u *symposium.User, slug string) ([]byte, error) {
	e, _, err := s.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	return s.store.EventLogo(ctx, e.ID)
}

// asLogoError names the field "logo" in the problems photo.Process finds
// with a "photo".
func asLogoError(err error) error {
	if e := symposium.AsError(err); e != nil {
		for i := range e.Fields {
			if e.Fields[i].Field == "photo" {
				e.Fields[i].Field = "logo"
			}
		}
	}
	return err
}
