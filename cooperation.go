package symposium

import (
	"slices"
	"time"
)

// Kinds of agreement.
const (
	AgreementMoU          = "mou"
	AgreementAgreement    = "agreement"
	AgreementJointProject = "joint_project"
	AgreementFollowUp     = "follow_up"
)

// AgreementKinds lists the kinds of agreement.
var AgreementKinds = []string{AgreementMoU, AgreementAgreement, AgreementJointProject, AgreementFollowUp}

// Agreement states, in their usual order.
const (
	AgreementProposed   = "proposed"
	AgreementAgreed     = "agreed"
	AgreementSigned     = "signed"
	AgreementInProgress = "in_progress"
	AgreementDone       = "done"
	AgreementDropped    = "dropped"
)

// AgreementStates lists the states of an agreement.
var AgreementStates = []string{AgreementProposed, AgreementAgreed, AgreementSigned, AgreementInProgress, AgreementDone, AgreementDropped}

// DateLayout is how a due date is written: a day, without time.
const DateLayout = "2006-01-02"

// Agreement is a memorandum, agreement, joint project or follow-up that
// came out of an event: its parties (organizations and people), the
// meeting it came from, its state, owners and due date.
type Agreement struct {
	ID              string        `json:"id"`
	EventID         string        `json:"event_id"`
	EventSlug       string        `json:"event_slug,omitempty"`
	Title           LocalizedText `json:"title"`
	Kind            string        `json:"kind"`
	Status          string        `json:"status"`
	Description     LocalizedText `json:"description,omitempty"`
	Due             string        `json:"due,omitempty"`
	MeetingID       string        `json:"meeting_id,omitempty"`
	OrganizationIDs []string      `json:"organization_ids"`
	PersonIDs       []string      `json:"person_ids"`
	OwnerIDs        []string      `json:"owner_ids"`
	CreatedAt       time.Time     `json:"created_at"`
	UpdatedAt       time.Time     `json:"updated_at"`
}

// Validate checks an agreement's fields.
func (a *Agreement) Validate(p *Problems) {
	a.Title = a.Title.Clean()
	a.Title.Validate(p, "title", true, MaxTitleLength, false)
	a.Description = a.Description.Clean()
	a.Description.Validate(p, "description", false, 5000, true)
	a.Kind = oneOf(p, "kind", a.Kind, "", AgreementKinds)
	if a.Kind == "" {
		p.Add("kind", "error.field.required")
	}
	a.Status = oneOf(p, "status", a.Status, AgreementProposed, AgreementStates)
	if a.Due != "" {
		if _, err := time.Parse(DateLayout, a.Due); err != nil {
			p.Add("due", "error.field.date")
		}
	}
	if len(a.OrganizationIDs)+len(a.PersonIDs) == 0 {
		p.Add("organization_ids", "error.field.parties")
	}
	for _, list := range []struct {
		field string
		ids   []string
	}{{"organization_ids", a.OrganizationIDs}, {"person_ids", a.PersonIDs}, {"owner_ids", a.OwnerIDs}} {
		if len(list.ids) > 50 {
			p.Add(list.field, "error.field.too_many", "Max", 50)
		}
		for i, id := range list.ids {
			if slices.Contains(list.ids[:i], id) {
				p.Add(fieldIndex(list.field, i, ""), "error.field.duplicate")
			}
		}
	}
}

// Open reports whether the agreement still awaits work: neither done nor
// dropped.
func (a *Agreement) Open() bool {
	return a.Status != AgreementDone && a.Status != AgreementDropped
}

// Overdue reports whether an open agreement's due date has passed at now.
func (a *Agreement) Overdue(now time.Time) bool {
	if a.Due == "" || !a.Open() {
		return false
	}
	return a.Due < now.UTC().Format(DateLayout)
}

// Sections of the report, in their order; the team may switch any off.
const (
	SectionOverview    = "overview"
	SectionOrganizers  = "organizers"
	SectionFigures     = "figures"
	SectionAddresses   = "addresses"
	SectionPhotos      = "photos"
	SectionCooperation = "cooperation"
)

// ReportSections lists the report's sections in their order.
var ReportSections = []string{SectionOverview, SectionOrganizers, SectionFigures, SectionAddresses, SectionPhotos, SectionCooperation}

// Report states.
const (
	ReportDraft     = "draft"
	ReportPublished = "published"
)

// Report is what the team edits of an event's report: the texts that open
// and close it, the sections switched off and whether it is published.
// Everything else is generated from the event's data.
type Report struct {
	EventID        string        `json:"event_id"`
	Status         string        `json:"status"`
	Introduction   LocalizedText `json:"introduction,omitempty"`
	Conclusion     LocalizedText `json:"conclusion,omitempty"`
	HiddenSections []string      `json:"hidden_sections"`
	PublishedAt    *time.Time    `json:"published_at,omitempty"`
	UpdatedAt      time.Time     `json:"updated_at"`
}

// Validate checks the report's texts and sections.
func (r *Report) Validate(p *Problems) {
	r.Introduction = r.Introduction.Clean()
	r.Introduction.Validate(p, "introduction", false, 20000, true)
	r.Conclusion = r.Conclusion.Clean()
	r.Conclusion.Validate(p, "conclusion", false, 20000, true)
	r.Status = oneOf(p, "status", r.Status, ReportDraft, []string{ReportDraft, ReportPublished})
	for i, s := range r.HiddenSections {
		if !slices.Contains(ReportSections, s) {
			p.Add(fieldIndex("hidden_sections", i, ""), "error.field.one_of", "Allowed", "overview, organizers, figures, addresses, photos, cooperation")
		}
	}
}

// Shows reports whether the report shows a section.
func (r *Report) Shows(section string) bool { return !slices.Contains(r.HiddenSections, section) }

// NewsPost is a post of the site's news, written by its editors (the
// administrators) in several languages.
type NewsPost struct {
	ID          string        `json:"id"`
	Title       LocalizedText `json:"title"`
	Body        LocalizedText `json:"body"`
	Status      string        `json:"status"`
	PublishedAt *time.Time    `json:"published_at,omitempty"`
	CreatedAt   time.Time     `json:"created_at"`
	UpdatedAt   time.Time     `json:"updated_at"`
	AuthorName  string        `json:"author_name,omitempty"`
}

// Validate checks a news post.
func (n *NewsPost) Validate(p *Problems) {
	n.Title = n.Title.Clean()
	n.Title.Validate(p, "title", true, MaxTitleLength, false)
	n.Body = n.Body.Clean()
	n.Body.Validate(p, "body", true, 20000, true)
	n.Status = oneOf(p, "status", n.Status, ReportDraft, []string{ReportDraft, ReportPublished})
}
