package server_test

import (
	"encoding/json"
	"testing"

	"symposium/internal/store/storetest"
)

// TestOpenAPIHoldsTheContract checks that the OpenAPI document describes
// every route of CONTRACT.md.
func TestOpenAPIHoldsTheContract(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	resp, body := e.do("GET", "/api/v1/openapi.json", nil, nil)
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &doc) != nil {
		t.Fatalf("openapi.json = %d", resp.StatusCode)
	}
	for _, r := range []struct{ method, path string }{
		{"post", "/api/v1/events"}, {"get", "/api/v1/events"}, {"get", "/api/v1/events/{slug}"}, {"patch", "/api/v1/events/{slug}"},
		{"post", "/api/v1/events/{slug}/roles"}, {"post", "/api/v1/organizations"}, {"post", "/api/v1/people"},
		{"get", "/api/v1/people/{id}"}, {"post", "/api/v1/events/{slug}/rooms"}, {"post", "/api/v1/events/{slug}/contributions"},
		{"get", "/api/v1/events/{slug}/contributions"}, {"get", "/api/v1/events/{slug}/timetable"},
		{"post", "/api/v1/events/{slug}/registration-categories"}, {"post", "/api/v1/events/{slug}/registrations"},
		{"post", "/api/v1/registrations/{id}/cancel"}, {"post", "/api/v1/registrations/{id}/approve"},
		{"post", "/api/v1/registrations/{id}/reject"}, {"get", "/api/v1/events/{slug}/registrations"},
		{"post", "/api/v1/events/{slug}/checkins"},
		{"put", "/api/v1/events/{slug}/cfp"}, {"post", "/api/v1/events/{slug}/abstracts"}, {"get", "/api/v1/abstracts/{id}"},
		{"post", "/api/v1/abstracts/{id}/reviewers"}, {"post", "/api/v1/events/{slug}/assignments"},
		{"post", "/api/v1/abstracts/{id}/reviews"}, {"post", "/api/v1/abstracts/{id}/decision"},
		{"post", "/api/v1/events/{slug}/decisions/release"}, {"get", "/api/v1/search"},
	} {
		if doc.Paths[r.path][r.method] == nil {
			t.Errorf("the OpenAPI document lacks %s %s", r.method, r.path)
		}
	}
}

// TestOpenAPIDeclaresErrors checks that every operation of the OpenAPI
// document declares problem-details answers for 4xx statuses, and that
// the document names its server.
func TestOpenAPIDeclaresErrors(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, body := e.do("GET", "/api/v1/openapi.json", nil, nil)
	var doc struct {
		Servers []struct {
			URL string `json:"url"`
		} `json:"servers"`
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]any `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Servers) == 0 || doc.Servers[0].URL != "http://symposium.test" {
		t.Errorf("servers = %+v", doc.Servers)
	}
	n := 0
	for path, ops := range doc.Paths {
		for method, o := range ops {
			n++
			for _, code := range []string{"401", "403", "404", "429"} {
				if o.Responses[code].Content["application/problem+json"] == nil {
					t.Errorf("%s %s declares no problem answer for %s", method, path, code)
				}
			}
			if method == "post" && o.Responses["422"].Content == nil {
				t.Errorf("%s %s declares no 422", method, path)
			}
		}
	}
	if n < 60 {
		t.Errorf("only %d operations", n)
	}
}
