package server_test

import "testing"

// webhooksFixture adds a webhook to "pub", sends it a test message (which
// the guard against private addresses stops before any connection, so the
// delivery stays in the log, waiting) and turns the hook off, so that a
// permitted test or retry is a conflict and changes nothing.
func (w *world) webhooksFixture(t *testing.T) {
	t.Helper()
	base := "/api/v1/events/pub/webhooks"
	hook := w.must(t, manager, "POST", base, map[string]any{"url": "http://localhost:9/hook", "types": []string{"registration.created"}}, 201)
	w.ids["webhook"] = hook["id"].(string)
	w.ids["delivery"] = w.must(t, manager, "POST", base+"/"+w.ids["webhook"]+"/test", nil, 200)["id"].(string)
	w.must(t, manager, "PATCH", base+"/"+w.ids["webhook"], map[string]any{"active": false}, 200)
}

// webhooksRows are the rows of an event's webhooks: only its managers
// reach them; at a restricted event everyone else is told nothing.
func (w *world) webhooksRows() []perm {
	api := "/api/v1/events/"
	hook := "pub/webhooks/" + w.ids["webhook"]
	retry := hook + "/deliveries/" + w.ids["delivery"] + "/retry"
	none := "pub/webhooks/" + w.users[stranger].ID // an identifier of no hook
	bad := `{"url":"ftp://hooks.example.org/","types":["registration.created"]}`
	return []perm{
		{route: "GET /events/{slug}/webhooks", path: "/events/pub/webhooks", want: managers(200), action: "list webhooks"},
		{route: "GET /api/v1/events/{slug}/webhooks", path: api + "pub/webhooks", want: managers(200), action: "list webhooks"},
		{route: "GET /events/{slug}/webhooks", path: "/events/res/webhooks", want: hidden(managers(200)), action: "list restricted webhooks"},
		{route: "GET /api/v1/events/{slug}/webhooks", path: api + "res/webhooks", want: hidden(managers(200)), action: "list restricted webhooks"},
		{route: "POST /events/{slug}/webhooks", path: "/events/pub/webhooks", body: "url=ftp%3A%2F%2Fhooks.example.org%2F&types=registration.created", want: managers(422), action: "add webhook"},
		{route: "POST /api/v1/events/{slug}/webhooks", path: api + "pub/webhooks", body: bad, want: managers(422), action: "add webhook"},
		{route: "GET /events/{slug}/webhooks/{id}", path: "/events/" + hook, want: managers(200), action: "read webhook"},
		{route: "GET /api/v1/events/{slug}/webhooks/{id}", path: api + hook, want: managers(200), action: "read webhook"},
		{route: "GET /api/v1/events/{slug}/webhooks/{id}/deliveries", path: api + hook + "/deliveries", want: managers(200), action: "read webhook"},
		{route: "POST /events/{slug}/webhooks/{id}", path: "/events/" + hook, body: "url=ftp%3A%2F%2Fhooks.example.org%2F&types=registration.created", want: managers(422), action: "change webhook"},
		{route: "PATCH /api/v1/events/{slug}/webhooks/{id}", path: api + hook, body: `{"url":"ftp://hooks.example.org/"}`, want: managers(422), action: "change webhook"},
		{route: "POST /events/{slug}/webhooks/{id}/delete", path: "/events/" + none + "/delete", want: managers(404), action: "remove webhook"},
		{route: "DELETE /api/v1/events/{slug}/webhooks/{id}", path: api + none, want: managers(404), action: "remove webhook"},
		{route: "POST /events/{slug}/webhooks/{id}/test", path: "/events/" + hook + "/test", want: managers(409), action: "test webhook"},
		{route: "POST /api/v1/events/{slug}/webhooks/{id}/test", path: api + hook + "/test", want: managers(409), action: "test webhook"},
		{route: "POST /events/{slug}/webhooks/{id}/deliveries/{delivery}/retry", path: "/events/" + retry, want: managers(409), action: "retry delivery"},
		{route: "POST /api/v1/events/{slug}/webhooks/{id}/deliveries/{delivery_id}/retry", path: api + retry, want: managers(409), action: "retry delivery"},
	}
}
