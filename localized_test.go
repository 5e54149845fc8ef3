package symposium

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLocalizedTextFallback(t *testing.T) {
	text := Text("kk", "Астана", "en", "Astana")
	tests := []struct {
		requested, fallback, want, lang string
	}{
		{"kk", "ru", "Астана", "kk"}, // the requested language
		{"zh", "kk", "Астана", "kk"}, // then the event's default
		{"zh", "ru", "Astana", "en"}, // then English
		{"ru", "", "Astana", "en"},   // English when no default
		{"zh", "zh", "Astana", "en"}, // default absent too
	}
	for _, tt := range tests {
		got, lang := text.Pick(tt.requested, tt.fallback)
		if got != tt.want || lang != tt.lang {
			t.Errorf("Pick(%s, %s) = %q (%s), want %q (%s)", tt.requested, tt.fallback, got, lang, tt.want, tt.lang)
		}
	}
	// Without English, any language in the order of Languages.
	if got, lang := Text("ru", "Астана", "kk", "Астана!").Pick("zh", "en"); lang != "kk" || got != "Астана!" {
		t.Errorf("no English: got %q (%s), want the Kazakh text", got, lang)
	}
	if got, lang := (LocalizedText{}).Pick("en", "en"); got != "" || lang != "" {
		t.Errorf("empty text: %q %q", got, lang)
	}
}

func TestLocalizedTextValidate(t *testing.T) {
	tests := []struct {
		name     string
		text     LocalizedText
		required bool
		fields   []string
	}{
		{"fine", Text("zh", "中国科技研讨会", "en", "Symposium"), true, nil},
		{"empty but required", LocalizedText{}, true, []string{"title"}},
		{"whitespace only", Text("en", "   "), true, []string{"title"}},
		{"empty, optional", nil, false, nil},
		{"unknown language", Text("fr", "Symposium"), true, []string{"title.fr"}},
		{"too long", Text("ru", strings.Repeat("я", 11)), true, []string{"title.ru"}},
		{"control character", Text("en", "a\x00b"), true, []string{"title.en"}},
		{"line break in one line", Text("en", "a\nb"), true, []string{"title.en"}},
	}
	for _, tt := range tests {
		var p Problems
		tt.text.Clean().Validate(&p, "title", tt.required, 10, false)
		var got []string
		for _, f := range p {
			got = append(got, f.Field)
		}
		if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
			t.Errorf("%s: fields %v, want %v", tt.name, got, tt.fields)
		}
	}
	var p Problems
	Text("en", "line one\nline two").Validate(&p, "summary", false, 100, true)
	if len(p) != 0 {
		t.Errorf("multi-line text refused: %v", p)
	}
}

func TestLocalizedTextJSON(t *testing.T) {
	var text LocalizedText
	if err := json.Unmarshal([]byte(`{"en":"Astana","kk":"Астана"}`), &text); err != nil {
		t.Fatal(err)
	}
	if text["kk"] != "Астана" {
		t.Errorf("decoded %v", text)
	}
	b, _ := json.Marshal(text)
	if string(b) != `{"en":"Astana","kk":"Астана"}` {
		t.Errorf("encoded %s", b)
	}
	b, _ = json.Marshal(Text("ru", "Астана", "zh", "阿斯塔纳", "x\"y", "<q>", "en", "Astana"))
	if string(b) != `{"en":"Astana","zh":"阿斯塔纳","ru":"Астана","x\"y":"\u003cq\u003e"}` {
		t.Errorf("encoded in the order of Languages: %s", b)
	}
	var back LocalizedText
	if err := json.Unmarshal(b, &back); err != nil || back["x\"y"] != "<q>" {
		t.Errorf("round trip: %v %v", back, err)
	}
	if got := Text("en", " Astana ", "zh", "").Clean(); len(got) != 1 || got["en"] != "Astana" {
		t.Errorf("Clean = %v", got)
	}
	if got := Text("en", "b", "ru", "a", "zh", "c").Languages(); strings.Join(got, ",") != "en,zh,ru" {
		t.Errorf("Languages = %v, want the order of Languages", got)
	}
}
