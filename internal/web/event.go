package web

import (
	"net/http"
	"time"

	"symposium"
	"symposium/internal/events"
)

// eventData is what every page of an event shows besides its own content.
type eventData struct {
	Event  *symposium.Event
	Access symposium.Access
	// Zone names the event's zone for people, such as "Astana (UTC+5)".
	Zone string
	// Section names the tab of the event's navigation that is open.
	Section string
	// PageName is the name of the page shown, localized, such as
	// "Registrations"; empty on the event's own page.
	PageName string
}

// eventPage prepares a page of an event: times in the event's zone, texts
// falling back to its default language.
func (h *Handler) eventPage(r *http.Request, ed *eventData, section string, data any) *page {
	p := h.newPage(r, "", data)
	p.Fallback = ed.Event.DefaultLanguage
	p.Loc = ed.Event.Location()
	p.Title = p.Plain(ed.Event.Title)
	if key := pageNameKey(r.Pattern); key != "" {
		ed.PageName = p.L.T(key)
		p.Title = ed.PageName + " · " + p.Title
	}
	ed.Section = section
	ed.Zone = zoneLabel(p.L, p.Plain(ed.Event.Venue.City), p.Loc, ed.Event.StartsAt)
	p.Event = ed
	return p
}

// eventView is the event's front page.
type eventView struct {
	Organizers []organizerGroup
	Speakers   []*symposium.Person
	Orgs       map[string]*symposium.Organization
	Entries    int
	// Outside counts, for managers, the entries outside the event's days.
	Outside int
	// RegistrationOpen and CallOpen put "Register" and "Submit an
	// abstract" first on the page while people may do so.
	RegistrationOpen, CallOpen bool
}

// organizerGroup is the organizations playing one role.
type organizerGroup struct {
	Role string
	Orgs []symposium.EventOrganization
}

// showEvent is the event's page: summary, dates, venue, organizers and
// co-sponsors, speakers and languages.
func (h *Handler) showEvent(w http.ResponseWriter, r *http.Request) {
	sp, err := h.Programme.Speakers(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ed := &eventData{Event: sp.Event, Access: sp.Access}
	v := eventView{Organizers: groupOrganizers(ed.Event.Organizers), Speakers: sp.Speakers, Orgs: sp.Orgs, Outside: sp.Outside,
		RegistrationOpen: sp.RegistrationOpen, CallOpen: sp.CallOpen}
	h.render(w, r, http.StatusOK, "event", h.eventPage(r, ed, "about", v))
}

// groupOrganizers groups the event's organizations by role, in the order of
// symposium.OrganizationRoles.
func groupOrganizers(list []symposium.EventOrganization) []organizerGroup {
	var out []organizerGroup
	for _, role := range symposium.OrganizationRoles {
		g := organizerGroup{Role: role}
		for _, o := range list {
			if o.Role == role {
				g.Orgs = append(g.Orgs, o)
			}
		}
		if len(g.Orgs) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// eventsIndex is the front page: upcoming and past public events.
type eventsIndex struct {
	Upcoming, Past []*symposium.Event
}

func (h *Handler) loadHome(r *http.Request) (*eventsIndex, error) {
	viewer := symposium.UserFromContext(r.Context())
	now := time.Now()
	upcoming, _, err := h.Events.List(r.Context(), viewer, events.ListQuery{Upcoming: true, Now: now, Limit: 50})
	if err != nil {
		return nil, err
	}
	past, _, err := h.Events.List(r.Context(), viewer, events.ListQuery{Past: true, Now: now, Limit: 50})
	if err != nil {
		return nil, err
	}
	return &eventsIndex{Upcoming: upcoming, Past: past}, nil
}
