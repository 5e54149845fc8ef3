package webhooks_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/events"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
	"symposium/internal/webhooks"
)

var ctx = context.Background()

type closedSite struct{}

func (closedSite) Site(context.Context) (symposium.Site, error) { return symposium.Site{}, nil }

// received is one request the receiver got.
type received struct {
	header http.Header
	body   []byte
}

// receiver is an HTTP server that records what it gets and answers with
// the status set for it.
type receiver struct {
	mu     sync.Mutex
	status int
	got    []received
	srv    *httptest.Server
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{status: http.StatusOK}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{req.Header.Clone(), body})
		w.WriteHeader(r.status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) answer(status int) { r.mu.Lock(); r.status = status; r.mu.Unlock() }

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// verify checks a request's signature as a receiver following the
// Standard Webhooks specification would, independently of the package's
// Sign: the key is the base64 after "whsec_", the signed content is
// id.timestamp.body, and any of the space-separated "v1," signatures may
// match.
func verify(t *testing.T, secret string, got received) {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil || !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("secret %q: %v", secret, err)
	}
	id, stamp := got.header.Get("webhook-id"), got.header.Get("webhook-timestamp")
	if id == "" || stamp == "" {
		t.Fatalf("headers %v lack webhook-id or webhook-timestamp", got.header)
	}
	if _, err := strconv.ParseInt(stamp, 10, 64); err != nil {
		t.Fatalf("webhook-timestamp %q is not Unix seconds", stamp)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + stamp + "." + string(got.body)))
	want := mac.Sum(nil)
	for _, sig := range strings.Fields(got.header.Get("webhook-signature")) {
		version, b64, ok := strings.Cut(sig, ",")
		raw, err := base64.StdEncoding.DecodeString(b64)
		if ok && version == "v1" && err == nil && hmac.Equal(raw, want) {
			return
		}
	}
	t.Fatalf("webhook-signature %q does not verify", got.header.Get("webhook-signature"))
}

// world is a store with a public event, its manager, a stranger, a
// registration category and the service on a clock the test moves.
type world struct {
	s                 *store.Store
	svc               *webhooks.Service
	now               time.Time
	manager, stranger *symposium.User
	event             *symposium.Event
	category          *symposium.Category
}

func newWorld(t *testing.T, s *store.Store, allowPrivate bool) *world {
	t.Helper()
	w := &world{s: s, now: time.Now().UTC().Truncate(time.Second)}
	w.svc = webhooks.New(s, events.New(s, closedSite{}), "https://symposium.example", allowPrivate)
	w.svc.Now = func() time.Time { return w.now }
	for _, u := range []**symposium.User{&w.manager, &w.stranger} {
		*u = &symposium.User{Email: symposium.NewID() + "@example.org", Name: "User", Language: "en", Verified: true}
		if err := s.CreateUser(ctx, *u, "hash"); err != nil {
			t.Fatal(err)
		}
	}
	start := w.now.Add(30 * 24 * time.Hour).Truncate(time.Hour)
	w.event = &symposium.Event{Slug: "expo", Title: symposium.Text("en", "Expo"), Timezone: "Asia/Almaty", Visibility: symposium.VisibilityPublic,
		Status: symposium.StatusPublished, StartsAt: start, EndsAt: start.Add(8 * time.Hour), Languages: []string{"en"}}
	if err := s.CreateEvent(ctx, w.event, w.manager.ID); err != nil {
		t.Fatal(err)
	}
	w.category = &symposium.Category{EventID: w.event.ID, Name: symposium.Text("en", "Guests")}
	if err := s.CreateCategory(ctx, w.category); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) register(t *testing.T, email string) *symposium.Registration {
	t.Helper()
	r := &symposium.Registration{EventID: w.event.ID, CategoryID: w.category.ID, Email: email, Name: symposium.Text("en", email), Language: "en"}
	if err := w.s.Register(ctx, r, "hash-"+symposium.NewID(), w.now, nil); err != nil {
		t.Fatal(err)
	}
	return r
}

