package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// Seats are the rows of registration_seats: a category with a capacity has
// one per seat, its pool being the category's id, and an event with a
// capacity one per seat of the event, its pool being the event's id. A
// confirmed registration holds one seat of each pool that limits it, so
// "never oversold" is a property of the rows: a seat is held by at most one
// registration, and a pool has more seats than its capacity only while
// registrations confirmed beyond it (an invitation, a lowered capacity)
// hold them; a seat they free is then removed rather than freed.
//
// On PostgreSQL registrations claim seats with SKIP LOCKED, so that they
// overlap while seats are left. Deciding that none is left, which puts a
// registration on the waiting list, must not overlap with a seat being
// freed, or the freed seat would go to nobody while someone waits: every
// registration holds its event's lock shared (see policySQL), and whatever
// frees or adds seats holds it exclusively (lockEvent) and gives the seats
// to the waiting list in the same transaction.

// maxClaimRounds bounds the rounds a claim waits for seats that other
// transactions hold; each round waits for at least one of them to end.
const maxClaimRounds = 10000

// claimSeats gives a registration a seat of each pool that limits it and
// reports whether it got them; when one pool has none left it holds none.
func claimSeats(t *tx, registrationID, eventID, categoryID string, st *seats) (bool, error) {
	if st.capacity != nil {
		ok, err := claim(t, categoryID, registrationID)
		if err != nil || !ok {
			return false, err
		}
	}
	if st.eventCapacity != nil {
		ok, err := claim(t, eventID, registrationID)
		if err != nil {
			return false, err
		}
		if !ok {
			_, err := t.exec(`UPDATE registration_seats SET registration_id = NULL WHERE pool = $1 AND registration_id = $2`, categoryID, registrationID)
			return false, err
		}
	}
	return true, nil
}

// claim takes a free seat of a pool for a registration. On PostgreSQL it
// first takes one no other transaction holds; when every free seat is held
// by a registration still deciding, it waits for one, which is free again
// if that registration failed. It reports false only when no seat of the
// pool is free in the database: the last committed state shows none, and
// no claim is undecided, since an undecided claim leaves its seat free
// there.
func claim(t *tx, pool, registrationID string) (bool, error) {
	const take = `UPDATE registration_seats SET registration_id = $2
		WHERE pool = $1 AND seat = (SELECT seat FROM registration_seats WHERE pool = $1 AND registration_id IS NULL LIMIT 1`
	unheld, anyFree := take+t.d.claimLocks[0]+`) RETURNING seat`, take+t.d.claimLocks[len(t.d.claimLocks)-1]+`) RETURNING seat`
	for round := 0; round < maxClaimRounds; round++ {
		if ok, err := tryClaim(t, unheld, pool, registrationID); err != nil || ok {
			return ok, err
		}
		if len(t.d.claimLocks) == 1 {
			return false, nil // SQLite's one writer saw every seat
		}
		var free bool
		if err := t.queryRow(`SELECT EXISTS (SELECT 1 FROM registration_seats WHERE pool = $1 AND registration_id IS NULL)`, pool).Scan(&free); err != nil {
			return false, fmt.Errorf("look for a free seat: %w", err)
		}
		if !free {
			return false, nil
		}
		if ok, err := tryClaim(t, anyFree, pool, registrationID); err != nil || ok {
			return ok, err
		}
	}
	return false, fmt.Errorf("claim a seat of %s: still contended after %d rounds", pool, maxClaimRounds)
}

// tryClaim runs one statement claiming a seat and reports whether it got
// one.
func tryClaim(t *tx, query, pool, registrationID string) (bool, error) {
	var seat int
	err := t.queryRow(query, pool, registrationID).Scan(&seat)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claim a seat: %w", err)
	}
	return true, nil
}

