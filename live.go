package symposium

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// How an event's live questions reach the audience: post-moderated
// questions show at once and moderators hide what must go; pre-moderated
// ones wait until a moderator approves them.
const (
	ModerationPost = "post"
	ModerationPre  = "pre"
)

// Statuses of a live question. Only visible questions reach the audience.
const (
	LiveVisible = "visible"
	LivePending = "pending"
	LiveHidden  = "hidden"
	LiveMerged  = "merged"
)

// Moderation actions on a live question.
const (
	ModApprove  = "approve"
	ModHide     = "hide"
	ModPin      = "pin"
	ModUnpin    = "unpin"
	ModAnswered = "answered"
	ModMerge    = "merge"
)

// ModerationActions lists the moderation actions.
var ModerationActions = []string{ModApprove, ModHide, ModPin, ModUnpin, ModAnswered, ModMerge}

// Kinds and statuses of a live poll.
const (
	PollChoice = "choice"
	PollWords  = "words"

	PollDraft  = "draft"
	PollOpen   = "open"
	PollClosed = "closed"
)

// Audit actions of live questions and polls.
const (
	AuditLiveSettings   = "live_settings"
	AuditLiveModeration = "live_moderation"
	AuditLivePoll       = "live_poll"
)

// Limits on live input.
const (
	MaxLiveQuestionLength = 1000
	MaxLiveAnswerLength   = 5000
	MaxPollOptions        = 12
	MaxPollWordLength     = 40
	DefaultLiveWindow     = 30 // minutes before and after a contribution
	MaxLiveWindow         = 24 * 60
)

// LiveSettings are an event's rules for live questions.
type LiveSettings struct {
	// Moderation is "post" (questions show at once) or "pre" (they wait
	// for a moderator).
	Moderation string `json:"moderation" enum:"post,pre"`
	// Guests lets people without an account ask and vote, each browser
	// counted as one person.
	Guests bool `json:"guests"`
	// WindowMinutes is how long before a contribution starts and after it
	// ends questions are taken.
	WindowMinutes int `json:"window_minutes" minimum:"0" maximum:"1440"`
}

// DefaultLiveSettings are the rules of an event that set none.
func DefaultLiveSettings() LiveSettings {
	return LiveSettings{Moderation: ModerationPost, WindowMinutes: DefaultLiveWindow}
}

// Validate records problems with the settings.
func (s *LiveSettings) Validate(p *Problems) {
	s.Moderation = oneOf(p, "moderation", s.Moderation, ModerationPost, []string{ModerationPost, ModerationPre})
	if s.WindowMinutes < 0 || s.WindowMinutes > MaxLiveWindow {
		p.Add("window_minutes", "error.field.between", "Min", 0, "Max", MaxLiveWindow)
	}
}

// LiveOpen reports whether a contribution takes questions at now: it is
// scheduled, and now lies within its time widened by the window.
func LiveOpen(c *Contribution, s LiveSettings, now time.Time) bool {
	if c.StartsAt == nil {
		return false
	}
	w := time.Duration(s.WindowMinutes) * time.Minute
	return !now.Before(c.StartsAt.Add(-w)) && !now.After(c.EndsAt().Add(w))
}

