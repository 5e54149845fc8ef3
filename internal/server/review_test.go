package server_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// reviewFixture is an event with a call for abstracts, three abstracts in
// three languages, and reviewers of whom three have a conflict.
type reviewFixture struct {
	t         *testing.T
	e         *env
	manager   string // token
	slug      string
	tracks    []string
	questions []string
	abstracts []string          // kk, zh, ru
	tokens    map[string]string // by email
	secrets   []string          // author names and organizations a blind reviewer must not see
}

// account creates an account with a name and returns its API token.
func (f *reviewFixture) account(email, name string) string {
	f.t.Helper()
	u := &symposium.User{Email: email, Name: name, Verified: true, Language: "en"}
	if err := f.e.accounts.AddUser(ctx, u, "correct horse battery"); err != nil {
		f.t.Fatal(err)
	}
	token, err := f.e.accounts.CreateToken(ctx, email, "test")
	if err != nil {
		f.t.Fatal(err)
	}
	f.tokens[email] = token
	return token
}

// post sends a JSON POST (or PUT) and insists on the status.
func (f *reviewFixture) send(method, path, token string, body any, status int) map[string]any {
	f.t.Helper()
	resp, out := f.e.api(method, path, token, body)
	if resp.StatusCode != status {
		f.t.Fatalf("%s %s = %d %v, want %d", method, path, resp.StatusCode, out, status)
	}
	return out
}

func newReviewFixture(t *testing.T, s *store.Store) *reviewFixture {
	t.Helper()
	f := &reviewFixture{t: t, e: start(t, s, false), slug: "astana-2026", tokens: map[string]string{}}
	_, f.manager = f.e.user("chair@example.org", true)
	earlier := createSeedEvent(t, f.e, f.manager, "astana-2024", "public")
	createSeedEvent(t, f.e, f.manager, f.slug, "public")
	_, org := f.e.api("GET", "/api/v1/people/"+earlier["gulnar"], f.manager, nil)
	center := org["organization_id"].(string)
	other := f.send("POST", "/api/v1/organizations", f.manager, map[string]any{"name": map[string]string{"zh": "清华大学", "en": "Tsinghua University"}, "country": "CN"}, 201)["id"].(string)
	person := func(name map[string]string, email, orgID string, langs ...string) string {
		body := map[string]any{"name": name, "email": email, "languages": langs}
		if orgID != "" {
			body["organization_id"] = orgID
		}
		return f.send("POST", "/api/v1/people", f.manager, body, 201)["id"].(string)
	}
	// The authors, each with an account.
	a1 := person(map[string]string{"kk": "Әйгерім Нұрланова"}, "aigerim@center.example", center, "kk")
	a2 := person(map[string]string{"zh": "李娜"}, "lina@tsinghua.example", other, "zh")
	a3 := person(map[string]string{"ru": "Иван Петров"}, "petrov@mail.example", "", "ru")
	f.secrets = []string{"Нұрланова", "李娜", "Петров", "Kazakhstan–China Research Center", "清华大学", "Tsinghua", "aigerim@", "lina@", "petrov@"}
	f.account("aigerim@center.example", "Aigerim Nurlanova")
	f.account("lina@tsinghua.example", "Li Na")
	f.account("petrov@mail.example", "Ivan Petrov")
	// Reviewers: a colleague of the first author, a co-speaker of the
	// second at the earlier event, the third author's own second account
	// under a Latin spelling, and three without a conflict.
	person(map[string]string{"en": "Dana Seitova"}, "dana@center.example", center)
	f.account("dana@center.example", "Dana Seitova")
	wang := person(map[string]string{"zh": "王强"}, "wang@example.cn", "")
	f.account("wang@example.cn", "Wang Qiang")
	f.send("POST", "/api/v1/events/astana-2024/contributions", f.manager, map[string]any{"title": map[string]string{"en": "Joint talk"},
		"kind": "talk", "duration_minutes": 20, "speaker_ids": []string{wang, a2}}, 201)
	f.account("ivan.petrov@gmail.example", "Ivan Petrov")
	for _, email := range []string{"r4@example.org", "r5@example.org", "r6@example.org"} {
		f.account(email, "Reviewer "+email[:2])
	}

	now := time.Now().UTC()
	call := f.send("PUT", "/api/v1/events/"+f.slug+"/cfp", f.manager, map[string]any{
		"opens_at": now.Add(-time.Hour), "closes_at": now.Add(time.Hour), "blind": true, "word_limit": 50,
		"tracks": []map[string]any{{"name": map[string]string{"en": "Economy", "ru": "Экономика"}}, {"name": map[string]string{"en": "Technology"}}},
		"questions": []map[string]any{
			{"text": map[string]string{"en": "Originality"}, "kind": "rating", "min": 1, "max": 5, "weight": 2},
			{"text": map[string]string{"en": "Clarity"}, "kind": "rating", "min": 1, "max": 5},
			{"text": map[string]string{"en": "Fits the symposium"}, "kind": "yesno"},
		},
		"submission_questions": []map[string]any{{"key": "funding", "label": map[string]string{"en": "Funding"}, "kind": "text", "required": true}},
	}, 200)
	for _, tr := range call["tracks"].([]any) {
		f.tracks = append(f.tracks, tr.(map[string]any)["id"].(string))
	}
	for _, q := range call["questions"].([]any) {
		f.questions = append(f.questions, q.(map[string]any)["id"].(string))
	}
	for _, s := range []struct {
		lang, title, content, author, coauthor, email string
	}{
		{"kk", "Қазақстан мен Қытай арасындағы цифрлық экономика", "Цифрлық сауда мен логистиканың дамуы.", a1, earlier["zhangwei"], "aigerim@center.example"},
		{"zh", "中哈科技合作的新阶段", "本文讨论中哈两国在科技领域的合作。", a2, "", "lina@tsinghua.example"},
		{"ru", "Водные ресурсы Центральной Азии", "Доклад о совместном управлении водными ресурсами.", a3, "", "petrov@mail.example"},
	} {
		authors := []string{s.author}
		if s.coauthor != "" {
			authors = append(authors, s.coauthor)
		}
		out := f.send("POST", "/api/v1/events/"+f.slug+"/abstracts", f.tokens[s.email], map[string]any{
			"title": map[string]string{s.lang: s.title}, "content": map[string]string{s.lang: s.content}, "language": s.lang,
			"track_id": f.tracks[0], "author_ids": authors, "presenter_id": s.author,
			"answers": map[string]string{"funding": "Grant of " + s.email}}, 201)
		if out["status"] != "submitted" {
			t.Fatalf("submitted abstract = %v", out)
		}
		f.abstracts = append(f.abstracts, out["id"].(string))
	}
	return f
}

func TestReviewCycleThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newReviewFixture(t, s)
		f.checkConflicts()
		f.assignAutomatically()
		f.checkBlind()
		f.review()
		f.decideAndRelease()
		f.checkExportsLocalized()
		f.checkClosedCall()
	})
}

// checkConflicts refuses the three conflicted reviewers with their reason,
// and records an override.
func (f *reviewFixture) checkConflicts() {
	t := f.t
	for i, c := range []struct{ email, reason string }{
		{"dana@center.example", "same_organization"},
		{"wang@example.cn", "coauthor"},
		{"ivan.petrov@gmail.example", "same_person"},
	} {
		resp, body := f.e.api("POST", "/api/v1/abstracts/"+f.abstracts[i]+"/reviewers", f.manager, map[string]any{"email": c.email})
		conflicts, _ := body["conflicts"].([]any)
		if resp.StatusCode != 409 || body["reason"] == nil || len(conflicts) == 0 || conflicts[0].(map[string]any)["reason"] != c.reason {
			t.Errorf("assigning %s to abstract %d = %d %v, want 409 for %s", c.email, i, resp.StatusCode, body, c.reason)
		}
	}
	f.send("POST", "/api/v1/abstracts/"+f.abstracts[0]+"/reviewers", f.manager,
		map[string]any{"email": "dana@center.example", "override": "The only expert in the field; approved by the chair"}, 201)
	list, err := f.e.store.EventAssignments(ctx, eventID(t, f.e.store, f.slug))
	if err != nil || len(list) != 1 || !strings.Contains(list[0].Override, "only expert") {
		t.Errorf("the override is not recorded: %v %v", list, err)
	}
}

