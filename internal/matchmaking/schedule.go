package matchmaking

import (
	"context"
	"errors"
	"slices"

	"symposium"
	"symposium/internal/matchmaking/scheduler"
	"symposium/internal/store"
)

// Reasons a request was left out of a schedule.
const (
	LeftNoCommonSlot = "no_common_slot"
	LeftNoLanguage   = "no_language"
	LeftNoRoom       = "no_room"
)

// reasonKeys are the catalog keys that explain each reason.
var reasonKeys = map[string]string{
	LeftNoCommonSlot: "matchmaking.left.no_common_slot",
	LeftNoLanguage:   "matchmaking.left.no_language",
	LeftNoRoom:       "matchmaking.left.no_room",
}

// Key returns the catalog key that explains why the request was left out.
func (l LeftOut) Key() string { return reasonKeys[l.Reason] }

// Schedule is a computed schedule: its meetings, their total weight and
// the proven upper bound on any schedule's weight, the requests left out
// and why, and what publishing it changes.
type Schedule struct {
	Page     *Page
	Meetings []*symposium.Meeting
	Weight   int
	Bound    int
	LeftOut  []LeftOut
	// Kept, Added and Removed count the meetings publishing keeps, adds
	// and takes away.
	Kept, Added, Removed int
	Published            bool
}

// LeftOut is a request the schedule could not place, and why.
type LeftOut struct {
	A, B      string
	RequestID string
	Weight    int
	Reason    string
}

// Run computes the event's schedule, for its managers, and publishes it
// unless preview is asked for. Meetings already published are kept where
// they are unless fresh is asked for; meetings held or missed are always
// kept; cancelled ones free their slots.
func (s *Service) Run(ctx context.Context, u *symposium.User, slug string, preview, fresh bool) (*Schedule, error) {
	p, err := s.managed(ctx, u, slug, false)
	if err != nil {
		return nil, err
	}
	pb, err := s.loadProblem(ctx, p.Matchmaking)
	if err != nil {
		return nil, err
	}
	res, err := s.solve(ctx, pb, fresh)
	if err != nil {
		return nil, err
	}
	sc := pb.schedule(res)
	sc.Page = p
	if preview {
		return sc, nil
	}
	pub := &store.Publication{EventID: p.Event.ID, Keep: map[string]bool{}, Weight: sc.Weight, Bound: sc.Bound}
	for _, mt := range sc.Meetings {
		if mt.ID != "" {
			pub.Keep[mt.ID] = true
		} else {
			pub.Add = append(pub.Add, mt)
		}
	}
	entry := symposium.NewAuditEntry(u, p.Event.ID, AuditPublish, p.Event.ID, nil,
		map[string]int{"weight": sc.Weight, "bound": sc.Bound, "kept": sc.Kept, "added": sc.Added, "removed": sc.Removed})
	if err := s.store.PublishMeetings(store.WithAudit(ctx, entry), pub); err != nil {
		return nil, err
	}
	sc.Published = true
	return sc, nil
}

// solve runs the scheduler, keeping the live meetings as pinned. Should
// the pins no longer fit together (a slot shortened, a person now busy),
// it keeps only the meetings held or missed, and at worst plans afresh.
func (s *Service) solve(ctx context.Context, pb *problem, fresh bool) (*scheduler.Result, error) {
	var invalid *scheduler.InvalidError
	for _, f := range []bool{fresh, true} {
		pb.requests(f)
		res, err := scheduler.Solve(ctx, pb.in, scheduler.Options{TimeLimit: s.TimeLimit, Seed: 1})
		if errors.As(err, &invalid) {
			continue
		}
		return res, err
	}
	for i := range pb.in.Requests {
		pb.in.Requests[i].Pinned = nil
	}
	return scheduler.Solve(ctx, pb.in, scheduler.Options{TimeLimit: s.TimeLimit, Seed: 1})
}

// schedule turns the scheduler's result into meetings, keeping the IDs of
// scheduled meetings that stay as they are, and explains the requests
// left out.
func (pb *problem) schedule(res *scheduler.Result) *Schedule {
	sc := &Schedule{Weight: res.Weight, Bound: res.Bound}
	same := map[[5]any]*symposium.Meeting{}
	for _, mt := range pb.live {
		same[[5]any{pairKey(mt.A, mt.B), mt.SlotID, mt.Table, mt.Interpreter}] = mt
	}
	placed := map[int]bool{}
	for _, r := range res.Meetings {
		placed[r.Request] = true
		p := pb.pairs[r.Request]
		sl := pb.m.Slots[r.Slot]
		mt := &symposium.Meeting{EventID: pb.m.EventID, RequestID: p.requestID, A: p.a, B: p.b, SlotID: sl.ID, Table: r.Table,
			Interpreter: r.Interpreter, Weight: r.Weight, Status: symposium.MeetingScheduled, StartsAt: sl.StartsAt, EndsAt: sl.EndsAt}
		if old := same[[5]any{pairKey(p.a, p.b), sl.ID, r.Table, r.Interpreter}]; old != nil {
			mt.ID, mt.Status, mt.RequestID = old.ID, old.Status, old.RequestID
			sc.Kept++
		} else {
			sc.Added++
		}
		sc.Meetings = append(sc.Meetings, mt)
	}
	for _, mt := range pb.live {
		if mt.Status == symposium.MeetingScheduled && !slices.ContainsFunc(sc.Meetings, func(n *symposium.Meeting) bool { return n.ID == mt.ID }) {
			sc.Removed++
		}
	}
	for i, p := range pb.pairs {
		if !placed[i] {
			sc.LeftOut = append(sc.LeftOut, LeftOut{A: p.a, B: p.b, RequestID: p.requestID, Weight: p.weight, Reason: pb.why(p)})
		}
	}
	slices.SortStableFunc(sc.LeftOut, func(x, y LeftOut) int { return y.Weight - x.Weight })
	return sc
}

// why explains a request left out: the two are never free together, or
// share no language and no interpreter speaks both of theirs, or the
// schedule had no room left for it.
func (pb *problem) why(p pair) string {
	common := false
	for _, s := range pb.free[p.a] {
		common = common || slices.Contains(pb.free[p.b], s)
	}
	if !common {
		return LeftNoCommonSlot
	}
	la, lb := pb.languages(p.a), pb.languages(p.b)
	if len(la) == 0 || len(lb) == 0 || slices.ContainsFunc(la, func(l string) bool { return slices.Contains(lb, l) }) {
		return LeftNoRoom
	}
	for _, it := range pb.m.Interpreters {
		if slices.ContainsFunc(la, func(l string) bool { return slices.Contains(it.Languages, l) }) &&
			slices.ContainsFunc(lb, func(l string) bool { return slices.Contains(it.Languages, l) }) {
			return LeftNoRoom
		}
	}
	return LeftNoLanguage
}

// languages returns the languages a party meets in: a person's, or the
// union of a delegation's members'.
func (pb *problem) languages(party string) []string {
	if pr := pb.profiles[party]; pr != nil {
		return pr.Languages
	}
	var out []string
	if d := pb.m.Delegation(party); d != nil {
		for _, id := range d.Members {
			if pr := pb.profiles[id]; pr != nil {
				out = append(out, pr.Languages...)
			}
		}
	}
	return out
}
