package server_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/store/storetest"
)

// TestMalformedBodies sends bodies that cannot be read and checks that
// each is answered for what it is, in the reader's language.
func TestMalformedBodies(t *testing.T) {
	e := start(t, storetest.SQLite(t), false)
	_, token := e.user("admin@example.org", true)
	same := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"}

	resp, body := e.do("POST", "/signin?lang=ru", strings.NewReader("email=a%ZZ&password=x"), same)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Не удалось прочитать запрос.") {
		t.Errorf("a form with bad percent-encoding = %d; want 400 saying so in Russian", resp.StatusCode)
	}
	resp, _ = e.do("POST", "/signin", strings.NewReader("email="+strings.Repeat("a", 2<<20)), same)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a form of 2 MB = %d; want 413", resp.StatusCode)
	}

	ps := &symposium.Person{Name: symposium.Text("en", "Zhang Wei")}
	if err := e.store.CreatePerson(ctx, ps); err != nil {
		t.Fatal(err)
	}
	e.signIn("admin@example.org")
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	_ = mw.WriteField("other", "x")
	_ = mw.Close()
	resp, body = e.do("POST", "/people/"+ps.ID+"/photo?lang=en", &mp, map[string]string{"Content-Type": mw.FormDataContentType(),
		"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "This field is required.") {
		t.Errorf("a photo post without its photo = %d; want 422 naming the field", resp.StatusCode)
	}

	upload := func(name string, data []byte) (*http.Response, string) {
		var mp bytes.Buffer
		mw := multipart.NewWriter(&mp)
		fw, _ := mw.CreateFormFile("photo", name)
		_, _ = fw.Write(data)
		_ = mw.Close()
		return e.do("POST", "/people/"+ps.ID+"/photo?lang=kk", &mp, map[string]string{"Content-Type": mw.FormDataContentType(),
			"Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
	}
	if resp, body := upload("me.txt", []byte("not a picture")); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "JPEG, PNG не GIF суретін жүктеңіз.") {
		t.Errorf("a photo that is not a picture = %d; want 422 saying so next to the field, in Kazakh", resp.StatusCode)
	}
	if resp, _ := upload("big.png", bytes.Repeat([]byte("x"), 9<<20)); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a photo post of 9 MB = %d; want 413", resp.StatusCode)
	}

	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", ""} {
		h := map[string]string{"Authorization": "Bearer " + token, "Accept-Language": "ru"}
		if ct != "" {
			h["Content-Type"] = ct
		}
		resp, body = e.do("POST", "/api/v1/organizations", strings.NewReader(`{"name":{"en":"X"},"country":"KZ","kind":"university"}`), h)
		if resp.StatusCode != http.StatusUnsupportedMediaType || strings.Contains(body, "что-то пошло не так") ||
			!strings.Contains(body, "application/json") {
			t.Errorf("an API write sent as %q = %d %s; want 415 naming the JSON type, in Russian", ct, resp.StatusCode, body)
		}
	}
	resp, _ = e.do("POST", "/api/v1/organizations", io.MultiReader(strings.NewReader(`{"name":{"en":"`),
		strings.NewReader(strings.Repeat("a", 2<<20)), strings.NewReader(`"}}`)),
		map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"})
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("an API body of 2 MB = %d; want 413", resp.StatusCode)
	}
}
