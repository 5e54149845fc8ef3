package symposium

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func fields(p Problems) string {
	var out []string
	for _, f := range p {
		out = append(out, f.Field)
	}
	return strings.Join(out, ",")
}

func TestErrorCodes(t *testing.T) {
	if ErrorCode(nil) != "" || ErrorCode(errors.New("boom")) != EINTERNAL {
		t.Error("nil and plain errors")
	}
	wrapped := fmt.Errorf("store: thing: %w", NotFound())
	if ErrorCode(wrapped) != ENOTFOUND || AsError(wrapped).Key != "error.not_found" {
		t.Errorf("a wrapped domain error keeps its code: %v", wrapped)
	}
	var p Problems
	if p.Err() != nil {
		t.Error("no problems should be no error")
	}
	p.Add("title.en", "error.field.too_long", "Max", 300)
	e := AsError(p.Err())
	if e.Code != EINVALID || e.Fields[0].Args["Max"] != 300 {
		t.Errorf("problems error = %+v", e)
	}
}

func TestUserValidate(t *testing.T) {
	u := &User{Email: "  Gulnar@Example.KZ ", Name: " Гүлнар "}
	var p Problems
	u.Validate(&p)
	if len(p) != 0 || u.Email != "gulnar@example.kz" || u.Name != "Гүлнар" || u.Language != "en" {
		t.Errorf("valid user: %v %+v", p, u)
	}
	for _, email := range []string{"", "a", "a@b", "A <a@example.org>", "a@@example.org", "a b@example.org"} {
		if ValidEmail(email) {
			t.Errorf("ValidEmail(%q) = true", email)
		}
	}
	p = nil
	(&User{Email: "x@example.org", Name: "X", Language: "de"}).Validate(&p)
	if fields(p) != "language" {
		t.Errorf("unknown language: %v", p)
	}
}

func validEvent() *Event {
	return &Event{Slug: "astana-2024", Title: Text("zh", "中国科技研讨会", "en", "China S&T Symposium"),
		StartsAt: time.Date(2024, 5, 22, 5, 0, 0, 0, time.UTC), EndsAt: time.Date(2024, 5, 22, 12, 0, 0, 0, time.UTC),
		Timezone: "Asia/Almaty"}
}

func TestEventValidate(t *testing.T) {
	e := validEvent()
	var p Problems
	e.Validate(&p)
	if len(p) != 0 {
		t.Fatalf("valid event: %v", p)
	}
	if e.Kind != KindSymposium || e.Visibility != VisibilityPublic || e.Status != StatusPublished ||
		strings.Join(e.Languages, ",") != "en,zh" || e.DefaultLanguage != "en" {
		t.Errorf("defaults = %+v", e)
	}
	tests := []struct {
		name   string
		change func(*Event)
		fields string
	}{
		{"bad slug", func(e *Event) { e.Slug = "Astana 2024" }, "slug"},
		{"slug ending in a hyphen", func(e *Event) { e.Slug = "astana-" }, "slug"},
		{"no title", func(e *Event) { e.Title = nil }, "title"},
		{"unknown zone", func(e *Event) { e.Timezone = "Asia/Astana-City" }, "timezone"},
		{"ends before it starts", func(e *Event) { e.EndsAt = e.StartsAt.Add(-time.Hour) }, "ends_at"},
		{"unknown kind", func(e *Event) { e.Kind = "party" }, "kind"},
		{"default not among languages", func(e *Event) { e.Languages = []string{"ru"}; e.DefaultLanguage = "zh" }, "default_language"},
		{"organizer without id", func(e *Event) { e.Organizers = []EventOrganization{{Role: "organizer"}} }, "organizers.0.organization_id"},
	}
	for _, tt := range tests {
		e := validEvent()
		tt.change(e)
		var p Problems
		e.Validate(&p)
		if fields(p) != tt.fields {
			t.Errorf("%s: fields %q, want %q", tt.name, fields(p), tt.fields)
		}
	}
}

