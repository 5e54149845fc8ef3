package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// pagesFixture runs a call for abstracts through the pages alone: a
// manager, three authors, three reviewers and people already in the
// directory whom co-authors typed on the form must resolve to.
type pagesFixture struct {
	t         *testing.T
	e         *env
	s         *store.Store
	slug      string
	event     string
	people    map[string]string // person IDs by key
	tracks    []string
	questions []string
	abstracts []string // kk, zh, ru
	reviewers []string // emails
	// secrets are author names and organizations no page a blind
	// reviewer opens may show.
	secrets []string
}

func newPagesFixture(t *testing.T, s *store.Store) *pagesFixture {
	t.Helper()
	f := &pagesFixture{t: t, e: start(t, s, false), s: s, slug: "astana-2026", people: map[string]string{}}
	f.account("chair@example.org", "Chair Person")
	_, token := f.e.user("api@example.org", true)
	org := f.apiID(token, "/api/v1/organizations", map[string]any{"name": map[string]string{"zh": "清华大学", "en": "Tsinghua University"}, "country": "CN"})
	f.apiID(token, "/api/v1/events", map[string]any{
		"slug": f.slug, "title": map[string]string{"en": "Kazakhstan–China Symposium", "kk": "Қазақстан–Қытай симпозиумы"},
		"starts_at": "2026-06-10T10:00:00+05:00", "ends_at": "2026-06-10T18:00:00+05:00", "timezone": "Asia/Almaty",
		"visibility": "public", "status": "published", "languages": []string{"kk", "ru", "zh", "en"}})
	f.event = eventID(t, s, f.slug)
	if _, err := s.AddEventRole(ctx, f.event, "chair@example.org", symposium.RoleManager); err != nil {
		t.Fatal(err)
	}
	for key, p := range map[string]map[string]any{
		"zhang":     {"name": map[string]string{"zh": "张伟"}, "organization_id": org},
		"lina":      {"name": map[string]string{"zh": "李娜"}, "email": "lina@tsinghua.example", "organization_id": org},
		"petrov_en": {"name": map[string]string{"en": "Ivan Petrov"}, "email": "ivan@one.example"},
		"petrov_ru": {"name": map[string]string{"ru": "Иван Петров"}, "email": "petrov@two.example"},
	} {
		f.people[key] = f.apiID(token, "/api/v1/people", p)
	}
	f.account("aigerim@center.example", "Әйгерім Нұрланова")
	f.account("lina@tsinghua.example", "Li Na")
	f.account("marat@mail.example", "Марат Оспанов")
	for _, r := range []string{"r1@example.org", "r2@example.org", "r3@example.org"} {
		f.account(r, "Reviewer "+r[:2])
		f.reviewers = append(f.reviewers, r)
	}
	f.secrets = []string{"Нұрланова", "Әйгерім", "张伟", "Zhang Wei", "李娜", "Li Na", "清华", "Tsinghua", "Иван Петров", "Ivan Petrov",
		"Оспанов", "Марат", "Dana Smith", "aigerim@", "lina@", "marat@"}
	return f
}

// account creates an account with a name.
func (f *pagesFixture) account(email, name string) {
	f.t.Helper()
	if err := f.e.accounts.AddUser(ctx, &symposium.User{Email: email, Name: name, Verified: true, Language: "en"}, "correct horse battery"); err != nil {
		f.t.Fatal(err)
	}
}

// apiID posts JSON and returns the ID of what was created.
func (f *pagesFixture) apiID(token, path string, body any) string {
	f.t.Helper()
	resp, out := f.e.api("POST", path, token, body)
	if resp.StatusCode != 201 {
		f.t.Fatalf("POST %s = %d %v", path, resp.StatusCode, out)
	}
	return out["id"].(string)
}

// english asks for a page in English unless the path names a language:
// a language chosen once is remembered.
func english(path string) string {
	switch {
	case strings.Contains(path, "lang="):
		return path
	case strings.Contains(path, "?"):
		return path + "&lang=en"
	}
	return path + "?lang=en"
}

