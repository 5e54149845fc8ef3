package web

import (
	"net/http"
	"slices"
)

// routes is the route table of the pages.
func (h *Handler) routes(mux routeTable) {
	mux.HandleFunc("GET /static/{file}", h.assets.serve)
	mux.HandleFunc("GET /{$}", h.cached(h.home))

	mux.HandleFunc("GET /signup", h.signUpForm)
	mux.HandleFunc("POST /signup", h.signUp)
	mux.HandleFunc("GET /signin", h.signInForm)
	mux.HandleFunc("POST /signin", h.signIn)
	mux.HandleFunc("POST /signout", h.signOut)
	mux.HandleFunc("GET /password/forgot", h.forgotForm)
	mux.HandleFunc("POST /password/forgot", h.forgot)
	mux.HandleFunc("GET /password/reset", h.resetForm)
	mux.HandleFunc("POST /password/reset", h.reset)
	mux.HandleFunc("GET /signin/email", h.signInEmailForm)
	mux.HandleFunc("POST /signin/email", h.signInEmail)
	mux.HandleFunc("GET /signin/link", h.signInLinkForm)
	mux.HandleFunc("POST /signin/link", h.signInLink)
	mux.HandleFunc("GET /verify", h.verifyForm)
	mux.HandleFunc("POST /verify", h.verify)
	mux.HandleFunc("GET /verify/resend", h.resendForm)
	mux.HandleFunc("POST /verify/resend", h.resend)
	mux.HandleFunc("GET /account", h.showAccount)
	mux.HandleFunc("POST /account/email", h.changeEmail)
	mux.HandleFunc("POST /account/verify", h.resendOwnVerification)
	mux.HandleFunc("GET /account/tokens", h.showTokens)
	mux.HandleFunc("POST /account/tokens", h.createToken)
	mux.HandleFunc("POST /account/tokens/{id}/revoke", h.revokeToken)
	mux.HandleFunc("GET /account/data", h.showMyData)
	mux.HandleFunc("GET /account/data.json", h.downloadMyData)
	mux.HandleFunc("POST /account/consents", h.setMyConsent)
	mux.HandleFunc("GET /account/erase", h.showEraseMe)
	mux.HandleFunc("POST /account/erase", h.eraseMe)
	mux.HandleFunc("GET /people/{id}/data", h.showPersonData)
	mux.HandleFunc("GET /people/{id}/data.json", h.downloadPersonData)
	mux.HandleFunc("GET /people/{id}/erase", h.showErasePerson)
	mux.HandleFunc("POST /people/{id}/erase", h.erasePerson)
	mux.HandleFunc("GET /events/{slug}/retention", h.showRetention)
	mux.HandleFunc("POST /events/{slug}/retention", h.setRetention)

	mux.HandleFunc("GET /events/new", h.newEventForm)
	mux.HandleFunc("POST /events/new", h.createEvent)
	mux.HandleFunc("GET /events/{slug}/edit", h.editEventForm)
	mux.HandleFunc("POST /events/{slug}/edit", h.updateEvent)
	mux.HandleFunc("GET /events/{slug}/editor", h.showEditor)
	mux.HandleFunc("POST /events/{slug}/editor/entries", h.saveEntry)
	mux.HandleFunc("POST /events/{slug}/editor/entries/delete", h.deleteEntry)
	mux.HandleFunc("GET /events/{slug}/editor/entries/{id}", h.showEntry)
	mux.HandleFunc("POST /events/{slug}/editor/undo", h.undoEntry)
	mux.HandleFunc("POST /events/{slug}/editor/rooms", h.addRoom)
	mux.HandleFunc("POST /events/{slug}/editor/sessions", h.addSession)
	mux.HandleFunc("GET /events/{slug}/roles", h.showRoles)
	mux.HandleFunc("POST /events/{slug}/roles", h.addRole)
	mux.HandleFunc("POST /events/{slug}/roles/remove", h.removeRole)
	mux.HandleFunc("GET /events/{slug}/registrations", h.showRegistrations)
	mux.HandleFunc("POST /events/{slug}/registrations", h.bulkChange)
	mux.HandleFunc("GET /events/{slug}/registrations/export/{format}", h.exportRegistrations)
	mux.HandleFunc("GET /events/{slug}/badges.pdf", h.badgeSheet)
	mux.HandleFunc("GET /events/{slug}/registration-form", h.showFormEditor)
	mux.HandleFunc("POST /events/{slug}/registration-form", h.editForm)
	mux.HandleFunc("GET /events/{slug}/registration-categories", h.showCategories)
	mux.HandleFunc("POST /events/{slug}/registration-categories", h.createCategory)
	mux.HandleFunc("GET /events/{slug}/registration-categories/{id}", h.editCategoryForm)
	mux.HandleFunc("POST /events/{slug}/registration-categories/{id}", h.updateCategory)
	mux.HandleFunc("POST /events/{slug}/registration-capacity", h.setCapacity)
	mux.HandleFunc("GET /events/{slug}/participants", h.showParticipants)
	mux.HandleFunc("GET /events/{slug}/invitations", h.showInvitations)
	mux.HandleFunc("POST /events/{slug}/invitations", h.sendInvitation)
	mux.HandleFunc("GET /invitations/{token}", h.showInvitation)
	mux.HandleFunc("POST /invitations/{token}", h.answerInvitation)
	mux.HandleFunc("GET /events/{slug}/checkin", h.showCheckin)
	mux.HandleFunc("POST /events/{slug}/checkin", h.checkIn)
	mux.HandleFunc("GET /events/{slug}/register", h.registerForm)
	mux.HandleFunc("POST /events/{slug}/register", h.register)
	mux.HandleFunc("POST /events/{slug}/register/resend", h.resendLink)
	mux.HandleFunc("GET /registrations/manage", h.manageRegistration)
	mux.HandleFunc("POST /registrations/manage", h.manageRegistration)
	mux.HandleFunc("GET /events/{slug}", h.cached(h.showEvent))
	mux.HandleFunc("GET /events/{slug}/timetable", h.cached(h.showTimetable))
	mux.HandleFunc("GET /events/{slug}/timetable.ics", h.timetableICS)
	mux.HandleFunc("GET /events/{slug}/timetable/print", h.printTimetable)
	mux.HandleFunc("GET /events/{slug}/speakers", h.cached(h.showSpeakers))
	mux.HandleFunc("GET /events/{slug}/contributions/{id}", h.cached(h.showContribution))
	h.reviewRoutes(mux)
	h.mmRoutes(mux)
	h.liveRoutes(mux)
	h.outcomeRoutes(mux)
	mux.HandleFunc("GET /search", h.showSearch)
	mux.HandleFunc("GET /people/new", h.newPersonForm)
	mux.HandleFunc("POST /people/new", h.createPerson)
	mux.HandleFunc("GET /people/duplicates", h.showDuplicates)
	mux.HandleFunc("POST /people/duplicates/dismiss", h.dismissDuplicate)
	mux.HandleFunc("POST /people/merges", h.mergePeople)
	mux.HandleFunc("POST /people/merges/{id}/undo", h.undoMerge)
	mux.HandleFunc("GET /people/{id}", h.cached(h.showPerson))
	mux.HandleFunc("GET /people/{id}/edit", h.editPersonForm)
	mux.HandleFunc("POST /people/{id}/edit", h.updatePerson)
	mux.HandleFunc("GET /people/{id}/photo", h.servePhoto)
	mux.HandleFunc("POST /people/{id}/photo", h.uploadPhoto)
	mux.HandleFunc("GET /organizations/new", h.newOrganizationForm)
	mux.HandleFunc("POST /organizations/new", h.createOrganization)
	mux.HandleFunc("GET /organizations/{id}", h.showOrganization)

	mux.HandleFunc("GET /admin/mail", h.adminMail)
	mux.HandleFunc("GET /admin/audit", h.showSiteAudit)
	mux.HandleFunc("GET /events/{slug}/audit", h.showEventAudit)
	mux.HandleFunc("GET /admin/users", h.showUsers)
	mux.HandleFunc("POST /admin/users/{id}", h.setGrants)
	mux.HandleFunc("GET /admin/site", h.showSite)
	mux.HandleFunc("GET /admin/data", h.showDataMap)
	mux.HandleFunc("POST /admin/site", h.setSite)

	mux.HandleFunc("/", h.notFound)
}

