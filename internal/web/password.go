package web

import (
	"net/http"
	"net/url"

	"symposium"
)

func (h *Handler) forgotForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "forgot", h.newPage(r, "page.forgot.title", false))
}

// forgot mails a reset link when the email has an account, and says the
// same either way, so the page does not reveal who has an account.
func (h *Handler) forgot(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Accounts.RequestReset(r.Context(), f.Values["email"], h.resetMail); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.forgot.title", false)
			p.Form = f
			h.render(w, r, status, "forgot", p)
		})
		return
	}
	h.render(w, r, http.StatusOK, "forgot", h.newPage(r, "page.forgot.title", true))
}

// resetMail writes the password-reset message in the account's language.
func (h *Handler) resetMail(u *symposium.User, token string) symposium.Mail {
	l := h.I18n.For(u.Language)
	link := h.BaseURL + "/password/reset?" + url.Values{"token": {token}, "lang": {u.Language}}.Encode()
	return symposium.Mail{
		To:      u.Email,
		ToName:  u.Name,
		Subject: l.T("mail.reset.subject"),
		Text:    l.T("mail.reset.body", "Name", u.Name, "Link", link),
	}
}

func (h *Handler) resetForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "reset", h.newPage(r, "page.reset.title", r.URL.Query().Get("token")))
}

// reset sets the new password and sends the person to sign in with it.
func (h *Handler) reset(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "token")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, err := h.Accounts.ResetPassword(r.Context(), f.Values["token"], r.PostForm.Get("password")); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.reset.title", f.Values["token"])
			p.Form = f
			h.render(w, r, status, "reset", p)
		})
		return
	}
	h.clearSession(w)
	redirect(w, r, "/signin?reset=done")
}
