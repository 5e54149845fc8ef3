package i18n

import (
	"testing"
	"time"
)

var bundle = Must(New())

func TestDates(t *testing.T) {
	day := time.Date(2024, 5, 22, 9, 5, 0, 0, time.UTC)
	next := time.Date(2024, 5, 23, 0, 0, 0, 0, time.UTC)
	june := time.Date(2024, 6, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, date, short, dateTime, sameMonth, otherMonth, month string
	}{
		{"en", "22 May 2024", "Wed 22 May", "22 May 2024, 09:05", "22–23 May 2024", "22 May 2024 – 2 June 2024", "May"},
		{"ru", "22 мая 2024 г.", "ср, 22 мая", "22 мая 2024 г., 09:05", "22–23 мая 2024 г.", "22 мая 2024 г. – 2 июня 2024 г.", "май"},
		{"kk", "2024 ж. 22 мамыр", "ср, 22 мамыр", "2024 ж. 22 мамыр, 09:05", "2024 ж. 22–23 мамыр", "2024 ж. 22 мамыр – 2024 ж. 2 маусым", "мамыр"},
		{"zh", "2024年5月22日", "5月22日 周三", "2024年5月22日 09:05", "2024年5月22日至23日", "2024年5月22日至2024年6月2日", "五月"},
	}
	for _, tt := range tests {
		l := bundle.For(tt.lang)
		for _, c := range []struct{ name, got, want string }{
			{"Date", l.Date(day), tt.date},
			{"DateShort", l.DateShort(day), tt.short},
			{"DateTime", l.DateTime(day), tt.dateTime},
			{"DateRange same day", l.DateRange(day, day.Add(3*time.Hour)), tt.date},
			{"DateRange same month", l.DateRange(day, next), tt.sameMonth},
			{"DateRange", l.DateRange(day, june), tt.otherMonth},
			{"Month", l.Month(time.May), tt.month},
			{"Time", l.Time(day), "09:05"},
		} {
			if c.got != c.want {
				t.Errorf("%s %s = %q, want %q", tt.lang, c.name, c.got, c.want)
			}
		}
	}
	for lang, want := range map[string]string{"en": "Wednesday, 22 May 2024", "ru": "среда, 22 мая 2024 г.",
		"kk": "2024 ж. 22 мамыр, сәрсенбі", "zh": "2024年5月22日 星期三"} {
		if got := bundle.For(lang).DateLong(day); got != want {
			t.Errorf("%s DateLong = %q, want %q", lang, got, want)
		}
	}
	if got := bundle.For("kk").Weekday(time.Wednesday); got != "сәрсенбі" {
		t.Errorf("kk Wednesday = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	nb := "\u00a0"
	tests := []struct {
		lang string
		n    int64
		want string
	}{
		{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"en", 1234567, "1,234,567"}, {"en", -1234, "-1,234"},
		{"zh", 1234567, "1,234,567"},
		{"ru", 1000, "1" + nb + "000"}, {"ru", 1234567, "1" + nb + "234" + nb + "567"}, {"kk", -1234, "-1" + nb + "234"},
	}
	for _, tt := range tests {
		if got := bundle.For(tt.lang).Number(tt.n); got != tt.want {
			t.Errorf("%s Number(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"ru", 1, "1 участник"}, {"ru", 2, "2 участника"}, {"ru", 5, "5 участников"}, {"ru", 21, "21 участник"},
		{"ru", 22, "22 участника"}, {"ru", 25, "25 участников"}, {"ru", 111, "111 участников"}, {"ru", 1000, "1\u00a0000 участников"},
		{"en", 1, "1 participant"}, {"en", 2, "2 participants"}, {"en", 1000, "1,000 participants"},
		{"kk", 1, "1 қатысушы"}, {"kk", 5, "5 қатысушы"},
		{"zh", 1, "1 位参与者"}, {"zh", 21, "21 位参与者"},
	}
	for _, tt := range tests {
		if got := bundle.For(tt.lang).N("plural.participants", tt.count); got != tt.want {
			t.Errorf("%s N(%d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

func TestMessages(t *testing.T) {
	if got := bundle.For("ru").T("error.field.too_long", "Max", 200); got != "Не более 200 символов." {
		t.Errorf("ru too_long = %q", got)
	}
	if got := bundle.For("xx").T("nav.signin"); got != "Sign in" {
		t.Errorf("unknown language falls back to English: %q", got)
	}
	if got := bundle.For("zh").T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key = %q, want the key", got)
	}
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		if got := bundle.For("en").LanguageName(lang); got != endonyms[lang] {
			t.Errorf("LanguageName(%s) = %q", lang, got)
		}
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct{ query, cookie, header, want string }{
		{"kk", "ru", "zh", "kk"},
		{"", "ru", "zh", "ru"},
		{"fr", "de", "zh-CN,zh;q=0.9", "zh"},
		{"", "", "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"},
		{"", "", "de-DE,de;q=0.9,kk;q=0.5,ru;q=0.4", "kk"},
		{"", "", "en;q=0.2, zh-Hans;q=0.8", "zh"},
		{"", "", "kk-KZ", "kk"},
		{"", "", "fr", "en"},
		{"", "", "ru;q=abc,,;;", "en"},
		{"", "", "", "en"},
	}
	for _, tt := range tests {
		if got := Negotiate(tt.query, tt.cookie, tt.header); got != tt.want {
			t.Errorf("Negotiate(%q, %q, %q) = %q, want %q", tt.query, tt.cookie, tt.header, got, tt.want)
		}
	}
}

func TestFastMessagesMatchTemplates(t *testing.T) {
	// Every simple message filled by T must read as go-i18n would write it.
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		l := bundle.For(lang)
		for key := range l.plain {
			args := []any{"Name", "Гүлнар", "Event", "中国科技研讨会", "When", "22 May", "Link", "http://x/?a=1&b=2",
				"Ticket", "S1abc", "Max", 1000, "Min", 10, "Lang", "kk", "Allowed", "a, b", "Status", "x", "Zone", "Astana (UTC+5)",
				"Room", "Hall", "Title", "T", "Start", "10:00", "End", "10:15", "Person", "P", "Filled", 2, "Of", 5}
			if got, want := l.T(key, args...), l.localize(key, nil, args); got != want {
				t.Errorf("%s %s: T = %q, go-i18n = %q", lang, key, got, want)
			}
		}
	}
}
