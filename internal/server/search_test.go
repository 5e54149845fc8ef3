package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"symposium/internal/demo"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// searchItems runs a search through the API and returns its items.
func searchItems(t *testing.T, e *env, token string, query url.Values) []map[string]any {
	t.Helper()
	resp, body := e.api("GET", "/api/v1/search?"+query.Encode(), token, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("search %s = %d %v", query.Encode(), resp.StatusCode, body)
	}
	raw, ok := body["items"].([]any)
	if !ok {
		t.Fatalf("search %s: no items list in %v", query.Encode(), body)
	}
	items := make([]map[string]any, len(raw))
	for i, it := range raw {
		items[i] = it.(map[string]any)
	}
	return items
}

// personNamed finds the ID of a person by one spelling of their name.
func personNamed(t *testing.T, e *env, token, name string) string {
	t.Helper()
	items := searchItems(t, e, token, url.Values{"q": {name}, "type": {"person"}})
	if len(items) == 0 {
		t.Fatalf("no one named %q", name)
	}
	return items[0]["id"].(string)
}

func TestSearchFindsTheDemoPeopleFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		if _, err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		_, token := e.user("admin@example.org", true)
		// People whose names are close to the demo's, so that finding the
		// right one first means something.
		for _, name := range []map[string]string{
			{"en": "Gulnara Shaimerdenova"}, {"kk": "Гүлнара Шаймерденова"}, {"ru": "Шаймергенов Марат"},
			{"en": "Fang Xing"}, {"zh": "邢芳"}, {"en": "Fangfang Xu"}, {"zh": "许芳芳"},
		} {
			if resp, body := e.api("POST", "/api/v1/people", token, map[string]any{"name": name}); resp.StatusCode != 201 {
				t.Fatalf("create %v = %d %v", name, resp.StatusCode, body)
			}
		}
		director := personNamed(t, e, token, "Гүлнар Шаймергенова")
		charge := personNamed(t, e, token, "邢芳芳")
		for q, want := range map[string]string{
			"Shaimergnova": director, "Shaimerganova": director, "Fangfang Xing": charge,
			"Гульнар Шаймергенова": director, "Xing Fang Fang": charge,
		} {
			items := searchItems(t, e, "", url.Values{"q": {q}, "type": {"person"}})
			if len(items) == 0 || items[0]["id"] != want {
				t.Errorf("q=%s: first = %v, want %s", q, items, want)
				continue
			}
			if items[0]["type"] != "person" || items[0]["name"] == nil || items[0]["score"].(float64) <= 0 {
				t.Errorf("q=%s: item = %v", q, items[0])
			}
		}
	})
}

func TestSearchTitlesInEveryLanguage(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.user("admin@example.org", true)
	ids := createSeedEvent(t, e, token, "astana-2024", "public")
	hidden := createSeedEvent(t, e, token, "closed-2024", "restricted")
	first := func(q, typ string) string {
		items := searchItems(t, e, "", url.Values{"q": {q}, "type": {typ}})
		if len(items) == 0 {
			return ""
		}
		return items[0]["id"].(string)
	}
	for _, q := range []string{"科技", "研讨会", "Симпозиум", "симпоз", "ғылымы", "гылымы", "China science", "technolog"} {
		items := searchItems(t, e, "", url.Values{"q": {q}, "type": {"event"}})
		if len(items) != 1 || items[0]["id"] != ids["event"] {
			t.Errorf("q=%s: events = %v, want only the public one", q, items)
		}
	}
	if got := first("Entry 3", "contribution"); got != ids["c3"] {
		t.Errorf("Entry 3 = %s, want %s", got, ids["c3"])
	}
	if items := searchItems(t, e, "", url.Values{"q": {"Entry 3"}, "type": {"contribution"}}); len(items) == 0 ||
		items[0]["event"] != "astana-2024" || items[0]["event_title"] == nil {
		t.Errorf("a contribution found does not name its event: %v", items)
	}
	// Cross-script through skeletons, and organizations by name.
	if got := first("Астана", "event"); got != ids["event"] {
		t.Errorf("Астана found %s, want the event by its city", got)
	}
	if items := searchItems(t, e, "", url.Values{"q": {"research center"}, "type": {"organization"}}); len(items) == 0 {
		t.Error("the organization is not found by its name")
	}
	// The restricted event is found by its managers only.
	items := searchItems(t, e, token, url.Values{"q": {"研讨会"}, "type": {"event"}})
	if len(items) != 2 {
		t.Errorf("the admin finds %d events, want both", len(items))
	}
	if got := first("Entry 3", "contribution"); got == hidden["c3"] {
		t.Error("a contribution of a restricted event is found by an outsider")
	}
}

