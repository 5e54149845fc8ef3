package review

import (
	"context"
	"strings"
	"unicode"

	"symposium"
)

// Form is what the form that submits or edits an abstract starts from.
type Form struct {
	Event  *symposium.Event
	Access symposium.Access
	Call   *symposium.Call
	// Abstract is the abstract edited, or nil for a new one.
	Abstract *symposium.Abstract
	// First is the first author: for a new abstract the submitter's own
	// person, or, when the account has none yet, one to be made from its
	// name and email (FirstNew); for an abstract edited, its first
	// author. FirstOrg names their organization.
	First    symposium.Person
	FirstNew bool
	FirstOrg symposium.LocalizedText
}

// SubmitForm returns what the submission form of the event with the slug
// starts from, for a signed-in caller who may see the event; an event
// without a call is not found.
func (s *Service) SubmitForm(ctx context.Context, u *symposium.User, slug string) (*Form, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	e, access, err := s.events.Visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	f := &Form{Event: e, Access: access}
	if f.Call, err = s.store.Call(ctx, e.ID); err != nil {
		return nil, err
	}
	return f, s.submitterAsFirst(ctx, u, f)
}

// submitterAsFirst makes the account's person the first author: a person
// with its verified email (the first, where a duplicate is yet to be
// resolved), or one to be made from the account. A person made from an
// account whose email is not verified does not carry that email.
func (s *Service) submitterAsFirst(ctx context.Context, u *symposium.User, f *Form) error {
	people, err := s.store.AccountPeople(ctx, u)
	if err != nil {
		return err
	}
	if len(people) == 0 {
		f.First = symposium.Person{Name: symposium.LocalizedText{NameLanguage(u.Name): u.Name}}
		if u.Verified {
			f.First.Email = u.Email
		}
		if symposium.IsLanguage(u.Language) {
			f.First.Languages = []string{u.Language}
		}
		f.FirstNew = true
		return nil
	}
	f.First = *people[0]
	if f.First.OrganizationID == "" {
		return nil
	}
	o, err := s.store.Organization(ctx, f.First.OrganizationID)
	switch {
	case err == nil:
		f.FirstOrg = o.Name
	case symposium.ErrorCode(err) != symposium.ENOTFOUND:
		return err
	}
	return nil
}

// EditForm returns what the form that edits the abstract with the ID
// starts from, for its authors: forbidden to others who see it, not found
// to anyone else.
func (s *Service) EditForm(ctx context.Context, u *symposium.User, id string) (*Form, error) {
	v, err := s.authored(ctx, u, id)
	if err != nil {
		return nil, err
	}
	a := v.Abstract
	if len(a.Authors) == 0 {
		return nil, symposium.NotFound()
	}
	first, err := s.store.Person(ctx, a.Authors[0].PersonID)
	if err != nil {
		return nil, err
	}
	return &Form{Event: v.Event, Access: v.Access, Call: v.Call, Abstract: a, First: *first, FirstOrg: a.Authors[0].Organization}, nil
}

// authored returns an abstract for one of its authors (its submitter, or
// the person of one of its authors): unauthorized without a caller, not
// found to whoever may not see it, forbidden to its event's managers and
// reviewers who are not authors.
func (s *Service) authored(ctx context.Context, u *symposium.User, id string) (*View, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	v, err := s.View(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if v.As == AsAuthor {
		return v, nil
	}
	raw, err := s.store.Abstract(ctx, id)
	if err != nil {
		return nil, err
	}
	ok, err := s.isAuthor(ctx, u, raw)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, symposium.Forbidden()
	}
	v.Abstract = raw
	return v, nil
}

// Author returns a person of the directory chosen as an author, as the
// caller may see them, for a signed-in caller; a merged person is not
// found.
func (s *Service) Author(ctx context.Context, u *symposium.User, id string) (*symposium.Person, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.MergedInto != "" {
		return nil, symposium.NotFound()
	}
	return redactPerson(u, p), nil
}

// AuthorsWithEmail returns the people of the directory carrying an email
// typed for an author, as the caller may see them, for a signed-in
// caller. Two or more are a duplicate to resolve.
func (s *Service) AuthorsWithEmail(ctx context.Context, u *symposium.User, email string) ([]*symposium.Person, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	people, err := s.store.PeopleWithEmail(ctx, symposium.NormalizeEmail(email))
	if err != nil {
		return nil, err
	}
	for i, p := range people {
		people[i] = redactPerson(u, p)
	}
	return people, nil
}

// Affiliation returns an organization an author is typed in with, for a
// signed-in caller.
func (s *Service) Affiliation(ctx context.Context, u *symposium.User, id string) (*symposium.Organization, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	return s.store.Organization(ctx, id)
}

// redactPerson removes the email from a copy of p unless u may read it.
func redactPerson(u *symposium.User, p *symposium.Person) *symposium.Person {
	if p.Email == "" || u.MaySeeEmailOf(p) {
		return p
	}
	c := *p
	c.Email = ""
	return &c
}

// NameLanguage guesses the language a name is written for from its
// script: Chinese characters, Kazakh or Russian Cyrillic, or else Latin.
func NameLanguage(name string) string {
	cyrillic := false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Han, r):
			return "zh"
		case strings.ContainsRune("ӘәҒғҚқҢңӨөҰұҮүҺһІі", r):
			return "kk"
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		}
	}
	if cyrillic {
		return "ru"
	}
	return "en"
}
