package web

import "symposium"

// Message keys for the values of enumerations, written out in full so that
// the catalog test finds every key.
var (
	eventKindKeys = map[string]string{
		"symposium": "event.kind.symposium", "conference": "event.kind.conference", "seminar": "event.kind.seminar",
		"workshop": "event.kind.workshop", "forum": "event.kind.forum",
	}
	eventStatusKeys = map[string]string{
		"draft": "event.status.draft", "published": "event.status.published", "finished": "event.status.finished",
	}
	visibilityKeys = map[string]string{
		"public": "event.visibility.public", "restricted": "event.visibility.restricted",
	}
	orgRoleKeys = map[string]string{
		"organizer": "event.org_role.organizer", "co_sponsor": "event.org_role.co_sponsor",
		"host": "event.org_role.host", "partner": "event.org_role.partner",
	}
	orgKindKeys = map[string]string{
		"research_center": "org.kind.research_center", "university": "org.kind.university", "company": "org.kind.company",
		"government": "org.kind.government", "embassy": "org.kind.embassy", "media": "org.kind.media", "ngo": "org.kind.ngo",
		"event_company": "org.kind.event_company", "other": "org.kind.other",
	}
	contributionKindKeys = map[string]string{
		"address": "contribution.kind.address", "keynote": "contribution.kind.keynote", "talk": "contribution.kind.talk",
		"panel": "contribution.kind.panel", "discussion": "contribution.kind.discussion", "poster": "contribution.kind.poster",
		"break": "contribution.kind.break",
	}
	registrationStatusKeys  = symposium.RegistrationStatusKeys
	registrationExplainKeys = map[string]string{
		"confirmed": "registration.explain.confirmed", "waitlisted": "registration.explain.waitlisted",
		"pending": "registration.explain.pending", "cancelled": "registration.explain.cancelled", "rejected": "registration.explain.rejected",
	}
	questionKindKeys = map[string]string{
		"text": "question.kind.text", "long_text": "question.kind.long_text", "choice": "question.kind.choice",
		"multiple_choice": "question.kind.multiple_choice", "country": "question.kind.country", "yes_no": "question.kind.yes_no",
		"consent": "question.kind.consent",
	}
	invitationStatusKeys = map[string]string{
		"sent": "invitation.status.sent", "opened": "invitation.status.opened", "accepted": "invitation.status.accepted",
		"declined": "invitation.status.declined", "revoked": "invitation.status.revoked",
	}
	resultTypeKeys = map[string]string{
		"person": "search.type.person", "organization": "search.type.organization", "event": "search.type.event",
		"contribution": "search.type.contribution",
	}
	evidenceKeys = map[string]string{
		"name": "duplicates.evidence.name", "email": "duplicates.evidence.email",
		"organization": "duplicates.evidence.organization", "country": "duplicates.evidence.country",
	}
	roleKeys = map[string]string{
		"manager": "role.manager", "reviewer": "role.reviewer", "checkin": "role.checkin", "moderator": "role.moderator",
	}
	abstractStatusKeys = symposium.AbstractStatusKeys
	abstractTypeKeys   = symposium.AbstractTypeKeys
	decisionKeys       = symposium.DecisionKeys
	// decisionFilterKeys are the decision list's choices of decision.
	decisionFilterKeys = map[string]string{
		"accept": "decision.accept", "reject": "decision.reject", "pending": "decisions.pending", "none": "decisions.undecided",
	}
	// sortKeys are the orders of the decision list.
	sortKeys = map[string]string{
		"mean": "decisions.sort.mean", "median": "decisions.sort.median", "spread": "decisions.sort.spread",
		"reviews": "decisions.sort.reviews", "submitted": "decisions.sort.submitted",
	}
	reviewKindKeys = map[string]string{
		"rating": "cfp_form.kind.rating", "yesno": "cfp_form.kind.yesno", "text": "cfp_form.kind.text",
	}
	bidKeys = map[string]string{"eager": "bid.eager", "willing": "bid.willing", "not": "bid.not"}
	// consentKeys are the words a person is shown for each kind of
	// consent, recorded with their answer.
	consentKeys = map[string]string{
		symposium.ConsentParticipantList: "consent.participant_list.text", symposium.ConsentPhotos: "consent.photos.text",
		symposium.ConsentMatchmaking: "consent.matchmaking.text", symposium.ConsentNewsletter: "consent.newsletter.text",
	}
	// auditActionKeys name the actions of the audit log.
	auditActionKeys = map[string]string{
		symposium.AuditEventCreate: "audit.action.event_create", symposium.AuditEventUpdate: "audit.action.event_update",
		symposium.AuditRoleGrant: "audit.action.role_grant", symposium.AuditRoleRevoke: "audit.action.role_revoke",
		symposium.AuditPersonCreate: "audit.action.person_create", symposium.AuditPersonUpdate: "audit.action.person_update",
		symposium.AuditPersonPhoto: "audit.action.person_photo", symposium.AuditPersonMerge: "audit.action.person_merge",
		symposium.AuditMergeUndo: "audit.action.person_merge_undo", symposium.AuditDuplicateDismiss: "audit.action.person_not_duplicate",
		symposium.AuditOrgCreate: "audit.action.organization_create", symposium.AuditRoomCreate: "audit.action.room_create",
		symposium.AuditSessionCreate: "audit.action.session_create", symposium.AuditEntrySave: "audit.action.contribution_save",
		symposium.AuditEntryDelete: "audit.action.contribution_delete",
		symposium.AuditErase:       "audit.action.personal_data_erase", symposium.AuditRetention: "audit.action.registration_retention",
		symposium.AuditShred: "audit.action.registration_shred", symposium.AuditCategorySave: "audit.action.category_save",
		symposium.AuditRegistration: "audit.action.registration_change", symposium.AuditCallSave: "audit.action.call_save",
		symposium.AuditReviewerAssign: "audit.action.review_assign", symposium.AuditDecision: "audit.action.review_decision",
		symposium.AuditDecisionsRelease: "audit.action.review_release", symposium.AuditAccountRights: "audit.action.account_rights",
		symposium.AuditSiteSettings: "audit.action.site_settings", symposium.AuditCapacity: "audit.action.registration_capacity",
		symposium.AuditQuestions: "audit.action.registration_form_save", symposium.AuditInvite: "audit.action.invitation_send",
		symposium.AuditInviteRevoke: "audit.action.invitation_revoke",
	}
)

