package i18n

import (
	"strconv"
	"time"
)

// Go's time.Format knows only English names, so each language's months and
// weekdays are written out here. Russian dates use the genitive ("22 мая"),
// Month the nominative ("май"); Kazakh months do not change.
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
	monthsShortEnglish = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	weekdays           = map[string][7]string{
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

// Date writes a date: "14 May 2026", "14 мая 2026 г.", "2026 ж. 14 мамыр",
// "2026年5月14日".
func (l *Localizer) Date(t time.Time) string {
	y, m, d := t.Date()
	return l.days(y, m, itoa(d))
}

// days writes a date whose day part is already written, a single day or a
// span such as "22–23".
func (l *Localizer) days(y int, m time.Month, d string) string {
	switch l.Lang {
	case "ru":
		return d + " " + monthsGenitive["ru"][m-1] + " " + itoa(y) + " г."
	case "kk":
		return itoa(y) + " ж. " + d + " " + monthsGenitive["kk"][m-1]
	case "zh":
		return itoa(y) + "年" + itoa(int(m)) + "月" + d + "日"
	}
	return d + " " + monthsGenitive["en"][m-1] + " " + itoa(y)
}

// DateShort writes a weekday and a day of the month, for the day tabs of a
// timetable: "Wed 22 May", "ср, 22 мая", "ср, 22 мамыр", "5月22日 周三".
func (l *Localizer) DateShort(t time.Time) string {
	_, m, d := t.Date()
	wd := t.Weekday()
	switch l.Lang {
	case "ru", "kk":
		return weekdaysShort[l.Lang][wd] + ", " + itoa(d) + " " + monthsGenitive[l.Lang][m-1]
	case "zh":
		return itoa(int(m)) + "月" + itoa(d) + "日 " + weekdaysShort["zh"][wd]
	}
	return weekdaysShort["en"][wd] + " " + itoa(d) + " " + monthsShortEnglish[m-1]
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

// Time writes a time of day on the 24-hour clock, "09:30", in every
// language.
func (l *Localizer) Time(t time.Time) string { return t.Format("15:04") }

// DateTime writes a date and a time of day: "14 May 2026, 09:30",
// "14 мая 2026 г., 09:30", "2026 ж. 14 мамыр, 09:30", "2026年5月14日 09:30".
func (l *Localizer) DateTime(t time.Time) string {
	if l.Lang == "zh" {
		return l.Date(t) + " " + l.Time(t)
	}
	return l.Date(t) + ", " + l.Time(t)
}

// DateRange writes the days from a to b: one date when they are the same
// day; "22–23 May 2026", "22–23 мая 2026 г.", "2026 ж. 22–23 мамыр",
// "2026年5月22日至23日" within a month; otherwise two full dates joined by
// a spaced en dash, or by 至 in Chinese, as Chinese writes any range.
func (l *Localizer) DateRange(a, b time.Time) string {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	switch {
	case ay == by && am == bm && ad == bd:
		return l.Date(a)
	case ay == by && am == bm && l.Lang == "zh":
		return l.Date(a) + "至" + itoa(bd) + "日"
	case ay == by && am == bm:
		return l.days(ay, am, itoa(ad)+"–"+itoa(bd))
	case l.Lang == "zh":
		return l.Date(a) + "至" + l.Date(b)
	}
	return l.Date(a) + " – " + l.Date(b)
}

// Month writes a month's name as it stands alone: "May", "май", "мамыр",
// "五月". A value outside January to December is written as its number.
func (l *Localizer) Month(m time.Month) string {
	if m < time.January || m > time.December {
		return itoa(int(m))
	}
	names, ok := monthsNominative[l.Lang]
	if !ok {
		names = monthsNominative["en"]
	}
	return names[m-1]
}

// Weekday writes a day of the week: "Wednesday", "среда", "сәрсенбі",
// "星期三". A value outside Sunday to Saturday is written as its number.
func (l *Localizer) Weekday(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return itoa(int(d))
	}
	names, ok := weekdays[l.Lang]
	if !ok {
		names = weekdays["en"]
	}
	return names[d]
}

// itoa writes a small number without grouping, for dates.
func itoa(n int) string { return strconv.Itoa(n) }
