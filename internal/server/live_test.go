package server_test

import (
	"bufio"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// liveEvent creates an event of today with one talk running now, given
// by a speaker with the email speakerEmail, and returns the talk's ID.
func liveEvent(t *testing.T, e *env, token, slug, visibility, speakerEmail string) string {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Minute)
	resp, ev := e.api("POST", "/api/v1/events", token, map[string]any{
		"slug": slug, "title": map[string]string{"en": "Live symposium", "zh": "现场研讨会"},
		"starts_at": now.Add(-2 * time.Hour).Format(time.RFC3339), "ends_at": now.Add(6 * time.Hour).Format(time.RFC3339),
		"timezone": "Asia/Almaty", "visibility": visibility, "languages": []string{"en", "zh", "kk", "ru"},
	})
	if resp.StatusCode != 201 {
		t.Fatalf("create event = %d %v", resp.StatusCode, ev)
	}
	resp, p := e.api("POST", "/api/v1/people", token, map[string]any{"name": map[string]string{"zh": "张伟", "en": "Zhang Wei"}, "email": speakerEmail})
	if resp.StatusCode != 201 {
		t.Fatalf("create speaker = %d %v", resp.StatusCode, p)
	}
	resp, c := e.api("POST", "/api/v1/events/"+slug+"/contributions", token, map[string]any{
		"title": map[string]string{"en": "Hydrogen from the steppe", "ru": "Водород степи"}, "kind": "talk",
		"starts_at": now.Add(-10 * time.Minute).Format(time.RFC3339), "duration_minutes": 60, "speaker_ids": []string{p["id"].(string)}})
	if resp.StatusCode != 201 {
		t.Fatalf("create talk = %d %v", resp.StatusCode, c)
	}
	return c["id"].(string)
}

// sse is an open stream of server-sent events.
type sse struct {
	resp *http.Response
	r    *bufio.Reader
}

// openStream opens a contribution's live stream with a token, resuming
// after lastID when it is not "".
func openStream(t *testing.T, e *env, token, id, lastID string) *sse {
	t.Helper()
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/contributions/"+id+"/live", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("stream = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	t.Cleanup(func() { resp.Body.Close() })
	return &sse{resp: resp, r: bufio.NewReader(resp.Body)}
}

// next reads the next event: its id, kind and data.
func (s *sse) next(t *testing.T) (id, kind, data string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case line == "" && kind != "":
				return
			case strings.HasPrefix(line, "id: "):
				id = line[4:]
			case strings.HasPrefix(line, "event: "):
				kind = line[7:]
			case strings.HasPrefix(line, "data: "):
				data = line[6:]
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("no event came")
	}
	return id, kind, data
}

func TestLiveQuestionsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		_, manager := e.organizer("manager@example.org")
		_, asker := e.user("asker@example.org", false)
		_, voter := e.user("voter@example.org", false)
		_, stranger := e.user("stranger@example.org", false)
		_, speaker := e.user("speaker@example.org", false)
		talk := liveEvent(t, e, manager, "live", "public", "speaker@example.org")

		if resp, l := e.api("GET", "/api/v1/contributions/"+talk+"/questions", asker, nil); resp.StatusCode != 200 {
			t.Fatalf("list = %d %v", resp.StatusCode, l)
		}
		stream := openStream(t, e, "", talk, "")
		if _, kind, _ := stream.next(t); kind != "ready" {
			t.Fatalf("first event = %q; want ready", kind)
		}
		resp, q := e.api("POST", "/api/v1/contributions/"+talk+"/questions", asker, map[string]any{"text": "氢气的储存成本是多少？", "anonymous": true})
		if resp.StatusCode != 201 || q["status"] != "visible" || q["language"] != "zh" {
			t.Fatalf("ask = %d %v", resp.StatusCode, q)
		}
		id, kind, data := stream.next(t)
		if kind != "question" || id != "1" || strings.Contains(data, "asker@") || strings.Contains(data, `"asker"`) {
			t.Fatalf("stream gave %s %s %s", id, kind, data)
		}
		qid := q["id"].(string)
		for range 2 {
			resp, v := e.api("PUT", "/api/v1/questions/"+qid+"/vote", voter, nil)
			if resp.StatusCode != 200 || v["votes"] != float64(1) {
				t.Fatalf("vote = %d %v", resp.StatusCode, v)
			}
		}
		if _, kind, data := stream.next(t); kind != "vote" || !strings.Contains(data, `"votes":1`) {
			t.Fatalf("stream gave %s %s", kind, data)
		}
		stream.resp.Body.Close()
		e.api("POST", "/api/v1/questions/"+qid+"/moderation", manager, map[string]any{"action": "pin"})
		e.api("DELETE", "/api/v1/questions/"+qid+"/vote", voter, nil)
		again := openStream(t, e, "", talk, "2")
		if id, kind, _ := again.next(t); kind != "ready" || id != "4" {
			t.Fatalf("ready = %s %s; want id 4", id, kind)
		}
		for want := 3; want <= 4; want++ {
			id, kind, _ := again.next(t)
			if id != string(rune('0'+want)) {
				t.Fatalf("replayed %s %s; want id %d", id, kind, want)
			}
		}
		resp, a := e.api("PUT", "/api/v1/questions/"+qid+"/answer", speaker, map[string]any{"text": "About two dollars a kilogram."})
		if resp.StatusCode != 200 || a["answered"] != true {
			t.Fatalf("answer = %d %v", resp.StatusCode, a)
		}
		resp, bad := e.api("POST", "/api/v1/contributions/"+talk+"/questions", asker, map[string]any{"text": strings.Repeat("x", 10000)})
		if resp.StatusCode != 422 || !strings.Contains(toJSON(bad), `"field":"text"`) {
			t.Fatalf("long question = %d %v", resp.StatusCode, bad)
		}
		resp, _ = e.api("POST", "/api/v1/contributions/"+talk+"/questions", "", map[string]any{"text": "guest?"})
		if resp.StatusCode != 401 {
			t.Fatalf("a guest asked where guests are not let in: %d", resp.StatusCode)
		}
		hidden := liveEvent(t, e, manager, "closed", "restricted", "speaker@example.org")
		for _, path := range []string{"/questions", "/live", "/polls"} {
			if resp, _ := e.api("GET", "/api/v1/contributions/"+hidden+path, stranger, nil); resp.StatusCode != 404 {
				t.Fatalf("a stranger reading %s of a restricted event got %d", path, resp.StatusCode)
			}
		}
	})
}

func TestLivePagesWorkAsPlainForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		_, manager := e.organizer("manager@example.org")
		talk := liveEvent(t, e, manager, "live", "public", "speaker@example.org")
		e.api("PUT", "/api/v1/events/live/live-settings", manager, map[string]any{"moderation": "post", "guests": true, "window_minutes": 30})
		resp, page := e.do("GET", "/live/"+talk+"?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "Задать вопрос") {
			t.Fatalf("audience page = %d", resp.StatusCode)
		}
		resp, page = e.form("/live/"+talk+"/questions", url.Values{"text": {"\x01"}}, nil)
		if resp.StatusCode != 422 || !strings.Contains(page, `id="text-error"`) {
			t.Fatalf("bad question = %d", resp.StatusCode)
		}
		resp, _ = e.form("/live/"+talk+"/questions", url.Values{"text": {"Как хранить водород?"}, "sort": {"time"}}, nil)
		if resp.StatusCode != 303 || resp.Header.Get("Location") != "/live/"+talk+"?sort=time" {
			t.Fatalf("ask = %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, list := e.api("GET", "/api/v1/contributions/"+talk+"/questions", "", nil)
		items := list["items"].([]any)
		q := items[0].(map[string]any)
		if q["language"] != "ru" || q["anonymous"] != true {
			t.Fatalf("the guest's question = %v", q)
		}
		qid := q["id"].(string)
		for range 2 {
			if resp, _ := e.form("/live/questions/"+qid+"/vote", url.Values{"vote": {"1"}}, nil); resp.StatusCode != 303 {
				t.Fatalf("vote = %d", resp.StatusCode)
			}
		}
		_, list = e.api("GET", "/api/v1/contributions/"+talk+"/questions", "", nil)
		if votes := list["items"].([]any)[0].(map[string]any)["votes"]; votes != float64(1) {
			t.Fatalf("votes after the guest voted twice = %v", votes)
		}
		_, page = e.do("GET", "/live/"+talk+"/presenter", nil, nil)
		if !strings.Contains(page, "<svg") || !strings.Contains(page, "Как хранить водород?") {
			t.Fatal("the presenter's screen lacks the QR code or the question")
		}
	})
}