func (w *world) sendDue(t *testing.T) int {
	t.Helper()
	n, err := w.svc.SendDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *world) deliveries(t *testing.T, hook *symposium.Webhook) []*symposium.WebhookDelivery {
	t.Helper()
	_, list, err := w.svc.Deliveries(ctx, w.manager, "expo", hook.ID, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func code(err error) string { return symposium.ErrorCode(err) }

func TestWebhooksSignRetryAndDeliver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, true)
		rcv := newReceiver(t)
		hook, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: rcv.srv.URL + "/hook", Active: true,
			Types: []string{symposium.HookRegistrationCreated, symposium.HookRegistrationCancelled}})
		if err != nil {
			t.Fatal(err)
		}
		reg := w.register(t, "aigerim@example.kz")
		rcv.answer(http.StatusInternalServerError)
		if n := w.sendDue(t); n != 1 {
			t.Fatalf("first send attempted %d, want 1", n)
		}
		got := rcv.requests()
		if len(got) != 1 {
			t.Fatalf("receiver got %d requests, want 1", len(got))
		}
		verify(t, hook.Secret, got[0])
		var p struct {
			Type      string    `json:"type"`
			Timestamp time.Time `json:"timestamp"`
			Data      struct{ ID, URL string }
		}
		if err := json.Unmarshal(got[0].body, &p); err != nil {
			t.Fatal(err)
		}
		if p.Type != symposium.HookRegistrationCreated || p.Data.ID != reg.ID || p.Data.URL != "https://symposium.example/api/v1/registrations/"+reg.ID || !p.Timestamp.Equal(w.now) {
			t.Errorf("payload = %+v", p)
		}
		list := w.deliveries(t, hook)
		if len(list) != 1 || list[0].Status != symposium.DeliveryPending || list[0].Attempts != 1 || list[0].StatusCode != 500 ||
			list[0].NextAttemptAt == nil || !list[0].NextAttemptAt.Equal(w.now.Add(time.Minute)) {
			t.Fatalf("after a 500: %+v", list[0])
		}
		if n := w.sendDue(t); n != 0 {
			t.Errorf("a delivery not yet due was attempted %d times", n)
		}
		w.now = w.now.Add(time.Minute)
		rcv.answer(http.StatusNoContent)
		if n := w.sendDue(t); n != 1 {
			t.Fatalf("retry attempted %d, want 1", n)
		}
		got = rcv.requests()
		verify(t, hook.Secret, got[1])
		if got[1].header.Get("webhook-id") != got[0].header.Get("webhook-id") || got[1].header.Get("webhook-timestamp") == got[0].header.Get("webhook-timestamp") {
			t.Errorf("retry headers %v, first %v: want the same id, a new timestamp", got[1].header, got[0].header)
		}
		if d := w.deliveries(t, hook)[0]; d.Status != symposium.DeliveryDelivered || d.Attempts != 2 || d.StatusCode != 204 {
			t.Errorf("after a 204: %+v", d)
		}
		// A registration refused (already registered) tells no hook.
		dup := &symposium.Registration{EventID: w.event.ID, CategoryID: w.category.ID, Email: "aigerim@example.kz", Name: symposium.Text("en", "x"), Language: "en"}
		if err := s.Register(ctx, dup, "hash-dup", w.now, nil); code(err) != symposium.ECONFLICT {
			t.Fatalf("second registration: %v", err)
		}
		if n := len(w.deliveries(t, hook)); n != 1 {
			t.Errorf("a refused registration queued deliveries: %d in the log, want 1", n)
		}
		// The log keeps a delivery done with for as long as the outbox
		// keeps mail.
		if _, err := s.DeleteExpired(ctx, w.now.Add(store.MailKept-time.Hour)); err != nil || len(w.deliveries(t, hook)) != 1 {
			t.Errorf("the log lost a delivery before its time: %v", err)
		}
		if _, err := s.DeleteExpired(ctx, w.now.Add(store.MailKept+time.Hour)); err != nil || len(w.deliveries(t, hook)) != 0 {
			t.Errorf("the log keeps a delivery past its time: %v", err)
		}
	})
}

func TestWebhooksGiveUpAfterThreeDaysAndRetryByHand(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, true)
		rcv := newReceiver(t)
		hook, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: rcv.srv.URL, Active: true, Types: []string{symposium.HookRegistrationCreated}})
		if err != nil {
			t.Fatal(err)
		}
		w.register(t, "bolat@example.kz")
		start := w.now
		rcv.answer(http.StatusServiceUnavailable)
		for i := 0; i < 20; i++ {
			w.sendDue(t)
			d := w.deliveries(t, hook)[0]
			if d.Status != symposium.DeliveryPending {
				break
			}
			w.now = *d.NextAttemptAt
		}
		d := w.deliveries(t, hook)[0]
		span := w.now.Sub(start)
		if d.Status != symposium.DeliveryFailed || d.Attempts != len(webhooks.Backoff)+1 || span < 60*time.Hour || span > 84*time.Hour {
			t.Fatalf("after retries: %+v over %v; want failed after %d attempts over about three days", d, span, len(webhooks.Backoff)+1)
		}
		if len(rcv.requests()) != d.Attempts {
			t.Errorf("receiver got %d requests, want %d", len(rcv.requests()), d.Attempts)
		}
		rcv.answer(http.StatusOK)
		d, err = w.svc.Retry(ctx, w.manager, "expo", hook.ID, d.ID)
		if err != nil || d.Status != symposium.DeliveryDelivered || d.StatusCode != 200 {
			t.Fatalf("manual retry = %+v, %v; want delivered", d, err)
		}
		if _, err := w.svc.Retry(ctx, w.stranger, "expo", hook.ID, d.ID); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger retries: %v, want forbidden", err)
		}
	})
}

