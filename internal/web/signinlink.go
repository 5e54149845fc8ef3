package web

import (
	"net/http"
	"net/url"

	"symposium"
)

// signInEmailForm asks for the address to mail a sign-in link to.
func (h *Handler) signInEmailForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "signin_email", h.newPage(r, "page.signin_email.title", false))
}

// signInEmail mails a sign-in link when a verified account has the
// address, and says the same either way, so the page does not reveal who
// has an account.
func (h *Handler) signInEmail(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Accounts.RequestSignInLink(r.Context(), f.Values["email"], h.signInMail); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.signin_email.title", false)
			p.Form = f
			h.render(w, r, status, "signin_email", p)
		})
		return
	}
	h.render(w, r, http.StatusOK, "signin_email", h.newPage(r, "page.signin_email.title", true))
}

// signInLinkForm shows the page a sign-in link opens: a button that signs
// in, so that a mail scanner fetching the link uses nothing up.
func (h *Handler) signInLinkForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "signin_link", h.newPage(r, "page.signin_link.title", r.URL.Query().Get("token")))
}

// signInLink signs in with a mailed link and starts a new session.
func (h *Handler) signInLink(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "token")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	_, token, err := h.Accounts.SignInWithLink(r.Context(), f.Values["token"], sessionToken(r))
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.signin_link.title", "")
			p.Form = f
			h.render(w, r, status, "signin_link", p)
		})
		return
	}
	h.setSession(w, token)
	redirect(w, r, "/")
}

// signInMail writes the message carrying a sign-in link, in the account's
// language.
func (h *Handler) signInMail(u *symposium.User, to, token string) symposium.Mail {
	l := h.I18n.For(u.Language)
	link := h.BaseURL + "/signin/link?" + url.Values{"token": {token}, "lang": {u.Language}}.Encode()
	return symposium.Mail{To: to, ToName: u.Name, Subject: l.T("mail.signin_link.subject"),
		Text: l.T("mail.signin_link.body", "Name", u.Name, "Link", link)}
}
