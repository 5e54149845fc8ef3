package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// IdempotencyTTL is how long the answer to a request sent with an
// Idempotency-Key is kept.
const IdempotencyTTL = 24 * time.Hour

// IdempotentAnswer is the stored answer to a request sent with an
// Idempotency-Key. Status 0 says the first request is still under way.
type IdempotentAnswer struct {
	RequestHash string
	Status      int
	ContentType string
	Location    string
	Body        []byte
}

// ClaimIdempotencyKey claims a key in a caller's scope for a request. It
// returns nil when the key is new (the caller goes on and then calls
// FinishIdempotencyKey or ReleaseIdempotencyKey), or else what is stored
// under it: the answer given, or status 0 while the first request runs.
// Keys older than IdempotencyTTL are forgotten.
func (s *Store) ClaimIdempotencyKey(ctx context.Context, scope, key, requestHash string) (*IdempotentAnswer, error) {
	var existing *IdempotentAnswer
	err := s.write(ctx, func(t *tx) error {
		existing = nil
		at := now()
		if _, err := t.exec(`DELETE FROM idempotency_keys WHERE scope = $1 AND created_at < $2`, scope, ts(at.Add(-IdempotencyTTL))); err != nil {
			return err
		}
		res, err := t.exec(`INSERT INTO idempotency_keys (scope, key, request_hash, body, created_at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (scope, key) DO NOTHING`, scope, key, requestHash, []byte{}, ts(at))
		if n, err := affected(res, err); err != nil || n == 1 {
			return err
		}
		a := &IdempotentAnswer{}
		err = t.queryRow(`SELECT request_hash, status, content_type, location, body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
			scope, key).Scan(&a.RequestHash, &a.Status, &a.ContentType, &a.Location, &a.Body)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("idempotency key vanished")
		}
		existing = a
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim idempotency key: %w", err)
	}
	return existing, nil
}

// FinishIdempotencyKey stores the answer given to the request that claimed
// the key.
func (s *Store) FinishIdempotencyKey(ctx context.Context, scope, key string, a IdempotentAnswer) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`UPDATE idempotency_keys SET status = $3, content_type = $4, location = $5, body = $6 WHERE scope = $1 AND key = $2`,
			scope, key, a.Status, a.ContentType, a.Location, a.Body)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: finish idempotency key: %w", err)
	}
	return nil
}

// ReleaseIdempotencyKey forgets a key whose request failed on the server's
// side, so that the client may try again with it.
func (s *Store) ReleaseIdempotencyKey(ctx context.Context, scope, key string) error {
	err := s.write(ctx, func(t *tx) error {
		_, err := t.exec(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, scope, key)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: release idempotency key: %w", err)
	}
	return nil
}
