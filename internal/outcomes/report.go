package outcomes

import (
	"context"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// ReportView is an event's report: what the team wrote and what is
// generated from the event's data.
type ReportView struct {
	Event         *symposium.Event
	Access        symposium.Access
	Report        *symposium.Report
	Figures       *Figures
	Organizations map[string]*symposium.Organization
	Addresses     []Address
	Photos        []*symposium.EventPhoto
	Cooperation   *Cooperation
}

// Address is a contribution of the report with its speakers and the
// minutes its key messages come from.
type Address struct {
	Contribution symposium.Contribution
	Speakers     []*symposium.Person
	Minutes      *symposium.Minutes
}

// KeyMessages returns the key messages of the address's minutes in the
// language asked for, or the fallback's.
func (a Address) KeyMessages(lang, fallback string) []string {
	if a.Minutes == nil {
		return nil
	}
	return symposium.KeyMessages(a.Minutes.Body.Get(lang, fallback))
}

// Report returns the event's report: published, to whoever sees the
// event; a draft, to its managers only (not found to everyone else).
func (s *Service) Report(ctx context.Context, u *symposium.User, slug string) (*ReportView, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	r, err := s.store.Report(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	if !access.CanSeeReport(r.Status) {
		return nil, symposium.NotFound()
	}
	return s.build(ctx, u, e.Slug, access, r)
}

// build generates the report's parts from the event's data, as the public
// sees them: published minutes, photos shown publicly, public
// agreements.
func (s *Service) build(ctx context.Context, u *symposium.User, slug string, access symposium.Access, r *symposium.Report) (*ReportView, error) {
	e, err := s.store.EventBySlug(ctx, slug)
	if err != nil {
		return nil, err
	}
	v := &ReportView{Event: e, Access: access, Report: r}
	if v.Figures, err = s.figures(ctx, e); err != nil {
		return nil, err
	}
	var orgIDs []string
	for _, o := range e.Organizers {
		orgIDs = append(orgIDs, o.OrganizationID)
	}
	if v.Organizations, err = s.store.Organizations(ctx, orgIDs); err != nil {
		return nil, err
	}
	if v.Addresses, err = s.addresses(ctx, e); err != nil {
		return nil, err
	}
	public := symposium.Access{} // the report shows what the public sees
	all, err := s.store.EventPhotos(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	shown, err := s.shown(ctx, e, public, all)
	if err != nil {
		return nil, err
	}
	for _, ph := range shown {
		if ph.InReport {
			v.Photos = append(v.Photos, ph)
		}
	}
	agreements, err := s.store.AgreementsOf(ctx, []string{e.ID}, false)
	if err != nil {
		return nil, err
	}
	v.Cooperation = &Cooperation{Event: e, Access: access}
	for _, a := range agreements {
		if Public(a) {
			v.Cooperation.Agreements = append(v.Cooperation.Agreements, a)
		}
	}
	return v, s.parties(ctx, v.Cooperation)
}

// addresses returns, in programme order, the event's addresses and
// keynotes, and every other contribution whose published minutes mark key
// messages.
func (s *Service) addresses(ctx context.Context, e *symposium.Event) ([]Address, error) {
	contributions, err := s.store.Contributions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	sortProgramme(contributions)
	minutes, err := s.store.EventMinutes(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	byContribution := map[string]*symposium.Minutes{}
	for _, m := range minutes {
		if m.ContributionID != "" && m.Status != symposium.MinutesDraft {
			byContribution[m.ContributionID] = m
		}
	}
	var out []Address
	var speakerIDs []string
	for _, c := range contributions {
		m := byContribution[c.ID]
		if c.Kind == "address" || c.Kind == "keynote" || (m != nil && hasKeyMessages(m)) {
			out = append(out, Address{Contribution: c, Minutes: m})
			speakerIDs = append(speakerIDs, c.SpeakerIDs...)
		}
	}
	people, err := s.store.People(ctx, speakerIDs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		for _, id := range out[i].Contribution.SpeakerIDs {
			if p := people[id]; p != nil {
				c := *p
				c.Email = ""
				out[i].Speakers = append(out[i].Speakers, &c)
			}
		}
	}
	return out, nil
}

// hasKeyMessages reports whether minutes mark a key message in any
// language.
func hasKeyMessages(m *symposium.Minutes) bool {
	for _, text := range m.Body {
		if len(symposium.KeyMessages(text)) > 0 {
			return true
		}
	}
	return false
}

// ReportFigures returns the figures behind the published report (or the
// draft, to managers).
func (s *Service) ReportFigures(ctx context.Context, u *symposium.User, slug string) (*Figures, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	r, err := s.store.Report(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	if !access.CanSeeReport(r.Status) {
		return nil, symposium.NotFound()
	}
	return s.figures(ctx, e)
}

// SaveReport changes what the team writes of the report, its sections and
// whether it is published, for the event's managers; the draft is
// returned as it will read.
func (s *Service) SaveReport(ctx context.Context, u *symposium.User, slug string, change func(*symposium.Report)) (*ReportView, error) {
	e, access, err := s.require(ctx, u, slug, symposium.Access.CanManage)
	if err != nil {
		return nil, err
	}
	old, err := s.store.Report(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	r := *old
	r.HiddenSections = slices.Clone(old.HiddenSections)
	change(&r)
	var p symposium.Problems
	r.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, err
	}
	if r.Status == symposium.ReportDraft {
		r.PublishedAt = nil
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditReportSave, e.ID, old, &r)
	if err := s.store.SaveReport(store.WithAudit(ctx, entry), &r, u.ID); err != nil {
		return nil, err
	}
	return s.build(ctx, u, e.Slug, access, &r)
}

// ReportForEditing returns the report as it stands, published or not, for
// the event's managers to edit.
func (s *Service) ReportForEditing(ctx context.Context, u *symposium.User, slug string) (*ReportView, error) {
	e, access, err := s.require(ctx, u, slug, symposium.Access.CanManage)
	if err != nil {
		return nil, err
	}
	r, err := s.store.Report(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return s.build(ctx, u, e.Slug, access, r)
}
