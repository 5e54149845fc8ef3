package symposium

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Question kinds of a registration form.
const (
	QuestionText     = "text"
	QuestionLongText = "long_text"
	QuestionChoice   = "choice"
	QuestionMultiple = "multiple_choice"
	QuestionCountry  = "country"
	QuestionYesNo    = "yes_no"
	QuestionConsent  = "consent"
)

// QuestionKinds lists the kinds of question.
var QuestionKinds = []string{QuestionText, QuestionLongText, QuestionChoice, QuestionMultiple, QuestionCountry, QuestionYesNo, QuestionConsent}

// Question is a field of an event's registration form, defined by its
// organizers. Answers are keyed by the question's Key.
type Question struct {
	Key      string        `json:"key" doc:"A short name for the answer, such as diet: lowercase letters, digits, _ and -."`
	Label    LocalizedText `json:"label"`
	Kind     string        `json:"kind" enum:"text,long_text,choice,multiple_choice,country,yes_no,consent"`
	Required bool          `json:"required,omitempty"`
	Options  []Option      `json:"options,omitempty" doc:"For choices: the values offered."`
}

// Option is a value a choice offers.
type Option struct {
	Value string        `json:"value"`
	Label LocalizedText `json:"label"`
}

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

// ValidateQuestions records problems with a registration form.
func ValidateQuestions(p *Problems, qs []Question) {
	seen := map[string]bool{}
	for i := range qs {
		q := &qs[i]
		field := fieldIndex("questions", i, "")
		if !keyPattern.MatchString(q.Key) {
			p.Add(field+".key", "error.field.key")
		} else if seen[q.Key] {
			p.Add(field+".key", "error.field.duplicate")
		}
		seen[q.Key] = true
		q.Label = q.Label.Clean()
		q.Label.Validate(p, field+".label", true, MaxTitleLength, false)
		q.Kind = oneOf(p, field+".kind", q.Kind, QuestionText, QuestionKinds)
		choice := q.Kind == QuestionChoice || q.Kind == QuestionMultiple
		if choice && len(q.Options) == 0 {
			p.Add(field+".options", "error.field.required")
		}
		values := map[string]bool{}
		for j := range q.Options {
			o := &q.Options[j]
			of := fieldIndex(field+".options", j, "")
			if !keyPattern.MatchString(o.Value) || values[o.Value] {
				p.Add(of+".value", "error.field.key")
			}
			values[o.Value] = true
			o.Label = o.Label.Clean()
			o.Label.Validate(p, of+".label", true, MaxTitleLength, false)
		}
	}
}

// ValidateAnswers records problems with a registrant's answers to a form:
// an answer to no question, a required question unanswered, a choice not
// offered, and values of the wrong form. It trims the answers it keeps.
func ValidateAnswers(p *Problems, qs []Question, answers map[string]string) {
	known := map[string]bool{}
	for _, q := range qs {
		known[q.Key] = true
		field := "answers." + q.Key
		a := strings.TrimSpace(answers[q.Key])
		if answers != nil {
			if a == "" {
				delete(answers, q.Key)
			} else {
				answers[q.Key] = a
			}
		}
		if a == "" {
			if q.Required {
				p.Add(field, "error.field.required")
			}
			continue
		}
		validAnswer(p, field, q, a)
	}
	for k := range answers {
		if !known[k] {
			p.Add("answers."+k, "error.field.unknown_question")
		}
	}
}

// validAnswer checks one non-empty answer against its question.
func validAnswer(p *Problems, field string, q Question, a string) {
	offered := func(v string) bool {
		return slices.ContainsFunc(q.Options, func(o Option) bool { return o.Value == v })
	}
	switch q.Kind {
	case QuestionChoice:
		if !offered(a) {
			p.Add(field, "error.field.choice")
		}
	case QuestionMultiple:
		for _, v := range strings.Split(a, ",") {
			if !offered(strings.TrimSpace(v)) {
				p.Add(field, "error.field.choice")
				return
			}
		}
	case QuestionCountry:
		validCountry(p, field, a)
	case QuestionYesNo:
		if a != "yes" && a != "no" {
			p.Add(field, "error.field.choice")
		}
	case QuestionConsent:
		if a != "yes" {
			p.Add(field, "error.field.consent")
		}
	case QuestionText:
		if utf8.RuneCountInString(a) > MaxTitleLength || hasControl(a, false) {
			p.Add(field, "error.field.too_long", "Max", MaxTitleLength)
		}
	default:
		if utf8.RuneCountInString(a) > MaxAnswerLength {
			p.Add(field, "error.field.too_long", "Max", MaxAnswerLength)
		}
	}
}
