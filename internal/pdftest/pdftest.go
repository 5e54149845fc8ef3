// Package pdftest reads PDFs back for tests with poppler's command-line
// tools (Debian's poppler-utils): their text, page by page, the face
// each piece of text is set in, and the pictures embedded. Without the tools the tests are skipped,
// except under CI=true, where they fail.
package pdftest

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tool returns the path of a poppler tool, skipping or failing the test
// when it is missing.
func tool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed: CI must read PDFs back (apt-get install poppler-utils)", name)
		}
		t.Skipf("%s is not installed (Debian package poppler-utils): skipping", name)
	}
	return path
}

// file writes pdf to a temporary file and returns its path.
func file(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Pages returns the text of each page of pdf as pdftotext -layout reads it.
func Pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", file(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// Text returns the text of pdf as pdftotext -layout reads it, pages
// separated by form feeds.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	return strings.Join(Pages(t, pdf), "\f") + "\f"
}

// Piece is a stretch of text on a page and the font it is set in.
type Piece struct {
	Text string
	Font string // the font's name in the PDF, e.g. "cjk-bold"
	Size int    // in pixels at 150% of the PDF's size, as pdftohtml says
	// Left and Width place it on its page, in the same pixels.
	Left, Width int
}

// Pieces returns every stretch of text of pdf with its font, as
// pdftohtml -xml reads them.
func Pieces(t testing.TB, pdf []byte) []Piece {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftohtml"), "-xml", "-i", "-stdout", "-q", file(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	var doc struct {
		Pages []struct {
			Fonts []struct {
				ID     string `xml:"id,attr"`
				Size   int    `xml:"size,attr"`
				Family string `xml:"family,attr"`
			} `xml:"fontspec"`
			Texts []struct {
				Font  string `xml:"font,attr"`
				Left  int    `xml:"left,attr"`
				Width int    `xml:"width,attr"`
				Inner string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	type font struct {
		family string
		size   int
	}
	fonts := map[string]font{} // font ids run on across pages
	var pieces []Piece
	for _, p := range doc.Pages {
		for _, f := range p.Fonts {
			fonts[f.ID] = font{f.Family, f.Size}
		}
		for _, x := range p.Texts {
			f := fonts[x.Font]
			pieces = append(pieces, Piece{Text: plain(x.Inner), Font: f.family, Size: f.size, Left: x.Left, Width: x.Width})
		}
	}
	return pieces
}

// plain drops the markup pdftohtml puts inside a text element (<b>, <i>,
// <a>) and unescapes the rest.
func plain(inner string) string {
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader("<x>" + inner + "</x>"))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
	return b.String()
}

// Image is a picture embedded in a PDF, as pdfimages -list reads it.
type Image struct {
	Page          int
	Width, Height int
	Encoding      string // "jpeg" for a picture kept as JPEG (DCTDecode)
}

// Images lists the pictures embedded in pdf, page by page.
func Images(t testing.TB, pdf []byte) []Image {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfimages"), "-list", file(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	var list []Image
	lines := strings.Split(string(out), "\n")
	for _, line := range lines[min(2, len(lines)):] { // a header and a rule
		f := strings.Fields(line)
		if len(f) < 9 || f[2] != "image" {
			continue
		}
		var im Image
		var ok [3]bool
		im.Page, ok[0] = atoi(f[0])
		im.Width, ok[1] = atoi(f[3])
		im.Height, ok[2] = atoi(f[4])
		if ok != [3]bool{true, true, true} {
			t.Fatalf("pdfimages: cannot read %q", line)
		}
		im.Encoding = f[8]
		list = append(list, im)
	}
	return list
}

// atoi reads a decimal number.
func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil
}
