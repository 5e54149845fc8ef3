package server_test

import (
	"bytes"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// organizer creates an account an administrator allowed to create events,
// and returns an API token for it.
func (e *env) organizer(email string) (*symposium.User, string) {
	e.t.Helper()
	u, token := e.user(email, false)
	yes := true
	if _, err := e.store.SetGrants(ctx, u.ID, symposium.Grants{CanCreateEvents: &yes}); err != nil {
		e.t.Fatal(err)
	}
	return u, token
}

// curator creates an account that curates the people directory.
func (e *env) curator(email string) (*symposium.User, string) {
	e.t.Helper()
	u, token := e.user(email, false)
	yes := true
	if _, err := e.store.SetGrants(ctx, u.ID, symposium.Grants{IsCurator: &yes}); err != nil {
		e.t.Fatal(err)
	}
	return u, token
}

// mustAPI sends an API request and fails unless it answers want.
func (e *env) mustAPI(method, path, token string, body any, want int) map[string]any {
	e.t.Helper()
	resp, out := e.api(method, path, token, body)
	if resp.StatusCode != want {
		e.t.Fatalf("%s %s = %d %v; want %d", method, path, resp.StatusCode, out, want)
	}
	return out
}

// TestCreatingEventsIsASitePermission reproduces the first hole: any
// signed-in account could create an event and so become a manager. Now an
// administrator names organizers, or opens creation to verified accounts.
func TestCreatingEventsIsASitePermission(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		stranger, token := e.user("stranger@example.org", false)
		event := map[string]any{"slug": "mine", "title": map[string]string{"en": "Mine"}, "timezone": "Asia/Almaty",
			"starts_at": "2030-05-22T09:00:00+05:00", "ends_at": "2030-05-22T18:00:00+05:00"}
		e.mustAPI("POST", "/api/v1/events", token, event, http.StatusForbidden)
		e.signIn("stranger@example.org")
		if resp, _ := e.do("GET", "/events/new", nil, nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the new event form for a stranger = %d; want 403", resp.StatusCode)
		}
		if resp, _ := e.form("/events/new", url.Values{"slug": {"mine"}}, nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the new event form posted by a stranger = %d; want 403", resp.StatusCode)
		}
		if _, err := e.store.FindEvent(ctx, "mine"); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Fatalf("a refused event was stored: %v", err)
		}
		e.mustAPI("PATCH", "/api/v1/users/"+stranger.ID, admin, map[string]any{"can_create_events": true}, http.StatusOK)
		e.mustAPI("POST", "/api/v1/events", token, event, http.StatusCreated)
		page := e.mustAPI("GET", "/api/v1/events/mine/audit", token, nil, http.StatusOK)
		if items, _ := page["items"].([]any); len(items) != 1 || items[0].(map[string]any)["action"] != symposium.AuditEventCreate {
			t.Errorf("the event's audit log = %v; want the creation", page)
		}
		site := e.mustAPI("GET", "/api/v1/audit", admin, nil, http.StatusOK)
		if !strings.Contains(toJSON(site), symposium.AuditAccountRights) {
			t.Errorf("the site's audit log lacks the grant: %v", site)
		}
		e.mustAPI("GET", "/api/v1/audit", token, nil, http.StatusForbidden)
	})
}

