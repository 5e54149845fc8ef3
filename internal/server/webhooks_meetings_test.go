package server_test

import (
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestWebhooksToldOfScheduledMeetings publishes a matchmaking schedule of
// one meeting and finds a meeting.scheduled message for it in the log of
// a hook subscribed to meetings, and none in the log of a hook subscribed
// to registrations only.
func TestWebhooksToldOfScheduledMeetings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		m := newMMEnv(t, s)
		e := m.e
		m.open(t)
		m.profiles(t)
		hooks := "/api/v1/events/astana/webhooks"
		meetings := mustAPI(t, e, m.manager, "POST", hooks, map[string]any{"url": "https://hooks.example.org/meetings", "types": []string{"meeting.scheduled"}}, 201)["id"].(string)
		regs := mustAPI(t, e, m.manager, "POST", hooks, map[string]any{"url": "https://hooks.example.org/regs", "types": []string{"registration.created"}}, 201)["id"].(string)
		r := m.request(t, "aigerim", "olga", 2)
		mustAPI(t, e, m.token["olga"], "POST", "/api/v1/meeting-requests/"+r+"/accept", nil, 200)
		mustAPI(t, e, m.manager, "POST", "/api/v1/events/astana/meetings/schedule", map[string]any{}, 200)
		published := asSlice(mustAPI(t, e, m.manager, "GET", "/api/v1/events/astana/meetings", nil, 200)["items"])
		log := asSlice(mustAPI(t, e, m.manager, "GET", hooks+"/"+meetings+"/deliveries", nil, 200)["items"])
		if len(published) != 1 || len(log) != 1 {
			t.Fatalf("%d meetings published, %d messages queued; want 1 and 1", len(published), len(log))
		}
		d := log[0].(map[string]any)
		if d["type"] != "meeting.scheduled" || d["object_id"] != published[0].(map[string]any)["id"] || d["status"] != "pending" {
			t.Errorf("delivery = %v", d)
		}
		if other := asSlice(mustAPI(t, e, m.manager, "GET", hooks+"/"+regs+"/deliveries", nil, 200)["items"]); len(other) != 0 {
			t.Errorf("a hook for registrations got %v", other)
		}
	})
}
