package web

import (
	"net/http"
	"net/url"

	"symposium"
)

// mayMerge reports whether the reader has a duplicates queue: curators,
// and managers for the people of their events. A failing store is logged
// and counts as no.
func (h *Handler) mayMerge(r *http.Request) bool {
	ok, err := h.People.MayMerge(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Log.ErrorContext(r.Context(), "web: may merge", "err", err)
		return false
	}
	return ok
}

// CanMerge reports whether the reader has a duplicates queue; the header
// links it for them. The store is asked once per page, and only when a
// template asks.
func (p *page) CanMerge() bool {
	return p.mayMerge != nil && p.mayMerge()
}

// signedInOrSignIn returns the signed-in reader; anonymous readers of a
// page are sent to sign in, and an anonymous form is answered 401.
func (h *Handler) signedInOrSignIn(w http.ResponseWriter, r *http.Request) *symposium.User {
	u := symposium.UserFromContext(r.Context())
	switch {
	case u == nil && r.Method == http.MethodGet:
		h.requireUser(w, r)
	case u == nil:
		h.Error(w, r, symposium.Unauthorized())
	}
	return u
}

// mergePeople merges one person into another from the duplicates queue,
// then shows the queue with a confirmation and a button to undo.
func (h *Handler) mergePeople(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "survivor", "merged")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	m, err := h.People.Merge(r.Context(), u, f.Values["survivor"], f.Values["merged"])
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderDuplicates(w, r, status, f) })
		return
	}
	redirect(w, r, "/people/duplicates?"+url.Values{"merge": {m.ID}, "person": {m.SurvivorID}}.Encode())
}

// undoMerge undoes a merge, then returns to the page the form was on.
func (h *Handler) undoMerge(w http.ResponseWriter, r *http.Request) {
	u := h.signedInOrSignIn(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "next")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	m, err := h.People.UndoMerge(r.Context(), u, r.PathValue("id"))
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
