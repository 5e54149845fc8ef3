package server_test

// matchmakingDayRows are the rows of matchmaking on the day: a no-show's
// free slot offered on the spot, marking a meeting by scanning, and the
// question after a meeting. The meeting of each row is forged, so that a
// caller who may use matchmaking gets 404 and nothing changes.
func (w *world) matchmakingDayRows() []perm {
	api := "/api/v1/events/pub/meetings/" + w.ids["org"]
	mm := "/events/pub/matchmaking/meetings/" + w.ids["org"]
	participants := only(404, registrant, manager, admin)
	return []perm{
		{route: "GET /api/v1/events/{slug}/meetings/{id}/offer", path: api + "/offer", want: participants},
		{route: "POST /api/v1/events/{slug}/meetings/{id}/offer", path: api + "/offer", body: `{"request_id":"x"}`,
			want: participants, action: "take meeting offer"},
		{route: "POST /events/{slug}/matchmaking/meetings/{id}/offer", path: mm + "/offer", body: "request_id=x",
			want: participants, action: "take meeting offer"},
	}
}

// matchmakingScanRows are the rows of finding a meeting by scanning. The
// fixture's registrant has no meeting, so a participant's scan of a table
// is refused naming the field.
func (w *world) matchmakingScanRows() []perm {
	participants := only(422, registrant, manager, admin)
	return []perm{
		{route: "GET /api/v1/events/{slug}/meetings/scan", path: "/api/v1/events/pub/meetings/scan?table=1", want: participants, action: "scan meeting"},
		{route: "GET /events/{slug}/matchmaking/meet", path: "/events/pub/matchmaking/meet?table=1", want: participants, action: "scan meeting"},
		{route: "GET /events/{slug}/matchmaking/meet", path: "/events/pub/matchmaking/meet", want: only(200, registrant, manager, admin)},
		{route: "GET /events/{slug}/matchmaking/tables", path: "/events/pub/matchmaking/tables", want: managers(200)},
	}
}

// matchmakingFollowUpRows are the rows of the question after a meeting,
// asked of a forged meeting.
func (w *world) matchmakingFollowUpRows() []perm {
	participants := only(404, registrant, manager, admin)
	return []perm{
		{route: "POST /api/v1/events/{slug}/meetings/{id}/follow-up", path: "/api/v1/events/pub/meetings/" + w.ids["org"] + "/follow-up",
			body: `{"planned":false}`, want: participants, action: "answer follow-up"},
		{route: "POST /events/{slug}/matchmaking/meetings/{id}/follow-up", path: "/events/pub/matchmaking/meetings/" + w.ids["org"] + "/follow-up",
			body: "planned=no", want: participants, action: "answer follow-up"},
	}
}
