package review

import "testing"

// TestSubtitleNamesTheCityOnlyWhereThereIsOne keeps a dangling separator
// off the book's title page of an event without a city.
func TestSubtitleNamesTheCityOnlyWhereThereIsOne(t *testing.T) {
	if got := subtitle("10 июня 2026 г.", "Астана"); got != "10 июня 2026 г. · Астана" {
		t.Errorf("with a city: %q", got)
	}
	if got := subtitle("10 июня 2026 г.", " "); got != "10 июня 2026 г." {
		t.Errorf("without a city: %q", got)
	}
}
