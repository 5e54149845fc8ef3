package server_test

import (
	"testing"
	"time"
)

// matchmaking opens matchmaking at "pub" with a delegation of two people
// and a profile of the registrant's, and has the manager arrange a meeting
// request from the registrant to the delegation, accepted at once.
func (w *world) matchmaking(t *testing.T) {
	t.Helper()
	start := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Hour)
	m := w.must(t, manager, "PUT", "/api/v1/events/pub/matchmaking", map[string]any{
		"opens_at": time.Now().Add(-time.Hour).Format(time.RFC3339), "closes_at": start.Format(time.RFC3339),
		"slots":       []map[string]any{{"starts_at": start.Format(time.RFC3339), "ends_at": start.Add(20 * time.Minute).Format(time.RFC3339), "tables": 3}},
		"delegations": []map[string]any{{"name": map[string]string{"en": "Delegation"}, "members": []string{w.ids["person"], w.ids["twin"]}}},
	}, 200)
	delegation := m["delegations"].([]any)[0].(map[string]any)["id"].(string)
	w.must(t, registrant, "PUT", "/api/v1/events/pub/matchmaking/profiles/"+w.ids["author"], map[string]any{
		"offers": map[string]string{"en": "Catalysis"}, "languages": []string{"en"}}, 200)
	r := w.must(t, manager, "POST", "/api/v1/events/pub/meeting-requests", map[string]any{"from": w.ids["author"], "to": delegation}, 201)
	w.ids["meeting_request"] = r["id"].(string)
}

// matchmakingRows are the rows of matchmaking. Participants are the
// registrant, confirmed at "pub" with a profile; the request of the
// fixture is the registrant's to a delegation, already accepted.
func (w *world) matchmakingRows() []perm {
	api := "/api/v1/events/pub"
	participants := only(200, registrant, manager, admin)
	req := "/api/v1/meeting-requests/" + w.ids["meeting_request"]
	partyOrManager := every(404).with(anon, 401, registrant, 403, manager, 409, admin, 409)
	rows := []perm{
		{route: "GET /api/v1/events/{slug}/matchmaking", path: api + "/matchmaking", want: every(200), action: "read matchmaking"},
		{route: "GET /api/v1/events/{slug}/matchmaking", path: "/api/v1/events/res/matchmaking", want: hidden(every(404)).with(manager, 200, admin, 200)},
		{route: "PUT /api/v1/events/{slug}/matchmaking", path: api + "/matchmaking", want: managers(422), action: "save matchmaking",
			body: `{"opens_at":"2030-01-02T00:00:00Z","closes_at":"2030-01-01T00:00:00Z","slots":[]}`},
		{route: "GET /api/v1/events/{slug}/matchmaking/profiles", path: api + "/matchmaking/profiles?q=Registrant", want: participants, action: "catalogue"},
		{route: "GET /api/v1/events/{slug}/matchmaking/profiles/{person_id}", path: api + "/matchmaking/profiles/" + w.ids["author"], want: participants},
		{route: "PUT /api/v1/events/{slug}/matchmaking/profiles/{person_id}", path: api + "/matchmaking/profiles/" + w.ids["author"],
			body: `{"offers":{"en":"Catalysis"},"languages":[]}`, want: only(422, registrant, manager, admin)},
		{route: "GET /api/v1/events/{slug}/matchmaking/recommendations", path: api + "/matchmaking/recommendations", want: participants},
		{route: "GET /api/v1/events/{slug}/matchmaking/agenda", path: api + "/matchmaking/agenda", want: participants},
		{route: "GET /api/v1/events/{slug}/matchmaking/dashboard", path: api + "/matchmaking/dashboard", want: managers(200)},
		{route: "POST /api/v1/events/{slug}/meeting-requests", path: api + "/meeting-requests",
			body: `{"to":"` + w.ids["author"] + `"}`, want: only(422, registrant, manager, admin), action: "send meeting request"},
		{route: "GET /api/v1/events/{slug}/meeting-requests", path: api + "/meeting-requests", want: participants},
		{route: "POST /api/v1/meeting-requests/{id}/accept", path: req + "/accept", want: partyOrManager, action: "accept meeting request"},
		{route: "POST /api/v1/meeting-requests/{id}/decline", path: req + "/decline", want: partyOrManager, action: "decline meeting request"},
		{route: "POST /api/v1/meeting-requests/{id}/approve", path: req + "/approve", want: partyOrManager.with(manager, 200, admin, 200)},
		{route: "POST /api/v1/events/{slug}/meetings/schedule", path: api + "/meetings/schedule", body: `{"preview":true}`, want: managers(200), action: "preview schedule"},
		{route: "GET /api/v1/events/{slug}/meetings", path: api + "/meetings", want: participants},
		{route: "POST /api/v1/events/{slug}/meetings/{id}/mark", path: api + "/meetings/" + w.ids["org"] + "/mark",
			body: `{"status":"held"}`, want: only(404, registrant, manager, admin), action: "mark meeting"},
	}
	return append(rows, w.matchmakingPageRows()...)
}

