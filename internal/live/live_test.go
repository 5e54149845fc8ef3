package live_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/limits"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestOneVotePerPersonWithdrawable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		q := w.ask(w.audience, "How does the catalyst age?", false)
		for range 3 {
			got, err := w.svc.Vote(ctx, as(w.stranger), q.ID, true)
			if err != nil || got.Votes != 1 {
				t.Fatalf("vote = %v, %v; want 1 vote", got, err)
			}
		}
		got, err := w.svc.Vote(ctx, as(w.stranger), q.ID, false)
		if err != nil || got.Votes != 0 {
			t.Fatalf("withdraw = %v, %v; want 0 votes", got, err)
		}
		guest := live.Caller{Guest: symposium.NewID(), Client: "192.0.2.9"}
		if _, err := w.svc.Vote(ctx, guest, q.ID, true); symposium.ErrorCode(err) != symposium.EUNAUTHORIZED {
			t.Fatalf("a guest voted where guests are not let in: %v", err)
		}
	})
}

func TestConcurrentVotesCountExactly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorldWith(t, s, limits.DefaultConfig().Unlimited())
		q := w.ask(w.audience, "Concurrency?", false)
		const voters = 40
		var wg sync.WaitGroup
		for i := range voters * 2 { // each voter votes twice, at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := live.Caller{User: &symposium.User{ID: fmt.Sprintf("voter-%d", i%voters)}, Client: "192.0.2.1"}
				if _, err := s.Vote(ctx, q.ID, "u:"+c.User.ID, true); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		list, err := w.svc.Questions(ctx, as(w.moderator), w.talk, live.Query{})
		if err != nil {
			t.Fatal(err)
		}
		if list.Items[0].Votes != voters {
			t.Fatalf("votes = %d; want %d", list.Items[0].Votes, voters)
		}
	})
}

func TestHiddenAndPendingNeverReachTheAudience(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		if _, _, err := w.svc.SetSettings(ctx, w.manager, "pub", symposium.LiveSettings{Moderation: symposium.ModerationPre, WindowMinutes: 10}); err != nil {
			t.Fatal(err)
		}
		audience, err := w.svc.Subscribe(ctx, w.stranger, w.talk, -1)
		if err != nil {
			t.Fatal(err)
		}
		defer audience.Close()
		mod, err := w.svc.Subscribe(ctx, w.moderator, w.talk, -1)
		if err != nil {
			t.Fatal(err)
		}
		defer mod.Close()
		secret := w.ask(w.audience, "A secret pending question", false)
		if secret.Status != symposium.LivePending {
			t.Fatalf("status = %q; want pending", secret.Status)
		}
		if f := next(t, mod.C); !strings.Contains(f, "secret pending") {
			t.Fatalf("the moderator got %q", f)
		}
		list, _ := w.svc.Questions(ctx, as(w.stranger), w.talk, live.Query{})
		if len(list.Items) != 0 {
			t.Fatalf("the audience sees %v", list.Items)
		}
		if _, err := w.svc.Vote(ctx, as(w.stranger), secret.ID, true); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Fatalf("voting on a pending question: %v; want not found", err)
		}
		if _, err := w.svc.Moderate(ctx, w.moderator, secret.ID, symposium.ModApprove, ""); err != nil {
			t.Fatal(err)
		}
		if f := next(t, audience.C); !strings.Contains(f, "secret pending") || !strings.Contains(f, "id: 2") {
			t.Fatalf("after approval the audience got %q", f)
		}
		if _, err := w.svc.Moderate(ctx, w.moderator, secret.ID, symposium.ModHide, ""); err != nil {
			t.Fatal(err)
		}
		if f := next(t, audience.C); strings.Contains(f, "secret") || !strings.Contains(f, `"status":"hidden"`) {
			t.Fatalf("hiding told the audience %q", f)
		}
		_, err = w.svc.Vote(ctx, as(w.moderator), secret.ID, true)
		w.wantCode(err, symposium.ECONFLICT)
		replay, err := w.svc.Subscribe(ctx, w.stranger, w.talk, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer replay.Close()
		if len(replay.Replay) != 2 { // the approval and the hiding; not the pending question
			t.Fatalf("replay = %q", replay.Replay)
		}
	})
}

