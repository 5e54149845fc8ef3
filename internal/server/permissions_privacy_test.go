package server_test

// privacyRows are the rows of personal data: a person's own data,
// consents and erasure, an administrator acting on a written request,
// and an event's retention of registration data. Erasures are sent
// without their confirmation, or for nobody, so that nothing is erased.
func (w *world) privacyRows() []perm {
	api := "/api/v1"
	speaker := w.ids["speaker"]
	nobody := "00000000-0000-7000-8000-000000000000"
	return []perm{
		{route: "GET /account/data", path: "/account/data", want: signedIn(200), action: "my data"},
		{route: "GET /api/v1/me/data", path: api + "/me/data", want: signedIn(200), action: "my data"},
		{route: "GET /account/data.json", path: "/account/data.json", want: signedIn(200)},
		{route: "POST /account/consents", path: "/account/consents", body: "kind=bogus&granted=yes", want: signedIn(422).with(unverified, 403)},
		{route: "GET /api/v1/me/consents", path: api + "/me/consents", want: signedIn(200)},
		{route: "PUT /api/v1/me/consents/{kind}", path: api + "/me/consents/bogus", body: `{"granted":true}`, want: signedIn(422)},
		{route: "GET /account/erase", path: "/account/erase", want: signedIn(200)},
		{route: "POST /account/erase", path: "/account/erase", body: "confirm=", want: signedIn(422)},
		{route: "DELETE /api/v1/me", path: api + "/me", want: signedIn(204), destroys: true},
		{route: "GET /people/{id}/data", path: "/people/" + speaker + "/data", want: admins(200), action: "person data"},
		{route: "GET /api/v1/people/{id}/data", path: api + "/people/" + speaker + "/data", want: admins(200), action: "person data"},
		{route: "GET /people/{id}/data.json", path: "/people/" + speaker + "/data.json", want: admins(200)},
		{route: "GET /people/{id}/erase", path: "/people/" + speaker + "/erase", want: admins(200)},
		{route: "POST /people/{id}/erase", path: "/people/" + speaker + "/erase", body: "confirm=", want: admins(422)},
		{route: "POST /api/v1/people/{id}/erasure", path: api + "/people/" + nobody + "/erasure", want: admins(404)},
		{route: "GET /events/{slug}/retention", path: "/events/pub/retention", want: managers(200), action: "read retention"},
		{route: "GET /api/v1/events/{slug}/retention", path: api + "/events/pub/retention", want: managers(200), action: "read retention"},
		{route: "POST /events/{slug}/retention", path: "/events/pub/retention", body: "days=-1", want: managers(422), action: "set retention"},
		{route: "PUT /api/v1/events/{slug}/retention", path: api + "/events/pub/retention", body: `{"days":-1}`, want: managers(422), action: "set retention"},
		{route: "GET /events/{slug}/retention", path: "/events/res/retention", want: hidden(managers(200))},
		{route: "GET /admin/data", path: "/admin/data", want: admins(200)},
	}
}
