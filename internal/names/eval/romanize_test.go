package eval

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestRomanize checks the generator's romanizations against the
// standards' examples.
func TestRomanize(t *testing.T) {
	for _, c := range []struct {
		in   string
		sc   scheme
		want string
	}{
		{"Гүлнар Шаймергенова", kk2021, "Gülnar Şaimergenova"},
		{"Гүлнар Шаймергенова", kk2018, "Gúlnar Shaımergenova"},
		{"Гүлнар Шаймергенова", icao, "Gulnar Shaimergenova"},
		{"Иманғали Ізбасаров", kk2021, "İmanğali Izbasarov"},
		{"Нұрсұлу Уәлиханова", kk2018, "Nursulý Ýálıhanova"},
		{"Евгений Васильевич Григорьев", bgn, "Yevgeniy Vasilyevich Grigoryev"},
		{"Евгений Васильевич Григорьев", icao, "Evgenii Vasilevich Grigorev"},
		{"Евгений Васильевич Григорьев", iso9, "Evgenij Vasilʹevič Grigorʹev"},
		{"Юлия Щукина", bgn, "Yuliya Shchukina"},
		{"Юлия Щукина", icao, "Iuliia Shchukina"},
		{"Юлия Щукина", iso9, "Ûliâ Ŝukina"},
		{"Пётр Цветков", bgn, "Pyotr Tsvetkov"},
		{"Пётр Цветков", iso9, "Pëtr Cvetkov"},
	} {
		if got := romanize(c.in, c.sc); got != c.want {
			t.Errorf("romanize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := keyboard("Сәуле Құрманғазы"); got != "Сауле Курмангазы" {
		t.Errorf("keyboard = %q", got)
	}
}

// TestRussianForms checks patronymics and the feminine forms of
// surnames.
func TestRussianForms(t *testing.T) {
	for _, c := range []struct {
		father, son, daughter string
	}{
		{"Иван", "Иванович", "Ивановна"}, {"Сергей", "Сергеевич", "Сергеевна"},
		{"Юрий", "Юрьевич", "Юрьевна"}, {"Игорь", "Игоревич", "Игоревна"},
		{"Николай", "Николаевич", "Николаевна"}, {"Илья", "Ильич", "Ильинична"},
	} {
		if got := patronymic(c.father, false); got != c.son {
			t.Errorf("patronymic(%s) = %s, want %s", c.father, got, c.son)
		}
		if got := patronymic(c.father, true); got != c.daughter {
			t.Errorf("patronymic(%s, female) = %s, want %s", c.father, got, c.daughter)
		}
	}
	for in, want := range map[string]string{
		"Иванов": "Иванова", "Ильин": "Ильина", "Островский": "Островская", "Толстой": "Толстая",
		"Соловьёв": "Соловьёва", "Черных": "Черных", "Шевченко": "Шевченко", "Әуезов": "Әуезова",
	} {
		if got := feminine(in, true); got != want {
			t.Errorf("feminine(%s) = %s, want %s", in, got, want)
		}
		if got := feminine(in, false); got != in {
			t.Errorf("feminine(%s, male) = %s", in, got)
		}
	}
}

// TestTypo checks that a typo is exactly one edit, ignoring case (a
// transposition keeps the capital in its place), and leaves letters.
func TestTypo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range []string{"Zhang Wei", "Li Na", "SMITH, John", "Сауле Жумабаева", "Evgenij Vasilʹevič", "O'Brien Mary", "Gülnar Şaimergenova"} {
		for range 200 {
			got := typo(rng, s)
			if d := editDistance([]rune(strings.ToLower(s)), []rune(strings.ToLower(got))); d != 1 {
				t.Fatalf("typo(%q) = %q, %d edits", s, got, d)
			}
			if latin := func(r rune) bool { return unicode.Is(unicode.Latin, r) }; !strings.ContainsFunc(s, latin) && strings.ContainsFunc(got, latin) {
				t.Fatalf("typo(%q) = %q, Latin in Cyrillic", s, got)
			}
			if len(letterPositions([]rune(got))) == 0 {
				t.Fatalf("typo(%q) = %q has no letters", s, got)
			}
		}
	}
}

// editDistance is the optimal-string-alignment distance of two strings of
// runes: insertions, deletions, substitutions and transpositions of
// neighbours, each one edit.
func editDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
