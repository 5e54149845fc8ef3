package store_test

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// rushers registers the emails numbered from..to-1 concurrently from
// workers goroutines spread over the stores, each email twice at once
// (the second attempt is refused, after having claimed a seat, and must
// give it back), each created at base plus its number in microseconds. It
// returns the status each was answered, by number.
func rushers(t *testing.T, stores []*store.Store, e *symposium.Event, c *symposium.Category, from, to, workers int, base time.Time) map[int]string {
	return rushInto(t, stores, e, []*symposium.Category{c}, from, to, workers, base)
}

// rushInto is rushers spreading the emails over several categories in
// blocks, so that the emails of one category come together.
func rushInto(t *testing.T, stores []*store.Store, e *symposium.Event, cats []*symposium.Category, from, to, workers int, base time.Time) map[int]string {
	t.Helper()
	var mu sync.Mutex
	out := map[int]string{}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var refused atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				i, s := j/2, stores[j%len(stores)]
				r := &symposium.Registration{EventID: e.ID, CategoryID: cats[(i-from)*len(cats)/(to-from)].ID, Email: fmt.Sprintf("r%05d@example.org", i),
					Name: symposium.Text("en", "R"), Language: "en"}
				err := s.Register(ctx, r, "hash-"+symposium.NewID(), base.Add(time.Duration(i)*time.Microsecond), nil)
				if symposium.ErrorCode(err) == symposium.ECONFLICT {
					refused.Add(1)
					continue
				}
				if err != nil {
					t.Errorf("register %d: %v", i, err)
					continue
				}
				mu.Lock()
				if _, twice := out[i]; twice {
					t.Errorf("email %d registered twice", i)
				}
				out[i] = r.Status
				mu.Unlock()
			}
		}()
	}
	for j := 2 * from; j < 2*to; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	if int(refused.Load()) != to-from {
		t.Errorf("%d second attempts refused, want %d", refused.Load(), to-from)
	}
	return out
}

// checkSeats checks that the event's first category's seats, counters and
// rows agree: exactly capacity confirmed, each holding one seat, and no
// seat free while anyone waits.
func checkSeats(t *testing.T, s *store.Store, e *symposium.Event, capacity int) {
	t.Helper()
	cats, err := s.Categories(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkCategory(t, s, e, &cats[0], capacity)
}

// checkCategory is checkSeats for one category.
func checkCategory(t *testing.T, s *store.Store, e *symposium.Event, c *symposium.Category, capacity int) {
	t.Helper()
	counts := map[string]int{}
	for _, status := range []string{symposium.RegConfirmed, symposium.RegWaitlisted} {
		page, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, CategoryID: c.ID, Status: status, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		counts[status] = len(page)
	}
	if c.Confirmed != counts["confirmed"] || c.Waitlisted != counts["waitlisted"] {
		t.Errorf("counters %d/%d, rows %v", c.Confirmed, c.Waitlisted, counts)
	}
	if counts["confirmed"] != capacity {
		t.Errorf("%d confirmed for %d seats (rows %v)", counts["confirmed"], capacity, counts)
	}
	taken, free, unseated, err := s.Seats(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if taken != capacity || unseated != 0 || (free > 0 && counts["waitlisted"] > 0) {
		t.Errorf("seats: %d taken, %d free, %d confirmed without exactly one seat; %d waitlisted", taken, free, unseated, counts["waitlisted"])
	}
}

// waitlisted returns the waitlisted registrations in the order of the
// waiting list.
func waitlisted(t *testing.T, s *store.Store, e *symposium.Event, c *symposium.Category) []symposium.Registration {
	t.Helper()
	var out []symposium.Registration
	for cursor := ""; ; {
		page, next, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, CategoryID: c.ID, Status: symposium.RegWaitlisted, Limit: 500, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if cursor = next; next == "" {
			break
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// cancelConcurrently cancels the registrations from workers goroutines
// spread over the stores.
func cancelConcurrently(t *testing.T, stores []*store.Store, ids []string, workers int) {
	t.Helper()
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if _, err := stores[i%len(stores)].ChangeRegistration(ctx, ids[i], store.ChangeCancel, time.Now(), nil); err != nil {
					t.Errorf("cancel: %v", err)
				}
			}
		}()
	}
	for i := range ids {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// burst cancels the registrations and registers six newcomers in each
// category, all at once: every cancellation and registration in a
// goroutine of its own, released together.
func burst(t *testing.T, stores []*store.Store, e *symposium.Event, cats []*symposium.Category, cancel []string, from int, base time.Time) {
	t.Helper()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, id := range cancel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if _, err := stores[i%len(stores)].ChangeRegistration(ctx, id, store.ChangeCancel, time.Now(), nil); err != nil {
				t.Errorf("cancel: %v", err)
			}
		}()
	}
	for k, c := range cats {
		for j := 0; j < 6; j++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n := from + 6*k + j
				r := &symposium.Registration{EventID: e.ID, CategoryID: c.ID, Email: fmt.Sprintf("r%05d@example.org", n),
					Name: symposium.Text("en", "R"), Language: "en"}
				<-start
				if err := stores[n%len(stores)].Register(ctx, r, "hash-"+symposium.NewID(), base.Add(time.Duration(n)*time.Microsecond), nil); err != nil {
					t.Errorf("register %d: %v", n, err)
				}
			}()
		}
	}
	close(start)
	wg.Wait()
}