func TestWebhooksGoneTurnsTheHookOff(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, true)
		rcv := newReceiver(t)
		hook, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: rcv.srv.URL, Active: true,
			Types: []string{symposium.HookRegistrationCancelled, symposium.HookRegistrationCheckedIn}})
		if err != nil {
			t.Fatal(err)
		}
		a, b := w.register(t, "a@example.org"), w.register(t, "b@example.org")
		if n := w.sendDue(t); n != 0 {
			t.Fatalf("registrations told a hook subscribed to cancellations only: %d", n)
		}
		if _, err := s.ChangeRegistration(ctx, a.ID, store.ChangeCancel, w.now, nil); err != nil {
			t.Fatal(err)
		}
		rcv.answer(http.StatusGone)
		if n := w.sendDue(t); n != 1 {
			t.Fatalf("cancellation attempted %d, want 1", n)
		}
		_, h, err := w.svc.Get(ctx, w.manager, "expo", hook.ID)
		if err != nil || h.Active || h.DisabledReason != "gone" {
			t.Fatalf("hook after 410 = %+v, %v; want turned off as gone", h, err)
		}
		if d := w.deliveries(t, hook)[0]; d.Status != symposium.DeliveryFailed || d.StatusCode != 410 || d.Type != symposium.HookRegistrationCancelled {
			t.Errorf("delivery answered 410 = %+v", d)
		}
		if _, err := s.CheckIn(ctx, w.event.ID, b.ID, w.now); err != nil {
			t.Fatal(err)
		}
		if n := len(w.deliveries(t, hook)); n != 1 {
			t.Errorf("a hook turned off got %d deliveries, want still 1", n)
		}
		if _, err := w.svc.SendTest(ctx, w.manager, "expo", hook.ID); code(err) != symposium.ECONFLICT {
			t.Errorf("test of a hook turned off: %v, want conflict", err)
		}
		on := true
		if _, err := w.svc.Update(ctx, w.manager, "expo", hook.ID, webhooks.Patch{Active: &on}); err != nil {
			t.Fatal(err)
		}
		rcv.answer(http.StatusOK)
		d, err := w.svc.SendTest(ctx, w.manager, "expo", hook.ID)
		if err != nil || d.Type != symposium.HookTest || d.Status != symposium.DeliveryDelivered {
			t.Fatalf("test = %+v, %v", d, err)
		}
		got := rcv.requests()
		verify(t, hook.Secret, got[len(got)-1])
	})
}

func TestWebhooksRulesAndAddresses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, false)
		rcv := newReceiver(t)
		in := symposium.WebhookInput{URL: "https://hooks.example.org/in", Active: true, Types: []string{symposium.HookAbstractSubmitted}}
		if _, err := w.svc.Create(ctx, w.stranger, "expo", in); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger creates: %v, want forbidden", err)
		}
		if _, err := w.svc.Create(ctx, nil, "expo", in); code(err) != symposium.EUNAUTHORIZED {
			t.Errorf("anonymous creates: %v, want unauthorized", err)
		}
		if _, _, err := w.svc.List(ctx, w.stranger, "expo"); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger lists: %v, want forbidden", err)
		}
		for _, bad := range []symposium.WebhookInput{
			{URL: "ftp://hooks.example.org/", Types: in.Types},
			{URL: "http://127.0.0.1:9/", Types: in.Types},
			{URL: "http://[::1]/", Types: in.Types},
			{URL: "http://10.1.2.3/", Types: in.Types},
			{URL: "https://user:pw@hooks.example.org/", Types: in.Types},
			{URL: in.URL, Types: []string{"registration.deleted"}},
			{URL: in.URL},
		} {
			if _, err := w.svc.Create(ctx, w.manager, "expo", bad); code(err) != symposium.EINVALID {
				t.Errorf("create %+v: %v, want invalid", bad, err)
			}
		}
		// A name leading to a private address is refused when connecting.
		port := rcv.srv.URL[strings.LastIndex(rcv.srv.URL, ":"):]
		hook, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: "http://localhost" + port + "/", Active: true, Types: in.Types})
		if err != nil {
			t.Fatal(err)
		}
		d, err := w.svc.SendTest(ctx, w.manager, "expo", hook.ID)
		if err != nil || d.Status != symposium.DeliveryPending || !strings.Contains(d.LastError, "not a public") || len(rcv.requests()) != 0 {
			t.Errorf("test to a private address = %+v, %v; receiver got %d", d, err, len(rcv.requests()))
		}
		if err := w.svc.Delete(ctx, w.stranger, "expo", hook.ID); code(err) != symposium.EFORBIDDEN {
			t.Errorf("stranger deletes: %v, want forbidden", err)
		}
		if err := w.svc.Delete(ctx, w.manager, "expo", hook.ID); err != nil {
			t.Fatal(err)
		}
		log, _, err := s.AuditLog(ctx, store.AuditQuery{EventID: w.event.ID, Limit: 10})
		if err != nil || len(log) != 2 || log[0].Action != symposium.AuditWebhookDelete || log[1].Action != symposium.AuditWebhookSave ||
			log[1].Subject != hook.ID || strings.Contains(string(log[1].After), "whsec_") || !strings.Contains(string(log[1].After), "localhost") {
			t.Errorf("audit log = %v, %v; want the hook saved and removed, without its secret", log, err)
		}
		if _, _, err := w.svc.Get(ctx, w.manager, "expo", hook.ID); code(err) != symposium.ENOTFOUND {
			t.Errorf("deleted hook: %v, want not found", err)
		}
	})
}

