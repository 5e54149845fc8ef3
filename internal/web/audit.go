package web

import (
	"bytes"
	"encoding/json"
	"net/http"

	"symposium"
	"symposium/internal/audit"
)

// auditView is a page of the audit log.
type auditView struct {
	Entries []auditEntry
	Next    string
}

// auditEntry is one entry with its states indented for reading.
type auditEntry struct {
	*symposium.AuditEntry
	BeforeText, AfterText string
}

// newAuditView prepares a page of the log for reading.
func newAuditView(p *audit.Page) auditView {
	v := auditView{Next: p.Next}
	for _, e := range p.Entries {
		v.Entries = append(v.Entries, auditEntry{AuditEntry: e, BeforeText: indented(e.Before), AfterText: indented(e.After)})
	}
	return v
}

// indented returns JSON indented, or "" for none.
func indented(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var b bytes.Buffer
	if json.Indent(&b, raw, "", "  ") != nil {
		return string(raw)
	}
	return b.String()
}

// showSiteAudit is the whole audit log, for administrators.
func (h *Handler) showSiteAudit(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	p, err := h.Audit.Site(r.Context(), u, 100, r.URL.Query().Get("cursor"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "audit", h.newPage(r, "page.audit.title", newAuditView(p)))
}

// showEventAudit is an event's audit log, for its managers.
func (h *Handler) showEventAudit(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	e, p, err := h.Audit.Event(r.Context(), u, r.PathValue("slug"), 100, r.URL.Query().Get("cursor"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	access := symposium.Access{User: u, Roles: []string{symposium.RoleManager}}
	h.render(w, r, http.StatusOK, "audit", h.eventPage(r, &eventData{Event: e, Access: access}, "roles", newAuditView(p)))
}
