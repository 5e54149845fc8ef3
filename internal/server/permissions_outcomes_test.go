package server_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

// outcomesFixture adds what the outcomes' rows act on: published minutes
// of an entry at both events, a material for participants at "pub" and
// one for everyone at "res", a photo at "res", the report of "res"
// published (that of "pub" stays a draft), a proposed agreement at "pub"
// and a published news post.
func (w *world) outcomesFixture(t *testing.T) {
	t.Helper()
	api := "/api/v1/events/"
	list := w.must(t, manager, "GET", api+"res/contributions", nil, 200)["items"].([]any)
	w.ids["res_contribution"] = list[0].(map[string]any)["id"].(string)
	minutes := map[string]any{"body": map[string]string{"en": "! Cooperation matters"}, "status": "published"}
	w.must(t, manager, "PUT", api+"pub/contributions/"+w.ids["contribution"]+"/minutes", minutes, 200)
	w.must(t, manager, "PUT", api+"res/contributions/"+w.ids["res_contribution"]+"/minutes", minutes, 200)
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	w.ids["material"] = w.must(t, manager, "POST", api+"pub/materials", map[string]any{"file_name": "slides.pdf", "content": pdf,
		"visibility": "participants", "contribution_id": w.ids["contribution"]}, 201)["id"].(string)
	w.ids["res_material"] = w.must(t, manager, "POST", api+"res/materials", map[string]any{"file_name": "paper.pdf", "content": pdf}, 201)["id"].(string)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 40, 30))); err != nil {
		t.Fatal(err)
	}
	w.ids["res_photo"] = w.must(t, manager, "POST", api+"res/photos", map[string]any{"credit": "KazEvent", "content": img.Bytes()}, 201)["id"].(string)
	w.must(t, manager, "PUT", api+"res/report", map[string]any{"status": "published"}, 200)
	w.ids["agreement"] = w.must(t, manager, "POST", api+"pub/agreements", map[string]any{"title": map[string]string{"en": "Memorandum"},
		"kind": "mou", "organization_ids": []string{w.ids["org"]}}, 201)["id"].(string)
	w.ids["news"] = w.must(t, admin, "POST", "/api/v1/news", map[string]any{"title": map[string]string{"en": "Report out"},
		"body": map[string]string{"en": "Read it."}, "status": "published"}, 201)["id"].(string)
}