func TestSearchOddQueries(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	if _, err := demo.Load(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	for name, q := range map[string]string{
		"empty":        "",
		"whitespace":   " \t\n ",
		"control":      "\x00\x01\x1b[2J",
		"long":         strings.Repeat("Шаймергенова ", 800),
		"long letters": strings.Repeat("я", 10000),
		"punctuation":  "%_*'\";--",
		"emoji":        "😀😀",
	} {
		items := searchItems(t, e, "", url.Values{"q": {q}})
		if len(items) != 0 {
			t.Errorf("%s: %d items, want none", name, len(items))
		}
	}
	for _, c := range []struct{ query, field string }{
		{"q=x&type=planet", "type"}, {"q=x&limit=5000", "limit"}, {"q=x&limit=-1", "limit"},
		{"q=x&country=Kazakhstan", "country"}, {"q=x&topic=99", "topic"},
	} {
		resp, body := e.api("GET", "/api/v1/search?"+c.query, "", nil)
		if resp.StatusCode != 422 || !strings.Contains(toJSON(body), `"`+c.field+`"`) {
			t.Errorf("%s = %d %v, want 422 naming %s", c.query, resp.StatusCode, body, c.field)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.user("admin@example.org", true)
	ids := createSeedEvent(t, e, token, "astana-2024", "public")
	for _, p := range []map[string]any{
		{"name": map[string]string{"en": "Zhang Wei"}, "country": "CN", "topics": []string{"1.2"}},
		{"name": map[string]string{"en": "Wei Zhang"}, "country": "KZ"},
	} {
		if resp, body := e.api("POST", "/api/v1/people", token, p); resp.StatusCode != 201 {
			t.Fatalf("create = %d %v", resp.StatusCode, body)
		}
	}
	count := func(q url.Values) int { return len(searchItems(t, e, token, q)) }
	if n := count(url.Values{"q": {"张伟"}, "type": {"person"}}); n != 3 {
		t.Errorf("张伟 finds %d people, want 3", n)
	}
	if n := count(url.Values{"q": {"张伟"}, "country": {"cn"}, "type": {"person"}}); n != 1 {
		t.Errorf("张伟 in CN finds %d, want 1", n)
	}
	if n := count(url.Values{"q": {"张伟"}, "topic": {"1"}, "type": {"person"}}); n != 1 {
		t.Errorf("张伟 in natural sciences finds %d, want 1", n)
	}
	items := searchItems(t, e, token, url.Values{"q": {"张伟"}, "event": {"astana-2024"}, "role": {"speaker"}, "type": {"person"}})
	if len(items) != 1 || items[0]["id"] != ids["zhangwei"] {
		t.Errorf("张伟 speaking at the event = %v, want the speaker only", items)
	}
	if n := count(url.Values{"event": {"astana-2024"}, "type": {"person"}}); n != 3 {
		t.Errorf("the event's people, without text = %d, want its 3 speakers", n)
	}
	resp, _ := e.api("GET", "/api/v1/search?event=astana-2024&role=registrant", "", nil)
	if resp.StatusCode != 401 {
		t.Errorf("registrants asked by nobody signed in = %d, want 401", resp.StatusCode)
	}
	_, stranger := e.user("stranger@example.org", false)
	resp, body := e.api("GET", "/api/v1/search?event=astana-2024&role=registrant", stranger, nil)
	if resp.StatusCode != 403 || !strings.Contains(toJSON(body), `"field":"role"`) {
		t.Errorf("registrants asked by a stranger = %d %v, want 403 naming role", resp.StatusCode, body)
	}
	if resp, _ := e.api("GET", "/api/v1/search?event=no-such-event", stranger, nil); resp.StatusCode != 404 {
		t.Errorf("an unknown event = %d, want 404", resp.StatusCode)
	}
}

func TestSearchFollowsWrites(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.user("admin@example.org", true)
	resp, p := e.api("POST", "/api/v1/people", token, map[string]any{"name": map[string]string{"kk": "Айгүл Серікқызы"}})
	if resp.StatusCode != 201 {
		t.Fatalf("create = %d %v", resp.StatusCode, p)
	}
	if items := searchItems(t, e, "", url.Values{"q": {"Aigul Serikkyzy"}}); len(items) == 0 || items[0]["id"] != p["id"] {
		t.Errorf("a person just created is not found: %v", items)
	}
	// Creating someone who exists already names the likely duplicate.
	resp, again := e.api("POST", "/api/v1/people", token, map[string]any{"name": map[string]string{"en": "Aigul Serikkyzy"}})
	likely, _ := again["likely_duplicates"].([]any)
	if resp.StatusCode != 201 || len(likely) != 1 || likely[0].(map[string]any)["id"] != p["id"] {
		t.Errorf("likely duplicates = %v", again["likely_duplicates"])
	}
}

// TestSearchAcrossInstances adds a person on one PostgreSQL instance and
// finds them on another, told by a notification.
func TestSearchAcrossInstances(t *testing.T) {
	a, b := twoInstances(t)
	_, token := a.user("admin@example.org", true)
	resp, p := a.api("POST", "/api/v1/people", token, map[string]any{"name": map[string]string{"kk": "Гүлнар Шаймергенова"}})
	if resp.StatusCode != 201 {
		t.Fatalf("create = %d %v", resp.StatusCode, p)
	}
	created := time.Now()
	for {
		items := searchItems(t, b, "", url.Values{"q": {"Shaimergnova"}})
		if len(items) > 0 && items[0]["id"] == p["id"] {
			t.Logf("found on the other instance after %v", time.Since(created).Round(time.Millisecond))
			return
		}
		if time.Since(created) > time.Second {
			t.Fatal("the other instance did not find the person within a second")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func contextWithCancel() (context.Context, context.CancelFunc) { return context.WithCancel(ctx) }

func discardLog() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// twoInstances starts two servers on one PostgreSQL database, the second
// listening for the first one's changes.
func twoInstances(t *testing.T) (*env, *env) {
	t.Helper()
	dsn := storetest.PostgresURL(t)
	stores := make([]*store.Store, 2)
	for i := range stores {
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	a, b := start(t, stores[0], false), start(t, stores[1], false)
	lctx, cancel := contextWithCancel()
	t.Cleanup(cancel)
	go stores[1].Listen(lctx, discardLog())
	time.Sleep(200 * time.Millisecond) // let the listener connect
	return a, b
}
