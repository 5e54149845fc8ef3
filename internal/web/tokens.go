package web

import (
	"net/http"
	"time"

	"symposium"
)

// tokensView is the page of the signed-in account's API tokens.
type tokensView struct {
	Tokens []symposium.APIToken
	Now    time.Time
	// New is the token just made, shown this once.
	New string
}

// tokenLifetimes are the lifetimes the form offers, by the value of its
// lifetime field; "" is until revoked.
var tokenLifetimes = map[string]time.Duration{
	"": 0, "30": 30 * 24 * time.Hour, "90": 90 * 24 * time.Hour, "365": 365 * 24 * time.Hour,
}

// showTokens lists the account's API tokens, with a form to make one.
func (h *Handler) showTokens(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderTokens(w, r, http.StatusOK, nil, "")
}

// createToken makes an API token and shows it, this once, above the list.
func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "name", "lifetime")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	d, ok := tokenLifetimes[f.Values["lifetime"]]
	if !ok {
		var p symposium.Problems
		p.Add("lifetime", "error.field.choice")
		err = p.Err()
	}
	var token string
	if err == nil {
		var until time.Time
		if d > 0 {
			until = time.Now().Add(d)
		}
		token, _, err = h.Accounts.IssueToken(r.Context(), u, f.Values["name"], until)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderTokens(w, r, status, f, "") })
		return
	}
	h.renderTokens(w, r, http.StatusOK, nil, token)
}

// revokeToken revokes one of the account's tokens.
func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	if err := h.Accounts.RevokeToken(r.Context(), u, r.PathValue("id")); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/account/tokens?notice=revoked")
}

// renderTokens writes the tokens page; a page showing a new token is
// never stored by the browser or a proxy.
func (h *Handler) renderTokens(w http.ResponseWriter, r *http.Request, status int, f *form, token string) {
	p := h.newPage(r, "page.tokens.title", nil)
	list, err := h.Accounts.Tokens(r.Context(), p.User)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p.Data, p.Form = tokensView{Tokens: list, Now: time.Now(), New: token}, f
	if r.URL.Query().Get("notice") == "revoked" {
		p.Notice = p.L.T("notice.token_revoked")
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "account_tokens", p)
}
