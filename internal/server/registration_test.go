package server_test

import (
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/mail"
	"symposium/internal/mail/smtptest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// registrationEvent makes the seed event with a category and returns its id.
func registrationEvent(t *testing.T, e *env, token string, category map[string]any) string {
	t.Helper()
	createSeedEvent(t, e, token, "astana", "public")
	resp, c := e.api("POST", "/api/v1/events/astana/registration-categories", token, category)
	if resp.StatusCode != 201 {
		t.Fatalf("category = %d %v", resp.StatusCode, c)
	}
	return c["id"].(string)
}

func TestRegistrationBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, token := e.organizer("m@example.org")
		cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 10})
		past, future := time.Now().Add(-time.Hour).Format(time.RFC3339), time.Now().Add(time.Hour).Format(time.RFC3339)
		_, closed := e.api("POST", "/api/v1/events/astana/registration-categories", token, map[string]any{"name": map[string]string{"en": "Late"}, "closes_at": past})
		_, notYet := e.api("POST", "/api/v1/events/astana/registration-categories", token, map[string]any{"name": map[string]string{"en": "Early"}, "opens_at": future})
		tests := []struct {
			name  string
			body  map[string]any
			code  int
			field string
		}{
			{"malformed email", map[string]any{"category_id": cat, "email": "not an email", "name": map[string]string{"en": "A"}}, 422, "email"},
			{"10,000-character name", map[string]any{"category_id": cat, "email": "a@example.org", "name": map[string]string{"en": strings.Repeat("я", 10000)}}, 422, "name.en"},
			{"unknown category", map[string]any{"category_id": "01a20b6f-d70a-7688-bcec-1c6c62690bc2", "email": "a@example.org", "name": map[string]string{"en": "A"}}, 422, "category_id"},
			{"closed category", map[string]any{"category_id": closed["id"], "email": "a@example.org", "name": map[string]string{"en": "A"}}, 422, "category_id"},
			{"category not open yet", map[string]any{"category_id": notYet["id"], "email": "a@example.org", "name": map[string]string{"en": "A"}}, 422, "category_id"},
			{"no name", map[string]any{"category_id": cat, "email": "a@example.org", "name": map[string]string{}}, 422, "name"},
		}
		for _, tt := range tests {
			resp, p := e.api("POST", "/api/v1/events/astana/registrations", "", tt.body)
			fields := ""
			for _, f := range asSlice(p["errors"]) {
				fields += f.(map[string]any)["field"].(string) + " "
			}
			if resp.StatusCode != tt.code || !strings.Contains(fields, tt.field) {
				t.Errorf("%s: %d, fields %q; want %d naming %s", tt.name, resp.StatusCode, fields, tt.code, tt.field)
			}
		}
		if list, _, _ := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "astana"), Limit: 10}); len(list) != 0 {
			t.Errorf("refused registrations left %d rows", len(list))
		}
		// A script in a name is stored as text and shown escaped.
		resp, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "x@example.org",
			"name": map[string]string{"en": `<script>alert("x")</script>`}})
		if resp.StatusCode != 201 || r["status"] != "confirmed" || !strings.HasPrefix(r["ticket"].(string), "S1") {
			t.Fatalf("registration = %d %v", resp.StatusCode, r)
		}
		if r["manage_token"] != nil {
			t.Error("an anonymous registration got its manage link in the answer instead of by mail")
		}
		_, page := e.do("GET", manageLinkOf(t, e, "x@example.org"), nil, nil)
		if strings.Contains(page, `<script>alert`) || !strings.Contains(page, "&lt;script&gt;") {
			t.Error("the manage page does not escape the name")
		}
		if resp, _ := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "X@example.org",
			"name": map[string]string{"en": "Again"}}); resp.StatusCode != 409 {
			t.Errorf("the same email again = %d, want 409", resp.StatusCode)
		}
	})
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func eventID(t *testing.T, s *store.Store, slug string) string {
	t.Helper()
	e, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	return e.ID
}

func TestRegistrationLifecycleThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := start(t, s, false)
		_, manager := e.organizer("m@example.org")
		_, stranger := e.user("s@example.org", false)
		cat := registrationEvent(t, e, manager, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 1, "waitlist": true})
		_, first := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "one@example.org", "name": map[string]string{"kk": "Гүлнар"}})
		_, second := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "two@example.org", "name": map[string]string{"zh": "张伟"}, "language": "zh"})
		if first["status"] != "confirmed" || second["status"] != "waitlisted" || second["ticket"] != nil {
			t.Fatalf("statuses %v, %v", first["status"], second["status"])
		}
		// Others may not cancel; the registrant's token may.
		if resp, _ := e.api("POST", "/api/v1/registrations/"+first["id"].(string)+"/cancel", stranger, map[string]any{}); resp.StatusCode != 404 {
			t.Errorf("a stranger's cancel = %d, want 404", resp.StatusCode)
		}
		link, _ := url.Parse(manageLinkOf(t, e, "one@example.org"))
		if resp, _ := e.api("POST", "/api/v1/registrations/"+first["id"].(string)+"/cancel", "", map[string]any{"token": link.Query().Get("token")}); resp.StatusCode != 200 {
			t.Fatalf("cancel with the token = %d", resp.StatusCode)
		}
		_, list := e.api("GET", "/api/v1/events/astana/registrations?status=confirmed", manager, nil)
		items := asSlice(list["items"])
		if len(items) != 1 || items[0].(map[string]any)["email"] != "two@example.org" {
			t.Errorf("after the cancellation the confirmed are %v; want the waitlisted person promoted", items)
		}
		mails, _ := s.ListMail(ctx, "", 20)
		promoted := false
		for _, m := range mails {
			if m.Mail.To == "two@example.org" && strings.Contains(m.Mail.Subject, "您已获得名额") && mailedTicket(m.Mail) != "" {
				promoted = true
			}
		}
		if !promoted {
			t.Error("the promoted registrant got no mail in Chinese with a ticket")
		}
		if resp, _ := e.api("GET", "/api/v1/events/astana/registrations", stranger, nil); resp.StatusCode != 403 {
			t.Errorf("a stranger listing registrations = %d", resp.StatusCode)
		}
		// Check-in: once, twice, forged.
		reg, _ := s.Registration(ctx, items[0].(map[string]any)["id"].(string))
		tk := ticketOf(t, e, reg.ID, reg.Email)
		if resp, _ := e.api("POST", "/api/v1/events/astana/checkins", manager, map[string]any{"ticket": tk}); resp.StatusCode != 200 {
			t.Errorf("first check-in = %d", resp.StatusCode)
		}
		if resp, _ := e.api("POST", "/api/v1/events/astana/checkins", manager, map[string]any{"ticket": tk}); resp.StatusCode != 409 {
			t.Errorf("second check-in = %d", resp.StatusCode)
		}
		forged := tk[:60] + flip(tk[60]) + tk[61:]
		if resp, _ := e.api("POST", "/api/v1/events/astana/checkins", manager, map[string]any{"ticket": forged}); resp.StatusCode != 404 {
			t.Errorf("forged ticket = %d", resp.StatusCode)
		}
		if resp, _ := e.api("POST", "/api/v1/events/astana/checkins", stranger, map[string]any{"ticket": tk}); resp.StatusCode != 403 {
			t.Errorf("a stranger's check-in = %d", resp.StatusCode)
		}
	})
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

// ticketOf reads a registration's ticket from its confirmation or promotion mail.
func ticketOf(t *testing.T, e *env, id, email string) string {
	t.Helper()
	mails, _ := e.store.ListMail(ctx, "", 100)
	for _, m := range mails {
		if m.Mail.To == email {
			if tk := mailedTicket(m.Mail); tk != "" {
				return tk
			}
		}
	}
	t.Fatalf("no ticket mailed to %s", email)
	return ""
}