func TestAnonymousQuestionsHideTheAsker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		sub, err := w.svc.Subscribe(ctx, w.stranger, w.talk, -1)
		if err != nil {
			t.Fatal(err)
		}
		defer sub.Close()
		q := w.ask(w.audience, "Сұрағым бар: катализатор қанша жыл істейді?", true)
		if q.Language != "kk" {
			t.Fatalf("language = %q; want kk", q.Language)
		}
		if f := next(t, sub.C); strings.Contains(f, "Гүлнар") || strings.Contains(f, w.audience.ID) {
			t.Fatalf("the stream names the asker: %q", f)
		}
		list, _ := w.svc.Questions(ctx, as(w.stranger), w.talk, live.Query{})
		if it := list.Items[0]; it.AuthorName != "" || it.AuthorLatin != "" || it.Asker != "" {
			t.Fatalf("the audience's list names the asker: %+v", it)
		}
		mods, _ := w.svc.Questions(ctx, as(w.moderator), w.talk, live.Query{})
		if it := mods.Items[0]; it.AuthorName != "Гүлнар Шаймергенова" || it.AuthorLatin == "" || it.Asker == "" {
			t.Fatalf("moderators do not see the asker: %+v", it)
		}
		named := w.ask(w.audience, "Named question", false)
		list, _ = w.svc.Questions(ctx, as(w.stranger), w.talk, live.Query{})
		for _, it := range list.Items {
			if it.ID == named.ID && (it.AuthorName == "" || it.AuthorLatin == "") {
				t.Fatalf("a named question lacks its asker: %+v", it)
			}
		}
	})
}

func TestReplayAfterReconnectLosesAndDoublesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		first, err := w.svc.Subscribe(ctx, w.stranger, w.talk, -1)
		if err != nil {
			t.Fatal(err)
		}
		q := w.ask(w.audience, "One", false)
		w.ask(w.audience, "Two", false)
		seen := []string{next(t, first.C), next(t, first.C)}
		first.Close()
		if _, err := w.svc.Vote(ctx, as(w.stranger), q.ID, true); err != nil {
			t.Fatal(err)
		}
		w.ask(w.audience, "Three", false)
		again, err := w.svc.Subscribe(ctx, w.stranger, w.talk, 2)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		w.ask(w.audience, "Four", false)
		for _, f := range again.Replay {
			seen = append(seen, string(f))
		}
		seen = append(seen, next(t, again.C))
		for i, f := range seen {
			if !strings.HasPrefix(f, fmt.Sprintf("id: %d\n", i+1)) {
				t.Fatalf("frame %d = %q; want id %d: %q", i, f, i+1, seen)
			}
		}
		if len(seen) != 5 {
			t.Fatalf("got %d frames; want 5", len(seen))
		}
	})
}

func TestRestrictedEventsQuestionsAreNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		q, err := w.svc.Ask(ctx, as(w.moderator), w.restricted, "Inside question", false)
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Questions(ctx, as(w.stranger), w.restricted, live.Query{})
		w.wantCode(err, symposium.ENOTFOUND)
		_, err = w.svc.Ask(ctx, as(w.stranger), w.restricted, "Outside", false)
		w.wantCode(err, symposium.ENOTFOUND)
		_, err = w.svc.Vote(ctx, as(w.stranger), q.ID, true)
		w.wantCode(err, symposium.ENOTFOUND)
		_, err = w.svc.Subscribe(ctx, w.stranger, w.restricted, -1)
		w.wantCode(err, symposium.ENOTFOUND)
		_, err = w.svc.Export(ctx, w.stranger, w.restricted)
		w.wantCode(err, symposium.ENOTFOUND)
		_, err = w.svc.Moderate(ctx, w.audience, q.ID, symposium.ModHide, "")
		w.wantCode(err, symposium.ENOTFOUND)
	})
}

func TestBadInputIsRefusedAndStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		for _, c := range []struct{ text, key string }{
			{"   ", "error.field.required"},
			{strings.Repeat("я", 10000), "error.field.too_long"},
			{"bell\x07", "error.field.control_chars"},
		} {
			_, err := w.svc.Ask(ctx, as(w.audience), w.talk, c.text, false)
			e := symposium.AsError(err)
			if e == nil || e.Code != symposium.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "text" || e.Fields[0].Key != c.key {
				t.Fatalf("asking %.20q: %v; want %s on text", c.text, err, c.key)
			}
		}
		w.svc.Now = func() time.Time { return at(12, 30) }
		_, err := w.svc.Ask(ctx, as(w.audience), w.talk, "Too late", false)
		w.wantCode(err, symposium.ECONFLICT)
		list, _ := w.svc.Questions(ctx, as(w.moderator), w.talk, live.Query{})
		if len(list.Items) != 0 {
			t.Fatalf("stored %v", list.Items)
		}
		_, err = w.svc.Moderate(ctx, w.moderator, symposium.NewID(), "explode", "")
		w.wantCode(err, symposium.ENOTFOUND)
	})
}

func TestVoteStormFromOneSourceIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cfg := limits.DefaultConfig()
		cfg.Votes = limits.Rule{N: 5, Per: time.Minute}
		w := newWorldWith(t, s, cfg)
		q := w.ask(w.audience, "Storm?", false)
		var refused error
		for i := 0; i < 10 && refused == nil; i++ {
			_, refused = w.svc.Vote(ctx, as(w.stranger), q.ID, i%2 == 0)
		}
		w.wantCode(refused, symposium.ETOOMANY)
	})
}

func TestModerationPinsAnswersMergesAndPolls(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		a := w.ask(w.audience, "How stable is it?", false)
		b := w.ask(w.stranger, "Is it stable?", false)
		w.svc.Vote(ctx, as(w.stranger), a.ID, true)
		w.svc.Vote(ctx, as(w.audience), b.ID, true)
		w.svc.Vote(ctx, as(w.stranger), b.ID, true)
		into, err := w.svc.Moderate(ctx, w.moderator, b.ID, symposium.ModMerge, a.ID)
		if err != nil || into.Votes != 2 {
			t.Fatalf("merge = %+v, %v; want 2 votes", into, err)
		}
		if _, err := w.svc.Moderate(ctx, w.moderator, a.ID, symposium.ModPin, ""); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Moderate(ctx, w.audience, a.ID, symposium.ModPin, "")
		w.wantCode(err, symposium.EFORBIDDEN)
		_, err = w.svc.Answer(ctx, w.stranger, a.ID, "No.")
		w.wantCode(err, symposium.EFORBIDDEN)
		if _, err := w.svc.Answer(ctx, w.speaker, a.ID, "Ten years at 400 °C."); err != nil {
			t.Fatal(err)
		}
		answered, _ := w.svc.Answered(ctx, nil, w.talk)
		if len(answered) != 1 || !answered[0].Answered {
			t.Fatalf("answered = %+v", answered)
		}
		poll := &symposium.LivePoll{Question: symposium.Text("en", "Which fuel?"), Options: []symposium.LocalizedText{
			symposium.Text("en", "Hydrogen"), symposium.Text("en", "Coal")}, HideResults: true}
		if err := w.svc.CreatePoll(ctx, w.moderator, w.talk, poll, true); err != nil {
			t.Fatal(err)
		}
		got, err := w.svc.AnswerPoll(ctx, as(w.audience), poll.ID, []int{0}, "")
		if err != nil || got.Results != nil {
			t.Fatalf("answer = %+v, %v; want results hidden", got, err)
		}
		_, err = w.svc.AnswerPoll(ctx, as(w.audience), poll.ID, []int{0, 1}, "")
		w.wantCode(err, symposium.EINVALID)
		closed, err := w.svc.SetPollStatus(ctx, w.moderator, poll.ID, symposium.PollClosed)
		if err != nil || closed.Results.Counts[0] != 1 || closed.Results.Voters != 1 {
			t.Fatalf("closed = %+v, %v", closed, err)
		}
		rec, err := w.svc.Export(ctx, w.manager, w.talk)
		if err != nil || len(rec.Questions) != 2 || len(rec.Polls) != 1 {
			t.Fatalf("export = %+v, %v", rec, err)
		}
	})
}

// next returns the next frame of a stream, failing after a second.
func next(t *testing.T, c <-chan []byte) string {
	t.Helper()
	select {
	case f, ok := <-c:
		if !ok {
			t.Fatal("the stream closed")
		}
		return string(f)
	case <-time.After(5 * time.Second):
		t.Fatal("no event came")
	}
	return ""
}
