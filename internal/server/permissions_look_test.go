package server_test

// lookRows are the rows of an event's own look: its stylesheet is as
// public as the event, and at a restricted event only those who see it
// get it; everyone else is told nothing. The fixture's events have no
// logo, so whoever may see one is told there is none; only managers may
// upload one (a post without a file is refused, changing nothing).
func (w *world) lookRows() []perm {
	return []perm{
		{route: "GET /events/{slug}/theme.css", path: "/events/pub/theme.css", want: every(200), action: "event stylesheet"},
		{route: "GET /events/{slug}/theme.css", path: "/events/res/theme.css", want: hidden(every(200)), action: "restricted event stylesheet"},
		{route: "GET /events/{slug}/logo", path: "/events/pub/logo", want: every(404), action: "event logo"},
		{route: "POST /events/{slug}/logo", path: "/events/pub/logo", want: managers(422), action: "upload event logo"},
		{route: "POST /events/{slug}/logo", path: "/events/res/logo", want: hidden(managers(422)), action: "upload restricted event logo"},
	}
}
