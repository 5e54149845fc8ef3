package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"symposium"
	"symposium/internal/qrcode"
)

// myView is the "My Symposium" page: the signed-in person's part in
// events to come, then in past events.
type myView struct {
	Upcoming, Past []myEvent
}

// myEvent is the person's part in one event, with its times in the
// event's time zone and the QR code of each ticket, by registration.
type myEvent struct {
	*symposium.MyEvent
	QR map[string]template.HTML
}

// Empty reports whether the person has nothing at the event to show.
func (e myEvent) Empty() bool {
	return len(e.Roles)+len(e.Registrations)+len(e.Abstracts)+len(e.Reviews)+len(e.Talks)+len(e.Chairing)+len(e.Meetings) == 0
}

// showMySymposium shows the signed-in person their registrations and
// tickets, abstracts, reviews to do, talks, sessions, roles and meetings
// across events, events to come first.
func (h *Handler) showMySymposium(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	m, err := h.Overview.MySymposium(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "page.my_symposium.title", nil)
	var v myView
	for _, e := range m.Events {
		me, err := newMyEvent(e, p.L.T("manage.qr_label"))
		if err != nil {
			h.Error(w, r, err)
			return
		}
		if e.Past {
			v.Past = append(v.Past, me)
		} else {
			v.Upcoming = append(v.Upcoming, me)
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	p.Data = v
	h.render(w, r, http.StatusOK, "my_symposium", p)
}

// newMyEvent puts the event's times in its time zone and draws the QR
// code of each ticket of an event to come, named by label.
func newMyEvent(e *symposium.MyEvent, label string) (myEvent, error) {
	loc, err := time.LoadLocation(e.Timezone)
	if err != nil {
		loc = time.UTC
	}
	e.StartsAt, e.EndsAt = e.StartsAt.In(loc), e.EndsAt.In(loc)
	for i := range e.Talks {
		e.Talks[i].StartsAt, e.Talks[i].EndsAt = inZone(e.Talks[i].StartsAt, loc), inZone(e.Talks[i].EndsAt, loc)
	}
	for i := range e.Chairing {
		e.Chairing[i].StartsAt, e.Chairing[i].EndsAt = inZone(e.Chairing[i].StartsAt, loc), inZone(e.Chairing[i].EndsAt, loc)
	}
	for i := range e.Meetings {
		e.Meetings[i].StartsAt, e.Meetings[i].EndsAt = e.Meetings[i].StartsAt.In(loc), e.Meetings[i].EndsAt.In(loc)
	}
	me := myEvent{MyEvent: e, QR: map[string]template.HTML{}}
	for _, reg := range e.Registrations {
		if reg.Ticket == "" || e.Past {
			continue
		}
		qr, err := ticketQR(reg.Ticket, label)
		if err != nil {
			return me, err
		}
		me.QR[reg.ID] = qr
	}
	return me, nil
}

// inZone returns the time in loc, or nil for none.
func inZone(t *time.Time, loc *time.Location) *time.Time {
	if t == nil {
		return nil
	}
	in := t.In(loc)
	return &in
}

// ticketQR draws a ticket as a QR code whose text alternative is label.
func ticketQR(ticket, label string) (template.HTML, error) {
	svg, err := qrcode.SVG(ticket)
	if err != nil {
		return "", fmt.Errorf("web: ticket QR code: %w", err)
	}
	return template.HTML(strings.Replace(svg, ` role="img"`, ` role="img" aria-label="`+template.HTMLEscapeString(label)+`"`, 1)), nil
}