// outcomesRows are the rows of minutes, materials, photos, cooperation,
// the report and the news. Restricted events' minutes, files, photos and
// reports are 404 to whoever has no part in them.
func (w *world) outcomesRows() []perm {
	id := w.ids
	api := "/api/v1/events/"
	c, rc := id["contribution"], id["res_contribution"]
	nobody := w.users[stranger].ID // an identifier of nothing here
	participants := every(404).with(registrant, 200, reviewer, 200, conflicted, 200, checkin, 200, manager, 200, admin, 200)
	versionRule := every(404).with(anon, 401, registrant, 403, reviewer, 403, conflicted, 403, checkin, 403, manager, 422, admin, 422)
	draft := every(404).with(manager, 200, admin, 200)
	return []perm{
		// Minutes.
		{route: "GET /events/{slug}/minutes", path: "/events/pub/minutes", want: every(200), action: "compiled minutes"},
		{route: "GET /api/v1/events/{slug}/minutes", path: api + "pub/minutes", want: every(200), action: "compiled minutes"},
		{route: "GET /events/{slug}/minutes", path: "/events/res/minutes", want: hidden(every(200)), action: "restricted compiled minutes"},
		{route: "GET /api/v1/events/{slug}/minutes", path: api + "res/minutes", want: hidden(every(200)), action: "restricted compiled minutes"},
		{route: "GET /events/{slug}/contributions/{id}/minutes", path: "/events/pub/contributions/" + c + "/minutes", want: every(200), action: "read minutes"},
		{route: "GET /api/v1/events/{slug}/contributions/{id}/minutes", path: api + "pub/contributions/" + c + "/minutes", want: every(200), action: "read minutes"},
		{route: "GET /events/{slug}/contributions/{id}/minutes", path: "/events/res/contributions/" + rc + "/minutes", want: hidden(every(200)), action: "read restricted minutes"},
		{route: "GET /api/v1/events/{slug}/contributions/{id}/minutes", path: api + "res/contributions/" + rc + "/minutes", want: hidden(every(200)), action: "read restricted minutes"},
		{route: "POST /events/{slug}/contributions/{id}/minutes", path: "/events/pub/contributions/" + c + "/minutes", body: "base=1&body.en=%07", want: managers(422), action: "write minutes"},
		{route: "PUT /api/v1/events/{slug}/contributions/{id}/minutes", path: api + "pub/contributions/" + c + "/minutes", body: `{"body":{"en":"\u0007"},"revision":1}`, want: managers(422), action: "write minutes"},
		{route: "POST /events/{slug}/contributions/{id}/minutes", path: "/events/res/contributions/" + rc + "/minutes", body: "base=1&body.en=%07", want: hidden(managers(422)), action: "write restricted minutes"},
		{route: "PUT /api/v1/events/{slug}/contributions/{id}/minutes", path: api + "res/contributions/" + rc + "/minutes", body: `{"body":{"en":"\u0007"},"revision":1}`, want: hidden(managers(422)), action: "write restricted minutes"},
		{route: "GET /events/{slug}/sessions/{id}/minutes", path: "/events/pub/sessions/" + nobody + "/minutes", want: every(404), action: "read session minutes"},
		{route: "GET /api/v1/events/{slug}/sessions/{id}/minutes", path: api + "pub/sessions/" + nobody + "/minutes", want: every(404), action: "read session minutes"},
		{route: "POST /events/{slug}/sessions/{id}/minutes", path: "/events/pub/sessions/" + nobody + "/minutes", body: "body.en=x", want: managers(404), action: "write session minutes"},
		{route: "PUT /api/v1/events/{slug}/sessions/{id}/minutes", path: api + "pub/sessions/" + nobody + "/minutes", body: `{"body":{"en":"x"}}`, want: managers(404), action: "write session minutes"},

		// Materials.
		{route: "GET /events/{slug}/materials", path: "/events/pub/materials", want: every(200), action: "list materials"},
		{route: "GET /api/v1/events/{slug}/materials", path: api + "pub/materials", want: every(200), action: "list materials"},
		{route: "GET /events/{slug}/materials", path: "/events/res/materials", want: hidden(every(200)), action: "list restricted materials"},
		{route: "GET /api/v1/events/{slug}/materials", path: api + "res/materials", want: hidden(every(200)), action: "list restricted materials"},
		{route: "POST /events/{slug}/materials", path: "/events/pub/materials", want: managers(422), action: "upload material"},
		{route: "POST /api/v1/events/{slug}/materials", path: api + "pub/materials", body: `{"file_name":"a.exe","content":"TVo="}`, want: managers(422), action: "upload material"},
		{route: "GET /events/{slug}/materials.zip", path: "/events/pub/materials.zip?day=2099-01-01", want: every(200)},
		{route: "GET /events/{slug}/materials.zip", path: "/events/res/materials.zip?day=2099-01-01", want: hidden(every(200))},
		{route: "GET /events/{slug}/materials/{id}/file", path: "/events/pub/materials/" + id["material"] + "/file", want: participants, action: "read material"},
		{route: "GET /api/v1/events/{slug}/materials/{id}", path: api + "pub/materials/" + id["material"], want: participants, action: "read material"},
		{route: "GET /events/{slug}/materials/{id}/file", path: "/events/res/materials/" + id["res_material"] + "/file", want: hidden(every(200)), action: "read restricted material"},
		{route: "GET /api/v1/events/{slug}/materials/{id}", path: api + "res/materials/" + id["res_material"], want: hidden(every(200)), action: "read restricted material"},
		{route: "POST /events/{slug}/materials/{id}/versions", path: "/events/pub/materials/" + id["material"] + "/versions", want: versionRule, action: "upload version"},
		{route: "POST /api/v1/events/{slug}/materials/{id}/versions", path: api + "pub/materials/" + id["material"] + "/versions", body: `{"file_name":"a.exe","content":"TVo="}`, want: versionRule, action: "upload version"},

		// Photos and consent.
		{route: "GET /events/{slug}/photos", path: "/events/pub/photos", want: every(200), action: "list photos"},
		{route: "GET /api/v1/events/{slug}/photos", path: api + "pub/photos", want: every(200), action: "list photos"},
		{route: "GET /events/{slug}/photos", path: "/events/res/photos", want: hidden(every(200)), action: "list restricted photos"},
		{route: "GET /api/v1/events/{slug}/photos", path: api + "res/photos", want: hidden(every(200)), action: "list restricted photos"},
		{route: "GET /events/{slug}/photos/{id}/file", path: "/events/res/photos/" + id["res_photo"] + "/file", want: hidden(every(200))},
		{route: "POST /events/{slug}/photos", path: "/events/pub/photos", want: managers(422), action: "upload photo"},
		{route: "POST /api/v1/events/{slug}/photos", path: api + "pub/photos", body: `{"credit":"","content":"AA=="}`, want: managers(422), action: "upload photo"},
		{route: "POST /events/{slug}/photos/{id}", path: "/events/res/photos/" + id["res_photo"], body: "credit=", want: hidden(managers(422)), action: "change photo"},
		{route: "PATCH /api/v1/events/{slug}/photos/{id}", path: api + "res/photos/" + id["res_photo"], body: `{"credit":""}`, want: hidden(managers(422)), action: "change photo"},
		{route: "POST /events/{slug}/photos/{id}/delete", path: "/events/pub/photos/" + nobody + "/delete", want: managers(404), action: "delete photo"},
		{route: "DELETE /api/v1/events/{slug}/photos/{id}", path: api + "pub/photos/" + nobody, want: managers(404), action: "delete photo"},
		{route: "GET /events/{slug}/photo-consent", path: "/events/pub/photo-consent", want: only(200, registrant), action: "read consent"},
		{route: "GET /api/v1/events/{slug}/photo-consent", path: api + "pub/photo-consent", want: only(200, registrant), action: "read consent"},
		{route: "POST /events/{slug}/photo-consent", path: "/events/pub/photo-consent", body: "consent=maybe", want: only(422, registrant)},
		{route: "PUT /api/v1/events/{slug}/photo-consent", path: api + "pub/photo-consent", body: `{"consent":""}`, want: only(200, registrant)},

		// Cooperation.
		{route: "GET /events/{slug}/agreements", path: "/events/pub/agreements", want: every(200), action: "list agreements"},
		{route: "GET /api/v1/events/{slug}/agreements", path: api + "pub/agreements", want: every(200), action: "list agreements"},
		{route: "POST /events/{slug}/agreements", path: "/events/pub/agreements", body: "title.en=&kind=mou", want: managers(422), action: "record agreement"},
		{route: "POST /api/v1/events/{slug}/agreements", path: api + "pub/agreements", body: `{"title":{"en":" "},"kind":"mou","organization_ids":[]}`, want: managers(422), action: "record agreement"},
		{route: "POST /events/{slug}/agreements/{id}", path: "/events/pub/agreements/" + id["agreement"], body: "due=not-a-date", want: managers(422), action: "change agreement"},
		{route: "PATCH /api/v1/events/{slug}/agreements/{id}", path: api + "pub/agreements/" + id["agreement"], body: `{"due":"not-a-date"}`, want: managers(422), action: "change agreement"},
		{route: "GET /agreements", path: "/agreements", want: signedIn(200), action: "tracker"},
		{route: "GET /api/v1/agreements", path: "/api/v1/agreements", want: signedIn(200), action: "tracker"},

		// The report: a draft is the managers' only, a published
		// restricted report its people's only.
		{route: "GET /events/{slug}/report", path: "/events/pub/report", want: draft, action: "read draft report"},
		{route: "GET /api/v1/events/{slug}/report", path: api + "pub/report", want: draft, action: "read draft report"},
		{route: "GET /events/{slug}/report.pdf", path: "/events/pub/report.pdf", want: draft},
		{route: "GET /api/v1/events/{slug}/report/figures", path: api + "pub/report/figures", want: draft},
		{route: "GET /events/{slug}/report", path: "/events/res/report", want: hidden(every(200)), action: "read restricted report"},
		{route: "GET /api/v1/events/{slug}/report", path: api + "res/report", want: hidden(every(200)), action: "read restricted report"},
		{route: "GET /events/{slug}/report.pdf", path: "/events/res/report.pdf", want: hidden(every(200))},
		{route: "GET /api/v1/events/{slug}/report/figures", path: api + "res/report/figures", want: hidden(every(200))},
		{route: "GET /events/{slug}/report/edit", path: "/events/pub/report/edit", want: managers(200)},
		{route: "POST /events/{slug}/report/edit", path: "/events/pub/report/edit", body: "status=bogus", want: managers(422), action: "edit report"},
		{route: "PUT /api/v1/events/{slug}/report", path: api + "pub/report", body: `{"hidden_sections":["nope"]}`, want: managers(422), action: "edit report"},

		// News.
		{route: "GET /news", path: "/news", want: every(200), action: "list news"},
		{route: "GET /api/v1/news", path: "/api/v1/news", want: every(200), action: "list news"},
		{route: "GET /news/{id}", path: "/news/" + id["news"], want: every(200), action: "read news"},
		{route: "GET /api/v1/news/{id}", path: "/api/v1/news/" + id["news"], want: every(200), action: "read news"},
		{route: "POST /news", path: "/news", body: "title.en=", want: admins(422), action: "write news"},
		{route: "POST /api/v1/news", path: "/api/v1/news", body: `{"title":{"en":" "},"body":{"en":" "}}`, want: admins(422), action: "write news"},
		{route: "POST /news/{id}", path: "/news/" + id["news"], body: "title.en=%07", want: admins(422), action: "change news"},
		{route: "PATCH /api/v1/news/{id}", path: "/api/v1/news/" + id["news"], body: `{"title":{"en":"\u0007"}}`, want: admins(422), action: "change news"},
		{route: "GET /news.atom", path: "/news.atom", want: every(200)},
	}
}
