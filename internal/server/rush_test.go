package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// rushSize is the registration rush of the acceptance test: 20,000
// registrations from 500 clients for 1,000 seats; smaller under the race
// detector or -short, which slow every request tenfold.
func rushSize() (registrations, clients, seats int) {
	if raceEnabled || testing.Short() {
		return 3000, 100, 150
	}
	return 20000, 500, 1000
}

// answer is what the server said to one registration.
type answer struct {
	email, status string
	code          int
}

// rush sends n registrations from the given number of clients, spread over
// the servers' URLs, and returns every answer.
func rush(t *testing.T, urls []string, slug, categoryID string, n, clients int) []answer {
	t.Helper()
	jobs := make(chan int)
	out := make([]answer, n)
	transport := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: transport}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = registerOnce(t, client, urls[i%len(urls)], slug, categoryID, i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	transport.CloseIdleConnections()
	return out
}

func registerOnce(t *testing.T, client *http.Client, base, slug, categoryID string, i int) answer {
	email := fmt.Sprintf("person%05d@example.org", i)
	body, _ := json.Marshal(map[string]any{"category_id": categoryID, "email": email,
		"name": map[string]string{"en": fmt.Sprintf("Person %d", i)}})
	resp, err := client.Post(base+"/api/v1/events/"+slug+"/registrations", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Errorf("registration %d: %v", i, err)
		return answer{email: email}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r struct{ Status string }
	_ = json.Unmarshal(b, &r)
	return answer{email: email, status: r.Status, code: resp.StatusCode}
}

// checkRush checks the answers and that the database agrees with each.
func checkRush(t *testing.T, s *store.Store, slug string, answers []answer, seats int, waitlist bool) {
	t.Helper()
	codes := map[int]int{}
	statuses := map[string]int{}
	said := map[string]string{}
	for _, a := range answers {
		codes[a.code]++
		if a.code == 201 {
			statuses[a.status]++
			said[a.email] = a.status
		}
	}
	rest := len(answers) - seats
	if statuses["confirmed"] != seats {
		t.Errorf("%d confirmed, want exactly %d (codes %v)", statuses["confirmed"], seats, codes)
	}
	if waitlist && (statuses["waitlisted"] != rest || codes[201] != len(answers)) {
		t.Errorf("waitlisted %d of %d, codes %v; want every other answer waitlisted", statuses["waitlisted"], rest, codes)
	}
	if !waitlist && codes[409] != rest {
		t.Errorf("codes %v; want %d conflicts", codes, rest)
	}
	e, err := s.EventBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]string{}
	for cursor := ""; ; {
		page, next, err := s.Registrations(ctx, store.RegistrationQuery{EventID: e.ID, Limit: 1000, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page {
			stored[r.Email] = r.Status
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if len(stored) != len(said) {
		t.Errorf("the database holds %d registrations; %d were answered 201", len(stored), len(said))
	}
	for email, status := range said {
		if stored[email] != status {
			t.Fatalf("%s was told %q, the database says %q", email, status, stored[email])
		}
	}
	cats, _ := s.Categories(ctx, e.ID)
	if cats[0].Confirmed != statuses["confirmed"] || cats[0].Waitlisted != statuses["waitlisted"] {
		t.Errorf("counters %d/%d disagree with the answers %v", cats[0].Confirmed, cats[0].Waitlisted, statuses)
	}
}

// rushEvent makes an event with one category and returns its id.
func rushEvent(t *testing.T, e *env, token, slug string, seats int, waitlist bool) string {
	t.Helper()
	createSeedEvent(t, e, token, slug, "public")
	resp, c := e.api("POST", "/api/v1/events/"+slug+"/registration-categories", token, map[string]any{
		"name": map[string]string{"en": "Participant"}, "capacity": seats, "waitlist": waitlist})
	if resp.StatusCode != 201 {
		t.Fatalf("category = %d %v", resp.StatusCode, c)
	}
	return c["id"].(string)
}

func TestRegistrationRushSQLite(t *testing.T) {
	n, clients, seats := rushSize()
	for _, waitlist := range []bool{true, false} {
		t.Run(fmt.Sprintf("waitlist=%v", waitlist), func(t *testing.T) {
			s := storetest.SQLite(t)
			e := startUnlimited(t, s)
			_, token := e.organizer("m@example.org")
			cat := rushEvent(t, e, token, "rush", seats, waitlist)
			answers := rush(t, []string{e.srv.URL}, "rush", cat, n, clients)
			checkRush(t, s, "rush", answers, seats, waitlist)
		})
	}
}

// TestRegistrationRushPostgresTwoInstances runs the rush against two server
// instances sharing one PostgreSQL database.
func TestRegistrationRushPostgresTwoInstances(t *testing.T) {
	n, clients, seats := rushSize()
	url := storetest.PostgresURL(t)
	s1, s2 := openURL(t, url), openURL(t, url)
	e1, e2 := startUnlimited(t, s1), startUnlimited(t, s2)
	_, token := e1.organizer("m@example.org")
	cat := rushEvent(t, e1, token, "rush", seats, true)
	answers := rush(t, []string{e1.srv.URL, e2.srv.URL}, "rush", cat, n, clients)
	checkRush(t, s1, "rush", answers, seats, true)
}

func openURL(t *testing.T, url string) *store.Store {
	t.Helper()
	s, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
