package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/privacy"
	"symposium/internal/registration"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// privacyWorld is Ada's life in Symposium: an account, a person record
// speaking on a published programme, registrations at two events, an
// abstract only she wrote, a review of Bob's abstract beside Carol's,
// and Bob, whose data must never show in hers.
type privacyWorld struct {
	admin, ada, bob, carol string // API tokens
	adaPerson, bobPerson   string
	future, other          string // event slugs
	adaAbstract, bobAbs    string
	categories             map[string]string
}

// futureEvent creates a published public event a month or two ahead with
// one open category and returns the category's id.
func futureEvent(t *testing.T, e *env, token, slug string, days int) string {
	t.Helper()
	start := time.Now().UTC().AddDate(0, 0, days).Truncate(time.Hour)
	resp, ev := e.api("POST", "/api/v1/events", token, map[string]any{
		"slug": slug, "title": map[string]string{"en": "Symposium " + slug, "zh": "研讨会 " + slug},
		"starts_at": start, "ends_at": start.Add(8 * time.Hour), "timezone": "Asia/Almaty",
		"visibility": "public", "languages": []string{"en", "zh", "ru", "kk"},
	})
	if resp.StatusCode != 201 {
		t.Fatalf("create event = %d %v", resp.StatusCode, ev)
	}
	resp, c := e.api("POST", "/api/v1/events/"+slug+"/registration-categories", token, map[string]any{
		"name": map[string]string{"en": "Participant"}, "capacity": 10, "waitlist": true})
	if resp.StatusCode != 201 {
		t.Fatalf("category = %d %v", resp.StatusCode, c)
	}
	return c["id"].(string)
}

// newPrivacyWorld builds Ada's world through the API.
func newPrivacyWorld(t *testing.T, e *env) *privacyWorld {
	t.Helper()
	w := &privacyWorld{future: "future", other: "other", categories: map[string]string{}}
	_, w.admin = e.user("admin@example.org", true)
	_, w.ada = e.user("ada@example.org", false)
	_, w.bob = e.user("bob@example.org", false)
	_, w.carol = e.user("carol@example.org", false)
	w.categories[w.future] = futureEvent(t, e, w.admin, w.future, 30)
	w.categories[w.other] = futureEvent(t, e, w.admin, w.other, 60)
	w.adaPerson = newPerson(t, e, w.admin, map[string]any{
		"name": map[string]string{"en": "Ada Lovelace", "ru": "Ада Лавлейс", "zh": "阿达·洛芙莱斯"}, "email": "ada@example.org",
		"bio": map[string]string{"en": "Ada writes on analytical engines."}, "country": "GB"})
	w.bobPerson = newPerson(t, e, w.admin, map[string]any{"name": map[string]string{"en": "Bob Builder"}, "email": "bob@example.org"})
	resp, c := e.api("POST", "/api/v1/events/"+w.future+"/contributions", w.admin, map[string]any{
		"title": map[string]string{"en": "Engines of thought"}, "kind": "talk", "duration_minutes": 30, "speaker_ids": []string{w.adaPerson}})
	if resp.StatusCode != 201 {
		t.Fatalf("contribution = %d %v", resp.StatusCode, c)
	}
	for _, who := range []struct{ token, email, slug string }{
		{w.ada, "ada@example.org", w.future}, {w.ada, "ada@example.org", w.other}, {w.bob, "bob@example.org", w.future},
	} {
		resp, r := e.api("POST", "/api/v1/events/"+who.slug+"/registrations", who.token, map[string]any{
			"category_id": w.categories[who.slug], "email": who.email, "name": map[string]string{"en": who.email},
			"organization": "Org of " + who.email, "country": "KZ"})
		if resp.StatusCode != 201 {
			t.Fatalf("register %s = %d %v", who.email, resp.StatusCode, r)
		}
	}
	track := openCall(t, e, w.admin, w.other)
	w.adaAbstract = submit(t, e, w.ada, w.other, track, "Notes on the engine", w.adaPerson)
	w.bobAbs = submit(t, e, w.bob, w.other, track, "Bridges of steel", w.bobPerson)
	for _, reviewer := range []struct{ token, email, comment string }{
		{w.ada, "ada@example.org", "ADA-REVIEW-COMMENT"}, {w.carol, "carol@example.org", "CAROL-SECRET-COMMENT"},
	} {
		if resp, body := e.api("POST", "/api/v1/abstracts/"+w.bobAbs+"/reviewers", w.admin, map[string]any{"email": reviewer.email}); resp.StatusCode != 201 {
			t.Fatalf("assign %s = %d %v", reviewer.email, resp.StatusCode, body)
		}
		_, abs := e.api("GET", "/api/v1/abstracts/"+w.bobAbs, reviewer.token, nil)
		ratings := map[string]any{}
		for _, q := range abstractQuestions(t, e, w.admin, w.other) {
			ratings[q] = 4
		}
		resp, body := e.api("POST", "/api/v1/abstracts/"+w.bobAbs+"/reviews", reviewer.token, map[string]any{
			"ratings": ratings, "comment_to_committee": reviewer.comment})
		if resp.StatusCode != 201 {
			t.Fatalf("review by %s = %d %v (abstract %v)", reviewer.email, resp.StatusCode, body, abs)
		}
	}
	return w
}

