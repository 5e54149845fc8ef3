package symposium

import (
	"strings"
	"testing"
	"unicode"
)

func TestTopicCounts(t *testing.T) {
	if n := len(Areas()); n != 6 {
		t.Errorf("%d areas, want 6", n)
	}
	if n := len(Topics()); n != 42 {
		t.Errorf("%d fields, want 42", n)
	}
	tests := []struct {
		area  string
		count int
		first string
		last  string
	}{
		{"1", 7, "1.1", "1.7"},
		{"2", 11, "2.1", "2.11"},
		{"3", 5, "3.1", "3.5"},
		{"4", 5, "4.1", "4.5"},
		{"5", 9, "5.1", "5.9"},
		{"6", 5, "6.1", "6.5"},
		{"7", 0, "", ""},
		{"", 0, "", ""},
	}
	for _, tt := range tests {
		fields := TopicsIn(tt.area)
		if len(fields) != tt.count {
			t.Errorf("TopicsIn(%q) has %d fields, want %d", tt.area, len(fields), tt.count)
			continue
		}
		if tt.count > 0 && (fields[0].Code != tt.first || fields[len(fields)-1].Code != tt.last) {
			t.Errorf("TopicsIn(%q) runs %s…%s, want %s…%s", tt.area, fields[0].Code, fields[len(fields)-1].Code, tt.first, tt.last)
		}
	}
}

