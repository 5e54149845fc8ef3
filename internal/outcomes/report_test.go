package outcomes_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/outcomes"
	"symposium/internal/pdftest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// picture returns a PNG of w×h pixels.
func picture(t *testing.T, w, h int) *bytes.Reader {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func TestPhotosOfPeopleWithoutConsentStayOffPublicPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		w.register("public", "speaker@example.kz", "KZ", symposium.PhotoConsentYes)
		ph := &symposium.EventPhoto{Caption: symposium.Text("en", "Opening"), Credit: "KazEvent", Licence: "CC BY 4.0", PersonIDs: []string{w.speaker.ID}}
		ph, err := w.svc.AddPhoto(ctx, w.manager, "public", ph, picture(t, 1200, 800))
		if err != nil {
			t.Fatal(err)
		}
		if len(ph.Widths) != 2 {
			t.Errorf("widths = %v; want the full size and a thumbnail", ph.Widths)
		}
		g, err := w.svc.Photos(ctx, nil, "public", "")
		if err != nil || len(g.Photos) != 1 {
			t.Fatalf("public gallery with consent: %+v, %v", g, err)
		}
		// The speaker withdraws consent: the photo leaves public pages.
		if err := w.svc.SetPhotoConsent(ctx, w.speakerUser, "public", symposium.PhotoConsentNo); err != nil {
			t.Fatal(err)
		}
		if g, _ = w.svc.Photos(ctx, nil, "public", ""); len(g.Photos) != 0 {
			t.Errorf("public gallery after withdrawal holds %d photos", len(g.Photos))
		}
		if _, err := w.svc.PhotoFile(ctx, nil, "public", ph.ID, 320); code(err) != symposium.ENOTFOUND {
			t.Errorf("the file after withdrawal: %v, want not found", err)
		}
		if g, _ = w.svc.Photos(ctx, w.manager, "public", ""); len(g.Photos) != 1 {
			t.Errorf("the team sees %d photos, want 1", len(g.Photos))
		}
		// Nobody is tagged without consent.
		_, err = w.svc.UpdatePhoto(ctx, w.manager, "public", ph.ID, func(p *symposium.EventPhoto) { p.PersonIDs = []string{w.speaker.ID} })
		if code(err) != symposium.EINVALID {
			t.Errorf("tagging a person who said no: %v, want invalid", err)
		}
		if _, err := w.svc.AddPhoto(ctx, w.stranger, "public", &symposium.EventPhoto{Credit: "x"}, picture(t, 10, 10)); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger uploads: %v, want forbidden", err)
		}
		if _, err := w.svc.Photos(ctx, w.stranger, "restricted", ""); code(err) != symposium.ENOTFOUND {
			t.Errorf("stranger sees a restricted gallery: %v, want not found", err)
		}
	})
}

func TestAgreementsRemindTheirOwnersOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		org := &symposium.Organization{Name: symposium.Text("en", "Research Center"), Kind: "research_center", ROR: "0586sdd93"}
		if err := s.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		due := time.Now().AddDate(0, 0, 3).UTC().Format(symposium.DateLayout)
		a, err := w.svc.SaveAgreement(ctx, w.manager, "public", "", func(a *symposium.Agreement) []string {
			a.Title, a.Kind, a.Status, a.Due, a.OrganizationIDs = symposium.Text("en", "Joint lab"), "joint_project", "agreed", due, []string{org.ID}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.OwnerIDs) != 1 || a.OwnerIDs[0] != w.manager.ID {
			t.Errorf("owners = %v; want the creator", a.OwnerIDs)
		}
		for i, want := range []int{1, 0} {
			n, err := w.svc.Remind(ctx, time.Now())
			if err != nil || n != want {
				t.Errorf("sweep %d reminded %d, %v; want %d", i, n, err, want)
			}
		}
		tr, err := w.svc.Agreements(ctx, w.manager, time.Now().AddDate(0, 0, 10))
		if err != nil || len(tr.Overdue) != 1 || len(tr.Top) != 1 || tr.Top[0].Count != 1 {
			t.Errorf("tracker = %+v, %v; want one overdue, one organization", tr, err)
		}
		if tr, _ := w.svc.Agreements(ctx, w.stranger, time.Now()); len(tr.Agreements) != 0 {
			t.Errorf("a stranger's tracker holds %d agreements", len(tr.Agreements))
		}
		// Proposed and agreed ones are the team's; the public sees signed ones.
		if c, _ := w.svc.EventAgreements(ctx, nil, "public"); len(c.Agreements) != 0 {
			t.Errorf("public sees %d unsigned agreements", len(c.Agreements))
		}
		_, err = w.svc.SaveAgreement(ctx, w.manager, "public", "", func(a *symposium.Agreement) []string {
			a.Title, a.Kind = symposium.Text("en", " "), "treaty"
			return []string{"nobody@example.org"}
		})
		if p := symposium.AsError(err); p == nil || len(p.Fields) != 4 {
			t.Errorf("invalid agreement: %+v; want title, kind, parties and owner named", err)
		}
	})
}

