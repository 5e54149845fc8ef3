package server_test

import (
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestWaitlistPlaceOnPages fills a one-seat workshop and queues two more
// people through the form: each sees their own place in the queue, with
// the event and the category, on the page after registering, on the page
// their mailed link opens and in the API's answer; a cancellation moves
// the queue up.
func TestWaitlistPlaceOnPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		futureEvent(t, e, admin, "small", 20)
		seat := mustAPI(t, e, admin, "POST", "/api/v1/events/small/registration-categories", map[string]any{
			"name": map[string]string{"en": "Workshop seat", "ru": "Место на мастер-классе"}, "capacity": 1, "waitlist": true}, 201)
		first := mustAPI(t, e, "", "POST", "/api/v1/events/small/registrations", map[string]any{
			"category_id": seat["id"], "email": "first@example.org", "name": map[string]string{"en": "First"}}, 201)
		second := mustAPI(t, e, "", "POST", "/api/v1/events/small/registrations", map[string]any{
			"category_id": seat["id"], "email": "second@example.org", "name": map[string]string{"en": "Second"}}, 201)
		if first["status"] != "confirmed" || first["waitlist_place"] != nil || second["status"] != "waitlisted" || second["waitlist_place"] != 1.0 {
			t.Fatalf("the API's answers: %v, %v", first, second)
		}
		resp, page := e.browser().form("/events/small/register?lang=ru", url.Values{"category_id": {seat["id"].(string)},
			"name": {"Третий"}, "email": {"third@example.org"}}, nil)
		for _, want := range []string{"Ваш номер в листе ожидания: 2.", "Место на мастер-классе", "Symposium small"} {
			if resp.StatusCode != 200 || !strings.Contains(page, want) {
				t.Errorf("the page after registering (%d) lacks %q", resp.StatusCode, want)
			}
		}
		if _, page := e.do("GET", "/events/small", nil, nil); !strings.Contains(page, `class="button" href="/events/small/register"`) ||
			strings.Contains(page, "/events/small/abstracts/new") {
			t.Errorf("the event page should offer to register, and no call for abstracts it does not have")
		}
		manage := manageLinkOf(t, e, "third@example.org")
		if _, page := e.browser().do("GET", manage, nil, nil); !strings.Contains(page, "Ваш номер в листе ожидания: 2.") {
			t.Errorf("the manage page lacks the place in the queue")
		}
		mustAPI(t, e, admin, "POST", "/api/v1/registrations/"+first["id"].(string)+"/cancel", nil, 200)
		if _, page := e.browser().do("GET", manage, nil, nil); !strings.Contains(page, "Ваш номер в листе ожидания: 1.") {
			t.Errorf("after the second is promoted, the third is not first in the queue")
		}
	})
}
