package web

import (
	"net/http"

	"symposium"
)

// signInData is what the sign-in page shows besides the form.
type signInData struct {
	Next          string
	PasswordReset bool
	// Throttled says signing in with the password is refused for now, so
	// the page offers a link by mail instead.
	Throttled bool
}

func (h *Handler) signInForm(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := signInData{Next: localPath(q.Get("next")), PasswordReset: q.Get("reset") == "done"}
	p := h.newPage(r, "page.signin.title", data)
	if q.Get("notice") == "verified" {
		p.Notice = p.L.T("notice.email_verified")
	}
	h.render(w, r, http.StatusOK, "signin", p)
}

// signIn checks the email and password and starts a new session.
func (h *Handler) signIn(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "email", "password", "next")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	next := localPath(f.Values["next"])
	_, token, err := h.Accounts.SignIn(r.Context(), f.Values["email"], r.PostForm.Get("password"), h.clientAddr(r), sessionToken(r))
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			p := h.newPage(r, "page.signin.title", signInData{Next: next, Throttled: status == http.StatusTooManyRequests})
			p.Form = f
			h.render(w, r, status, "signin", p)
		})
		return
	}
	h.setSession(w, token)
	redirect(w, r, next)
}

// signOut ends the session.
func (h *Handler) signOut(w http.ResponseWriter, r *http.Request) {
	if err := h.Accounts.SignOut(r.Context(), sessionToken(r)); err != nil {
		h.Error(w, r, err)
		return
	}
	h.clearSession(w)
	redirect(w, r, "/")
}

func (h *Handler) signUpForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "signup", h.newPage(r, "page.signup.title", nil))
}

// signUp creates an account, mails the link that verifies its email, and
// signs it in. Until the link is opened the account is an account only:
// it counts as no person.
func (h *Handler) signUp(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "name", "email", "password")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	lang := symposium.LanguageFromContext(r.Context())
	u := &symposium.User{Email: f.Values["email"], Name: f.Values["name"], Language: lang}
	password := r.PostForm.Get("password")
	err = h.Accounts.SignUp(r.Context(), u, password, h.verifyMail)
	if err == nil {
		var token string
		_, token, err = h.Accounts.SignIn(r.Context(), u.Email, password, h.clientAddr(r), sessionToken(r))
		if err == nil {
			h.setSession(w, token)
			redirect(w, r, "/account?notice=verify_sent")
			return
		}
	}
	h.formFailed(w, r, f, err, func(status int) {
		p := h.newPage(r, "page.signup.title", nil)
		p.Form = f
		h.render(w, r, status, "signup", p)
	})
}
