package store

import (
	"context"
	"crypto/ed25519"
	"fmt"
)

// EventKey returns the event's Ed25519 ticket key, making one the first
// time. Concurrent first calls agree on one key: the first stored wins.
func (s *Store) EventKey(ctx context.Context, eventID string) (ed25519.PrivateKey, error) {
	if k, ok := s.keys.Load(eventID); ok {
		return k.(ed25519.PrivateKey), nil
	}
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("store: event key: %w", err)
	}
	var stored []byte
	err = s.write(ctx, func(t *tx) error {
		if _, err := t.exec(`INSERT INTO event_keys (event_id, public_key, private_key, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (event_id) DO NOTHING`, eventID, []byte(priv.Public().(ed25519.PublicKey)), []byte(priv), ts(now())); err != nil {
			return err
		}
		return t.queryRow(`SELECT private_key FROM event_keys WHERE event_id = $1`, eventID).Scan(&stored)
	})
	if isForeignKeyViolation(err) {
		return nil, notFound("event key", err)
	}
	if err != nil {
		return nil, fmt.Errorf("store: event key: %w", err)
	}
	key := ed25519.PrivateKey(stored)
	s.keys.Store(eventID, key)
	return key, nil
}