// mailedTicket returns the ticket a mail carries as its inline QR code,
// or "". The ticket's long text is not in the mail's text.
func mailedTicket(m symposium.Mail) string {
	for _, a := range m.Attachments {
		if a.ContentID == "ticket" && regexp.MustCompile(`^S1[A-Za-z0-9_-]{128}$`).MatchString(a.QR) && !strings.Contains(m.Text, a.QR) &&
			strings.Contains(m.HTML, `src="cid:ticket"`) {
			return a.QR
		}
	}
	return ""
}

func TestRegistrationPages(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant", "ru": "Участник"}, "capacity": 5})
	_, page := e.do("GET", "/events/astana/register?lang=ru", nil, nil)
	if !strings.Contains(page, "Участник") || !strings.Contains(page, "Осталось 5 мест") {
		t.Error("the registration form lacks the category or its places left")
	}
	resp, page := e.form("/events/astana/register?lang=ru", url.Values{"category_id": {cat}, "name": {""}, "email": {"bad"}}, nil)
	if resp.StatusCode != 422 || !strings.Contains(page, "Введите правильный адрес") || !strings.Contains(page, "Это поле обязательно.") {
		t.Errorf("invalid registration form = %d", resp.StatusCode)
	}
	resp, page = e.form("/events/astana/register?lang=kk", url.Values{"category_id": {cat}, "name": {"Гүлнар Шаймергенова"}, "name_latin": {"Gulnar Shaimergenova"}, "email": {"g@example.kz"}}, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "g@example.kz") || strings.Contains(page, "/registrations/manage") {
		t.Fatalf("registration = %d; want the page that sends the registrant to their mail", resp.StatusCode)
	}
	manage := manageLinkOf(t, e, "g@example.kz")
	_, page = e.do("GET", manage+"&lang=kk", nil, nil)
	if !strings.Contains(page, "Расталды") || !strings.Contains(page, "<svg") {
		t.Error("the manage page lacks the status or the ticket's QR code")
	}
	token2, _ := url.ParseQuery(strings.TrimPrefix(manage, "/registrations/manage?"))
	token2.Del("lang")
	if resp, _ := e.form("/registrations/manage", url.Values{"token": {token2.Get("token")}, "action": {"cancel"}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("cancel from the manage page = %d", resp.StatusCode)
	}
	_, page = e.do("GET", "/registrations/manage?"+token2.Encode()+"&lang=en", nil, nil)
	if !strings.Contains(page, "Cancelled") || strings.Contains(page, "<svg") {
		t.Error("after cancelling, the page still shows a ticket")
	}
	reg, _, _ := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "astana"), Limit: 5})
	if len(reg) != 1 || reg[0].Name["kk"] != "Гүлнар Шаймергенова" || reg[0].Name["en"] != "Gulnar Shaimergenova" {
		t.Errorf("stored name = %v", reg)
	}
}

func TestCheckinDeskWithoutScript(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("desk@example.org")
	e.user("other@example.org", false)
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
	_, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "g@example.org",
		"name": map[string]string{"ru": "Гульнар Шаймергенова"}})
	if resp, _ := e.do("GET", "/events/astana/checkin", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the desk for nobody signed in = %d, want 303 to sign in", resp.StatusCode)
	}
	e.signIn("other@example.org")
	if resp, _ := e.do("GET", "/events/astana/checkin", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the desk for a stranger = %d, want 403", resp.StatusCode)
	}
	e.signIn("desk@example.org")
	_, page := e.form("/events/astana/checkin?lang=ru", url.Values{"ticket": {r["ticket"].(string)}}, nil)
	if !strings.Contains(page, "Прибытие отмечено. Добро пожаловать!") || !strings.Contains(page, "Гульнар Шаймергенова") {
		t.Error("the desk does not confirm the check-in with the name")
	}
	_, page = e.form("/events/astana/checkin?lang=en", url.Values{"ticket": {r["ticket"].(string)}}, nil)
	if !strings.Contains(page, "Already checked in") {
		t.Error("a second scan is not warned")
	}
	_, page = e.do("GET", "/events/astana/checkin?lang=ru&q=Шаймерг", nil, nil)
	if !strings.Contains(page, "g@example.org") {
		t.Error("search by name finds nothing")
	}
}

