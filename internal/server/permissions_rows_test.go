package server_test

import (
	"fmt"
	"time"
)

// table is the permission table: every route of both surfaces, as the
// fixture's callers meet it. Each capability adds its rows in a file of
// its own, through one function listed here.
func (w *world) table() []perm {
	var rows []perm
	for _, part := range []func() []perm{
		w.coreRows, w.privacyRows, w.matchmakingRows, w.matchmakingDayRows, w.matchmakingScanRows, w.matchmakingFollowUpRows,
		w.liveRows, w.live2Rows, w.outcomesRows, w.outcomes2Rows, w.organizerRows, w.mineRows, w.webhooksRows, w.lookRows,
	} {
		rows = append(rows, part()...)
	}
	return rows
}

// coreRows are the rows of the site, accounts, events, programme,
// registration, review and people. Requests that would change something send
// input that is invalid, or act on an object whose state refuses the
// action, so that a permitted caller gets 422 or 409 and changes nothing,
// while the others get 401, 403 or 404 before the input is even read.
func (w *world) coreRows() []perm {
	id := w.ids
	abs, gone := "/abstracts/"+id["abstract"], "/abstracts/"+id["withdrawn"]
	api := "/api/v1"
	soon := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	event := fmt.Sprintf(`{"slug":"Not A Slug","title":{"en":"X"},"starts_at":%q,"ends_at":%q,"timezone":"Asia/Almaty"}`, soon, soon)
	author := abstractOf(0, registrant, reviewer, manager, admin).with(reviewer, 403)
	authorOfGone := abstractOf(0, registrant, manager, admin) // nobody reviews a withdrawn abstract
	rows := []perm{
		// The site, accounts and sign-in.
		{route: "GET /healthz", path: "/healthz", want: every(200)},
		{route: "GET /metrics", path: "/metrics", want: every(200)},
		{route: "GET /static/{file}", path: "/static/no-such-file.css", want: every(404)},
		{route: "GET /{$}", path: "/", want: every(200)},
		{route: "/", path: "/no/such/page", want: every(404)},
		{route: "GET /signup", path: "/signup", want: every(200)},
		{route: "POST /signup", path: "/signup", body: "email=", want: every(422)},
		{route: "GET /signin", path: "/signin", want: every(200)},
		{route: "POST /signin", path: "/signin", body: "email={email}&password=wrong+password", want: every(401)},
		{route: "POST /signout", path: "/signout", want: every(303), fresh: true},
		{route: "GET /password/forgot", path: "/password/forgot", want: every(200)},
		{route: "POST /password/forgot", path: "/password/forgot", body: "email=", want: every(422)},
		{route: "GET /password/reset", path: "/password/reset?token=forged", want: every(200)},
		{route: "POST /password/reset", path: "/password/reset", body: "token=forged&password=correct+horse+battery", want: every(422)},
		{route: "GET /signin/email", path: "/signin/email", want: every(200)},
		{route: "POST /signin/email", path: "/signin/email", body: "email=", want: every(422)},
		{route: "GET /signin/link", path: "/signin/link?token=forged", want: every(200)},
		{route: "POST /signin/link", path: "/signin/link", body: "token=forged", want: every(422)},
		{route: "GET /verify", path: "/verify?token=forged", want: every(200)},
		{route: "POST /verify", path: "/verify", body: "token=forged", want: every(422)},
		{route: "GET /verify/resend", path: "/verify/resend", want: every(200)},
		{route: "POST /verify/resend", path: "/verify/resend", body: "email=", want: every(422)},
		{route: "GET /account", path: "/account", want: signedIn(200)},
		{route: "POST /account/email", path: "/account/email", body: "email=", want: signedIn(422)},
		{route: "POST /account/verify", path: "/account/verify", want: signedIn(303)},
		{route: "GET /api/v1/me", path: api + "/me", want: signedIn(200)},
		{route: "GET /account/tokens", path: "/account/tokens", want: signedIn(200), action: "list tokens"},
		{route: "GET /api/v1/me/tokens", path: api + "/me/tokens", want: signedIn(200), action: "list tokens"},
		{route: "POST /account/tokens", path: "/account/tokens", body: "name=x&lifetime=forever-and-a-day", want: signedIn(422), action: "make token"},
		{route: "POST /api/v1/me/tokens", path: api + "/me/tokens", body: `{"name":"x","expires_at":"2001-01-01T00:00:00Z"}`, want: signedIn(422), action: "make token"},
		{route: "POST /account/tokens/{id}/revoke", path: "/account/tokens/" + w.users[stranger].ID + "/revoke", want: signedIn(404), action: "revoke token"},
		{route: "DELETE /api/v1/me/tokens/{id}", path: api + "/me/tokens/" + w.users[stranger].ID, want: signedIn(404), action: "revoke token"},

		// Administration.
		{route: "GET /admin/mail", path: "/admin/mail", want: admins(200)},
		{route: "GET /admin/audit", path: "/admin/audit", want: admins(200), action: "site audit"},
		{route: "GET /api/v1/audit", path: api + "/audit", want: admins(200), action: "site audit"},
		{route: "GET /admin/users", path: "/admin/users", want: admins(200), action: "list accounts"},
		{route: "GET /api/v1/users", path: api + "/users", want: admins(200), action: "list accounts"},
		{route: "POST /admin/users/{id}", path: "/admin/users/" + w.users[stranger].ID, want: admins(303)},
		{route: "PATCH /api/v1/users/{id}", path: api + "/users/" + w.users[stranger].ID, body: `{}`, want: admins(200)},
		{route: "GET /admin/site", path: "/admin/site", want: admins(200), action: "site settings"},
		{route: "GET /api/v1/site", path: api + "/site", want: admins(200), action: "site settings"},
		{route: "POST /admin/site", path: "/admin/site", want: admins(303)},
		{route: "PUT /api/v1/site", path: api + "/site", body: `{"open_event_creation":false}`, want: admins(200)},

		// Events and their teams.
		{route: "GET /api/v1/events", path: api + "/events", want: every(200)},
		{route: "GET /events/new", path: "/events/new", want: creators(200)},
		{route: "POST /events/new", path: "/events/new", body: "slug=Not+A+Slug", want: creators(422), action: "create event"},
		{route: "POST /api/v1/events", path: api + "/events", body: event, want: creators(422), action: "create event"},
		{route: "GET /events/{slug}", path: "/events/pub", want: every(200), action: "read event"},
		{route: "GET /api/v1/events/{slug}", path: api + "/events/pub", want: every(200), action: "read event"},
		{route: "GET /events/{slug}", path: "/events/res", want: hidden(every(200)), action: "read restricted event"},
		{route: "GET /api/v1/events/{slug}", path: api + "/events/res", want: hidden(every(200)), action: "read restricted event"},
		{route: "GET /events/{slug}/edit", path: "/events/pub/edit", want: managers(200)},
		{route: "POST /events/{slug}/edit", path: "/events/pub/edit", body: "slug=Not+A+Slug", want: managers(422), action: "change event"},
		{route: "PATCH /api/v1/events/{slug}", path: api + "/events/pub", body: `{"slug":"Not A Slug"}`, want: managers(422), action: "change event"},
		{route: "GET /events/{slug}/roles", path: "/events/pub/roles", want: managers(200), action: "list roles"},
		{route: "GET /api/v1/events/{slug}/roles", path: api + "/events/pub/roles", want: managers(200), action: "list roles"},
		{route: "GET /events/{slug}/roles", path: "/events/res/roles", want: hidden(managers(200)), action: "list restricted roles"},
		{route: "GET /api/v1/events/{slug}/roles", path: api + "/events/res/roles", want: hidden(managers(200)), action: "list restricted roles"},
		{route: "POST /events/{slug}/roles", path: "/events/pub/roles", body: "email=nobody%40example.org&role=reviewer", want: managers(422), action: "give role"},
		{route: "POST /api/v1/events/{slug}/roles", path: api + "/events/pub/roles", body: `{"email":"nobody@example.org","role":"reviewer"}`, want: managers(422), action: "give role"},
		{route: "POST /events/{slug}/roles/remove", path: "/events/pub/roles/remove", body: "user_id=" + w.users[stranger].ID + "&role=manager", want: managers(404), action: "take role"},
		{route: "DELETE /api/v1/events/{slug}/roles/{role}/{user_id}", path: api + "/events/pub/roles/manager/" + w.users[stranger].ID, want: managers(404), action: "take role"},
		{route: "GET /events/{slug}/audit", path: "/events/pub/audit", want: managers(200), action: "event audit"},
		{route: "GET /api/v1/events/{slug}/audit", path: api + "/events/pub/audit", want: managers(200), action: "event audit"},

		// The programme.
		{route: "GET /events/{slug}/editor", path: "/events/pub/editor", want: managers(200)},
		{route: "POST /events/{slug}/editor/rooms", path: "/events/pub/editor/rooms", body: "name.en=", want: managers(422), action: "add room"},
		{route: "POST /api/v1/events/{slug}/rooms", path: api + "/events/pub/rooms", body: `{"name":{"en":" "}}`, want: managers(422), action: "add room"},
		{route: "POST /api/v1/events/{slug}/rooms", path: api + "/events/res/rooms", body: `{"name":{"en":" "}}`, want: hidden(managers(422)), action: "add restricted room"},
		{route: "POST /events/{slug}/editor/rooms", path: "/events/res/editor/rooms", body: "name.en=", want: hidden(managers(422)), action: "add restricted room"},
		{route: "POST /events/{slug}/editor/sessions", path: "/events/pub/editor/sessions", body: "title.en=", want: managers(422), action: "add session"},
		{route: "POST /api/v1/events/{slug}/sessions", path: api + "/events/pub/sessions", body: `{"title":{"en":" "}}`, want: managers(422), action: "add session"},
		{route: "POST /events/{slug}/editor/entries", path: "/events/pub/editor/entries", body: "title.en=", want: managers(422), action: "add entry"},
		{route: "POST /api/v1/events/{slug}/contributions", path: api + "/events/pub/contributions", body: `{"title":{"en":" "},"kind":"talk","duration_minutes":15,"speaker_ids":[]}`, want: managers(422), action: "add entry"},
		{route: "PATCH /api/v1/events/{slug}/contributions/{id}", path: api + "/events/pub/contributions/" + id["contribution"], body: `{"title":{"en":" "}}`, want: managers(422)},
		{route: "POST /events/{slug}/editor/entries/delete", path: "/events/pub/editor/entries/delete", body: "id=" + w.users[stranger].ID, want: managers(404), action: "delete entry"},
		{route: "DELETE /api/v1/events/{slug}/contributions/{id}", path: api + "/events/pub/contributions/" + w.users[stranger].ID, want: managers(404), action: "delete entry"},
		{route: "GET /api/v1/events/{slug}/rooms", path: api + "/events/pub/rooms", want: every(200)},
		{route: "GET /api/v1/events/{slug}/sessions", path: api + "/events/pub/sessions", want: every(200)},
		{route: "GET /api/v1/events/{slug}/contributions", path: api + "/events/pub/contributions", want: every(200)},
		{route: "GET /events/{slug}/contributions/{id}", path: "/events/pub/contributions/" + id["contribution"], want: every(200), action: "read entry"},
		{route: "GET /api/v1/events/{slug}/contributions/{id}", path: api + "/events/pub/contributions/" + id["contribution"], want: every(200), action: "read entry"},
		{route: "GET /events/{slug}/timetable", path: "/events/pub/timetable", want: every(200), action: "timetable"},
		{route: "GET /api/v1/events/{slug}/timetable", path: api + "/events/pub/timetable", want: every(200), action: "timetable"},
		{route: "GET /events/{slug}/timetable", path: "/events/res/timetable", want: hidden(every(200)), action: "restricted timetable"},
		{route: "GET /api/v1/events/{slug}/timetable", path: api + "/events/res/timetable", want: hidden(every(200)), action: "restricted timetable"},
		{route: "GET /events/{slug}/timetable.ics", path: "/events/pub/timetable.ics", want: every(200)},
		{route: "GET /events/{slug}/timetable/print", path: "/events/pub/timetable/print", want: every(200)},
		{route: "GET /events/{slug}/speakers", path: "/events/pub/speakers", want: every(200)},

		// Registration and check-in.
		{route: "GET /events/{slug}/register", path: "/events/pub/register", want: every(200)},
		{route: "POST /events/{slug}/register", path: "/events/pub/register", body: "email=", want: every(422), action: "register"},
		{route: "POST /api/v1/events/{slug}/registrations", path: api + "/events/pub/registrations", body: `{"category_id":"` + id["category"] + `","email":"","name":{"en":"X"}}`, want: every(422), action: "register"},
		{route: "POST /events/{slug}/register/resend", path: "/events/pub/register/resend", body: "email=", want: every(422)},
		{route: "GET /registrations/manage", path: "/registrations/manage?token=forged", want: every(404)},
		{route: "POST /registrations/manage", path: "/registrations/manage", body: "token=forged", want: every(404)},
		{route: "GET /api/v1/events/{slug}/registration-categories", path: api + "/events/pub/registration-categories", want: every(200)},
		{route: "POST /api/v1/events/{slug}/registration-categories", path: api + "/events/pub/registration-categories", body: `{"name":{"en":" "}}`, want: managers(422)},
		{route: "PATCH /api/v1/events/{slug}/registration-categories/{id}", path: api + "/events/pub/registration-categories/" + id["category"], body: `{"name":{"en":" "}}`, want: managers(422)},
		{route: "PUT /api/v1/events/{slug}/registration-capacity", path: api + "/events/pub/registration-capacity", body: `{}`, want: managers(200)},
		{route: "GET /events/{slug}/registration-form", path: "/events/pub/registration-form", want: managers(200), action: "registration form"},
		{route: "GET /api/v1/events/{slug}/registration-questions", path: api + "/events/pub/registration-questions", want: every(200)},
		{route: "POST /events/{slug}/registration-form", path: "/events/pub/registration-form", body: "label.0.en=&kind.0=text", want: managers(422), action: "change registration form"},
		{route: "PUT /api/v1/events/{slug}/registration-questions", path: api + "/events/pub/registration-questions", body: `{"questions":[{"key":"Not A Key","label":{"en":"Diet"},"kind":"text"}]}`, want: managers(422), action: "change registration form"},
		{route: "GET /events/{slug}/registrations", path: "/events/pub/registrations", want: managers(200)},
		{route: "GET /api/v1/events/{slug}/registrations", path: api + "/events/pub/registrations", want: desk(200)},
		{route: "POST /events/{slug}/registrations", path: "/events/pub/registrations", body: "action=approve&id=" + id["cancelled"], want: managers(200)},
		{route: "PATCH /api/v1/registrations/{id}", path: api + "/registrations/" + id["registration"], body: `{"name":{"en":" "}}`, want: abstractOf(422, manager, admin).with(checkin, 403)},
		{route: "POST /api/v1/registrations/{id}/approve", path: api + "/registrations/" + id["cancelled"] + "/approve", want: abstractOf(409, manager, admin).with(checkin, 403)},
		{route: "POST /api/v1/registrations/{id}/reject", path: api + "/registrations/" + id["cancelled"] + "/reject", want: abstractOf(409, manager, admin).with(checkin, 403)},
		{route: "POST /api/v1/registrations/{id}/cancel", path: api + "/registrations/" + id["cancelled"] + "/cancel", body: `{}`, want: abstractOf(409, manager, admin).with(anon, 404, checkin, 403)},
		{route: "GET /events/{slug}/registrations/export/{format}", path: "/events/pub/registrations/export/csv", want: managers(200)},
		{route: "GET /events/{slug}/badges.pdf", path: "/events/pub/badges.pdf", want: desk(200)},
		{route: "GET /events/{slug}/participants", path: "/events/pub/participants", want: every(200)},
		{route: "GET /events/{slug}/invitations", path: "/events/pub/invitations", want: managers(200), action: "list invitations"},
		{route: "GET /api/v1/events/{slug}/invitations", path: api + "/events/pub/invitations", want: managers(200), action: "list invitations"},
		{route: "POST /events/{slug}/invitations", path: "/events/pub/invitations", body: "email=", want: managers(422), action: "invite"},
		{route: "POST /api/v1/events/{slug}/invitations", path: api + "/events/pub/invitations", body: `{"email":"","category_id":"` + id["category"] + `"}`, want: managers(422), action: "invite"},
		{route: "POST /api/v1/events/{slug}/invitations/{id}/revoke", path: api + "/events/pub/invitations/" + id["revoked"] + "/revoke", want: managers(409)},
		{route: "GET /invitations/{token}", path: "/invitations/" + id["invitation"], want: every(200)},
		{route: "POST /invitations/{token}", path: "/invitations/" + id["invitation"], body: "country=Kazakhstan", want: every(422)},
		{route: "GET /events/{slug}/checkin", path: "/events/pub/checkin", want: desk(200)},
		{route: "POST /events/{slug}/checkin", path: "/events/pub/checkin", body: "ticket=forged", want: desk(404), action: "check in"},
		{route: "POST /api/v1/events/{slug}/checkins", path: api + "/events/pub/checkins", body: `{"ticket":"forged"}`, want: desk(404), action: "check in"},

		// The call for abstracts and review.
		{route: "GET /events/{slug}/cfp", path: "/events/pub/cfp", want: every(200), action: "read call"},
		{route: "GET /api/v1/events/{slug}/cfp", path: api + "/events/pub/cfp", want: every(200), action: "read call"},
		{route: "GET /events/{slug}/cfp/edit", path: "/events/pub/cfp/edit", want: managers(200)},
		{route: "POST /events/{slug}/cfp/edit", path: "/events/pub/cfp/edit", body: "opens_at=", want: managers(422), action: "change call"},
		{route: "PUT /api/v1/events/{slug}/cfp", path: api + "/events/pub/cfp", body: `{"opens_at":"2030-01-02T00:00:00Z","closes_at":"2030-01-01T00:00:00Z","tracks":[]}`, want: managers(422), action: "change call"},
		{route: "GET /events/{slug}/abstracts/new", path: "/events/pub/abstracts/new", want: signedIn(200)},
		{route: "POST /events/{slug}/abstracts/new", path: "/events/pub/abstracts/new", body: "title.en=", want: signedIn(422), action: "submit"},
		{route: "POST /api/v1/events/{slug}/abstracts", path: api + "/events/pub/abstracts", body: `{"title":{"en":" "},"content":{"en":" "},"language":"en","track_id":"` + id["track"] + `","author_ids":[],"presenter_id":""}`, want: signedIn(422), action: "submit"},
		{route: "GET /api/v1/events/{slug}/abstracts", path: api + "/events/pub/abstracts", want: managers(200)},
		{route: "GET /events/{slug}/abstracts/export/{kind}/{format}", path: "/events/pub/abstracts/export/abstracts/csv", want: reviewers(200)},
		{route: "GET /events/{slug}/book.pdf", path: "/events/pub/book.pdf", want: every(404).with(manager, 200, admin, 200)}, // public once decisions are released
		{route: "GET /events/{slug}/reviews", path: "/events/pub/reviews", want: reviewers(200)},
		{route: "GET /api/v1/events/{slug}/assignments/mine", path: api + "/events/pub/assignments/mine", want: signedIn(200)},
		{route: "POST /events/{slug}/reviews/bids", path: "/events/pub/reviews/bids", body: "bid." + id["abstract"] + "=never", want: only(422, reviewer, admin).with(conflicted, 303)}, // a conflicted reviewer's bid for what they may not see is not taken
		{route: "POST /api/v1/abstracts/{id}/bid", path: api + abs + "/bid", body: `{"bid":"eager"}`, want: abstractOf(204, reviewer, admin).with(registrant, 403, manager, 403)},
		{route: "GET /abstracts/{id}", path: abs, want: abstractOf(200, registrant, reviewer, manager, admin), action: "read abstract"},
		{route: "GET /api/v1/abstracts/{id}", path: api + abs, want: abstractOf(200, registrant, reviewer, manager, admin), action: "read abstract"},
		{route: "GET /api/v1/abstracts/{id}/reviews", path: api + abs + "/reviews", want: abstractOf(200, registrant, reviewer, manager, admin)},
		{route: "GET /abstracts/{id}/edit", path: abs + "/edit", want: author.with(registrant, 200, manager, 403, admin, 403)},
		{route: "POST /abstracts/{id}/edit", path: abs + "/edit", body: "title.en=", want: author.with(registrant, 422, manager, 403, admin, 403), action: "edit abstract"},
		{route: "PUT /api/v1/abstracts/{id}", path: api + abs, body: `{"title":{"en":" "},"content":{"en":" "},"language":"en","track_id":"` + id["track"] + `","author_ids":[],"presenter_id":""}`, want: author.with(registrant, 422, manager, 403, admin, 403), action: "edit abstract"},
		{route: "POST /abstracts/{id}/withdraw", path: gone + "/withdraw", want: authorOfGone.with(registrant, 409, manager, 403, admin, 403), action: "withdraw"},
		{route: "POST /api/v1/abstracts/{id}/withdraw", path: api + gone + "/withdraw", want: authorOfGone.with(registrant, 409, manager, 403, admin, 403), action: "withdraw"},
		{route: "POST /abstracts/{id}/confirm", path: abs + "/confirm", want: author.with(registrant, 303, manager, 403, admin, 403)},
		{route: "POST /api/v1/abstracts/{id}/confirm", path: api + abs + "/confirm", want: author.with(registrant, 200, manager, 403, admin, 403)},
		{route: "POST /abstracts/{id}/declare", path: abs + "/declare", body: "email=nobody%40example.org", want: author.with(registrant, 422, reviewer, 403, manager, 403, admin, 403), action: "declare conflict"},
		{route: "POST /api/v1/abstracts/{id}/conflicts", path: api + abs + "/conflicts", body: `{"email":"nobody@example.org"}`, want: author.with(registrant, 422, reviewer, 403, manager, 403, admin, 403), action: "declare conflict"},
		{route: "POST /abstracts/{id}/review", path: abs + "/review", body: "comment_to_authors=", want: abstractOf(422, reviewer).with(registrant, 403, manager, 403, admin, 403), action: "review"},
		{route: "POST /api/v1/abstracts/{id}/reviews", path: api + abs + "/reviews", body: `{"ratings":{}}`, want: abstractOf(422, reviewer).with(registrant, 403, manager, 403, admin, 403), action: "review"},
		{route: "POST /events/{slug}/reviewers", path: "/events/pub/reviewers", body: "email=nobody%40example.org", want: managers(422), action: "reviewer tracks"},
		{route: "PUT /api/v1/events/{slug}/reviewers", path: api + "/events/pub/reviewers", body: `{"email":"nobody@example.org","track_ids":[]}`, want: managers(422), action: "reviewer tracks"},
		{route: "POST /abstracts/{id}/reviewers", path: abs + "/reviewers", body: "email=nobody%40example.org", want: abstractOf(422, manager, admin).with(registrant, 403, reviewer, 403), action: "assign reviewer"},
		{route: "POST /api/v1/abstracts/{id}/reviewers", path: api + abs + "/reviewers", body: `{"email":"nobody@example.org"}`, want: abstractOf(422, manager, admin).with(registrant, 403, reviewer, 403), action: "assign reviewer"},
		{route: "POST /events/{slug}/assignments", path: "/events/pub/assignments", body: "per_abstract=0", want: managers(422), action: "assign automatically"},
		{route: "POST /api/v1/events/{slug}/assignments", path: api + "/events/pub/assignments", body: `{"per_abstract":0}`, want: managers(422), action: "assign automatically"},
		{route: "GET /events/{slug}/decisions", path: "/events/pub/decisions", want: managers(200)},
		{route: "POST /events/{slug}/decisions", path: "/events/pub/decisions", body: "decision=maybe&id=" + id["withdrawn"], want: managers(422)},
		{route: "POST /abstracts/{id}/decision", path: gone + "/decision", body: "decision=accept", want: abstractOf(409, manager, admin).with(registrant, 403), action: "decide"},
		{route: "POST /api/v1/abstracts/{id}/decision", path: api + gone + "/decision", body: `{"decision":"accept"}`, want: abstractOf(409, manager, admin).with(registrant, 403), action: "decide"},
		{route: "POST /events/{slug}/decisions/release", path: "/events/pub/decisions/release", want: managers(303)},
		{route: "POST /api/v1/events/{slug}/decisions/release", path: api + "/events/pub/decisions/release", want: managers(200)},

		// People, organizations and their duplicates.
		{route: "GET /search", path: "/search?q=Zhang", want: every(200)},
		{route: "GET /api/v1/search", path: api + "/search?q=Zhang", want: every(200)},
		{route: "GET /api/v1/topics", path: api + "/topics", want: every(200)},
		{route: "GET /people/new", path: "/people/new", want: directory(200)},
		{route: "POST /people/new", path: "/people/new", body: "name.en=", want: directory(422), action: "add person"},
		{route: "POST /api/v1/people", path: api + "/people", body: `{"name":{"en":" "}}`, want: directory(422), action: "add person"},
		{route: "GET /people/{id}", path: "/people/" + id["speaker"], want: every(200), action: "read person"},
		{route: "GET /api/v1/people/{id}", path: api + "/people/" + id["speaker"], want: every(200), action: "read person"},
		{route: "GET /people/{id}/edit", path: "/people/" + id["speaker"] + "/edit", want: editors(200)},
		{route: "POST /people/{id}/edit", path: "/people/" + id["speaker"] + "/edit", body: "name.en=", want: editors(422), action: "edit person"},
		{route: "PATCH /api/v1/people/{id}", path: api + "/people/" + id["speaker"], body: `{"country":"Kazakhstan"}`, want: editors(422), action: "edit person"},
		{route: "GET /people/{id}/photo", path: "/people/" + id["speaker"] + "/photo", want: every(404)},
		{route: "POST /people/{id}/photo", path: "/people/" + id["speaker"] + "/photo", body: "nothing=here", want: editors(422)},
		{route: "GET /organizations/new", path: "/organizations/new", want: directory(200)},
		{route: "POST /organizations/new", path: "/organizations/new", body: "name.en=", want: directory(422), action: "add organization"},
		{route: "POST /api/v1/organizations", path: api + "/organizations", body: `{"name":{"en":" "}}`, want: directory(422), action: "add organization"},
		{route: "GET /organizations/{id}", path: "/organizations/" + id["org"], want: every(200), action: "read organization"},
		{route: "GET /api/v1/organizations/{id}", path: api + "/organizations/" + id["org"], want: every(200), action: "read organization"},
		{route: "GET /people/duplicates", path: "/people/duplicates", want: directory(200), action: "duplicates"},
		{route: "GET /api/v1/people/duplicates", path: api + "/people/duplicates", want: directory(200), action: "duplicates"},
		{route: "POST /people/duplicates/dismiss", path: "/people/duplicates/dismiss", body: "a=x&b=y", want: directory(422), action: "not duplicates"},
		{route: "POST /api/v1/people/duplicates/dismiss", path: api + "/people/duplicates/dismiss", body: `{"a":"x","b":"y"}`, want: directory(422), action: "not duplicates"},
		{route: "POST /people/merges", path: "/people/merges", body: "survivor=" + id["speaker"] + "&merged=" + id["speaker"], want: editors(409).with(other, 404), action: "merge"},
		{route: "POST /api/v1/people/merges", path: api + "/people/merges", body: `{"survivor_id":"` + id["speaker"] + `","merged_id":"` + id["speaker"] + `"}`, want: editors(409).with(other, 404), action: "merge"},
		{route: "POST /people/merges/{id}/undo", path: "/people/merges/" + id["merge"] + "/undo", want: only(409, curator, admin), action: "undo merge"},
		{route: "POST /api/v1/people/merges/{id}/undo", path: api + "/people/merges/" + id["merge"] + "/undo", want: only(409, curator, admin), action: "undo merge"},
		{route: "GET /api/v1/people/{id}/merges", path: api + "/people/" + id["speaker"] + "/merges", want: editors(200).with(other, 404)},
	}
	return rows
}