// seatRush registers, cancels and raises the capacity concurrently through
// the stores, and checks after each phase that exactly the capacity is
// confirmed and the waiting list kept its order.
func seatRush(t *testing.T, stores []*store.Store) {
	s := stores[0]
	e := newEvent(t, s, "seats", symposium.VisibilityPublic, nil)
	const seats, people, workers = 60, 400, 32
	c := newCategory(t, s, e, symposium.Category{Capacity: intp(seats), Waitlist: true})
	base := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)

	// Phase 0: many small categories filling at once, so that seats run out
	// many times while refused second attempts hold some: each must come
	// back to the category, not leave someone waiting beside a free seat.
	small := make([]*symposium.Category, 12)
	for i := range small {
		small[i] = newCategory(t, s, e, symposium.Category{Capacity: intp(3), Waitlist: true})
	}
	rushInto(t, stores, e, small, 100000, 100000+12*12, workers, base)
	all, _ := s.Categories(ctx, e.ID)
	for i := range all[1:] {
		checkCategory(t, s, e, &all[1+i], 3)
	}

	// Phase 0b: categories just full and nobody waiting; cancellations and
	// newcomers at once. A newcomer waitlisted while a seat is being freed
	// must not be left beside it: deciding to wait and freeing a seat do
	// not overlap.
	tight := make([]*symposium.Category, 12)
	for i := range tight {
		tight[i] = newCategory(t, s, e, symposium.Category{Capacity: intp(3), Waitlist: true})
	}
	rushInto(t, stores, e, tight, 200000, 200000+12*3, workers, base)
	var leaving []string
	for _, c := range tight {
		page, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, CategoryID: c.ID, Status: symposium.RegConfirmed, Limit: 10})
		if err != nil || len(page) != 3 {
			t.Fatalf("category filled with %d, %v", len(page), err)
		}
		leaving = append(leaving, page[0].ID, page[1].ID)
	}
	burst(t, stores, e, tight, leaving, 300000, base.Add(time.Minute))
	all, _ = s.Categories(ctx, e.ID)
	for i := range tight {
		checkCategory(t, s, e, &all[1+len(small)+i], 3)
	}

	// Phase 1: the rush, every email twice.
	said := rushers(t, stores, e, c, 0, people, workers, base)
	if len(said) != people {
		t.Fatalf("%d registrations answered, want %d", len(said), people)
	}
	checkSeats(t, s, e, seats)
	queue := waitlisted(t, s, e, c)
	if len(queue) != people-seats {
		t.Fatalf("%d waitlisted, want %d", len(queue), people-seats)
	}

	// Phase 2: cancellations on both instances at once promote exactly the
	// first of the waiting list.
	var confirmed []string
	page, _, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, CategoryID: c.ID, Status: symposium.RegConfirmed, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page {
		confirmed = append(confirmed, r.ID)
	}
	const cancels = 20
	cancelConcurrently(t, stores, confirmed[:cancels], 8)
	checkSeats(t, s, e, seats)
	for i, r := range queue[:cancels] {
		if got, _ := s.Registration(ctx, r.ID); got.Status != symposium.RegConfirmed {
			t.Errorf("waiting list place %d is %s after %d cancellations", i+1, got.Status, cancels)
		}
	}
	if rest := waitlisted(t, s, e, c); len(rest) != len(queue)-cancels || rest[0].ID != queue[cancels].ID {
		t.Errorf("the waiting list lost its order: %d left", len(rest))
	}

	// Phase 3: newcomers, cancellations and a raised capacity at once. With
	// people waiting no newcomer may get a seat, and every seat freed or
	// added goes to the head of the waiting list.
	var wg sync.WaitGroup
	var late map[int]string
	wg.Add(2)
	go func() {
		defer wg.Done()
		late = rushers(t, stores, e, c, people, people+60, workers/2, base.Add(time.Minute))
	}()
	go func() {
		defer wg.Done()
		cancelConcurrently(t, stores, confirmed[cancels:2*cancels], 4)
	}()
	c.Capacity = intp(seats + 15)
	if err := stores[len(stores)-1].UpdateCategory(ctx, c, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, status := range late {
		if status != symposium.RegWaitlisted {
			t.Errorf("newcomer %d got %s while people were waiting", i, status)
		}
	}
	checkSeats(t, s, e, seats+15)
	for i, r := range queue[:2*cancels+15] {
		if got, _ := s.Registration(ctx, r.ID); got.Status != symposium.RegConfirmed {
			t.Errorf("waiting list place %d is %s after %d seats freed or added", i+1, got.Status, cancels+15)
		}
	}
}