// label returns the message key for value in one of the tables above, for
// templates: {{.L.T (label "event_kind" .Event.Kind)}}.
func label(table, value string) string {
	m := map[string]map[string]string{
		"event_kind": eventKindKeys, "event_status": eventStatusKeys, "visibility": visibilityKeys,
		"org_role": orgRoleKeys, "org_kind": orgKindKeys, "contribution_kind": contributionKindKeys, "role": roleKeys,
		"registration_status": registrationStatusKeys, "registration_explain": registrationExplainKeys,
		"question_kind": questionKindKeys, "invitation_status": invitationStatusKeys,
		"result_type": resultTypeKeys, "evidence": evidenceKeys,
		"abstract_status": abstractStatusKeys, "abstract_type": abstractTypeKeys, "decision": decisionKeys,
		"decision_filter": decisionFilterKeys, "sort": sortKeys, "review_kind": reviewKindKeys, "bid": bidKeys,
		"audit_action": auditActionKeys, "consent": consentKeys, "photo_consent": photoConsentKeys,
		"live_status": liveStatusKeys, "poll_status": pollStatusKeys, "live_mod": liveModKeys,
		"minutes_status": minutesStatusKeys, "seen_by": seenByKeys,
		"agreement_kind": agreementKindKeys, "agreement_status": agreementStatusKeys, "report_section": reportSectionKeys,
		"hook_type": hookTypeKeys, "delivery_status": deliveryStatusKeys,
	}[table]
	if m == nil {
		m = mmLabels()[table]
	}
	if key, ok := m[value]; ok {
		return key
	}
	return value
}
