package server_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"symposium/internal/pdftest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestManagersRegistrationsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("m@example.org")
		cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Official delegation"}, "capacity": 2,
			"requires_approval": true, "waitlist": true})
		if resp, q := e.api("PUT", "/api/v1/events/astana/registration-questions", token, map[string]any{"questions": []map[string]any{
			{"key": "diet", "label": map[string]string{"en": "Diet"}, "kind": "choice", "options": []map[string]any{
				{"value": "halal", "label": map[string]string{"en": "Halal"}}, {"value": "none", "label": map[string]string{"en": "None"}}}}}}); resp.StatusCode != 200 {
			t.Fatalf("questions = %d %v", resp.StatusCode, q)
		}
		ids := []string{}
		for _, p := range []struct{ email, kk, en string }{
			{"g@example.kz", "Гүлнар Шаймергенова", "Gulnar Shaimergenova"},
			{"evil@example.org", "", `=cmd|' /C calc'!A0`},
			{"x@example.cn", "", "Xing Fangfang"},
		} {
			name := map[string]string{"en": p.en}
			if p.kk != "" {
				name["kk"] = p.kk
			}
			resp, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": p.email, "name": name,
				"answers": map[string]string{"diet": "halal"}})
			if resp.StatusCode != 201 || r["status"] != "pending" {
				t.Fatalf("registration = %d %v", resp.StatusCode, r)
			}
			ids = append(ids, r["id"].(string))
		}
		e.signIn("m@example.org")
		_, page := e.do("GET", "/events/astana/registrations?lang=en", nil, nil)
		if !strings.Contains(page, "Official delegation") || !strings.Contains(page, "Гүлнар Шаймергенова") {
			t.Error("the list lacks the category or the names")
		}
		// Approve all three in bulk: two confirmed, the third waitlisted.
		resp, page := e.form("/events/astana/registrations?lang=en", url.Values{"action": {"approve"}, "ids": ids}, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "3 changed, 0 could not be changed.") {
			t.Errorf("bulk approve = %d", resp.StatusCode)
		}
		counts, _ := s.RegistrationCounts(ctx, eventID(t, s, "astana"))
		if counts["confirmed"] != 2 || counts["waitlisted"] != 1 {
			t.Errorf("after approving three for two seats: %v", counts)
		}
		_, page = e.do("GET", "/events/astana/registrations?lang=en&q=Shaimer", nil, nil)
		if !strings.Contains(page, "g@example.kz") || strings.Contains(page, "x@example.cn") {
			t.Error("the search does not filter")
		}
		resp, body := e.do("GET", "/events/astana/registrations/export/csv?lang=en", nil, nil)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
		if resp.StatusCode != 200 || err != nil || len(rows) != 4 {
			t.Fatalf("csv = %d, %d rows, %v", resp.StatusCode, len(rows), err)
		}
		joined := strings.Join(rows[1], "|") + strings.Join(rows[2], "|")
		if !strings.Contains(joined, "Гүлнар Шаймергенова") || !strings.Contains(joined, "Gulnar Shaimergenova") ||
			!strings.Contains(joined, `'=cmd|' /C calc'!A0`) || rows[0][len(rows[0])-1] != "diet" || rows[1][len(rows[1])-1] != "Halal" {
			t.Errorf("csv rows = %q", rows)
		}
		_, body = e.do("GET", "/events/astana/registrations/export/csv?lang=ru", nil, nil)
		if !strings.Contains(body, "Подтверждена") || !strings.Contains(body, "В листе ожидания") || strings.Contains(body, ",confirmed,") {
			t.Errorf("the Russian csv does not write the statuses in Russian: %s", body)
		}
		resp, body = e.do("GET", "/events/astana/registrations/export/xlsx", nil, nil)
		f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
		if resp.StatusCode != 200 || err != nil {
			t.Fatalf("xlsx = %d %v", resp.StatusCode, err)
		}
		xrows, _ := f.GetRows("Registrations")
		if len(xrows) != 4 {
			t.Errorf("xlsx rows = %d", len(xrows))
		}
		e2 := start(t, s, false)
		e2.user("other@example.org", false)
		e2.signIn("other@example.org")
		if resp, _ := e2.do("GET", "/events/astana/registrations/export/csv", nil, nil); resp.StatusCode != 403 {
			t.Errorf("a stranger's export of a public event's registrations = %d; want 403", resp.StatusCode)
		}
	})
}

func TestBadgesPDF(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant", "ru": "Участник"}})
	for i, name := range []map[string]string{{"kk": "Гүлнар Шаймергенова", "en": "Gulnar Shaimergenova"}, {"zh": "邢芳芳"}, {"en": `<script>alert(1)</script>`}} {
		e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": fmt.Sprintf("b%d@example.org", i), "name": name})
	}
	e.signIn("m@example.org")
	resp, pdf := e.do("GET", "/events/astana/badges.pdf", nil, nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("badges = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	out := pdftest.Text(t, []byte(pdf))
	for _, want := range []string{"Гүлнар Шаймергенова", "Gulnar Shaimergenova", "邢芳芳", "<script>alert(1)</script>", "Симпозиум «Наука и технологии Китая»"} {
		if !strings.Contains(out, want) {
			t.Errorf("the badges lack %q", want)
		}
	}
}
