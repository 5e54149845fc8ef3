package store_test

import (
	"slices"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

func TestAPITokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "k@example.org")
		other := newUser(t, s, "o@example.org")
		now := time.Now()
		cli := &symposium.APIToken{Name: "cli", Prefix: "sym_AAAAAAAA"}
		if err := s.CreateAPIToken(ctx, u.ID, "tokhash", cli); err != nil {
			t.Fatal(err)
		}
		soon := &symposium.APIToken{Name: "ci", Prefix: "sym_BBBBBBBB", ExpiresAt: now.Add(time.Hour).UTC().Truncate(time.Microsecond)}
		if err := s.CreateAPIToken(ctx, u.ID, "soonhash", soon); err != nil {
			t.Fatal(err)
		}
		if got, err := s.TokenUser(ctx, "tokhash", now); err != nil || got.Email != "k@example.org" {
			t.Fatalf("TokenUser = %v, %v", got, err)
		}
		if got, err := s.TokenUser(ctx, "soonhash", now); err != nil || got.ID != u.ID {
			t.Fatalf("TokenUser(unexpired) = %v, %v", got, err)
		}
		if _, err := s.TokenUser(ctx, "soonhash", now.Add(2*time.Hour)); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("expired token: err = %v, want not found", err)
		}
		// Last use is recorded once per period, not on every request.
		if err := s.TouchAPIToken(ctx, "tokhash", now, now.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.TouchAPIToken(ctx, "tokhash", now.Add(time.Minute), now.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		list, err := s.APITokens(ctx, u.ID)
		if err != nil || len(list) != 2 || list[0].ID != soon.ID || list[1].ID != cli.ID {
			t.Fatalf("APITokens = %+v, %v; want the two tokens, newest first", list, err)
		}
		if k := list[1]; k.Name != "cli" || k.Prefix != "sym_AAAAAAAA" || !k.CreatedAt.Equal(cli.CreatedAt) ||
			!k.LastUsedAt.Equal(now.UTC().Truncate(time.Microsecond)) || !k.ExpiresAt.IsZero() || !k.RevokedAt.IsZero() {
			t.Errorf("listed token = %+v", k)
		}
		if !list[0].ExpiresAt.Equal(soon.ExpiresAt) || !list[0].LastUsedAt.IsZero() {
			t.Errorf("listed expiring token = %+v; want expiry %v", list[0], soon.ExpiresAt)
		}
		if err := s.RevokeAPIToken(ctx, other.ID, cli.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("revoking another account's token: err = %v, want not found", err)
		}
		if err := s.RevokeAPIToken(ctx, u.ID, cli.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeAPIToken(ctx, u.ID, cli.ID); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("revoking twice: err = %v, want not found", err)
		}
		if _, err := s.TokenUser(ctx, "tokhash", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("revoked token: err = %v, want not found", err)
		}
		if n, err := s.RevokeAPITokens(ctx, u.ID); err != nil || n != 1 {
			t.Errorf("RevokeAPITokens = %d, %v; want the one left", n, err)
		}
		if _, err := s.TokenUser(ctx, "soonhash", now); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("token revoked with all: err = %v, want not found", err)
		}
		if err := s.CreateAPIToken(ctx, symposium.NewID(), "other", &symposium.APIToken{}); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("token for unknown user: err = %v, want not found", err)
		}
	})
}

// TestDeleteExpired fills every table the sweeper cleans with rows on both
// sides of now, sweeps, and checks that exactly the ended ones went.
func TestDeleteExpired(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "sweep@example.org")
		now := time.Now()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		// A used link first: using it ends the account's sessions and its
		// other links.
		mail := symposium.Mail{To: u.Email, Subject: "Reset", Text: "link"}
		must(s.CreatePasswordReset(ctx, u.ID, "used-reset", now.Add(time.Hour), mail))
		_, err := s.ResetPassword(ctx, "used-reset", "new-hash", now)
		must(err)
		must(s.CreatePasswordReset(ctx, u.ID, "old-reset", now.Add(-time.Minute), mail))
		must(s.CreatePasswordReset(ctx, u.ID, "live-reset", now.Add(time.Hour), mail))
		must(s.CreateSession(ctx, u.ID, "old-session", "", now.Add(-time.Minute)))
		must(s.CreateSession(ctx, u.ID, "live-session", "", now.Add(time.Hour)))
		_, err = s.CountAttempts(ctx, now.Add(-time.Hour), time.Minute, "ended-window")
		must(err)
		_, err = s.CountAttempts(ctx, now, time.Hour, "open-window")
		must(err)
		long := now.Add(-store.EndedTokenTrail - time.Hour)
		for hash, k := range map[string]*symposium.APIToken{
			"expired-long-ago": {Name: "expired long ago", ExpiresAt: long},
			"expired-lately":   {Name: "expired lately", ExpiresAt: now.Add(-time.Hour)},
			"revoked":          {Name: "revoked"},
			"live":             {Name: "live", ExpiresAt: now.Add(time.Hour)},
		} {
			must(s.CreateAPIToken(ctx, u.ID, hash, k))
			if hash == "revoked" {
				must(s.RevokeAPIToken(ctx, u.ID, k.ID))
			}
		}
		if n, err := s.DeleteExpired(ctx, now); err != nil || n != 5 {
			t.Errorf("DeleteExpired = %d, %v; want 5 (a session, two reset links, a window, a token)", n, err)
		}
		if _, err := s.SessionUser(ctx, "live-session", now); err != nil {
			t.Errorf("the sweeper deleted a live session: %v", err)
		}
		if _, err := s.SessionUser(ctx, "old-session", now.Add(-time.Hour)); symposium.ErrorCode(err) != symposium.ENOTFOUND {
			t.Errorf("the expired session is still there: %v", err)
		}
		if _, err := s.ResetPassword(ctx, "live-reset", "h", now); err != nil {
			t.Errorf("the sweeper deleted a live reset link: %v", err)
		}
		if n, _ := s.CountAttempts(ctx, now, time.Hour, "open-window"); len(n) != 1 || n[0] != 2 {
			t.Errorf("the open throttle window counts %v attempts after one more, want 2: the sweeper dropped it", n)
		}
		names := func() []string {
			list, err := s.APITokens(ctx, u.ID)
			must(err)
			var out []string
			for _, k := range list {
				out = append(out, k.Name)
			}
			slices.Sort(out)
			return out
		}
		if got := names(); !slices.Equal(got, []string{"expired lately", "live", "revoked"}) {
			t.Errorf("after sweeping, the tokens left are %q", got)
		}
		// Once the trail has passed, revoked and expired tokens go too.
		if _, err := s.DeleteExpired(ctx, now.Add(store.EndedTokenTrail+30*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := names(); !slices.Equal(got, []string{"live"}) {
			t.Errorf("after the trail, the tokens left are %q; want only the live one", got)
		}
	})
}
