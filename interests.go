package symposium

// Reasons a reviewer has a conflict of interest with an abstract.
const (
	InterestAuthor       = "author"            // the reviewer is one of its authors
	InterestSamePerson   = "same_person"       // the reviewer's name is an author's under another spelling
	InterestOrganization = "same_organization" // the reviewer works where an author works
	InterestCoauthor     = "coauthor"          // the reviewer wrote or spoke with an author, now or before
	InterestDeclared     = "declared"          // the reviewer or an author declared it
)

// Interest is a conflict of interest between a reviewer and an abstract,
// with the author it concerns.
type Interest struct {
	Reason   string `json:"reason"`
	PersonID string `json:"person_id,omitempty" doc:"The author concerned; hidden from reviewers in blind review."`
	Detail   string `json:"detail,omitempty"`
}

// Bids say how much a reviewer wants to review an abstract.
const (
	BidEager   = "eager"
	BidWilling = "willing"
	BidNot     = "not"
)

// Bids lists the bids a reviewer may make.
var Bids = []string{BidEager, BidWilling, BidNot}

// Assignment is a reviewer assigned to an abstract. A manager may assign a
// reviewer despite a conflict of interest, and the reason is kept.
type Assignment struct {
	AbstractID string `json:"abstract_id"`
	ReviewerID string `json:"reviewer_id"`
	Override   string `json:"override,omitempty" doc:"Why the reviewer was assigned despite a conflict of interest."`
}
