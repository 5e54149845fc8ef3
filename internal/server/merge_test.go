package server_test

import (
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// mergeFixture is two events where two records of one person speak and
// registered.
type mergeFixture struct {
	e          *env
	token      string
	slugs      []string
	one, other string // the people: one written in Kazakh, other in Latin
}

func newMergeFixture(t *testing.T, s *store.Store) *mergeFixture {
	t.Helper()
	e := start(t, s, false)
	_, token := e.user("admin@example.org", true)
	f := &mergeFixture{e: e, token: token, slugs: []string{"ev-one", "ev-two"}}
	for _, slug := range f.slugs {
		createSeedEvent(t, e, token, slug, "public")
	}
	post := func(path string, body map[string]any) map[string]any {
		t.Helper()
		resp, out := e.api("POST", path, token, body)
		if resp.StatusCode != 201 {
			t.Fatalf("POST %s = %d %v", path, resp.StatusCode, out)
		}
		return out
	}
	f.one = post("/api/v1/people", map[string]any{"name": map[string]string{"kk": "Гүлнар Шаймергенова"}, "email": "gulnar@center.example"})["id"].(string)
	f.other = post("/api/v1/people", map[string]any{"name": map[string]string{"en": "Gulnar Shaimergenova"},
		"email": "g.shaimergenova@mail.example", "country": "KZ", "topics": []string{"5.6"}})["id"].(string)
	contribution := func(slug, title string, speakers ...string) {
		post("/api/v1/events/"+slug+"/contributions", map[string]any{"title": map[string]string{"en": title}, "kind": "talk",
			"duration_minutes": 20, "speaker_ids": speakers})
	}
	contribution("ev-one", "Keynote", f.one)
	contribution("ev-one", "Panel", f.one, f.other)
	contribution("ev-two", "Talk", f.other)
	for _, slug := range f.slugs {
		cat := post("/api/v1/events/"+slug+"/registration-categories", map[string]any{"name": map[string]string{"en": "Guests"}})["id"]
		for _, email := range []string{"gulnar@center.example", "g.shaimergenova@mail.example"} {
			post("/api/v1/events/"+slug+"/registrations", map[string]any{"category_id": cat, "email": email,
				"name": map[string]string{"en": "Gulnar Shaimergenova"}})
		}
	}
	// Opening the mailed links confirms the addresses: the registrations
	// become the people's.
	for _, email := range []string{"gulnar@center.example", "g.shaimergenova@mail.example"} {
		for _, m := range mailsTo(t, e, email) {
			if link := regexp.MustCompile(`/registrations/manage\?\S+`).FindString(m.Mail.Text); link != "" {
				e.do("GET", link, nil, nil)
			}
		}
	}
	return f
}

// snapshot is what pages and exports say about the two people.
func (f *mergeFixture) snapshot(t *testing.T) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, id := range []string{f.one, f.other} {
		_, p := f.e.api("GET", "/api/v1/people/"+id, f.token, nil)
		out["person "+id] = p
	}
	for _, slug := range f.slugs {
		_, c := f.e.api("GET", "/api/v1/events/"+slug+"/contributions", f.token, nil)
		out["contributions "+slug] = c
		_, tt := f.e.api("GET", "/api/v1/events/"+slug+"/timetable", f.token, nil)
		out["timetable "+slug] = tt
		_, r := f.e.api("GET", "/api/v1/events/"+slug+"/registrations", f.token, nil)
		out["registrations "+slug] = r
		_, page := f.e.do("GET", "/events/"+slug+"/speakers", nil, nil)
		out["speakers page "+slug] = page
	}
	return out
}

func TestMergeAndUndo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		e := f.e
		before := f.snapshot(t)

		_, dups := e.api("GET", "/api/v1/people/duplicates", f.token, nil)
		if ev := offeredPair(dups, f.one, f.other); !strings.Contains(ev, `"name"`) {
			t.Fatalf("the queue does not offer the pair with name evidence: %v", dups)
		}
		resp, m := e.api("POST", "/api/v1/people/merges", f.token, map[string]any{"survivor_id": f.one, "merged_id": f.other})
		if resp.StatusCode != 201 {
			t.Fatalf("merge = %d %v", resp.StatusCode, m)
		}
		f.checkMerged(t)

		resp, body := e.api("POST", "/api/v1/people/merges/"+m["id"].(string)+"/undo", f.token, nil)
		if resp.StatusCode != 200 || body["undone_at"] == nil {
			t.Fatalf("undo = %d %v", resp.StatusCode, body)
		}
		after := f.snapshot(t)
		for k, v := range before {
			// updated_at rightly records that the merge and its undo
			// wrote the records; everything else is as before.
			if !reflect.DeepEqual(withoutUpdatedAt(v), withoutUpdatedAt(after[k])) {
				t.Errorf("after undo, %s differs:\nbefore %v\nafter  %v", k, v, after[k])
			}
		}
		if resp, _ := e.api("POST", "/api/v1/people/merges/"+m["id"].(string)+"/undo", f.token, nil); resp.StatusCode != 409 {
			t.Errorf("undoing twice = %d, want 409", resp.StatusCode)
		}
		items := searchItems(t, e, "", url.Values{"q": {"Gulnar Shaimergenova"}, "type": {"person"}})
		if !strings.Contains(toJSON(items), f.other) {
			t.Errorf("after undo the search does not find the merged person again: %v", items)
		}
	})
}