// page gets a page as the signed-in account and insists on the status.
func (f *pagesFixture) page(path string, status int) string {
	f.t.Helper()
	resp, body := f.e.do("GET", english(path), nil, nil)
	if resp.StatusCode != status {
		f.t.Fatalf("GET %s = %d, want %d", path, resp.StatusCode, status)
	}
	return html.UnescapeString(body)
}

// post sends a form and insists on the status; it returns the body, or
// the place a redirect leads to.
func (f *pagesFixture) post(path string, values url.Values, status int) string {
	f.t.Helper()
	resp, body := f.e.form(english(path), values, nil)
	if resp.StatusCode != status {
		f.t.Fatalf("POST %s = %d, want %d: %s", path, resp.StatusCode, status, pageError(body))
	}
	if status == http.StatusSeeOther {
		return resp.Header.Get("Location")
	}
	return html.UnescapeString(body)
}

// pageError picks the messages out of a page, for failures.
func pageError(body string) string {
	var out []string
	for _, part := range strings.Split(body, `class="`)[1:] {
		if strings.HasPrefix(part, "field-error") || strings.HasPrefix(part, "alert") || strings.HasPrefix(part, "lead") {
			text := part[strings.Index(part, ">")+1:]
			out = append(out, strings.TrimSpace(text[:min(len(text), 160)]))
		}
	}
	return strings.Join(out, " | ")
}

// local writes a time for a datetime-local input in the event's zone.
func local(t time.Time) string {
	loc, _ := time.LoadLocation("Asia/Almaty")
	return t.In(loc).Format("2006-01-02T15:04")
}

// callForm is the call's form: open for an hour more, blind, 50 words,
// two tracks and four questions; ids keeps the tracks and questions.
func (f *pagesFixture) callForm(closes time.Time) url.Values {
	v := url.Values{"opens_at": {local(time.Now().Add(-2 * time.Hour))}, "closes_at": {local(closes)}, "blind": {"on"},
		"word_limit": {"50"}, "type.talk": {"on"}, "type.poster": {"on"}, "type.panel": {"on"},
		"text.en": {"Send us your work on cooperation."}, "text.ru": {"Присылайте работы о сотрудничестве."},
		"tracks.0.name.en": {"Economy"}, "tracks.0.name.ru": {"Экономика"}, "tracks.1.name.en": {"Technology"},
		"questions.0.text.en": {"Originality"}, "questions.0.kind": {"rating"}, "questions.0.min": {"1"}, "questions.0.max": {"5"}, "questions.0.weight": {"2"},
		"questions.1.text.en": {"Clarity"}, "questions.1.kind": {"rating"}, "questions.1.min": {"1"}, "questions.1.max": {"5"},
		"questions.2.text.en": {"Fits the symposium"}, "questions.2.kind": {"yesno"},
		"questions.3.text.en": {"What would you ask the authors?"}, "questions.3.kind": {"text"}}
	for i, id := range f.tracks {
		v.Set(fmt.Sprintf("tracks.%d.id", i), id)
	}
	for i, id := range f.questions {
		v.Set(fmt.Sprintf("questions.%d.id", i), id)
	}
	return v
}

