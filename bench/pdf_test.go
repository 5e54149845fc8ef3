package bench

import (
	"bytes"
	"testing"

	"symposium"
	"symposium/internal/badge"
	"symposium/internal/book"
	"symposium/internal/demo"
	"symposium/internal/store/storetest"
)

// demoPrint reads the demo event back and makes of it what a printer
// gets: its two speakers' badges in each of the four languages (eight),
// and its programme as a book of abstracts in language l, a track for each
// room and an abstract for each entry with the event's summary as text.
func demoPrint(b *testing.B) (badges []badge.Badge, books map[string]book.Book) {
	s := storetest.SQLite(b)
	if _, err := demo.Load(ctx, s); err != nil {
		b.Fatal(err)
	}
	e, err := s.EventBySlug(ctx, demo.Slug)
	if err != nil {
		b.Fatal(err)
	}
	rooms, err1 := s.Rooms(ctx, e.ID)
	entries, err2 := s.Contributions(ctx, e.ID)
	var ids []string
	for _, c := range entries {
		ids = append(ids, c.SpeakerIDs...)
	}
	people, err3 := s.People(ctx, ids)
	if err1 != nil || err2 != nil || err3 != nil {
		b.Fatal(err1, err2, err3)
	}
	books = map[string]book.Book{}
	for _, l := range symposium.Languages {
		for _, p := range people {
			badges = append(badges, badge.Badge{Event: e.Title[l], Name: p.Name[l], Latin: p.Name["en"], Category: p.Position[l]})
		}
		bk := book.Book{Title: e.Title[l], Subtitle: e.Venue.City[l]}
		for _, r := range rooms {
			tr := book.Track{Name: r.Name[l]}
			for _, c := range entries {
				if c.RoomID == r.ID {
					a := book.Abstract{Title: c.Title[l], Language: l, Text: e.Summary[l]}
					for _, id := range c.SpeakerIDs {
						a.Authors = append(a.Authors, book.Author{Name: people[id].Name[l], Presenter: true})
					}
					tr.Abstracts = append(tr.Abstracts, a)
				}
			}
			bk.Tracks = append(bk.Tracks, tr)
		}
		books[l] = bk
	}
	return badges, books
}

// BenchmarkDemoPDFs renders the demo event's badge sheet (eight badges on
// two A4 pages), a sheet of 200 badges (the same eight over and over, 50
// pages) and its book of abstracts in Chinese and in Russian, with the
// embedded fonts, and reports each PDF's size.
func BenchmarkDemoPDFs(b *testing.B) {
	badges, books := demoPrint(b)
	var many []badge.Badge
	for len(many) < 200 {
		many = append(many, badges...)
	}
	cases := []struct {
		name string
		make func() ([]byte, error)
	}{
		{"badge-sheet-8", func() ([]byte, error) { return badge.Sheet(badges) }},
		{"badge-sheet-200", func() ([]byte, error) { return badge.Sheet(many[:200]) }},
		{"book-zh", func() ([]byte, error) { var w bytes.Buffer; err := book.Write(&w, books["zh"]); return w.Bytes(), err }},
		{"book-ru", func() ([]byte, error) { var w bytes.Buffer; err := book.Write(&w, books["ru"]); return w.Bytes(), err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				pdf, err := c.make()
				if err != nil {
					b.Fatal(err)
				}
				size = len(pdf)
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}
