package i18n

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"symposium"
)

func TestPlurals(t *testing.T) {
	const nb = "\u00a0"
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"ru", 0, "0 участников"}, {"ru", 1, "1 участник"}, {"ru", 2, "2 участника"}, {"ru", 5, "5 участников"},
		{"ru", 11, "11 участников"}, {"ru", 12, "12 участников"}, {"ru", 21, "21 участник"}, {"ru", 22, "22 участника"},
		{"ru", 25, "25 участников"}, {"ru", 101, "101 участник"}, {"ru", 111, "111 участников"},
		{"ru", 1000, "1" + nb + "000 участников"}, {"ru", 1002, "1" + nb + "002 участника"},
		{"en", 0, "0 participants"}, {"en", 1, "1 participant"}, {"en", 2, "2 participants"}, {"en", 21, "21 participants"},
		{"en", 1000, "1,000 participants"},
		{"kk", 1, "1 қатысушы"}, {"kk", 5, "5 қатысушы"}, {"kk", 1000, "1" + nb + "000 қатысушы"},
		{"zh", 1, "1 位参会者"}, {"zh", 21, "21 位参会者"}, {"zh", 1000, "1,000 位参会者"},
	}
	for _, tt := range tests {
		if got := bundle.For(tt.lang).N("plural.participants", tt.count); got != tt.want {
			t.Errorf("%s N(%d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "error.field.too_long", []any{"Max", 200}, "At most 200 characters."},
		{"ru", "error.field.too_long", []any{"Max", 200}, "Не более 200 символов."},
		{"kk", "error.field.too_long", []any{"Max", 200}, "Ең көбі 200 таңба."},
		{"zh", "error.field.too_long", []any{"Max", 200}, "最多 200 个字符。"},
		{"ru", "error.field.too_long", []any{"Max", int64(20000)}, "Не более 20\u00a0000 символов."},
		{"en", "error.field.too_long", []any{"Max", uint16(2000)}, "At most 2,000 characters."},
		{"en", "error.field.too_long", []any{"Max", 1, "Max", 2}, "At most 2 characters."},
		{"en", "error.field.too_long", nil, "At most <no value> characters."},
		{"ru", "error.field.language_unknown", []any{"Lang", "fr"}, "Неизвестный язык «fr»."},
		{"zh", "error.field.password_short", []any{"Min", 10}, "至少 10 个字符。"},
		{"kk", "error.not_found", []any{"Unused", 1}, "Табылмады."},
		{"xx", "error.not_found", nil, "Not found."},
		{"zh", "no.such.key", nil, "no.such.key"},
	}
	for _, tt := range tests {
		if got := bundle.For(tt.lang).T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s T(%q, %v) = %q, want %q", tt.lang, tt.key, tt.args, got, tt.want)
		}
	}
	if got := bundle.For("ru").TMap("error.field.too_long", map[string]any{"Max": 5}); got != "Не более 5 символов." {
		t.Errorf("TMap = %q", got)
	}
	if got := bundle.For("ru").N("no.such.key", 3); got != "no.such.key" {
		t.Errorf("N of a missing key = %q, want the key", got)
	}
	if got := bundle.For("en").Lang; got != "en" {
		t.Errorf("For(en).Lang = %q", got)
	}
	if got := bundle.For("fr").Lang; got != "en" {
		t.Errorf("For(fr).Lang = %q, want en", got)
	}
}

func TestNKeepsCallersArgs(t *testing.T) {
	args := make([]any, 2, 4)
	args[0], args[1] = "Name", "x"
	spare := args[:4]
	bundle.For("en").N("plural.participants", 2, args...)
	if spare[2] != nil || spare[3] != nil {
		t.Errorf("N wrote into the caller's slice: %v", spare)
	}
}

// TestMissingTranslationIsEnglish checks that a key one language lacks is
// written in English rather than as the key.
func TestMissingTranslationIsEnglish(t *testing.T) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	if _, err := b.ParseMessageFileBytes([]byte(`{"only.en": "Only {{.X}}", "only.plural": {"one": "{{.Count}} thing", "other": "{{.Count}} things"}}`), "en.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ParseMessageFileBytes([]byte(`{"other.key": "Другое"}`), "ru.json"); err != nil {
		t.Fatal(err)
	}
	l := &Localizer{Lang: "ru", loc: goi18n.NewLocalizer(b, "ru")}
	if got := l.T("only.en", "X", 1000); got != "Only 1\u00a0000" {
		t.Errorf("T = %q, want the English text", got)
	}
	if got := l.N("only.plural", 5); got != "5 things" {
		t.Errorf("N = %q, want the English text", got)
	}
	if got := l.T("nowhere"); got != "nowhere" {
		t.Errorf("T of a missing key = %q", got)
	}
}

