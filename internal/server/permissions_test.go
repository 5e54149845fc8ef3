package server_test

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"

	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// want is the status each caller gets, by the caller constants.
type want [callers]int

// perm is one row of the permission table: a route as registered, the
// request that exercises it, and what each caller gets. Rows of one
// action on both surfaces carry the same action name, and the test checks
// that they expect the same.
type perm struct {
	route  string // the pattern as registered, such as "GET /events/{slug}"
	path   string // the request's path, with the world's ids filled in
	body   string // a form (pages) or JSON (API); empty for none
	want   want
	action string // the shared action, where the other surface has it too
	fresh  bool   // needs a session of its own, such as signing out
	// destroys marks an action that would end the caller's account, such
	// as erasing it: only anonymous callers are sent, and tests of its own
	// check the others.
	destroys bool
}

// every answers code to all callers.
func every(code int) want {
	var w want
	for c := range w {
		w[c] = code
	}
	return w
}

// only answers code to the callers named, 401 to anonymous callers and 403
// to everyone else.
func only(code int, who ...int) want {
	w := every(403)
	w[anon] = 401
	for _, c := range who {
		w[c] = code
	}
	return w
}

// signedIn answers code to every signed-in caller.
func signedIn(code int) want {
	return only(code, unverified, stranger, registrant, reviewer, conflicted, checkin, other, manager, curator, admin)
}

// managers answers code to the event's managers and administrators.
func managers(code int) want { return only(code, manager, admin) }

// desk answers code to check-in staff, managers and administrators.
func desk(code int) want { return only(code, checkin, manager, admin) }

// reviewers answers code to the event's reviewers, managers and
// administrators.
func reviewers(code int) want { return only(code, reviewer, conflicted, manager, admin) }

// creators answers code to those who may create events.
func creators(code int) want { return only(code, other, manager, admin) }

// directory answers code to those who may add people and organizations.
func directory(code int) want { return only(code, other, manager, curator, admin) }

// editors answers code to those who may edit the speaker the manager
// added.
func editors(code int) want { return only(code, manager, curator, admin) }

// admins answers code to administrators.
func admins(code int) want { return only(code, admin) }

// abstractOf answers code to the abstract's author, its reviewer and the
// event's managers; the others, who may not see it, get 404.
func abstractOf(code int, who ...int) want {
	w := every(404)
	w[anon] = 401
	for _, c := range who {
		w[c] = code
	}
	return w
}

// hidden turns a row of the public event into one of the restricted
// event: whoever has no part in it gets 404, but for anonymous callers of
// an action that needs signing in, who are asked to sign in first.
func hidden(w want) want {
	for _, c := range []int{anon, unverified, stranger, reviewer, conflicted, checkin, other, curator} {
		if c != anon || w[c] != 401 {
			w[c] = 404
		}
	}
	return w
}

// with changes some callers' answers.
func (w want) with(pairs ...int) want {
	for i := 0; i+1 < len(pairs); i += 2 {
		w[pairs[i]] = pairs[i+1]
	}
	return w
}

// TestPermissionTable sends every route of both surfaces as every kind of
// caller and checks the status against the table; a route the table lacks
// fails the test, so no route ships without its rule.
func TestPermissionTable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		rows := w.table()
		checkCoverage(t, w.e.server.Routes(), rows)
		checkAgreement(t, rows)
		for _, row := range rows {
			t.Run(row.route+" "+row.path, func(t *testing.T) {
				t.Parallel() // rows change nothing, so they may run at once
				var wrong []string
				for c := range callers {
					if row.destroys && c != anon {
						continue
					}
					got := w.send(t, c, row)
					if expected := expect(row, c); got != expected {
						wrong = append(wrong, fmt.Sprintf("%s: %d, want %d", callerNames[c], got, expected))
					}
				}
				if len(wrong) > 0 {
					t.Errorf("%s %s:\n  %s", row.route, row.path, strings.Join(wrong, "\n  "))
				}
			})
		}
	})
}

// send sends a row's request as a caller, on a session of its own when
// the row needs one.
func (w *world) send(t *testing.T, c int, row perm) int {
	t.Helper()
	method := "GET" // the catch-all route "/" names no method
	if f := strings.Fields(row.route); len(f) == 2 {
		method = f[0]
	}
	session := w.sessions[c]
	if row.fresh && c != anon {
		var err error
		if _, session, err = w.e.accounts.SignIn(ctx, w.users[c].Email, "correct horse battery", "198.51.100.2", ""); err != nil {
			t.Fatal(err)
		}
	}
	body := strings.ReplaceAll(row.body, "{email}", url.QueryEscape(w.email(c)))
	return w.request(t, c, session, method, row.path, body)
}

// expect is the status a caller should get: pages send anonymous readers
// of what needs signing in to the sign-in page.
func expect(row perm, c int) int {
	code := row.want[c]
	if code == 401 && c == anon && !isAPIPath(row.path) && strings.HasPrefix(row.route, "GET ") {
		return 303
	}
	return code
}

// checkCoverage fails for every route the server answers that the table
// lacks, and every row whose route the server does not have.
func checkCoverage(t *testing.T, routes []string, rows []perm) {
	t.Helper()
	covered := map[string]bool{}
	for _, r := range rows {
		covered[r.route] = true
	}
	for _, r := range routes {
		if !covered[r] {
			t.Errorf("the permission table lacks the route %q: add its rule", r)
		}
	}
	for r := range covered {
		if !slices.Contains(routes, r) {
			t.Errorf("the permission table has a route the server lacks: %q", r)
		}
	}
}

// checkAgreement fails when rows of one action on the pages and in the API
// expect different answers.
func checkAgreement(t *testing.T, rows []perm) {
	t.Helper()
	byAction := map[string]perm{}
	for _, r := range rows {
		if r.action == "" {
			continue
		}
		if first, ok := byAction[r.action]; ok && first.want != r.want {
			t.Errorf("%s: %s expects %v but %s expects %v", r.action, first.route, first.want, r.route, r.want)
		}
		byAction[r.action] = r
	}
}

// isAPIPath reports whether a path is the API's.
func isAPIPath(path string) bool { return strings.HasPrefix(path, "/api/") }

// stringsReader returns a reader of body, or nil for none.
func stringsReader(body string) io.Reader {
	if body == "" {
		return nil
	}
	return strings.NewReader(body)
}
