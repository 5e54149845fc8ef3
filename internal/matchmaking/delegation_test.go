package matchmaking_test

import (
	"testing"

	"symposium"
	"symposium/internal/matchmaking/mmtest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestDelegationMeetsAsOne has a delegation of two officials, one of whom
// speaks during the first slot, meet Olga: the meeting takes a slot both
// members are free in, and neither member meets anyone else then.
func TestDelegationMeetsAsOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 0)
		var members []string
		for _, name := range []string{"Minister", "Deputy"} {
			p := &symposium.Person{Name: symposium.Text("en", name)}
			w.must(s.CreatePerson(ctx, p))
			members = append(members, p.ID)
		}
		pg, err := w.svc.Settings(ctx, w.manager, "astana")
		w.must(err)
		m := pg.Matchmaking
		m.Delegations = []symposium.Delegation{{Name: symposium.Text("en", "Ministry"), Members: members}}
		pg, err = w.svc.SaveSettings(ctx, w.manager, "astana", m)
		w.must(err)
		delegation := pg.Matchmaking.Delegations[0].ID
		first := pg.Matchmaking.Slots[0].StartsAt
		talk := &symposium.Contribution{Title: symposium.Text("en", "Opening address"), Kind: "address", StartsAt: &first,
			DurationMinutes: 10, SpeakerIDs: []string{members[0]}}
		w.must(s.CreateContribution(ctx, w.event, talk))

		_, err = w.svc.CreateRequest(ctx, w.users["olga"], "astana", &symposium.MeetingRequest{ToID: delegation})
		expectField(t, "a participant asks a delegation", err, "to", "error.matchmaking.delegation_by_manager")
		r := &symposium.MeetingRequest{FromID: delegation, ToID: w.people["olga"].ID, Priority: symposium.PriorityMust}
		_, err = w.svc.CreateRequest(ctx, w.manager, "astana", r)
		w.must(err)
		if r.Status != symposium.RequestAccepted || !r.ByManager {
			t.Fatalf("a manager's request is %s", r.Status)
		}
		sc, err := w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		live := mmtest.CheckPublished(t, s, w.event.ID)
		if len(live) != 1 || sc.Weight != 3 || live[0].SlotID == pg.Matchmaking.Slots[0].ID {
			t.Fatalf("the delegation's meeting: %+v, weight %d", live, sc.Weight)
		}
		a, err := w.svc.Agenda(ctx, w.users["olga"], "astana", "")
		w.must(err)
		if len(a.Items) != 1 || a.Items[0].OtherName.Get("en", "en") != "Ministry" {
			t.Errorf("Olga's agenda: %+v", a.Items)
		}
	})
}

// TestApprovalBeforeRequestsCount asks managers to approve requests: an
// accepted request waits for approval before it is scheduled.
func TestApprovalBeforeRequestsCount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		threeProfiles(w, 0)
		pg, err := w.svc.Settings(ctx, w.manager, "astana")
		w.must(err)
		pg.Matchmaking.Approval = true
		_, err = w.svc.SaveSettings(ctx, w.manager, "astana", pg.Matchmaking)
		w.must(err)
		r := w.request("aigerim", "wei", 2)
		_, _, err = w.svc.Answer(ctx, w.users["wei"], r.ID, true)
		w.must(err)
		sc, err := w.svc.Run(ctx, w.manager, "astana", true, false)
		w.must(err)
		if len(sc.Meetings) != 0 {
			t.Fatalf("an unapproved request was scheduled")
		}
		if _, err := w.svc.Approve(ctx, w.users["wei"], r.ID); symposium.ErrorCode(err) != symposium.EFORBIDDEN {
			t.Errorf("a participant approved a request: %v", err)
		}
		_, err = w.svc.Approve(ctx, w.manager, r.ID)
		w.must(err)
		sc, err = w.svc.Run(ctx, w.manager, "astana", false, false)
		w.must(err)
		if len(sc.Meetings) != 1 || len(mmtest.CheckPublished(t, s, w.event.ID)) != 1 {
			t.Errorf("the approved request was not scheduled")
		}
	})
}