// assignAutomatically gives each abstract two reviewers without conflicts.
func (f *reviewFixture) assignAutomatically() {
	t := f.t
	for _, email := range []string{"wang@example.cn", "ivan.petrov@gmail.example", "r4@example.org", "r5@example.org", "r6@example.org"} {
		f.send("PUT", "/api/v1/events/"+f.slug+"/reviewers", f.manager, map[string]any{"email": email, "track_ids": []string{}}, 200)
	}
	preview := f.send("POST", "/api/v1/events/"+f.slug+"/assignments", f.manager, map[string]any{"per_abstract": 2, "preview": true}, 200)
	if got := len(preview["assignments"].([]any)); got != 5 {
		t.Errorf("preview proposes %d assignments, want 5 (one abstract has one already)", got)
	}
	if n, _ := f.e.store.EventAssignments(ctx, eventID(t, f.e.store, f.slug)); len(n) != 1 {
		t.Errorf("the preview applied something: %d assignments", len(n))
	}
	applied := f.send("POST", "/api/v1/events/"+f.slug+"/assignments", f.manager, map[string]any{"per_abstract": 2}, 200)
	users := map[string]string{}
	for email := range f.tokens {
		u, _, _ := f.e.store.UserByEmail(ctx, email)
		users[u.ID] = email
	}
	for _, a := range applied["assignments"].([]any) {
		as := a.(map[string]any)
		reviewer := users[as["reviewer_id"].(string)]
		if (as["abstract_id"] == f.abstracts[1] && reviewer == "wang@example.cn") ||
			(as["abstract_id"] == f.abstracts[2] && reviewer == "ivan.petrov@gmail.example") {
			t.Errorf("a conflicted reviewer was assigned: %v", as)
		}
	}
	if short := applied["short"].([]any); len(short) != 0 {
		t.Errorf("abstracts left short: %v", short)
	}
}

// reviewerTokens returns the tokens of the reviewers assigned to an
// abstract.
func (f *reviewFixture) reviewerTokens(abstract string) []string {
	list, _ := f.e.store.EventAssignments(ctx, eventID(f.t, f.e.store, f.slug))
	var out []string
	for _, a := range list {
		if a.AbstractID != abstract {
			continue
		}
		for email, token := range f.tokens {
			if u, _, _ := f.e.store.UserByEmail(ctx, email); u.ID == a.ReviewerID {
				out = append(out, token)
			}
		}
	}
	return out
}

// checkBlind searches everything a reviewer is shown for the authors.
func (f *reviewFixture) checkBlind() {
	t := f.t
	for _, token := range f.reviewerTokens(f.abstracts[1]) {
		var shown strings.Builder
		_, mine := f.e.api("GET", "/api/v1/events/"+f.slug+"/assignments/mine", token, nil)
		shown.WriteString(toJSON(mine))
		for _, id := range f.abstracts {
			_, body := f.e.api("GET", "/api/v1/abstracts/"+id, token, nil)
			shown.WriteString(toJSON(body))
		}
		if !strings.Contains(shown.String(), "中哈科技合作") {
			t.Fatalf("the reviewer does not see the abstract: %s", shown.String())
		}
		for _, secret := range f.secrets {
			if strings.Contains(shown.String(), secret) {
				t.Errorf("a blind reviewer is shown %q", secret)
			}
		}
	}
	mails, _ := f.e.store.ListMail(ctx, "", 1000)
	for _, m := range mails {
		if strings.Contains(m.Mail.Subject, "review") || strings.Contains(m.Mail.Text, "/reviews") {
			for _, secret := range f.secrets[:6] {
				if strings.Contains(m.Mail.Text, secret) {
					t.Errorf("a mail to a reviewer names %q", secret)
				}
			}
		}
	}
}