// abstractQuestions returns the ids of the call's review questions.
func abstractQuestions(t *testing.T, e *env, token, slug string) []string {
	t.Helper()
	_, call := e.api("GET", "/api/v1/events/"+slug+"/cfp", token, nil)
	var ids []string
	qs, _ := call["questions"].([]any)
	for _, q := range qs {
		ids = append(ids, q.(map[string]any)["id"].(string))
	}
	if len(ids) == 0 {
		t.Fatalf("the call has no questions: %v", call)
	}
	return ids
}

// TestMyDataHoldsEverythingAndNothingElse exports Ada's data and finds each
// item of her life in it, and nothing of Bob's or Carol's.
func TestMyDataHoldsEverythingAndNothingElse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		w := newPrivacyWorld(t, e)
		resp, text := e.do("GET", "/api/v1/me/data", nil, map[string]string{"Authorization": "Bearer " + w.ada})
		if resp.StatusCode != 200 {
			t.Fatalf("my data = %d %s", resp.StatusCode, text)
		}
		var d symposium.PersonalData
		if err := json.Unmarshal([]byte(text), &d); err != nil {
			t.Fatal(err)
		}
		checks := []struct {
			what string
			ok   bool
		}{
			{"the account", d.Account != nil && d.Account.Email == "ada@example.org" && len(d.Account.Tokens) == 1},
			{"her person record", len(d.People) == 1 && d.People[0].ID == w.adaPerson && d.People[0].Bio["en"] != ""},
			{"two registrations with organization", len(d.Registrations) == 2 && d.Registrations[0].Organization == "Org of ada@example.org"},
			{"her abstract", len(d.Abstracts) == 1 && d.Abstracts[0].ID == w.adaAbstract && d.Abstracts[0].Submitter && d.Abstracts[0].Author},
			{"her review", len(d.Reviews) == 1 && d.Reviews[0].CommentToCommittee == "ADA-REVIEW-COMMENT"},
			{"her reviewer role", len(d.Roles) == 1 && d.Roles[0].Role == symposium.RoleReviewer && d.Roles[0].Event.Slug == w.other},
			{"her talk", len(d.Speaking) == 1 && d.Speaking[0].Title["en"] == "Engines of thought"},
			{"audit entries about her", len(d.Audit) > 0},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("the export lacks %s:\n%s", c.what, text)
			}
		}
		for _, foreign := range []string{"bob@example.org", "carol@example.org", "CAROL-SECRET-COMMENT", "Bob Builder", "Org of bob"} {
			if strings.Contains(text, foreign) {
				t.Errorf("Ada's export holds %q of someone else", foreign)
			}
		}
		if resp, _ := e.api("GET", "/api/v1/people/"+w.bobPerson+"/data", w.ada, nil); resp.StatusCode != 403 {
			t.Errorf("Ada reading Bob's data = %d, want 403", resp.StatusCode)
		}
		resp, bobs := e.api("GET", "/api/v1/people/"+w.bobPerson+"/data", w.admin, nil)
		if resp.StatusCode != 200 || len(bobs["registrations"].([]any)) != 1 || bobs["account"] == nil {
			t.Errorf("the administrator reading Bob's data = %d %v", resp.StatusCode, bobs)
		}
		page := e.browserAs(t, "ada@example.org")
		resp, html := page.do("GET", "/account/data?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(html, "Notes on the engine") || !strings.Contains(html, "Мои данные") {
			t.Errorf("the page of my data = %d", resp.StatusCode)
		}
		resp, file := page.do("GET", "/account/data.json", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(file, w.adaAbstract) {
			t.Errorf("the download = %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	})
}

// browserAs signs an account in through the sign-in form and returns a
// client holding its session.
func (e *env) browserAs(t *testing.T, email string) *env {
	t.Helper()
	b := e.browser()
	resp, _ := b.form("/signin", url.Values{"email": {email}, "password": {"correct horse battery"}}, nil)
	if resp.StatusCode != 303 {
		t.Fatalf("sign in as %s = %d", email, resp.StatusCode)
	}
	return b
}

// TestEraseMe erases Ada and then looks for her everywhere: search in
// every script, the API's lists and pages, the audit log and the outbox
// find nothing of her but her name on the published programme.
func TestEraseMe(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		w := newPrivacyWorld(t, e)
		resp, _ := e.api("DELETE", "/api/v1/me", w.ada, nil)
		if resp.StatusCode != 204 {
			t.Fatalf("erase me = %d", resp.StatusCode)
		}
		if resp, _ := e.api("GET", "/api/v1/me", w.ada, nil); resp.StatusCode != 401 {
			t.Errorf("the erased account's token = %d, want 401", resp.StatusCode)
		}
		checkErased(t, e, w)
	})
}

