package web

import (
	"net/http"

	"symposium"
)

// siteTitle names the site in feeds.
const siteTitle = "Symposium"

// showNews lists the site's news, with the form to write a post for its
// editors.
func (h *Handler) showNews(w http.ResponseWriter, r *http.Request) {
	h.newsPage(w, r, http.StatusOK, nil)
}

func (h *Handler) newsPage(w http.ResponseWriter, r *http.Request, status int, f *form) {
	list, err := h.Outcomes.NewsPosts(r.Context(), symposium.UserFromContext(r.Context()))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "news.title", list)
	if f == nil {
		f = newForm()
	}
	p.Form = f
	h.render(w, r, status, "news", p)
}

// showNewsPost is one post, with the edit form for the site's editors.
func (h *Handler) showNewsPost(w http.ResponseWriter, r *http.Request) {
	n, err := h.Outcomes.NewsPost(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	p := h.newPage(r, "", n)
	p.Title = p.Plain(n.Title)
	p.Form = newForm()
	fillLocalized(p.Form, "title", n.Title)
	fillLocalized(p.Form, "body", n.Body)
	p.Form.Values["status"] = n.Status
	h.render(w, r, http.StatusOK, "news_post", p)
}

// saveNews writes a post (path without id) or changes one.
func (h *Handler) saveNews(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "status")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	title, body := localizedField(r, f, "title"), localizedField(r, f, "body")
	n, err := h.Outcomes.SaveNews(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"), func(n *symposium.NewsPost) {
		n.Title, n.Body, n.Status = title, body, f.Values["status"]
	})
	if err == nil {
		redirect(w, r, "/news/"+n.ID)
		return
	}
	if symposium.ErrorCode(err) != symposium.EINVALID {
		h.Error(w, r, err)
		return
	}
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	h.newsPage(w, r, status, f)
}

// newsAtom answers the Atom feed of the site's news and published
// reports, in the reader's language.
func (h *Handler) newsAtom(w http.ResponseWriter, r *http.Request) {
	data, err := h.Outcomes.NewsFeed(r.Context(), symposium.LanguageFromContext(r.Context()), siteTitle)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(data)
}