func TestFastMessagesMatchTemplates(t *testing.T) {
	// Every simple message filled by T must read as go-i18n would write it.
	args := []any{"Name", "Гүлнар", "Event", "中国科技研讨会", "When", "22 May", "Link", "http://x/?a=1&b=2",
		"Ticket", "S1abc", "Max", 1000, "Min", int64(10), "Lang", "kk", "Allowed", "a, b", "Status", "x",
		"Zone", "Astana (UTC+5)", "Room", "Hall", "Title", "T", "Start", "10:00", "End", "10:15", "Person", "P",
		"Filled", 2, "Of", 5, "Name", "Асқар"}
	for _, lang := range []string{"en", "zh", "kk", "ru"} {
		l := bundle.For(lang)
		if len(l.plain) < 100 {
			t.Errorf("%s: only %d simple messages", lang, len(l.plain))
		}
		for key := range l.plain {
			if got, want := l.T(key, args...), l.localize(key, nil, args); got != want {
				t.Errorf("%s %s: T = %q, go-i18n = %q", lang, key, got, want)
			}
		}
	}
}

// TestMessageArguments checks that an argument that is itself a message
// (a status inserted into an error) is written in the reader's language,
// whether the message is filled in directly or through a template.
func TestMessageArguments(t *testing.T) {
	b := Must(New())
	status := symposium.Msg(symposium.RegistrationStatusKeys[symposium.RegCancelled])
	for lang, want := range map[string]string{"en": "Cancelled", "kk": "Күші жойылды", "ru": "Отменена", "zh": "已取消"} {
		l := b.For(lang)
		for _, got := range []string{
			l.T("error.registration_status", "Status", status),
			l.TMap("error.registration_status", map[string]any{"Status": status}),
		} {
			if !strings.Contains(got, want) || strings.Contains(got, "cancelled") {
				t.Errorf("%s: %q, want it to say %q", lang, got, want)
			}
		}
	}
	if got := b.For("ru").T("error.registration_status", "Status", symposium.Label(symposium.RegistrationStatusKeys, "archived")); !strings.Contains(got, "archived") {
		t.Errorf("an unknown status is hidden: %q", got)
	}
}

// TestScriptForms checks the plural forms a page hands to its script.
func TestScriptForms(t *testing.T) {
	b := Must(New())
	for lang, want := range map[string]map[string]string{
		"ru": {"one": "{n} отметка о прибытии ждёт отправки", "few": "{n} отметки о прибытии ждут отправки",
			"many": "{n} отметок о прибытии ждут отправки", "other": "{n} отметки о прибытии ждут отправки"},
		"zh": {"other": "{n} 条签到记录待上传"},
	} {
		var got map[string]string
		if err := json.Unmarshal([]byte(b.For(lang).ScriptForms("checkin.waiting")), &got); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v %v, want %v", lang, got, err, want)
		}
	}
	if got := b.For("kk").ScriptForms("nav.home.missing"); got != "{}" {
		t.Errorf("an unknown key gives %s", got)
	}
	if got := b.For("en").ScriptForms("form.yes"); got != `{"other":"Yes"}` {
		t.Errorf("a simple message gives %s", got)
	}
}

// TestNestedQuotes checks that a title with quotes of its own, inserted in
// guillemets, is quoted as Russian and Kazakh typography wants.
func TestNestedQuotes(t *testing.T) {
	b := Must(New())
	title := "Симпозиум «Наука и технологии Китая»"
	for lang, want := range map[string]string{
		"ru": "Вы — соавтор тезисов для «Симпозиум „Наука и технологии Китая“»",
		"kk": "Сіз тезистің тең авторысыз: Симпозиум «Наука и технологии Китая»",
		"zh": "您是Симпозиум «Наука и технологии Китая»一篇摘要的合著者",
	} {
		if got := b.For(lang).T("mail.abstract.coauthor.subject", "Event", title); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := b.For("ru").T("mail.abstract.rejected.subject", "Title", "«А» и «Б»"); got != "Решение по тезисам «„А“ и „Б“»" {
		t.Errorf("two quoted words: %q", got)
	}
}
