package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/live"
)

// GuestCookie is the cookie that carries a guest's device ID, so that a
// guest without an account counts as one person.
const GuestCookie = "symposium_guest"

// QuestionInput asks a live question.
type QuestionInput struct {
	Text      string `json:"text" maxLength:"20000" doc:"The question, at most 1000 characters."`
	Anonymous bool   `json:"anonymous,omitempty" doc:"Show the question to the audience without the asker's name."`
}

// ModerationInput is a moderator's action on a question.
type ModerationInput struct {
	Action string `json:"action" doc:"approve, hide, pin, unpin, answered or merge."`
	Into   string `json:"into,omitempty" doc:"For merge: the question the duplicate joins."`
}

// AnswerInput is a speaker's written answer.
type AnswerInput struct {
	Text string `json:"text" maxLength:"50000" doc:"The answer, at most 5000 characters."`
}

// PollInput creates a poll.
type PollInput struct {
	Question    symposium.LocalizedText   `json:"question"`
	Kind        string                    `json:"kind,omitempty" doc:"choice (the default) or words, a word cloud."`
	Options     []symposium.LocalizedText `json:"options,omitempty" maxItems:"100"`
	Multiple    bool                      `json:"multiple,omitempty" doc:"Let each person choose several options."`
	HideResults bool                      `json:"hide_results,omitempty" doc:"Show the audience the results only once the poll closes."`
	Open        bool                      `json:"open,omitempty" doc:"Open the poll at once; otherwise it waits as a draft."`
}

// PollAnswerInput answers a poll.
type PollAnswerInput struct {
	Options []int  `json:"options,omitempty" maxItems:"100" doc:"The indexes of the options chosen."`
	Text    string `json:"text,omitempty" maxLength:"1000" doc:"For a word cloud: the word or words given."`
}

// PollStatusInput opens or closes a poll.
type PollStatusInput struct {
	Status string `json:"status" doc:"open or closed."`
}

// VoteCount is a question's count of votes after a vote.
type VoteCount struct {
	Votes int  `json:"votes"`
	Voted bool `json:"voted"`
}

func (a *API) liveRoutes() {
	tag := "Live questions and polls"
	huma.Register(a.huma, created(op("ask-question", http.MethodPost, "/contributions/{id}/questions",
		"Ask a question while the contribution runs", tag)), a.askQuestion)
	huma.Register(a.huma, op("list-questions", http.MethodGet, "/contributions/{id}/questions",
		"The questions the caller may see: the audience sees visible ones only, moderators all", tag), a.listQuestions)
	huma.Register(a.huma, op("vote", http.MethodPut, "/questions/{id}/vote", "Vote for a question, once per person", tag), a.vote)
	huma.Register(a.huma, op("unvote", http.MethodDelete, "/questions/{id}/vote", "Withdraw one's vote", tag), a.unvote)
	huma.Register(a.huma, a.authed(op("moderate-question", http.MethodPost, "/questions/{id}/moderation",
		"Approve, hide, pin, unpin, mark answered or merge a question, for moderators", tag)), a.moderate)
	huma.Register(a.huma, a.authed(op("answer-question", http.MethodPut, "/questions/{id}/answer",
		"Write the answer to a question, for the contribution's speakers and moderators", tag)), a.answerQuestion)
	huma.Register(a.huma, a.authed(created(op("create-poll", http.MethodPost, "/contributions/{id}/polls", "Add a poll, for moderators", tag))), a.createPoll)
	huma.Register(a.huma, op("list-polls", http.MethodGet, "/contributions/{id}/polls", "The polls the caller may see", tag), a.listPolls)
	huma.Register(a.huma, a.authed(op("set-poll-status", http.MethodPost, "/polls/{id}/status", "Open or close a poll, for moderators", tag)), a.setPollStatus)
	huma.Register(a.huma, op("answer-poll", http.MethodPost, "/polls/{id}/answers", "Answer an open poll; a second answer replaces the first", tag), a.answerPoll)
	huma.Register(a.huma, a.authed(op("export-live", http.MethodGet, "/contributions/{id}/live/export",
		"Every question with its asker, votes, marks and answer, and every poll's results, for moderators and managers", tag)), a.exportLive)
	huma.Register(a.huma, a.authed(op("get-live-settings", http.MethodGet, "/events/{slug}/live-settings", "The event's rules for live questions", tag)), a.liveSettings)
	huma.Register(a.huma, a.authed(op("set-live-settings", http.MethodPut, "/events/{slug}/live-settings", "Change the event's rules for live questions", tag)), a.setLiveSettings)
	a.streamRoute(tag)
}

func (a *API) askQuestion(ctx context.Context, in *struct {
	ID    string `path:"id" maxLength:"64"`
	Guest string `cookie:"symposium_guest" maxLength:"64" hidden:"true"`
	Badge string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
	Body  QuestionInput
}) (*struct{ Body *symposium.LiveQuestion }, error) {
	q, err := a.Live.Ask(ctx, caller(ctx, in.Guest, in.Badge), in.ID, in.Body.Text, in.Body.Anonymous)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LiveQuestion }{Body: q}, nil
}

