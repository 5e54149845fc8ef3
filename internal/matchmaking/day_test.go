package matchmaking_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/matchmaking"
	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/outcomes"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
	"symposium/internal/ticket"
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
		w.mailTo("aigerim@example.org", "үстел: Booth A")
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

func TestNoShowSlotOfferedOnTheSpot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		all := published(w)
		var missed *symposium.Meeting
		for _, mt := range all {
			if mt.A == w.people["olga"].ID || mt.B == w.people["olga"].ID {
				missed = mt
			}
		}
		// Wei learns Russian, and asks Olga for a meeting she accepts:
		// a request waiting for the next schedule.
		w.profile("wei", symposium.Text("zh", "氢能储存研究", "en", "hydrogen storage research"),
			symposium.Text("en", "industrial catalysis partners"), []string{"2.4", "1.3"}, []string{"zh", "en", "ru"})
		waiting := w.request("wei", "olga", symposium.PriorityShould)
		_, _, err := w.svc.Answer(ctx, w.users["olga"], waiting.ID, true)
		w.must(err)

		w.svc.Now = func() time.Time { return missed.StartsAt.Add(3 * time.Minute) }
		_, err = w.svc.Mark(ctx, w.users["olga"], "astana", missed.ID, symposium.MeetingNoShow)
		w.must(err)
		if _, _, err := w.svc.Offer(ctx, w.users["aigerim"], "astana", missed.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("Aigerim, who did not come, is offered the slot: %v", err)
		}
		_, o, err := w.svc.Offer(ctx, w.users["olga"], "astana", missed.ID)
		w.must(err)
		// The freed table is Aigerim's booth, which stays hers: the
		// meeting goes to the slot's first shared table.
		if o.Other != w.people["wei"].ID || o.Request.ID != waiting.ID || o.Table != 1 || o.Weight != symposium.PriorityShould {
			t.Fatalf("offer: %+v", o)
		}
		a, err := w.svc.Agenda(ctx, w.users["olga"], "astana", "")
		w.must(err)
		if len(a.Items) != 1 || a.Items[0].Offer == nil || a.Items[0].Offer.Other != w.people["wei"].ID {
			t.Fatalf("Olga's agenda shows no offer: %+v", a.Items)
		}

		// Once the slot is over, nothing is offered.
		w.svc.Now = func() time.Time { return missed.EndsAt.Add(time.Second) }
		if _, _, err := w.svc.Offer(ctx, w.users["olga"], "astana", missed.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("an offer after the slot: %v", err)
		}
		w.svc.Now = func() time.Time { return missed.StartsAt.Add(3 * time.Minute) }

		if _, _, err := w.svc.TakeOffer(ctx, w.users["olga"], "astana", missed.ID, "forged"); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("taking an offer of another request: %v", err)
		}
		_, mt, err := w.svc.TakeOffer(ctx, w.users["olga"], "astana", missed.ID, waiting.ID)
		w.must(err)
		if mt.SlotID != missed.SlotID || mt.Table != 1 || mt.Status != symposium.MeetingScheduled {
			t.Errorf("placed meeting: %+v", mt)
		}
		w.mailTo("wei@example.org", "洽谈对象未到")
		if live := mmtest.CheckPublished(t, s, w.event.ID); len(live) != 3 {
			t.Errorf("%d live meetings after the offer was taken", len(live))
		}
		if _, _, err := w.svc.Offer(ctx, w.users["olga"], "astana", missed.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("the slot is offered again: %v", err)
		}
		if _, _, err := w.svc.TakeOffer(ctx, w.users["olga"], "astana", missed.ID, waiting.ID); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("the offer was taken twice: %v", err)
		}

		// A new schedule keeps the meeting and does not bring back the
		// missed one.
		sc, err := w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		if sc.Removed != 0 || sc.Added != 0 {
			t.Errorf("re-run: %d added, %d removed", sc.Added, sc.Removed)
		}
		if live := mmtest.CheckPublished(t, s, w.event.ID); len(live) != 3 {
			t.Errorf("%d live meetings after a re-run", len(live))
		}

	})
}

