package demo_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"

	"symposium"
	"symposium/internal/badge"
	"symposium/internal/book"
	"symposium/internal/demo"
	"symposium/internal/pdftest"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// demoData is the demo event with its programme, speakers and their
// organizations.
type demoData struct {
	event    *symposium.Event
	rooms    []symposium.Room
	entries  []symposium.Contribution
	speakers map[string]*symposium.Person
	orgs     map[string]*symposium.Organization
}

// loadDemo stores the demo event in a fresh SQLite database and reads it
// back.
func loadDemo(t *testing.T) demoData {
	t.Helper()
	ctx := context.Background()
	s := storetest.SQLite(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	var d demoData
	var err error
	if d.event, err = s.EventBySlug(ctx, demo.Slug); err != nil {
		t.Fatal(err)
	}
	if d.rooms, err = s.Rooms(ctx, d.event.ID); err != nil {
		t.Fatal(err)
	}
	if d.entries, err = s.Contributions(ctx, d.event.ID); err != nil {
		t.Fatal(err)
	}
	d.speakers, d.orgs = people(t, s, d.entries)
	return d
}

// people reads the speakers of entries and their organizations.
func people(t *testing.T, s *store.Store, entries []symposium.Contribution) (map[string]*symposium.Person, map[string]*symposium.Organization) {
	t.Helper()
	ctx := context.Background()
	var ids, orgIDs []string
	for _, c := range entries {
		ids = append(ids, c.SpeakerIDs...)
	}
	speakers, err := s.People(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range speakers {
		orgIDs = append(orgIDs, p.OrganizationID)
	}
	orgs, err := s.Organizations(ctx, orgIDs)
	if err != nil {
		t.Fatal(err)
	}
	if len(speakers) != 2 || len(orgs) != 2 {
		t.Fatalf("the demo has %d speakers of %d organizations; want the two who addressed it", len(speakers), len(orgs))
	}
	return speakers, orgs
}

// badges are the demo speakers' badges, one for each of them in each
// language: the event's title, the name and the organization in that
// language.
func (d demoData) badges() []badge.Badge {
	var out []badge.Badge
	for _, l := range symposium.Languages {
		for _, p := range d.speakers {
			out = append(out, badge.Badge{Event: d.event.Title[l], Name: p.Name[l], Latin: p.Name["en"],
				Organization: d.orgs[p.OrganizationID].Name[l], Category: p.Position[l]})
		}
	}
	return out
}

// book is the demo programme as a book in language l: a track for each
// room, an abstract for each entry, its speakers as authors and the
// event's summary as its text.
func (d demoData) book(l string) book.Book {
	b := book.Book{Title: d.event.Title[l], Subtitle: d.event.Venue.City[l]}
	for _, r := range d.rooms {
		tr := book.Track{Name: r.Name[l]}
		for _, c := range d.entries {
			if c.RoomID != r.ID {
				continue
			}
			a := book.Abstract{Title: c.Title[l], Language: l, Text: d.event.Summary[l]}
			for _, id := range c.SpeakerIDs {
				p := d.speakers[id]
				a.Authors = append(a.Authors, book.Author{Name: p.Name[l], Affiliation: d.orgs[p.OrganizationID].Name[l], Presenter: true})
			}
			tr.Abstracts = append(tr.Abstracts, a)
		}
		b.Tracks = append(b.Tracks, tr)
	}
	return b
}

// noSpace drops the spaces and line breaks that wrapping adds or moves.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestDemoBadgesAndBookInFourLanguages renders the demo event's badges and
// its book in each language with the embedded fonts and reads them back:
// every title, name and organization must be there as written.
func TestDemoBadgesAndBookInFourLanguages(t *testing.T) {
	d := loadDemo(t)
	sheet, err := badge.Sheet(d.badges())
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Text(t, sheet)
	for _, l := range symposium.Languages {
		want := []string{d.event.Title[l]}
		for _, p := range d.speakers {
			want = append(want, p.Name[l], d.orgs[p.OrganizationID].Name[l])
		}
		for _, w := range want {
			if !strings.Contains(noSpace(text), noSpace(w)) {
				t.Errorf("the badge sheet lacks %s %q", l, w)
			}
		}
	}
	for _, l := range symposium.Languages {
		var buf bytes.Buffer
		if err := book.Write(&buf, d.book(l)); err != nil {
			t.Fatal(err)
		}
		text := noSpace(pdftest.Text(t, buf.Bytes()))
		want := []string{d.event.Title[l], d.event.Venue.City[l]}
		for _, c := range d.entries {
			want = append(want, c.Title[l])
		}
		for _, p := range d.speakers {
			want = append(want, p.Name[l], d.orgs[p.OrganizationID].Name[l])
		}
		for _, w := range want {
			if !strings.Contains(text, noSpace(w)) {
				t.Errorf("the %s book lacks %q", l, w)
			}
		}
	}
}
