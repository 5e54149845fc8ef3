package store

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"symposium"
)

// Kinds of records whose changes the store announces.
const (
	ChangePerson       = "person"
	ChangeOrganization = "organization"
	ChangeEvent        = "event"
	ChangeContribution = "contribution"
	// ChangeProgramme says an event's programme changed (rooms, sessions,
	// contributions, who speaks), with the event's ID.
	ChangeProgramme = "programme"
	// ChangeAll says that changes may have been missed, as when the
	// connection that listens for other instances' changes was lost:
	// whoever keeps copies should reload them all.
	ChangeAll = "*"
)

// Change names a record that was created, changed or deleted.
type Change struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// changeChannel is the PostgreSQL channel that carries changes between
// instances.
const changeChannel = "symposium_changes"

// changeFeed delivers committed changes to this process's subscribers.
type changeFeed struct {
	mu     sync.RWMutex
	subs   []func(Change)
	origin string // this instance, so that it ignores its own notifications

	heard atomic.Uint64 // changes handed to the subscribers, for metrics
}

// ChangesHeard counts the changes this instance has handed to its
// subscribers: its own and, on PostgreSQL, other instances'.
func (s *Store) ChangesHeard() uint64 { return s.changes.heard.Load() }

// Subscribe calls fn, from one goroutine at a time per change, after every
// committed change to people, organizations, events and contributions made
// through this store, and, on PostgreSQL once Listen runs, through any
// other instance. fn must not block for long.
func (s *Store) Subscribe(fn func(Change)) {
	s.changes.mu.Lock()
	defer s.changes.mu.Unlock()
	s.changes.subs = append(s.changes.subs, fn)
}

// publish hands committed changes to the subscribers.
func (f *changeFeed) publish(changes []Change) {
	f.mu.RLock()
	subs := f.subs
	f.mu.RUnlock()
	for _, c := range changes {
		f.heard.Add(1)
		for _, fn := range subs {
			fn(c)
		}
	}
}

// changed records in the transaction that a record changed. On PostgreSQL
// the notification to other instances is part of the transaction, so it is
// sent exactly when the change commits.
func (t *tx) changed(kind, id string) error {
	c := Change{Kind: kind, ID: id}
	if t.changes != nil {
		*t.changes = append(*t.changes, c)
	}
	if t.d.name != "postgres" {
		return nil
	}
	payload, err := json.Marshal(notification{Origin: t.origin, Change: c})
	if err != nil {
		return fmt.Errorf("store: encode change: %w", err)
	}
	if _, err := t.exec(`SELECT pg_notify($1, $2)`, changeChannel, string(payload)); err != nil {
		return fmt.Errorf("store: notify change: %w", err)
	}
	return nil
}

// notification is a change as sent between instances.
type notification struct {
	Origin string `json:"origin"`
	Change
}

// Listen receives the changes other instances make, on PostgreSQL, until
// ctx ends, and hands them to the subscribers; on SQLite, which one process
// owns, it returns at once. When the listening connection is lost it
// reconnects and announces ChangeAll, since changes may have passed
// unheard meanwhile.
func (s *Store) Listen(ctx context.Context, log *slog.Logger) {
	if s.pool == nil {
		return
	}
	for first := true; ctx.Err() == nil; first = false {
		err := s.listenOnce(ctx, !first)
		if ctx.Err() != nil {
			return
		}
		log.Warn("listening for changes failed; retrying", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// listenOnce holds one connection listening on the change channel until it
// fails or ctx ends.
func (s *Store) listenOnce(ctx context.Context, resync bool) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: listen: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+changeChannel); err != nil {
		return fmt.Errorf("store: listen: %w", err)
	}
	defer func() {
		// The connection goes back to the pool: stop listening on it.
		uctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, _ = conn.Exec(uctx, "UNLISTEN *")
	}()
	if resync {
		s.changes.publish([]Change{{Kind: ChangeAll}})
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("store: listen: %w", err)
		}
		var msg notification
		if json.Unmarshal([]byte(n.Payload), &msg) != nil || msg.Origin == s.changes.origin {
			continue
		}
		s.changes.publish([]Change{msg.Change})
	}
}

// newOrigin names this store instance in its notifications.
func newOrigin() string { return symposium.NewID() }
