package matchmaking_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// published gives the three participants profiles, has Aigerim's
// requests to Wei (must) and Olga (could) accepted, publishes the
// schedule and returns Aigerim's agenda.
func published(w *world) []*symposium.Meeting {
	w.t.Helper()
	threeProfiles(w, 5)
	for _, to := range []string{"wei", "olga"} {
		r := w.request("aigerim", to, map[string]int{"wei": symposium.PriorityMust, "olga": symposium.PriorityCould}[to])
		_, _, err := w.svc.Answer(ctx, w.users[to], r.ID, true)
		w.must(err)
	}
	_, err := w.svc.Run(ctx, w.manager, "astana", false, false)
	w.must(err)
	all, err := w.s.Meetings(ctx, w.event.ID)
	w.must(err)
	if len(all) != 2 {
		w.t.Fatalf("%d meetings published", len(all))
	}
	return all
}

// mailCount counts the outbox's mails to an address whose subject holds
// want.
func (w *world) mailCount(address, want string) int {
	w.t.Helper()
	list, err := w.s.ListMail(ctx, "", 500)
	w.must(err)
	n := 0
	for _, m := range list {
		if m.Mail.To == address && strings.Contains(m.Mail.Subject, want) {
			n++
		}
	}
	return n
}

func TestReminderBeforeEachMeetingGoesOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		all := published(w)
		first := all[0]
		other := map[bool]string{true: "wei", false: "olga"}[first.B == w.people["wei"].ID || first.A == w.people["wei"].ID]

		for _, at := range []time.Duration{-time.Hour, -16 * time.Minute, 0, time.Minute} {
			n, err := w.svc.Remind(ctx, first.StartsAt.Add(at))
			w.must(err)
			if n != 0 {
				t.Fatalf("%v from the first meeting, %d meetings reminded of", at, n)
			}
		}
		n, err := w.svc.Remind(ctx, first.StartsAt.Add(-10*time.Minute))
		w.must(err)
		if n != 1 {
			t.Fatalf("10 minutes before the first meeting, %d reminded of", n)
		}
		// Aigerim registered in Kazakh and meets at her booth; the time is
		// the event's (UTC+5 in Almaty, 15:00).
		w.mailTo("aigerim@example.org", "Үстел: Booth A")
		w.mailTo("aigerim@example.org", first.StartsAt.In(w.event.Location()).Format("15:04"))
		lang := map[string]string{"wei": "与", "olga": "Собеседник: Айгерім"}[other]
		w.mailTo(other+"@example.org", lang)
		if got := w.mailCount("aigerim@example.org", "Booth A"); got != 1 {
			t.Errorf("Aigerim got %d reminders", got)
		}
		n, err = w.svc.Remind(ctx, first.StartsAt.Add(-5*time.Minute))
		w.must(err)
		if n != 0 || w.mailCount("aigerim@example.org", "Booth A") != 1 {
			t.Errorf("a second sweep reminded of %d meetings", n)
		}
		second := all[1]
		n, err = w.svc.Remind(ctx, second.StartsAt.Add(-15*time.Minute))
		w.must(err)
		if n != 1 || w.mailCount("aigerim@example.org", "Booth A") != 2 {
			t.Errorf("the second meeting: %d reminded of", n)
		}
	})
}
