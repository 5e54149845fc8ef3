package store_test

import (
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestSentMailIsKeptForAWhile checks that the sweeper removes messages
// sent or given up on longer ago than store.MailKept, and keeps the
// others.
func TestSentMailIsKeptForAWhile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Now().UTC()
		for _, to := range []string{"old@example.org", "new@example.org", "queued@example.org"} {
			if err := s.EnqueueMail(ctx, symposium.Mail{To: to, Subject: "Hello", Text: "Hello"}); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.ListMail(ctx, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range list {
			switch m.Mail.To {
			case "old@example.org":
				err = s.MarkMailSent(ctx, m.ID, now.Add(-store.MailKept-time.Hour))
			case "new@example.org":
				err = s.MarkMailSent(ctx, m.ID, now.Add(-time.Hour))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.DeleteExpired(ctx, now); err != nil {
			t.Fatal(err)
		}
		left, err := s.ListMail(ctx, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		kept := map[string]bool{}
		for _, m := range left {
			kept[m.Mail.To] = true
		}
		if kept["old@example.org"] || !kept["new@example.org"] || !kept["queued@example.org"] {
			t.Errorf("after the sweep the outbox holds %v; want the recent and the queued message only", kept)
		}
	})
}

// TestErasureOfTakingPart gives a person a live question, a matchmaking
// profile, a request and the meeting it led to, and a photo tag; their
// export holds each, and their erasure leaves the question asked by nobody
// and removes the rest.
func TestErasureOfTakingPart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEvent(t, s, "taking-part", symposium.VisibilityPublic, nil)
		u := &symposium.User{Email: "ada@example.org", Name: "Ada", Verified: true, Language: "en"}
		if err := s.CreateUser(ctx, u, "hash"); err != nil {
			t.Fatal(err)
		}
		ada, bob := newPerson(t, s, "Ada Lovelace", "ada@example.org"), newPerson(t, s, "Bob Builder", "bob@example.org")
		c := &symposium.Contribution{EventID: e.ID, Title: symposium.Text("en", "Engines"), Kind: "talk", DurationMinutes: 30}
		if err := s.CreateContribution(ctx, e, c); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Format("2006-01-02T15:04:05.000000Z")
		for _, row := range []struct {
			q    string
			args []any
		}{
			{`INSERT INTO live_questions (id, event_id, contribution_id, asker, author_name, text, language, status, created_at)
				VALUES ('q1', $1, $2, $3, 'Ada Lovelace', 'How fast is it?', 'en', 'visible', $4)`, []any{e.ID, c.ID, "u:" + u.ID, now}},
			{`INSERT INTO matchmaking_slots (id, event_id, position, starts_at, ends_at, tables) VALUES ('s1', $1, 0, $2, $2, 5)`, []any{e.ID, now}},
			{`INSERT INTO matchmaking_profiles (event_id, person_id, offers, seeks, feed_token, created_at, updated_at)
				VALUES ($1, $2, '{"en":"Engines"}', '{"en":"Funding"}', 'feed-ada', $3, $3)`, []any{e.ID, ada.ID, now}},
			{`INSERT INTO meeting_requests (id, event_id, from_id, to_id, priority, message, status, created_at, updated_at)
				VALUES ('r1', $1, $2, $3, 3, 'Shall we talk engines?', 'accepted', $4, $4)`, []any{e.ID, ada.ID, bob.ID, now}},
			{`INSERT INTO meetings (id, event_id, request_id, a_id, b_id, slot_id, table_no, weight, status, created_at, updated_at)
				VALUES ('m1', $1, 'r1', $2, $3, 's1', 1, 3, 'scheduled', $4, $4)`, []any{e.ID, ada.ID, bob.ID, now}},
			{`INSERT INTO event_photos (id, event_id, caption, created_at) VALUES ('p1', $1, '{"en":"The hall"}', $2)`, []any{e.ID, now}},
			{`INSERT INTO event_photo_people (photo_id, person_id) VALUES ('p1', $1)`, []any{ada.ID}},
		} {
			if err := s.Exec(ctx, row.q, row.args...); err != nil {
				t.Fatal(err)
			}
		}
		sub := store.DataSubject{User: u, Email: u.Email, PersonIDs: []string{ada.ID}}
		d, err := s.PersonalData(ctx, sub)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]int{}
		for _, m := range d.Matchmaking {
			kinds[m.Kind]++
		}
		if len(d.Questions) != 1 || d.Questions[0].Text != "How fast is it?" || len(d.Photos) != 1 ||
			kinds["profile"] != 1 || kinds["request"] != 1 || kinds["meeting"] != 1 {
			t.Fatalf("the export lacks what Ada took part in: questions %v, photos %v, matchmaking %v", d.Questions, d.Photos, d.Matchmaking)
		}
		if _, err := s.Erase(ctx, sub, time.Now()); err != nil {
			t.Fatal(err)
		}
		d, err = s.PersonalData(ctx, store.DataSubject{Email: u.Email, PersonIDs: []string{ada.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Matchmaking) != 0 || len(d.Photos) != 0 {
			t.Errorf("after the erasure: matchmaking %v, photos %v", d.Matchmaking, d.Photos)
		}
		if left, _ := s.PersonalData(ctx, store.DataSubject{User: u}); len(left.Questions) != 0 {
			t.Errorf("the question still names its asker: %v", left.Questions)
		}
	})
}
