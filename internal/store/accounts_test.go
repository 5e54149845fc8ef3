package store_test

import (
	"context"
	"fmt"
	"slices"
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
	u := &symposium.User{Email: email, Name: "Test " + email, Language: "ru", Verified: true}
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
		for i := 1; i <= 3; i++ {
			counts, err := s.CountAttempts(ctx, now, time.Minute, "acct:x", "ip:1")
			if err != nil || counts[0] != i || counts[1] != i {
				t.Fatalf("attempt %d counted %v, %v", i, counts, err)
			}
		}
		// An attempt after the window starts a new one.
		if counts, _ := s.CountAttempts(ctx, now.Add(2*time.Minute), time.Minute, "acct:x"); counts[0] != 1 {
			t.Errorf("count in a new window = %v, want 1", counts)
		}
		_ = s.UncountAttempt(ctx, "ip:1")
		if counts, _ := s.CountAttempts(ctx, now, time.Minute, "ip:1"); counts[0] != 3 {
			t.Errorf("count after taking one back = %v, want 3", counts)
		}
		_ = s.ClearFailures(ctx, "ip:1")
		if counts, _ := s.CountAttempts(ctx, now, time.Minute, "ip:1"); counts[0] != 1 {
			t.Errorf("count after clearing = %v, want 1", counts)
		}
		// Attempts arriving together each see their own count.
		var wg sync.WaitGroup
		seen := make([]int, 40)
		for i := range seen {
			wg.Add(1)
			go func() {
				defer wg.Done()
				counts, err := s.CountAttempts(ctx, now, time.Minute, "acct:parallel")
				if err != nil {
					t.Error(err)
					return
				}
				seen[i] = counts[0]
			}()
		}
		wg.Wait()
		slices.Sort(seen)
		for i, n := range seen {
			if n != i+1 {
				t.Fatalf("40 attempts at once counted %v; want 1 to 40", seen)
			}
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
