package server_test

import (
	"net/url"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestAssignmentRespectsReviewerLanguages has a reviewer who reads only
// Russian (said on the reviewing page) and one who reads only English
// (said through the API); the automatic assignment gives each only
// abstracts in their language, and leaves short the one in Chinese that
// neither reads. A language Symposium does not know is refused.
func TestAssignmentRespectsReviewerLanguages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		futureEvent(t, e, admin, "langs", 40)
		track := openCall(t, e, admin, "langs")
		_, olga := e.user("olga@example.org", false)
		_, john := e.user("john@example.org", false)
		_, author := e.user("author@example.org", false)
		for _, email := range []string{"olga@example.org", "john@example.org"} {
			mustAPI(t, e, admin, "PUT", "/api/v1/events/langs/reviewers", map[string]any{"email": email, "track_ids": []string{track}}, 200)
		}
		person := newPerson(t, e, admin, map[string]any{"name": map[string]string{"en": "Author"}, "email": "author@example.org"})
		ids := map[string]string{}
		for lang, title := range map[string]string{"en": "Catalysis", "ru": "Катализ", "zh": "催化"} {
			out := mustAPI(t, e, author, "POST", "/api/v1/events/langs/abstracts", map[string]any{
				"title": map[string]string{lang: title}, "content": map[string]string{lang: title + " " + title},
				"language": lang, "track_id": track, "author_ids": []string{person}, "presenter_id": person}, 201)
			ids[lang] = out["id"].(string)
		}
		page := e.browserAs(t, "olga@example.org")
		if resp, _ := page.form("/events/langs/reviews/languages", url.Values{"languages": {"ru"}}, nil); resp.StatusCode != 303 {
			t.Fatalf("saving Olga's languages on the page = %d", resp.StatusCode)
		}
		if _, html := page.do("GET", "/events/langs/reviews?lang=en", nil, nil); !strings.Contains(html, `value="ru" checked`) || strings.Contains(html, `value="en" checked`) {
			t.Errorf("the reviewing page does not show Olga's language ticked")
		}
		if resp, body := e.api("PUT", "/api/v1/events/langs/reviewers/languages", john, map[string]any{"languages": []string{"en", "xx"}}); resp.StatusCode != 422 ||
			!strings.Contains(jsonOf(body["errors"]), "languages") {
			t.Errorf("an unknown language = %d %v", resp.StatusCode, body)
		}
		mustAPI(t, e, john, "PUT", "/api/v1/events/langs/reviewers/languages", map[string]any{"languages": []string{"en"}}, 200)
		if resp, body := e.api("PUT", "/api/v1/events/langs/reviewers/languages", olga, map[string]any{"languages": []string{}}); resp.StatusCode != 200 {
			t.Errorf("no language for any = %d %v", resp.StatusCode, body)
		}
		mustAPI(t, e, olga, "PUT", "/api/v1/events/langs/reviewers/languages", map[string]any{"languages": []string{"ru"}}, 200)
		out := mustAPI(t, e, admin, "POST", "/api/v1/events/langs/assignments", map[string]any{"per_abstract": 1}, 200)
		got := map[string]string{}
		for _, a := range asSlice(out["assignments"]) {
			as := a.(map[string]any)
			got[as["abstract_id"].(string)] = as["reviewer_id"].(string)
		}
		olgaID, _, _ := s.UserByEmail(ctx, "olga@example.org")
		johnID, _, _ := s.UserByEmail(ctx, "john@example.org")
		if got[ids["ru"]] != olgaID.ID || got[ids["en"]] != johnID.ID || got[ids["zh"]] != "" {
			t.Errorf("assignments %v; want Russian to Olga, English to John, Chinese to nobody", out)
		}
		if short := jsonOf(out["short"]); !strings.Contains(short, ids["zh"]) {
			t.Errorf("the Chinese abstract is not reported short: %s", short)
		}
	})
}
