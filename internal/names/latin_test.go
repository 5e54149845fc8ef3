package names

import (
	"strings"
	"testing"
	"time"
)

// TestLatin checks display forms.
func TestLatin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Гүлнар Шаймергенова", "Gülnar Şaimergenova"},
		{"ШАЙМЕРГЕНОВА Гүлнар", "ŞAİMERGENOVA Gülnar"},
		{"Иманғали Ізбасаров", "İmanğali Izbasarov"},
		{"ІЗБАСАРОВ", "IZBASAROV"},
		{"Гульнар Шаймергенова", "Gulnar Shaymergenova"},
		{"Пётр Васильевич", "Pyotr Vasilyevich"},
		{"Елена Юрьевна", "Yelena Yuryevna"},
		{"ЩУКИН Иван", "SHCHUKIN Ivan"},
		{"Щукин", "Shchukin"},
		{"Анна-Мария О'Нил", "Anna-Mariya O'Nil"},
		{"邢芳芳", "Xing Fangfang"},
		{"张伟", "Zhang Wei"},
		{"欧阳修", "Ouyang Xiu"},
		{"曾国藩", "Zeng Guofan"},
		{"张 伟", "Zhang Wei"},
		{"Gulnar Shaimergenova", "Gulnar Shaimergenova"},
		{"Müller", "Müller"},
		{"Иван\tПетров", "Ivan Petrov"},
	} {
		if got := Latin(c.in); got != c.want {
			t.Errorf("Latin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLatinEdgeInput checks input without letters, or with too many: no
// panic, quickly, "" where there is nothing to write, and long input cut.
func TestLatinEdgeInput(t *testing.T) {
	for _, in := range []string{"", " ", "\t\n", "😀", "\x00\x1b", "\ufeff", "\xff\xfe", "123"} {
		if got := Latin(in); got != "" {
			t.Errorf("Latin(%q) = %q, want empty", in, got)
		}
	}
	for _, in := range []string{
		strings.Repeat("Шаймергенова ", 1_000), strings.Repeat("张", 10_000), strings.Repeat("ä\u0301", 5_000),
	} {
		t0 := time.Now()
		out := Latin(in)
		if d := time.Since(t0); d > 200*time.Millisecond {
			t.Errorf("Latin of %d bytes took %v", len(in), d)
		}
		if out == "" || len(out) > 10*maxRunes {
			t.Errorf("Latin of %d bytes has %d bytes", len(in), len(out))
		}
	}
}