// LiveQuestion is a question the audience asks a contribution's speakers.
type LiveQuestion struct {
	ID             string `json:"id"`
	ContributionID string `json:"contribution_id"`
	Text           string `json:"text"`
	// Language is the language the text is written in, as detected.
	Language string `json:"language"`
	Status   string `json:"status" enum:"visible,pending,hidden,merged"`
	Votes    int    `json:"votes"`
	Pinned   bool   `json:"pinned"`
	Answered bool   `json:"answered"`
	// Anonymous questions show no asker to the audience.
	Anonymous bool `json:"anonymous"`
	// AuthorName and AuthorLatin are the asker's name in their own script
	// and in Latin letters; empty for anonymous questions, except to
	// moderators.
	AuthorName  string `json:"author_name,omitempty"`
	AuthorLatin string `json:"author_latin,omitempty"`
	// Asker identifies who asked: "u:" and an account ID, or "g:" and a
	// guest's device ID. Only moderators see it.
	Asker      string `json:"asker,omitempty"`
	MergedInto string `json:"merged_into,omitempty"`
	// Answer is the speaker's written answer, given afterwards.
	Answer    string    `json:"answer,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Voted says whether the caller voted for the question.
	Voted bool `json:"voted"`
}

// ForAudience returns what the audience may see of q: no asker, and no
// name on an anonymous question.
func (q LiveQuestion) ForAudience() LiveQuestion {
	q.Asker = ""
	if q.Anonymous {
		q.AuthorName, q.AuthorLatin = "", ""
	}
	return q
}

// ValidateLiveText checks a question or answer of at most max characters:
// present, not too long, without control characters other than line
// breaks and tabs. It returns the text trimmed.
func ValidateLiveText(p *Problems, field, text string, max int) string {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		p.Add(field, "error.field.required")
	case utf8.RuneCountInString(text) > max:
		p.Add(field, "error.field.too_long", "Max", max)
	case hasControl(text, true):
		p.Add(field, "error.field.control_chars")
	}
	return text
}

// DetectLanguage guesses the language of a short text from its script:
// Han characters say Chinese, the letters only Kazakh adds to Cyrillic say
// Kazakh, other Cyrillic says Russian, and Latin says English. A text
// without letters is English.
func DetectLanguage(text string) string {
	var han, cyr, lat int
	kazakh := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			if strings.ContainsRune("әғқңөұүһіӘҒҚҢӨҰҮҺІ", r) {
				kazakh = true
			}
		case unicode.Is(unicode.Latin, r):
			lat++
		}
	}
	switch {
	case han > 0 && han >= cyr && han*2 >= lat:
		return "zh"
	case cyr > 0 && cyr >= lat && kazakh:
		return "kk"
	case cyr > 0 && cyr >= lat:
		return "ru"
	}
	return "en"
}

// LivePoll is a poll a moderator puts to a contribution's audience: a
// single or multiple choice among options, or a word cloud.
type LivePoll struct {
	ID             string          `json:"id"`
	ContributionID string          `json:"contribution_id"`
	Question       LocalizedText   `json:"question"`
	Kind           string          `json:"kind" enum:"choice,words"`
	Multiple       bool            `json:"multiple"`
	Options        []LocalizedText `json:"options"`
	Status         string          `json:"status" enum:"draft,open,closed"`
	// HideResults keeps the results from the audience until the poll
	// closes.
	HideResults bool      `json:"hide_results"`
	CreatedAt   time.Time `json:"created_at"`
	// Results are the counts per option, or per word of a word cloud,
	// most first; absent while hidden from the caller.
	Results *PollResults `json:"results,omitempty"`
	// Answered says whether the caller answered.
	Answered bool `json:"answered"`
}

// PollResults are a poll's answers counted.
type PollResults struct {
	Voters int         `json:"voters"`
	Counts []int       `json:"counts,omitempty"`
	Words  []WordCount `json:"words,omitempty"`
}

// WordCount is how often one word was given to a word cloud.
type WordCount struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// Validate records problems with a new poll and fills its defaults.
func (pl *LivePoll) Validate(p *Problems) {
	pl.Question = pl.Question.Clean()
	pl.Question.Validate(p, "question", true, MaxTitleLength, false)
	pl.Kind = oneOf(p, "kind", pl.Kind, PollChoice, []string{PollChoice, PollWords})
	if pl.Kind == PollWords {
		pl.Options, pl.Multiple = nil, false
	}
	if pl.Kind == PollChoice && (len(pl.Options) < 2 || len(pl.Options) > MaxPollOptions) {
		p.Add("options", "error.field.between", "Min", 2, "Max", MaxPollOptions)
	}
	for i := range pl.Options {
		pl.Options[i] = pl.Options[i].Clean()
		pl.Options[i].Validate(p, fieldIndex("options", i, ""), true, MaxTitleLength, false)
	}
	if pl.Options == nil {
		pl.Options = []LocalizedText{}
	}
}

// ValidateChoices checks the options chosen in an answer to a choice
// poll: at least one, each an option's index, one only unless the poll
// takes several, none twice.
func (pl *LivePoll) ValidateChoices(p *Problems, chosen []int) {
	seen := map[int]bool{}
	switch {
	case len(chosen) == 0:
		p.Add("options", "error.field.required")
	case len(chosen) > 1 && !pl.Multiple:
		p.Add("options", "error.field.too_many", "Max", 1)
	}
	for i, c := range chosen {
		if c < 0 || c >= len(pl.Options) || seen[c] {
			p.Add(fieldIndex("options", i, ""), "error.field.invalid")
		}
		seen[c] = true
	}
}

// CleanWord returns the word given to a word cloud as it is counted:
// trimmed, lower case, inner spaces collapsed.
func CleanWord(p *Problems, word string) string {
	word = strings.ToLower(strings.Join(strings.Fields(word), " "))
	switch {
	case word == "":
		p.Add("text", "error.field.required")
	case utf8.RuneCountInString(word) > MaxPollWordLength:
		p.Add("text", "error.field.too_long", "Max", MaxPollWordLength)
	case hasControl(word, false):
		p.Add("text", "error.field.control_chars")
	}
	return word
}

// Kinds of the events of a contribution's live stream.
const (
	LiveEventQuestion   = "question"
	LiveEventVote       = "vote"
	LiveEventModeration = "moderation"
	LiveEventPoll       = "poll"
)

// LiveRemoved tells the audience that a question they saw left their
// list, hidden or merged into another, without saying more.
type LiveRemoved struct {
	ID         string `json:"id"`
	Status     string `json:"status"`
	MergedInto string `json:"merged_into,omitempty"`
}

// LiveVoteCount is a question's new count of votes.
type LiveVoteCount struct {
	ID    string `json:"id"`
	Votes int    `json:"votes"`
}

// AudienceView returns what the audience learns when question q changes:
// the question as they may see it while it is visible, a notice that it
// left their list when it was visible before (wasVisible), and otherwise
// nothing (nil).
func (q LiveQuestion) AudienceView(wasVisible bool) any {
	switch {
	case q.Status == LiveVisible:
		return q.ForAudience()
	case wasVisible:
		return LiveRemoved{ID: q.ID, Status: q.Status, MergedInto: q.MergedInto}
	}
	return nil
}

// Moderate applies a moderation action other than merging to q: approve
// shows it, hide hides it, pin and unpin put it on top of the list or take
// it off, answered marks it answered (and unpins it). A merged question
// takes no action, and only a visible one is pinned (ECONFLICT).
func (q *LiveQuestion) Moderate(action string) error {
	if q.Status == LiveMerged {
		return Errorf(ECONFLICT, "error.live.merged")
	}
	switch action {
	case ModApprove:
		q.Status = LiveVisible
	case ModHide:
		q.Status, q.Pinned = LiveHidden, false
	case ModPin:
		if q.Status != LiveVisible {
			return Errorf(ECONFLICT, "error.live.not_visible")
		}
		q.Pinned = true
	case ModUnpin:
		q.Pinned = false
	case ModAnswered:
		q.Answered, q.Pinned = true, false
	default:
		var p Problems
		p.Add("action", "error.field.one_of", "Allowed", strings.Join(ModerationActions, ", "))
		return p.Err()
	}
	return nil
}

// ForAudience returns what the audience may see of a poll: no results
// while they are hidden until the poll closes.
func (pl LivePoll) ForAudience() LivePoll {
	if pl.HideResults && pl.Status != PollClosed {
		pl.Results = nil
	}
	return pl
}

// SetStatus moves a poll on: a draft opens, an open poll closes, a closed
// one may open again. Anything else is a conflict; an unknown status is
// invalid.
func (pl *LivePoll) SetStatus(status string) error {
	switch {
	case status != PollOpen && status != PollClosed:
		var p Problems
		p.Add("status", "error.field.one_of", "Allowed", PollOpen+", "+PollClosed)
		return p.Err()
	case status == pl.Status:
		return Errorf(ECONFLICT, "error.live.poll_status")
	case status == PollClosed && pl.Status == PollDraft:
		return Errorf(ECONFLICT, "error.live.poll_status")
	}
	pl.Status = status
	return nil
}

// SortLiveQuestions orders questions: by "votes", pinned first, then the
// most voted, then the newest; otherwise newest first, pinned first.
func SortLiveQuestions(list []LiveQuestion, by string) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Pinned != b.Pinned {
			return a.Pinned
		}
		if by == "votes" && a.Votes != b.Votes {
			return a.Votes > b.Votes
		}
		return a.CreatedAt.After(b.CreatedAt)
	})
}

// LiveBadge is a checked-in participant who joined the live questions of
// their event by scanning their own badge on a phone. However many phones
// scan one badge, it is one person: one vote per question, even where the
// questions it asks show as anonymous.
type LiveBadge struct {
	RegistrationID string
	// Name is the registrant's name in their own script.
	Name string
}

// Voter names the badge as one voter of the live questions.
func (b *LiveBadge) Voter() string { return "b:" + b.RegistrationID }

// BadgeJoinsLive reports whether a registration's badge may join the
// event's live questions: it is confirmed and was checked in at the venue.
func BadgeJoinsLive(r *Registration) bool {
	return r.Status == RegConfirmed && r.CheckedInAt != nil
}