// openCall sets the call up through its form, after a refused attempt.
func (f *pagesFixture) openCall() {
	t := f.t
	f.e.signIn("chair@example.org")
	f.page("/events/"+f.slug+"/cfp", 200)
	bad := f.callForm(time.Now().Add(time.Hour))
	bad.Set("closes_at", local(time.Now().Add(-3*time.Hour)))
	bad.Set("questions.0.max", "500")
	body := f.post("/events/"+f.slug+"/cfp/edit", bad, 422)
	if !strings.Contains(body, "The end must come after the start.") || !strings.Contains(body, "The scale must go up") {
		t.Errorf("a bad call form does not name its problems: %s", pageError(body))
	}
	if _, err := f.s.Call(ctx, f.event); symposium.ErrorCode(err) != symposium.ENOTFOUND {
		t.Fatalf("a refused call form stored a call: %v", err)
	}
	f.post("/events/"+f.slug+"/cfp/edit", f.callForm(time.Now().Add(time.Hour)), http.StatusSeeOther)
	c, err := f.s.Call(ctx, f.event)
	if err != nil || len(c.Tracks) != 2 || len(c.Questions) != 4 || !c.Blind || c.WordLimit != 50 || c.Questions[0].Weight != 2 {
		t.Fatalf("stored call = %+v, %v", c, err)
	}
	for _, tr := range c.Tracks {
		f.tracks = append(f.tracks, tr.ID)
	}
	for _, q := range c.Questions {
		f.questions = append(f.questions, q.ID)
	}
	if body := f.page("/events/"+f.slug+"/cfp?lang=ru", 200); !strings.Contains(body, "Присылайте работы") || !strings.Contains(body, "Экономика") {
		t.Errorf("the call's page lacks its text or tracks")
	}
}

func TestReviewCycleThroughThePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPagesFixture(t, s)
		f.openCall()
		f.submitAbstracts()
		f.refuseOversized()
		f.assignThroughThePage()
		f.checkBlindPages()
		f.reviewThroughTheForms()
		f.refuseBadReviews()
		f.assignDespiteConflict()
		f.decideAndRelease()
		f.refuseLateSubmission()
		f.declareConflict()
	})
}

// abstractForm is a submission with one co-author row.
func (f *pagesFixture) abstractForm(lang, title, content, track, typ string, coauthor ...string) url.Values {
	v := url.Values{"language": {lang}, "title": {title}, "content": {content}, "track": {track}, "type": {typ}, "presenter": {"self"}}
	for i, k := range []string{"name", "email", "pick"} {
		if i < len(coauthor) {
			v.Set("coauthor.0."+k, coauthor[i])
		}
	}
	return v
}

// counts returns how many abstracts the event has and people there are.
func (f *pagesFixture) counts() (int, int) {
	f.t.Helper()
	list, err := f.s.EventAbstracts(ctx, f.event)
	if err != nil {
		f.t.Fatal(err)
	}
	people, err := f.s.AllPeople(ctx, 10000)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(list), len(people)
}

// submitted follows a submission's redirect to the abstract it stored.
func (f *pagesFixture) submitted(location string) *symposium.Abstract {
	f.t.Helper()
	id := strings.TrimPrefix(strings.Split(location, "?")[0], "/abstracts/")
	a, err := f.s.Abstract(ctx, id)
	if err != nil {
		f.t.Fatalf("after submitting, %s: %v", location, err)
	}
	f.abstracts = append(f.abstracts, id)
	return a
}

