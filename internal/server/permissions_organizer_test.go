package server_test

// organizerRows are the rows of the organizer's pages: registration
// categories and the overall capacity, an entry's page in the programme
// editor, and undo (of a change that is not the caller's last, so that
// nothing changes).
func (w *world) organizerRows() []perm {
	id := w.ids
	return []perm{
		{route: "GET /events/{slug}/registration-categories", path: "/events/pub/registration-categories", want: managers(200)},
		{route: "GET /events/{slug}/registration-categories", path: "/events/res/registration-categories", want: hidden(managers(200)), action: "restricted categories"},
		{route: "POST /events/{slug}/registration-categories", path: "/events/pub/registration-categories", body: "name.en=&capacity=5", want: managers(422)},
		{route: "GET /events/{slug}/registration-categories/{id}", path: "/events/pub/registration-categories/" + id["category"], want: managers(200)},
		{route: "GET /events/{slug}/registration-categories/{id}", path: "/events/pub/registration-categories/" + w.users[stranger].ID, want: managers(404), action: "unknown category"},
		{route: "POST /events/{slug}/registration-categories/{id}", path: "/events/pub/registration-categories/" + id["category"], body: "name.en=&capacity=5", want: managers(422)},
		{route: "GET /events/{slug}/editor/entries/{id}", path: "/events/pub/editor/entries/" + id["contribution"], want: managers(200)},
		{route: "GET /events/{slug}/editor/entries/{id}", path: "/events/res/editor/entries/" + id["contribution"], want: hidden(managers(404)), action: "entry of another event"},
		{route: "POST /events/{slug}/editor/undo", path: "/events/pub/editor/undo", body: "change=forged", want: managers(409)},
		{route: "POST /events/{slug}/registration-capacity", path: "/events/pub/registration-capacity", body: "overall_capacity=-1", want: managers(422)},
	}
}
