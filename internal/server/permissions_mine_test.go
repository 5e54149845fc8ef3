package server_test

// mineRows are the rows of "My Symposium", where every signed-in person
// sees their own part in every event, on the page and through the API;
// and of the languages a reviewer reads, sent invalid so that nothing
// changes.
func (w *world) mineRows() []perm {
	return []perm{
		{route: "GET /my", path: "/my", want: signedIn(200), action: "my symposium"},
		{route: "GET /api/v1/me/symposium", path: "/api/v1/me/symposium", want: signedIn(200), action: "my symposium"},
		{route: "POST /events/{slug}/reviews/languages", path: "/events/pub/reviews/languages", body: "languages=xx",
			want: only(422, reviewer, conflicted, admin), action: "reviewer languages"},
		{route: "PUT /api/v1/events/{slug}/reviewers/languages", path: "/api/v1/events/pub/reviewers/languages", body: `{"languages":["xx"]}`,
			want: only(422, reviewer, conflicted, admin), action: "reviewer languages"},
	}
}