// submitAbstracts submits three abstracts in three languages: a co-author
// typed in Latin letters resolves to 张伟, an ambiguous one is asked
// about, and a new one is created.
func (f *pagesFixture) submitAbstracts() {
	t := f.t
	abstracts, people := f.counts()
	f.e.signIn("aigerim@center.example")
	if body := f.page("/events/"+f.slug+"/abstracts/new", 200); !strings.Contains(body, "aigerim@center.example") {
		t.Errorf("the form does not say the submitter's person will be made from the account")
	}
	a := f.submitted(f.post("/events/"+f.slug+"/abstracts/new", f.abstractForm("kk", "Қазақстан мен Қытай арасындағы цифрлық экономика",
		"Цифрлық сауда мен логистиканың дамуы.", f.tracks[0], "talk", "Zhang Wei"), http.StatusSeeOther))
	if len(a.Authors) != 2 || a.Authors[1].PersonID != f.people["zhang"] || a.Authors[0].Name["kk"] != "Әйгерім Нұрланова" || a.PresenterID != a.AuthorIDs[0] {
		t.Errorf("the Kazakh abstract's authors = %+v", a.Authors)
	}
	f.e.signIn("lina@tsinghua.example")
	zh := f.abstractForm("zh", "中哈科技合作的新阶段", "本文讨论中哈两国在科技领域的合作。", f.tracks[0], "talk", "Ivan Petrov")
	body := f.post("/events/"+f.slug+"/abstracts/new?lang=zh", zh, http.StatusConflict)
	if !strings.Contains(body, "Иван Петров") || !strings.Contains(body, f.people["petrov_en"]) || !strings.Contains(body, "都不是") {
		t.Errorf("an ambiguous co-author is not asked about, in Chinese: %s", pageError(body))
	}
	if n, p := f.counts(); n != abstracts+1 || p != people+1 {
		t.Errorf("asking about a co-author stored something: %d abstracts, %d people", n, p)
	}
	zh.Set("coauthor.0.pick", f.people["petrov_ru"])
	zh.Set("presenter", "0")
	a = f.submitted(f.post("/events/"+f.slug+"/abstracts/new", zh, http.StatusSeeOther))
	if len(a.AuthorIDs) != 2 || a.AuthorIDs[0] != f.people["lina"] || a.AuthorIDs[1] != f.people["petrov_ru"] || a.PresenterID != f.people["petrov_ru"] {
		t.Errorf("the Chinese abstract's authors = %v, presenter %s", a.AuthorIDs, a.PresenterID)
	}
	f.e.signIn("marat@mail.example")
	a = f.submitted(f.post("/events/"+f.slug+"/abstracts/new", f.abstractForm("ru", "Водные ресурсы Центральной Азии",
		"Доклад о совместном управлении водными ресурсами.", f.tracks[1], "poster", "Dana Smith", "dana.smith@new.example"), http.StatusSeeOther))
	if len(a.Authors) != 2 || a.Authors[1].Name["en"] != "Dana Smith" || a.Type != "poster" {
		t.Errorf("the Russian abstract = %+v", a)
	}
	if _, p := f.counts(); p != people+3 {
		t.Errorf("people made: %d, want 3 (two submitters, one new co-author)", p-people)
	}
	if body := f.page("/abstracts/"+a.ID+"?notice=submitted", 200); !strings.Contains(body, "Your abstract was submitted") ||
		!strings.Contains(body, "/abstracts/"+a.ID+"/edit") || !strings.Contains(body, "Dana Smith") {
		t.Errorf("the author's page of the abstract lacks the notice, the edit link or the co-author")
	}
	f.withdrawOne()
	f.editAndConfirm(a)
}

// withdrawOne submits an abstract and withdraws it through its page.
func (f *pagesFixture) withdrawOne() {
	loc := f.post("/events/"+f.slug+"/abstracts/new", f.abstractForm("en", "A draft sent too early", "Nothing here yet.", f.tracks[1], "talk"), http.StatusSeeOther)
	id := strings.TrimPrefix(strings.Split(loc, "?")[0], "/abstracts/")
	if body := f.page("/abstracts/"+id, 200); !strings.Contains(body, "A withdrawn abstract is no longer reviewed") {
		f.t.Errorf("withdrawing is not explained before it is done")
	}
	f.post("/abstracts/"+id+"/withdraw", nil, http.StatusSeeOther)
	if a, _ := f.s.Abstract(ctx, id); a.Status != symposium.AbstractWithdrawn || !a.Authors[0].Confirmed {
		f.t.Errorf("the withdrawn abstract = %s, submitter confirmed %v", a.Status, a.Authors[0].Confirmed)
	}
}