// TestConfirmationMailCarriesTicketAndCalendar sends a real confirmation
// through the outbox to an SMTP server and finds the QR code and the event's
// calendar attached.
func TestConfirmationMailCarriesTicketAndCalendar(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, true)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
	e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "g@example.kz",
		"name": map[string]string{"kk": "Гүлнар"}, "language": "kk"})
	srv := smtptest.Start(t)
	tr, err := mail.NewSMTP(srv.URL(), "Symposium <noreply@symposium.test>")
	if err != nil {
		t.Fatal(err)
	}
	snd := mail.NewSender(s, tr, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if n, err := snd.Flush(ctx); n != 1 || err != nil {
		t.Fatalf("Flush = %d, %v", n, err)
	}
	m := srv.Messages()[0]
	body := m.Body
	if !strings.Contains(m.Subject, "Сіз тіркелдіңіз") || !strings.Contains(body, `filename="ticket.png"`) || !strings.Contains(body, `filename="astana.ics"`) {
		t.Fatalf("mail %q lacks its attachments", m.Subject)
	}
	found, ids := map[string]string{}, map[string]string{}
	readParts(t, body, m.Header.Get("Content-Type"), found, ids)
	if !strings.HasPrefix(found["ticket.png"], "\x89PNG") || !strings.Contains(found["astana.ics"], "BEGIN:VEVENT") ||
		!strings.Contains(found["astana.ics"], "Қытай ғылымы") {
		t.Errorf("attachments: png %v, ics %.200q", strings.HasPrefix(found["ticket.png"], "\x89PNG"), found["astana.ics"])
	}
	if ids["ticket.png"] != "<ticket>" || !strings.Contains(found["text/html"], `<img src="cid:ticket" alt="Билет`) {
		t.Errorf("the ticket is not shown inline: Content-ID %q, HTML %.600q", ids["ticket.png"], found["text/html"])
	}
	if text := found["text/plain"]; !strings.Contains(text, "ticket.png") || regexp.MustCompile(`S1[A-Za-z0-9_-]{100}`).MatchString(text) {
		t.Errorf("the text part should name the QR code, not hold the ticket's long text: %.600q", text)
	}
}

// readParts reads a MIME body's parts, nested ones too, by file name, or
// by content type for the text parts, with each file's Content-ID.
func readParts(t *testing.T, body, contentType string, found, ids map[string]string) {
	t.Helper()
	mr := multipart.NewReader(strings.NewReader(body), boundary(t, contentType))
	for {
		part, err := mr.NextPart()
		if err != nil {
			return
		}
		data, _ := io.ReadAll(part)
		ct := part.Header.Get("Content-Type")
		if strings.HasPrefix(ct, "multipart/") {
			readParts(t, string(data), ct, found, ids)
			continue
		}
		switch part.Header.Get("Content-Transfer-Encoding") {
		case "base64":
			data, _ = base64.StdEncoding.DecodeString(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", ""), "\n", ""))
		case "quoted-printable":
			data, _ = io.ReadAll(quotedprintable.NewReader(strings.NewReader(string(data))))
		}
		name := part.FileName()
		if name == "" {
			name, _, _ = mime.ParseMediaType(ct)
		}
		found[name], ids[name] = string(data), part.Header.Get("Content-Id")
	}
}

func boundary(t *testing.T, contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatal(err)
	}
	return params["boundary"]
}

