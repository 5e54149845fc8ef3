package symposium

import (
	"time"
)

// Kinds of review question.
const (
	ReviewRating  = "rating" // a score on a scale from Min to Max, weighted
	ReviewYesNo   = "yesno"
	ReviewComment = "text" // a comment
)

// ReviewQuestionKinds lists the kinds of review question.
var ReviewQuestionKinds = []string{ReviewRating, ReviewYesNo, ReviewComment}

// SubmissionTypes lists what an abstract may be submitted as.
var SubmissionTypes = []string{ContributionTalk, ContributionPoster, ContributionPanel}

// Limits of a call for abstracts.
const (
	MaxTracks          = 50
	MaxReviewQuestions = 30
	MaxRatingScale     = 100
	DefaultWordLimit   = 500
	MaxWordLimit       = 5000
)

// Call is an event's call for abstracts and the setup of their review.
// Times are absolute; pages show them in the event's zone.
type Call struct {
	EventID  string        `json:"event_id"`
	OpensAt  time.Time     `json:"opens_at"`
	ClosesAt time.Time     `json:"closes_at"`
	Text     LocalizedText `json:"text,omitempty" doc:"The call itself, shown on the submission page."`
	Types    []string      `json:"types,omitempty" doc:"What abstracts may be submitted as: talk, poster, panel."`
	// WordLimit bounds the words of an abstract's text in each language.
	WordLimit int `json:"word_limit,omitempty"`
	// Blind hides authors and their organizations from reviewers.
	Blind bool `json:"blind"`
	// ReviewsVisible lets a reviewer see the other reviews of an abstract
	// once they submitted their own.
	ReviewsVisible bool `json:"reviews_visible"`
	// ReviewOpensAt and ReviewClosesAt bound the review phase; zero means
	// reviews are taken from the close of submissions on, without end.
	ReviewOpensAt  *time.Time       `json:"review_opens_at,omitempty"`
	ReviewClosesAt *time.Time       `json:"review_closes_at,omitempty"`
	Tracks         []Track          `json:"tracks"`
	Questions      []ReviewQuestion `json:"questions"`
	// SubmissionQuestions are the organizer's questions to submitters,
	// answered with each abstract.
	SubmissionQuestions []Question `json:"submission_questions,omitempty"`
}

// Track is a thematic part of a call, with its own reviewers.
type Track struct {
	ID       string        `json:"id,omitempty"`
	Name     LocalizedText `json:"name"`
	Position int           `json:"position" required:"false" readOnly:"true"`
}

// ReviewQuestion is one question of the review form.
type ReviewQuestion struct {
	ID       string        `json:"id,omitempty"`
	Text     LocalizedText `json:"text"`
	Kind     string        `json:"kind"`
	Min      int           `json:"min,omitempty"`
	Max      int           `json:"max,omitempty"`
	Weight   float64       `json:"weight,omitempty"`
	Position int           `json:"position" required:"false" readOnly:"true"`
}

// IsOpen reports whether the call takes submissions at t.
func (c *Call) IsOpen(t time.Time) bool {
	return !t.Before(c.OpensAt) && t.Before(c.ClosesAt)
}

// Track returns the call's track with the ID, or nil.
func (c *Call) Track(id string) *Track {
	for i := range c.Tracks {
		if c.Tracks[i].ID == id {
			return &c.Tracks[i]
		}
	}
	return nil
}

// Question returns the call's review question with the ID, or nil.
func (c *Call) Question(id string) *ReviewQuestion {
	for i := range c.Questions {
		if c.Questions[i].ID == id {
			return &c.Questions[i]
		}
	}
	return nil
}

// Validate records problems with the call and fills in defaults.
func (c *Call) Validate(p *Problems) {
	if c.OpensAt.IsZero() {
		p.Add("opens_at", "error.field.required")
	}
	if c.ClosesAt.IsZero() {
		p.Add("closes_at", "error.field.required")
	} else if !c.ClosesAt.After(c.OpensAt) {
		p.Add("closes_at", "error.field.ends_before_start")
	}
	if c.ReviewOpensAt != nil && c.ReviewClosesAt != nil && !c.ReviewClosesAt.After(*c.ReviewOpensAt) {
		p.Add("review_closes_at", "error.field.ends_before_start")
	}
	c.Text = c.Text.Clean()
	c.Text.Validate(p, "text", false, MaxSummaryLength, true)
	if len(c.Types) == 0 {
		c.Types = []string{ContributionTalk, ContributionPoster}
	}
	for i, t := range c.Types {
		oneOf(p, fieldIndex("types", i, ""), t, "", SubmissionTypes)
	}
	switch {
	case c.WordLimit == 0:
		c.WordLimit = DefaultWordLimit
	case c.WordLimit < 0 || c.WordLimit > MaxWordLimit:
		p.Add("word_limit", "error.field.between", "Min", 1, "Max", MaxWordLimit)
	}
	c.validateTracks(p)
	c.validateQuestions(p)
	var sq Problems
	ValidateQuestions(&sq, c.SubmissionQuestions)
	for _, f := range sq {
		f.Field = "submission_" + f.Field
		*p = append(*p, f)
	}
}

// validateTracks checks the tracks and numbers them.
func (c *Call) validateTracks(p *Problems) {
	if len(c.Tracks) == 0 {
		p.Add("tracks", "error.field.required")
	}
	if len(c.Tracks) > MaxTracks {
		p.Add("tracks", "error.field.too_many", "Max", MaxTracks)
	}
	for i := range c.Tracks {
		t := &c.Tracks[i]
		t.Position = i
		t.Name = t.Name.Clean()
		t.Name.Validate(p, fieldIndex("tracks", i, "name"), true, MaxTitleLength, false)
	}
}

// validateQuestions checks the review questions, fills in scales and
// weights, and numbers them.
func (c *Call) validateQuestions(p *Problems) {
	if len(c.Questions) > MaxReviewQuestions {
		p.Add("questions", "error.field.too_many", "Max", MaxReviewQuestions)
	}
	for i := range c.Questions {
		q := &c.Questions[i]
		q.Position = i
		q.Text = q.Text.Clean()
		q.Text.Validate(p, fieldIndex("questions", i, "text"), true, MaxTitleLength, false)
		q.Kind = oneOf(p, fieldIndex("questions", i, "kind"), q.Kind, ReviewRating, ReviewQuestionKinds)
		if q.Kind != ReviewRating {
			q.Min, q.Max, q.Weight = 0, 0, 0
			continue
		}
		if q.Min == 0 && q.Max == 0 {
			q.Min, q.Max = 1, 5
		}
		if q.Min < 0 || q.Max > MaxRatingScale || q.Max <= q.Min {
			p.Add(fieldIndex("questions", i, "max"), "error.field.scale", "Max", MaxRatingScale)
		}
		if q.Weight == 0 {
			q.Weight = 1
		}
		if q.Weight < 0 || q.Weight > 100 {
			p.Add(fieldIndex("questions", i, "weight"), "error.field.between", "Min", 0, "Max", 100)
		}
	}
}