func TestFindConflicts(t *testing.T) {
	e := validEvent()
	at := func(h, m int) *time.Time {
		t := time.Date(2024, 5, 22, h, m, 0, 0, time.UTC)
		return &t
	}
	others := []Contribution{
		{ID: "a", StartsAt: at(6, 0), DurationMinutes: 30, RoomID: "hall", SpeakerIDs: []string{"xing"}},
		{ID: "b", StartsAt: at(6, 0), DurationMinutes: 60, RoomID: "room2", SpeakerIDs: []string{"gulnar"}},
		{ID: "c", DurationMinutes: 60, RoomID: "hall", SpeakerIDs: []string{"xing"}}, // unscheduled
	}
	tests := []struct {
		name string
		c    Contribution
		want string
	}{
		{"free slot", Contribution{ID: "n", StartsAt: at(7, 0), DurationMinutes: 30, RoomID: "hall", SpeakerIDs: []string{"xing"}}, ""},
		{"back to back", Contribution{ID: "n", StartsAt: at(6, 30), DurationMinutes: 30, RoomID: "hall", SpeakerIDs: []string{"xing"}}, ""},
		{"room taken", Contribution{ID: "n", StartsAt: at(6, 15), DurationMinutes: 30, RoomID: "hall"}, "room:a"},
		{"speaker elsewhere", Contribution{ID: "n", StartsAt: at(6, 15), DurationMinutes: 30, RoomID: "room3", SpeakerIDs: []string{"gulnar"}}, "speaker:b"},
		{"both", Contribution{ID: "n", StartsAt: at(6, 15), DurationMinutes: 30, RoomID: "hall", SpeakerIDs: []string{"xing", "gulnar"}}, "room:a,speaker:a,speaker:b"},
		{"before the event", Contribution{ID: "n", StartsAt: at(4, 30), DurationMinutes: 20}, "outside_event:"},
		{"itself", Contribution{ID: "a", StartsAt: at(6, 0), DurationMinutes: 30, RoomID: "hall", SpeakerIDs: []string{"xing"}}, ""},
		{"unscheduled", Contribution{ID: "n", DurationMinutes: 30, RoomID: "hall"}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range FindConflicts(e, &tt.c, others, nil) {
			with := ""
			if c.With != nil {
				with = c.With.ID
			}
			got = append(got, c.Kind+":"+with)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s: conflicts %v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestAnswers(t *testing.T) {
	qs := []Question{
		{Key: "diet", Label: Text("en", "Diet"), Kind: QuestionChoice, Required: true, Options: []Option{{Value: "halal", Label: Text("en", "Halal")}, {Value: "none", Label: Text("en", "None")}}},
		{Key: "topics", Label: Text("en", "Topics"), Kind: QuestionMultiple, Options: []Option{{Value: "climate", Label: Text("en", "Climate")}, {Value: "health", Label: Text("en", "Health")}}},
		{Key: "visa", Label: Text("en", "Visa"), Kind: QuestionYesNo},
		{Key: "from", Label: Text("en", "From"), Kind: QuestionCountry},
		{Key: "photos", Label: Text("en", "Photos"), Kind: QuestionConsent, Required: true},
		{Key: "note", Label: Text("en", "Note"), Kind: QuestionLongText},
	}
	var p Problems
	ValidateQuestions(&p, qs)
	if len(p) != 0 {
		t.Fatalf("valid questions: %v", p)
	}
	tests := []struct {
		answers map[string]string
		fields  string
	}{
		{map[string]string{"diet": "halal", "photos": "yes"}, ""},
		{map[string]string{"diet": " none ", "topics": "climate,health", "visa": "no", "from": "kz", "photos": "yes", "note": "Line\nline"}, ""},
		{map[string]string{"photos": "yes"}, "answers.diet"},
		{map[string]string{"diet": "vegan", "photos": "yes"}, "answers.diet"},
		{map[string]string{"diet": "halal", "topics": "climate,physics", "photos": "yes"}, "answers.topics"},
		{map[string]string{"diet": "halal", "visa": "maybe", "photos": "yes"}, "answers.visa"},
		{map[string]string{"diet": "halal", "from": "Kazakhstan", "photos": "yes"}, "answers.from"},
		{map[string]string{"diet": "halal", "photos": "no"}, "answers.photos"},
		{map[string]string{"diet": "halal", "photos": "yes", "shoe_size": "42"}, "answers.shoe_size"},
	}
	for _, tt := range tests {
		var p Problems
		ValidateAnswers(&p, qs, tt.answers)
		if fields(p) != tt.fields {
			t.Errorf("answers %v: fields %q, want %q", tt.answers, fields(p), tt.fields)
		}
	}
	bad := []Question{{Key: "Bad Key", Label: Text("en", "x"), Kind: QuestionText}, {Key: "c", Label: Text("en", "c"), Kind: QuestionChoice}, {Key: "c", Label: nil, Kind: "essay"}}
	p = nil
	ValidateQuestions(&p, bad)
	if fields(p) != "questions.0.key,questions.1.options,questions.2.key,questions.2.label,questions.2.kind" {
		t.Errorf("bad questions: %s", fields(p))
	}
}
