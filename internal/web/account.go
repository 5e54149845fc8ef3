package web

import (
	"net/http"
	"net/url"

	"symposium"
)

// accountNoticeKeys are the confirmations the account page shows, named by
// the ?notice= of the redirect that led there.
var accountNoticeKeys = map[string]string{
	"verify_sent": "notice.verify_sent", "verified": "notice.email_verified", "email_change_sent": "notice.email_change_sent",
}

// showAccount is the signed-in person's own page: their email, whether it
// is verified, and a way to change it.
func (h *Handler) showAccount(w http.ResponseWriter, r *http.Request) {
	if !h.requireUser(w, r) {
		return
	}
	h.renderAccount(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderAccount(w http.ResponseWriter, r *http.Request, status int, f *form) {
	p := h.newPage(r, "page.account.title", nil)
	if key, ok := accountNoticeKeys[r.URL.Query().Get("notice")]; ok && f.Summary == "" {
		p.Notice = p.L.T(key)
	}
	p.Form = f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "account", p)
}

// changeEmail mails a link to the new address the signed-in person gives;
// their email changes once it is opened.
func (h *Handler) changeEmail(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Accounts.ChangeEmail(r.Context(), u, f.Values["email"], r.PostForm.Get("password"), h.verifyMail); err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderAccount(w, r, status, f) })
		return
	}
	redirect(w, r, "/account?notice=email_change_sent")
}

// resendOwnVerification mails the signed-in person a new link for the
// address they have yet to verify.
func (h *Handler) resendOwnVerification(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	if err := h.Accounts.ResendOwnVerification(r.Context(), u, h.verifyMail); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/account?notice=verify_sent")
}

// verifyMail writes the message carrying a link that verifies an address,
// in the account's language.
func (h *Handler) verifyMail(u *symposium.User, to, token string) symposium.Mail {
	l := h.I18n.For(u.Language)
	link := h.BaseURL + "/verify?" + url.Values{"token": {token}, "lang": {u.Language}}.Encode()
	return symposium.Mail{To: to, ToName: u.Name, Subject: l.T("mail.verify.subject"),
		Text: l.T("mail.verify.body", "Name", u.Name, "Email", to, "Link", link)}
}
