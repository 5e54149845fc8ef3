package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

var ctx = context.Background()

func newUser(t *testing.T, s *store.Store, email string) *symposium.User {
	t.Helper()
	u := &symposium.User{Email: email, Name: "Test " + email, Language: "ru"}
	if err := s.CreateUser(ctx, u, "hash-"+email); err != nil {
		t.Fatalf("create user %s: %v", email, err)
	}
	return u
}

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "a@example.org")
		got, hash, err := s.UserByEmail(ctx, "a@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != u.ID || got.Name != u.Name || got.Language != "ru" || hash != "hash-a@example.org" {
			t.Errorf("UserByEmail = %+v, %q; want %+v", got, hash, u)
		}
		if !got.CreatedAt.Equal(u.CreatedAt) {
			t.Errorf("created_at = %v, want %v", got.CreatedAt, u.CreatedAt)
		}
		err = s.CreateUser(ctx, &symposium.User{Email: "a@example.org", Name: "Again", Language: "en"}, "x")
		if e := symposium.AsError(err); e == nil || e.Code != symposium.ECONFLICT || e.Fields[0].Field != "email" {
			t.Errorf("duplicate email: err = %v, want a conflict on email", err)
		}
		if _, err := s.UserByID(ctx, symposium.NewID()); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("unknown id: err = %v, want not found", err)
		}
		if err := s.SetUserLanguage(ctx, u.ID, "kk"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.UserByID(ctx, u.ID); got.Language != "kk" {
			t.Errorf("language = %q after SetUserLanguage(kk)", got.Language)
		}
	})
}

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "s@example.org")
		now := time.Now()
		if err := s.CreateSession(ctx, u.ID, "h1", "", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if got, err := s.SessionUser(ctx, "h1", now); err != nil || got.ID != u.ID {
			t.Fatalf("SessionUser(h1) = %v, %v", got, err)
		}
		if _, err := s.SessionUser(ctx, "h1", now.Add(2*time.Hour)); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("expired session: err = %v, want not found", err)
		}
		// Signing in again rotates: the old session ends.
		if err := s.CreateSession(ctx, u.ID, "h2", "h1", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, "h1", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("rotated session still valid: %v", err)
		}
		if err := s.DeleteSession(ctx, "h2"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, "h2", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("deleted session still valid: %v", err)
		}
		_ = s.CreateSession(ctx, u.ID, "h3", "", now.Add(-time.Minute))
		if n, err := s.DeleteExpired(ctx, now); err != nil || n != 1 {
			t.Errorf("DeleteExpired = %d, %v; want 1", n, err)
		}
	})
}

func TestPasswordReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "r@example.org")
		now := time.Now()
		_ = s.CreateSession(ctx, u.ID, "sess", "", now.Add(time.Hour))
		m := symposium.Mail{To: u.Email, Subject: "Reset", Text: "link"}
		if err := s.CreatePasswordReset(ctx, u.ID, "reset1", now.Add(time.Hour), m); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.PendingMail(ctx); n != 1 {
			t.Errorf("pending mail = %d, want the reset mail queued", n)
		}
		if _, err := s.ResetPassword(ctx, "reset1", "newhash", now.Add(2*time.Hour)); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("expired reset: err = %v, want not found", err)
		}
		got, err := s.ResetPassword(ctx, "reset1", "newhash", now)
		if err != nil || got.ID != u.ID {
			t.Fatalf("ResetPassword = %v, %v", got, err)
		}
		if _, hash, _ := s.UserByEmail(ctx, u.Email); hash != "newhash" {
			t.Errorf("hash = %q, want newhash", hash)
		}
		if _, err := s.SessionUser(ctx, "sess", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("session survived a password reset: %v", err)
		}
		if _, err := s.ResetPassword(ctx, "reset1", "again", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("reused reset: err = %v, want not found", err)
		}
	})
}

func TestThrottle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Now()
		for i := 0; i < 3; i++ {
			if err := s.RecordFailure(ctx, now, time.Minute, "acct:x", "ip:1"); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := s.Failures(ctx, "acct:x", now); n != 3 {
			t.Errorf("failures = %d, want 3", n)
		}
		if n, _ := s.Failures(ctx, "acct:x", now.Add(2*time.Minute)); n != 0 {
			t.Errorf("failures after the window = %d, want 0", n)
		}
		// A failure after the window starts a new one.
		_ = s.RecordFailure(ctx, now.Add(2*time.Minute), time.Minute, "acct:x")
		if n, _ := s.Failures(ctx, "acct:x", now.Add(2*time.Minute)); n != 1 {
			t.Errorf("failures in a new window = %d, want 1", n)
		}
		_ = s.ClearFailures(ctx, "ip:1")
		if n, _ := s.Failures(ctx, "ip:1", now); n != 0 {
			t.Errorf("failures after clear = %d, want 0", n)
		}
	})
}

// TestConcurrentWrites checks that concurrent transactions commit or fail
// each on their own: on SQLite they share commits, and a failing one must
// not take the others with it.
func TestConcurrentWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		const n = 60
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				u := &symposium.User{Email: fmt.Sprintf("u%d@example.org", i/2), Name: "U", Language: "en"}
				errs[i] = s.CreateUser(ctx, u, "h")
			}(i)
		}
		wg.Wait()
		created, conflicts := 0, 0
		for _, err := range errs {
			switch symposium.ErrorCode(err) {
			case "":
				created++
			case symposium.ECONFLICT:
				conflicts++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if created != n/2 || conflicts != n/2 {
			t.Errorf("created %d, conflicts %d; want %d each", created, conflicts, n/2)
		}
		for i := 0; i < n/2; i++ {
			if _, _, err := s.UserByEmail(ctx, fmt.Sprintf("u%d@example.org", i)); err != nil {
				t.Errorf("user %d missing: %v", i, err)
			}
		}
	})
}
