package store

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"symposium"
)

// LiveEntry is one event of a contribution's live stream, as kept in the
// replay log. Seq numbers a contribution's events 1, 2, 3… in the order
// they committed; it is the event's id on the stream.
type LiveEntry struct {
	ContributionID string
	Seq            int64
	Kind           string
	// Public is what the audience receives, as JSON; nil when the event is
	// for moderators only.
	Public []byte
	// Private is what moderators receive, as JSON.
	Private []byte
}

// liveChannel is the PostgreSQL channel that tells other instances a
// contribution's stream grew.
const liveChannel = "symposium_live"

// liveNotice is what passes on liveChannel: which stream, up to which
// entry, and which instance wrote it. The entries themselves are read from
// the log, so a notice is small whatever the question.
type liveNotice struct {
	Origin string `json:"o"`
	ID     string `json:"c"`
	Seq    int64  `json:"s"`
}

// liveLog collects the entries one transaction appends.
type liveLog struct {
	entries []LiveEntry
}

// writeLive runs fn in a write transaction, with a log to append the
// stream's entries to, and once the transaction commits hands the entries
// to the live subscribers of this process. On PostgreSQL the other
// instances are notified in the transaction itself.
func (s *Store) writeLive(ctx context.Context, fn func(*tx, *liveLog) error) error {
	var log liveLog
	err := s.write(ctx, func(t *tx) error {
		log.entries = log.entries[:0] // a transaction run again starts afresh
		if err := fn(t, &log); err != nil {
			return err
		}
		return log.notify(t, s.changes.origin)
	})
	if err == nil {
		s.live.publish(log.entries)
	}
	return err
}

// add appends an entry to a contribution's log under the stream's next
// number. Taking the number locks the stream's row until the transaction
// ends, so numbers commit in order and a reader never sees 5 before 4.
func (l *liveLog) add(t *tx, contributionID, kind string, public, private any) error {
	var seq int64
	err := t.queryRow(`INSERT INTO live_streams (contribution_id, last_seq) VALUES ($1, 1)
		ON CONFLICT (contribution_id) DO UPDATE SET last_seq = live_streams.last_seq + 1 RETURNING last_seq`, contributionID).Scan(&seq)
	if err != nil {
		return fmt.Errorf("live log: %w", err)
	}
	e := LiveEntry{ContributionID: contributionID, Seq: seq, Kind: kind, Private: mustJSON(private)}
	if public != nil {
		e.Public = mustJSON(public)
	}
	_, err = t.exec(`INSERT INTO live_log (contribution_id, seq, kind, public, private, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		contributionID, seq, kind, string(e.Public), string(e.Private), ts(now()))
	if err != nil {
		return fmt.Errorf("live log: %w", err)
	}
	l.entries = append(l.entries, e)
	return nil
}

// question logs a new question.
func (l *liveLog) question(t *tx, kind string, q *symposium.LiveQuestion) error {
	return l.add(t, q.ContributionID, kind, q.AudienceView(false), q)
}

// change logs a moderated question; wasVisible says whether the audience
// saw it before.
func (l *liveLog) change(t *tx, q *symposium.LiveQuestion, wasVisible bool) error {
	return l.add(t, q.ContributionID, symposium.LiveEventModeration, q.AudienceView(wasVisible), q)
}

// vote logs a question's new count of votes.
func (l *liveLog) vote(t *tx, q *symposium.LiveQuestion) error {
	count := symposium.LiveVoteCount{ID: q.ID, Votes: q.Votes}
	var public any
	if q.Status == symposium.LiveVisible {
		public = count
	}
	return l.add(t, q.ContributionID, symposium.LiveEventVote, public, count)
}

// notify tells the other instances, on PostgreSQL, up to which entry each
// stream the transaction wrote to now goes; sent on commit only.
func (l *liveLog) notify(t *tx, origin string) error {
	if t.d.name != "postgres" || len(l.entries) == 0 {
		return nil
	}
	last := map[string]int64{}
	for _, e := range l.entries {
		last[e.ContributionID] = e.Seq
	}
	for id, seq := range last {
		payload := mustJSON(liveNotice{Origin: origin, ID: id, Seq: seq})
		if _, err := t.exec(`SELECT pg_notify($1, $2)`, liveChannel, string(payload)); err != nil {
			return fmt.Errorf("live notify: %w", err)
		}
	}
	return nil
}

// mustJSON encodes a value of the domain's, which always encodes.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encode live entry: %v", err))
	}
	return b
}

// LiveLog returns a contribution's entries numbered after after and up to
// upto, in order.
func (s *Store) LiveLog(ctx context.Context, contributionID string, after, upto int64) ([]LiveEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT seq, kind, public, private FROM live_log
		WHERE contribution_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, contributionID, after, upto)
	if err != nil {
		return nil, fmt.Errorf("store: live log: %w", err)
	}
	defer rows.Close()
	var out []LiveEntry
	for rows.Next() {
		e := LiveEntry{ContributionID: contributionID}
		var public, private string
		if err := rows.Scan(&e.Seq, &e.Kind, &public, &private); err != nil {
			return nil, fmt.Errorf("store: live log: %w", err)
		}
		if public != "" {
			e.Public = []byte(public)
		}
		e.Private = []byte(private)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: live log: %w", err)
	}
	return out, nil
}

// LiveLastSeq returns the number of a contribution's last entry, 0 when
// it has none.
func (s *Store) LiveLastSeq(ctx context.Context, contributionID string) (int64, error) {
	var seq int64
	err := s.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(last_seq), 0) FROM live_streams WHERE contribution_id = $1`, contributionID).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("store: live last seq: %w", err)
	}
	return seq, nil
}

