package server_test

import (
	"bytes"
	"image"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/i18n"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// pngBytes is a small PNG picture.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 64, 48))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRegistrationFormConsentsGoToTheLogAndTheManageLinkWithdraws follows
// Dana, who registers on the Russian form without an account, agreeing to
// the participant list and to photos: both answers are in the log of
// consents with the Russian words. A photo tags her and shows publicly;
// she withdraws on her manage page, still without an account, and the
// photo leaves public pages at once while her badge says no photos.
func TestRegistrationFormConsentsGoToTheLogAndTheManageLinkWithdraws(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, admin := e.user("admin@example.org", true)
		cat := futureEvent(t, e, admin, "fest", 30)
		dana := newPerson(t, e, admin, map[string]any{"name": map[string]string{"ru": "Дана Ахметова"}, "email": "dana@example.org"})
		resp, body := e.form("/events/fest/register?lang=ru", url.Values{"category_id": {cat}, "name": {"Дана Ахметова"},
			"email": {"dana@example.org"}, "listed": {"yes"}, "photo_consent": {"yes"}}, nil)
		if resp.StatusCode >= 400 {
			t.Fatalf("register = %d: %s", resp.StatusCode, body)
		}
		ru := i18n.Must(i18n.New()).For("ru")
		log, err := s.Consents(ctx, "dana@example.org")
		if err != nil {
			t.Fatal(err)
		}
		answers := map[string]symposium.Consent{}
		for _, c := range log {
			answers[c.Kind] = c
		}
		if c := answers[symposium.ConsentParticipantList]; !c.Granted || c.Language != "ru" || c.Text != ru.T("register.listed") || c.Scope == "" {
			t.Errorf("participant list in the log: %+v", c)
		}
		if c := answers[symposium.ConsentPhotos]; !c.Granted || c.Language != "ru" || !strings.Contains(c.Text, ru.T("consent.question")) {
			t.Errorf("photo consent in the log: %+v", c)
		}

		// A photo tags her: it may, and everyone sees it.
		resp, ph := e.api("POST", "/api/v1/events/fest/photos", admin, map[string]any{"content": pngBytes(t), "credit": "KazEvent",
			"licence": "CC BY 4.0", "person_ids": []string{dana}, "caption": map[string]string{"en": "Opening"}})
		if resp.StatusCode != 201 && resp.StatusCode != 200 {
			t.Fatalf("upload = %d %v", resp.StatusCode, ph)
		}
		file := "/events/fest/photos/" + ph["id"].(string) + "/file"
		if resp, _ := e.do("GET", file, nil, nil); resp.StatusCode != 200 {
			t.Fatalf("the public photo = %d, want 200", resp.StatusCode)
		}
		regs, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: answers[symposium.ConsentPhotos].Scope, Limit: 10})
		if err != nil || len(regs) != 1 || regs[0].PhotoConsent != symposium.PhotoConsentYes {
			t.Fatalf("the registration reads %v, %v; want yes", regs, err)
		}

		// She withdraws on her manage page, without an account.
		link := manageLinkOf(t, e, "dana@example.org")
		token, _ := url.Parse(link)
		if resp, page := e.do("GET", link, nil, nil); resp.StatusCode != 200 || !strings.Contains(page, `name="photo_consent" value="no"`) {
			t.Fatalf("manage page = %d, without the photo consent form", resp.StatusCode)
		}
		if resp, _ := e.form("/registrations/manage", url.Values{"token": {token.Query().Get("token")}, "action": {"photo_consent"},
			"photo_consent": {"maybe"}}, nil); resp.StatusCode != 422 && resp.StatusCode != 400 {
			t.Errorf("an answer that is not yes or no = %d, want refused", resp.StatusCode)
		}
		resp, _ = e.form("/registrations/manage", url.Values{"token": {token.Query().Get("token")}, "action": {"photo_consent"},
			"photo_consent": {"no"}}, nil)
		if resp.StatusCode != 303 {
			t.Fatalf("withdraw = %d, want 303", resp.StatusCode)
		}
		if resp, _ := e.do("GET", file, nil, nil); resp.StatusCode != 404 {
			t.Errorf("the public photo after withdrawal = %d, want 404", resp.StatusCode)
		}
		if _, list := e.api("GET", "/api/v1/events/fest/photos", "", nil); len(list["items"].([]any)) != 0 {
			t.Errorf("the public gallery after withdrawal: %v", list["items"])
		}
		if resp, _ := e.do("GET", file, nil, map[string]string{"Authorization": "Bearer " + admin}); resp.StatusCode != 200 {
			t.Errorf("the team's photo after withdrawal = %d, want 200", resp.StatusCode)
		}
		regs, _, _ = s.Registrations(ctx, store.RegistrationQuery{EventID: answers[symposium.ConsentPhotos].Scope, Limit: 10})
		if regs[0].PhotoConsent != symposium.PhotoConsentNo {
			t.Errorf("the registration (and so the badge) reads %q, want no", regs[0].PhotoConsent)
		}
		log, _ = s.Consents(ctx, "dana@example.org")
		if last := log[len(log)-1]; last.Kind != symposium.ConsentPhotos || last.Granted || last.Language != "ru" {
			t.Errorf("the withdrawal in the log: %+v", last)
		}
		// The API answers with the same token: yes again shows the photo.
		resp, out := e.api("PUT", "/api/v1/registrations/manage/photo-consent", "", map[string]any{"token": token.Query().Get("token"), "consent": "yes"})
		if resp.StatusCode != 200 || out["consent"] != "yes" {
			t.Errorf("consent through the API = %d %v", resp.StatusCode, out)
		}
		if resp, _ := e.do("GET", file, nil, nil); resp.StatusCode != 200 {
			t.Errorf("the public photo after consenting again = %d, want 200", resp.StatusCode)
		}
	})
}
