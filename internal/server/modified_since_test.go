package server_test

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestListsModifiedSince lists registrations, abstracts and programme
// entries with modified_since: what was created or changed before the
// time is left out, each kind of write since (a cancellation, a check-in,
// a decision, an edit) brings its item back, and a time that is not RFC
// 3339 is refused naming the parameter.
func TestListsModifiedSince(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.user("admin@example.org", true)
		ids := createSeedEvent(t, e, token, "pub", "public")
		api := "/api/v1/events/pub"
		cat := e.mustAPI("POST", api+"/registration-categories", token, map[string]any{"name": map[string]string{"en": "Guests"}}, 201)["id"]
		var regs []string
		for _, email := range []string{"a@example.org", "b@example.org", "c@example.org"} {
			r := e.mustAPI("POST", api+"/registrations", token, map[string]any{"category_id": cat, "email": email, "name": map[string]string{"en": email}}, 201)
			regs = append(regs, r["id"].(string))
		}
		track := openCall(t, e, token, "pub")
		author := newPerson(t, e, token, map[string]any{"name": map[string]string{"en": "Author"}})
		first := submit(t, e, token, "pub", track, "Wind", author)
		submit(t, e, token, "pub", track, "Sun", author)

		mark := tick()
		count := func(path string) int {
			t.Helper()
			out := e.mustAPI("GET", path+"modified_since="+url.QueryEscape(mark.Format(time.RFC3339Nano)), token, nil, 200)
			return len(out["items"].([]any))
		}
		for _, path := range []string{api + "/registrations?", api + "/abstracts?", api + "/contributions?"} {
			if n := count(path); n != 0 {
				t.Errorf("%s: %d items before any change, want 0", path, n)
			}
		}
		e.mustAPI("POST", "/api/v1/registrations/"+regs[0]+"/cancel", token, map[string]any{}, 200)
		e.mustAPI("POST", "/api/v1/abstracts/"+first+"/decision", token, map[string]any{"decision": "reject"}, 200)
		e.mustAPI("PATCH", api+"/contributions/"+ids["c3"], token, map[string]any{"title": map[string]string{"en": "Renamed"}}, 200)
		for path, want := range map[string]int{api + "/registrations?": 1, api + "/abstracts?": 1, api + "/contributions?": 1} {
			if n := count(path); n != want {
				t.Errorf("%s: %d items after one change, want %d", path, n, want)
			}
		}
		mark = tick()
		ev, err := s.EventBySlug(ctx, "pub")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CheckIn(ctx, ev.ID, regs[1], time.Now()); err != nil {
			t.Fatal(err)
		}
		if out := e.mustAPI("GET", api+"/registrations?modified_since="+url.QueryEscape(mark.Format(time.RFC3339Nano)), token, nil, 200); len(out["items"].([]any)) != 1 ||
			out["items"].([]any)[0].(map[string]any)["id"] != regs[1] {
			t.Errorf("after a check-in: %v, want the registration checked in", out["items"])
		}
		if n := len(e.mustAPI("GET", api+"/registrations", token, nil, 200)["items"].([]any)); n != 3 {
			t.Errorf("without modified_since: %d registrations, want 3", n)
		}
		resp, body := e.api("GET", api+"/registrations?modified_since=yesterday", token, nil)
		if resp.StatusCode != 422 {
			t.Errorf("modified_since=yesterday: %d %v, want 422", resp.StatusCode, body)
		}
	})
}

// tick returns the time now, with a moment on either side, so that what
// was written before is strictly before it and what is written after is
// after it, at the stores' microsecond precision.
func tick() time.Time {
	time.Sleep(5 * time.Millisecond)
	t := time.Now().UTC()
	time.Sleep(5 * time.Millisecond)
	return t
}

// TestOpenAPIDocumentsModifiedSinceAndWebhooks finds modified_since on the
// lists that take it, and the webhooks' operations, in the OpenAPI
// document.
func TestOpenAPIDocumentsModifiedSinceAndWebhooks(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	resp, body := e.do("GET", "/api/v1/openapi.json", nil, nil)
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string } `json:"parameters"`
		} `json:"paths"`
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &doc) != nil {
		t.Fatalf("openapi.json = %d", resp.StatusCode)
	}
	for _, path := range []string{"/api/v1/events/{slug}/registrations", "/api/v1/events/{slug}/abstracts", "/api/v1/events/{slug}/contributions"} {
		found := false
		for _, p := range doc.Paths[path]["get"].Parameters {
			found = found || (p.Name == "modified_since" && p.In == "query")
		}
		if !found {
			t.Errorf("GET %s documents no modified_since", path)
		}
	}
	hooks := "/api/v1/events/{slug}/webhooks"
	for path, methods := range map[string][]string{hooks: {"get", "post"}, hooks + "/{id}": {"get", "patch", "delete"},
		hooks + "/{id}/deliveries": {"get"}, hooks + "/{id}/deliveries/{delivery_id}/retry": {"post"}, hooks + "/{id}/test": {"post"}} {
		for _, m := range methods {
			if _, ok := doc.Paths[path][m]; !ok {
				t.Errorf("the document lacks %s %s", m, path)
			}
		}
	}
}
