package fonts

import (
	"image"
	"strings"
	"testing"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

func TestEveryFaceLoads(t *testing.T) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := Load(pdf); err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	for _, f := range Faces {
		if err := pdf.SetFont(string(f), "", 12); err != nil {
			t.Errorf("face %s: %v", f, err)
		}
	}
}

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		face Face
		has  string
		lack string
	}{
		{Sans, "AzĞğЖжҚқӘәҒғҢңӨөҰұҮүҺһІі–«»·αβ", "中文"},
		{SansBold, "AzЖжҚқӘәҒғҢңӨөҰұҮүҺһІі–«»", "中文"},
		{CJK, "中国科技研讨会邢芳芳张伟李娜镕喆堃，。、（）《》「」・　ＡＢ", "AҚЖ學"},
		{CJKBold, "中国科技研讨会邢芳芳张伟李娜镕喆堃，。、（）《》「」・　ＡＢ", "AҚЖ學"},
	} {
		for _, r := range c.has {
			if !Has(c.face, r) {
				t.Errorf("%s lacks %q", c.face, r)
			}
		}
		for _, r := range c.lack {
			if Has(c.face, r) {
				t.Errorf("%s has %q; want it left out", c.face, r)
			}
		}
	}
}

func TestForChoosesByScriptThenCoverage(t *testing.T) {
	for _, c := range []struct {
		r    rune
		bold bool
		want Face
		ok   bool
	}{
		{'A', false, Sans, true},
		{'Қ', true, SansBold, true},
		{'中', false, CJK, true},
		{'中', true, CJKBold, true},
		{'，', false, CJK, true},
		{'«', true, SansBold, true},
		{'😀', false, Sans, false},
		{'學', true, CJKBold, false}, // a traditional character, outside the subset
	} {
		got, ok := For(c.r, c.bold)
		if got != c.want || ok != c.ok {
			t.Errorf("For(%q, %v) = %s, %v; want %s, %v", c.r, c.bold, got, ok, c.want, c.ok)
		}
	}
}

func TestRuns(t *testing.T) {
	got := Runs("张伟 Гүлнар，😀中", true)
	want := []Run{{"张伟", CJKBold}, {" Гүлнар", SansBold}, {"，", CJKBold}, {"?", SansBold}, {"中", CJKBold}}
	if len(got) != len(want) {
		t.Fatalf("Runs = %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %q; want %q", i, got[i], want[i])
		}
	}
}

// ink rasterizes the glyph of r in the font of file at 64 pixels to the em
// and returns the share of its bounding box that is dark, and its dark
// area in pixels.
func ink(t *testing.T, file string, r rune) (share, area float64) {
	t.Helper()
	data, err := files.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	gi, err := f.GlyphIndex(&buf, r)
	if err != nil || gi == 0 {
		t.Fatalf("%s has no glyph for %q: %v", file, r, err)
	}
	const ppem = 64
	segs, err := f.LoadGlyph(&buf, gi, fixed.I(ppem), nil)
	if err != nil {
		t.Fatal(err)
	}
	const size, origin = 2 * ppem, ppem * 3 / 2 // room around the glyph; baseline at origin
	z := vector.NewRasterizer(size, size)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X)/64 + ppem/4, float32(p.Y)/64 + origin
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	dst := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(dst, dst.Bounds(), image.Opaque, image.Point{})
	box := image.Rectangle{Min: image.Pt(size, size)}
	for y := range size {
		for x := range size {
			if a := dst.AlphaAt(x, y).A; a > 0 {
				area += float64(a) / 255
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return area / float64(box.Dx()*box.Dy()), area
}

// TestBoldIsHeavier checks that the synthetic bold really darkens the
// Chinese characters, and that the densest keep their counters open.
func TestBoldIsHeavier(t *testing.T) {
	for _, r := range "中国张伟研讨会量赢餐疆囊矗" {
		_, regular := ink(t, fileOf[CJK], r)
		share, bold := ink(t, fileOf[CJKBold], r)
		if bold < regular*1.25 {
			t.Errorf("%q: %.0f pixels of ink in bold, %.0f in regular; want bold clearly heavier", r, bold, regular)
		}
		if share > 0.8 {
			t.Errorf("%q: bold fills %.0f%% of its box; want its counters open", r, share*100)
		}
	}
	_, regular := ink(t, fileOf[Sans], 'Қ')
	if _, bold := ink(t, fileOf[SansBold], 'Қ'); bold < regular*1.25 {
		t.Errorf("DejaVu Sans Bold is not heavier than DejaVu Sans: %.0f, %.0f", bold, regular)
	}
}

func TestLicencesAreEmbedded(t *testing.T) {
	for name, want := range map[string]string{
		"LICENSE-DejaVu.txt":     "Bitstream Vera",
		"LICENSE-Droid.txt":      "Apache",
		"LICENSE-Apache-2.0.txt": "Apache License",
		"README.md":              "How to make them again",
	} {
		b, err := files.ReadFile(name)
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s is not embedded or lacks %q: %v", name, want, err)
		}
	}
}
