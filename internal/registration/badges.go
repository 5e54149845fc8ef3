package registration

import (
	"context"

	"symposium"
	"symposium/internal/badge"
	"symposium/internal/names"
	"symposium/internal/store"
)

// maxBadges bounds how many badges one sheet holds.
const maxBadges = 2000

// Badges returns what the badges of the registrations of the event with
// the slug that q selects show — by default the confirmed ones — or, with
// id, the one registration's among them, for its managers.
func (s *Service) Badges(ctx context.Context, u *symposium.User, slug string, q store.RegistrationQuery, id string) (*Page, []badge.Badge, error) {
	e, access, err := s.require(ctx, u, slug, symposium.Access.CanCheckIn) // badges are printed at the desk too
	if err != nil {
		return nil, nil, err
	}
	cats, err := s.store.Categories(ctx, e.ID)
	if err != nil {
		return nil, nil, err
	}
	category := map[string]string{}
	for _, c := range cats {
		category[c.ID] = c.Name.Get(e.DefaultLanguage, e.DefaultLanguage)
	}
	q.EventID, q.Limit, q.Cursor = e.ID, maxBadges, ""
	if q.Status == "" {
		q.Status = symposium.RegConfirmed
	}
	list, _, err := s.store.Registrations(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	logo, err := s.store.EventLogo(ctx, e.ID)
	if err != nil && symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return nil, nil, err
	}
	var out []badge.Badge
	for i := range list {
		if id != "" && list[i].ID != id {
			continue
		}
		b, err := s.badgeOf(ctx, e, &list[i], category[list[i].CategoryID])
		if err != nil {
			return nil, nil, err
		}
		b.Accent, b.Logo = e.Accent, logo // the event's look
		out = append(out, b)
	}
	return &Page{Event: e, Access: access}, out, nil
}

// badgeOf writes what a registration's badge shows: the name as written
// in its own script — the one not in Latin letters, the registrant's
// language first — with the Latin form on a line of its own, and texts of
// the event in its default language.
func (s *Service) badgeOf(ctx context.Context, e *symposium.Event, r *symposium.Registration, category string) (badge.Badge, error) {
	b := badge.Badge{Event: e.Title.Get(e.DefaultLanguage, e.DefaultLanguage), Organization: r.Organization, Category: category,
		NoPhotos: r.PhotoConsent != symposium.PhotoConsentYes}
	for _, lang := range append([]string{r.Language}, symposium.Languages...) {
		if s := r.Name[lang]; s != "" && lang != "en" && b.Name == "" {
			b.Name = s
		}
	}
	b.Latin = r.Name["en"]
	switch {
	case b.Name == "":
		b.Name, b.Latin = b.Latin, ""
	case b.Latin == "":
		b.Latin = names.Latin(b.Name)
	}
	tk, err := s.ticket(ctx, r)
	b.Ticket = tk
	return b, err
}
