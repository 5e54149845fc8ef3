package outcomes

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // photos are stored as JPEG
	"strings"
	"unicode"

	"github.com/signintech/gopdf"

	"symposium/internal/fonts"
)

// A4 in points, with its margins.
const (
	pageW, pageH = 595.3, 841.9
	margin       = 56.0
	leading      = 1.35
)

// pdfWriter sets text in flowing lines on A4 pages, each character in the
// embedded face that has it, so that every script is searchable.
type pdfWriter struct {
	pdf *gopdf.GoPdf
	y   float64
	// images are the pictures to embed, by photo ID, as JPEG.
	images map[string][]byte
}

// newPDF starts a document with the embedded fonts.
func newPDF(title string) (*pdfWriter, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}})
	if err := fonts.Load(pdf); err != nil {
		return nil, fmt.Errorf("outcomes: pdf: %w", err)
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Symposium"})
	w := &pdfWriter{pdf: pdf}
	w.page()
	return w, nil
}

// page starts a new page.
func (w *pdfWriter) page() {
	w.pdf.AddPage()
	w.y = margin
}

// tokens cuts text into the pieces a line may break between: words, and
// each Chinese character on its own.
func tokens(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			flush()
			out = append(out, " ")
		case fonts.IsCJK(r):
			flush()
			out = append(out, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}

// width measures text at size.
func (w *pdfWriter) width(text string, size float64, bold bool) (float64, error) {
	total := 0.0
	for _, r := range fonts.Runs(text, bold) {
		if err := w.pdf.SetFont(string(r.Face), "", size); err != nil {
			return 0, fmt.Errorf("outcomes: pdf font: %w", err)
		}
		tw, err := w.pdf.MeasureTextWidth(r.Text)
		if err != nil {
			return 0, fmt.Errorf("outcomes: pdf measure: %w", err)
		}
		total += tw
	}
	return total, nil
}

// para sets a paragraph at size, wrapped to the text width from indent,
// and leaves space after it.
func (w *pdfWriter) para(text string, size float64, bold bool, indent float64) error {
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if err := w.wrapped(line, size, bold, indent); err != nil {
			return err
		}
	}
	w.y += size * 0.5
	return nil
}

// wrapped sets one line of text, broken into as many lines as it needs.
func (w *pdfWriter) wrapped(text string, size float64, bold bool, indent float64) error {
	room := pageW - 2*margin - indent
	var line strings.Builder
	lineW := 0.0
	for _, t := range tokens(text) {
		tw, err := w.width(t, size, bold)
		if err != nil {
			return err
		}
		if lineW+tw > room && line.Len() > 0 {
			if err := w.line(strings.TrimSpace(line.String()), size, bold, indent); err != nil {
				return err
			}
			line.Reset()
			lineW = 0
			if t == " " {
				continue
			}
		}
		line.WriteString(t)
		lineW += tw
	}
	return w.line(strings.TrimSpace(line.String()), size, bold, indent)
}

// line sets one line at the current height, starting a page when full.
func (w *pdfWriter) line(text string, size float64, bold bool, indent float64) error {
	if w.y+size*leading > pageH-margin {
		w.page()
	}
	w.pdf.SetXY(margin+indent, w.y)
	for _, r := range fonts.Runs(text, bold) {
		if err := w.pdf.SetFont(string(r.Face), "", size); err != nil {
			return fmt.Errorf("outcomes: pdf font: %w", err)
		}
		if err := w.pdf.Cell(nil, r.Text); err != nil {
			return fmt.Errorf("outcomes: pdf text: %w", err)
		}
	}
	w.y += size * leading
	return nil
}

// image embeds a JPEG picture at most maxW wide, keeping its proportions,
// starting a page when it does not fit, and leaves a little space after.
func (w *pdfWriter) image(data []byte, maxW float64) error {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("outcomes: pdf image: %w", err)
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		return fmt.Errorf("outcomes: pdf image: empty picture")
	}
	wd := min(maxW, pageW-2*margin)
	ht := wd * float64(cfg.Height) / float64(cfg.Width)
	if room := pageH - 2*margin; ht > room {
		wd, ht = wd*room/ht, room
	}
	if w.y+ht > pageH-margin {
		w.page()
	}
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return fmt.Errorf("outcomes: pdf image: %w", err)
	}
	if err := w.pdf.ImageByHolder(holder, margin, w.y, &gopdf.Rect{W: wd, H: ht}); err != nil {
		return fmt.Errorf("outcomes: pdf image: %w", err)
	}
	w.y += ht + 4
	return nil
}

// bytes finishes the document.
func (w *pdfWriter) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if _, err := w.pdf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("outcomes: pdf: %w", err)
	}
	return buf.Bytes(), nil
}
