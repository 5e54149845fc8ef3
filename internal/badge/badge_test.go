package badge

import (
	"bytes"
	"image"
	"image/jpeg"
	"strings"
	"sync"
	"testing"

	"symposium/internal/pdftest"
)

func TestBadgeRendersEveryScript(t *testing.T) {
	pdf, err := One(Badge{Event: "中国科技研讨会 · Astana", Name: "Гүлнар Шаймергенова", Latin: "Gulnar Shaimergenova",
		Organization: "Қазақстан–Қытай зерттеу орталығы", Category: "Official delegation", Ticket: "S1" + strings.Repeat("x", 128)})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Text(t, pdf)
	for _, want := range []string{"中国科技研讨会", "Гүлнар Шаймергенова", "Gulnar Shaimergenova", "Қазақстан–Қытай зерттеу орталығы", "Official delegation"} {
		if !strings.Contains(text, want) {
			t.Errorf("the badge lacks %q:\n%s", want, text)
		}
	}
}

func TestSheetOfBadges(t *testing.T) {
	var badges []Badge
	for _, n := range []string{"张伟", "Xing Fangfang", `<script>alert(1)</script>`, "Сәуле", "Айгүл"} {
		badges = append(badges, Badge{Event: "Symposium", Name: n, Category: "Participant"})
	}
	pdf, err := Sheet(badges)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Text(t, pdf)
	for _, want := range []string{"张伟", "Xing Fangfang", "<script>alert(1)</script>", "Айгүл"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet lacks %q", want)
		}
	}
	if pages := strings.Count(text, "\f"); pages != 2 {
		t.Errorf("%d pages for five badges, want 2", pages)
	}
}

// TestNamesAreBold checks that the name and the category are set in the
// bold faces, Chinese included, and the event and the Latin name in the
// regular ones.
func TestNamesAreBold(t *testing.T) {
	pdf, err := One(Badge{Event: "中国科技研讨会", Name: "张伟", Latin: "Zhang Wei", Organization: "Қазақстан–Қытай зерттеу орталығы",
		Category: "Участник 参会"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"中国科技研讨会": "cjk", "张伟": "cjk-bold", "Zhang Wei": "sans", "Қазақстан–Қытай зерттеу орталығы": "sans",
		"Участник": "sans-bold", "参会": "cjk-bold"}
	for _, p := range pdftest.Pieces(t, pdf) {
		text := strings.TrimSpace(p.Text)
		if f, ok := want[text]; ok && f != p.Font {
			t.Errorf("%q is set in %s; want %s", text, p.Font, f)
		}
		delete(want, text)
	}
	for text := range want {
		t.Errorf("the badge lacks %q", text)
	}
}

// TestConcurrentSheets prints sheets at once, as a server does, so that
// the race detector sees the fonts that documents share.
func TestConcurrentSheets(t *testing.T) {
	var wg sync.WaitGroup
	sizes := make([]int, 4)
	for i := range sizes {
		wg.Go(func() {
			pdf, err := Sheet([]Badge{{Event: "中国科技研讨会", Name: "邢芳芳", Latin: "Xing Fangfang", Category: "Official"},
				{Name: "Гүлнар Шаймергенова", Organization: "Қазақстан–Қытай зерттеу орталығы"}})
			if err != nil {
				t.Error(err)
			}
			sizes[i] = len(pdf)
		})
	}
	wg.Wait()
	for i := range sizes {
		if sizes[i] < 1000 || sizes[i] != sizes[0] {
			t.Fatalf("sheets of %v bytes; want the same sheet each time", sizes)
		}
	}
}

func TestBadgeMarksNoPhotos(t *testing.T) {
	for _, no := range []bool{true, false} {
		pdf, err := One(Badge{Event: "Symposium", Name: "Aidos Bekov", Category: "Participant", NoPhotos: no})
		if err != nil {
			t.Fatal(err)
		}
		text := pdftest.Text(t, pdf)
		if got := strings.Contains(text, "NO PHOTOS") && strings.Contains(text, "请勿拍照") && strings.Contains(text, "БЕЗ ФОТО"); got != no {
			t.Errorf("NoPhotos %v: the mark shows %v:\n%s", no, got, text)
		}
	}
}

// TestBadgeLook puts an event's logo top right and its accent on the
// category's band; a badge without them has no picture and the site's
// colour.
func TestBadgeLook(t *testing.T) {
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 200, 80)), nil); err != nil {
		t.Fatal(err)
	}
	plain, err := One(Badge{Event: "Symposium", Name: "Сәуле", Category: "Participant"})
	if err != nil {
		t.Fatal(err)
	}
	looked, err := One(Badge{Event: "Symposium", Name: "Сәуле", Category: "Participant", Accent: "#7a1f5c", Logo: jpg.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain, []byte("/Subtype /Image")) || !bytes.Contains(looked, []byte("/Subtype /Image")) {
		t.Errorf("the logo is not the badge's only picture")
	}
	if !strings.Contains(pdftest.Text(t, looked), "Сәуле") {
		t.Errorf("the badge with a logo lost its name")
	}
	for accent, want := range map[string][3]uint8{"#7a1f5c": {122, 31, 92}, "": defaultBand, "#zzzzzz": defaultBand} {
		if got := bandColour(accent); got != want {
			t.Errorf("bandColour(%q) = %v, want %v", accent, got, want)
		}
	}
}
