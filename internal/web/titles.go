package web

import "strings"

// pageNames gives the catalog key of the name of each page of an event,
// by its route without the method: the page's title is its name and the
// event's title ("Registrations · China Science and Technology
// Symposium"), so that every tab and window of an event says which page
// it shows (WCAG 2.4.2). A form answered with its errors keeps the name
// of its page. The event's own page, contributions and abstracts name
// themselves.
var pageNames = map[string]string{
	"/events/{slug}/edit":                                      "page.event_edit.title",
	"/events/{slug}/editor":                                    "event.tab.editor",
	"/events/{slug}/editor/entries":                            "event.tab.editor",
	"/events/{slug}/editor/rooms":                              "event.tab.editor",
	"/events/{slug}/editor/sessions":                           "event.tab.editor",
	"/events/{slug}/roles":                                     "roles.heading",
	"/events/{slug}/roles/remove":                              "roles.heading",
	"/events/{slug}/registrations":                             "event.tab.registrations",
	"/events/{slug}/registration-form":                         "form_editor.heading",
	"/events/{slug}/participants":                              "participants.heading",
	"/events/{slug}/invitations":                               "invitations.heading",
	"/events/{slug}/checkin":                                   "page.checkin.title",
	"/events/{slug}/register":                                  "register.heading",
	"/events/{slug}/register/resend":                           "check_mail.heading",
	"/events/{slug}/timetable":                                 "event.tab.timetable",
	"/events/{slug}/timetable/print":                           "event.tab.timetable",
	"/events/{slug}/speakers":                                  "event.tab.speakers",
	"/events/{slug}/audit":                                     "page.audit.title",
	"/events/{slug}/webhooks":                                  "webhooks.heading",
	"/events/{slug}/webhooks/{id}":                             "webhooks.heading",
	"/events/{slug}/webhooks/{id}/test":                        "webhooks.heading",
	"/events/{slug}/webhooks/{id}/deliveries/{delivery}/retry": "webhooks.heading",
	"/events/{slug}/cfp":                                       "cfp.heading",
	"/events/{slug}/cfp/edit":                                  "cfp_form.heading",
	"/events/{slug}/abstracts/new":                             "submit.heading",
	"/events/{slug}/reviews":                                   "reviewing.heading",
	"/events/{slug}/reviews/bids":                              "reviewing.heading",
	"/events/{slug}/decisions":                                 "decisions.heading",
	"/events/{slug}/reviewers":                                 "decisions.heading",
	"/events/{slug}/assignments":                               "decisions.heading",
	"/invitations/{token}":                                     "invitation.heading",
	"/registrations/manage":                                    "manage.heading",
}

// pageNameKey returns the catalog key naming the page a route pattern
// such as "GET /events/{slug}/roles" shows, or "".
func pageNameKey(pattern string) string {
	if _, path, ok := strings.Cut(pattern, " "); ok {
		pattern = path
	}
	return pageNames[pattern]
}
