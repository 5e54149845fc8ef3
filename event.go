package symposium

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Event kinds.
const (
	KindSeminar    = "seminar"
	KindSymposium  = "symposium"
	KindConference = "conference"
	KindWorkshop   = "workshop"
	KindForum      = "forum"
)

// EventKinds lists the kinds of event.
var EventKinds = []string{KindSymposium, KindConference, KindSeminar, KindWorkshop, KindForum}

// Event statuses: an event is prepared as a draft, published for people to
// see, and finished once it is over.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
	StatusFinished  = "finished"
)

// EventStatuses lists the statuses in their order.
var EventStatuses = []string{StatusDraft, StatusPublished, StatusFinished}

// Event visibility: a restricted event, and everything in it, is seen only
// by its managers and the people invited to or registered for it.
const (
	VisibilityPublic     = "public"
	VisibilityRestricted = "restricted"
)

// Event is a symposium, conference, seminar, workshop or forum.
type Event struct {
	ID              string              `json:"id"`
	Slug            string              `json:"slug"`
	Kind            string              `json:"kind"`
	Series          LocalizedText       `json:"series,omitempty"`
	Title           LocalizedText       `json:"title"`
	Summary         LocalizedText       `json:"summary,omitempty"`
	StartsAt        time.Time           `json:"starts_at"`
	EndsAt          time.Time           `json:"ends_at"`
	Timezone        string              `json:"timezone"`
	Venue           Venue               `json:"venue"`
	Visibility      string              `json:"visibility"`
	Status          string              `json:"status"`
	Languages       []string            `json:"languages"`
	DefaultLanguage string              `json:"default_language"`
	Organizers      []EventOrganization `json:"organizers"`
	CreatedAt       time.Time           `json:"created_at"`
	UpdatedAt       time.Time           `json:"updated_at"`
	// HoldMinutes is how long an anonymous registrant keeps a confirmed
	// seat before confirming their email, between MinHoldMinutes and
	// MaxHoldMinutes; an unconfirmed seat is never kept longer.
	HoldMinutes int `json:"hold_minutes"`
	// PromotionHours is how long a person promoted from the waiting list
	// has to confirm before the seat passes on; 0 sets no deadline.
	PromotionHours int `json:"promotion_hours"`
	// ProgrammeVersion counts the changes to the programme; a cached
	// timetable of an older version is stale.
	ProgrammeVersion int64 `json:"-"`
	// HasCall says whether the event has a call for abstracts.
	HasCall bool `json:"has_call" readOnly:"true"`
	// Accent is the event's colour, #rrggbb, for its header, buttons and
	// links; empty keeps the site's. It contrasts at least
	// MinAccentContrast with white.
	Accent string `json:"accent"`
	// HasLogo says whether the event has a logo, served at
	// /events/{slug}/logo.
	HasLogo bool `json:"has_logo" readOnly:"true"`
}

// Venue is where an event takes place.
type Venue struct {
	Name    LocalizedText `json:"name,omitempty"`
	City    LocalizedText `json:"city,omitempty"`
	Address string        `json:"address,omitempty"`
}

// Roles an organization plays in an event.
const (
	OrgRoleOrganizer = "organizer"
	OrgRoleCoSponsor = "co_sponsor"
	OrgRolePartner   = "partner"
	OrgRoleHost      = "host"
)

// OrganizationRoles lists the roles an organization can play in an event.
var OrganizationRoles = []string{OrgRoleOrganizer, OrgRoleCoSponsor, OrgRoleHost, OrgRolePartner}

// EventOrganization is an organization's part in an event.
type EventOrganization struct {
	OrganizationID string        `json:"organization_id"`
	Role           string        `json:"role"`
	Name           LocalizedText `json:"name,omitempty"`
}

// Limits on event fields.
const (
	MaxTitleLength   = 300
	MaxSummaryLength = 5000
	MaxSlugLength    = 64
)

var slugPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$`)

// Location returns the event's time zone; events are validated to hold a
// known zone, so an unknown one falls back to UTC.
func (e *Event) Location() *time.Location {
	if loc, ok := zones.Load(e.Timezone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(e.Timezone)
	if err != nil {
		return time.UTC
	}
	zones.Store(e.Timezone, loc)
	return loc
}

// zones caches loaded time zones: loading one parses the zone database.
var zones sync.Map

// IsPublic reports whether everyone may see the event: it is public and
// no longer a draft.
func (e *Event) IsPublic() bool {
	return e.Visibility == VisibilityPublic && e.Status != StatusDraft
}

// How long an anonymous registrant's seat is held until they confirm their
// email: never without a limit, and at most a day, so that a flood of
// registrations from made-up addresses cannot keep seats from others.
const (
	DefaultHoldMinutes = 60
	MinHoldMinutes     = 5
	MaxHoldMinutes     = 24 * 60
)

// Validate records problems with the event's fields and fills defaults:
// kind symposium, visibility public, status published, languages from the
// title, default language the first of them.
func (e *Event) Validate(p *Problems) {
	e.Slug = strings.TrimSpace(e.Slug)
	e.Title, e.Summary, e.Series = e.Title.Clean(), e.Summary.Clean(), e.Series.Clean()
	e.Venue.Name, e.Venue.City = e.Venue.Name.Clean(), e.Venue.City.Clean()
	e.Venue.Address = strings.TrimSpace(e.Venue.Address)
	switch {
	case e.Slug == "":
		p.Add("slug", "error.field.required")
	case len(e.Slug) > MaxSlugLength || !slugPattern.MatchString(e.Slug):
		p.Add("slug", "error.field.slug")
	}
	e.Title.Validate(p, "title", true, MaxTitleLength, false)
	e.Summary.Validate(p, "summary", false, MaxSummaryLength, true)
	e.Series.Validate(p, "series", false, MaxTitleLength, false)
	e.Venue.Name.Validate(p, "venue.name", false, MaxTitleLength, false)
	e.Venue.City.Validate(p, "venue.city", false, MaxTitleLength, false)
	if len([]rune(e.Venue.Address)) > MaxTitleLength {
		p.Add("venue.address", "error.field.too_long", "Max", MaxTitleLength)
	}
	e.Kind = oneOf(p, "kind", e.Kind, KindSymposium, EventKinds)
	e.Visibility = oneOf(p, "visibility", e.Visibility, VisibilityPublic, []string{VisibilityPublic, VisibilityRestricted})
	e.Status = oneOf(p, "status", e.Status, StatusPublished, EventStatuses)
	e.validateTimes(p)
	e.validateLanguages(p)
	e.validateAccent(p)
	if e.HoldMinutes == 0 {
		e.HoldMinutes = DefaultHoldMinutes
	}
	if e.HoldMinutes < MinHoldMinutes || e.HoldMinutes > MaxHoldMinutes {
		p.Add("hold_minutes", "error.field.between", "Min", MinHoldMinutes, "Max", MaxHoldMinutes)
	}
	if e.PromotionHours < 0 || e.PromotionHours > 30*24 {
		p.Add("promotion_hours", "error.field.invalid")
	}
	for i, o := range e.Organizers {
		if o.OrganizationID == "" {
			p.Add(fieldIndex("organizers", i, "organization_id"), "error.field.required")
		}
		e.Organizers[i].Role = oneOf(p, fieldIndex("organizers", i, "role"), o.Role, OrgRoleOrganizer, OrganizationRoles)
	}
}

// validateTimes checks the zone and that the event ends after it starts.
func (e *Event) validateTimes(p *Problems) {
	if e.Timezone == "" {
		p.Add("timezone", "error.field.required")
	} else if _, err := time.LoadLocation(e.Timezone); err != nil || e.Timezone == "Local" {
		p.Add("timezone", "error.field.timezone")
	}
	if e.StartsAt.IsZero() {
		p.Add("starts_at", "error.field.required")
	}
	if e.EndsAt.IsZero() {
		p.Add("ends_at", "error.field.required")
	}
	if !e.StartsAt.IsZero() && !e.EndsAt.IsZero() && !e.EndsAt.After(e.StartsAt) {
		p.Add("ends_at", "error.field.ends_before_start")
	}
	if !e.StartsAt.IsZero() && !e.EndsAt.IsZero() && e.EndsAt.Sub(e.StartsAt) > 62*24*time.Hour {
		p.Add("ends_at", "error.field.event_too_long")
	}
	e.StartsAt, e.EndsAt = e.StartsAt.UTC(), e.EndsAt.UTC()
}

// validateLanguages checks the event's languages and its default language.
func (e *Event) validateLanguages(p *Problems) {
	if len(e.Languages) == 0 {
		e.Languages = e.Title.Languages()
	}
	var langs []string
	for i, l := range e.Languages {
		if !IsLanguage(l) {
			p.Add(fieldIndex("languages", i, ""), "error.field.language_unknown", "Lang", l)
		} else if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	e.Languages = langs
	if e.DefaultLanguage == "" && len(langs) > 0 {
		e.DefaultLanguage = langs[0]
	}
	if e.DefaultLanguage != "" && !slices.Contains(langs, e.DefaultLanguage) {
		p.Add("default_language", "error.field.default_language")
	}
}

// oneOf checks that value is one of allowed, giving def for an empty value.
func oneOf(p *Problems, field, value, def string, allowed []string) string {
	if value == "" {
		return def
	}
	if !slices.Contains(allowed, value) {
		p.Add(field, "error.field.one_of", "Allowed", strings.Join(allowed, ", "))
	}
	return value
}

// TakesRegistrations says whether people may still register for the
// event at now: not once it has ended, nor once it is marked finished.
func (e *Event) TakesRegistrations(now time.Time) bool {
	return e.Status != StatusFinished && now.Before(e.EndsAt)
}
