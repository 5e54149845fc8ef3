package server_test

import (
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// reasons returns the reasons of the conflicts a 409 names.
func reasons(body map[string]any) string {
	var out []string
	list, _ := body["conflicts"].([]any)
	for _, c := range list {
		out = append(out, c.(map[string]any)["reason"].(string))
	}
	return strings.Join(out, ",")
}

// organization creates an organization through the API and returns its id.
func organization(t *testing.T, e *env, token, name string) string {
	t.Helper()
	resp, o := e.api("POST", "/api/v1/organizations", token, map[string]any{"name": map[string]string{"en": name}, "country": "KZ"})
	if resp.StatusCode != 201 {
		t.Fatalf("organization = %d %v", resp.StatusCode, o)
	}
	return o["id"].(string)
}

// TestStrangersRecordDoesNotStandForTheAdministrator has a stranger type a
// person with the administrator's email before the administrator's own
// record exists: the conflicts of interest of the administrator's real
// record are still found.
func TestStrangersRecordDoesNotStandForTheAdministrator(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		_, stranger := e.organizer("stranger@example.org") // may add people, so may type anyone's email
		_, submitter := e.user("submitter@example.org", false)
		center, made := organization(t, e, admin, "Research Center"), organization(t, e, stranger, "Made-up Institute")
		fake := newPerson(t, e, stranger, map[string]any{"name": map[string]string{"en": "Admin Fake"}, "email": "admin@example.org", "organization_id": made})
		newPerson(t, e, admin, map[string]any{"name": map[string]string{"kk": "Дәурен Әбенов"}, "email": "admin@example.org", "organization_id": center})
		colleague := newPerson(t, e, admin, map[string]any{"name": map[string]string{"en": "Dana Seitova"}, "organization_id": center})
		createSeedEvent(t, e, admin, "astana", "public")
		track := openCall(t, e, admin, "astana")
		id := submit(t, e, submitter, "astana", track, "Water in Central Asia", colleague)

		resp, body := e.api("POST", "/api/v1/abstracts/"+id+"/reviewers", admin, map[string]any{"email": "admin@example.org"})
		if resp.StatusCode != 409 || !strings.Contains(reasons(body), "same_organization") {
			t.Errorf("assigning the administrator to a colleague's abstract = %d %v; want 409 for the same organization", resp.StatusCode, body)
		}
		// The stranger's record shows the stranger nothing of the
		// administrator, and its email stays hidden from them.
		if resp, p := e.api("GET", "/api/v1/people/"+fake, stranger, nil); resp.StatusCode != 200 || p["email"] != nil {
			t.Errorf("the stranger's record as the stranger sees it = %d %v; want no email", resp.StatusCode, p)
		}
	})
}

// TestTwoRecordsWithOneEmail has two people carry a reviewer's verified
// email: conflicts of interest are found through either, and the
// duplicates queue offers the pair with the email as evidence.
func TestTwoRecordsWithOneEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		e.user("marat@example.kz", false)
		_, submitter := e.user("submitter@example.org", false)
		first, second := organization(t, e, admin, "First University"), organization(t, e, admin, "Second Institute")
		one := newPerson(t, e, admin, map[string]any{"name": map[string]string{"ru": "Марат Оспанов"}, "email": "marat@example.kz", "organization_id": first})
		other := newPerson(t, e, admin, map[string]any{"name": map[string]string{"en": "Marat Ospanov"}, "email": "marat@example.kz", "organization_id": second})
		colleague := newPerson(t, e, admin, map[string]any{"name": map[string]string{"en": "Aliya Bekova"}, "organization_id": second})
		createSeedEvent(t, e, admin, "astana", "public")
		track := openCall(t, e, admin, "astana")
		byColleague := submit(t, e, submitter, "astana", track, "Steppe ecology", colleague)
		byOther := submit(t, e, submitter, "astana", track, "Grain logistics", other)

		for _, c := range []struct{ abstract, reason string }{{byColleague, "same_organization"}, {byOther, "author"}} {
			resp, body := e.api("POST", "/api/v1/abstracts/"+c.abstract+"/reviewers", admin, map[string]any{"email": "marat@example.kz"})
			if resp.StatusCode != 409 || !strings.Contains(reasons(body), c.reason) {
				t.Errorf("assigning the reviewer = %d %v; want 409 for %s through the second record", resp.StatusCode, body, c.reason)
			}
		}
		_, queue := e.api("GET", "/api/v1/people/duplicates", admin, nil)
		if ev := offeredPair(queue, one, other); !strings.Contains(ev, `"email"`) {
			t.Errorf("the duplicates queue offers the pair with evidence %q; want the same email", ev)
		}
	})
}
