package web

import "symposium"

// Message keys of the outcomes' values.
var (
	minutesStatusKeys = map[string]string{symposium.MinutesDraft: "minutes.status.draft",
		symposium.MinutesPublished: "minutes.status.published", symposium.MinutesLocked: "minutes.status.locked"}
	seenByKeys = map[string]string{symposium.SeenByEveryone: "materials.seen_by.everyone", symposium.SeenByParticipants: "materials.seen_by.participants",
		symposium.SeenBySpeakers: "materials.seen_by.speakers", symposium.SeenByManagers: "materials.seen_by.managers"}
	agreementKindKeys = map[string]string{symposium.AgreementMoU: "agreements.kind.mou", symposium.AgreementAgreement: "agreements.kind.agreement",
		symposium.AgreementJointProject: "agreements.kind.joint_project", symposium.AgreementFollowUp: "agreements.kind.follow_up"}
	agreementStatusKeys = map[string]string{symposium.AgreementProposed: "agreements.status.proposed", symposium.AgreementAgreed: "agreements.status.agreed",
		symposium.AgreementSigned: "agreements.status.signed", symposium.AgreementInProgress: "agreements.status.in_progress",
		symposium.AgreementDone: "agreements.status.done", symposium.AgreementDropped: "agreements.status.dropped"}
	reportSectionKeys = map[string]string{symposium.SectionOverview: "report.section.overview", symposium.SectionOrganizers: "report.section.organizers",
		symposium.SectionFigures: "report.section.figures", symposium.SectionAddresses: "report.section.addresses",
		symposium.SectionPhotos: "report.section.photos", symposium.SectionCooperation: "report.section.cooperation"}
	photoConsentKeys = map[string]string{symposium.PhotoConsentYes: "consent.yes", symposium.PhotoConsentNo: "consent.no", "": "consent.unanswered"}
)

func init() {
	for action, key := range map[string]string{symposium.AuditMinutesSave: "audit.action.minutes_save",
		symposium.AuditMaterialUpload: "audit.action.material_upload", symposium.AuditPhotoSave: "audit.action.photo_save",
		symposium.AuditPhotoDelete: "audit.action.photo_delete", symposium.AuditAgreementSave: "audit.action.agreement_save",
		symposium.AuditReportSave: "audit.action.report_save", symposium.AuditNewsSave: "audit.action.news_save"} {
		auditActionKeys[action] = key
	}
}
