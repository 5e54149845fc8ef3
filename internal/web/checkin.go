package web

import (
	"crypto/ed25519"
	"encoding/base64"
	"net/http"
	"strings"

	"symposium"
	"symposium/internal/store"
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
}

// checkinResult says what a scan did.
type checkinResult struct {
	OK           bool
	Message      string
	Registration *symposium.Registration
}

// loadDesk loads the event for its managers and check-in staff; anyone
// else gets 404.
func (h *Handler) loadDesk(w http.ResponseWriter, r *http.Request) *eventData {
	ed := h.loadEvent(w, r)
	if ed == nil {
		return nil
	}
	if !ed.Access.CanManage() && !ed.Access.Has(symposium.RoleCheckin) {
		h.notFound(w, r)
		return nil
	}
	return ed
}

// showCheckin is the check-in desk. Scanners that type the ticket and
// press Enter work with the form alone; the page's script adds the camera,
// offline check-in and search as you type.
func (h *Handler) showCheckin(w http.ResponseWriter, r *http.Request) {
	ed := h.loadDesk(w, r)
	if ed == nil {
		return
	}
	h.renderCheckin(w, r, ed, nil)
}

// checkIn takes one scanned ticket from the form.
func (h *Handler) checkIn(w http.ResponseWriter, r *http.Request) {
	ed := h.loadDesk(w, r)
	if ed == nil {
		return
	}
	f, err := readForm(w, r, "ticket")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	l := h.I18n.For(symposium.LanguageFromContext(r.Context()))
	reg, err := h.Registration.CheckIn(r.Context(), ed.Event, f.Values["ticket"])
	res := &checkinResult{OK: err == nil, Registration: reg, Message: l.T("checkin.ok")}
	if e := symposium.AsError(err); e != nil {
		res.Message = l.TMap(e.Key, e.Args)
		if reason, ok := e.Detail["reason"].(string); ok {
			res.Message += " " + l.T(reason)
		}
		if e.Code == symposium.ENOTFOUND {
			res.Message = l.T("checkin.unknown")
		}
	} else if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderCheckin(w, r, ed, res)
}

func (h *Handler) renderCheckin(w http.ResponseWriter, r *http.Request, ed *eventData, res *checkinResult) {
	ctx := r.Context()
	key, err := h.Store.EventKey(ctx, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := checkinView{Result: res, Query: strings.TrimSpace(r.URL.Query().Get("q")), Names: map[string]string{},
		PublicKey: base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))}
	p := h.eventPage(r, ed, "checkin", nil)
	cats, err := h.Store.Categories(ctx, ed.Event.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	for _, c := range cats {
		v.Names[c.ID] = p.Plain(c.Name)
	}
	if v.Counts, err = h.Store.RegistrationCounts(ctx, ed.Event.ID); err != nil {
		h.Error(w, r, err)
		return
	}
	if v.Query != "" {
		if v.Found, err = h.Store.SearchRegistrations(ctx, store.RegistrationSearch{EventID: ed.Event.ID, Text: v.Query, Limit: 20}); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	p.Data = v
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "checkin", p)
}