func TestWebhooksToldOfAbstractsAndCheckIns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, true)
		rcv := newReceiver(t)
		hook, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: rcv.srv.URL, Active: true, Types: symposium.HookTypes})
		if err != nil {
			t.Fatal(err)
		}
		call := &symposium.Call{EventID: w.event.ID, OpensAt: w.now.Add(-time.Hour), ClosesAt: w.now.Add(time.Hour),
			Tracks: []symposium.Track{{Name: symposium.Text("en", "Energy")}}}
		if err := s.PutCall(ctx, call); err != nil {
			t.Fatal(err)
		}
		if call, err = s.Call(ctx, w.event.ID); err != nil {
			t.Fatal(err)
		}
		a := &symposium.Abstract{EventID: w.event.ID, TrackID: call.Tracks[0].ID, Type: "talk", Language: "en",
			Title: symposium.Text("en", "Wind in the steppe"), Content: symposium.Text("en", "Text"), SubmitterID: w.manager.ID}
		if err := s.CreateAbstract(ctx, a); err != nil {
			t.Fatal(err)
		}
		a.Decision = &symposium.Decision{Outcome: symposium.DecisionReject}
		if err := s.Decide(ctx, a.ID, a.Decision); err != nil {
			t.Fatal(err)
		}
		if done, err := s.ReleaseDecisions(ctx, w.event, []store.Release{{Abstract: a}}); err != nil || len(done) != 1 {
			t.Fatalf("release = %v, %v", done, err)
		}
		r := w.register(t, "c@example.org")
		if _, err := s.CheckIn(ctx, w.event.ID, r.ID, w.now); err != nil {
			t.Fatal(err)
		}
		w.now = time.Now() // the store stamps abstracts with the real clock
		if n := w.sendDue(t); n != 4 {
			t.Fatalf("sent %d, want 4", n)
		}
		var types []string
		for _, got := range rcv.requests() {
			verify(t, hook.Secret, got)
			var p webhooks.Payload
			if err := json.Unmarshal(got.body, &p); err != nil {
				t.Fatal(err)
			}
			types = append(types, p.Type)
			if p.Type == symposium.HookAbstractDecided && p.Data.URL != "https://symposium.example/api/v1/abstracts/"+a.ID {
				t.Errorf("decided payload = %+v", p)
			}
		}
		want := []string{symposium.HookAbstractSubmitted, symposium.HookAbstractDecided, symposium.HookRegistrationCreated, symposium.HookRegistrationCheckedIn}
		slices.Sort(types)
		slices.Sort(want)
		if !slices.Equal(types, want) {
			t.Errorf("types sent = %v, want %v", types, want)
		}
	})
}

// TestWebhooksSendersShareTheQueue runs two senders at once, as two
// instances would: every message is posted exactly once.
func TestWebhooksSendersShareTheQueue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s, true)
		rcv := newReceiver(t)
		if _, err := w.svc.Create(ctx, w.manager, "expo", symposium.WebhookInput{URL: rcv.srv.URL, Active: true, Types: []string{symposium.HookRegistrationCreated}}); err != nil {
			t.Fatal(err)
		}
		for i := range 25 {
			w.register(t, strconv.Itoa(i)+"@example.org")
		}
		other := webhooks.New(s, events.New(s, closedSite{}), "https://symposium.example", true)
		other.Now = w.svc.Now
		var wg sync.WaitGroup
		for _, svc := range []*webhooks.Service{w.svc, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := svc.SendDue(ctx); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		seen := map[string]int{}
		for _, got := range rcv.requests() {
			seen[got.header.Get("webhook-id")]++
		}
		if len(seen) != 25 || len(rcv.requests()) != 25 {
			t.Errorf("two senders posted %d messages with %d ids, want 25 once each", len(rcv.requests()), len(seen))
		}
	})
}