// liveFeed delivers committed entries to this process's live subscribers.
type liveFeed struct {
	mu   sync.RWMutex
	subs []func(LiveEntry)
}

// SubscribeLive calls fn after every entry committed to a live stream
// through this store, with the entry; and, on PostgreSQL once ListenLive
// runs, after entries other instances commit, with only the contribution
// and the number of its last entry (Kind and payloads empty), which the
// subscriber reads from LiveLog. Entries may arrive out of order; the
// numbers say the order. fn must not block for long.
func (s *Store) SubscribeLive(fn func(LiveEntry)) {
	s.live.mu.Lock()
	defer s.live.mu.Unlock()
	s.live.subs = append(s.live.subs, fn)
}

// publish hands entries to the subscribers.
func (f *liveFeed) publish(entries []LiveEntry) {
	f.mu.RLock()
	subs := f.subs
	f.mu.RUnlock()
	for _, e := range entries {
		for _, fn := range subs {
			fn(e)
		}
	}
}

// ListenLive receives the notices of other instances' live entries, on
// PostgreSQL, until ctx ends; on SQLite it returns at once. After a lost
// connection it reconnects; the subscribers catch up from the log with the
// next notice of each stream.
func (s *Store) ListenLive(ctx context.Context, log *slog.Logger) {
	if s.pool == nil {
		return
	}
	for ctx.Err() == nil {
		err := s.listenLiveOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		log.Warn("listening for live entries failed; retrying", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// listenLiveOnce holds one connection listening on the live channel until
// it fails or ctx ends.
func (s *Store) listenLiveOnce(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: listen live: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+liveChannel); err != nil {
		return fmt.Errorf("store: listen live: %w", err)
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, _ = conn.Exec(uctx, "UNLISTEN *")
	}()
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("store: listen live: %w", err)
		}
		var msg liveNotice
		if json.Unmarshal([]byte(n.Payload), &msg) != nil || msg.Origin == s.changes.origin {
			continue
		}
		s.live.publish([]LiveEntry{{ContributionID: msg.ID, Seq: msg.Seq}})
	}
}