// review has every assigned reviewer review, after the refusals.
func (f *reviewFixture) review() {
	t := f.t
	q := f.questions
	good := map[string]any{"ratings": map[string]int{q[0]: 5, q[1]: 4, q[2]: 1}, "comment_to_authors": "Clear and timely.",
		"comment_to_committee": "Strong; accept."}
	for i, c := range []struct {
		token  string
		body   map[string]any
		status int
		field  string
	}{
		{f.tokens["r4@example.org"], map[string]any{"ratings": map[string]int{q[0]: 9}}, 0, "ratings." + q[0]},
		{f.tokens["wang@example.cn"], good, 404, ""}, // conflicted: may not see it
		{f.tokens["lina@tsinghua.example"], good, 403, ""},
	} {
		path := "/api/v1/abstracts/" + f.abstracts[1] + "/reviews"
		if c.status == 0 {
			tokens := f.reviewerTokens(f.abstracts[1])
			c.token, c.status = tokens[0], 422
		}
		resp, body := f.e.api("POST", path, c.token, c.body)
		if resp.StatusCode != c.status || (c.field != "" && !strings.Contains(toJSON(body), c.field)) {
			t.Errorf("refusal %d = %d %v, want %d naming %q", i, resp.StatusCode, body, c.status, c.field)
		}
	}
	for n, id := range f.abstracts {
		for j, token := range f.reviewerTokens(id) {
			body := map[string]any{"ratings": map[string]int{q[0]: 5 - n - j, q[1]: 4, q[2]: 1},
				"comment_to_authors": "Comment for the authors.", "comment_to_committee": "Confidential remark."}
			draft := map[string]any{"ratings": map[string]int{q[0]: 3}, "draft": true}
			if r := f.send("POST", "/api/v1/abstracts/"+id+"/reviews", token, draft, 201); r["submitted"] != false {
				t.Errorf("a draft is submitted: %v", r)
			}
			if j == 0 {
				_, others := f.e.api("GET", "/api/v1/abstracts/"+id+"/reviews", token, nil)
				if items := others["items"].([]any); len(items) != 1 {
					t.Errorf("before submitting, a reviewer sees %d reviews, want their own", len(items))
				}
			}
			f.send("POST", "/api/v1/abstracts/"+id+"/reviews", token, body, 201)
		}
		tokens := f.reviewerTokens(id)
		_, seen := f.e.api("GET", "/api/v1/abstracts/"+id+"/reviews", tokens[len(tokens)-1], nil)
		if items := seen["items"].([]any); len(items) != len(tokens) {
			t.Errorf("after submitting, a reviewer sees %d reviews, want %d", len(items), len(tokens))
		}
	}
}

// decideAndRelease decides from the list, releases, and finds the
// accepted abstracts in the programme.
func (f *reviewFixture) decideAndRelease() {
	t := f.t
	list := f.send("GET", "/api/v1/events/"+f.slug+"/abstracts?sort=mean", f.manager, nil, 200)["items"].([]any)
	if len(list) != 3 || list[0].(map[string]any)["reviews"].(float64) < 2 || list[0].(map[string]any)["mean"] == nil {
		t.Fatalf("decision list = %v", list)
	}
	f.send("POST", "/api/v1/abstracts/"+f.abstracts[0]+"/decision", f.manager, map[string]any{"decision": "accept", "as": "talk"}, 200)
	f.send("POST", "/api/v1/abstracts/"+f.abstracts[1]+"/decision", f.manager, map[string]any{"decision": "accept", "as": "poster"}, 200)
	f.send("POST", "/api/v1/abstracts/"+f.abstracts[2]+"/decision", f.manager, map[string]any{"decision": "reject"}, 200)
	_, mine := f.e.api("GET", "/api/v1/abstracts/"+f.abstracts[1], f.tokens["lina@tsinghua.example"], nil)
	if mine["decision"] != nil {
		t.Errorf("the author sees a pending decision: %v", mine)
	}
	released := f.send("POST", "/api/v1/events/"+f.slug+"/decisions/release", f.manager, nil, 200)
	if len(released["released"].([]any)) != 3 {
		t.Errorf("released = %v", released)
	}
	_, contributions := f.e.api("GET", "/api/v1/events/"+f.slug+"/contributions", f.manager, nil)
	text := toJSON(contributions)
	if !strings.Contains(text, "цифрлық экономика") || !strings.Contains(text, "中哈科技合作") || strings.Contains(text, "Водные ресурсы") {
		t.Errorf("the programme lacks the accepted abstracts or holds the rejected one: %s", text)
	}
	_, mine = f.e.api("GET", "/api/v1/abstracts/"+f.abstracts[1], f.tokens["lina@tsinghua.example"], nil)
	if mine["status"] != "accepted" || mine["contribution_id"] == nil {
		t.Errorf("the accepted abstract = %v", mine)
	}
	_, reviews := f.e.api("GET", "/api/v1/abstracts/"+f.abstracts[1]+"/reviews", f.tokens["lina@tsinghua.example"], nil)
	if rs := toJSON(reviews); !strings.Contains(rs, "Comment for the authors.") || strings.Contains(rs, "Confidential") || strings.Contains(rs, "reviewer_id") {
		t.Errorf("the author sees %s", rs)
	}
	mails, _ := f.e.store.ListMail(ctx, "", 1000)
	var toLina string
	for _, m := range mails {
		if m.Mail.To == "lina@tsinghua.example" {
			toLina += m.Mail.Subject + m.Mail.Text
		}
	}
	if !strings.Contains(toLina, "已录用") || !strings.Contains(toLina, "Comment for the authors.") || strings.Contains(toLina, "Confidential") {
		t.Errorf("the decision mail to the Chinese author = %q", toLina)
	}
}

