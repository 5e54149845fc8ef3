package web

import (
	"net/http"
	"net/url"

	"symposium"
)

// mayMerge reports whether the reader may see the duplicates queue and
// merge people: event managers and administrators. A failing store is
// logged and counts as no.
func (h *Handler) mayMerge(r *http.Request) bool {
	ok, err := h.Store.ManagesAnyEvent(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Log.ErrorContext(r.Context(), "web: may merge", "err", err)
		return false
	}
	return ok
}

// CanMerge reports whether the reader may merge people; the header links
// the duplicates queue for them. The store is asked once per page, and only
// when a template asks.
func (p *page) CanMerge() bool {
	return p.mayMerge != nil && p.mayMerge()
}

// requireMerger lets managers and administrators through. Anonymous
// readers are sent to sign in (answering a form with 401), and anyone else
// gets the 403 page.
func (h *Handler) requireMerger(w http.ResponseWriter, r *http.Request) *symposium.User {
	u := symposium.UserFromContext(r.Context())
	switch {
	case u == nil && r.Method == http.MethodGet:
		h.requireUser(w, r)
		return nil
	case u == nil:
		h.Error(w, r, symposium.Errorf(symposium.EUNAUTHORIZED, "error.unauthorized"))
		return nil
	case !h.mayMerge(r):
		h.Error(w, r, symposium.Errorf(symposium.EFORBIDDEN, "error.forbidden"))
		return nil
	}
	return u
}

// mergePeople merges one person into another from the duplicates queue,
// then shows the queue with a confirmation and a button to undo.
func (h *Handler) mergePeople(w http.ResponseWriter, r *http.Request) {
	u := h.requireMerger(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "survivor", "merged")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	m, err := h.Store.MergePeople(r.Context(), f.Values["survivor"], f.Values["merged"], u.ID)
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderDuplicates(w, r, status, f) })
		return
	}
	redirect(w, r, "/people/duplicates?"+url.Values{"merge": {m.ID}, "person": {m.SurvivorID}}.Encode())
}

// undoMerge undoes a merge, then returns to the page the form was on.
func (h *Handler) undoMerge(w http.ResponseWriter, r *http.Request) {
	if h.requireMerger(w, r) == nil {
		return
	}
	f, err := readForm(w, r, "next")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	m, err := h.Store.UndoMerge(r.Context(), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	next := "/people/" + m.SurvivorID
	if f.Values["next"] != "" {
		next = localPath(f.Values["next"])
	}
	redirect(w, r, withNotice(next, "undone"))
}

// withNotice adds the name of a notice to a local path's query.
func withNotice(path, notice string) string {
	u, err := url.Parse(path)
	if err != nil {
		return path
	}
	q := u.Query()
	q.Set("notice", notice)
	u.RawQuery = q.Encode()
	return u.String()
}

// noticeKeys are the confirmations a page shows after a redirect, by the
// value of its notice parameter.
var noticeKeys = map[string]string{
	"undone":    "merges.notice.undone",
	"merged":    "merges.notice.redirected",
	"dismissed": "duplicates.notice.dismissed",
}

// notice returns the confirmation a page was sent with, localized, or "".
func (p *page) notice(r *http.Request) string {
	if key, ok := noticeKeys[r.URL.Query().Get("notice")]; ok {
		return p.L.T(key)
	}
	return ""
}

// mergeView is one merge a person took part in, with both people.
type mergeView struct {
	*symposium.PersonMerge
	Survivor, Merged *symposium.Person
}

// personMerges returns the merges a person took part in, newest first,
// with both people of each.
func (h *Handler) personMerges(r *http.Request, personID string) ([]mergeView, error) {
	ms, err := h.Store.PersonMerges(r.Context(), personID)
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.SurvivorID, m.MergedID)
	}
	people, err := h.Store.People(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]mergeView, 0, len(ms))
	for _, m := range ms {
		if people[m.SurvivorID] != nil && people[m.MergedID] != nil {
			out = append(out, mergeView{PersonMerge: m, Survivor: people[m.SurvivorID], Merged: people[m.MergedID]})
		}
	}
	return out, nil
}
