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
