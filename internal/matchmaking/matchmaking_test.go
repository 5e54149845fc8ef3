package matchmaking_test

import (
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/matchmaking"
	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// threeProfiles opens matchmaking and gives the three participants
// profiles in Kazakh, Chinese and Russian.
func threeProfiles(w *world, cap int) {
	w.open(cap)
	w.profile("aigerim", symposium.Text("kk", "Катализ технологиялары", "en", "catalysis equipment for refineries"),
		symposium.Text("en", "research partners in hydrogen storage"), []string{"2.4", "1.4"}, []string{"kk", "ru", "en"})
	w.profile("wei", symposium.Text("zh", "氢能储存研究", "en", "hydrogen storage research"),
		symposium.Text("en", "industrial catalysis partners"), []string{"2.4", "1.3"}, []string{"zh", "en"})
	w.profile("olga", symposium.Text("ru", "Катализаторы и их испытания"),
		symposium.Text("ru", "Партнёры по водородной энергетике"), []string{"1.4"}, []string{"ru"})
}

func TestWholeFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 5)

		_, recs, err := w.svc.Recommendations(ctx, w.users["aigerim"], "astana", "", "en")
		w.must(err)
		if len(recs) == 0 || recs[0].Card.ID != w.people["wei"].ID {
			t.Fatalf("Aigerim's first recommendation is not Wei: %+v", recs)
		}
		why := strings.Join(recs[0].Reasons, "; ")
		for _, want := range []string{"seeks what you offer: catalysis", "offers what you seek: hydrogen", "shares 1 topic", "industry meets science"} {
			if !strings.Contains(why, want) {
				t.Errorf("reasons %q lack %q", why, want)
			}
		}

		toWei := w.request("aigerim", "wei", symposium.PriorityMust)
		toOlga := w.request("aigerim", "olga", symposium.PriorityCould)
		weiToOlga := w.request("wei", "olga", symposium.PriorityShould)
		w.mailTo("wei@example.org", "阿斯塔纳研讨会")
		if _, _, err := w.svc.Answer(ctx, w.users["wei"], toWei.ID, true); err != nil {
			t.Fatal(err)
		}
		w.mailTo("aigerim@example.org", "қабылдады") // in Kazakh, her first language
		if _, _, err := w.svc.Answer(ctx, w.users["olga"], toOlga.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, _, err := w.svc.Answer(ctx, w.users["olga"], weiToOlga.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, _, err := w.svc.Answer(ctx, w.users["aigerim"], toWei.ID, true); symposium.ErrorCode(err) != symposium.ENOTFOUND &&
			symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			t.Errorf("the sender answered their own request: %v", err)
		}

		preview, err := w.svc.Run(ctx, w.manager, "astana", true, false)
		w.must(err)
		if preview.Weight != 4 || preview.Bound != 4 || len(preview.Meetings) != 2 || preview.Added != 2 {
			t.Fatalf("preview: weight %d bound %d, %d meetings, %d added", preview.Weight, preview.Bound, len(preview.Meetings), preview.Added)
		}
		if got := mmtest.CheckPublished(t, s, w.event.ID); len(got) != 0 {
			t.Fatalf("a preview published %d meetings", len(got))
		}
		if _, err := w.svc.Run(ctx, w.manager, "astana", false, false); err != nil {
			t.Fatal(err)
		}
		live := mmtest.CheckPublished(t, s, w.event.ID)
		if len(live) != 2 {
			t.Fatalf("%d meetings published", len(live))
		}

		a, err := w.svc.Agenda(ctx, w.users["aigerim"], "astana", "")
		w.must(err)
		if len(a.Items) != 2 || a.FeedToken == "" {
			t.Fatalf("Aigerim's agenda: %d meetings, feed %q", len(a.Items), a.FeedToken)
		}
		for _, it := range a.Items {
			if it.Meeting.Table != 10 || it.TableName != "Booth A" || it.Card == nil {
				t.Errorf("Aigerim meets at table %d (%s), card %v", it.Meeting.Table, it.TableName, it.Card)
			}
		}
		feed, talks, err := w.svc.Feed(ctx, a.FeedToken)
		w.must(err)
		if len(feed.Items) != 2 || talks == nil {
			t.Errorf("feed: %d meetings", len(feed.Items))
		}

		if _, err := w.svc.Mark(ctx, w.users["wei"], "astana", a.Items[0].Meeting.ID, symposium.MeetingHeld); err != nil &&
			a.Items[0].Other == w.people["wei"].ID {
			t.Fatal(err)
		}
		_, err = w.svc.Mark(ctx, w.users["aigerim"], "astana", a.Items[1].Meeting.ID, symposium.MeetingNoShow)
		w.must(err)
		d, err := w.svc.Dashboard(ctx, w.manager, "astana")
		w.must(err)
		if d.Sent != 3 || d.Accepted != 2 || d.Declined != 1 || d.Scheduled+d.Held+d.NoShows != 2 || d.NoShows != 1 {
			t.Errorf("dashboard: sent %d accepted %d declined %d scheduled %d held %d no-shows %d",
				d.Sent, d.Accepted, d.Declined, d.Scheduled, d.Held, d.NoShows)
		}
		if d.MostRequested[0].ID != w.people["olga"].ID || d.MostRequested[0].Requests != 2 {
			t.Errorf("most requested: %+v", d.MostRequested)
		}
	})
}

