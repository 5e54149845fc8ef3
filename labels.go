package symposium

// Msg is an argument of a message that is itself a message: the reader's
// localizer writes it in their language before inserting it, so that a
// status inserted into an error reads «Күші жойылды» or «已取消», never
// "cancelled". Its key comes from a table of string literals such as
// RegistrationStatusKeys.
type Msg string

// Message keys for the values of enumerations that people read, written
// out in full so that the catalog test finds every key. Exports, mails and
// errors insert these, never the raw values.
var (
	RegistrationStatusKeys = map[string]string{
		RegConfirmed: "registration.status.confirmed", RegWaitlisted: "registration.status.waitlisted",
		RegPending: "registration.status.pending", RegCancelled: "registration.status.cancelled", RegRejected: "registration.status.rejected",
	}
	AbstractStatusKeys = map[string]string{
		AbstractSubmitted: "abstract.status.submitted", AbstractWithdrawn: "abstract.status.withdrawn",
		AbstractAccepted: "abstract.status.accepted", AbstractRejected: "abstract.status.rejected",
	}
	AbstractTypeKeys = map[string]string{
		ContributionTalk: "abstract.type.talk", ContributionPoster: "abstract.type.poster", ContributionPanel: "abstract.type.panel",
	}
	DecisionKeys = map[string]string{DecisionAccept: "decision.accept", DecisionReject: "decision.reject"}
	// YesNoKeys write a yes-or-no value: a boolean, or a stored "yes"/"no".
	YesNoKeys = map[bool]string{true: "form.yes", false: "form.no"}
)

// Label returns the message key of value in table, and the value itself
// when the table lacks it (a value a newer version wrote, shown as it is
// rather than hidden).
func Label(table map[string]string, value string) Msg {
	if key, ok := table[value]; ok {
		return Msg(key)
	}
	return Msg(value)
}
