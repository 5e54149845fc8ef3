package review

import (
	"cmp"
	"hash/fnv"
	"slices"

	"symposium"
	"symposium/internal/store"
)

// Proposal is an automatic assignment of reviewers, shown before it is
// applied.
type Proposal struct {
	Assignments []symposium.Assignment `json:"assignments" doc:"The new assignments."`
	// Short lists the abstracts that could not get the reviewers asked
	// for: too few reviewers without a conflict, willing, and of the track.
	Short []string `json:"short"`
	// Load is how many abstracts each reviewer has, by account ID, the
	// new assignments included.
	Load map[string]int `json:"load"`
}

// assignment is the input of the automatic assignment.
type assignment struct {
	abstracts   []*symposium.Abstract // submitted, in a stable order
	reviewers   []*store.Reviewer
	perAbstract int
	existing    map[string]map[string]bool // abstract → reviewer
	bids        map[string]map[string]string
	conflicted  func(userID string, a *symposium.Abstract) bool
}

// candidate is a reviewer who may review an abstract, with how well they
// fit it: lower is better.
type candidate struct {
	userID string
	bid    int // eager 0, willing 1, none 2
	track  int // of the track 0, of any track 1
	tie    uint32
}

// propose assigns each abstract perAbstract reviewers in all, counting
// those it has: never a conflicted reviewer, one who bid "not", one whose
// tracks leave the abstract's out, or one who reads none of the
// languages they named it is written in; eager bids first, then willing,
// then the reviewers of the track; the load kept even, no reviewer taking
// more than an even share while another could take it. The abstracts with
// the fewest possible reviewers are served first.
func propose(in assignment) *Proposal {
	p := &Proposal{Assignments: []symposium.Assignment{}, Short: []string{}, Load: map[string]int{}}
	for _, r := range in.reviewers {
		p.Load[r.User.ID] = 0
	}
	needed := 0
	for _, a := range in.abstracts {
		for u := range in.existing[a.ID] {
			if _, ok := p.Load[u]; ok {
				p.Load[u]++
			}
		}
		needed += max(in.perAbstract-len(in.existing[a.ID]), 0)
	}
	if len(in.reviewers) == 0 {
		return shortAll(p, in)
	}
	total := needed
	for _, n := range p.Load {
		total += n
	}
	share := (total + len(in.reviewers) - 1) / len(in.reviewers)
	options := make(map[string][]candidate, len(in.abstracts))
	for _, a := range in.abstracts {
		options[a.ID] = candidates(in, a)
	}
	order := slices.Clone(in.abstracts)
	slices.SortStableFunc(order, func(x, y *symposium.Abstract) int {
		return cmp.Compare(len(options[x.ID]), len(options[y.ID]))
	})
	for _, a := range order {
		need := in.perAbstract - len(in.existing[a.ID])
		picked := pick(options[a.ID], p.Load, share, need)
		for _, u := range picked {
			p.Assignments = append(p.Assignments, symposium.Assignment{AbstractID: a.ID, ReviewerID: u})
			p.Load[u]++
		}
		if need > 0 && len(picked) < need {
			p.Short = append(p.Short, a.ID)
		}
	}
	return p
}

// shortAll marks every abstract that needs reviewers as short.
func shortAll(p *Proposal, in assignment) *Proposal {
	for _, a := range in.abstracts {
		if len(in.existing[a.ID]) < in.perAbstract {
			p.Short = append(p.Short, a.ID)
		}
	}
	return p
}

// candidates lists the reviewers who may review an abstract.
func candidates(in assignment, a *symposium.Abstract) []candidate {
	var out []candidate
	for _, r := range in.reviewers {
		u := r.User.ID
		bid := in.bids[a.ID][u]
		if in.existing[a.ID][u] || bid == symposium.BidNot || in.conflicted(u, a) {
			continue
		}
		c := candidate{userID: u, bid: 2, track: 1, tie: tie(a.ID, u)}
		switch bid {
		case symposium.BidEager:
			c.bid = 0
		case symposium.BidWilling:
			c.bid = 1
		}
		if len(r.Languages) > 0 && a.Language != "" && !slices.Contains(r.Languages, a.Language) {
			continue
		}
		if len(r.TrackIDs) > 0 {
			if !slices.Contains(r.TrackIDs, a.TrackID) {
				continue
			}
			c.track = 0
		}
		out = append(out, c)
	}
	return out
}

// pick chooses up to need candidates: those under the even share first,
// then by bid, track, load and a tie-break that spreads equal choices.
func pick(options []candidate, load map[string]int, share, need int) []string {
	if need <= 0 {
		return nil
	}
	sorted := slices.Clone(options)
	slices.SortFunc(sorted, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(b2i(load[x.userID] >= share), b2i(load[y.userID] >= share)),
			cmp.Compare(x.bid, y.bid),
			cmp.Compare(x.track, y.track),
			cmp.Compare(load[x.userID], load[y.userID]),
			cmp.Compare(x.tie, y.tie),
		)
	})
	var out []string
	for _, c := range sorted[:min(need, len(sorted))] {
		out = append(out, c.userID)
	}
	return out
}

// tie is a stable pseudo-random number for a pair, so that equal choices
// spread over reviewers the same way each time.
func tie(a, b string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(a))
	_, _ = h.Write([]byte(b))
	return h.Sum32()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
