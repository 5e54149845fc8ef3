package web

import (
	"encoding/base64"
	"net/http"

	"symposium"
	"symposium/internal/httperror"
	"symposium/internal/registration"
)

// checkinView is the check-in desk: the form that takes a scanned ticket,
// the outcome of the last scan, and a search by name.
type checkinView struct {
	PublicKey string // the event's ticket key, for verifying offline
	Result    *checkinResult
	Query     string
	Found     []symposium.Registration
	Names     map[string]string // category ID → name
	Counts    map[string]int
	// Arrived counts the registrants checked in, of Expected confirmed.
	Arrived, Expected int
	// Statuses names each registration status in the page's language,
	// for the results the page's script finds as one types.
	Statuses map[string]string
}

// checkinResult says what a scan did.
type checkinResult struct {
	OK           bool
	Message      string
	Registration *symposium.Registration
}

// showCheckin is the check-in desk, for the event's check-in staff and
// managers. Scanners that type the ticket and press Enter work with the
// form alone; the page's script adds the camera, offline check-in and
// search as you type.
func (h *Handler) showCheckin(w http.ResponseWriter, r *http.Request) {
	d, err := h.Registration.Desk(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("q"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderCheckin(w, r, d)
}

// checkIn takes one scanned ticket from the form, or the registration
// chosen among those a search by name found.
func (h *Handler) checkIn(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "ticket", "registration")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug, q := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("q")
	var d *registration.Desk
	if id := f.Values["registration"]; id != "" {
		d, err = h.Registration.CheckInFoundAtDesk(ctx, u, slug, id, q)
	} else {
		d, err = h.Registration.CheckInAtDesk(ctx, u, slug, f.Values["ticket"], q)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderCheckin(w, r, d)
}

// scanResult says in words what a scan did.
func (h *Handler) scanResult(r *http.Request, sc *registration.Scanned) *checkinResult {
	if sc == nil {
		return nil
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	res := &checkinResult{OK: sc.Refused == nil, Registration: sc.Registration, Message: l.T("checkin.ok")}
	if e := symposium.AsError(sc.Refused); e != nil {
		res.Message = l.TMap(e.Key, e.Args)
		if reason, ok := e.Detail["reason"].(string); ok {
			res.Message += " " + l.T(reason)
		}
		if e.Code == symposium.ENOTFOUND {
			res.Message = l.T("checkin.unknown")
		}
	}
	return res
}

func (h *Handler) renderCheckin(w http.ResponseWriter, r *http.Request, d *registration.Desk) {
	v := checkinView{Result: h.scanResult(r, d.Scanned), Query: d.Query, Names: map[string]string{}, Counts: d.Counts, Found: d.Found,
		PublicKey: base64.StdEncoding.EncodeToString(d.PublicKey), Arrived: d.Arrived, Expected: d.Expected, Statuses: map[string]string{}}
	p := h.eventPage(r, &eventData{Event: d.Event, Access: d.Access}, "checkin", nil)
	for status := range registrationStatusKeys {
		v.Statuses[status] = p.L.T(label("registration_status", status))
	}
	for _, c := range d.Categories {
		v.Names[c.ID] = p.Plain(c.Name)
	}
	p.Data = v
	w.Header().Set("Cache-Control", "no-store")
	status := http.StatusOK // a refused scan answers as the API does, with the page that says why
	if d.Scanned != nil && d.Scanned.Refused != nil {
		status = httperror.Status(d.Scanned.Refused)
	}
	h.render(w, r, status, "checkin", p)
}