// releaseSeats gives up the seats a registration holds: each is free
// again, or removed where its pool holds more seats than its capacity.
func releaseSeats(t *tx, registrationID, eventID, categoryID string, st *seats) error {
	for _, p := range []struct {
		pool     string
		capacity *int64
	}{{categoryID, st.capacity}, {eventID, st.eventCapacity}} {
		var total int64
		if err := t.queryRow(`SELECT COUNT(*) FROM registration_seats WHERE pool = $1`, p.pool).Scan(&total); err != nil {
			return fmt.Errorf("count seats: %w", err)
		}
		q := `UPDATE registration_seats SET registration_id = NULL WHERE pool = $1 AND registration_id = $2`
		if p.capacity == nil || total > *p.capacity {
			q = `DELETE FROM registration_seats WHERE pool = $1 AND registration_id = $2`
		}
		if _, err := t.exec(q, p.pool, registrationID); err != nil {
			return fmt.Errorf("release a seat: %w", err)
		}
	}
	return nil
}

// resizePool makes a pool's seats fit a new capacity, the caller holding
// the event's lock: no seats for no limit; else a seat for each confirmed
// registration the pool limits (where, like "category_id = $1", selects
// them among the event's), and free seats up to the capacity.
func resizePool(t *tx, pool, eventID string, capacity *int, where string) error {
	if capacity == nil {
		_, err := t.exec(`DELETE FROM registration_seats WHERE pool = $1`, pool)
		return err
	}
	var total int
	if err := t.queryRow(`SELECT COUNT(*) FROM registration_seats WHERE pool = $1`, pool).Scan(&total); err != nil {
		return err
	}
	if total == 0 {
		// The pool had no limit: its confirmed registrations take seats first.
		if _, err := t.exec(`INSERT INTO registration_seats (pool, seat, event_id, registration_id)
			SELECT $1, ROW_NUMBER() OVER (ORDER BY created_at, id), event_id, id FROM registrations
			WHERE event_id = $2 AND status = 'confirmed' AND `+where, pool, eventID); err != nil {
			return err
		}
	}
	return fitPool(t, pool, eventID, *capacity)
}

// fitPool removes free seats beyond a pool's capacity, highest first (seats
// taken stay), or adds free seats up to it.
func fitPool(t *tx, pool, eventID string, capacity int) error {
	var total, highest int
	if err := t.queryRow(`SELECT COUNT(*), COALESCE(MAX(seat), 0) FROM registration_seats WHERE pool = $1`, pool).Scan(&total, &highest); err != nil {
		return err
	}
	if total > capacity {
		_, err := t.exec(`DELETE FROM registration_seats WHERE pool = $1 AND seat IN (
				SELECT seat FROM registration_seats WHERE pool = $1 AND registration_id IS NULL ORDER BY seat DESC LIMIT $2)`,
			pool, total-capacity)
		return err
	}
	if total == capacity {
		return nil
	}
	_, err := t.exec(`WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
		INSERT INTO registration_seats (pool, seat, event_id, registration_id) SELECT $1, $3 + n.i, $4, NULL FROM n`,
		pool, capacity-total, highest, eventID)
	return err
}

// extraSeats gives a registration confirmed whatever the capacity (an
// invitation) a seat of each pool that limits it, a free one or else one
// beyond the capacity. The caller holds the event's lock.
func extraSeats(t *tx, registrationID, eventID, categoryID string, st *seats) error {
	for _, p := range []struct {
		pool    string
		limited bool
	}{{categoryID, st.capacity != nil}, {eventID, st.eventCapacity != nil}} {
		if !p.limited {
			continue
		}
		ok, err := claim(t, p.pool, registrationID)
		if err != nil || ok {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := t.exec(`INSERT INTO registration_seats (pool, seat, event_id, registration_id)
			SELECT $1, COALESCE(MAX(seat), 0) + 1, $2, $3 FROM registration_seats WHERE pool = $1`, p.pool, eventID, registrationID); err != nil {
			return fmt.Errorf("add a seat: %w", err)
		}
	}
	return nil
}

// lockEvent takes an event's lock exclusively, for work that frees or adds
// seats, until the transaction ends. SQLite's one writer needs none.
func lockEvent(t *tx, eventID string) error {
	if t.d.name != "postgres" {
		return nil
	}
	if _, err := t.exec(`SELECT pg_advisory_xact_lock(hashtextextended($1, 26))`, eventID); err != nil {
		return fmt.Errorf("lock event: %w", err)
	}
	return nil
}