func (a *API) listQuestions(ctx context.Context, in *struct {
	ID       string `path:"id" maxLength:"64"`
	Guest    string `cookie:"symposium_guest" maxLength:"64" hidden:"true"`
	Badge    string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
	Sort     string `query:"sort" enum:"votes,time" doc:"votes: pinned first, then the most voted; time: newest first."`
	Language string `query:"language" enum:"en,zh,kk,ru" doc:"Only questions in this language."`
	Cursor   string `query:"cursor" pattern:"^[0-9]{0,6}$" doc:"The next of the previous page; absent for the first page of 50."`
}) (*struct{ Body List[symposium.LiveQuestion] }, error) {
	page, _ := strconv.Atoi(in.Cursor)
	list, err := a.Live.Questions(ctx, caller(ctx, in.Guest, in.Badge), in.ID, live.Query{Sort: in.Sort, Language: in.Language, Page: max(page, 1)})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := List[symposium.LiveQuestion]{Items: list.Items}
	if list.Page < list.Pages {
		out.Next = strconv.Itoa(list.Page + 1)
	}
	return &struct{ Body List[symposium.LiveQuestion] }{Body: out}, nil
}

// caller returns who acts on live questions through the API: the account
// or guest, and the badge a phone joined with (see live.BadgeCookie).
func caller(ctx context.Context, guest, badge string) live.Caller {
	c := live.CallerFrom(ctx, guest)
	c.Badge = badge
	return c
}

type voteInput struct {
	ID    string `path:"id" maxLength:"64"`
	Guest string `cookie:"symposium_guest" maxLength:"64" hidden:"true"`
	Badge string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
}

func (a *API) vote(ctx context.Context, in *voteInput) (*struct{ Body VoteCount }, error) {
	return a.castVote(ctx, in, true)
}

func (a *API) unvote(ctx context.Context, in *voteInput) (*struct{ Body VoteCount }, error) {
	return a.castVote(ctx, in, false)
}

// castVote gives or withdraws a vote and answers the count.
func (a *API) castVote(ctx context.Context, in *voteInput, on bool) (*struct{ Body VoteCount }, error) {
	q, err := a.Live.Vote(ctx, caller(ctx, in.Guest, in.Badge), in.ID, on)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body VoteCount }{Body: VoteCount{Votes: q.Votes, Voted: q.Voted}}, nil
}

func (a *API) moderate(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body ModerationInput
}) (*struct{ Body *symposium.LiveQuestion }, error) {
	q, err := a.Live.Moderate(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Action, in.Body.Into)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LiveQuestion }{Body: q}, nil
}

func (a *API) answerQuestion(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body AnswerInput
}) (*struct{ Body *symposium.LiveQuestion }, error) {
	q, err := a.Live.Answer(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Text)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LiveQuestion }{Body: q}, nil
}

func (a *API) createPoll(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body PollInput
}) (*struct{ Body *symposium.LivePoll }, error) {
	b := in.Body
	pl := &symposium.LivePoll{Question: b.Question, Kind: b.Kind, Options: b.Options, Multiple: b.Multiple, HideResults: b.HideResults}
	if err := a.Live.CreatePoll(ctx, symposium.UserFromContext(ctx), in.ID, pl, b.Open); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LivePoll }{Body: pl}, nil
}

func (a *API) listPolls(ctx context.Context, in *struct {
	ID    string `path:"id" maxLength:"64"`
	Guest string `cookie:"symposium_guest" maxLength:"64" hidden:"true"`
	Badge string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
}) (*struct{ Body List[symposium.LivePoll] }, error) {
	list, err := a.Live.Polls(ctx, caller(ctx, in.Guest, in.Badge), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.LivePoll] }{Body: List[symposium.LivePoll]{Items: list}}, nil
}

func (a *API) setPollStatus(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body PollStatusInput
}) (*struct{ Body *symposium.LivePoll }, error) {
	pl, err := a.Live.SetPollStatus(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.Status)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LivePoll }{Body: pl}, nil
}

func (a *API) answerPoll(ctx context.Context, in *struct {
	ID    string `path:"id" maxLength:"64"`
	Guest string `cookie:"symposium_guest" maxLength:"64" hidden:"true"`
	Badge string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
	Body  PollAnswerInput
}) (*struct{ Body *symposium.LivePoll }, error) {
	pl, err := a.Live.AnswerPoll(ctx, caller(ctx, in.Guest, in.Badge), in.ID, in.Body.Options, in.Body.Text)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.LivePoll }{Body: pl}, nil
}

func (a *API) exportLive(ctx context.Context, in *idPath) (*struct{ Body *live.Record }, error) {
	rec, err := a.Live.Export(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *live.Record }{Body: rec}, nil
}

func (a *API) liveSettings(ctx context.Context, in *slugPath) (*struct{ Body symposium.LiveSettings }, error) {
	_, _, ls, err := a.Live.Settings(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body symposium.LiveSettings }{Body: ls}, nil
}

func (a *API) setLiveSettings(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body symposium.LiveSettings
}) (*struct{ Body symposium.LiveSettings }, error) {
	if _, _, err := a.Live.SetSettings(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body); err != nil {
		return nil, a.fail(ctx, err)
	}
	_, _, ls, err := a.Live.Settings(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body symposium.LiveSettings }{Body: ls}, nil
}
