package i18n

import (
	"math"
	"testing"
	"time"
)

var bundle = Must(New())

func TestDates(t *testing.T) {
	may14 := time.Date(2026, 5, 14, 9, 30, 0, 0, time.UTC)
	may22 := time.Date(2024, 5, 22, 9, 5, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		lang, date, short, long, dateTime string
	}{
		{"en", "14 May 2026", "Wed 22 May", "Wednesday, 22 May 2024", "14 May 2026, 09:30"},
		{"ru", "14 мая 2026 г.", "ср, 22 мая", "среда, 22 мая 2024 г.", "14 мая 2026 г., 09:30"},
		{"kk", "2026 ж. 14 мамыр", "ср, 22 мамыр", "2024 ж. 22 мамыр, сәрсенбі", "2026 ж. 14 мамыр, 09:30"},
		{"zh", "2026年5月14日", "5月22日 周三", "2024年5月22日 星期三", "2026年5月14日 09:30"},
	}
	for _, tt := range tests {
		l := bundle.For(tt.lang)
		for _, c := range []struct{ name, got, want string }{
			{"Date", l.Date(may14), tt.date},
			{"DateShort", l.DateShort(may22), tt.short},
			{"DateLong", l.DateLong(may22), tt.long},
			{"DateTime", l.DateTime(may14), tt.dateTime},
			{"Time", l.Time(may14), "09:30"},
			{"Time before ten", l.Time(may22), "09:05"},
			{"Time in the afternoon", l.Time(may14.Add(8 * time.Hour)), "17:30"},
		} {
			if c.got != c.want {
				t.Errorf("%s %s = %q, want %q", tt.lang, c.name, c.got, c.want)
			}
		}
	}
}

func TestDateRange(t *testing.T) {
	day := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		lang, sameDay, sameMonth, otherMonth, otherYear, yearLater string
	}{
		{"en", "22 May 2026", "22–23 May 2026", "30 May 2026 – 2 June 2026", "30 December 2026 – 2 January 2027",
			"22 May 2026 – 22 May 2027"},
		{"ru", "22 мая 2026 г.", "22–23 мая 2026 г.", "30 мая 2026 г. – 2 июня 2026 г.", "30 декабря 2026 г. – 2 января 2027 г.",
			"22 мая 2026 г. – 22 мая 2027 г."},
		{"kk", "2026 ж. 22 мамыр", "2026 ж. 22–23 мамыр", "2026 ж. 30 мамыр – 2026 ж. 2 маусым", "2026 ж. 30 желтоқсан – 2027 ж. 2 қаңтар",
			"2026 ж. 22 мамыр – 2027 ж. 22 мамыр"},
		{"zh", "2026年5月22日", "2026年5月22日至23日", "2026年5月30日至2026年6月2日", "2026年12月30日至2027年1月2日",
			"2026年5月22日至2027年5月22日"},
	}
	for _, tt := range tests {
		l := bundle.For(tt.lang)
		for _, c := range []struct {
			name string
			a, b time.Time
			want string
		}{
			{"same day", day(2026, 5, 22, 9), day(2026, 5, 22, 18), tt.sameDay},
			{"same month", day(2026, 5, 22, 9), day(2026, 5, 23, 18), tt.sameMonth},
			{"other month", day(2026, 5, 30, 9), day(2026, 6, 2, 18), tt.otherMonth},
			{"other year", day(2026, 12, 30, 9), day(2027, 1, 2, 18), tt.otherYear},
			{"a year later", day(2026, 5, 22, 9), day(2027, 5, 22, 9), tt.yearLater},
		} {
			if got := l.DateRange(c.a, c.b); got != c.want {
				t.Errorf("%s DateRange %s = %q, want %q", tt.lang, c.name, got, c.want)
			}
		}
	}
}

func TestMonthsAndWeekdays(t *testing.T) {
	tests := []struct {
		lang              string
		months            [3]string // January, May, December
		wednesday, sunday string
	}{
		{"en", [3]string{"January", "May", "December"}, "Wednesday", "Sunday"},
		{"ru", [3]string{"январь", "май", "декабрь"}, "среда", "воскресенье"},
		{"kk", [3]string{"қаңтар", "мамыр", "желтоқсан"}, "сәрсенбі", "жексенбі"},
		{"zh", [3]string{"一月", "五月", "十二月"}, "星期三", "星期日"},
	}
	for _, tt := range tests {
		l := bundle.For(tt.lang)
		for i, m := range []time.Month{time.January, time.May, time.December} {
			if got := l.Month(m); got != tt.months[i] {
				t.Errorf("%s Month(%v) = %q, want %q", tt.lang, m, got, tt.months[i])
			}
		}
		if got := l.Weekday(time.Wednesday); got != tt.wednesday {
			t.Errorf("%s Weekday(Wednesday) = %q, want %q", tt.lang, got, tt.wednesday)
		}
		if got := l.Weekday(time.Sunday); got != tt.sunday {
			t.Errorf("%s Weekday(Sunday) = %q, want %q", tt.lang, got, tt.sunday)
		}
		if got := l.Month(13); got != "13" {
			t.Errorf("%s Month(13) = %q, want the number", tt.lang, got)
		}
	}
	kk := []string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
	ru := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	for m := time.January; m <= time.December; m++ {
		d := time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC)
		if got, want := bundle.For("kk").Date(d), "2026 ж. 1 "+kk[m-1]; got != want {
			t.Errorf("kk Date = %q, want %q", got, want)
		}
		if got, want := bundle.For("ru").Date(d), "1 "+ru[m-1]+" 2026 г."; got != want {
			t.Errorf("ru Date = %q, want %q", got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	const nb = "\u00a0" // the no-break space Russian and Kazakh group with
	tests := []struct {
		n              int64
		en, zh, ru, kk string
	}{
		{0, "0", "0", "0", "0"},
		{999, "999", "999", "999", "999"},
		{1000, "1,000", "1,000", "1" + nb + "000", "1" + nb + "000"},
		{1234567, "1,234,567", "1,234,567", "1" + nb + "234" + nb + "567", "1" + nb + "234" + nb + "567"},
		{-1234, "-1,234", "-1,234", "-1" + nb + "234", "-1" + nb + "234"},
		{-999, "-999", "-999", "-999", "-999"},
		{math.MinInt64, "-9,223,372,036,854,775,808", "-9,223,372,036,854,775,808",
			"-9" + nb + "223" + nb + "372" + nb + "036" + nb + "854" + nb + "775" + nb + "808",
			"-9" + nb + "223" + nb + "372" + nb + "036" + nb + "854" + nb + "775" + nb + "808"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "zh": tt.zh, "ru": tt.ru, "kk": tt.kk} {
			if got := bundle.For(lang).Number(tt.n); got != want {
				t.Errorf("%s Number(%d) = %q, want %q", lang, tt.n, got, want)
			}
		}
	}
}

func TestLanguageName(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "English"}, {"zh", "中文"}, {"kk", "Қазақша"}, {"ru", "Русский"}, {"fr", "fr"},
	}
	for _, reader := range []string{"en", "zh", "kk", "ru"} {
		for _, tt := range tests {
			if got := bundle.For(reader).LanguageName(tt.tag); got != tt.want {
				t.Errorf("%s LanguageName(%s) = %q, want %q", reader, tt.tag, got, tt.want)
			}
		}
	}
}