// checkMerged checks every page and export after merging other into one.
func (f *mergeFixture) checkMerged(t *testing.T) {
	t.Helper()
	e := f.e
	snap := f.snapshot(t)
	merged := snap["person "+f.other].(map[string]any)
	if merged["merged_into"] != f.one {
		t.Errorf("the merged person = %v, want merged_into the survivor", merged)
	}
	survivor := snap["person "+f.one].(map[string]any)
	if name := survivor["name"].(map[string]any); name["en"] != "Gulnar Shaimergenova" || name["kk"] != "Гүлнар Шаймергенова" {
		t.Errorf("the survivor's name = %v, want both spellings", name)
	}
	if survivor["country"] != "KZ" {
		t.Errorf("the survivor did not take the empty fields: %v", survivor)
	}
	for _, slug := range f.slugs {
		for _, k := range []string{"contributions ", "timetable ", "registrations ", "speakers page "} {
			text := toJSON(snap[k+slug])
			if strings.Contains(text, f.other) {
				t.Errorf("%s%s still names the merged person", k, slug)
			}
		}
		if !strings.Contains(toJSON(snap["registrations "+slug]), `"person_id":"`+f.one+`"`) {
			t.Errorf("registrations of %s do not point to the survivor", slug)
		}
		_, csv := e.do("GET", "/events/"+slug+"/registrations/export/csv", nil, map[string]string{"Authorization": "Bearer " + f.token})
		if strings.Contains(csv, f.other) {
			t.Errorf("the export of %s still names the merged person", slug)
		}
	}
	if panel := toJSON(snap["contributions ev-one"]); strings.Count(panel, f.one) != 2 {
		t.Errorf("the survivor should speak once in each of ev-one's two entries: %s", panel)
	}
	items := searchItems(t, e, "", url.Values{"q": {"Gulnar Shaimergenova"}, "type": {"person"}})
	if text := toJSON(items); strings.Contains(text, f.other) || !strings.Contains(text, f.one) {
		t.Errorf("after the merge the search finds %v, want the survivor and not the merged person", items)
	}
	_, dups := e.api("GET", "/api/v1/people/duplicates", f.token, nil)
	if strings.Contains(toJSON(dups), f.other) {
		t.Errorf("the queue still offers the merged person: %v", dups)
	}
	if resp, _ := e.api("POST", "/api/v1/people/merges", f.token, map[string]any{"survivor_id": f.other, "merged_id": f.one}); resp.StatusCode != 409 {
		t.Errorf("merging into a merged person = %d, want 409", resp.StatusCode)
	}
}

func TestMergeIsForManagers(t *testing.T) {
	f := newMergeFixture(t, storetest.SQLite(t))
	_, token := f.e.user("someone@example.org", false)
	for _, c := range []struct{ method, path string }{
		{"GET", "/api/v1/people/duplicates"}, {"POST", "/api/v1/people/merges"},
	} {
		resp, _ := f.e.api(c.method, c.path, token, map[string]any{"survivor_id": f.one, "merged_id": f.other})
		if resp.StatusCode != 403 {
			t.Errorf("%s %s by a participant = %d, want 403", c.method, c.path, resp.StatusCode)
		}
	}
	resp, _ := f.e.api("POST", "/api/v1/people/merges", f.token, map[string]any{"survivor_id": f.one, "merged_id": f.one})
	if resp.StatusCode != 409 {
		t.Errorf("merging a person into themselves = %d, want 409", resp.StatusCode)
	}
	resp, body := f.e.api("POST", "/api/v1/people/duplicates/dismiss", f.token, map[string]any{"a": "nonsense", "b": f.other})
	if resp.StatusCode != 422 || !strings.Contains(toJSON(body), `"field":"a"`) {
		t.Errorf("dismissing with a malformed id = %d %v, want 422 naming a", resp.StatusCode, body)
	}
	resp, _ = f.e.api("POST", "/api/v1/people/duplicates/dismiss", f.token, map[string]any{"a": f.one, "b": f.other})
	if resp.StatusCode != 204 {
		t.Errorf("dismiss = %d, want 204", resp.StatusCode)
	}
	_, dups := f.e.api("GET", "/api/v1/people/duplicates", f.token, nil)
	if offeredPair(dups, f.one, f.other) != "" {
		t.Errorf("a dismissed pair is still offered: %v", dups)
	}
}

// offeredPair returns the evidence of the pair a, b in the queue, as JSON,
// or "" when the queue does not offer it.
func offeredPair(queue map[string]any, a, b string) string {
	items, _ := queue["items"].([]any)
	for _, it := range items {
		pair := it.(map[string]any)
		x, y := pair["a"].(map[string]any)["id"], pair["b"].(map[string]any)["id"]
		if x == a && y == b || x == b && y == a {
			return toJSON(pair["evidence"])
		}
	}
	return ""
}

// withoutUpdatedAt returns a decoded JSON value without its "updated_at"
// members, at any depth.
func withoutUpdatedAt(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k != "updated_at" {
				out[k] = withoutUpdatedAt(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = withoutUpdatedAt(e)
		}
		return out
	}
	return v
}
