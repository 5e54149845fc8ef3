package outcomes

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"sort"
	"time"

	"symposium"
)

// AtomNS is the namespace of the Atom syndication format (RFC 4287).
const AtomNS = "http://www.w3.org/2005/Atom"

// Feed is an Atom feed.
type Feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []Link   `xml:"link"`
	Author  *Person  `xml:"author,omitempty"`
	Entries []Entry  `xml:"entry"`
}

// Entry is one entry of an Atom feed.
type Entry struct {
	ID        string `xml:"id"`
	Title     Text   `xml:"title"`
	Updated   string `xml:"updated"`
	Published string `xml:"published,omitempty"`
	Links     []Link `xml:"link"`
	Summary   *Text  `xml:"summary,omitempty"`
	Content   *Text  `xml:"content,omitempty"`
}

// Text is an Atom text construct in plain text, with its language.
type Text struct {
	Type string `xml:"type,attr,omitempty"`
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Body string `xml:",chardata"`
}

// Link is an Atom link.
type Link struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Href     string `xml:"href,attr"`
	Type     string `xml:"type,attr,omitempty"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
}

// Person is an Atom person construct.
type Person struct {
	Name string `xml:"name"`
}

// NewsFeed returns the site's Atom feed in the language asked for: the
// published news and the published reports of public events, newest
// first, with the site's title.
func (s *Service) NewsFeed(ctx context.Context, lang, siteTitle string) ([]byte, error) {
	news, err := s.store.NewsPosts(ctx, false, 50)
	if err != nil {
		return nil, err
	}
	reports, err := s.store.PublishedReports(ctx, 50)
	if err != nil {
		return nil, err
	}
	f := Feed{ID: s.BaseURL + "/news", Title: siteTitle, Author: &Person{Name: siteTitle},
		Links: []Link{{Rel: "self", Href: s.BaseURL + "/news.atom", Type: "application/atom+xml"}, {Rel: "alternate", Href: s.BaseURL + "/news"}}}
	for _, n := range news {
		f.Entries = append(f.Entries, s.newsEntry(n, lang))
	}
	for _, r := range reports {
		e, err := s.store.EventByID(ctx, r.EventID)
		if err != nil {
			return nil, err
		}
		f.Entries = append(f.Entries, s.reportEntry(e, r, lang))
	}
	sort.SliceStable(f.Entries, func(i, j int) bool { return f.Entries[i].Updated > f.Entries[j].Updated })
	f.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	if len(f.Entries) > 0 {
		f.Updated = f.Entries[0].Updated
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("outcomes: atom: %w", err)
	}
	return buf.Bytes(), nil
}

// text returns a localized text in lang, or its fallback, as Atom text.
func text(t symposium.LocalizedText, lang, fallback string) Text {
	body, got := t.Pick(lang, fallback)
	return Text{Type: "text", Lang: got, Body: body}
}

func (s *Service) newsEntry(n *symposium.NewsPost, lang string) Entry {
	link := s.BaseURL + "/news/" + n.ID
	body := text(n.Body, lang, "")
	body.Body = Plain(body.Body)
	at := n.UpdatedAt.UTC().Format(time.RFC3339)
	return Entry{ID: link, Title: text(n.Title, lang, ""), Updated: at, Published: n.PublishedAt.UTC().Format(time.RFC3339),
		Links: []Link{{Rel: "alternate", Href: link + "?lang=" + lang, HrefLang: lang}}, Content: &body}
}

func (s *Service) reportEntry(e *symposium.Event, r *symposium.Report, lang string) Entry {
	link := s.BaseURL + "/events/" + e.Slug + "/report"
	summary := text(e.Summary, lang, e.DefaultLanguage)
	if intro := text(r.Introduction, lang, e.DefaultLanguage); intro.Body != "" {
		summary = intro
		summary.Body = Plain(summary.Body)
	}
	entry := Entry{ID: link, Title: text(e.Title, lang, e.DefaultLanguage), Updated: r.UpdatedAt.UTC().Format(time.RFC3339),
		Published: r.PublishedAt.UTC().Format(time.RFC3339), Summary: &summary,
		Links: []Link{{Rel: "alternate", Href: link + "?lang=" + lang, HrefLang: lang},
			{Rel: "enclosure", Href: link + ".pdf?lang=" + lang, Type: "application/pdf"}}}
	return entry
}