func TestTopicOrder(t *testing.T) {
	for i, a := range Areas() {
		if want := string(rune('1' + i)); a.Code != want || a.Area != "" {
			t.Errorf("area %d is %q in %q, want %q in no area", i, a.Code, a.Area, want)
		}
	}
	var got []string
	for _, f := range Topics() {
		got = append(got, f.Code)
	}
	want := "1.1 1.2 1.3 1.4 1.5 1.6 1.7 " +
		"2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 2.10 2.11 " +
		"3.1 3.2 3.3 3.4 3.5 4.1 4.2 4.3 4.4 4.5 " +
		"5.1 5.2 5.3 5.4 5.5 5.6 5.7 5.8 5.9 6.1 6.2 6.3 6.4 6.5"
	if strings.Join(got, " ") != want {
		t.Errorf("field codes\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestTopicTable(t *testing.T) {
	seen := map[string]bool{}
	for _, tp := range append(Areas(), Topics()...) {
		if seen[tp.Code] {
			t.Errorf("code %s appears twice", tp.Code)
		}
		seen[tp.Code] = true
		if tp.Area != "" {
			if a, ok := TopicByCode(tp.Area); !ok || a.Area != "" {
				t.Errorf("field %s is in %q, which is not an area", tp.Code, tp.Area)
			}
			if !strings.HasPrefix(tp.Code, tp.Area+".") {
				t.Errorf("field %s is in area %s", tp.Code, tp.Area)
			}
		}
		if len(tp.Label) != len(Languages) {
			t.Errorf("%s has labels in %d languages, want %d", tp.Code, len(tp.Label), len(Languages))
		}
		for _, l := range Languages {
			if s := tp.Label[l]; s == "" || s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
				t.Errorf("%s: %s label %q is empty or badly spaced", tp.Code, l, s)
			}
		}
	}
}

func TestTopicScripts(t *testing.T) {
	// kazakhOnly are the letters of the Kazakh Cyrillic alphabet that Russian
	// lacks. The reverse test is not possible: Kazakh uses every Russian
	// letter.
	const kazakhOnly = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
	tests := []struct {
		lang   string
		script *unicode.RangeTable // every letter is in this script
	}{
		{"en", unicode.Latin},
		{"zh", unicode.Han},
		{"kk", unicode.Cyrillic},
		{"ru", unicode.Cyrillic},
	}
	for _, tp := range append(Areas(), Topics()...) {
		for _, tt := range tests {
			s := tp.Label[tt.lang]
			letters := 0
			for _, r := range s {
				if !unicode.IsLetter(r) {
					continue
				}
				letters++
				if !unicode.Is(tt.script, r) {
					t.Errorf("%s: %s label %q has %q, which is not in the expected script", tp.Code, tt.lang, s, r)
					break
				}
			}
			if letters == 0 {
				t.Errorf("%s: %s label %q has no letters", tp.Code, tt.lang, s)
			}
		}
		if ru := tp.Label["ru"]; strings.ContainsAny(ru, kazakhOnly) {
			t.Errorf("%s: Russian label %q has Kazakh letters", tp.Code, ru)
		}
	}
}

func TestTopicLabels(t *testing.T) {
	tests := []struct {
		code, en, zh, kk, ru string
	}{
		{"1", "Natural sciences", "自然科学", "Жаратылыстану ғылымдары", "Естественные науки"},
		{"1.1", "Mathematics", "数学", "Математика", "Математика"},
		{"1.5", "Earth and related environmental sciences", "地球及相关环境科学", "Жер туралы ғылымдар және сабақтас экология ғылымдары", "Науки о Земле и смежные экологические науки"},
		{"2.10", "Nano-technology", "纳米技术", "Нанотехнологиялар", "Нанотехнологии"},
		{"6", "Humanities and the arts", "人文与艺术", "Гуманитарлық ғылымдар және өнер", "Гуманитарные науки и искусство"},
		{"6.5", "Other humanities", "其他人文学科", "Басқа гуманитарлық ғылымдар", "Другие гуманитарные науки"},
	}
	for _, tt := range tests {
		tp, ok := TopicByCode(tt.code)
		if !ok {
			t.Errorf("TopicByCode(%q) found nothing", tt.code)
			continue
		}
		want := Text("en", tt.en, "zh", tt.zh, "kk", tt.kk, "ru", tt.ru)
		for _, l := range Languages {
			if tp.Label[l] != want[l] {
				t.Errorf("%s: %s label %q, want %q", tt.code, l, tp.Label[l], want[l])
			}
		}
	}
}

func TestTopicByCode(t *testing.T) {
	for _, tp := range append(Areas(), Topics()...) {
		got, ok := TopicByCode(tp.Code)
		if !ok || got.Code != tp.Code || got.Area != tp.Area || got.Label["en"] != tp.Label["en"] {
			t.Errorf("TopicByCode(%q) = %+v, %v; want %+v", tp.Code, got, ok, tp)
		}
		if !IsTopic(tp.Code) {
			t.Errorf("IsTopic(%q) = false", tp.Code)
		}
	}
	tests := []struct {
		code string
		want bool
	}{
		{"1", true},
		{"1.5", true},
		{"2.11", true},
		{"6.5", true},
		{"9.9", false},
		{"7", false},
		{"1.8", false},
		{"2.12", false},
		{"01.1", false},
		{"1.01", false},
		{" 1.1", false},
		{"1.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsTopic(tt.code); got != tt.want {
			t.Errorf("IsTopic(%q) = %v, want %v", tt.code, got, tt.want)
		}
		if _, ok := TopicByCode(tt.code); ok != tt.want {
			t.Errorf("TopicByCode(%q) found = %v, want %v", tt.code, ok, tt.want)
		}
	}
}

func TestTopicsAreCopies(t *testing.T) {
	tests := []struct {
		name string
		get  func() Topic
	}{
		{"Areas", func() Topic { return Areas()[0] }},
		{"Topics", func() Topic { return Topics()[0] }},
		{"TopicsIn", func() Topic { return TopicsIn("1")[0] }},
		{"TopicByCode", func() Topic { tp, _ := TopicByCode("1.1"); return tp }},
	}
	for _, tt := range tests {
		tp := tt.get()
		want := tp.Label["en"]
		tp.Label["en"] = "changed"
		tp.Code = "changed"
		if again := tt.get(); again.Label["en"] != want || again.Code == "changed" {
			t.Errorf("%s: the table was changed through a returned topic", tt.name)
		}
	}
}
