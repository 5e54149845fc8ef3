package accounts

import (
	"context"
	"log/slog"
	"time"
)

// DeleteExpired removes expired sessions, used or expired password-reset
// links, ended throttle windows, and API tokens ended long ago, and
// reports how many rows went.
func (s *Service) DeleteExpired(ctx context.Context) (int64, error) {
	return s.store.DeleteExpired(ctx, time.Now())
}

// Sweep runs DeleteExpired every interval until ctx ends.
func (s *Service) Sweep(ctx context.Context, interval time.Duration, log *slog.Logger) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.DeleteExpired(ctx); err != nil && ctx.Err() == nil {
			log.Error("accounts: delete expired", "err", err)
		} else if n > 0 {
			log.Info("accounts: deleted expired sessions, links, throttle windows and tokens", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