func TestRegistrationFormQuestionsAndParticipantList(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
	e.signIn("m@example.org")
	resp, _ := e.form("/events/astana/registration-form", url.Values{"label.en": {"Meals"}, "key": {"diet"}, "kind": {"choice"},
		"required": {"yes"}, "options": {"halal: Halal\nnone: No preference"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add question = %d", resp.StatusCode)
	}
	resp, page := e.form("/events/astana/registration-form?lang=en", url.Values{"label.en": {"Bad"}, "key": {"Bad Key"}, "kind": {"text"}}, nil)
	if resp.StatusCode != 422 || !strings.Contains(page, "lowercase Latin letters") {
		t.Errorf("bad question = %d", resp.StatusCode)
	}
	_, page = e.do("GET", "/events/astana/register?lang=en", nil, nil)
	if !strings.Contains(page, "Meals") || !strings.Contains(page, `name="answer.diet" value="halal"`) {
		t.Fatal("the registration form does not ask the question")
	}
	base := url.Values{"category_id": {cat}, "name": {"Айгүл"}, "email": {"a@example.kz"}}
	resp, page = e.form("/events/astana/register?lang=kk", base, nil)
	if resp.StatusCode != 422 || !strings.Contains(page, "Бұл өрісті толтыру міндетті.") {
		t.Errorf("missing required answer = %d", resp.StatusCode)
	}
	base.Set("answer.diet", "halal")
	base.Set("listed", "yes")
	if resp, _ := e.form("/events/astana/register?lang=kk", base, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("registration = %d", resp.StatusCode)
	}
	e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "hidden@example.org",
		"name": map[string]string{"en": "Hidden Person"}, "answers": map[string]string{"diet": "none"}})
	reg, _, _ := s.Registrations(ctx, store.RegistrationQuery{EventID: eventID(t, s, "astana"), Limit: 5})
	if len(reg) != 2 || reg[0].Answers["diet"] != "halal" || !reg[0].Listed || reg[1].Listed {
		t.Errorf("stored = %+v", reg)
	}
	_, page = e.do("GET", "/events/astana/participants?lang=en", nil, nil)
	if !strings.Contains(page, "Айгүл") || strings.Contains(page, "Hidden Person") {
		t.Error("the participant list does not follow consent")
	}
}

// manageLinkOf reads a registrant's manage link from the mail sent to them.
func manageLinkOf(t *testing.T, e *env, email string) string {
	t.Helper()
	mails, _ := e.store.ListMail(ctx, "", 100)
	for _, m := range mails {
		if m.Mail.To == email {
			if link := regexp.MustCompile(`/registrations/manage\?\S+`).FindString(m.Mail.Text); link != "" {
				return link
			}
		}
	}
	t.Fatalf("no manage link mailed to %s", email)
	return ""
}

