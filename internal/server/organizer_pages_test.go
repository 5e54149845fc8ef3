package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestRegistrationCategoriesThroughTheForm opens registration from the
// browser's forms alone: a category with seats, a waiting list and dates,
// then changed, and the event's overall capacity; bad input names the
// field in the page's language and changes nothing.
func TestRegistrationCategoriesThroughTheForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		e.organizer("org@example.org")
		e.signIn("org@example.org")
		ev := url.Values{"slug": {"forum-2026"}, "title.en": {"Forum"}, "timezone": {"Asia/Almaty"}, "starts_at": {"2030-09-10T09:00"},
			"ends_at": {"2030-09-11T18:00"}, "kind": {"forum"}, "status": {"published"}, "visibility": {"public"}, "lang.en": {"on"}, "default_language": {"en"}}
		if resp, _ := e.form("/events/new", ev, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("create event = %d", resp.StatusCode)
		}
		if _, body := e.do("GET", "/events/forum-2026/register?lang=en", nil, nil); !strings.Contains(body, "/events/forum-2026/registration-categories") {
			t.Errorf("the register page does not lead its manager to the categories")
		}
		bad := url.Values{"name.en": {"Participant"}, "capacity": {"many"}, "waitlist": {"yes"}, "opens_at": {"2030-09-01T09:00"}, "closes_at": {"2030-08-01T09:00"}}
		resp, body := e.form("/events/forum-2026/registration-categories?lang=ru", bad, nil)
		if resp.StatusCode != 422 || !strings.Contains(body, `value="Participant"`) || !strings.Contains(body, `id="capacity"`) {
			t.Errorf("bad category = %d; want the form again with its values", resp.StatusCode)
		}
		cats, _ := s.Categories(ctx, eventID(t, s, "forum-2026"))
		if len(cats) != 0 {
			t.Fatalf("a refused form stored %d categories", len(cats))
		}
		good := url.Values{"name.en": {"Participant"}, "capacity": {"2"}, "waitlist": {"yes"}, "opens_at": {"2030-08-01T09:00"}, "closes_at": {"2030-09-01T09:00"}, "price": {"Free"}}
		if resp, _ := e.form("/events/forum-2026/registration-categories", good, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add category = %d", resp.StatusCode)
		}
		cats, _ = s.Categories(ctx, eventID(t, s, "forum-2026"))
		if len(cats) != 1 || cats[0].Capacity == nil || *cats[0].Capacity != 2 || !cats[0].Waitlist || cats[0].RequiresApproval ||
			cats[0].OpensAt.UTC().Format("2006-01-02T15:04") != "2030-08-01T04:00" || cats[0].Price != "Free" {
			t.Fatalf("stored categories = %+v", cats)
		}
		id := cats[0].ID
		if _, body := e.do("GET", "/events/forum-2026/registration-categories/"+id, nil, nil); !strings.Contains(body, `value="2030-09-01T09:00"`) {
			t.Errorf("the edit form is not filled from the category")
		}
		change := url.Values{"name.en": {"Participant"}, "name.kk": {"Қатысушы"}, "capacity": {""}, "requires_approval": {"yes"}}
		if resp, _ := e.form("/events/forum-2026/registration-categories/"+id, change, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit category = %d", resp.StatusCode)
		}
		c, _ := s.Category(ctx, eventID(t, s, "forum-2026"), id)
		if c.Capacity != nil || c.Waitlist || !c.RequiresApproval || c.Name["kk"] != "Қатысушы" || c.OpensAt != nil {
			t.Errorf("changed category = %+v", c)
		}
		if resp, _ := e.form("/events/forum-2026/registration-capacity", url.Values{"overall_capacity": {"-3"}}, nil); resp.StatusCode != 422 {
			t.Errorf("negative capacity = %d, want 422", resp.StatusCode)
		}
		if resp, _ := e.form("/events/forum-2026/registration-capacity", url.Values{"overall_capacity": {"150"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("set capacity = %d", resp.StatusCode)
		}
		if n, _ := s.RegistrationCapacity(ctx, eventID(t, s, "forum-2026")); n == nil || *n != 150 {
			t.Errorf("overall capacity = %v, want 150", n)
		}
		if _, body := e.do("GET", "/events/forum-2026/register?lang=en", nil, nil); !strings.Contains(body, "Participant") {
			t.Errorf("the register page does not offer the new category")
		}
	})
}
