// Package book renders an event's book of abstracts as an A4 PDF: a title
// page, a contents page, one section per track with its abstracts in
// programme order, and an index of authors with page numbers. Text in
// Chinese, Kazakh, Russian and English is set in the fonts embedded in the
// binary (DejaVu Sans and Droid Sans Fallback, see internal/fonts), bold
// included, wrapped by measured width.
//
// The input is plain data: callers fill it from the domain, in the reader's
// language, with every label already localized.
package book

import (
	"fmt"
	"io"
)

// Book is everything a book of abstracts shows.
type Book struct {
	Title    string // the event's title in the chosen language
	Subtitle string // e.g. dates and city, already formatted
	Labels   Labels // localized fixed texts
	Tracks   []Track
}

// Labels are the fixed texts of a book, localized by the caller. An empty
// label falls back to English.
type Labels struct {
	Contents string // heading of the contents page, e.g. "Contents"
	Authors  string // heading of the names column in the index, e.g. "Authors"
	Index    string // heading of the index, e.g. "Index of authors"
	Page     string // heading of the page-number columns, e.g. "Page"
}

// Track is one section of the book: its abstracts in programme order.
type Track struct {
	Name      string
	Abstracts []Abstract
}

// Abstract is one contribution as the book prints it.
type Abstract struct {
	Title    string
	Language string   // en, zh, kk, ru: the text's language
	Authors  []Author // in order
	Text     string   // paragraphs are separated by blank lines
	When     string   // optional: the scheduled time and room, formatted
	Kind     string   // optional: "Talk", "Poster", localized
}

// Author is one author of an abstract; the presenter is underlined.
type Author struct {
	Name        string
	Affiliation string
	Presenter   bool
}

// Write renders b as an A4 PDF to w in the embedded fonts: a title page; unless there are no tracks, the contents,
// each track from a new page, and the index of authors; page numbers in the
// footer of every page but the title page.
func Write(w io.Writer, b Book) error {
	m, err := newMeasurer()
	if err != nil {
		return err
	}
	pages, err := compose(m, b)
	if err != nil {
		return err
	}
	m.info(b.Title, b.Subtitle)
	if err := m.render(pages); err != nil {
		return err
	}
	if _, err := m.pdf.WriteTo(w); err != nil {
		return fmt.Errorf("book: write: %w", err)
	}
	return nil
}

// compose lays the whole book out: the body first, to learn its page
// numbers, then the contents, whose length does not depend on them, then the
// index of authors.
func compose(m *measurer, b Book) ([]*page, error) {
	b.Labels = b.Labels.withDefaults()
	title, err := titlePage(m, b)
	if err != nil || len(b.Tracks) == 0 {
		return title, err
	}
	body, err := layoutBody(m, b.Tracks)
	if err != nil {
		return nil, err
	}
	entries := contentsEntries(b, body)
	draft, err := layoutContents(m, b.Labels, entries)
	if err != nil {
		return nil, err
	}
	first := len(title) + len(draft) + 1 // the body's first page number
	for i := range entries {
		entries[i].page += first
	}
	contents, err := layoutContents(m, b.Labels, entries)
	if err != nil {
		return nil, err
	}
	if len(contents) != len(draft) {
		return nil, fmt.Errorf("book: the contents took %d pages, then %d", len(draft), len(contents))
	}
	index, err := layoutIndex(m, b.Labels, body.authors, first)
	if err != nil {
		return nil, err
	}
	pages := append(append(title, contents...), body.pages...)
	return append(pages, index...), nil
}

// withDefaults fills empty labels with English ones.
func (l Labels) withDefaults() Labels {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	return Labels{Contents: def(l.Contents, "Contents"), Authors: def(l.Authors, "Authors"),
		Index: def(l.Index, "Index of authors"), Page: def(l.Page, "Page")}
}