// matchmakingPageRows are the rows of matchmaking's pages.
func (w *world) matchmakingPageRows() []perm {
	mm := "/events/pub/matchmaking"
	participants := only(200, registrant, manager, admin)
	req := mm + "/requests/" + w.ids["meeting_request"]
	partyOrManager := every(404).with(anon, 401, registrant, 403, manager, 409, admin, 409)
	return []perm{
		{route: "GET /events/{slug}/matchmaking", path: mm, want: every(200), action: "read matchmaking"},
		{route: "GET /events/{slug}/matchmaking", path: "/events/res/matchmaking", want: every(404).with(manager, 200, admin, 200)},
		{route: "GET /events/{slug}/matchmaking/settings", path: mm + "/settings", want: managers(200)},
		{route: "POST /events/{slug}/matchmaking/settings", path: mm + "/settings", body: "periods=nonsense", want: managers(422), action: "save matchmaking"},
		{route: "GET /events/{slug}/matchmaking/profile", path: mm + "/profile", want: participants},
		{route: "POST /events/{slug}/matchmaking/profile", path: mm + "/profile", body: "languages_other=", want: only(422, registrant)},
		{route: "GET /events/{slug}/matchmaking/people", path: mm + "/people?q=Registrant", want: participants, action: "catalogue"},
		{route: "GET /events/{slug}/matchmaking/people/{id}", path: mm + "/people/" + w.ids["author"], want: participants},
		{route: "GET /events/{slug}/matchmaking/recommendations", path: mm + "/recommendations", want: participants},
		{route: "GET /events/{slug}/matchmaking/requests", path: mm + "/requests", want: participants},
		{route: "POST /events/{slug}/matchmaking/requests", path: mm + "/requests", body: "to=" + w.ids["author"],
			want: only(422, registrant, manager, admin), action: "send meeting request"},
		{route: "POST /events/{slug}/matchmaking/requests/{id}/{action}", path: req + "/accept", want: partyOrManager, action: "accept meeting request"},
		{route: "POST /events/{slug}/matchmaking/requests/{id}/{action}", path: req + "/decline", want: partyOrManager, action: "decline meeting request"},
		{route: "POST /events/{slug}/matchmaking/requests/{id}/{action}", path: req + "/approve", want: partyOrManager.with(manager, 303, admin, 303)},
		{route: "GET /events/{slug}/matchmaking/agenda", path: mm + "/agenda", want: participants},
		{route: "GET /events/{slug}/matchmaking/agenda.pdf", path: mm + "/agenda.pdf", want: participants},
		{route: "POST /events/{slug}/matchmaking/meetings/{id}/mark", path: mm + "/meetings/" + w.ids["org"] + "/mark", body: "status=held",
			want: only(404, registrant, manager, admin), action: "mark meeting"},
		{route: "GET /events/{slug}/matchmaking/schedule", path: mm + "/schedule", want: managers(200)},
		{route: "POST /events/{slug}/matchmaking/schedule", path: mm + "/schedule", body: "action=preview", want: managers(200), action: "preview schedule"},
		{route: "GET /events/{slug}/matchmaking/dashboard", path: mm + "/dashboard", want: managers(200)},
		{route: "GET /events/{slug}/matchmaking/dashboard.csv", path: mm + "/dashboard.csv", want: managers(200)},
		{route: "GET /matchmaking/feed/{file}", path: "/matchmaking/feed/forged.ics", want: every(404)},
	}
}
