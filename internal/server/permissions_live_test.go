package server_test

import (
	"fmt"

	"symposium"
)

// liveFixture stores what the rows of live questions act on, straight
// into the store (the programme's talks are over, so nobody could ask
// now): a visible and a hidden question of the public event's talk, a
// question of the restricted event's talk and an open poll.
func (w *world) liveFixture() {
	pub, err := w.e.store.EventBySlug(ctx, "pub")
	if err != nil {
		panic(err)
	}
	res, err := w.e.store.EventBySlug(ctx, "res")
	if err != nil {
		panic(err)
	}
	resTalks, err := w.e.store.Contributions(ctx, res.ID)
	if err != nil || len(resTalks) == 0 {
		panic(fmt.Sprint("live fixture: ", err))
	}
	w.ids["res_contribution"] = resTalks[0].ID
	add := func(name, eventID, contribution, status string) {
		q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: contribution, Text: "Question " + name,
			Language: "en", Status: status, Asker: "u:" + w.users[registrant].ID}
		if err := w.e.store.AddLiveQuestion(ctx, eventID, q); err != nil {
			panic(err)
		}
		w.ids[name] = q.ID
	}
	add("question", pub.ID, w.ids["contribution"], symposium.LiveVisible)
	add("hidden_question", pub.ID, w.ids["contribution"], symposium.LiveHidden)
	add("res_question", res.ID, w.ids["res_contribution"], symposium.LiveVisible)
	poll := &symposium.LivePoll{ID: symposium.NewID(), ContributionID: w.ids["contribution"], Question: symposium.Text("en", "Which?"),
		Kind: symposium.PollChoice, Options: []symposium.LocalizedText{symposium.Text("en", "A"), symposium.Text("en", "B")}, Status: symposium.PollOpen}
	if err := w.e.store.AddLivePoll(ctx, pub.ID, poll); err != nil {
		panic(err)
	}
	w.ids["poll"] = poll.ID
}

// liveRows are the rows of live questions and polls. Asking sends an
// empty question; votes go to a hidden question, which the audience may
// not see and moderators may not vote on; moderation, answers, polls and
// settings send invalid input.
func (w *world) liveRows() []perm {
	w.liveFixture()
	id := w.ids
	api := "/api/v1"
	talk, resTalk := api+"/contributions/"+id["contribution"], api+"/contributions/"+id["res_contribution"]
	question, hiddenQ := api+"/questions/"+id["question"], api+"/questions/"+id["hidden_question"]
	poll := api + "/polls/" + id["poll"]
	restricted := func(want want) want { return hidden(want).with(anon, 404) }
	votes := every(404).with(manager, 409, admin, 409)
	rows := []perm{
		{route: "POST /api/v1/contributions/{id}/questions", path: talk + "/questions", body: `{"text":" "}`, want: signedIn(422), action: "ask"},
		{route: "POST /api/v1/contributions/{id}/questions", path: resTalk + "/questions", body: `{"text":" "}`, want: restricted(signedIn(422)), action: "ask restricted"},
		{route: "GET /api/v1/contributions/{id}/questions", path: talk + "/questions", want: every(200), action: "questions"},
		{route: "GET /api/v1/contributions/{id}/questions", path: resTalk + "/questions", want: restricted(every(200)), action: "questions restricted"},
		{route: "PUT /api/v1/questions/{id}/vote", path: hiddenQ + "/vote", want: votes, action: "vote"},
		{route: "DELETE /api/v1/questions/{id}/vote", path: hiddenQ + "/vote", want: votes, action: "withdraw vote"},
		{route: "POST /api/v1/questions/{id}/moderation", path: question + "/moderation", body: `{"action":"explode"}`, want: managers(422), action: "moderate"},
		{route: "POST /api/v1/questions/{id}/moderation", path: api + "/questions/" + id["res_question"] + "/moderation", body: `{"action":"explode"}`, want: hidden(managers(422)), action: "moderate restricted"},
		{route: "PUT /api/v1/questions/{id}/answer", path: question + "/answer", body: `{"text":" "}`, want: managers(422), action: "answer question"},
		{route: "POST /api/v1/contributions/{id}/polls", path: talk + "/polls", body: `{"question":{"en":" "}}`, want: managers(422), action: "create poll"},
		{route: "GET /api/v1/contributions/{id}/polls", path: talk + "/polls", want: every(200), action: "polls"},
		{route: "POST /api/v1/polls/{id}/status", path: poll + "/status", body: `{"status":"sideways"}`, want: managers(422), action: "poll status"},
		{route: "POST /api/v1/polls/{id}/answers", path: poll + "/answers", body: `{"options":[]}`, want: signedIn(422), action: "answer poll"},
		{route: "GET /api/v1/contributions/{id}/live/export", path: talk + "/live/export", want: managers(200), action: "export live"},
		{route: "GET /api/v1/events/{slug}/live-settings", path: api + "/events/pub/live-settings", want: managers(200), action: "live settings"},
		{route: "PUT /api/v1/events/{slug}/live-settings", path: api + "/events/pub/live-settings", body: `{"moderation":"post","guests":false,"window_minutes":30}`, want: managers(200), action: "change live settings"},
		{route: "GET /api/v1/contributions/{id}/live", path: talk + "/live", want: every(200), action: "live stream"},
		{route: "GET /api/v1/contributions/{id}/live", path: resTalk + "/live", want: restricted(every(200)), action: "live stream restricted"},
	}
	return append(rows, w.livePageRows()...)
}

// livePageRows are the rows of the pages of live questions and polls,
// which answer as the API does.
func (w *world) livePageRows() []perm {
	id := w.ids
	talk, resTalk := "/live/"+id["contribution"], "/live/"+id["res_contribution"]
	votes := every(404).with(manager, 409, admin, 409)
	return []perm{
		{route: "GET /live/{id}", path: talk, want: every(200), action: "questions"},
		{route: "GET /live/{id}", path: resTalk, want: hidden(every(200)), action: "live page restricted"},
		{route: "GET /live/{id}/presenter", path: talk + "/presenter", want: every(200)},
		{route: "GET /live/{id}/moderate", path: talk + "/moderate", want: managers(200)},
		{route: "GET /live/{id}/export/{format}", path: talk + "/export/csv", want: managers(200), action: "export live"},
		{route: "POST /live/{id}/questions", path: talk + "/questions", body: "text=+", want: signedIn(422), action: "ask"},
		{route: "POST /live/{id}/polls", path: talk + "/polls", body: "question=", want: managers(422), action: "create poll"},
		{route: "POST /live/questions/{qid}/vote", path: "/live/questions/" + id["hidden_question"] + "/vote", body: "vote=1", want: votes, action: "vote"},
		{route: "POST /live/questions/{qid}/moderation", path: "/live/questions/" + id["question"] + "/moderation", body: "action=explode", want: managers(422), action: "moderate"},
		{route: "POST /live/questions/{qid}/answer", path: "/live/questions/" + id["question"] + "/answer", body: "text=", want: managers(422), action: "answer question"},
		{route: "POST /live/polls/{pid}/status", path: "/live/polls/" + id["poll"] + "/status", body: "status=sideways", want: managers(422), action: "poll status"},
		{route: "POST /live/polls/{pid}/answers", path: "/live/polls/" + id["poll"] + "/answers", body: "text=", want: signedIn(422), action: "answer poll"},
		{route: "GET /events/{slug}/live-settings", path: "/events/pub/live-settings", want: managers(200), action: "live settings"},
		{route: "POST /events/{slug}/live-settings", path: "/events/pub/live-settings", body: "moderation=sideways&window_minutes=30", want: managers(422)},
	}
}