// checkErased looks for Ada after her erasure.
func checkErased(t *testing.T, e *env, w *privacyWorld) {
	t.Helper()
	resp, p := e.api("GET", "/api/v1/people/"+w.adaPerson, w.admin, nil)
	if resp.StatusCode != 200 || p["email"] != nil || p["bio"] != nil || p["country"] != nil {
		t.Errorf("the kept speaker = %d %v, want the name only", resp.StatusCode, p)
	}
	for _, q := range []string{"Ada", "Ада Лавлейс", "阿达", "Lovelace", "ada@example.org"} {
		for _, item := range searchItems(t, e, w.admin, url.Values{"q": {q}}) {
			if item["id"] != w.adaPerson {
				t.Errorf("search %q finds %v after the erasure", q, item)
			}
		}
	}
	if resp, _ := e.api("GET", "/api/v1/abstracts/"+w.adaAbstract, w.admin, nil); resp.StatusCode != 404 {
		t.Errorf("the abstract only Ada wrote = %d, want 404", resp.StatusCode)
	}
	_, bobs := e.api("GET", "/api/v1/abstracts/"+w.bobAbs, w.admin, nil)
	if !strings.Contains(toJSON(bobs), "Bridges of steel") {
		t.Errorf("Bob's abstract went with Ada: %v", bobs)
	}
	everywhere := []string{
		"/api/v1/events/" + w.future + "/registrations", "/api/v1/events/" + w.other + "/registrations",
		"/api/v1/audit", "/api/v1/people/" + w.adaPerson, "/api/v1/events/" + w.other + "/audit",
	}
	for _, path := range everywhere {
		_, body := e.do("GET", path, nil, map[string]string{"Authorization": "Bearer " + w.admin})
		for _, trace := range []string{"ada@example.org", "Org of ada", "analytical engines", "User ada@"} {
			if strings.Contains(body, trace) {
				t.Errorf("%s still holds %q after the erasure", path, trace)
			}
		}
	}
	_, regs := e.api("GET", "/api/v1/events/"+w.future+"/registrations", w.admin, nil)
	statuses := map[string]int{}
	for _, r := range regs["items"].([]any) {
		statuses[r.(map[string]any)["status"].(string)]++
	}
	if statuses["cancelled"] != 1 || statuses["confirmed"] != 1 {
		t.Errorf("registrations at the event to come = %v, want Ada's cancelled and Bob's confirmed", statuses)
	}
	_, log := e.api("GET", "/api/v1/audit", w.admin, nil)
	if !strings.Contains(toJSON(log), symposium.AuditErase) {
		t.Error("the audit log does not record the erasure")
	}
	mail, err := e.store.ListMail(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mail {
		if m.Mail.To == "ada@example.org" {
			t.Errorf("the outbox still holds %q to Ada", m.Mail.Subject)
		}
	}
	admin := e.browserAs(t, "admin@example.org")
	for _, page := range []string{"/events/" + w.future + "/registrations", "/search?q=Ada", "/people/" + w.adaPerson} {
		_, html := admin.do("GET", page, nil, nil)
		if strings.Contains(html, "ada@example.org") || strings.Contains(html, "analytical engines") {
			t.Errorf("the page %s still shows Ada's data", page)
		}
	}
}

// TestEraseThroughPages erases an account from the browser: the
// confirmation is needed, and the page says what was kept and why.
func TestEraseThroughPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		w := newPrivacyWorld(t, e)
		ada := e.browserAs(t, "ada@example.org")
		resp, html := ada.form("/account/erase?lang=kk", url.Values{}, nil)
		if resp.StatusCode != 422 || !strings.Contains(html, `id="confirm-error"`) {
			t.Fatalf("erasing without the confirmation = %d", resp.StatusCode)
		}
		if resp, _ := ada.do("GET", "/account", nil, nil); resp.StatusCode != 200 {
			t.Fatalf("the account went without the confirmation: %d", resp.StatusCode)
		}
		resp, html = ada.form("/account/erase?lang=en", url.Values{"confirm": {"yes"}}, nil)
		if resp.StatusCode != 200 || !strings.Contains(html, "Engines of thought") || !strings.Contains(html, "signed by nobody") {
			t.Fatalf("the erasure's page = %d:\n%s", resp.StatusCode, html)
		}
		if resp, _ := ada.do("GET", "/account", nil, nil); resp.StatusCode != 303 {
			t.Errorf("the erased account is still signed in: %d", resp.StatusCode)
		}
		checkErased(t, e, w)
	})
}

