package i18n

import "testing"

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name, query, cookie, header, want string
	}{
		{"query beats cookie and header", "kk", "ru", "zh", "kk"},
		{"cookie beats header", "", "ru", "zh", "ru"},
		{"query in capitals", "RU", "", "", "ru"},
		{"unsupported query and cookie are skipped", "fr", "de", "zh-CN,zh;q=0.9", "zh"},
		{"unsupported query, supported cookie", "xx", "kk", "ru", "kk"},
		{"region", "", "", "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"},
		{"q-values skip the unsupported", "", "", "de-DE,de;q=0.9,kk;q=0.5,ru;q=0.4", "kk"},
		{"higher q later in the list", "", "", "en;q=0.2, zh-Hans;q=0.8", "zh"},
		{"equal q: the first wins", "", "", "ru;q=0.5,kk;q=0.5", "ru"},
		{"q=0 refuses", "", "", "ru;q=0,en;q=0.1", "en"},
		{"only refused", "", "", "ru;q=0", "en"},
		{"kk-KZ", "", "", "kk-KZ", "kk"},
		{"zh-CN", "", "", "zh-CN", "zh"},
		{"zh-Hans-CN", "", "", "zh-Hans-CN", "zh"},
		{"zh-TW", "", "", "zh-TW", "zh"},
		{"zh-Hant", "", "", "fr, zh-Hant;q=0.5", "zh"},
		{"Q in capitals and spaces", "", "", "en ; Q=0.1 , kk ; q = 0.9", "kk"},
		{"unsupported only", "", "", "fr-FR,fr;q=0.9,de;q=0.8", "en"},
		{"wildcard", "", "", "*", "en"},
		{"malformed q", "", "", "ru;q=abc,,;;", "en"},
		{"q above 1", "", "", "ru;q=2", "en"},
		{"negative q", "", "", "ru;q=-1,kk;q=0.1", "kk"},
		{"garbage", "", "", ";;;,,,=;q", "en"},
		{"empty", "", "", "", "en"},
	}
	for _, tt := range tests {
		if got := Negotiate(tt.query, tt.cookie, tt.header); got != tt.want {
			t.Errorf("%s: Negotiate(%q, %q, %q) = %q, want %q", tt.name, tt.query, tt.cookie, tt.header, got, tt.want)
		}
	}
}