func TestScanLeadsToTheMeeting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		all := published(w)
		w.svc.Now = func() time.Time { return all[1].StartsAt.Add(2 * time.Minute) }

		// Aigerim's booth, table 10, holds both her meetings: the code of
		// the table alone leads to the one nearest now, the table's code
		// for a slot to that slot's.
		_, it, err := w.svc.Scanned(ctx, w.users["aigerim"], "astana", matchmaking.Scan{Table: "10"})
		w.must(err)
		if it.Meeting.ID != all[1].ID {
			t.Errorf("the table's code leads to meeting %s, not the one now", it.Meeting.ID)
		}
		_, it, err = w.svc.Scanned(ctx, w.users["aigerim"], "astana", matchmaking.Scan{Table: "10", SlotID: all[0].SlotID})
		w.must(err)
		if it.Meeting.ID != all[0].ID {
			t.Errorf("the code of the table in the first slot leads to meeting %s", it.Meeting.ID)
		}

		// Wei's badge leads Aigerim to their meeting, and Aigerim's badge Wei.
		key, err := s.EventKey(ctx, w.event.ID)
		w.must(err)
		for _, pair := range [][2]string{{"aigerim", "wei"}, {"wei", "aigerim"}} {
			tk, err := ticket.Sign(key, w.event.ID, w.regs[pair[1]])
			w.must(err)
			_, it, err = w.svc.Scanned(ctx, w.users[pair[0]], "astana", matchmaking.Scan{Ticket: tk})
			w.must(err)
			if it.Other != w.people[pair[1]].ID {
				t.Errorf("%s scanned %s's badge and found a meeting with %s", pair[0], pair[1], it.Other)
			}
		}
		_, it, err = w.svc.Scanned(ctx, w.users["wei"], "astana", matchmaking.Scan{Table: "10"})
		w.must(err)
		if _, err := w.svc.Mark(ctx, w.users["wei"], "astana", it.Meeting.ID, symposium.MeetingHeld); err != nil {
			t.Fatal(err)
		}

		olgaTicket, err := ticket.Sign(key, w.event.ID, w.regs["olga"])
		w.must(err)
		for _, c := range []struct {
			scan  matchmaking.Scan
			field string
		}{
			{matchmaking.Scan{}, "table"},
			{matchmaking.Scan{Table: "ten"}, "table"},
			{matchmaking.Scan{Table: "1"}, "table"},
			{matchmaking.Scan{Ticket: "S1forged"}, "ticket"},
			{matchmaking.Scan{Ticket: olgaTicket}, "ticket"}, // Wei has no meeting with Olga
		} {
			_, _, err := w.svc.Scanned(ctx, w.users["wei"], "astana", c.scan)
			if e := symposium.AsError(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != c.field {
				t.Errorf("scan %+v: %v, want a problem with %s", c.scan, err, c.field)
			}
		}
	})
}

func TestFollowUpPlannedBecomesAProposal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		w.svc.FollowUps = outcomes.New(s, events.New(s, nil), i18n.Must(i18n.New()), "http://symposium.test")
		all := published(w)
		withWei, withOlga := all[0], all[1]
		if withWei.A != w.people["wei"].ID && withWei.B != w.people["wei"].ID {
			withWei, withOlga = withOlga, withWei
		}
		if _, _, err := w.svc.FollowUp(ctx, w.users["wei"], "astana", withWei.ID, true, "Joint pilot"); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("a follow-up of a meeting not held: %v", err)
		}
		_, err := w.svc.Mark(ctx, w.users["wei"], "astana", withWei.ID, symposium.MeetingHeld)
		w.must(err)
		_, err = w.svc.Mark(ctx, w.users["olga"], "astana", withOlga.ID, symposium.MeetingHeld)
		w.must(err)
		if _, _, err := w.svc.FollowUp(ctx, w.users["olga"], "astana", withWei.ID, true, "Joint pilot"); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("Olga answered for a meeting not hers: %v", err)
		}
		_, _, err = w.svc.FollowUp(ctx, w.users["wei"], "astana", withWei.ID, true, "  ")
		if e := symposium.AsError(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "text" {
			t.Errorf("a yes without text: %v", err)
		}

		zh := symposium.NewContextWithLanguage(ctx, "zh")
		_, a, err := w.svc.FollowUp(zh, w.users["wei"], "astana", withWei.ID, true, "联合试点项目")
		w.must(err)
		if _, _, err := w.svc.FollowUp(ctx, w.users["aigerim"], "astana", withWei.ID, false, ""); symposium.ErrorCode(err) != symposium.ECONFLICT {
			t.Errorf("a second answer: %v", err)
		}
		_, none, err := w.svc.FollowUp(ctx, w.users["olga"], "astana", withOlga.ID, false, "")
		w.must(err)
		if none != nil {
			t.Errorf("a no made a proposal: %+v", none)
		}

		tr, err := w.svc.FollowUps.(*outcomes.Service).Agreements(ctx, w.manager, time.Now())
		w.must(err)
		if len(tr.Agreements) != 1 {
			t.Fatalf("the tracker holds %d agreements", len(tr.Agreements))
		}
		got := tr.Agreements[0]
		if got.ID != a.ID || got.MeetingID != withWei.ID || got.Status != symposium.AgreementProposed || got.Kind != symposium.AgreementFollowUp ||
			got.Title.Get("zh", "") != "联合试点项目" || len(got.PersonIDs) != 2 || len(got.OrganizationIDs) != 2 {
			t.Errorf("proposal: %+v", got)
		}
		meetings, err := s.Meetings(ctx, w.event.ID)
		w.must(err)
		for _, mt := range meetings {
			want := map[string]string{withWei.ID: symposium.FollowUpYes, withOlga.ID: symposium.FollowUpNo}[mt.ID]
			if mt.FollowUp != want {
				t.Errorf("meeting %s: follow-up %q, want %q", mt.ID, mt.FollowUp, want)
			}
		}
	})
}
