package web

import (
	"net/http"
	"strings"

	"symposium"
)

// contributionView is one programme entry with its room and speakers.
type contributionView struct {
	Contribution *symposium.Contribution
	Room         *symposium.Room
	Speakers     []*symposium.Person
	Orgs         map[string]*symposium.Organization
	Topics       []symposium.Topic
}

// showContribution is the page of one programme entry; with the suffix
// .ics, the entry as an iCalendar file.
func (h *Handler) showContribution(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.PathValue("id"), ".ics") {
		h.contributionICS(w, r)
		return
	}
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	v, err := h.loadContribution(r, ed.Event, r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, ed, "timetable", v)
	p.Title = p.Plain(v.Contribution.Title) + " · " + p.Plain(ed.Event.Title)
	h.render(w, r, http.StatusOK, "contribution", p)
}

// loadContribution gathers what the page of a contribution shows.
func (h *Handler) loadContribution(r *http.Request, e *symposium.Event, id string) (*contributionView, error) {
	ctx := r.Context()
	c, err := h.Store.Contribution(ctx, e.ID, id)
	if err != nil {
		return nil, err
	}
	v := &contributionView{Contribution: c}
	if c.RoomID != "" {
		rooms, err := h.Store.Rooms(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		for i := range rooms {
			if rooms[i].ID == c.RoomID {
				v.Room = &rooms[i]
			}
		}
	}
	people, err := h.Store.People(ctx, c.SpeakerIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range c.SpeakerIDs {
		if p := people[id]; p != nil {
			v.Speakers = append(v.Speakers, p)
		}
	}
	if v.Orgs, err = h.Store.Organizations(ctx, organizationIDs(v.Speakers)); err != nil {
		return nil, err
	}
	v.Topics = topics(c.Topics)
	return v, nil
}

// topics returns the topics with these codes.
func topics(codes []string) []symposium.Topic {
	var out []symposium.Topic
	for _, code := range codes {
		if t, ok := symposium.TopicByCode(code); ok {
			out = append(out, t)
		}
	}
	return out
}

// speakersView lists an event's speakers.
type speakersView struct {
	Speakers []*symposium.Person
	Orgs     map[string]*symposium.Organization
}

// showSpeakers is the page of an event's speakers.
func (h *Handler) showSpeakers(w http.ResponseWriter, r *http.Request) {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return
	}
	speakers, orgs, err := h.speakers(r, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "speakers", h.eventPage(r, ed, "speakers", speakersView{Speakers: speakers, Orgs: orgs}))
}
