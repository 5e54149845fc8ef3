package store

import (
	"context"

	"symposium"
)

// AccountPeople returns the people an account is: every person, not merged
// into another, carrying the account's email, once that email is
// verified. An unverified account (or none) is nobody. Two people with one
// email are a duplicate to resolve; until then the account is both.
func (s *Store) AccountPeople(ctx context.Context, u *symposium.User) ([]*symposium.Person, error) {
	if u == nil || !u.Verified || u.Email == "" {
		return nil, nil
	}
	byUser, err := s.AccountsPeople(ctx, []symposium.User{*u})
	return byUser[u.ID], err
}

// AccountsPeople returns, by account ID, the people each account is, as
// AccountPeople does for one.
func (s *Store) AccountsPeople(ctx context.Context, users []symposium.User) (map[string][]*symposium.Person, error) {
	out := map[string][]*symposium.Person{}
	byEmail := map[string][]string{}
	var emails []string
	for _, u := range users {
		if u.Verified && u.Email != "" {
			byEmail[u.Email] = append(byEmail[u.Email], u.ID)
			emails = append(emails, u.Email)
		}
	}
	if len(emails) == 0 {
		return out, nil
	}
	err := s.each(ctx, "accounts' people", `SELECT `+personColumns+` FROM people p
		WHERE p.email IN (SELECT value FROM `+s.d.jsonEach("$1")+`) AND p.merged_into IS NULL
		ORDER BY p.id`, func(sc scanner) error {
		var p symposium.Person
		if err := scanPerson(sc, &p); err != nil {
			return err
		}
		for _, id := range byEmail[p.Email] {
			out[id] = append(out[id], &p)
		}
		return nil
	}, jsonText(emails))
	return out, err
}

// PeopleWithEmail returns the people, not merged into another, carrying an
// email, oldest first; more than one is a duplicate to resolve.
func (s *Store) PeopleWithEmail(ctx context.Context, email string) ([]*symposium.Person, error) {
	if email == "" {
		return nil, nil
	}
	var out []*symposium.Person
	err := s.each(ctx, "people with email", `SELECT `+personColumns+` FROM people p
		WHERE p.email = $1 AND p.merged_into IS NULL ORDER BY p.created_at, p.id`, func(sc scanner) error {
		var p symposium.Person
		if err := scanPerson(sc, &p); err != nil {
			return err
		}
		out = append(out, &p)
		return nil
	}, email)
	return out, err
}