// editAndConfirm changes an abstract's title through its form, keeping the
// co-author, who then confirms being one.
func (f *pagesFixture) editAndConfirm(a *symposium.Abstract) {
	t := f.t
	form := f.page("/abstracts/"+a.ID+"/edit", 200)
	if !strings.Contains(form, `name="coauthor.0.id" value="`+a.AuthorIDs[1]+`"`) || !strings.Contains(form, "Водные ресурсы") {
		t.Errorf("the edit form lacks the abstract or its co-author")
	}
	v := f.abstractForm("ru", "Водные ресурсы Центральной Азии и климат", a.Content["ru"], a.TrackID, "poster")
	v.Set("coauthor.0.id", a.AuthorIDs[1])
	f.post("/abstracts/"+a.ID+"/edit", v, http.StatusSeeOther)
	if got, _ := f.s.Abstract(ctx, a.ID); got.Title["ru"] != "Водные ресурсы Центральной Азии и климат" || len(got.AuthorIDs) != 2 {
		t.Errorf("the edited abstract = %v %v", got.Title, got.AuthorIDs)
	}
	f.account("dana.smith@new.example", "Dana Smith")
	f.e.signIn("dana.smith@new.example")
	if body := f.page("/abstracts/"+a.ID, 200); !strings.Contains(body, "Confirm that I am an author") {
		t.Errorf("a co-author is not asked to confirm")
	}
	f.post("/abstracts/"+a.ID+"/confirm", nil, http.StatusSeeOther)
	if got, _ := f.s.Abstract(ctx, a.ID); !got.Authors[1].Confirmed {
		t.Errorf("the co-author's confirmation was not recorded")
	}
}

// refuseOversized refuses an abstract over the word limit, naming the
// field, and stores nothing, not even the new co-author.
func (f *pagesFixture) refuseOversized() {
	abstracts, people := f.counts()
	long := strings.Repeat("слово ", 60)
	body := f.post("/events/"+f.slug+"/abstracts/new?lang=ru", f.abstractForm("ru", "Слишком длинно", long, f.tracks[0], "talk",
		"Новый Соавтор", "new@coauthor.example"), http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Не более 50 слов; в этом тексте 60.") || !strings.Contains(body, `id="content-error"`) {
		f.t.Errorf("an oversized abstract is not refused on its text, in Russian: %s", pageError(body))
	}
	if n, p := f.counts(); n != abstracts || p != people {
		f.t.Errorf("an oversized abstract stored something: %d abstracts, %d people", n-abstracts, p-people)
	}
}

// assignThroughThePage adds the reviewers and assigns them automatically,
// previewing first.
func (f *pagesFixture) assignThroughThePage() {
	t := f.t
	f.e.signIn("chair@example.org")
	path := "/events/" + f.slug
	if body := f.post(path+"/reviewers", url.Values{"reviewer_email": {"nobody@example.org"}}, 422); !strings.Contains(body, "No account uses this email.") {
		t.Errorf("an unknown reviewer is not refused: %s", pageError(body))
	}
	for _, r := range f.reviewers {
		f.post(path+"/reviewers", url.Values{"reviewer_email": {r}}, http.StatusSeeOther)
	}
	body := f.post(path+"/assignments", url.Values{"k": {"2"}, "action": {"preview"}}, 200)
	if !strings.Contains(body, "Proposed: 6 new assignments") || !strings.Contains(body, "r1@example.org") {
		t.Errorf("the preview does not show the proposal: %s", pageError(body))
	}
	if list, _ := f.s.EventAssignments(ctx, f.event); len(list) != 0 {
		t.Errorf("the preview assigned %d reviewers", len(list))
	}
	if loc := f.post(path+"/assignments", url.Values{"k": {"2"}, "action": {"apply"}}, http.StatusSeeOther); !strings.Contains(loc, "n=6") {
		t.Errorf("applying went to %s", loc)
	}
	if list, _ := f.s.EventAssignments(ctx, f.event); len(list) != 6 {
		t.Errorf("assignments = %d, want 6", len(list))
	}
}

