package server_test

import (
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestEndedEventRefusesRegistration registers for an event that ended
// yesterday, still published: the API and the form refuse it, naming the
// category field and saying the event has ended, and nothing is stored.
func TestEndedEventRefusesRegistration(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		cat := futureEvent(t, e, admin, "gone", -1)
		resp, body := e.api("POST", "/api/v1/events/gone/registrations", "", map[string]any{
			"category_id": cat, "email": "late@example.org", "name": map[string]string{"en": "Late"}})
		if resp.StatusCode != 422 || !strings.Contains(jsonOf(body["errors"]), "category_id") || !strings.Contains(jsonOf(body), "The event has ended") {
			t.Errorf("registering after the end = %d %v; want 422 naming category_id", resp.StatusCode, body)
		}
		resp, page := e.browser().form("/events/gone/register?lang=en", url.Values{"category_id": {cat}, "name": {"Late"}, "email": {"late@example.org"}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(page, "The event has ended") {
			t.Errorf("the form after the end = %d", resp.StatusCode)
		}
		_, list := e.api("GET", "/api/v1/events/gone/registrations", admin, nil)
		if items := asSlice(list["items"]); len(items) != 0 {
			t.Errorf("%d registrations stored after the end", len(items))
		}
		if _, page := e.do("GET", "/events/gone", nil, nil); strings.Contains(page, `class="button" href="/events/gone/register"`) {
			t.Errorf("the page of an ended event still offers to register")
		}
	})
}
