package server_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"testing"
	"time"

	"symposium"
)

// browser returns a second client of the same server with cookies of its
// own, for a second person at another computer.
func (e *env) browser() *env {
	jar, _ := cookiejar.New(nil)
	other := *e
	other.client = &http.Client{Jar: jar, CheckRedirect: e.client.CheckRedirect}
	return &other
}

// mailsTo returns the mails queued for an address, newest first.
func mailsTo(t *testing.T, e *env, address string) []symposium.OutboxMail {
	t.Helper()
	all, err := e.store.ListMail(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []symposium.OutboxMail
	for _, m := range all {
		if m.Mail.To == address {
			out = append(out, m)
		}
	}
	return out
}

// tokenOf returns the token of the newest link to path mailed to an
// address, or fails the test.
func tokenOf(t *testing.T, e *env, address, path string) string {
	t.Helper()
	re := regexp.MustCompile(regexp.QuoteMeta(path) + `\?\S+`)
	for _, m := range mailsTo(t, e, address) {
		if link := re.FindString(m.Mail.Text); link != "" {
			u, err := url.Parse(link)
			if err != nil {
				t.Fatal(err)
			}
			return u.Query().Get("token")
		}
	}
	t.Fatalf("no link to %s mailed to %s", path, address)
	return ""
}

// openCall opens a call for abstracts at an event and returns its first
// track.
func openCall(t *testing.T, e *env, token, slug string) string {
	t.Helper()
	now := time.Now().UTC()
	resp, call := e.api("PUT", "/api/v1/events/"+slug+"/cfp", token, map[string]any{
		"opens_at": now.Add(-time.Hour), "closes_at": now.Add(time.Hour),
		"tracks":    []map[string]any{{"name": map[string]string{"en": "Economy"}}},
		"questions": []map[string]any{{"text": map[string]string{"en": "Originality"}, "kind": "rating", "min": 1, "max": 5}},
	})
	if resp.StatusCode != 200 {
		t.Fatalf("open call = %d %v", resp.StatusCode, call)
	}
	return call["tracks"].([]any)[0].(map[string]any)["id"].(string)
}

// newPerson creates a person through the API and returns its id.
func newPerson(t *testing.T, e *env, token string, body map[string]any) string {
	t.Helper()
	resp, p := e.api("POST", "/api/v1/people", token, body)
	if resp.StatusCode != 201 {
		t.Fatalf("create person = %d %v", resp.StatusCode, p)
	}
	return p["id"].(string)
}

// submit submits an abstract through the API and returns its id.
func submit(t *testing.T, e *env, token, slug, track, title string, authors ...string) string {
	t.Helper()
	resp, a := e.api("POST", "/api/v1/events/"+slug+"/abstracts", token, map[string]any{
		"title": map[string]string{"en": title}, "content": map[string]string{"en": "The content of " + title + "."},
		"language": "en", "track_id": track, "author_ids": authors, "presenter_id": authors[0]})
	if resp.StatusCode != 201 {
		t.Fatalf("submit %q = %d %v", title, resp.StatusCode, a)
	}
	return a["id"].(string)
}