// assigned returns the abstracts assigned to a reviewer, in order.
func (f *pagesFixture) assigned(email string) []string {
	f.t.Helper()
	u, _, err := f.s.UserByEmail(ctx, email)
	if err != nil {
		f.t.Fatal(err)
	}
	ids, err := f.s.ReviewerAssignments(ctx, f.event, u.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return ids
}

// checkBlindPages reads every page a reviewer can open in blind review —
// their list, the abstracts, the bidding list, their export — for author
// names and organizations, and saves a bid.
func (f *pagesFixture) checkBlindPages() {
	t := f.t
	for _, r := range f.reviewers {
		f.e.signIn(r)
		var shown strings.Builder
		shown.WriteString(f.page("/events/"+f.slug+"/reviews", 200))
		for _, id := range f.assigned(r) {
			shown.WriteString(f.page("/abstracts/"+id, 200))
		}
		shown.WriteString(f.page("/events/"+f.slug+"/abstracts/export/abstracts/csv", 200))
		text := shown.String()
		if !strings.Contains(text, "Водные ресурсы") && !strings.Contains(text, "中哈科技合作") {
			t.Fatalf("%s is shown no abstract", r)
		}
		for _, secret := range f.secrets {
			if strings.Contains(text, secret) {
				t.Errorf("blind reviewer %s is shown %q", r, secret)
			}
		}
	}
	f.post("/events/"+f.slug+"/reviews/bids", url.Values{"bid." + f.abstracts[0]: {"eager"}}, http.StatusSeeOther)
	setup, _ := f.s.EventReviewSetup(ctx, f.event)
	u, _, _ := f.s.UserByEmail(ctx, f.reviewers[2])
	if setup.Bids[f.abstracts[0]][u.ID] != "eager" {
		t.Errorf("the bid was not saved: %v", setup.Bids)
	}
}

// reviewOf returns a reviewer's review of an abstract, or nil.
func (f *pagesFixture) reviewOf(abstract, email string) *symposium.Review {
	f.t.Helper()
	u, _, _ := f.s.UserByEmail(ctx, email)
	list, err := f.s.AbstractReviews(ctx, abstract)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range list {
		if r.ReviewerID == u.ID {
			return r
		}
	}
	return nil
}

// reviewThroughTheForms has every reviewer save a draft, then submit,
// following "next unreviewed" from the first abstract to the second.
func (f *pagesFixture) reviewThroughTheForms() {
	t := f.t
	q := f.questions
	for n, r := range f.reviewers {
		f.e.signIn(r)
		ids := f.assigned(r)
		if body := f.page("/abstracts/"+ids[0], 200); !strings.Contains(body, `href="/abstracts/`+ids[1]+`" rel="next"`) {
			t.Errorf("%s is not offered the next unreviewed abstract", r)
		}
		for j, id := range ids {
			f.post("/abstracts/"+id+"/review", url.Values{"ratings." + q[0]: {"3"}, "action": {"draft"}}, http.StatusSeeOther)
			if rv := f.reviewOf(id, r); rv == nil || rv.Submitted || rv.Ratings[q[0]] != 3 {
				t.Errorf("the draft of %s = %+v", r, rv)
			}
			if body := f.page("/abstracts/"+id, 200); j == len(ids)-1 && strings.Contains(body, "You have reviewed every abstract") {
				t.Errorf("%s is told all is reviewed while the last review is a draft", r)
			}
			f.post("/abstracts/"+id+"/review", url.Values{"ratings." + q[0]: {fmt.Sprint(5 - n - j)}, "ratings." + q[1]: {"4"},
				"ratings." + q[2]: {"1"}, "comment_to_authors": {"Comment for the authors."}, "comment_to_committee": {"Confidential remark."},
				"action": {"submit"}}, http.StatusSeeOther)
			if rv := f.reviewOf(id, r); rv == nil || !rv.Submitted || rv.Ratings[q[2]] != 1 {
				t.Errorf("the review of %s = %+v", r, rv)
			}
		}
		if body := f.page("/abstracts/"+ids[1], 200); !strings.Contains(body, "You have reviewed every abstract") {
			t.Errorf("%s is still offered abstracts to review", r)
		}
	}
}

// refuseBadReviews refuses a rating off the scale and a review by a
// reviewer not assigned, each with its reason, storing nothing.
func (f *pagesFixture) refuseBadReviews() {
	t := f.t
	r := f.reviewers[0]
	f.e.signIn(r)
	ids := f.assigned(r)
	before := f.reviewOf(ids[0], r)
	body := f.post("/abstracts/"+ids[0]+"/review?lang=ru", url.Values{"ratings." + f.questions[0]: {"9"}, "ratings." + f.questions[1]: {"4"},
		"ratings." + f.questions[2]: {"1"}, "action": {"submit"}}, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "От 1 до 5.") {
		t.Errorf("a rating off the scale is not refused in Russian: %s", pageError(body))
	}
	if after := f.reviewOf(ids[0], r); after.Ratings[f.questions[0]] != before.Ratings[f.questions[0]] {
		t.Errorf("a refused review changed the stored one: %v", after.Ratings)
	}
	other := ""
	for _, id := range f.abstracts {
		if id != ids[0] && id != ids[1] {
			other = id
		}
	}
	body = f.post("/abstracts/"+other+"/review", url.Values{"ratings." + f.questions[0]: {"5"}, "action": {"submit"}}, http.StatusForbidden)
	if !strings.Contains(body, "Only reviewers assigned to this abstract can review it.") {
		t.Errorf("an unassigned reviewer is not refused with the reason: %s", pageError(body))
	}
	if rv := f.reviewOf(other, r); rv != nil {
		t.Errorf("an unassigned reviewer's review was stored: %+v", rv)
	}
}

// decideAndRelease decides from the list (one row, then in bulk) and from
// an abstract's page, releases, and finds the accepted abstracts among
// the programme editor's unscheduled entries.
func (f *pagesFixture) decideAndRelease() {
	t := f.t
	f.e.signIn("chair@example.org")
	path := "/events/" + f.slug + "/decisions"
	body := f.page(path+"?sort=spread&order=asc", 200)
	if !strings.Contains(body, "Mean (0–100)") || !strings.Contains(body, "中哈科技合作") || !strings.Contains(body, "2 of 2") {
		t.Errorf("the decision list lacks scores or abstracts: %s", pageError(body))
	}
	kk, zh, ru := f.abstracts[0], f.abstracts[1], f.abstracts[2]
	f.post(path+"?sort=mean", url.Values{"one": {kk}, "decision." + kk: {"accept:talk"}}, http.StatusSeeOther)
	if body := f.post(path, url.Values{"ids": {zh}, "bulk": {""}}, 422); !strings.Contains(body, "Choose one of the options offered.") {
		t.Errorf("a bulk decision without a choice is not refused: %s", pageError(body))
	}
	f.post(path, url.Values{"ids": {zh}, "bulk": {"accept:poster"}}, http.StatusSeeOther)
	f.post("/abstracts/"+ru+"/decision", url.Values{"decision": {"reject"}}, http.StatusSeeOther)
	if body := f.page(path, 200); !strings.Contains(body, "3 decisions wait to be released.") {
		t.Errorf("the pending decisions are not counted: %s", pageError(body))
	}
	f.e.signIn("lina@tsinghua.example")
	f.page("/events/"+f.slug+"/book.pdf", http.StatusNotFound)
	f.e.signIn("chair@example.org")
	if loc := f.post(path+"/release", nil, http.StatusSeeOther); !strings.Contains(loc, "n=3") {
		t.Errorf("release went to %s", loc)
	}
	editor := f.page("/events/"+f.slug+"/editor", 200)
	if !strings.Contains(editor, "цифрлық экономика") || !strings.Contains(editor, "中哈科技合作") || strings.Contains(editor, "Водные ресурсы") ||
		!strings.Contains(editor, "Not scheduled yet") {
		t.Errorf("the programme editor lacks the accepted abstracts, or holds the rejected one")
	}
	f.e.signIn("lina@tsinghua.example")
	mine := f.page("/abstracts/"+zh, 200)
	if !strings.Contains(mine, "Accepted") || !strings.Contains(mine, "Comment for the authors.") || strings.Contains(mine, "Confidential") ||
		strings.Contains(mine, "r1@example.org") {
		t.Errorf("the author's page after the release shows the wrong things")
	}
	f.checkBook()
}

// checkBook fetches the book of abstracts, now released, as an author,
// in every language. With SYMPOSIUM_SCREENSHOTS set, it saves each
// (book-<lang>.pdf) for a person to read.
func (f *pagesFixture) checkBook() {
	for _, lang := range symposium.Languages {
		resp, body := f.e.do("GET", "/events/"+f.slug+"/book.pdf?lang="+lang, nil, nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(body, "%PDF") || resp.Header.Get("Content-Type") != "application/pdf" {
			f.t.Errorf("book of abstracts in %s = %d %s", lang, resp.StatusCode, resp.Header.Get("Content-Type"))
			continue
		}
		if dir := os.Getenv("SYMPOSIUM_SCREENSHOTS"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "book-"+lang+".pdf"), []byte(body), 0o644); err != nil {
				f.t.Error(err)
			}
		}
	}
}

