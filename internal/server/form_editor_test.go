package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestEditingRegistrationFormQuestions changes a question of the
// registration form from its page in Kazakh, keeping its options'
// English labels, moves it up, and refuses an edit without a label,
// changing nothing.
func TestEditingRegistrationFormQuestions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("m@example.org")
		registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
		e.signIn("m@example.org")
		for _, q := range []url.Values{
			{"label.en": {"Arrival"}, "key": {"arrival"}, "kind": {"text"}},
			{"label.en": {"Meals"}, "key": {"diet"}, "kind": {"choice"}, "options": {"halal: Halal\nnone: No preference"}},
		} {
			if resp, _ := e.form("/events/astana/registration-form?lang=en", q, nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("add %s = %d", q.Get("key"), resp.StatusCode)
			}
		}
		_, page := e.do("GET", "/events/astana/registration-form?lang=kk&edit=diet", nil, nil)
		if !strings.Contains(page, `«diet» сұрағын өзгерту`) || !strings.Contains(page, `name="edit" value="diet"`) ||
			!strings.Contains(page, `value="Meals"`) || !strings.Contains(page, "halal: \nnone: ") {
			t.Fatalf("the edit form is not filled with the question: %s", pageError(page))
		}
		events := eventID(t, s, "astana")
		before, err := s.Questions(ctx, events)
		if err != nil {
			t.Fatal(err)
		}
		resp, page := e.form("/events/astana/registration-form?lang=kk", url.Values{"edit": {"diet"}, "key": {"ignored"}, "kind": {"choice"},
			"label.en": {""}, "options": {"halal: Халал"}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(page, `name="edit" value="diet"`) {
			t.Errorf("an edit without a label = %d; want 422 with the edit form kept", resp.StatusCode)
		}
		if after, _ := s.Questions(ctx, events); !equalQuestions(before, after) {
			t.Errorf("a refused edit changed the questions: %+v", after)
		}
		resp, _ = e.form("/events/astana/registration-form?lang=kk", url.Values{"edit": {"diet"}, "key": {"ignored"}, "kind": {"choice"},
			"label.en": {"Meals"}, "label.kk": {"Тамақ"}, "required": {"yes"}, "options": {"halal: Халал\nnone: Маңызды емес\nveg: Вегетариандық"}}, nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit = %d", resp.StatusCode)
		}
		if resp, _ := e.form("/events/astana/registration-form", url.Values{"up": {"diet"}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("move up = %d", resp.StatusCode)
		}
		qs, err := s.Questions(ctx, events)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 2 || qs[0].Key != "diet" || qs[1].Key != "arrival" {
			t.Fatalf("questions after the edit and the move: %+v", qs)
		}
		diet := qs[0]
		if diet.Label["kk"] != "Тамақ" || diet.Label["en"] != "Meals" || !diet.Required || len(diet.Options) != 3 {
			t.Errorf("the edited question: %+v", diet)
		}
		if o := diet.Options[0]; o.Label["en"] != "Halal" || o.Label["kk"] != "Халал" {
			t.Errorf("an option lost its English label or missed its Kazakh one: %+v", o)
		}
		if o := diet.Options[2]; o.Value != "veg" || o.Label["kk"] != "Вегетариандық" || o.Label["en"] != "" {
			t.Errorf("the new option: %+v", o)
		}
	})
}

// equalQuestions tells whether two lists of questions hold the same keys,
// labels and options in the same order.
func equalQuestions(a, b []symposium.Question) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || a[i].Kind != b[i].Kind || a[i].Required != b[i].Required || len(a[i].Options) != len(b[i].Options) ||
			a[i].Label.Get("en", "") != b[i].Label.Get("en", "") || a[i].Label.Get("kk", "") != b[i].Label.Get("kk", "") {
			return false
		}
	}
	return true
}
