package bench

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/events"
	"symposium/internal/i18n"
	"symposium/internal/review"
	"symposium/internal/search"
	"symposium/internal/store"
)

// Sizes of the review benchmark: FOSDEM's scale.
const (
	benchAbstracts = 2000
	benchReviewers = 150
	benchPerAbs    = 3 // 6,000 reviews
	benchPeople    = 3000
	benchOrgs      = 60
)

// BenchmarkReview measures the review of a large call in a fresh SQLite
// database: 2,000 abstracts by 3,000 people of 60 organizations (one to
// three authors each), 150 reviewers (100 of them also people of those
// organizations, so that conflicts of interest abound) spread over four
// tracks. It times the automatic assignment of three reviewers to every
// abstract (conflicts, bids, tracks and load balancing included, applied
// to the database), stores the 6,000 reviews, and then requests the
// decision list, GET /api/v1/events/{slug}/abstracts, 50 times through the
// whole HTTP handler in-process, reporting its median and 99th percentile.
func BenchmarkReview(b *testing.B) {
	s := sqliteStore(b)
	w := newReviewWorld(b, s)
	ev := events.New(s, nil)
	se := search.New(s, ev, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := se.Load(ctx); err != nil {
		b.Fatal(err)
	}
	svc := review.New(s, se, ev, i18n.Must(i18n.New()), "http://bench")
	t0 := time.Now()
	p, err := svc.AutoAssign(ctx, w.manager, w.event.Slug, benchPerAbs, false)
	if err != nil {
		b.Fatal(err)
	}
	assign := time.Since(t0)
	w.storeReviews(b, s)
	h := newHandler(b, s)
	path := "/api/v1/events/" + w.event.Slug + "/abstracts?sort=mean"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p50, p99 := latenciesAs(b, h, path, w.token, 50)
		b.ReportMetric(ms(assign), "assign-ms")
		b.ReportMetric(float64(len(p.Assignments)), "assignments")
		b.ReportMetric(float64(len(p.Short)), "short")
		b.ReportMetric(ms(p50), "list-p50-ms")
		b.ReportMetric(ms(p99), "list-p99-ms")
	}
}

// reviewWorld is the event of the review benchmark.
type reviewWorld struct {
	event   *symposium.Event
	manager *symposium.User
	token   string
	call    *symposium.Call
}

func newReviewWorld(b *testing.B, s *store.Store) *reviewWorld {
	b.Helper()
	w := &reviewWorld{}
	acc, err := accounts.New(s, cheapAccounts())
	if err != nil {
		b.Fatal(err)
	}
	w.manager = &symposium.User{Email: "chair@bench.example", Name: "Chair", IsAdmin: true, Verified: true, Language: "en"}
	if err := acc.AddUser(ctx, w.manager, "correct horse battery"); err != nil {
		b.Fatal(err)
	}
	if w.token, err = acc.CreateToken(ctx, w.manager.Email, "bench"); err != nil {
		b.Fatal(err)
	}
	w.event = &symposium.Event{Slug: "congress", Title: symposium.Text("en", "Congress"), Timezone: "Asia/Almaty",
		StartsAt: time.Now().Add(60 * 24 * time.Hour), EndsAt: time.Now().Add(62 * 24 * time.Hour)}
	var p symposium.Problems
	w.event.Validate(&p)
	if err := s.CreateEvent(ctx, w.event, w.manager.ID); err != nil {
		b.Fatal(err)
	}
	w.call = &symposium.Call{EventID: w.event.ID, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour),
		Questions: []symposium.ReviewQuestion{{Text: symposium.Text("en", "Quality"), Kind: symposium.ReviewRating}}}
	for i := range 4 {
		w.call.Tracks = append(w.call.Tracks, symposium.Track{Name: symposium.Text("en", fmt.Sprintf("Track %d", i))})
	}
	w.call.Validate(&p)
	if err := s.PutCall(ctx, w.call); err != nil {
		b.Fatal(err)
	}
	orgs := make([]string, benchOrgs)
	for i := range orgs {
		o := &symposium.Organization{Name: symposium.Text("en", fmt.Sprintf("Institute %d", i)), Kind: "university"}
		if err := s.CreateOrganization(ctx, o); err != nil {
			b.Fatal(err)
		}
		orgs[i] = o.ID
	}
	people := w.people(b, s, orgs)
	w.reviewers(b, s, acc, orgs)
	w.abstracts(b, s, people)
	return w
}

