package badge

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func printer(t *testing.T) *Printer {
	t.Helper()
	fonts, err := FindFonts(os.Getenv("SYMPOSIUM_FONT_DIR"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return NewPrinter(fonts)
}

// pdfText extracts the text of a PDF with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed (Debian package poppler-utils)")
		}
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "badge.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestBadgeRendersEveryScript(t *testing.T) {
	p := printer(t)
	pdf, err := p.One(Badge{Event: "中国科技研讨会 · Astana", Name: "Гүлнар Шаймергенова", Latin: "Gulnar Shaimergenova",
		Organization: "Қазақстан–Қытай зерттеу орталығы", Category: "Official delegation", Ticket: "S1" + strings.Repeat("x", 128)})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"中国科技研讨会", "Гүлнар Шаймергенова", "Gulnar Shaimergenova", "Қазақстан–Қытай зерттеу орталығы", "Official delegation"} {
		if !strings.Contains(text, want) {
			t.Errorf("the badge lacks %q:\n%s", want, text)
		}
	}
}

func TestSheetOfBadges(t *testing.T) {
	p := printer(t)
	var badges []Badge
	for _, n := range []string{"张伟", "Xing Fangfang", `<script>alert(1)</script>`, "Сәуле", "Айгүл"} {
		badges = append(badges, Badge{Event: "Symposium", Name: n, Category: "Participant"})
	}
	pdf, err := p.Sheet(badges)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"张伟", "Xing Fangfang", "<script>alert(1)</script>", "Айгүл"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet lacks %q", want)
		}
	}
	if pages := strings.Count(text, "\f"); pages != 2 {
		t.Errorf("%d pages for five badges, want 2", pages)
	}
}

func TestMissingFontIsNamed(t *testing.T) {
	saved := fontDirs
	fontDirs = []string{t.TempDir()}
	defer func() { fontDirs = saved }()
	_, err := FindFonts("")
	if err == nil || !strings.Contains(err.Error(), "DroidSansFallbackFull.ttf") || !strings.Contains(err.Error(), "fonts-droid-fallback") {
		t.Errorf("err = %v; want it to name the missing font and its package", err)
	}
}
