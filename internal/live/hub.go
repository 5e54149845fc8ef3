package live

import (
	"context"
	"log/slog"
	"strconv"
	"sync"

	"symposium/internal/store"
)

// subscriberBuffer is how many frames a subscriber may fall behind before
// it is dropped; a dropped client reconnects and replays what it missed
// from the log, so falling behind loses nothing.
const subscriberBuffer = 256

// Hub fans the entries of contributions' live streams out to this
// process's subscribers, in the order of their numbers, each exactly
// once. It learns of entries from the store: those this process commits
// arrive with their payloads; those other instances commit arrive as a
// number, and the hub reads what it lacks from the replay log, once per
// entry for all its subscribers.
type Hub struct {
	store *store.Store
	log   *slog.Logger
	mu    sync.Mutex
	// topics are the streams with subscribers, or that had some.
	topics map[string]*topic
}

// topic is one contribution's stream in this process.
type topic struct {
	mu   sync.Mutex
	last int64 // the number of the last entry delivered
	subs map[*subscriber]struct{}
}

// subscriber is one open stream: the audience's or a moderator's.
type subscriber struct {
	c         chan []byte
	moderator bool
}

// newHub returns a hub fed by the store's live entries.
func newHub(st *store.Store, log *slog.Logger) *Hub {
	h := &Hub{store: st, log: log, topics: map[string]*topic{}}
	st.SubscribeLive(h.deliver)
	return h
}

// deliver hands an entry, and any before it that were not yet delivered,
// to the stream's subscribers.
func (h *Hub) deliver(e store.LiveEntry) {
	h.mu.Lock()
	t := h.topics[e.ContributionID]
	h.mu.Unlock()
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if e.Seq <= t.last {
		return
	}
	if len(t.subs) == 0 {
		t.last = e.Seq // whoever subscribes next replays from the log
		return
	}
	entries := []store.LiveEntry{e}
	if e.Seq != t.last+1 || e.Private == nil {
		var err error
		entries, err = h.store.LiveLog(context.Background(), e.ContributionID, t.last, e.Seq)
		if err != nil {
			h.log.Error("live: read the replay log", "err", err)
			h.dropAll(t) // they reconnect and replay
			return
		}
	}
	for _, entry := range entries {
		t.send(entry)
	}
}

// send delivers one entry to the topic's subscribers; the topic is
// locked.
func (t *topic) send(e store.LiveEntry) {
	public, private := frame(e.Seq, e.Kind, e.Public), frame(e.Seq, e.Kind, e.Private)
	for sub := range t.subs {
		f := public
		if sub.moderator {
			f = private
		}
		if f == nil {
			continue
		}
		select {
		case sub.c <- f:
		default: // too far behind: drop it, it reconnects and replays
			delete(t.subs, sub)
			close(sub.c)
		}
	}
	t.last = e.Seq
}

// dropAll closes every subscriber of a topic; the topic is locked.
func (h *Hub) dropAll(t *topic) {
	for sub := range t.subs {
		delete(t.subs, sub)
		close(sub.c)
	}
}

// frame returns an entry as a server-sent event, or nil for no payload.
func frame(seq int64, kind string, data []byte) []byte {
	if data == nil {
		return nil
	}
	b := make([]byte, 0, len(data)+len(kind)+40)
	b = append(b, "id: "...)
	b = strconv.AppendInt(b, seq, 10)
	b = append(b, "\nevent: "...)
	b = append(b, kind...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}

// Subscription is one open stream of a contribution's live events.
type Subscription struct {
	// Replay holds the frames missed since the Last-Event-ID given, to send
	// first.
	Replay [][]byte
	// Start is the number of the last entry before the live frames.
	Start int64
	// C carries the live frames; it is closed when the subscriber fell too
	// far behind and should reconnect.
	C     <-chan []byte
	close func()
}

// Close ends the subscription.
func (s *Subscription) Close() { s.close() }

// subscribe opens a stream of a contribution. A client that saw the
// entries up to after (-1 for none) first gets the ones it missed from the
// log, then every later one as it comes: none lost, none twice.
func (h *Hub) subscribe(ctx context.Context, contributionID string, moderator bool, after int64) (*Subscription, error) {
	h.mu.Lock()
	t := h.topics[contributionID]
	fresh := t == nil
	if fresh {
		t = &topic{subs: map[*subscriber]struct{}{}, last: -1}
		h.topics[contributionID] = t
	}
	t.mu.Lock() // before the hub's lock is let go, so a fresh topic is read first
	h.mu.Unlock()
	if t.last < 0 {
		last, err := h.store.LiveLastSeq(ctx, contributionID)
		if err != nil {
			t.mu.Unlock()
			return nil, err
		}
		t.last = last
	}
	sub := &subscriber{c: make(chan []byte, subscriberBuffer), moderator: moderator}
	t.subs[sub] = struct{}{}
	start := t.last
	t.mu.Unlock()
	s := &Subscription{Start: start, C: sub.c, close: func() { h.unsubscribe(t, sub) }}
	if after < 0 || after >= start {
		return s, nil
	}
	entries, err := h.store.LiveLog(ctx, contributionID, after, start)
	if err != nil {
		s.Close()
		return nil, err
	}
	for _, e := range entries {
		data := e.Public
		if moderator {
			data = e.Private
		}
		if f := frame(e.Seq, e.Kind, data); f != nil {
			s.Replay = append(s.Replay, f)
		}
	}
	return s, nil
}

// unsubscribe removes a subscriber, unless it was dropped already.
func (h *Hub) unsubscribe(t *topic, sub *subscriber) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.subs[sub]; ok {
		delete(t.subs, sub)
		close(sub.c)
	}
}

// Subscribers counts the open streams of this process.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	topics := make([]*topic, 0, len(h.topics))
	for _, t := range h.topics {
		topics = append(topics, t)
	}
	h.mu.Unlock()
	n := 0
	for _, t := range topics {
		t.mu.Lock()
		n += len(t.subs)
		t.mu.Unlock()
	}
	return n
}
