package symposium

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Organization kinds.
var OrganizationKinds = []string{
	"research_center", "university", "company", "government", "embassy", "media", "ngo", "event_company", "other",
}

// Organization is a research center, university, company, government body,
// embassy, media outlet, NGO or event company.
type Organization struct {
	ID      string        `json:"id"`
	Name    LocalizedText `json:"name"`
	Country string        `json:"country,omitempty"`
	Kind    string        `json:"kind"`
	Website string        `json:"website,omitempty"`
	// ROR is the organization's Research Organization Registry
	// identifier, such as 0586sdd93, where known.
	ROR       string    `json:"ror,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Person is someone in the programme or the community: a speaker, an
// author, an official. A person may carry their name in several scripts.
type Person struct {
	ID             string        `json:"id"`
	Name           LocalizedText `json:"name"`
	Aliases        []string      `json:"aliases,omitempty"` // other spellings of the name, such as a passport's
	OrganizationID string        `json:"organization_id,omitempty"`
	Position       LocalizedText `json:"position,omitempty"`
	Country        string        `json:"country,omitempty"`
	Email          string        `json:"email,omitempty"`
	Languages      []string      `json:"languages,omitempty"`
	Topics         []string      `json:"topics,omitempty"`
	Bio            LocalizedText `json:"bio,omitempty"`
	HasPhoto       bool          `json:"has_photo"`
	MergedInto     string        `json:"merged_into,omitempty"` // the person this one was merged into
	// CreatedBy is the account that typed the record in, empty for people
	// loaded by the system (the demo, merges of old data). It decides which
	// event teams may edit the person; it grants the email's owner nothing.
	CreatedBy string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}

// MaxAliases bounds the other spellings a person's name is kept in.
const MaxAliases = 20

// Spellings returns every spelling of the person's name: the name in each
// language, then the aliases, without repeats.
func (ps *Person) Spellings() []string {
	var out []string
	for _, l := range Languages {
		if v := ps.Name[l]; v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	for _, v := range ps.Aliases {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

var countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

// Validate records problems with the organization's fields.
func (o *Organization) Validate(p *Problems) {
	o.Name = o.Name.Clean()
	o.Name.Validate(p, "name", true, MaxTitleLength, false)
	o.Country = validCountry(p, "country", o.Country)
	o.Kind = oneOf(p, "kind", o.Kind, "other", OrganizationKinds)
	o.Website = strings.TrimSpace(o.Website)
	if o.Website != "" {
		u, err := url.Parse(o.Website)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(o.Website) > 500 {
			p.Add("website", "error.field.url")
		}
	}
	o.ROR = strings.TrimPrefix(strings.TrimSpace(o.ROR), "https://ror.org/")
	if o.ROR != "" && !rorID.MatchString(o.ROR) {
		p.Add("ror", "error.field.ror")
	}
}

// rorID is the form of a ROR identifier: 0, six letters or digits, two
// check digits.
var rorID = regexp.MustCompile(`^0[a-z0-9]{6}[0-9]{2}$`)

// Validate records problems with the person's fields.
func (ps *Person) Validate(p *Problems) {
	ps.Name, ps.Position, ps.Bio = ps.Name.Clean(), ps.Position.Clean(), ps.Bio.Clean()
	ps.Name.Validate(p, "name", true, MaxNameLength, false)
	ps.Position.Validate(p, "position", false, MaxTitleLength, false)
	ps.Bio.Validate(p, "bio", false, MaxSummaryLength, true)
	ps.Aliases = cleanAliases(p, ps.Aliases)
	ps.Country = validCountry(p, "country", ps.Country)
	ps.Email = NormalizeEmail(ps.Email)
	if ps.Email != "" && !ValidEmail(ps.Email) {
		p.Add("email", "error.field.email")
	}
	for i, l := range ps.Languages {
		if !IsLanguageCode(l) {
			p.Add(fieldIndex("languages", i, ""), "error.field.language_unknown", "Lang", l)
		}
	}
	for i, t := range ps.Topics {
		if !IsTopic(t) {
			p.Add(fieldIndex("topics", i, ""), "error.field.topic")
		}
	}
}

// cleanAliases trims the other spellings of a name, drops empty ones and
// repeats, and records those too long or too many.
func cleanAliases(p *Problems, aliases []string) []string {
	var out []string
	for i, a := range aliases {
		a = strings.Join(strings.Fields(a), " ")
		switch {
		case a == "" || slices.Contains(out, a):
			continue
		case utf8.RuneCountInString(a) > MaxNameLength:
			p.Add(fieldIndex("aliases", i, ""), "error.field.too_long", "Max", MaxNameLength)
		case hasControl(a, false):
			p.Add(fieldIndex("aliases", i, ""), "error.field.control_chars")
		}
		out = append(out, a)
	}
	if len(out) > MaxAliases {
		p.Add("aliases", "error.field.too_many", "Max", MaxAliases)
	}
	return out
}

// validCountry upper-cases an ISO 3166-1 alpha-2 code and checks its form.
func validCountry(p *Problems, field, c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if c != "" && !countryPattern.MatchString(c) {
		p.Add(field, "error.field.country")
	}
	return c
}

var languageCodePattern = regexp.MustCompile(`^[a-z]{2,3}$`)

// IsLanguageCode reports whether s looks like an ISO 639 language code, for
// the languages a person speaks, which may be any language.
func IsLanguageCode(s string) bool { return languageCodePattern.MatchString(s) }
