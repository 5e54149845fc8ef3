package live_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
	"symposium/internal/ticket"
)

// badge registers a participant at the talk's event, checks them in when
// arrived says so, and returns their badge's ticket.
func (w *world) badge(contributionID, name string, arrived bool) string {
	w.t.Helper()
	eventID, err := w.s.ContributionEvent(ctx, contributionID)
	if err != nil {
		w.t.Fatal(err)
	}
	cat := &symposium.Category{EventID: eventID, Name: symposium.Text("en", "Delegate")}
	if err := w.s.CreateCategory(ctx, cat); err != nil {
		w.t.Fatal(err)
	}
	r := &symposium.Registration{ID: symposium.NewID(), EventID: eventID, CategoryID: cat.ID, Email: symposium.NewID() + "@example.org",
		Name: symposium.Text("kk", name), Language: "kk", EmailConfirmed: true}
	if err := w.s.Register(ctx, r, "hash-"+r.ID, time.Now(), nil); err != nil {
		w.t.Fatal(err)
	}
	if arrived {
		if _, err := w.s.CheckIn(ctx, eventID, r.ID, time.Now()); err != nil {
			w.t.Fatal(err)
		}
	}
	key, err := w.s.EventKey(ctx, eventID)
	if err != nil {
		w.t.Fatal(err)
	}
	token, err := ticket.Sign(key, eventID, r.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return token
}

// TestBadgeIsOneVoice checks that a checked-in participant who scans
// their badge on two phones is one person: they may ask and vote where
// guests may not, their vote counts once, their anonymous question hides
// them from the audience but not from moderators, and a badge not checked
// in, of another event, or forged joins nobody.
func TestBadgeIsOneVoice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		token := w.badge(w.talk, "Айгерім Сейітова", true)
		phone := live.Caller{Guest: symposium.NewID(), Client: "192.0.2.7"}
		b, err := w.svc.JoinByBadge(ctx, phone, w.talk, " "+token+"\n")
		if err != nil || b.Name != "Айгерім Сейітова" {
			t.Fatalf("join = %v, %v", b, err)
		}
		phone.Badge = token
		other := live.Caller{Guest: symposium.NewID(), Client: "192.0.2.8", Badge: token}
		q, err := w.svc.Ask(ctx, phone, w.talk, "Катализатор қанша жыл істейді?", true)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []live.Caller{phone, other, phone} {
			got, err := w.svc.Vote(ctx, c, q.ID, true)
			if err != nil || got.Votes != 1 {
				t.Fatalf("vote = %v, %v; want one vote for the badge", got, err)
			}
		}
		list, err := w.svc.Questions(ctx, other, w.talk, live.Query{})
		if err != nil || list.Badge == nil || len(list.Items) != 1 || !list.Items[0].Voted {
			t.Fatalf("the second phone sees %+v, %v", list, err)
		}
		if item := list.Items[0]; item.AuthorName != "" || item.Asker != "" {
			t.Fatalf("the audience learns the anonymous asker: %+v", item)
		}
		mod, err := w.svc.Questions(ctx, as(w.moderator), w.talk, live.Query{})
		if err != nil || mod.Items[0].AuthorName != "Айгерім Сейітова" || !strings.HasPrefix(mod.Items[0].Asker, "b:") {
			t.Fatalf("the moderator sees %+v, %v", mod.Items, err)
		}

		late := w.badge(w.talk, "Not Arrived", false)
		elsewhere := w.badge(w.restricted, "Other Event", true)
		forged := token[:len(token)-4] + "AAAA"
		for _, bad := range []string{late, elsewhere, forged, "not a ticket"} {
			_, err := w.svc.JoinByBadge(ctx, phone, w.talk, bad)
			e := symposium.AsError(err)
			if e == nil || e.Code != symposium.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "ticket" {
				t.Fatalf("joining with %.12q: %v; want invalid ticket", bad, err)
			}
			_, err = w.svc.Vote(ctx, live.Caller{Guest: symposium.NewID(), Client: "192.0.2.9", Badge: bad}, q.ID, true)
			w.wantCode(err, symposium.EUNAUTHORIZED)
		}
		_, err = w.svc.JoinByBadge(ctx, phone, w.talk, "")
		w.wantCode(err, symposium.EINVALID)
		// The restricted event's own badge lets its holder in; a stranger's
		// ticket for the public event does not open the restricted one.
		if _, err := w.svc.JoinByBadge(ctx, phone, w.restricted, elsewhere); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.JoinByBadge(ctx, phone, w.restricted, token)
		w.wantCode(err, symposium.ENOTFOUND)
		if got, _ := s.LiveQuestion(ctx, q.ID); got.Votes != 1 {
			t.Fatalf("votes = %d; want 1", got.Votes)
		}
	})
}
