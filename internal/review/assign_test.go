package review

import (
	"fmt"
	"slices"
	"testing"

	"symposium"
	"symposium/internal/store"
)

// world builds an assignment input: n abstracts alternating between two
// tracks, and reviewers with the given tracks (nil: any).
func world(n int, tracks ...[]string) assignment {
	in := assignment{perAbstract: 2, existing: map[string]map[string]bool{}, bids: map[string]map[string]string{},
		conflicted: func(string, *symposium.Abstract) bool { return false }}
	for i := range n {
		in.abstracts = append(in.abstracts, &symposium.Abstract{ID: fmt.Sprintf("a%02d", i), TrackID: fmt.Sprintf("t%d", i%2)})
	}
	for i, tr := range tracks {
		in.reviewers = append(in.reviewers, &store.Reviewer{User: symposium.User{ID: fmt.Sprintf("r%d", i)}, TrackIDs: tr})
	}
	return in
}

func TestProposeBalancesAndHonours(t *testing.T) {
	in := world(12, nil, nil, nil, nil, []string{"t0"}, []string{"t1"})
	in.conflicted = func(u string, a *symposium.Abstract) bool { return u == "r0" && a.ID == "a00" }
	in.bids["a01"] = map[string]string{"r1": symposium.BidNot, "r2": symposium.BidEager}
	in.existing["a02"] = map[string]bool{"r3": true}
	p := propose(in)
	got := map[string][]string{}
	for _, a := range p.Assignments {
		got[a.AbstractID] = append(got[a.AbstractID], a.ReviewerID)
	}
	if len(p.Short) != 0 || len(p.Assignments) != 12*2-1 {
		t.Fatalf("%d assignments, short %v", len(p.Assignments), p.Short)
	}
	for id, rs := range got {
		for _, r := range rs {
			if id == "a00" && r == "r0" || id == "a01" && r == "r1" || id == "a02" && r == "r3" {
				t.Errorf("%s got %s against a conflict, a bid or an existing assignment", id, r)
			}
			track := map[string]string{"r4": "t0", "r5": "t1"}[r]
			if a := in.abstracts[idx(id)]; track != "" && a.TrackID != track {
				t.Errorf("%s of track %s got %s of track %s", id, a.TrackID, r, track)
			}
		}
	}
	if !slices.Contains(got["a01"], "r2") {
		t.Errorf("the eager bid of r2 on a01 was not honoured: %v", got["a01"])
	}
	// 24 places over 6 reviewers: each takes 4.
	for r, n := range p.Load {
		if n != 4 {
			t.Errorf("load of %s = %d, want 4: %v", r, n, p.Load)
		}
	}
}

func TestProposeShort(t *testing.T) {
	in := world(2, []string{"t0"})
	p := propose(in)
	if len(p.Short) != 2 || len(p.Assignments) != 1 {
		t.Errorf("one reviewer of one track for two abstracts, two each: %+v", p)
	}
	if p := propose(world(3)); len(p.Short) != 3 {
		t.Errorf("no reviewers: short = %v", p.Short)
	}
}

func idx(id string) int {
	var i int
	fmt.Sscanf(id, "a%02d", &i)
	return i
}
