package web

import (
	"net/http"
	"net/url"

	"symposium"
	"symposium/internal/registration"
)

// invitationView is the page an invitation's link opens.
type invitationView struct {
	Invitation *symposium.Invitation
	Category   string
	Token      string
}

// showInvitation shows an invitation to the person it was sent to, with
// ways to accept or decline; the link itself is what lets them see the
// event, restricted or not.
func (h *Handler) showInvitation(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	v, err := h.Registration.Invitation(r.Context(), token)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.renderInvitation(w, r, v, token, http.StatusOK, newForm())
}

func (h *Handler) renderInvitation(w http.ResponseWriter, r *http.Request, inv *registration.Invited, token string, status int, f *form) {
	e := inv.Event
	ed := &eventData{Event: e, Access: symposium.Access{User: symposium.UserFromContext(r.Context())}}
	p := h.eventPage(r, ed, "register", nil)
	v := invitationView{Invitation: inv.Invitation, Token: token}
	if inv.Category != nil {
		v.Category = p.Plain(inv.Category.Name)
	}
	if f.Values["name"] == "" {
		f.Values["name"] = inv.Invitation.Name.Get(p.L.Lang, e.DefaultLanguage)
	}
	p.Data, p.Form = v, f
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "invitation", p)
}

// answerInvitation accepts or declines an invitation.
func (h *Handler) answerInvitation(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	f, err := readForm(w, r, "action", "name", "name_latin", "organization", "country")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if f.Values["action"] == "decline" {
		if err := h.Registration.Decline(r.Context(), token); err != nil {
			h.Error(w, r, err)
			return
		}
		redirect(w, r, "/invitations/"+url.PathEscape(token))
		return
	}
	lang := symposium.LanguageFromContext(r.Context())
	reg := &symposium.Registration{Name: symposium.LocalizedText{}, Organization: f.Values["organization"], Country: f.Values["country"],
		Language: lang, Listed: r.PostForm.Get("listed") == "yes"}
	if f.Values["name"] != "" {
		reg.Name[lang] = f.Values["name"]
	}
	if f.Values["name_latin"] != "" && lang != "en" {
		reg.Name["en"] = f.Values["name_latin"]
	}
	manage, err := h.Registration.Accept(r.Context(), token, reg)
	if err != nil {
		h.formFailed(w, r, f, renamePrefix(err, "name."+lang, "name"), func(status int) {
			v, err := h.Registration.Invitation(r.Context(), token)
			if err != nil {
				h.Error(w, r, err)
				return
			}
			h.renderInvitation(w, r, v, token, status, f)
		})
		return
	}
	redirect(w, r, "/registrations/manage?"+url.Values{"token": {manage}}.Encode())
}

// invitationsView is the managers' page of invitations.
type invitationsView struct {
	Invitations []symposium.Invitation
	Categories  map[string]string
}

// showInvitations lists an event's invitations with a form to send more.
func (h *Handler) showInvitations(w http.ResponseWriter, r *http.Request) {
	h.renderInvitations(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderInvitations(w http.ResponseWriter, r *http.Request, status int, f *form) {
	list, err := h.Registration.Invitations(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.eventPage(r, &eventData{Event: list.Event, Access: list.Access}, "registrations", nil)
	v := invitationsView{Invitations: list.Invitations, Categories: map[string]string{}}
	for _, c := range list.Categories {
		v.Categories[c.ID] = p.Plain(c.Name)
	}
	p.Data, p.Form = v, f
	h.render(w, r, status, "invitations", p)
}

// sendInvitation invites someone, or revokes an invitation.
func (h *Handler) sendInvitation(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "email", "name", "category_id", "language", "revoke")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ctx, u, slug := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug")
	if id := f.Values["revoke"]; id != "" {
		err = h.Registration.RevokeInvitation(ctx, u, slug, id)
	} else {
		lang := f.Values["language"]
		inv := &symposium.Invitation{Email: f.Values["email"], CategoryID: f.Values["category_id"], Language: lang}
		if f.Values["name"] != "" {
			inv.Name = symposium.Text(lang, f.Values["name"])
		}
		err = h.Registration.Invite(ctx, u, slug, inv)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderInvitations(w, r, status, f) })
		return
	}
	redirect(w, r, "/events/"+slug+"/invitations")
}