// reviewRoutes are the routes of the call for abstracts and its review.
func (h *Handler) reviewRoutes(mux routeTable) {
	mux.HandleFunc("GET /events/{slug}/cfp", h.showCall)
	mux.HandleFunc("GET /events/{slug}/cfp/edit", h.editCallForm)
	mux.HandleFunc("POST /events/{slug}/cfp/edit", h.saveCall)
	mux.HandleFunc("GET /events/{slug}/abstracts/new", h.newAbstractForm)
	mux.HandleFunc("POST /events/{slug}/abstracts/new", h.submitAbstract)
	mux.HandleFunc("GET /events/{slug}/abstracts/export/{kind}/{format}", h.exportAbstracts)
	mux.HandleFunc("GET /events/{slug}/book.pdf", h.bookOfAbstracts)
	mux.HandleFunc("GET /events/{slug}/reviews", h.showReviewing)
	mux.HandleFunc("POST /events/{slug}/reviews/bids", h.saveBids)
	mux.HandleFunc("GET /events/{slug}/decisions", h.showDecisions)
	mux.HandleFunc("POST /events/{slug}/decisions", h.decideMany)
	mux.HandleFunc("POST /events/{slug}/decisions/release", h.releaseDecisions)
	mux.HandleFunc("POST /events/{slug}/assignments", h.autoAssign)
	mux.HandleFunc("POST /events/{slug}/reviewers", h.addReviewer)
	mux.HandleFunc("GET /abstracts/{id}", h.showAbstract)
	mux.HandleFunc("GET /abstracts/{id}/edit", h.editAbstractForm)
	mux.HandleFunc("POST /abstracts/{id}/edit", h.editAbstract)
	mux.HandleFunc("POST /abstracts/{id}/withdraw", h.withdrawAbstract)
	mux.HandleFunc("POST /abstracts/{id}/confirm", h.confirmAuthorship)
	mux.HandleFunc("POST /abstracts/{id}/review", h.saveReview)
	mux.HandleFunc("POST /abstracts/{id}/declare", h.declareConflict)
	mux.HandleFunc("POST /abstracts/{id}/reviewers", h.assignReviewer)
	mux.HandleFunc("POST /abstracts/{id}/decision", h.decideAbstract)
}

