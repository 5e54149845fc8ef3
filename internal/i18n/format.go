package i18n

import (
	"strings"
	"time"
)

// Go's time.Format knows only English names, so each language's months and
// weekdays are written out here. Russian dates use the genitive ("22 мая").
var (
	monthsGenitive = map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		"kk": {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
	}
	monthsNominative = map[string][12]string{
		"en": monthsGenitive["en"],
		"ru": {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		"kk": monthsGenitive["kk"],
		"zh": {"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"},
	}
	monthsShort = map[string][12]string{
		"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
	weekdays = map[string][7]string{
		"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"ru": {"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
		"kk": {"жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"},
		"zh": {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
	}
	weekdaysShort = map[string][7]string{
		"en": {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		"ru": {"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
		"kk": {"жс", "дс", "сс", "ср", "бс", "жм", "сб"},
		"zh": {"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
	}
)

// Date writes a date: "22 May 2024", "22 мая 2024 г.", "2024 ж. 22 мамыр",
// "2024年5月22日".
func (l *Localizer) Date(t time.Time) string {
	d, m, y := itoa(t.Day()), t.Month()-1, itoa(t.Year())
	switch l.Lang {
	case "ru":
		return d + " " + monthsGenitive["ru"][m] + " " + y + " г."
	case "kk":
		return y + " ж. " + d + " " + monthsGenitive["kk"][m]
	case "zh":
		return y + "年" + itoa(int(t.Month())) + "月" + d + "日"
	}
	return d + " " + monthsGenitive["en"][m] + " " + y
}

// DateShort writes a weekday and a day of the month, for day tabs: "Wed 22
// May", "ср, 22 мая", "ср, 22 мамыр", "5月22日 周三".
func (l *Localizer) DateShort(t time.Time) string {
	d, m, wd := itoa(t.Day()), t.Month()-1, t.Weekday()
	switch l.Lang {
	case "ru", "kk":
		return weekdaysShort[l.Lang][wd] + ", " + d + " " + monthsGenitive[l.Lang][m]
	case "zh":
		return itoa(int(t.Month())) + "月" + d + "日 " + weekdaysShort["zh"][wd]
	}
	return weekdaysShort["en"][wd] + " " + d + " " + monthsShort["en"][m]
}

// DateLong writes a date with its weekday: "Wednesday, 22 May 2024",
// "среда, 22 мая 2024 г.", "2024 ж. 22 мамыр, сәрсенбі", "2024年5月22日 星期三".
func (l *Localizer) DateLong(t time.Time) string {
	wd := l.Weekday(t.Weekday())
	switch l.Lang {
	case "zh":
		return l.Date(t) + " " + wd
	case "kk":
		return l.Date(t) + ", " + wd
	}
	return wd + ", " + l.Date(t)
}

// Time writes a time of day on the 24-hour clock: "09:30".
func (l *Localizer) Time(t time.Time) string { return t.Format("15:04") }

// DateTime writes a date and a time of day.
func (l *Localizer) DateTime(t time.Time) string {
	switch l.Lang {
	case "zh":
		return l.Date(t) + " " + l.Time(t)
	case "ru", "kk":
		return l.Date(t) + ", " + l.Time(t)
	}
	return l.Date(t) + ", " + l.Time(t)
}

// DateRange writes the days from a to b: one date when they are the same
// day, "22–23 May 2024" within a month, and two full dates otherwise.
func (l *Localizer) DateRange(a, b time.Time) string {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	switch {
	case ay == by && am == bm && ad == bd:
		return l.Date(a)
	case ay == by && am == bm:
		days := itoa(ad) + "–" + itoa(bd)
		switch l.Lang {
		case "ru":
			return days + " " + monthsGenitive["ru"][am-1] + " " + itoa(ay) + " г."
		case "kk":
			return itoa(ay) + " ж. " + days + " " + monthsGenitive["kk"][am-1]
		case "zh":
			return itoa(ay) + "年" + itoa(int(am)) + "月" + itoa(ad) + "日至" + itoa(bd) + "日"
		}
		return days + " " + monthsGenitive["en"][am-1] + " " + itoa(ay)
	}
	if l.Lang == "zh" {
		return l.Date(a) + "至" + l.Date(b)
	}
	return l.Date(a) + " – " + l.Date(b)
}

// Month writes a month's name as it stands alone: "May", "май", "мамыр",
// "五月".
func (l *Localizer) Month(m time.Month) string {
	names, ok := monthsNominative[l.Lang]
	if !ok {
		names = monthsNominative["en"]
	}
	return names[m-1]
}

// Weekday writes a day of the week.
func (l *Localizer) Weekday(d time.Weekday) string {
	names, ok := weekdays[l.Lang]
	if !ok {
		names = weekdays["en"]
	}
	return names[d]
}

// Number writes an integer with the grouping of the language: "1,234,567"
// in English and Chinese, "1 234 567" in Russian and Kazakh, grouped with a
// no-break space (U+00A0) so that a number never breaks across lines.
func (l *Localizer) Number(n int64) string {
	sep := ","
	if l.Lang == "ru" || l.Lang == "kk" {
		sep = "\u00a0"
	}
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	digits := []byte(itoa64(u))
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(c)
	}
	return b.String()
}

func itoa64(u uint64) string {
	if u == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	return string(buf[i:])
}

// endonyms are the languages' names for themselves.
var endonyms = map[string]string{"en": "English", "zh": "中文", "kk": "Қазақша", "ru": "Русский"}

// LanguageName returns a language's own name, whatever the reader's
// language: English, 中文, Қазақша, Русский.
func (l *Localizer) LanguageName(tag string) string {
	if n, ok := endonyms[tag]; ok {
		return n
	}
	return tag
}
