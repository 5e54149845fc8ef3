package outcomes_test

import (
	"strings"
	"testing"

	"symposium"
	"symposium/internal/outcomes"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestMinutesKeepEveryRevisionAndRefuseStaleSaves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		sub := outcomes.Subject{Slug: "public", ID: w.address["public"].ID}
		first := &symposium.Minutes{Body: symposium.Text("en", "Opened.\n! Cooperation in **AI** matters", "ru", "Открыто.\n! Сотрудничество")}
		pg, err := w.svc.SaveMinutes(ctx, w.manager, sub, first, 0, false)
		if err != nil {
			t.Fatal(err)
		}
		if pg.Minutes.Revision != 1 || pg.Minutes.Status != symposium.MinutesDraft {
			t.Fatalf("first save = %+v", pg.Minutes)
		}
		// A draft is the team's: the public sees none.
		if pub, err := w.svc.Minutes(ctx, nil, sub); err != nil || pub.Minutes != nil {
			t.Errorf("anonymous reader of a draft: %+v, %v; want no minutes", pub, err)
		}
		// Two writers start from revision 1; the second save is refused.
		if _, err := w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "A"), Status: "published"}, 1, true); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "B")}, 1, true)
		if code(err) != symposium.EPRECONDITION {
			t.Errorf("stale If-Match: %v, want precondition failed", err)
		}
		_, err = w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "B")}, 1, false)
		if code(err) != symposium.ECONFLICT {
			t.Errorf("stale revision: %v, want conflict", err)
		}
		pg, err = w.svc.Minutes(ctx, nil, sub)
		if err != nil || pg.Minutes == nil || pg.Minutes.Body["en"] != "A" || pg.Revisions != nil {
			t.Fatalf("published minutes to the public = %+v, %v", pg, err)
		}
		if _, err := w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "Final"), Status: "locked"}, 2, true); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "After")}, 3, true)
		if code(err) != symposium.ECONFLICT {
			t.Errorf("save of locked minutes: %v, want conflict", err)
		}
		pg, err = w.svc.Minutes(ctx, w.manager, sub)
		if err != nil || len(pg.Revisions) != 3 || pg.Revisions[2].Body["ru"] != "Открыто.\n! Сотрудничество" {
			t.Errorf("revisions = %+v, %v; want 3 with the first kept", pg.Revisions, err)
		}
		// Others may neither write nor, at a restricted event, read.
		if _, err := w.svc.SaveMinutes(ctx, w.stranger, sub, &symposium.Minutes{Body: symposium.Text("en", "x")}, 3, false); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger writes: %v, want forbidden", err)
		}
		hidden := outcomes.Subject{Slug: "restricted", ID: w.address["restricted"].ID}
		if _, err := w.svc.Minutes(ctx, w.stranger, hidden); code(err) != symposium.ENOTFOUND {
			t.Errorf("stranger reads restricted minutes: %v, want not found", err)
		}
		if _, err := w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("de", "x")}, 3, false); code(err) != symposium.EINVALID {
			t.Errorf("minutes in an unknown language: %v, want invalid", err)
		}
	})
}

func TestMinutesCompiledInProgrammeOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		for _, c := range []*symposium.Contribution{w.talk["public"], w.address["public"]} {
			sub := outcomes.Subject{Slug: "public", ID: c.ID}
			if _, err := w.svc.SaveMinutes(ctx, w.manager, sub, &symposium.Minutes{Body: symposium.Text("en", "On "+c.Title["en"]), Status: "published"}, 0, false); err != nil {
				t.Fatal(err)
			}
		}
		got, err := w.svc.CompiledMinutes(ctx, nil, "public")
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Entries) != 2 || got.Entries[0].Contribution.ID != w.address["public"].ID {
			t.Errorf("compiled = %+v; want the 10:00 address first", got.Entries)
		}
	})
}

func TestMarkdownIsEscaped(t *testing.T) {
	got := string(outcomes.Render("<script>alert(1)</script> **bold** *it*\n! Key <b>\n- one\n- two"))
	for _, want := range []string{"&lt;script&gt;", "<strong>bold</strong>", "<em>it</em>", `<p class="key-message"><strong>Key &lt;b&gt;</strong></p>`, "<ul><li>one</li><li>two</li></ul>"} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "<script>") {
		t.Errorf("rendered %q keeps a script", got)
	}
	if km := symposium.KeyMessages("a\n! One\n!  Two \n!no"); len(km) != 2 || km[1] != "Two" {
		t.Errorf("key messages = %q", km)
	}
}

// TestMinutesShowTheQuestionsAsked checks that a contribution's minutes
// page carries the questions the audience saw, most votes first, with
// their answered marks and answers, and neither hidden questions nor the
// names of anonymous askers.
func TestMinutesShowTheQuestionsAsked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := w.address["public"]
		add := func(text, status string, anonymous bool) *symposium.LiveQuestion {
			q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: c.ID, Text: text, Language: "en", Status: status,
				Anonymous: anonymous, Asker: "u:someone", AuthorName: "Aliya Nurlanovna"}
			if err := s.AddLiveQuestion(ctx, w.events["public"].ID, q); err != nil {
				t.Fatal(err)
			}
			return q
		}
		plain := add("How long does it last?", symposium.LiveVisible, false)
		popular := add("Who pays?", symposium.LiveVisible, true)
		add("Spam", symposium.LiveHidden, false)
		if _, err := s.Vote(ctx, popular.ID, "u:voter", true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AnswerLiveQuestion(ctx, plain.ID, "Ten years."); err != nil {
			t.Fatal(err)
		}
		pg, err := w.svc.Minutes(ctx, nil, outcomes.Subject{Slug: "public", ID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(pg.Questions) != 2 || pg.Questions[0].ID != popular.ID || pg.Questions[1].ID != plain.ID {
			t.Fatalf("questions = %+v; want the two visible ones, most votes first", pg.Questions)
		}
		if q := pg.Questions[0]; q.AuthorName != "" || q.Asker != "" || q.Votes != 1 {
			t.Fatalf("the anonymous question shows as %+v", q)
		}
		if q := pg.Questions[1]; !q.Answered || q.Answer != "Ten years." || q.AuthorName != "Aliya Nurlanovna" {
			t.Fatalf("the answered question shows as %+v", q)
		}
	})
}
