package server_test

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/demo"
	"symposium/internal/outcomes"
	"symposium/internal/pdftest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// demoNames are names of the demo report in every script it is written
// in: each must appear in the page and the PDF of every language.
var demoNames = []string{"邢芳芳", "Xing Fangfang", "Гүлнар Шаймергенова", "Gulnar Shaimergenova", "哈萨克斯坦—中国研究中心",
	"Казахстанско-китайский исследовательский центр"}

func TestDemoReportIsPublishedInEveryLanguageWithItsNumbers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		e := start(t, s, false)
		resp, body := e.do("GET", "/api/v1/events/"+demo.Slug+"/report/figures", nil, nil)
		var f outcomes.Figures
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &f) != nil {
			t.Fatalf("figures = %d %s", resp.StatusCode, body)
		}
		want := countDemo(t, s)
		if f.Registered != want.Registered || f.Participants != want.Participants || f.Speakers != want.Speakers ||
			f.Contributions != want.Contributions || f.AgreementsSigned != want.AgreementsSigned || f.Questions != 0 || f.MeetingsHeld != want.MeetingsHeld || f.MeetingsHeld == 0 ||
			f.MeetingsAccepted != want.MeetingsAccepted {
			t.Errorf("figures = %+v; the data holds %+v", f, want)
		}
		for _, lang := range []string{"en", "zh", "kk", "ru"} {
			resp, page := e.do("GET", "/events/"+demo.Slug+"/report?lang="+lang, nil, nil)
			if resp.StatusCode != 200 || !strings.Contains(page, `<html lang="`+lang+`"`) || !strings.Contains(page, "<svg") {
				t.Errorf("report page in %s = %d", lang, resp.StatusCode)
			}
			resp, pdf := e.do("GET", "/events/"+demo.Slug+"/report.pdf?lang="+lang, nil, nil)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" {
				t.Fatalf("report PDF in %s = %d", lang, resp.StatusCode)
			}
			text := pdftest.Text(t, []byte(pdf))
			for _, name := range append(demoNames, "KazEvent", "CC BY 4.0") {
				if !strings.Contains(text, name) {
					t.Errorf("the %s PDF lacks %q", lang, name)
				}
			}
		}
		resp, feed := e.do("GET", "/news.atom?lang=ru", nil, nil)
		var parsed outcomes.Feed
		if resp.StatusCode != 200 || xml.Unmarshal([]byte(feed), &parsed) != nil || len(parsed.Entries) != 1 ||
			!strings.HasSuffix(parsed.Entries[0].ID, "/events/"+demo.Slug+"/report") || parsed.Entries[0].Title.Lang != "ru" {
			t.Errorf("feed = %d %+v", resp.StatusCode, parsed)
		}
	})
}

// countDemo counts what the demo's registrations, check-ins, programme
// and agreements hold, straight from the store.
func countDemo(t *testing.T, s *store.Store) outcomes.Figures {
	t.Helper()
	ev, err := s.EventBySlug(ctx, demo.Slug)
	if err != nil {
		t.Fatal(err)
	}
	var f outcomes.Figures
	regs, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: ev.ID, Status: "confirmed", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range regs {
		f.Registered++
		if r.CheckedInAt != nil {
			f.Participants++
		}
	}
	entries, err := s.Contributions(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	speakers := map[string]bool{}
	for _, c := range entries {
		if c.Kind != "break" {
			f.Contributions++
		}
		for _, id := range c.SpeakerIDs {
			speakers[id] = true
		}
	}
	f.Speakers = len(speakers)
	agreements, err := s.AgreementsOf(ctx, []string{ev.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range agreements {
		if outcomes.Public(a) {
			f.AgreementsSigned++
		}
	}
	meetings, err := s.Meetings(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, mt := range meetings {
		if mt.Status == symposium.MeetingHeld {
			f.MeetingsHeld++
		}
	}
	requests, err := s.MeetingRequests(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range requests {
		if r.Status == symposium.RequestAccepted {
			f.MeetingsAccepted++
		}
	}
	return f
}