// mailTo fails unless the outbox holds a mail to the address whose
// subject or text contains want.
func (w *world) mailTo(address, want string) {
	w.t.Helper()
	list, err := w.s.ListMail(ctx, "", 100)
	w.must(err)
	for _, m := range list {
		if m.Mail.To == address && (strings.Contains(m.Mail.Subject, want) || strings.Contains(m.Mail.Text, want)) {
			return
		}
	}
	w.t.Errorf("no mail to %s with %q", address, want)
}

func TestBadRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 1)
		cases := []struct {
			name, from, to, field, key string
		}{
			{"to oneself", "wei", "wei", "to", "error.matchmaking.request_self"},
			{"to a non-participant", "wei", "dana", "to", "error.matchmaking.not_participant"},
		}
		for _, c := range cases {
			r := &symposium.MeetingRequest{ToID: w.people[c.to].ID}
			_, err := w.svc.CreateRequest(ctx, w.users[c.from], "astana", r)
			expectField(t, c.name, err, c.field, c.key)
		}
		_, err := w.svc.CreateRequest(ctx, w.users["dana"], "astana", &symposium.MeetingRequest{ToID: w.people["wei"].ID})
		if symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			t.Errorf("a non-participant sent a request: %v", err)
		}
		w.request("wei", "olga", 3)
		_, err = w.svc.CreateRequest(ctx, w.users["wei"], "astana", &symposium.MeetingRequest{ToID: w.people["aigerim"].ID})
		expectField(t, "past the cap", err, "to", "error.matchmaking.request_cap")
		w.svc.Now = func() time.Time { return time.Now().Add(48 * time.Hour) }
		_, err = w.svc.CreateRequest(ctx, w.users["olga"], "astana", &symposium.MeetingRequest{ToID: w.people["aigerim"].ID})
		expectField(t, "after closing", err, "to", "error.matchmaking.requests_closed")
		_, err = w.svc.CreateRequest(ctx, w.users["olga"], "astana", &symposium.MeetingRequest{ToID: w.people["aigerim"].ID, Priority: 7})
		expectField(t, "priority 7", err, "priority", "error.field.between")
		if n := w.requestCount(); n != 1 {
			t.Errorf("%d requests stored, want 1", n)
		}
		pr := &symposium.MatchmakingProfile{PersonID: w.people["dana"].ID, Offers: symposium.Text("en", "x"), Languages: []string{"en"}}
		_, err = w.svc.SaveProfile(ctx, w.manager, "astana", pr)
		expectField(t, "profile of a non-participant", err, "person_id", "error.matchmaking.not_participant")
	})
}

