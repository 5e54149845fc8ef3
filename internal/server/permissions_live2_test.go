package server_test

// live2Rows are the rows of joining live questions by badge. The page
// tells nothing of the contribution, so it answers everyone; the form
// sends a ticket that is no badge: invalid input to whoever sees the
// event, not found to whoever does not.
func (w *world) live2Rows() []perm {
	id := w.ids
	talk, resTalk := "/live/"+id["contribution"], "/live/"+id["res_contribution"]
	return []perm{
		{route: "GET /live/{id}/badge", path: talk + "/badge", want: every(200), action: "badge join page"},
		{route: "GET /live/{id}/badge", path: resTalk + "/badge", want: every(200), action: "badge join page restricted"},
		{route: "POST /live/{id}/badge", path: talk + "/badge", body: "ticket=S1nothing", want: every(422), action: "join by badge"},
		{route: "POST /live/{id}/badge", path: resTalk + "/badge", body: "ticket=S1nothing", want: hidden(every(422)), action: "join by badge restricted"},
	}
}
