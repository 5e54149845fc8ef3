package web

import (
	"net/http"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/matchmaking"
)

// profileView is the form of the caller's own profile.
type profileView struct {
	Topics    []topicGroup
	Languages []string
	Busy      []string
}

// topicGroup is an OECD area with its fields, for a grouped choice.
type topicGroup struct {
	Area   symposium.Topic
	Fields []symposium.Topic
}

// topicGroups returns the areas with their fields.
func topicGroups() []topicGroup {
	var out []topicGroup
	for _, a := range symposium.Areas() {
		out = append(out, topicGroup{Area: a, Fields: symposium.TopicsIn(a.Code)})
	}
	return out
}

// showMMProfile is the form where a participant keeps their profile.
func (h *Handler) showMMProfile(w http.ResponseWriter, r *http.Request) {
	mp, pr, err := h.Matchmaking.OwnProfile(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	if pr == nil {
		pr = &symposium.MatchmakingProfile{Languages: []string{symposium.LanguageFromContext(r.Context())}}
	}
	fillLocalized(f, "offers", pr.Offers)
	fillLocalized(f, "seeks", pr.Seeks)
	f.Values["languages_other"] = strings.Join(slices.DeleteFunc(slices.Clone(pr.Languages), symposium.IsLanguage), " ")
	h.renderProfile(w, r, mp, f, pr, http.StatusOK)
}

func (h *Handler) renderProfile(w http.ResponseWriter, r *http.Request, mp *matchmaking.Page, f *form, pr *symposium.MatchmakingProfile, status int) {
	p := h.mmPage(r, mp, "profile", profileView{Topics: topicGroups(), Languages: pr.Languages, Busy: pr.BusySlotIDs})
	f.Values["topics"] = strings.Join(pr.Topics, ",")
	p.Form = f
	h.render(w, r, status, "mm_profile", p)
}

// saveMMProfile stores the caller's profile.
func (h *Handler) saveMMProfile(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	mp, _, err := h.Matchmaking.OwnProfile(r.Context(), u, r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f, err := readForm(w, r, "languages_other")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	pr := &symposium.MatchmakingProfile{PersonID: mp.Self(), Offers: localizedField(r, f, "offers"), Seeks: localizedField(r, f, "seeks"),
		Topics: r.PostForm["topics"], Languages: append(r.PostForm["languages"], strings.Fields(f.Values["languages_other"])...),
		BusySlotIDs: r.PostForm["busy"]}
	if pr.PersonID == "" {
		err = symposium.Forbidden()
	} else {
		_, err = h.Matchmaking.SaveProfile(r.Context(), u, mp.Event.Slug, pr)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			f.collapse("topics", "languages", "busy_slot_ids")
			h.renderProfile(w, r, mp, f, pr, status)
		})
		return
	}
	redirect(w, r, "/events/"+mp.Event.Slug+"/matchmaking/recommendations")
}

// catalogueView is the catalogue with its filters.
type catalogueView struct {
	Cards  []*matchmaking.Card
	Topics []topicGroup
	Kinds  []string
	Filter matchmaking.Filter
}

// showCatalogue is the searchable catalogue of profiles.
func (h *Handler) showCatalogue(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := matchmaking.Filter{Q: q.Get("q"), Topic: q.Get("topic"), Country: strings.ToUpper(q.Get("country")), Kind: q.Get("kind"), Language: q.Get("language")}
	mp, cards, err := h.Matchmaking.Catalogue(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), f)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	v := catalogueView{Cards: cards, Topics: topicGroups(), Kinds: symposium.OrganizationKinds, Filter: f}
	h.render(w, r, http.StatusOK, "mm_catalogue", h.mmPage(r, mp, "people", v))
}

// mmPersonView is one profile with the form to ask for a meeting.
type mmPersonView struct {
	Card *matchmaking.Card
}

// showMMPerson is a participant's profile with the request form.
func (h *Handler) showMMPerson(w http.ResponseWriter, r *http.Request) {
	mp, c, err := h.Matchmaking.Profile(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, mp, "people", mmPersonView{Card: c})
	p.Form = newForm()
	p.Form.Values["priority"] = "2"
	h.render(w, r, http.StatusOK, "mm_person", p)
}

// showRecommendations is the caller's ranked recommendations, with reasons.
func (h *Handler) showRecommendations(w http.ResponseWriter, r *http.Request) {
	lang := symposium.LanguageFromContext(r.Context())
	mp, recs, err := h.Matchmaking.Recommendations(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"), r.URL.Query().Get("person_id"), lang)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.mmPage(r, mp, "recommendations", recs)
	p.Form = newForm()
	h.render(w, r, http.StatusOK, "mm_recommendations", p)
}
