package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"symposium"
)

// backTo returns where a live form sends the browser once it succeeded:
// the page it came from (audience, presenter or moderation) of the
// contribution, keeping its order.
func backTo(r *http.Request, contributionID string) string {
	path := "/live/" + url.PathEscape(contributionID)
	switch r.PostForm.Get("back") {
	case "moderate":
		path += "/moderate"
	case "presenter":
		path += "/presenter"
	}
	q := url.Values{}
	if s := r.PostForm.Get("sort"); s == "time" || s == "votes" {
		q.Set("sort", s)
	}
	if n, err := strconv.Atoi(r.PostForm.Get("page")); err == nil && n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	return path
}

// liveFailed shows a live form's error: invalid input on the page the form
// came from, with each field's message; anything else as an error page.
func (h *Handler) liveFailed(w http.ResponseWriter, r *http.Request, f *form, err error) {
	id := r.PathValue("id")
	if id == "" {
		id = r.PostForm.Get("contribution")
	}
	if symposium.ErrorCode(err) != symposium.EINVALID || !symposium.IsID(id) {
		h.Error(w, r, err)
		return
	}
	status := f.fail(h.I18n.For(symposium.LanguageFromContext(r.Context())), err)
	name := "live"
	if r.PostForm.Get("back") == "moderate" {
		name = "live_moderate"
	}
	r.SetPathValue("id", id)
	h.liveOr(w, r, name, f, status)
}

// askQuestion takes a question from the audience's form.
func (h *Handler) askQuestion(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "text", "anonymous")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	q, err := h.Live.Ask(r.Context(), h.guestCaller(r), r.PathValue("id"), r.PostForm.Get("text"), f.Values["anonymous"] != "")
	if err != nil {
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, q.ContributionID))
}

// voteQuestion gives (vote=1) or withdraws the caller's vote.
func (h *Handler) voteQuestion(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "vote")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	q, err := h.Live.Vote(r.Context(), h.guestCaller(r), r.PathValue("qid"), f.Values["vote"] == "1")
	if err != nil {
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, q.ContributionID))
}

// moderateQuestion applies a moderator's action.
func (h *Handler) moderateQuestion(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "action", "into")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	q, err := h.Live.Moderate(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("qid"), f.Values["action"], f.Values["into"])
	if err != nil {
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, q.ContributionID))
}

// answerQuestion keeps a speaker's written answer.
func (h *Handler) answerQuestion(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "text")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	q, err := h.Live.Answer(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("qid"), r.PostForm.Get("text"))
	if err != nil {
		f.Values["answer."+r.PathValue("qid")] = r.PostForm.Get("text")
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, q.ContributionID))
}

// createPoll adds a poll from the moderators' form: the question in the
// reader's language and one option a line.
func (h *Handler) createPoll(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "question", "kind", "options", "multiple", "hide_results", "open")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	lang := symposium.LanguageFromContext(r.Context())
	pl := &symposium.LivePoll{Question: symposium.Text(lang, f.Values["question"]), Kind: f.Values["kind"],
		Multiple: f.Values["multiple"] != "", HideResults: f.Values["hide_results"] != ""}
	for _, line := range strings.Split(f.Values["options"], "\n") {
		if line = strings.TrimSpace(line); line != "" {
			pl.Options = append(pl.Options, symposium.Text(lang, line))
		}
	}
	if err := h.Live.CreatePoll(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("id"), pl, f.Values["open"] != ""); err != nil {
		f.collapse("options", "question")
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, pl.ContributionID))
}

// setPollStatus opens or closes a poll.
func (h *Handler) setPollStatus(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "status")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	pl, err := h.Live.SetPollStatus(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("pid"), f.Values["status"])
	if err != nil {
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, pl.ContributionID))
}

// answerPoll takes an answer to a poll: the options ticked, or a word.
func (h *Handler) answerPoll(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(w, r, "text")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var choices []int
	for _, s := range r.PostForm["option"] {
		n, err := strconv.Atoi(s)
		if err != nil {
			n = -1 // refused as invalid by the service
		}
		choices = append(choices, n)
	}
	pl, err := h.Live.AnswerPoll(r.Context(), h.guestCaller(r), r.PathValue("pid"), choices, f.Values["text"])
	if err != nil {
		f.collapse("options")
		h.liveFailed(w, r, f, err)
		return
	}
	redirect(w, r, backTo(r, pl.ContributionID))
}
