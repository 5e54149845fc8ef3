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
	// Answers are the audience's questions the speakers answered in
	// writing.
	Answers []symposium.LiveQuestion
	// Session and its Chairs, the entries before and after in the
	// timetable, and how many materials the reader may see.
	Session    *symposium.Session
	Chairs     []*symposium.Person
	Prev, Next *symposium.Contribution
	Materials  int
}

// showContribution is the page of one programme entry; with the suffix
// .ics, the entry as an iCalendar file.
func (h *Handler) showContribution(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.PathValue("id"), ".ics") {
		h.contributionICS(w, r)
		return
	}
	pg, err := h.Programme.Page(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := &contributionView{Contribution: pg.Contribution, Room: pg.Room, Speakers: pg.Speakers, Orgs: pg.Orgs, Topics: topics(pg.Contribution.Topics),
		Session: pg.Session, Chairs: pg.Chairs, Prev: pg.Prev, Next: pg.Next, Materials: pg.Materials}
	if v.Answers, err = h.Live.Answered(r.Context(), symposium.UserFromContext(r.Context()), pg.Contribution.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: pg.Event, Access: pg.Access}
	p := h.eventPage(r, ed, "timetable", v)
	p.Title = p.Plain(v.Contribution.Title) + " · " + p.Plain(ed.Event.Title)
	h.render(w, r, http.StatusOK, "contribution", p)
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
	sp, err := h.Programme.Speakers(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: sp.Event, Access: sp.Access}
	h.render(w, r, http.StatusOK, "speakers", h.eventPage(r, ed, "speakers", speakersView{Speakers: sp.Speakers, Orgs: sp.Orgs}))
}
