package mail_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"symposium"
	"symposium/internal/mail"
	"symposium/internal/mail/smtptest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

func newSender(t *testing.T, s *store.Store, srv *smtptest.Server) *mail.Sender {
	t.Helper()
	tr, err := mail.NewSMTP(srv.URL(), "Symposium <noreply@symposium.test>")
	if err != nil {
		t.Fatal(err)
	}
	snd := mail.NewSender(s, tr, slog.New(slog.NewTextHandler(io.Discard, nil)))
	snd.Backoff = []time.Duration{0, 0}
	return snd
}

func TestSenderDeliversOverSMTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		srv := smtptest.Start(t)
		snd := newSender(t, s, srv)
		m := symposium.Mail{To: "gulnar@example.kz", ToName: "Гүлнар Шаймергенова", Subject: "Симпозиум: растау 确认",
			Text: "Сәлеметсіз бе!", HTML: "<p>Сәлеметсіз бе!</p>"}
		if err := s.EnqueueMail(ctx, m); err != nil {
			t.Fatal(err)
		}
		n, err := snd.Flush(ctx)
		if err != nil || n != 1 {
			t.Fatalf("Flush = %d, %v; want 1 sent", n, err)
		}
		got := srv.Messages()
		if len(got) != 1 {
			t.Fatalf("server got %d messages", len(got))
		}
		if got[0].Subject != m.Subject || got[0].To[0] != m.To || got[0].From != "noreply@symposium.test" {
			t.Errorf("delivered %+v", got[0])
		}
		if !strings.Contains(got[0].Header.Get("Content-Type"), "multipart/alternative") {
			t.Errorf("content type %q, want text and HTML alternatives", got[0].Header.Get("Content-Type"))
		}
		if n, _ := snd.Flush(ctx); n != 0 || len(srv.Messages()) != 1 {
			t.Errorf("a sent message was sent again")
		}
	})
}

func TestSenderRetriesThenGivesUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		srv := smtptest.Start(t)
		snd := newSender(t, s, srv)
		srv.FailNext(1)
		_ = s.EnqueueMail(ctx, symposium.Mail{To: "a@example.org", Subject: "retry", Text: "t"})
		if n, _ := snd.Flush(ctx); n != 1 {
			t.Fatalf("after one temporary failure and an immediate retry, sent %d", n)
		}
		list, _ := s.ListMail(ctx, "", 10)
		if list[0].Attempts != 2 || list[0].SentAt.IsZero() {
			t.Errorf("attempts %d, sent %v; want 2 attempts, sent", list[0].Attempts, list[0].SentAt)
		}
		srv.FailNext(10)
		_ = s.EnqueueMail(ctx, symposium.Mail{To: "b@example.org", Subject: "doomed", Text: "t"})
		_, _ = snd.Flush(ctx)
		list, _ = s.ListMail(ctx, "", 10)
		if list[0].FailedAt.IsZero() || list[0].Attempts != 3 || !strings.Contains(list[0].LastError, "451") {
			t.Errorf("doomed mail: %+v; want given up after 3 attempts with the server's answer", list[0])
		}
		if n, _ := s.PendingMail(ctx); n != 0 {
			t.Errorf("pending = %d", n)
		}
	})
}

func TestSenderAttachesFiles(t *testing.T) {
	s := storetest.SQLite(t)
	srv := smtptest.Start(t)
	snd := newSender(t, s, srv)
	m := symposium.Mail{To: "a@example.org", Subject: "Ticket", Text: "Your ticket", Attachments: []symposium.Attachment{
		{Name: "ticket.png", ContentType: "image/png", QR: "S1ticket"},
		{Name: "event.ics", ContentType: "text/calendar", Data: []byte("BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n")},
	}}
	if err := s.EnqueueMail(ctx, m); err != nil {
		t.Fatal(err)
	}
	if n, err := snd.Flush(ctx); n != 1 || err != nil {
		t.Fatalf("Flush = %d, %v", n, err)
	}
	got := srv.Messages()[0]
	if !strings.Contains(got.Header.Get("Content-Type"), "multipart/mixed") ||
		!strings.Contains(got.Body, `filename="ticket.png"`) || !strings.Contains(got.Body, `filename="event.ics"`) {
		t.Errorf("the mail lacks its attachments: %s\n%.600s", got.Header.Get("Content-Type"), got.Body)
	}
}