// refuseLateSubmission closes the call through its form, keeping tracks
// and questions, and refuses a submission after the deadline.
func (f *pagesFixture) refuseLateSubmission() {
	t := f.t
	f.e.signIn("chair@example.org")
	f.post("/events/"+f.slug+"/cfp/edit", f.callForm(time.Now().Add(-time.Hour)), http.StatusSeeOther)
	if c, _ := f.s.Call(ctx, f.event); len(c.Tracks) != 2 || c.Tracks[0].ID != f.tracks[0] || c.Questions[3].ID != f.questions[3] {
		t.Errorf("editing the call lost its tracks or questions: %+v", c)
	}
	abstracts, people := f.counts()
	f.e.signIn("marat@mail.example")
	body := f.post("/events/"+f.slug+"/abstracts/new?lang=kk", f.abstractForm("ru", "Поздно", "Коротко.", f.tracks[0], "talk",
		"Ещё Один", "late@coauthor.example"), http.StatusConflict)
	if !strings.Contains(body, "Тезистер қабылдау аяқталды") {
		t.Errorf("a late submission is not refused in Kazakh: %s", pageError(body))
	}
	if n, p := f.counts(); n != abstracts || p != people {
		t.Errorf("a late submission stored something")
	}
}

// assignDespiteConflict assigns an author to review her own abstract: the
// page refuses, saying why in words and asking for a reason, and then
// records the reason.
func (f *pagesFixture) assignDespiteConflict() {
	t := f.t
	f.e.signIn("chair@example.org")
	zh := f.abstracts[1]
	body := f.post("/abstracts/"+zh+"/reviewers", url.Values{"email": {"lina@tsinghua.example"}}, http.StatusConflict)
	if !strings.Contains(body, "The reviewer is one of the authors.") || !strings.Contains(body, `name="override"`) {
		t.Errorf("a conflicted reviewer is not refused with the reason and a way to override: %s", pageError(body))
	}
	f.post("/abstracts/"+zh+"/reviewers", url.Values{"email": {"lina@tsinghua.example"}, "override": {"She wrote the field's standard text"}}, http.StatusSeeOther)
	list, _ := f.s.EventAssignments(ctx, f.event)
	found := false
	for _, a := range list {
		found = found || (a.AbstractID == zh && strings.Contains(a.Override, "standard text"))
	}
	if !found {
		t.Errorf("the override was not recorded")
	}
	body = f.page("/abstracts/"+zh, 200)
	if !strings.Contains(body, "She wrote the field's standard text") {
		t.Errorf("the manager's page lacks the override")
	}
	for _, r := range f.reviewers {
		if slices.Contains(f.assigned(r), zh) && !strings.Contains(body, "<strong>"+r+"</strong>") {
			t.Errorf("the manager's page lacks the review by %s", r)
		}
	}
}

// declareConflict has a reviewer declare a conflict of interest, after
// which the abstract is no longer theirs to see.
func (f *pagesFixture) declareConflict() {
	r := f.reviewers[2]
	f.e.signIn(r)
	id := f.assigned(r)[0]
	if loc := f.post("/abstracts/"+id+"/declare", nil, http.StatusSeeOther); !strings.Contains(loc, "/reviews?notice=declared") {
		f.t.Errorf("declaring went to %s", loc)
	}
	f.page("/abstracts/"+id, http.StatusNotFound)
}
