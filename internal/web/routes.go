package web

import "net/http"

// routes is the route table of the pages.
func (h *Handler) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /static/{file}", h.assets.serve)
	mux.HandleFunc("GET /{$}", h.home)

	mux.HandleFunc("GET /signup", h.signUpForm)
	mux.HandleFunc("POST /signup", h.signUp)
	mux.HandleFunc("GET /signin", h.signInForm)
	mux.HandleFunc("POST /signin", h.signIn)
	mux.HandleFunc("POST /signout", h.signOut)
	mux.HandleFunc("GET /password/forgot", h.forgotForm)
	mux.HandleFunc("POST /password/forgot", h.forgot)
	mux.HandleFunc("GET /password/reset", h.resetForm)
	mux.HandleFunc("POST /password/reset", h.reset)

	mux.HandleFunc("GET /events/new", h.newEventForm)
	mux.HandleFunc("POST /events/new", h.createEvent)
	mux.HandleFunc("GET /events/{slug}/edit", h.editEventForm)
	mux.HandleFunc("POST /events/{slug}/edit", h.updateEvent)
	mux.HandleFunc("GET /events/{slug}/editor", h.showEditor)
	mux.HandleFunc("POST /events/{slug}/editor/entries", h.saveEntry)
	mux.HandleFunc("POST /events/{slug}/editor/entries/delete", h.deleteEntry)
	mux.HandleFunc("POST /events/{slug}/editor/rooms", h.addRoom)
	mux.HandleFunc("POST /events/{slug}/editor/sessions", h.addSession)
	mux.HandleFunc("GET /events/{slug}/roles", h.showRoles)
	mux.HandleFunc("POST /events/{slug}/roles", h.addRole)
	mux.HandleFunc("POST /events/{slug}/roles/remove", h.removeRole)
	mux.HandleFunc("GET /events/{slug}/registrations", h.showRegistrations)
	mux.HandleFunc("POST /events/{slug}/registrations", h.bulkChange)
	mux.HandleFunc("GET /events/{slug}/registrations/export/{format}", h.exportRegistrations)
	mux.HandleFunc("GET /events/{slug}/checkin", h.showCheckin)
	mux.HandleFunc("POST /events/{slug}/checkin", h.checkIn)
	mux.HandleFunc("GET /events/{slug}/register", h.registerForm)
	mux.HandleFunc("POST /events/{slug}/register", h.register)
	mux.HandleFunc("GET /registrations/manage", h.manageRegistration)
	mux.HandleFunc("POST /registrations/manage", h.manageRegistration)
	mux.HandleFunc("GET /events/{slug}", h.showEvent)
	mux.HandleFunc("GET /events/{slug}/timetable", h.showTimetable)
	mux.HandleFunc("GET /events/{slug}/timetable.ics", h.timetableICS)
	mux.HandleFunc("GET /events/{slug}/timetable/print", h.printTimetable)
	mux.HandleFunc("GET /events/{slug}/speakers", h.showSpeakers)
	mux.HandleFunc("GET /events/{slug}/contributions/{id}", h.showContribution)
	mux.HandleFunc("GET /people/new", h.newPersonForm)
	mux.HandleFunc("POST /people/new", h.createPerson)
	mux.HandleFunc("GET /people/{id}", h.showPerson)
	mux.HandleFunc("GET /people/{id}/photo", h.servePhoto)
	mux.HandleFunc("POST /people/{id}/photo", h.uploadPhoto)
	mux.HandleFunc("GET /organizations/new", h.newOrganizationForm)
	mux.HandleFunc("POST /organizations/new", h.createOrganization)
	mux.HandleFunc("GET /organizations/{id}", h.showOrganization)

	mux.HandleFunc("GET /admin/mail", h.adminMail)

	mux.HandleFunc("/", h.notFound)
}
