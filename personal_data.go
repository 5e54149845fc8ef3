package symposium

import (
	"slices"
	"time"
)

// Kinds of consent a person gives for uses of their data beyond the event
// they registered for.
const (
	// ConsentParticipantList: appear on the event's list of participants.
	ConsentParticipantList = "participant_list"
	// ConsentPhotos: appear, named, in the event's photos.
	ConsentPhotos = "photos"
	// ConsentMatchmaking: appear in the event's matchmaking catalogue.
	ConsentMatchmaking = "matchmaking"
	// ConsentNewsletter: receive the site's news by mail.
	ConsentNewsletter = "newsletter"
)

// ConsentKinds lists the kinds of consent, in the order pages show them.
var ConsentKinds = []string{ConsentParticipantList, ConsentPhotos, ConsentMatchmaking, ConsentNewsletter}

// ValidConsentKind reports whether kind is one of ConsentKinds.
func ValidConsentKind(kind string) bool { return slices.Contains(ConsentKinds, kind) }

// Consent is one answer a person gave about a use of their data: given or
// withdrawn, when, for which event (Scope, "" for the whole site), and the
// words they were shown, in the language they read them in. The log of
// answers is kept; the newest answer per kind and scope is the one that
// holds.
type Consent struct {
	ID       string    `json:"id"`
	Email    string    `json:"-"`
	Kind     string    `json:"kind"`
	Scope    string    `json:"scope,omitempty"`
	Granted  bool      `json:"granted"`
	Text     string    `json:"text,omitempty"`
	Language string    `json:"language,omitempty"`
	At       time.Time `json:"at"`
}

// DefaultRetentionDays is how long an event keeps its registration data
// after it ends, unless its organizers set otherwise.
const DefaultRetentionDays = 365

// Retention limits, in days after the event ends.
const (
	MinRetentionDays = 0
	MaxRetentionDays = 3650
)

// Retention is how long an event keeps registration data after it ends,
// when that runs out, and whether it has been shredded.
type Retention struct {
	Days       int        `json:"days"`
	ShredsAt   time.Time  `json:"shreds_at"`
	ShreddedAt *time.Time `json:"shredded_at,omitempty"`
}

// NewRetention returns the retention of an event ending at ends that
// keeps registration data for days after it.
func NewRetention(ends time.Time, days int, shredded *time.Time) Retention {
	return Retention{Days: days, ShredsAt: ends.AddDate(0, 0, days), ShreddedAt: shredded}
}

// ValidateRetention records a problem with a number of days to keep
// registration data.
func ValidateRetention(days int, p *Problems) {
	if days < MinRetentionDays || days > MaxRetentionDays {
		p.Add("days", "error.field.between", "Min", MinRetentionDays, "Max", MaxRetentionDays)
	}
}

// PersonalData is everything Symposium holds about one individual: their
// account, the people records carrying their verified email, and what
// hangs on them. It holds nothing of anyone else beyond the names of the
// events and abstracts it refers to.
type PersonalData struct {
	GeneratedAt   time.Time          `json:"generated_at"`
	Account       *DataAccount       `json:"account,omitempty"`
	People        []*Person          `json:"people"`
	Registrations []DataRegistration `json:"registrations"`
	Invitations   []DataInvitation   `json:"invitations"`
	Abstracts     []DataAbstract     `json:"abstracts"`
	Reviews       []DataReview       `json:"reviews"`
	Roles         []DataRole         `json:"roles"`
	Speaking      []DataAppearance   `json:"speaking"`
	Consents      []Consent          `json:"consents"`
	Mail          []DataMail         `json:"mail"`
	Audit         []*AuditEntry      `json:"audit"`
}

// DataAccount is an account with its API tokens and open sessions.
type DataAccount struct {
	User
	Tokens   []APIToken `json:"api_tokens"`
	Sessions int        `json:"open_sessions"`
}

// DataEvent names the event an item belongs to.
type DataEvent struct {
	Slug  string        `json:"slug"`
	Title LocalizedText `json:"title"`
}

// DataRegistration is a registration with its event and category.
type DataRegistration struct {
	Event    DataEvent     `json:"event"`
	Category LocalizedText `json:"category"`
	Registration
}

// DataInvitation is an invitation to register, with its event.
type DataInvitation struct {
	Event DataEvent `json:"event"`
	Invitation
}

// DataAbstract is an abstract the individual submitted, wrote or presents.
type DataAbstract struct {
	Event     DataEvent     `json:"event"`
	ID        string        `json:"id"`
	Title     LocalizedText `json:"title"`
	Content   LocalizedText `json:"content"`
	Language  string        `json:"language"`
	Status    string        `json:"status"`
	Submitter bool          `json:"submitter"`
	Author    bool          `json:"author"`
	Presenter bool          `json:"presenter"`
	CreatedAt time.Time     `json:"created_at"`
}

// DataReview is a review the individual wrote, with its abstract's title;
// other reviewers' reviews are not part of it.
type DataReview struct {
	Event         DataEvent     `json:"event"`
	AbstractTitle LocalizedText `json:"abstract_title"`
	Review
}

// DataRole is a role the individual's account holds at an event.
type DataRole struct {
	Event DataEvent `json:"event"`
	Role  string    `json:"role"`
	Since time.Time `json:"since"`
}

// DataAppearance is a contribution of the programme the individual speaks
// at.
type DataAppearance struct {
	Event          DataEvent     `json:"event"`
	ContributionID string        `json:"contribution_id"`
	Title          LocalizedText `json:"title"`
	StartsAt       *time.Time    `json:"starts_at,omitempty"`
}

// DataMail is a message Symposium wrote to the individual's address.
type DataMail struct {
	Subject   string     `json:"subject"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at,omitempty"`
}

// Erasure says what erasing an individual removed and what it kept, and
// why: what the public record of an event needs stays as a name only.
type Erasure struct {
	At                     time.Time     `json:"at"`
	PeopleRemoved          int           `json:"people_removed"`
	RegistrationsCancelled int           `json:"registrations_cancelled"`
	RegistrationsRemoved   int           `json:"registrations_anonymized"`
	AbstractsRemoved       int           `json:"abstracts_removed"`
	Kept                   []ErasureKept `json:"kept"`
}

// Reasons something is kept after an erasure.
const (
	KeptSpeaker  = "speaker"  // a name on a published programme
	KeptAuthor   = "author"   // a name on an abstract accepted or written with others
	KeptReviews  = "reviews"  // reviews, unsigned
	KeptAttended = "attended" // a registration at a past event, as a count
)

// ErasureKept is one thing an erasure kept, why, and where.
type ErasureKept struct {
	Reason string        `json:"reason"`
	Event  DataEvent     `json:"event,omitzero"`
	Title  LocalizedText `json:"title,omitempty"`
	Count  int           `json:"count,omitempty"`
}

// Actions of the audit log about personal data.
const (
	AuditErase     = "personal_data_erase"
	AuditRetention = "registration_retention"
	AuditShred     = "registration_shred"
)

// MayActOnDataRequests reports whether u may read and erase anyone's
// personal data, acting on that person's written request: administrators.
func (u *User) MayActOnDataRequests() bool { return u.IsAdministrator() }