// TestDuplicatesAndMergesBelongToCurators reproduces the second hole: a
// stranger who managed any event saw every person with their email,
// merged a restricted event's speaker into himself, and could undo merges.
func TestDuplicatesAndMergesBelongToCurators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		_, curator := e.curator("curator@example.org")
		_, host := e.organizer("host@example.org")
		_, intruder := e.organizer("intruder@example.org")
		createSeedEvent(t, e, host, "closed", "restricted")
		createSeedEvent(t, e, intruder, "open", "public")
		speaker := e.mustAPI("POST", "/api/v1/people", host, map[string]any{"name": map[string]string{"kk": "Гүлнар Шаймергенова"},
			"email": "gulnar@center.example"}, http.StatusCreated)["id"].(string)
		e.mustAPI("POST", "/api/v1/events/closed/contributions", host, map[string]any{"title": map[string]string{"en": "Keynote"},
			"kind": "keynote", "duration_minutes": 30, "speaker_ids": []string{speaker}}, http.StatusCreated)
		himself := e.mustAPI("POST", "/api/v1/people", intruder, map[string]any{"name": map[string]string{"en": "Gulnar Shaimergenova"},
			"email": "intruder@example.org"}, http.StatusCreated)["id"].(string)
		e.mustAPI("POST", "/api/v1/events/open/contributions", intruder, map[string]any{"title": map[string]string{"en": "Talk"},
			"kind": "talk", "duration_minutes": 20, "speaker_ids": []string{himself}}, http.StatusCreated)

		queue := toJSON(e.mustAPI("GET", "/api/v1/people/duplicates", intruder, nil, http.StatusOK))
		if strings.Contains(queue, speaker) || strings.Contains(queue, "gulnar@center.example") {
			t.Errorf("the intruder's queue shows the restricted event's speaker: %s", queue)
		}
		e.mustAPI("POST", "/api/v1/people/merges", intruder, map[string]any{"survivor_id": himself, "merged_id": speaker}, http.StatusNotFound)
		full := toJSON(e.mustAPI("GET", "/api/v1/people/duplicates", curator, nil, http.StatusOK))
		if !strings.Contains(full, speaker) || !strings.Contains(full, "gulnar@center.example") {
			t.Errorf("the curator's queue lacks the pair with its emails: %s", full)
		}
		m := e.mustAPI("POST", "/api/v1/people/merges", curator, map[string]any{"survivor_id": speaker, "merged_id": himself}, http.StatusCreated)
		e.mustAPI("POST", "/api/v1/people/merges/"+m["id"].(string)+"/undo", intruder, nil, http.StatusForbidden)
		e.mustAPI("POST", "/api/v1/people/merges/"+m["id"].(string)+"/undo", curator, nil, http.StatusOK)
		if p := e.mustAPI("GET", "/api/v1/people/"+speaker, intruder, nil, http.StatusOK); p["email"] != nil {
			t.Errorf("the intruder reads the speaker's email: %v", p)
		}
		if !strings.Contains(toJSON(e.mustAPI("GET", "/api/v1/audit", admin, nil, http.StatusOK)), symposium.AuditMergeUndo) {
			t.Error("the audit log lacks the undone merge")
		}
	})
}

// TestAnotherTeamsPersonStaysTheirs reproduces the third hole: an
// organizer listed another organizer's person as a speaker at his own
// event, and then replaced that person's photo.
func TestAnotherTeamsPersonStaysTheirs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, host := e.organizer("host@example.org")
		_, other := e.organizer("other@example.org")
		createSeedEvent(t, e, other, "theirs", "public")
		person := e.mustAPI("POST", "/api/v1/people", host, map[string]any{"name": map[string]string{"en": "Xing Fangfang"}},
			http.StatusCreated)["id"].(string)
		e.mustAPI("POST", "/api/v1/events/theirs/contributions", other, map[string]any{"title": map[string]string{"en": "Address"},
			"kind": "address", "duration_minutes": 10, "speaker_ids": []string{person}}, http.StatusCreated)
		e.mustAPI("PATCH", "/api/v1/people/"+person, other, map[string]any{"bio": map[string]string{"en": "Replaced"}}, http.StatusForbidden)
		e.signIn("other@example.org")
		if resp := e.uploadPhoto(t, person); resp.StatusCode != http.StatusForbidden {
			t.Errorf("another team's photo upload = %d; want 403", resp.StatusCode)
		}
		if p, _ := e.store.Person(ctx, person); p.HasPhoto || p.Bio["en"] != "" {
			t.Fatalf("the person changed: %+v", p)
		}
		e.mustAPI("PATCH", "/api/v1/people/"+person, host, map[string]any{"bio": map[string]string{"en": "Chargé d'affaires"}}, http.StatusOK)
		e.signIn("host@example.org")
		if resp := e.uploadPhoto(t, person); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the adding team's photo upload = %d; want 303", resp.StatusCode)
		}
	})
}

// uploadPhoto posts a small PNG as a person's photo through the page's form.
func (e *env) uploadPhoto(t *testing.T, personID string) *http.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile("photo", "me.png")
	if err != nil {
		t.Fatal(err)
	}
	_ = png.Encode(part, image.NewRGBA(image.Rect(0, 0, 40, 30)))
	_ = w.Close()
	resp, _ := e.do("POST", "/people/"+personID+"/photo", &body, map[string]string{"Content-Type": w.FormDataContentType(),
		"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
	return resp
}