// checkClosedCall refuses submissions and edits once the call has closed.
func (f *reviewFixture) checkClosedCall() {
	t := f.t
	token := f.tokens["petrov@mail.example"]
	_, me := f.e.api("GET", "/api/v1/abstracts/"+f.abstracts[2], token, nil)
	body := map[string]any{"title": map[string]string{"ru": "Ещё один"}, "content": map[string]string{"ru": strings.Repeat("слово ", 60)},
		"language": "ru", "track_id": f.tracks[1], "author_ids": me["author_ids"]}
	resp, out := f.e.api("POST", "/api/v1/events/"+f.slug+"/abstracts", token, body)
	if resp.StatusCode != 422 || !strings.Contains(toJSON(out), "content.ru") || !strings.Contains(toJSON(out), "answers.funding") {
		t.Errorf("an abstract over the word limit and without its answer = %d %v", resp.StatusCode, out)
	}
	now := time.Now().UTC()
	f.send("PUT", "/api/v1/events/"+f.slug+"/cfp", f.manager, map[string]any{"opens_at": now.Add(-2 * time.Hour), "closes_at": now.Add(-time.Hour),
		"blind": true, "tracks": []map[string]any{{"id": f.tracks[0], "name": map[string]string{"en": "Economy"}}, {"id": f.tracks[1], "name": map[string]string{"en": "Technology"}}}}, 200)
	body["content"] = map[string]string{"ru": "Коротко."}
	if resp, out := f.e.api("POST", "/api/v1/events/"+f.slug+"/abstracts", token, body); resp.StatusCode != 409 {
		t.Errorf("a submission after the deadline = %d %v, want 409", resp.StatusCode, out)
	}
}

// checkExportsLocalized downloads the abstracts and the reviews in Russian
// and Kazakh and finds statuses, types, decisions and yes-or-no answers
// written in the language, never the stored values.
func (f *reviewFixture) checkExportsLocalized() {
	t := f.t
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"ru", []string{"Принять (стендовый доклад)", "Отклонить", "Принято", ",Да,"}},
		{"kk", []string{"Қабылдау (постер)", "Қабылдамау", "Қабылданды", ",Иә,"}},
	} {
		var text strings.Builder
		for _, kind := range []string{"abstracts", "reviews"} {
			resp, body := f.e.do("GET", "/events/"+f.slug+"/abstracts/export/"+kind+"/csv?lang="+c.lang, nil,
				map[string]string{"Authorization": "Bearer " + f.manager})
			if resp.StatusCode != 200 {
				t.Fatalf("%s export of %s = %d", c.lang, kind, resp.StatusCode)
			}
			text.WriteString(body)
		}
		for _, want := range c.want {
			if !strings.Contains(text.String(), want) {
				t.Errorf("the %s exports lack %q", c.lang, want)
			}
		}
		for _, raw := range []string{",true", ",false", ",accept", ",reject", ",poster", ",talk", ",accepted,", ",rejected,"} {
			if strings.Contains(text.String(), raw) {
				t.Errorf("the %s exports write the stored value %q", c.lang, raw)
			}
		}
	}
}