// TestErasureAcrossInstances erases Ada on one PostgreSQL instance; the
// other instance's search forgets her at once.
func TestErasureAcrossInstances(t *testing.T) {
	a, b := twoInstances(t)
	w := newPrivacyWorld(t, a)
	_, kept := a.api("POST", "/api/v1/people", w.admin, map[string]any{"name": map[string]string{"en": "Ada Other-Record"}, "email": "ada@example.org"})
	deadline := time.Now().Add(2 * time.Second)
	for len(searchItems(t, b, w.admin, url.Values{"q": {"Other-Record"}})) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the second instance never found Ada's second record")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if resp, _ := a.api("DELETE", "/api/v1/me", w.ada, nil); resp.StatusCode != 204 {
		t.Fatalf("erase me = %d", resp.StatusCode)
	}
	for len(searchItems(t, b, w.admin, url.Values{"q": {"Other-Record"}})) > 0 {
		if time.Now().After(deadline.Add(time.Second)) {
			t.Fatalf("the second instance still finds Ada's erased record %v", kept["id"])
		}
		time.Sleep(10 * time.Millisecond)
	}
	checkErased(t, b, w)
}

// TestRetentionShredsRegistrationData lets an event's retention run out on
// a moved clock: answers, names and emails go; every count the report
// reads stays the same.
func TestRetentionShredsRegistrationData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		cat := futureEvent(t, e, admin, "gone", 30)
		resp, ret := e.api("PUT", "/api/v1/events/gone/retention", admin, map[string]any{"days": -1})
		if resp.StatusCode != 422 || !strings.Contains(toJSON(ret), `"days"`) {
			t.Errorf("a negative retention = %d %v, want 422 naming days", resp.StatusCode, ret)
		}
		resp, ret = e.api("PUT", "/api/v1/events/gone/retention", admin, map[string]any{"days": 30})
		if resp.StatusCode != 200 || ret["days"] != float64(30) {
			t.Fatalf("set retention = %d %v", resp.StatusCode, ret)
		}
		ev, err := s.EventBySlug(ctx, "gone")
		if err != nil {
			t.Fatal(err)
		}
		for i, country := range []string{"KZ", "KZ", "CN", "RU"} {
			email := []string{"a@example.org", "b@example.org", "c@example.org", "d@example.org"}[i]
			r := &symposium.Registration{EventID: ev.ID, CategoryID: cat, Email: email, Name: symposium.Text("en", "Name "+email),
				Country: country, Organization: "Org " + country, Language: "en", EmailConfirmed: true,
				Answers: map[string]string{"diet": "vegetarian " + email}}
			if err := s.Register(ctx, r, "hash-"+email, time.Now(), nil); err != nil {
				t.Fatal(err)
			}
			if i < 2 {
				if _, err := s.CheckIn(ctx, ev.ID, r.ID, ev.StartsAt.Add(time.Hour)); err != nil {
					t.Fatal(err)
				}
			}
		}
		before := reportNumbers(t, e, admin, ev.ID)
		pv := e.privacy()
		pv.Now = func() time.Time { return ev.EndsAt.AddDate(0, 0, 29) }
		if n, err := pv.ShredDue(ctx); err != nil || n != 0 {
			t.Fatalf("shredding a day early = %d, %v", n, err)
		}
		pv.Now = func() time.Time { return ev.EndsAt.AddDate(0, 0, 31) }
		if n, err := pv.ShredDue(ctx); err != nil || n != 1 {
			t.Fatalf("shredding after the retention = %d, %v", n, err)
		}
		_, regs := e.api("GET", "/api/v1/events/gone/registrations", admin, nil)
		if text := toJSON(regs); strings.Contains(text, "@example.org") || strings.Contains(text, "vegetarian") || strings.Contains(text, "Name ") {
			t.Errorf("registrations after shredding still hold personal data: %s", text)
		}
		if after := reportNumbers(t, e, admin, ev.ID); after != before {
			t.Errorf("the report's numbers changed with the shredding:\nbefore %s\nafter  %s", before, after)
		}
		_, ret = e.api("GET", "/api/v1/events/gone/retention", admin, nil)
		if ret["shredded_at"] == nil {
			t.Errorf("the retention does not say the data was shredded: %v", ret)
		}
		_, log := e.api("GET", "/api/v1/events/gone/audit", admin, nil)
		if !strings.Contains(toJSON(log), symposium.AuditShred) {
			t.Error("the audit log does not record the shredding")
		}
		if n, err := pv.ShredDue(ctx); err != nil || n != 0 {
			t.Errorf("shredding again = %d, %v", n, err)
		}
	})
}

// reportNumbers returns what an event's report counts: registrations by
// status, country and organization, and arrivals.
func reportNumbers(t *testing.T, e *env, token, eventID string) string {
	t.Helper()
	_, regs := e.api("GET", "/api/v1/events/gone/registrations", token, nil)
	byStatus, byCountry, byOrg := map[string]int{}, map[string]int{}, map[string]int{}
	arrived := 0
	for _, item := range regs["items"].([]any) {
		r := item.(map[string]any)
		byStatus[r["status"].(string)]++
		byCountry[r["country"].(string)]++
		byOrg[r["organization"].(string)]++
		if r["checked_in_at"] != nil {
			arrived++
		}
	}
	stats, err := e.store.RegistrationStats(ctx, eventID)
	if err != nil {
		t.Fatal(err)
	}
	return toJSON(map[string]any{"status": byStatus, "country": byCountry, "org": byOrg, "arrived": arrived, "stats": stats})
}

// privacy returns a privacy service on the env's store, for moving its
// clock.
func (e *env) privacy() *privacy.Service {
	ev := events.New(e.store, e.accounts)
	return privacy.New(e.store, ev, registration.New(e.store, ev, i18n.Must(i18n.New()), "http://symposium.test"))
}
