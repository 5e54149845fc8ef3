package server_test

// mineRows are the rows of "My Symposium": every signed-in person sees
// their own part in every event, on the page and through the API.
func (w *world) mineRows() []perm {
	return []perm{
		{route: "GET /my", path: "/my", want: signedIn(200), action: "my symposium"},
		{route: "GET /api/v1/me/symposium", path: "/api/v1/me/symposium", want: signedIn(200), action: "my symposium"},
	}
}
