package symposium

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Statuses of an abstract.
const (
	AbstractSubmitted = "submitted"
	AbstractWithdrawn = "withdrawn"
	AbstractAccepted  = "accepted" // once the decision is released
	AbstractRejected  = "rejected" // once the decision is released
)

// Decisions on an abstract.
const (
	DecisionAccept = "accept"
	DecisionReject = "reject"
)

// Limits of an abstract.
const (
	MaxAuthors         = 30
	MaxAbstractRunes   = 30000
	MaxCommentRunes    = 10000
	maxChineseWordSize = 2 // characters of Chinese text counted as one word
)

// Abstract is a proposal submitted to an event's call for abstracts.
type Abstract struct {
	ID          string        `json:"id"`
	EventID     string        `json:"event_id"`
	TrackID     string        `json:"track_id"`
	Type        string        `json:"type" doc:"talk, poster or panel"`
	Language    string        `json:"language" doc:"The language the abstract is written in."`
	Title       LocalizedText `json:"title" doc:"The title in the abstract's language, and translations if any."`
	Content     LocalizedText `json:"content"`
	AuthorIDs   []string      `json:"author_ids,omitempty"`
	Authors     []Author      `json:"authors,omitempty"`
	PresenterID string        `json:"presenter_id,omitempty"`
	// Answers answer the call's submission questions, by question key.
	Answers     map[string]string `json:"answers,omitempty"`
	SubmitterID string            `json:"-"` // the account that submitted it
	Status      string            `json:"status"`
	// Decision is the committee's decision; it stays pending (Released
	// false) until the decisions are released.
	Decision       *Decision  `json:"decision,omitempty"`
	ContributionID string     `json:"contribution_id,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	WithdrawnAt    *time.Time `json:"withdrawn_at,omitempty"`
}

// Author is one author of an abstract, in their order.
type Author struct {
	PersonID     string        `json:"person_id"`
	Name         LocalizedText `json:"name"`
	Organization LocalizedText `json:"organization,omitempty"`
	Confirmed    bool          `json:"confirmed"`
}

// Decision is the committee's decision on an abstract.
type Decision struct {
	Outcome   string    `json:"decision" doc:"accept or reject"`
	As        string    `json:"as,omitempty" doc:"What an accepted abstract becomes: talk, poster or panel."`
	Released  bool      `json:"released"`
	DecidedAt time.Time `json:"decided_at"`
}

// Validate records problems with the abstract against its call.
func (a *Abstract) Validate(p *Problems, c *Call) {
	a.Title, a.Content = a.Title.Clean(), a.Content.Clean()
	if !IsLanguage(a.Language) {
		p.Add("language", "error.field.one_of", "Allowed", strings.Join(Languages, ", "))
	} else {
		if a.Title[a.Language] == "" {
			p.Add("title."+a.Language, "error.field.required")
		}
		if a.Content[a.Language] == "" {
			p.Add("content."+a.Language, "error.field.required")
		}
	}
	a.Title.Validate(p, "title", true, MaxTitleLength, false)
	a.Content.Validate(p, "content", true, MaxAbstractRunes, true)
	for l, text := range a.Content {
		if n := CountWords(text); n > c.WordLimit {
			p.Add("content."+l, "error.field.words", "Max", c.WordLimit, "Count", n)
		}
	}
	if c.Track(a.TrackID) == nil {
		p.Add("track_id", "error.field.unknown_reference")
	}
	a.Type = oneOf(p, "type", a.Type, c.Types[0], c.Types)
	ValidateAnswers(p, c.SubmissionQuestions, a.Answers)
	a.validateAuthors(p)
}

// validateAuthors checks the list of authors and the presenter.
func (a *Abstract) validateAuthors(p *Problems) {
	switch {
	case len(a.AuthorIDs) == 0:
		p.Add("author_ids", "error.field.required")
	case len(a.AuthorIDs) > MaxAuthors:
		p.Add("author_ids", "error.field.too_many", "Max", MaxAuthors)
	}
	for i, id := range a.AuthorIDs {
		switch {
		case !IsID(id):
			p.Add(fieldIndex("author_ids", i, ""), "error.field.unknown_reference")
		case slices.Contains(a.AuthorIDs[:i], id):
			p.Add(fieldIndex("author_ids", i, ""), "error.field.duplicate")
		}
	}
	if a.PresenterID == "" && len(a.AuthorIDs) > 0 {
		a.PresenterID = a.AuthorIDs[0]
	}
	if a.PresenterID != "" && !slices.Contains(a.AuthorIDs, a.PresenterID) {
		p.Add("presenter_id", "error.field.presenter")
	}
}

// CountWords counts the words of a text: runs of letters or digits, and in
// Chinese, written without spaces, every two characters.
func CountWords(text string) int {
	n, han, inWord := 0, 0, false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			if han%maxChineseWordSize == 0 {
				n++
			}
			han++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				n++
			}
			inWord, han = true, 0
		default:
			inWord, han = false, 0
		}
	}
	return n
}

// Review is one reviewer's review of an abstract. Ratings hold the answers
// to rating questions (a value on the scale) and yes/no questions (1 or 0),
// by question ID.
type Review struct {
	ID                 string         `json:"id"`
	AbstractID         string         `json:"abstract_id"`
	ReviewerID         string         `json:"reviewer_id,omitempty"`
	Ratings            map[string]int `json:"ratings"`
	CommentToAuthors   string         `json:"comment_to_authors,omitempty"`
	CommentToCommittee string         `json:"comment_to_committee,omitempty"`
	// Submitted is false for a draft.
	Submitted bool      `json:"submitted"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate records problems with a review against the call's questions. A
// draft may leave questions unanswered; a submitted review answers every
// rating and yes/no question.
func (r *Review) Validate(p *Problems, c *Call) {
	for id, v := range r.Ratings {
		q := c.Question(id)
		switch {
		case q == nil || q.Kind == ReviewComment:
			p.Add("ratings."+id, "error.field.unknown_question")
		case q.Kind == ReviewYesNo && v != 0 && v != 1:
			p.Add("ratings."+id, "error.field.between", "Min", 0, "Max", 1)
		case q.Kind == ReviewRating && (v < q.Min || v > q.Max):
			p.Add("ratings."+id, "error.field.between", "Min", q.Min, "Max", q.Max)
		}
	}
	if r.Submitted {
		for _, q := range c.Questions {
			if _, ok := r.Ratings[q.ID]; !ok && q.Kind != ReviewComment {
				p.Add("ratings."+q.ID, "error.field.required")
			}
		}
	}
	r.CommentToAuthors = strings.TrimSpace(r.CommentToAuthors)
	r.CommentToCommittee = strings.TrimSpace(r.CommentToCommittee)
	for field, s := range map[string]string{"comment_to_authors": r.CommentToAuthors, "comment_to_committee": r.CommentToCommittee} {
		if len([]rune(s)) > MaxCommentRunes {
			p.Add(field, "error.field.too_long", "Max", MaxCommentRunes)
		}
	}
}

// Score is a review's weighted mean rating, scaled to 0–1, and whether it
// has any rating at all.
func (r *Review) Score(c *Call) (float64, bool) { return c.Score(r.Ratings) }

// Score is the weighted mean of ratings, each scaled to 0–1 on its
// question's scale, and whether there is any rating at all.
func (c *Call) Score(ratings map[string]int) (float64, bool) {
	sum, weight := 0.0, 0.0
	for _, q := range c.Questions {
		v, ok := ratings[q.ID]
		if !ok || q.Kind != ReviewRating {
			continue
		}
		sum += q.Weight * float64(v-q.Min) / float64(q.Max-q.Min)
		weight += q.Weight
	}
	if weight == 0 {
		return 0, false
	}
	return sum / weight, true
}