// expectField fails unless err is invalid input naming field with key.
func expectField(t *testing.T, name string, err error, field, key string) {
	t.Helper()
	e := symposium.AsError(err)
	if e == nil || e.Code != symposium.EINVALID {
		t.Errorf("%s: %v, want invalid input", name, err)
		return
	}
	for _, f := range e.Fields {
		if f.Field == field && f.Key == key {
			return
		}
	}
	t.Errorf("%s: fields %+v, want %s: %s", name, e.Fields, field, key)
}

func TestRerunKeepsPublishedAndFillsCancelled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 0)
		accept := func(from, to string, priority int) {
			r := w.request(from, to, priority)
			_, _, err := w.svc.Answer(ctx, w.users[to], r.ID, true)
			w.must(err)
		}
		accept("aigerim", "olga", 2)
		accept("aigerim", "wei", 2)
		first, err := w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		before := mmtest.CheckPublished(t, s, w.event.ID)
		if len(before) != 2 {
			t.Fatalf("%d meetings published, want 2", len(before))
		}
		accept("wei", "olga", 3) // Chinese and Russian: no common language
		again, err := w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		if len(again.LeftOut) != 1 || again.LeftOut[0].Reason != matchmaking.LeftNoLanguage || again.Kept != 2 {
			t.Fatalf("left out %+v, kept %d", again.LeftOut, again.Kept)
		}
		pg, err := w.svc.Settings(ctx, w.manager, "astana")
		w.must(err)
		m := pg.Matchmaking
		m.Interpreters = []symposium.MeetingInterpreter{{Name: "Li Na", Languages: []string{"zh", "ru"}}}
		_, err = w.svc.SaveSettings(ctx, w.manager, "astana", m)
		w.must(err)
		third, err := w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		after := mmtest.CheckPublished(t, s, w.event.ID)
		if third.Kept != len(first.Meetings) || len(after) != 3 || third.Weight != third.Bound {
			t.Fatalf("rerun kept %d of %d, now %d meetings, weight %d of %d", third.Kept, len(first.Meetings), len(after), third.Weight, third.Bound)
		}
		for _, b := range before {
			if !containsMeeting(after, b) {
				t.Errorf("meeting %s moved", b.ID)
			}
		}
		_, err = w.svc.Mark(ctx, w.manager, "astana", before[0].ID, symposium.MeetingCancelled)
		w.must(err)
		fourth, err := w.svc.Run(ctx, w.manager, "astana", false, true)
		w.must(err)
		if len(mmtest.CheckPublished(t, s, w.event.ID)) != 2 || fourth.Weight != fourth.Bound {
			t.Errorf("after cancelling: weight %d bound %d", fourth.Weight, fourth.Bound)
		}
	})
}

func containsMeeting(list []*symposium.Meeting, m *symposium.Meeting) bool {
	for _, x := range list {
		if x.ID == m.ID && x.SlotID == m.SlotID && x.Table == m.Table {
			return true
		}
	}
	return false
}

func TestCatalogueFindsNamesAcrossScripts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 0)
		for _, c := range []struct {
			f    matchmaking.Filter
			want string
		}{
			{matchmaking.Filter{Q: "Olga Ivanova"}, "olga"},
			{matchmaking.Filter{Q: "Zhang Wei"}, "wei"},
			{matchmaking.Filter{Q: "Aigerim Satbaeva"}, "aigerim"},
			{matchmaking.Filter{Country: "cn"}, "wei"},
			{matchmaking.Filter{Kind: "research_center"}, "olga"},
			{matchmaking.Filter{Language: "zh"}, "wei"},
			{matchmaking.Filter{Topic: "1.3"}, "wei"},
		} {
			_, cards, err := w.svc.Catalogue(ctx, w.users["olga"], "astana", c.f)
			w.must(err)
			if len(cards) == 0 || cards[0].ID != w.people[c.want].ID {
				t.Errorf("%+v finds %d cards, not %s first", c.f, len(cards), c.want)
			}
		}
		if _, _, err := w.svc.Catalogue(ctx, w.users["dana"], "astana", matchmaking.Filter{}); symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			t.Errorf("a non-participant read the catalogue: %v", err)
		}
	})
}