// outcomeRoutes are the routes of minutes, materials, photos, the
// cooperation tracker, the report and the site's news.
func (h *Handler) outcomeRoutes(mux routeTable) {
	mux.HandleFunc("GET /events/{slug}/minutes", h.showCompiledMinutes)
	mux.HandleFunc("GET /events/{slug}/contributions/{id}/minutes", h.showMinutes)
	mux.HandleFunc("POST /events/{slug}/contributions/{id}/minutes", h.saveMinutes)
	mux.HandleFunc("GET /events/{slug}/sessions/{id}/minutes", h.showSessionMinutes)
	mux.HandleFunc("POST /events/{slug}/sessions/{id}/minutes", h.saveSessionMinutes)
	mux.HandleFunc("GET /events/{slug}/materials", h.showMaterials)
	mux.HandleFunc("POST /events/{slug}/materials", h.uploadMaterial)
	mux.HandleFunc("GET /events/{slug}/materials.zip", h.materialsZip)
	mux.HandleFunc("GET /events/{slug}/materials/{id}/file", h.serveMaterial)
	mux.HandleFunc("POST /events/{slug}/materials/{id}/versions", h.uploadMaterialVersion)
	mux.HandleFunc("GET /events/{slug}/photos", h.showPhotos)
	mux.HandleFunc("POST /events/{slug}/photos", h.uploadEventPhoto)
	mux.HandleFunc("POST /events/{slug}/photos/{id}", h.updateEventPhoto)
	mux.HandleFunc("POST /events/{slug}/photos/{id}/delete", h.deleteEventPhoto)
	mux.HandleFunc("GET /events/{slug}/photos/{id}/file", h.serveEventPhoto)
	mux.HandleFunc("GET /events/{slug}/photo-consent", h.showConsent)
	mux.HandleFunc("POST /events/{slug}/photo-consent", h.setConsent)
	mux.HandleFunc("GET /events/{slug}/agreements", h.showAgreements)
	mux.HandleFunc("POST /events/{slug}/agreements", h.saveAgreement)
	mux.HandleFunc("POST /events/{slug}/agreements/{id}", h.saveAgreement)
	mux.HandleFunc("GET /agreements", h.showTracker)
	mux.HandleFunc("GET /events/{slug}/report", h.showReport)
	mux.HandleFunc("GET /events/{slug}/report.pdf", h.reportPDF)
	mux.HandleFunc("GET /events/{slug}/report/edit", h.editReportForm)
	mux.HandleFunc("POST /events/{slug}/report/edit", h.saveReport)
	mux.HandleFunc("GET /news", h.showNews)
	mux.HandleFunc("POST /news", h.saveNews)
	mux.HandleFunc("GET /news/{id}", h.showNewsPost)
	mux.HandleFunc("POST /news/{id}", h.saveNews)
	mux.HandleFunc("GET /news.atom", h.newsAtom)
}

// routeTable is where routes are registered: the server's mux, through a
// recorder that keeps every pattern for the permission table test.
type routeTable interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
}

// recorder registers routes on a mux and remembers their patterns.
type recorder struct {
	mux      *http.ServeMux
	patterns *[]string
}

// HandleFunc registers a route and remembers its pattern.
func (r recorder) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	r.mux.HandleFunc(pattern, handler)
	*r.patterns = append(*r.patterns, pattern)
}

// Patterns lists the patterns of every page route, as registered.
func (h *Handler) Patterns() []string { return slices.Clone(h.patterns) }
