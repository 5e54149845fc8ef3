package outcomes

import (
	"context"
	"fmt"
	"strings"

	"symposium"
	"symposium/internal/i18n"
)

// ReportPDF writes the event's report in the language as a PDF: the same
// sections as its page, names in every script they are written in.
func (s *Service) ReportPDF(ctx context.Context, u *symposium.User, slug, lang string) ([]byte, error) {
	v, err := s.Report(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	l := s.bundle.For(lang)
	fb := v.Event.DefaultLanguage
	w, err := newPDF(v.Event.Title.Get(l.Lang, fb))
	if err != nil {
		return nil, err
	}
	if w.images, err = s.reportImages(ctx, v); err != nil {
		return nil, err
	}
	for _, part := range []func(*pdfWriter, *i18n.Localizer, *ReportView, string) error{pdfHead, pdfOrganizers, pdfFigures, pdfAddresses, pdfPhotos, pdfCooperation} {
		if err := part(w, l, v, fb); err != nil {
			return nil, err
		}
	}
	if c := v.Report.Conclusion.Get(l.Lang, fb); c != "" {
		if err := w.para(Plain(c), 11, false, 0); err != nil {
			return nil, err
		}
	}
	return w.bytes()
}

// pdfPhotoWidth is the width in pixels of the photos the PDF embeds: the
// stored size nearest to it, enough for print at the width they take.
const pdfPhotoWidth = 1000

// reportImages reads the pictures of the report's selected photos, which
// are only those the public sees, for the PDF to embed.
func (s *Service) reportImages(ctx context.Context, v *ReportView) (map[string][]byte, error) {
	out := map[string][]byte{}
	if !v.Report.Shows(symposium.SectionPhotos) {
		return out, nil
	}
	for _, ph := range v.Photos {
		data, err := s.store.EventPhotoFile(ctx, v.Event.ID, ph.ID, pdfPhotoWidth)
		if err != nil {
			return nil, fmt.Errorf("outcomes: report photo %s: %w", ph.ID, err)
		}
		out[ph.ID] = data
	}
	return out, nil
}

func pdfHead(w *pdfWriter, l *i18n.Localizer, v *ReportView, fb string) error {
	e := v.Event
	if err := w.para(l.T("report.title"), 12, false, 0); err != nil {
		return err
	}
	if err := w.para(e.Title.Get(l.Lang, fb), 20, true, 0); err != nil {
		return err
	}
	loc := e.Location()
	when := l.DateRange(e.StartsAt.In(loc), e.EndsAt.In(loc))
	if city := e.Venue.City.Get(l.Lang, fb); city != "" {
		when += " · " + city
	}
	if err := w.para(when, 11, false, 0); err != nil {
		return err
	}
	if !v.Report.Shows(symposium.SectionOverview) {
		return nil
	}
	text := v.Report.Introduction.Get(l.Lang, fb)
	if text == "" {
		text = e.Summary.Get(l.Lang, fb)
	}
	return w.para(Plain(text), 11, false, 0)
}

func pdfOrganizers(w *pdfWriter, l *i18n.Localizer, v *ReportView, fb string) error {
	if !v.Report.Shows(symposium.SectionOrganizers) || len(v.Event.Organizers) == 0 {
		return nil
	}
	if err := w.para(l.T("report.section.organizers"), 14, true, 0); err != nil {
		return err
	}
	for _, o := range v.Event.Organizers {
		name := o.Name.Get(l.Lang, fb)
		if org := v.Organizations[o.OrganizationID]; org != nil {
			name = AllNames(org.Name, l.Lang, fb)
		}
		if err := w.para(l.T(orgRoleKeys[o.Role])+": "+name, 11, false, 12); err != nil {
			return err
		}
	}
	return nil
}

func pdfFigures(w *pdfWriter, l *i18n.Localizer, v *ReportView, _ string) error {
	if !v.Report.Shows(symposium.SectionFigures) {
		return nil
	}
	f := v.Figures
	if err := w.para(l.T("report.section.figures"), 14, true, 0); err != nil {
		return err
	}
	for _, row := range FigureRows(l, f) {
		if err := w.para(row[0]+": "+row[1], 11, false, 12); err != nil {
			return err
		}
	}
	for _, chart := range []struct {
		title string
		rows  []Count
		name  func(string) string
	}{{l.T("report.by_country"), f.ByCountry, func(k string) string { return CountryName(l, k) }},
		{l.T("report.by_kind"), f.ByKind, func(k string) string { return KindName(l, k) }},
		{l.T("report.meetings_per_hour"), f.MeetingsPerHour, func(k string) string { return k }}} {
		if len(chart.rows) == 0 {
			continue
		}
		if err := w.para(chart.title, 12, true, 0); err != nil {
			return err
		}
		for _, r := range chart.rows {
			if err := w.para(fmt.Sprintf("%s: %d", chart.name(r.Key), r.Count), 11, false, 12); err != nil {
				return err
			}
		}
	}
	return nil
}

// FigureRows names the report's headline numbers in the language, in
// their order.
func FigureRows(l *i18n.Localizer, f *Figures) [][2]string {
	n := func(v int) string { return l.Number(int64(v)) }
	return [][2]string{
		{l.T("report.participants"), n(f.Participants)},
		{l.T("report.registered"), n(f.Registered)},
		{l.T("report.countries"), n(len(f.ByCountry))},
		{l.T("report.speakers"), n(f.Speakers)},
		{l.T("report.contributions"), n(f.Contributions)},
		{l.T("report.questions"), n(f.Questions)},
		{l.T("report.questions_answered"), n(f.Answered)},
		{l.T("report.meetings"), l.T("report.meetings_of", "Held", f.MeetingsHeld, "Accepted", f.MeetingsAccepted)},
		{l.T("report.agreements_signed"), n(f.AgreementsSigned)},
	}
}

func pdfAddresses(w *pdfWriter, l *i18n.Localizer, v *ReportView, fb string) error {
	if !v.Report.Shows(symposium.SectionAddresses) || len(v.Addresses) == 0 {
		return nil
	}
	if err := w.para(l.T("report.section.addresses"), 14, true, 0); err != nil {
		return err
	}
	for _, a := range v.Addresses {
		var names []string
		for _, p := range a.Speakers {
			names = append(names, AllNames(p.Name, l.Lang, fb))
		}
		head := a.Contribution.Title.Get(l.Lang, fb)
		if len(names) > 0 {
			head = strings.Join(names, "; ") + " — " + head
		}
		if err := w.para(head, 11, true, 0); err != nil {
			return err
		}
		for _, km := range a.KeyMessages(l.Lang, fb) {
			if err := w.para("• "+Plain(km), 11, false, 12); err != nil {
				return err
			}
		}
	}
	return nil
}

func pdfPhotos(w *pdfWriter, l *i18n.Localizer, v *ReportView, fb string) error {
	if !v.Report.Shows(symposium.SectionPhotos) || len(v.Photos) == 0 {
		return nil
	}
	if err := w.para(l.T("report.section.photos"), 14, true, 0); err != nil {
		return err
	}
	for _, ph := range v.Photos {
		if data := w.images[ph.ID]; data != nil {
			if err := w.image(data, 360); err != nil {
				return err
			}
		}
		line := ph.Caption.Get(l.Lang, fb) + " — " + l.T("photos.credit_line", "Credit", ph.Credit)
		if ph.Licence != "" {
			line += " · " + ph.Licence
		}
		if err := w.para(line, 10, false, 12); err != nil {
			return err
		}
	}
	return nil
}

func pdfCooperation(w *pdfWriter, l *i18n.Localizer, v *ReportView, fb string) error {
	c := v.Cooperation
	if !v.Report.Shows(symposium.SectionCooperation) || len(c.Agreements) == 0 {
		return nil
	}
	if err := w.para(l.T("report.section.cooperation"), 14, true, 0); err != nil {
		return err
	}
	for _, a := range c.Agreements {
		var parties []string
		for _, id := range a.OrganizationIDs {
			if o := c.Organizations[id]; o != nil {
				parties = append(parties, AllNames(o.Name, l.Lang, fb))
			}
		}
		for _, id := range a.PersonIDs {
			if p := c.People[id]; p != nil {
				parties = append(parties, AllNames(p.Name, l.Lang, fb))
			}
		}
		line := a.Title.Get(l.Lang, fb) + " (" + l.T(agreementKindKeys[a.Kind]) + ", " + l.T(agreementStatusKeys[a.Status]) + ")"
		if err := w.para(line, 11, true, 0); err != nil {
			return err
		}
		if len(parties) > 0 {
			if err := w.para(strings.Join(parties, "; "), 10, false, 12); err != nil {
				return err
			}
		}
	}
	return nil
}