// TestSeatsNeverOversoldAcrossInstances runs registrations, cancellations
// and a capacity change concurrently on two store instances sharing one
// PostgreSQL database (and, for comparison, on one SQLite store).
func TestSeatsNeverOversoldAcrossInstances(t *testing.T) {
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		var stores []*store.Store
		for i := 0; i < 2; i++ {
			s, err := store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			stores = append(stores, s)
		}
		seatRush(t, stores)
	})
	t.Run("sqlite", func(t *testing.T) {
		seatRush(t, []*store.Store{storetest.SQLite(t)})
	})
}

// TestNewcomerWaitsForASeatBeingFreed holds a cancellation open after it
// gave its seat back (its mail is written inside the transaction) while a
// newcomer registers through another instance. The newcomer must not be
// put on the waiting list on the strength of the seat looking taken: it
// waits for the cancellation to end and gets the seat.
func TestNewcomerWaitsForASeatBeingFreed(t *testing.T) {
	run := func(t *testing.T, first, second *store.Store) {
		e := newEvent(t, first, "freeing", symposium.VisibilityPublic, nil)
		c := newCategory(t, first, e, symposium.Category{Capacity: intp(1), Waitlist: true})
		holder, err := registerAs(first, e, c, "holder@example.org", nil)
		if err != nil || holder.Status != symposium.RegConfirmed {
			t.Fatalf("holder = %v, %v", holder, err)
		}
		inside, release := make(chan struct{}), make(chan struct{})
		var once sync.Once
		blocking := func(r *symposium.Registration, what string) (symposium.Mail, bool) {
			once.Do(func() { close(inside); <-release })
			return symposium.Mail{To: r.Email, Subject: what, Text: what}, true
		}
		cancelled := make(chan error, 1)
		go func() {
			_, err := first.ChangeRegistration(ctx, holder.ID, store.ChangeCancel, time.Now(), blocking)
			cancelled <- err
		}()
		<-inside
		registered := make(chan error, 1)
		var newcomer *symposium.Registration
		go func() {
			var err error
			newcomer, err = registerAs(second, e, c, "newcomer@example.org", nil)
			registered <- err
		}()
		early := false
		select {
		case err := <-registered:
			early = true
			t.Errorf("the newcomer was decided (%v) while a seat was being freed", err)
		case <-time.After(300 * time.Millisecond):
		}
		close(release)
		if err := <-cancelled; err != nil {
			t.Fatal(err)
		}
		if !early {
			if err := <-registered; err != nil {
				t.Fatal(err)
			}
		}
		if newcomer.Status != symposium.RegConfirmed {
			t.Errorf("newcomer = %s beside the seat the cancellation freed", newcomer.Status)
		}
		checkSeats(t, first, e, 1)
	}
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		var stores []*store.Store
		for i := 0; i < 2; i++ {
			s, err := store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			stores = append(stores, s)
		}
		run(t, stores[0], stores[1])
	})
	t.Run("sqlite", func(t *testing.T) {
		s := storetest.SQLite(t)
		run(t, s, s)
	})
}
