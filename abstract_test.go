package symposium

import (
	"strings"
	"testing"
	"time"
)

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"Water resources of Central Asia", 5},
		{"Қазақстан мен Қытай — 2024", 4},
		{"中哈科技合作", 3},
		{"中哈科技合作的新阶段", 5},
		{"AI与中国 cooperation", 4},
		{"well-known, state-of-the-art", 6},
	} {
		if got := CountWords(c.text); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// call returns a valid call with one track and three questions.
func testCall(t *testing.T) *Call {
	t.Helper()
	c := &Call{OpensAt: time.Now(), ClosesAt: time.Now().Add(time.Hour), WordLimit: 10,
		Tracks: []Track{{ID: "t1", Name: Text("en", "Economy")}},
		Questions: []ReviewQuestion{
			{ID: "q1", Text: Text("en", "Originality"), Kind: ReviewRating, Min: 1, Max: 5, Weight: 3},
			{ID: "q2", Text: Text("en", "Clarity"), Kind: ReviewRating},
			{ID: "q3", Text: Text("en", "Fits"), Kind: ReviewYesNo},
			{ID: "q4", Text: Text("en", "Remarks"), Kind: ReviewComment},
		}}
	var p Problems
	c.Validate(&p)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCallValidate(t *testing.T) {
	c := testCall(t)
	if q := c.Questions[1]; q.Min != 1 || q.Max != 5 || q.Weight != 1 {
		t.Errorf("a rating without scale = %+v, want 1–5 weight 1", q)
	}
	if len(c.Types) != 2 {
		t.Errorf("default types = %v", c.Types)
	}
	bad := &Call{OpensAt: time.Now(), ClosesAt: time.Now().Add(-time.Hour), Types: []string{"keynote"},
		Questions: []ReviewQuestion{{Text: Text("en", "x"), Kind: ReviewRating, Min: 5, Max: 3}, {Kind: "stars"}}}
	var p Problems
	bad.Validate(&p)
	fields := problemFields(p)
	for _, f := range []string{"closes_at", "types.0", "tracks", "questions.0.max", "questions.1.kind", "questions.1.text"} {
		if !strings.Contains(fields, f+" ") {
			t.Errorf("problems %s lack %s", fields, f)
		}
	}
}

func problemFields(p Problems) string {
	var b strings.Builder
	for _, f := range p {
		b.WriteString(f.Field + " ")
	}
	return b.String()
}

func TestAbstractValidate(t *testing.T) {
	c := testCall(t)
	ok := Abstract{Language: "kk", Title: Text("kk", "Тақырып"), Content: Text("kk", "Қысқа мәтін."), TrackID: "t1",
		AuthorIDs: []string{NewID(), NewID()}}
	var p Problems
	ok.Validate(&p, c)
	if err := p.Err(); err != nil || ok.PresenterID != ok.AuthorIDs[0] || ok.Type != ContributionTalk {
		t.Errorf("valid abstract: %v, presenter %q, type %q", err, ok.PresenterID, ok.Type)
	}
	someone := NewID()
	bad := Abstract{Language: "ru", Title: Text("en", "Title"), Content: Text("ru", strings.Repeat("слово ", 11)),
		TrackID: "nope", Type: "keynote", AuthorIDs: []string{someone, someone}, PresenterID: NewID()}
	p = nil
	bad.Validate(&p, c)
	fields := problemFields(p)
	for _, f := range []string{"title.ru", "content.ru", "track_id", "type", "author_ids.1", "presenter_id"} {
		if !strings.Contains(fields, f+" ") {
			t.Errorf("problems %s lack %s", fields, f)
		}
	}
}

func TestReviewValidateAndScore(t *testing.T) {
	c := testCall(t)
	r := Review{Ratings: map[string]int{"q1": 5, "q2": 1, "q3": 1}, Submitted: true}
	var p Problems
	r.Validate(&p, c)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	// q1 scores 1 with weight 3, q2 scores 0 with weight 1: 0.75.
	if s, ok := r.Score(c); !ok || s != 0.75 {
		t.Errorf("score = %v %v, want 0.75", s, ok)
	}
	bad := Review{Ratings: map[string]int{"q1": 6, "q3": 2, "q4": 1, "q9": 1}, Submitted: true}
	p = nil
	bad.Validate(&p, c)
	fields := problemFields(p)
	for _, f := range []string{"ratings.q1", "ratings.q2", "ratings.q3", "ratings.q4", "ratings.q9"} {
		if !strings.Contains(fields, f+" ") {
			t.Errorf("problems %s lack %s", fields, f)
		}
	}
	draft := Review{Ratings: map[string]int{"q1": 2}}
	p = nil
	draft.Validate(&p, c)
	if err := p.Err(); err != nil {
		t.Errorf("a partial draft is refused: %v", err)
	}
}
