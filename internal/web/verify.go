package web

import (
	"net/http"

	"symposium"
)

// verifyForm shows the page a verification link opens: a button that
// verifies. Opening the link alone changes nothing, so that a mail
// scanner fetching it verifies nobody.
func (h *Handler) verifyForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "verify", h.newPage(r, "page.verify.title", r.URL.Query().Get("token")))
}

// verify verifies the address the link was mailed to.
func (h *Handler) verify(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "token")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, err := h.Accounts.Verify(r.Context(), f.Values["token"]); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.verify.title", f.Values["token"])
			p.Form = f
			h.render(w, r, status, "verify", p)
		})
		return
	}
	if symposium.UserFromContext(r.Context()) != nil {
		redirect(w, r, "/account?notice=verified")
		return
	}
	redirect(w, r, "/signin?notice=verified")
}

// resendForm asks for the address to mail a new verification link to.
func (h *Handler) resendForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "verify_resend", h.newPage(r, "page.verify_resend.title", false))
}

// resend mails a new verification link when the address has an account
// waiting to be verified, and says the same either way, so the page does
// not reveal who has an account.
func (h *Handler) resend(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "email")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.Accounts.ResendVerification(r.Context(), f.Values["email"], h.verifyMail); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.verify_resend.title", false)
			p.Form = f
			h.render(w, r, status, "verify_resend", p)
		})
		return
	}
	h.render(w, r, http.StatusOK, "verify_resend", h.newPage(r, "page.verify_resend.title", true))
}