// cheapAccounts hashes passwords cheaply: the benchmark is not about them.
func cheapAccounts() accounts.Config {
	cfg := accounts.DefaultConfig()
	cfg.Hash = accounts.HashParams{MemoryKiB: 64, Passes: 1, Threads: 1}
	return cfg
}

// people stores the authors.
func (w *reviewWorld) people(b *testing.B, s *store.Store, orgs []string) []string {
	ids := make([]string, benchPeople)
	parallel(b, benchPeople, func(i int) error {
		p := &symposium.Person{Name: symposium.Text("en", fmt.Sprintf("Author %d Surname%d", i, i*7919%10007)),
			OrganizationID: orgs[i%len(orgs)]}
		err := s.CreatePerson(ctx, p)
		ids[i] = p.ID
		return err
	})
	return ids
}

// reviewers makes 150 reviewer accounts, two thirds of them people of the
// organizations, each reviewing one or two tracks.
func (w *reviewWorld) reviewers(b *testing.B, s *store.Store, acc *accounts.Service, orgs []string) {
	for i := range benchReviewers {
		email := fmt.Sprintf("reviewer%d@bench.example", i)
		u := &symposium.User{Email: email, Name: fmt.Sprintf("Reviewer %d", i), Verified: true, Language: "en"}
		if err := acc.AddUser(ctx, u, "correct horse battery"); err != nil {
			b.Fatal(err)
		}
		if i%3 != 0 {
			p := &symposium.Person{Name: symposium.Text("en", u.Name), Email: email, OrganizationID: orgs[i%len(orgs)]}
			if err := s.CreatePerson(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.AddEventRole(ctx, w.event.ID, email, symposium.RoleReviewer); err != nil {
			b.Fatal(err)
		}
		tracks := []string{w.call.Tracks[i%4].ID}
		if i%2 == 0 {
			tracks = append(tracks, w.call.Tracks[(i+1)%4].ID)
		}
		if err := s.SetReviewerTracks(ctx, w.event.ID, u.ID, tracks); err != nil {
			b.Fatal(err)
		}
	}
}

// abstracts stores the abstracts, one to three authors each.
func (w *reviewWorld) abstracts(b *testing.B, s *store.Store, people []string) {
	parallel(b, benchAbstracts, func(i int) error {
		authors := []string{people[i%len(people)]}
		for j := 1; j <= i%3; j++ {
			authors = append(authors, people[(i*31+j*977)%len(people)])
		}
		a := &symposium.Abstract{EventID: w.event.ID, TrackID: w.call.Tracks[i%4].ID, Type: symposium.ContributionTalk,
			Language: "en", Title: symposium.Text("en", fmt.Sprintf("Findings number %d", i)),
			Content:   symposium.Text("en", "A text of an abstract, long enough to look like one, about the findings."),
			AuthorIDs: authors, PresenterID: authors[0], SubmitterID: w.manager.ID}
		return s.CreateAbstract(ctx, a)
	})
}

// storeReviews has every assigned reviewer submit a review.
func (w *reviewWorld) storeReviews(b *testing.B, s *store.Store) {
	list, err := s.EventAssignments(ctx, w.event.ID)
	if err != nil {
		b.Fatal(err)
	}
	q := w.call.Questions[0]
	parallel(b, len(list), func(i int) error {
		r := &symposium.Review{AbstractID: list[i].AbstractID, ReviewerID: list[i].ReviewerID,
			Ratings: map[string]int{q.ID: 1 + i%5}, CommentToAuthors: "Fine.", Submitted: true}
		return s.SaveReview(ctx, r)
	})
}

// parallel runs fn for 0..n-1 from 32 goroutines.
func parallel(b *testing.B, n int, fn func(int) error) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// latenciesAs serves a GET n times in-process with a bearer token and
// returns the median and the 99th percentile.
func latenciesAs(b *testing.B, h http.Handler, path, token string, n int) (time.Duration, time.Duration) {
	b.Helper()
	d := make([]time.Duration, n)
	for i := range d {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		t0 := time.Now()
		h.ServeHTTP(rec, req)
		d[i] = time.Since(t0)
		if rec.Code != 200 {
			b.Fatalf("%s = %d %s", path, rec.Code, rec.Body.String())
		}
	}
	slices.Sort(d)
	return d[n/2], d[n*99/100]
}
