package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestInvitations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("m@example.org")
		createSeedEvent(t, e, token, "closed", "restricted")
		_, c := e.api("POST", "/api/v1/events/closed/registration-categories", token, map[string]any{
			"name": map[string]string{"en": "Official delegation"}, "capacity": 0, "requires_approval": true})
		cat := c["id"].(string)
		invite := func(email, lang string) string {
			t.Helper()
			resp, inv := e.api("POST", "/api/v1/events/closed/invitations", token, map[string]any{"email": email, "category_id": cat,
				"name": map[string]string{lang: "Guest"}, "language": lang})
			if resp.StatusCode != 201 || inv["status"] != "sent" {
				t.Fatalf("invite = %d %v", resp.StatusCode, inv)
			}
			mails, _ := s.ListMail(ctx, "", 50)
			for _, m := range mails {
				if m.Mail.To == email {
					return regexp.MustCompile(`/invitations/[^?\s]+`).FindString(m.Mail.Text)
				}
			}
			t.Fatalf("no invitation mailed to %s", email)
			return ""
		}
		link := invite("official@example.cn", "zh")
		if resp, p := e.api("POST", "/api/v1/events/closed/invitations", token, map[string]any{"email": "x@example.org", "category_id": "01a20b6f-d70a-7688-bcec-1c6c62690bc2"}); resp.StatusCode != 422 {
			t.Errorf("invitation to an unknown category = %d %v", resp.StatusCode, p)
		}
		// The link opens the restricted event's invitation and marks it opened.
		resp, page := e.do("GET", link+"?lang=zh", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "接受邀请") {
			t.Fatalf("invitation page = %d", resp.StatusCode)
		}
		_, list := e.api("GET", "/api/v1/events/closed/invitations", token, nil)
		if st := asSlice(list["items"])[0].(map[string]any)["status"]; st != "opened" {
			t.Errorf("after opening, status %v", st)
		}
		// Accepting registers past a capacity of 0 and past approval.
		resp, _ = e.form(link+"?lang=zh", url.Values{"action": {"accept"}, "name": {"邢芳芳"}, "name_latin": {"Xing Fangfang"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("accept = %d", resp.StatusCode)
		}
		regs, _, _ := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "closed"), Limit: 5})
		if len(regs) != 1 || regs[0].Status != "confirmed" || regs[0].Name["zh"] != "邢芳芳" || regs[0].Email != "official@example.cn" {
			t.Fatalf("registrations = %+v", regs)
		}
		if resp, _ := e.form(link, url.Values{"action": {"accept"}, "name": {"Again"}}, nil); resp.StatusCode != 409 {
			t.Errorf("accepting twice = %d, want 409", resp.StatusCode)
		}
		// Declined and withdrawn invitations are tracked and cannot be used.
		declined := invite("busy@example.org", "en")
		if resp, _ := e.form(declined, url.Values{"action": {"decline"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("decline = %d", resp.StatusCode)
		}
		invite("late@example.org", "ru")
		_, list = e.api("GET", "/api/v1/events/closed/invitations", token, nil)
		var lateID string
		statuses := map[string]string{}
		for _, it := range asSlice(list["items"]) {
			m := it.(map[string]any)
			statuses[m["email"].(string)] = m["status"].(string)
			if m["email"] == "late@example.org" {
				lateID = m["id"].(string)
			}
		}
		if resp, _ := e.api("POST", "/api/v1/events/closed/invitations/"+lateID+"/revoke", token, nil); resp.StatusCode != 200 && resp.StatusCode != 204 {
			t.Errorf("revoke = %d", resp.StatusCode)
		}
		if statuses["official@example.cn"] != "accepted" || statuses["busy@example.org"] != "declined" || statuses["late@example.org"] != "sent" {
			t.Errorf("statuses = %v", statuses)
		}
		_, list = e.api("GET", "/api/v1/events/closed/invitations", token, nil)
		for _, it := range asSlice(list["items"]) {
			if m := it.(map[string]any); m["email"] == "late@example.org" && m["status"] != "revoked" {
				t.Errorf("after revoking, status %v", m["status"])
			}
		}
	})
}
