package server_test

// lookRows are the rows of an event's own look: its stylesheet is as
// public as the event, and at a restricted event only those who see it
// get it; everyone else is told nothing.
func (w *world) lookRows() []perm {
	return []perm{
		{route: "GET /events/{slug}/theme.css", path: "/events/pub/theme.css", want: every(200), action: "event stylesheet"},
		{route: "GET /events/{slug}/theme.css", path: "/events/res/theme.css", want: hidden(every(200)), action: "restricted event stylesheet"},
	}
}
