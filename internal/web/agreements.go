package web

import (
	"net/http"
	"strings"
	"time"

	"symposium"
	"symposium/internal/outcomes"
)

// agreementsView is an event's cooperation with the directory to choose
// parties from.
type agreementsView struct {
	*outcomes.Cooperation
	Choices []*symposium.Organization
}

// showAgreements lists the event's agreements, with the form to record
// one for its managers.
func (h *Handler) showAgreements(w http.ResponseWriter, r *http.Request) {
	h.agreementsPage(w, r, http.StatusOK, nil)
}

func (h *Handler) agreementsPage(w http.ResponseWriter, r *http.Request, status int, f *form) {
	u := symposium.UserFromContext(r.Context())
	c, err := h.Outcomes.EventAgreements(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := &agreementsView{Cooperation: c}
	if c.Access.CanManage() {
		if v.Choices, err = h.People.Organizations(r.Context(), 500); err != nil {
			h.Error(w, r, err)
			return
		}
	}
	p := h.eventPage(r, &eventData{Event: c.Event, Access: c.Access}, "agreements", v)
	p.Title = p.L.T("agreements.title") + " · " + p.Plain(c.Event.Title)
	if f == nil {
		f = newForm()
	}
	p.Form = f
	h.render(w, r, status, "agreements", p)
}

// saveAgreement records an agreement (path without id) or changes one.
func (h *Handler) saveAgreement(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "kind", "status", "due", "owner_emails")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	title, description := localizedField(r, f, "title"), localizedField(r, f, "description")
	orgs := r.PostForm["organization_ids"]
	people := strings.Fields(strings.ReplaceAll(r.PostFormValue("person_ids"), ",", " "))
	f.Values["person_ids"] = r.PostFormValue("person_ids")
	id := r.PathValue("id")
	_, err = h.Outcomes.SaveAgreement(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), id, func(a *symposium.Agreement) []string {
		if id == "" || !title.IsEmpty() {
			a.Title, a.Description, a.OrganizationIDs, a.PersonIDs = title, description, orEmpty(orgs), orEmpty(people)
			a.Kind = f.Values["kind"]
		}
		a.Status, a.Due = f.Values["status"], f.Values["due"]
		if emails := strings.Fields(strings.ReplaceAll(f.Values["owner_emails"], ",", " ")); len(emails) > 0 {
			return emails
		}
		return nil
	})
	if err == nil {
		redirect(w, r, "/events/"+r.PathValue("slug")+"/agreements")
		return
	}
	if symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	f.collapse("organization_ids", "person_ids", "owner_emails")
	h.agreementsPage(w, r, status, f)
}

// orEmpty makes a nil list empty.
func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// showTracker is the cooperation across the reader's events.
func (h *Handler) showTracker(w http.ResponseWriter, r *http.Request) {
	t, err := h.Outcomes.Agreements(r.Context(), symposium.UserFromContext(r.Context()), time.Now())
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "tracker", h.newPage(r, "agreements.tracker", t))
}