func TestReportCountsTheEventsDataAndFeedsAtom(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		e := w.events["public"]
		for i, c := range []string{"KZ", "KZ", "CN"} {
			r := w.register("public", string(rune('a'+i))+"@example.org", c, "")
			if c == "KZ" || i == 2 {
				if _, err := s.CheckIn(ctx, e.ID, r.ID, time.Now()); err != nil {
					t.Fatal(err)
				}
			}
		}
		w.register("public", "late@example.org", "RU", "")
		var asked []string
		for _, text := range []string{"Why?", "How?", "Why, again?"} {
			q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: w.address["public"].ID, Text: text, Language: "en",
				Status: symposium.LiveVisible, Asker: "u:someone"}
			if err := s.AddLiveQuestion(ctx, e.ID, q); err != nil {
				t.Fatal(err)
			}
			asked = append(asked, q.ID)
		}
		if _, err := s.AnswerLiveQuestion(ctx, asked[0], "Because."); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MergeLiveQuestion(ctx, asked[2], asked[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Report(ctx, nil, "public"); code(err) != symposium.ENOTFOUND {
			t.Errorf("report before publishing: %v, want not found", err)
		}
		if _, err := w.svc.SaveReport(ctx, w.stranger, "public", func(r *symposium.Report) { r.Status = "published" }); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger publishes: %v, want forbidden", err)
		}
		if _, err := w.svc.SaveReport(ctx, w.manager, "public", func(r *symposium.Report) {
			r.Status, r.Introduction = "published", symposium.Text("en", "It went well.")
		}); err != nil {
			t.Fatal(err)
		}
		v, err := w.svc.Report(ctx, nil, "public")
		if err != nil {
			t.Fatal(err)
		}
		f := v.Figures
		if f.Registered != 4 || f.Participants != 3 || f.Speakers != 1 || f.Contributions != 2 || len(f.ByCountry) != 2 ||
			f.ByCountry[0] != (outcomes.Count{Key: "KZ", Count: 2}) || f.Questions != 2 || f.Answered != 1 {
			t.Errorf("figures = %+v", f)
		}
		if len(v.Addresses) != 1 || v.Addresses[0].Speakers[0].Email != "" {
			t.Errorf("addresses = %+v; want the opening address without emails", v.Addresses)
		}
		feed, err := w.svc.NewsFeed(ctx, "en", "Symposium")
		if err != nil {
			t.Fatal(err)
		}
		var parsed outcomes.Feed
		if err := xml.Unmarshal(feed, &parsed); err != nil {
			t.Fatal(err)
		}
		if len(parsed.Entries) != 1 || parsed.Entries[0].Title.Body != "Symposium public" || parsed.XMLName.Space != outcomes.AtomNS {
			t.Errorf("feed = %+v", parsed)
		}
	})
}

func TestFollowUpsFromMeetingsArriveAsProposals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		a, err := w.svc.ProposeFollowUp(ctx, w.events["public"], "meeting-1", symposium.Text("en", "Joint paper"), []string{w.speaker.ID})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != symposium.AgreementProposed || a.Kind != symposium.AgreementFollowUp || a.MeetingID != "meeting-1" || len(a.PersonIDs) != 1 {
			t.Errorf("proposal = %+v", a)
		}
		c, err := w.svc.EventAgreements(ctx, w.manager, "public")
		if err != nil || len(c.Agreements) != 1 {
			t.Errorf("the managers see %v, %v; want the proposal", c, err)
		}
	})
}

func TestReportPDFEmbedsTheSelectedPhotosWithTheirCredits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		w.register("public", "speaker@example.kz", "KZ", symposium.PhotoConsentYes)
		add := func(caption, credit string, inReport bool, people ...string) *symposium.EventPhoto {
			t.Helper()
			ph := &symposium.EventPhoto{Caption: symposium.Text("en", caption, "ru", caption+" (ру)"), Credit: credit, Licence: "CC BY 4.0",
				InReport: inReport, PersonIDs: append([]string{}, people...)}
			ph, err := w.svc.AddPhoto(ctx, w.manager, "public", ph, picture(t, 1200, 800))
			if err != nil {
				t.Fatal(err)
			}
			return ph
		}
		opening := add("Opening of the symposium", "Айгерім Фотограф", true)
		add("Coffee break", "Not selected", false)
		add("The speaker on stage", "Withdrawn Credit", true, w.speaker.ID)
		// The speaker withdraws: her photo leaves the report with the public pages.
		if err := w.svc.SetPhotoConsent(ctx, w.speakerUser, "public", symposium.PhotoConsentNo); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SaveReport(ctx, w.manager, "public", func(r *symposium.Report) { r.Status = "published" }); err != nil {
			t.Fatal(err)
		}
		pdf, err := w.svc.ReportPDF(ctx, nil, "public", "ru")
		if err != nil {
			t.Fatal(err)
		}
		images := pdftest.Images(t, pdf)
		full := slices.Max(opening.Widths) // the largest stored size, 3:2 as uploaded
		if len(images) != 1 || images[0].Encoding != "jpeg" || images[0].Width != full || images[0].Height != full*800/1200 {
			t.Errorf("embedded images = %+v; want the one selected photo the public sees, as a JPEG %d wide", images, full)
		}
		text := pdftest.Text(t, pdf)
		for _, want := range []string{"Opening of the symposium (ру)", "Айгерім Фотограф", "CC BY 4.0"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF's text lacks %q", want)
			}
		}
		for _, unwanted := range []string{"Not selected", "Withdrawn Credit"} {
			if strings.Contains(text, unwanted) {
				t.Errorf("the PDF's text holds %q", unwanted)
			}
		}
	})
}
