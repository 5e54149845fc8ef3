package live

import (
	"fmt"
	"sync"
	"time"

	"symposium"
	"symposium/internal/store"
)

// accessTTL is how long a contribution read with its event and settings,
// and a decision of what a caller may do at an event, are reused for votes. The store's announcements of changed
// events, contributions and programmes, and a change of the event's live
// settings here, drop every decision at once; a role or registration taken
// away takes effect within this time.
const accessTTL = 2 * time.Second

// maxCached bounds each of the cache's maps; a full map is emptied.
const maxCached = 20000

// accessCache keeps, for the hot path of votes, which contribution each
// question belongs to (which never changes), the contributions lately
// reached with their events and live settings, and the recent decisions
// of what each caller may do at an event, so that a vote needs few reads,
// or none, before its one transaction.
type accessCache struct {
	mu        sync.Mutex
	questions map[string]string
	places    map[string]cached[target]
	access    map[string]cached[decision]
	now       func() time.Time
}

// decision is what a caller may do at an event, and the participant
// their badge stands for there.
type decision struct {
	access symposium.Access
	badge  *symposium.LiveBadge
}

// cached is a value and when it was read.
type cached[T any] struct {
	v  T
	at time.Time
}

// newAccessCache returns a cache that forgets what it read whenever st
// announces a change that may bear on it.
func newAccessCache(st *store.Store) *accessCache {
	c := &accessCache{questions: map[string]string{}, places: map[string]cached[target]{}, access: map[string]cached[decision]{}, now: time.Now}
	st.Subscribe(func(ch store.Change) {
		switch ch.Kind {
		case store.ChangeEvent, store.ChangeContribution, store.ChangeProgramme, store.ChangeAll:
			c.forget()
		}
	})
	return c
}

// accessKey names a caller at an event: the account with everything of it
// the rules of access look at, and the badge's ticket.
func accessKey(c *Caller, eventID string) string {
	if u := c.User; u != nil {
		return fmt.Sprintf("%s|%s|%s|%s|%t|%t", eventID, c.Badge, u.ID, u.Email, u.Verified, u.IsAdmin)
	}
	return eventID + "|" + c.Badge
}

// question returns the contribution a question belongs to, when known.
func (c *accessCache) question(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cid, ok := c.questions[id]
	return cid, ok
}

// place returns a copy of a contribution with its event and settings, as
// read lately, without anyone's access.
func (c *accessCache) place(contributionID string) (*target, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.places[contributionID]
	if !ok || c.now().Sub(e.at) >= accessTTL {
		return nil, false
	}
	t := e.v
	return &t, true
}

// accessOf returns what the caller may do at the event, and who their
// badge stands for, as decided lately.
func (c *accessCache) accessOf(caller *Caller, eventID string) (symposium.Access, *symposium.LiveBadge, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.access[accessKey(caller, eventID)]
	if !ok || c.now().Sub(e.at) >= accessTTL {
		return symposium.Access{}, nil, false
	}
	a := e.v.access
	a.User = caller.User
	return a, e.v.badge, true
}

// put keeps a question's contribution, the contribution as read, and the
// caller's access to its event.
func (c *accessCache) put(caller *Caller, questionID string, t *target) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range []int{len(c.questions), len(c.places), len(c.access)} {
		if n >= maxCached {
			clear(c.questions)
			clear(c.places)
			clear(c.access)
		}
	}
	now := c.now()
	c.questions[questionID] = t.contribution.ID
	if p, ok := c.places[t.contribution.ID]; !ok || now.Sub(p.at) >= accessTTL {
		place := *t
		place.access = symposium.Access{}
		c.places[t.contribution.ID] = cached[target]{v: place, at: now}
	}
	c.access[accessKey(caller, t.event.ID)] = cached[decision]{v: decision{access: t.access, badge: caller.badge}, at: now}
}

// forget drops everything read; questions keep their contributions.
func (c *accessCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.places)
	clear(c.access)
}
