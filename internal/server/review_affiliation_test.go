package server_test

import (
	"net/http"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestTypedAffiliationThroughThePage submits abstracts whose co-authors'
// organizations are typed in rather than chosen: a name the directory
// lacks, typed in Kazakh, becomes an organization named in Kazakh; a name
// typed differently from an existing organization's is that organization;
// a name too long or with a control character is refused on its field, in
// the page's language, and stores nothing.
func TestTypedAffiliationThroughThePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newPagesFixture(t, s)
		f.openCall()
		f.e.signIn("aigerim@center.example")
		if body := f.page("/events/"+f.slug+"/abstracts/new?lang=kk", 200); !strings.Contains(body, "Тізімде жоқ па? Атауын жазыңыз") ||
			!strings.Contains(body, `aria-describedby="coauthor.0.orgname-hint"`) {
			t.Errorf("the Kazakh form lacks the labelled field for an organization not in the list")
		}
		orgs := f.orgCount()
		kaznu := "Әл-Фараби атындағы Қазақ ұлттық университеті"
		v := f.abstractForm("kk", "Цифрлық экономика", "Цифрлық сауда туралы.", f.tracks[0], "talk", "Серік Әбенов", "serik@new.example")
		v.Set("coauthor.0.orgname", kaznu)
		a := f.submitted(f.post("/events/"+f.slug+"/abstracts/new?lang=kk", v, http.StatusSeeOther))
		o := f.affiliation(a, 1)
		if o == nil || o.Name["kk"] != kaznu || len(o.Name) != 1 || f.orgCount() != orgs+1 {
			t.Fatalf("the affiliation typed in Kazakh = %+v, organizations %d more", o, f.orgCount()-orgs)
		}

		f.e.signIn("marat@mail.example")
		v = f.abstractForm("ru", "Водные ресурсы", "Доклад о воде.", f.tracks[1], "poster", "Wang Fang", "wang.fang@new.example")
		v.Set("coauthor.0.orgname", "  tsinghua    UNIVERSITY ")
		a = f.submitted(f.post("/events/"+f.slug+"/abstracts/new?lang=ru", v, http.StatusSeeOther))
		if o := f.affiliation(a, 1); o == nil || o.Name["en"] != "Tsinghua University" || f.orgCount() != orgs+1 {
			t.Errorf("a name typed differently did not find Tsinghua University: %+v, organizations %d more", o, f.orgCount()-orgs)
		}
		f.refuseBadAffiliations(orgs + 1)
	})
}

// refuseBadAffiliations sends an affiliation too long and one with a
// control character, each refused on its field in Russian with nothing
// stored.
func (f *pagesFixture) refuseBadAffiliations(orgs int) {
	abstracts, people := f.counts()
	for name, want := range map[string]string{
		strings.Repeat("Институт ", 40): "Не более 300 символов.",
		"Институт\u0007физики":          "Управляющие символы не допускаются.",
		"Институт физики\x00 и техники": "Управляющие символы не допускаются.",
	} {
		v := f.abstractForm("ru", "Плохая организация", "Текст.", f.tracks[0], "talk", "Новый Соавтор", "bad.org@new.example")
		v.Set("coauthor.0.orgname", name)
		body := f.post("/events/"+f.slug+"/abstracts/new?lang=ru", v, http.StatusUnprocessableEntity)
		if !strings.Contains(body, `<p class="field-error" id="coauthor.0.orgname-error">`+want) || !strings.Contains(body, `href="#coauthor.0.orgname"`) {
			f.t.Errorf("the affiliation %.20q is not refused on its field: %s", name, pageError(body))
		}
	}
	if n, p := f.counts(); n != abstracts || p != people || f.orgCount() != orgs {
		f.t.Errorf("a refused affiliation stored something: %d abstracts, %d people, %d organizations", n-abstracts, p-people, f.orgCount()-orgs)
	}
}

// orgCount returns how many organizations the directory holds.
func (f *pagesFixture) orgCount() int {
	f.t.Helper()
	list, err := f.s.AllOrganizations(ctx, 10000)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(list)
}

// affiliation returns the organization of an abstract's author, or nil.
func (f *pagesFixture) affiliation(a *symposium.Abstract, i int) *symposium.Organization {
	f.t.Helper()
	p, err := f.s.Person(ctx, a.AuthorIDs[i])
	if err != nil {
		f.t.Fatal(err)
	}
	if p.OrganizationID == "" {
		return nil
	}
	o, err := f.s.Organization(ctx, p.OrganizationID)
	if err != nil {
		f.t.Fatal(err)
	}
	return o
}
