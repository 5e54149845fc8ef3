package symposium

import (
	"encoding/json"
	"time"
)

// Actions recorded in the audit log.
const (
	AuditEventCreate      = "event_create"
	AuditEventUpdate      = "event_update"
	AuditRoleGrant        = "role_grant"
	AuditRoleRevoke       = "role_revoke"
	AuditPersonCreate     = "person_create"
	AuditPersonUpdate     = "person_update"
	AuditPersonPhoto      = "person_photo"
	AuditPersonMerge      = "person_merge"
	AuditMergeUndo        = "person_merge_undo"
	AuditDuplicateDismiss = "person_not_duplicate"
	AuditOrgCreate        = "organization_create"
	AuditRoomCreate       = "room_create"
	AuditSessionCreate    = "session_create"
	AuditEntrySave        = "contribution_save"
	AuditEntryDelete      = "contribution_delete"
	AuditCategorySave     = "category_save"
	AuditCapacity         = "registration_capacity"
	AuditQuestions        = "registration_form_save"
	AuditRegistration     = "registration_change"
	AuditInvite           = "invitation_send"
	AuditInviteRevoke     = "invitation_revoke"
	AuditCallSave         = "call_save"
	AuditReviewerAssign   = "review_assign"
	AuditDecision         = "review_decision"
	AuditDecisionsRelease = "review_release"
	AuditAccountRights    = "account_rights"
	AuditSiteSettings     = "site_settings"
	AuditMinutesSave      = "minutes_save"
	AuditMaterialUpload   = "material_upload"
	AuditPhotoSave        = "photo_save"
	AuditPhotoDelete      = "photo_delete"
	AuditAgreementSave    = "agreement_save"
	AuditReportSave       = "report_save"
	AuditNewsSave         = "news_save"
)

// AuditEntry is one change an organizer, curator or administrator made:
// who, when, what, and for the changes where it matters (merges, role
// grants, decisions, capacities) the state before and after as JSON.
type AuditEntry struct {
	ID        string          `json:"id"`
	At        time.Time       `json:"at"`
	ActorID   string          `json:"actor_id,omitempty"`
	ActorName string          `json:"actor_name,omitempty"`
	EventID   string          `json:"event_id,omitempty"`
	Action    string          `json:"action"`
	Subject   string          `json:"subject,omitempty"` // the ID of what changed
	Before    json.RawMessage `json:"before,omitempty"`
	After     json.RawMessage `json:"after,omitempty"`
}

// NewAuditEntry returns an entry of an action by u on subject, at an event
// or ("" ) site-wide, with before and after encoded as JSON where not nil.
func NewAuditEntry(u *User, eventID, action, subject string, before, after any) *AuditEntry {
	e := &AuditEntry{EventID: eventID, Action: action, Subject: subject, Before: rawJSON(before), After: rawJSON(after)}
	if u != nil {
		e.ActorID, e.ActorName = u.ID, u.Name
	}
	return e
}

// rawJSON encodes v, or returns nil for nil or what cannot be encoded.
func rawJSON(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}