func TestManageLinkConfirmsEditsAndRenews(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}})
	e.api("PUT", "/api/v1/events/astana/registration-questions", token, map[string]any{"questions": []map[string]any{
		{"key": "visa", "label": map[string]string{"en": "Do you need a visa letter?"}, "kind": "yes_no"}}})
	_, r := e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": "g@example.kz", "name": map[string]string{"en": "G"}})
	reg, _ := s.Registration(ctx, r["id"].(string))
	if reg.HoldUntil == nil || reg.EmailConfirmed {
		t.Fatalf("an anonymous registration is not held: %+v", reg)
	}
	link := manageLinkOf(t, e, "g@example.kz")
	e.do("GET", link, nil, nil)
	if reg, _ = s.Registration(ctx, reg.ID); reg.HoldUntil != nil || !reg.EmailConfirmed {
		t.Errorf("opening the mailed link did not confirm the address: %+v", reg)
	}
	u, _ := url.Parse(link)
	tok := u.Query().Get("token")
	resp, page := e.form("/registrations/manage?lang=en", url.Values{"token": {tok}, "action": {"save"}, "organization": {"KazNU"}, "answer.visa": {"maybe"}}, nil)
	if resp.StatusCode != 422 || !strings.Contains(page, "Choose one of the options offered.") {
		t.Errorf("a bad answer = %d", resp.StatusCode)
	}
	resp, _ = e.form("/registrations/manage", url.Values{"token": {tok}, "action": {"save"}, "organization": {"KazNU"}, "answer.visa": {"yes"}, "listed": {"yes"}}, nil)
	if reg, _ = s.Registration(ctx, reg.ID); resp.StatusCode != http.StatusSeeOther || reg.Organization != "KazNU" || reg.Answers["visa"] != "yes" || !reg.Listed {
		t.Errorf("save = %d, stored %+v", resp.StatusCode, reg)
	}
	if resp, _ := e.form("/registrations/manage", url.Values{"token": {tok}, "action": {"renew"}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("renew = %d", resp.StatusCode)
	}
	if resp, _ := e.do("GET", link, nil, nil); resp.StatusCode != 404 {
		t.Errorf("the old link after renewing = %d, want 404", resp.StatusCode)
	}
	mails, _ := s.ListMail(ctx, "", 10)
	if !strings.Contains(mails[0].Mail.Subject, "Your new link") {
		t.Errorf("newest mail = %q", mails[0].Mail.Subject)
	}
	// Signed in with the same email, nothing is held and the link is given.
	e.user("g2@example.kz", false)
	e.signIn("g2@example.kz")
	resp, body := e.do("POST", "/api/v1/events/astana/registrations", strings.NewReader(`{"category_id":"`+cat+`","email":"g2@example.kz","name":{"en":"G2"}}`),
		map[string]string{"Content-Type": "application/json", "Origin": e.srv.URL, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != 201 || !strings.Contains(body, `"manage_token"`) || strings.Contains(body, "hold_until") {
		t.Errorf("a signed-in registration = %d %s", resp.StatusCode, body)
	}
}

func TestCapacityRaiseAndResend(t *testing.T) {
	s := storetest.SQLite(t)
	e := start(t, s, false)
	_, token := e.organizer("m@example.org")
	cat := registrationEvent(t, e, token, map[string]any{"name": map[string]string{"en": "Participant"}, "capacity": 1, "waitlist": true})
	for _, email := range []string{"a@example.org", "b@example.org", "c@example.org"} {
		e.api("POST", "/api/v1/events/astana/registrations", "", map[string]any{"category_id": cat, "email": email, "name": map[string]string{"en": email}})
	}
	resp, c := e.api("PATCH", "/api/v1/events/astana/registration-categories/"+cat, token, map[string]any{"capacity": 2})
	if resp.StatusCode != 200 || c["confirmed"] != float64(2) || c["waitlisted"] != float64(1) {
		t.Errorf("raise capacity = %d %v; want the first waitlisted promoted", resp.StatusCode, c)
	}
	if resp, _ := e.api("PUT", "/api/v1/events/astana/registration-capacity", token, map[string]any{"capacity": 2}); resp.StatusCode != 200 {
		t.Errorf("event capacity = %d", resp.StatusCode)
	}
	resp, c = e.api("PATCH", "/api/v1/events/astana/registration-categories/"+cat, token, map[string]any{"unlimited": true})
	if resp.StatusCode != 200 || c["confirmed"] != float64(2) || c["waitlisted"] != float64(1) {
		t.Errorf("with the event capped at 2, an unlimited category = %v", c)
	}
	_, list := e.api("GET", "/api/v1/events/astana/registrations", token, nil)
	first := asSlice(list["items"])[0].(map[string]any)["id"].(string)
	if resp, r := e.api("PATCH", "/api/v1/registrations/"+first, token, map[string]any{"organization": "KazNU", "name": map[string]string{"kk": "Әлия"}}); resp.StatusCode != 200 || r["organization"] != "KazNU" {
		t.Errorf("manager's edit = %d %v", resp.StatusCode, r)
	}
	if resp, _ := e.api("PATCH", "/api/v1/registrations/"+first, token, map[string]any{"country": "Kazakhstan"}); resp.StatusCode != 422 {
		t.Errorf("a bad country = %d", resp.StatusCode)
	}
	before, _ := s.ListMail(ctx, "", 100)
	resp, page := e.form("/events/astana/register/resend?lang=en", url.Values{"email": {"nobody@example.org"}}, nil)
	after, _ := s.ListMail(ctx, "", 100)
	if resp.StatusCode != 200 || !strings.Contains(page, "Check your mail") || len(after) != len(before) {
		t.Errorf("resend to an unknown email = %d, %d mails more", resp.StatusCode, len(after)-len(before))
	}
	e.form("/events/astana/register/resend", url.Values{"email": {"A@example.org"}}, nil)
	if after, _ = s.ListMail(ctx, "", 100); len(after) != len(before)+1 || after[0].Mail.To != "a@example.org" {
		t.Errorf("resend to a registrant sent %d mails", len(after)-len(before))
	}
}
