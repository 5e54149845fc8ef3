package web

import (
	"context"
	"fmt"
	"strings"

	"symposium"
	"symposium/internal/review"
	"symposium/internal/search"
)

// Limits of the authors part of the abstract form.
const (
	// maxCoauthorRows is how many co-authors the form takes.
	maxCoauthorRows = 10
	// clearScore is the name similarity from which a typed co-author is
	// taken to be an existing person without asking.
	clearScore = 0.95
)

// authorRow is one co-author row of the abstract form: an author already
// chosen (PersonID set), or one typed by name, email and organization,
// with the people they may be when that was not clear.
type authorRow struct {
	Index      int
	PersonID   string
	Name, Org  symposium.LocalizedText
	Candidates []search.Result
}

// authorPlan is who the authors of an abstract are, in order: people who
// exist and people to create once everything is valid (ID ""). rowOf
// gives each author's form row, -1 for the first author.
type authorPlan struct {
	people    []*symposium.Person
	rowOf     []int
	presenter int
	ambiguous bool
	// newOrgs are the organizations typed in that none of the directory
	// is, by their folded name, to add with the new authors who have them.
	newOrgs map[string]*symposium.Organization
}

// readAuthorRows reads the co-author rows of a form that hold anything,
// keeping the typed values on the form. Rows marked for removal are
// dropped.
func readAuthorRows(f *form, get func(string) string) []authorRow {
	var rows []authorRow
	for i := range symposium.MaxAuthors {
		prefix := fmt.Sprintf("coauthor.%d.", i)
		id, name, email := get(prefix+"id"), get(prefix+"name"), get(prefix+"email")
		for _, k := range []string{"id", "name", "email", "org", "orgname", "pick"} {
			f.Values[prefix+k] = get(prefix + k)
		}
		if (id == "" && name == "" && email == "") || get(prefix+"remove") != "" {
			continue
		}
		rows = append(rows, authorRow{Index: i, PersonID: id})
	}
	return rows
}

// planAuthors works out who the authors are: first the given first
// author, then each row, in order. A typed row is an existing person with
// its email; else the person its name clearly matches; else, when the
// name may be one of several people, the row gets candidates to choose
// from and the plan is ambiguous; else a new person. Problems with the
// rows go to p under the rows' fields.
func (h *Handler) planAuthors(ctx context.Context, first *symposium.Person, rows []authorRow, f *form, p *symposium.Problems) (*authorPlan, error) {
	plan := &authorPlan{people: []*symposium.Person{first}, rowOf: []int{-1}, newOrgs: map[string]*symposium.Organization{}}
	for i := range rows {
		row := &rows[i]
		person, err := h.rowPerson(ctx, row, f, p, plan.newOrgs)
		if err != nil {
			return nil, err
		}
		if len(row.Candidates) > 0 && person == nil {
			plan.ambiguous = true
		}
		if person != nil {
			plan.people = append(plan.people, person)
			plan.rowOf = append(plan.rowOf, row.Index)
		}
	}
	plan.presenter = presenterIndex(f.Values["presenter"], plan.rowOf, p)
	return plan, nil
}

// presenterIndex finds the author the presenter choice names: "self" or
// nothing for the first author, or a row's index.
func presenterIndex(choice string, rowOf []int, p *symposium.Problems) int {
	if choice == "" || choice == "self" {
		return 0
	}
	for i, row := range rowOf {
		if fmt.Sprint(row) == choice {
			return i
		}
	}
	p.Add("presenter", "error.field.presenter")
	return 0
}

// rowPerson resolves one row to a person, or nil when the row has a
// problem or needs a choice. An organization typed in that the directory
// lacks goes to newOrgs.
func (h *Handler) rowPerson(ctx context.Context, row *authorRow, f *form, p *symposium.Problems, newOrgs map[string]*symposium.Organization) (*symposium.Person, error) {
	prefix := fmt.Sprintf("coauthor.%d.", row.Index)
	if row.PersonID != "" {
		return h.chosenPerson(ctx, row, prefix+"name", row.PersonID, p)
	}
	typed := typedPerson(f, prefix)
	var tp symposium.Problems
	typed.Validate(&tp)
	for _, fe := range tp {
		*p = append(*p, symposium.FieldError{Field: prefix + strings.SplitN(fe.Field, ".", 2)[0], Key: fe.Key, Args: fe.Args})
	}
	u := symposium.UserFromContext(ctx)
	if typed.OrganizationID != "" {
		_, err := h.Review.Affiliation(ctx, u, typed.OrganizationID)
		if symposium.ErrorCode(err) == symposium.ENOTFOUND {
			p.Add(prefix+"org", "error.field.unknown_reference")
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
	}
	if !h.typedAffiliation(ctx, typed, f, prefix, p, newOrgs) || len(tp) > 0 {
		return nil, nil
	}
	row.Candidates = h.candidates(typed)
	switch pick := f.Values[prefix+"pick"]; {
	case pick == "new":
		return typed, nil
	case pick != "":
		return h.chosenPerson(ctx, row, prefix+"name", pick, p)
	}
	if typed.Email != "" {
		found, err := h.Review.AuthorsWithEmail(ctx, u, typed.Email)
		if err != nil {
			return nil, err
		}
		if len(found) == 1 { // several are a duplicate to resolve: chosen by name below
			row.Candidates = nil
			return found[0], nil
		}
	}
	return h.matchTyped(ctx, row, typed)
}

// matchTyped settles a typed co-author from the people its name matches:
// none, a new person; one clear match, that person; otherwise a choice.
func (h *Handler) matchTyped(ctx context.Context, row *authorRow, typed *symposium.Person) (*symposium.Person, error) {
	switch c := row.Candidates; {
	case len(c) == 0:
		return typed, nil
	case len(c) == 1 && c[0].Score >= clearScore:
		known := h.Search.Person(c[0].ID)
		if known != nil && (typed.Email == "" || known.Email == "" || known.Email == typed.Email) {
			row.Candidates = nil
			return h.Review.Author(ctx, symposium.UserFromContext(ctx), c[0].ID)
		}
	}
	return nil, nil
}

// candidates lists the people a typed co-author may be.
func (h *Handler) candidates(typed *symposium.Person) []search.Result {
	return h.Search.Likely(typed.Spellings(), typed.Email, maxLikely)
}

// chosenPerson loads a person chosen on the form, recording a problem on
// field when there is none.
func (h *Handler) chosenPerson(ctx context.Context, row *authorRow, field, id string, p *symposium.Problems) (*symposium.Person, error) {
	person, err := h.Review.Author(ctx, symposium.UserFromContext(ctx), id)
	if symposium.ErrorCode(err) == symposium.ENOTFOUND {
		p.Add(field, "error.field.unknown_reference")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	row.Name = person.Name
	return person, nil
}

// typedPerson makes a person of a typed row, the name under the language
// its script suggests.
func typedPerson(f *form, prefix string) *symposium.Person {
	name := f.Values[prefix+"name"]
	ps := &symposium.Person{Name: symposium.LocalizedText{}, Email: f.Values[prefix+"email"], OrganizationID: f.Values[prefix+"org"]}
	if name != "" {
		ps.Name[review.NameLanguage(name)] = name
	}
	return ps
}
