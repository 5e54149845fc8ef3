package matchmaking

import (
	"cmp"
	"context"
	"slices"

	"symposium"
)

// Dashboard is how an event's matchmaking goes, for its organizers.
type Dashboard struct {
	Page *Page
	// Requests sent by participants and made by managers, and how they
	// stand.
	Sent, ByManagers, Pending, Accepted, Declined, Cancelled int
	// Meetings scheduled (still to come), held, missed and cancelled.
	Scheduled, Held, NoShows, MeetingsCancelled int
	Slots                                       []SlotUse
	MostRequested                               []Demand
	// Unmet are the accepted requests without a meeting.
	Unmet []Unmet
	// Meetings are the live meetings, for the export.
	Meetings []*symposium.Meeting
	Names    map[string]symposium.LocalizedText
}

// SlotUse is how many of a slot's tables hold meetings.
type SlotUse struct {
	Slot symposium.MeetingSlot
	Used int
}

// Demand is how often a party was asked for a meeting.
type Demand struct {
	ID       string
	Requests int
}

// Unmet is an accepted request that has no meeting.
type Unmet struct {
	Request *symposium.MeetingRequest
}

// Dashboard counts the event's requests and meetings, for its managers.
func (s *Service) Dashboard(ctx context.Context, u *symposium.User, slug string) (*Dashboard, error) {
	p, err := s.managed(ctx, u, slug, false)
	if err != nil {
		return nil, err
	}
	requests, err := s.store.MeetingRequests(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	meetings, err := s.store.Meetings(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	d := &Dashboard{Page: p}
	d.countRequests(requests)
	met := d.countMeetings(p.Matchmaking, meetings)
	var ids []string
	for _, r := range requests {
		ids = append(ids, r.FromID, r.ToID)
		if r.Counts() && !met[pairKey(r.FromID, r.ToID)] {
			d.Unmet = append(d.Unmet, Unmet{Request: r})
		}
	}
	people, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	d.Names = map[string]symposium.LocalizedText{}
	for _, id := range ids {
		d.Names[id] = partyName(p.Matchmaking, people, id)
	}
	return d, nil
}

// countRequests counts requests by status and who is asked most.
func (d *Dashboard) countRequests(requests []*symposium.MeetingRequest) {
	asked := map[string]int{}
	for _, r := range requests {
		if r.ByManager {
			d.ByManagers++
		} else {
			d.Sent++
			asked[r.ToID]++
		}
		switch r.Status {
		case symposium.RequestPending:
			d.Pending++
		case symposium.RequestAccepted:
			d.Accepted++
		case symposium.RequestDeclined:
			d.Declined++
		case symposium.RequestCancelled:
			d.Cancelled++
		}
	}
	for id, n := range asked {
		d.MostRequested = append(d.MostRequested, Demand{ID: id, Requests: n})
	}
	slices.SortFunc(d.MostRequested, func(a, b Demand) int {
		return cmp.Or(cmp.Compare(b.Requests, a.Requests), cmp.Compare(a.ID, b.ID))
	})
	d.MostRequested = d.MostRequested[:min(len(d.MostRequested), 10)]
}

// countMeetings counts meetings by status and tables used per slot, and
// returns the pairs that have a live meeting.
func (d *Dashboard) countMeetings(m *symposium.Matchmaking, meetings []*symposium.Meeting) map[[2]string]bool {
	used := map[string]int{}
	met := map[[2]string]bool{}
	for _, mt := range meetings {
		switch mt.Status {
		case symposium.MeetingScheduled:
			d.Scheduled++
		case symposium.MeetingHeld:
			d.Held++
		case symposium.MeetingNoShow:
			d.NoShows++
		case symposium.MeetingCancelled:
			d.MeetingsCancelled++
			continue
		}
		used[mt.SlotID]++
		d.Meetings = append(d.Meetings, mt)
		met[pairKey(mt.A, mt.B)] = true
	}
	for _, sl := range m.Slots {
		d.Slots = append(d.Slots, SlotUse{Slot: sl, Used: used[sl.ID]})
	}
	return met
}
