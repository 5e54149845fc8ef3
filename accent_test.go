package symposium

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for hex, want := range map[string]float64{"#000000": 21, "#ffffff": 1, "#0b5cad": 6.67, "#767676": 4.54, "#777777": 4.48} {
		if got := Contrast(hex, "#ffffff"); math.Abs(got-want) > 0.01 {
			t.Errorf("Contrast(%s, white) = %.3f, want %.2f", hex, got, want)
		}
	}
	// #767676 passes on white but not on the pale backgrounds links sit on.
	for hex, want := range map[string]float64{"#767676": 3.87, "#0b5cad": 5.68, "#6b6b6b": 4.54, "bad": 1} {
		if got := AccentContrast(hex); math.Abs(got-want) > 0.01 {
			t.Errorf("AccentContrast(%s) = %.3f, want %.2f", hex, got, want)
		}
	}
}

func TestEventAccent(t *testing.T) {
	for accent, field := range map[string]string{"": "", "#0B5CAD": "", "#777777": "accent", "#767676": "accent", "#fff": "accent", "blue": "accent", "#12345g": "accent"} {
		e := Event{Accent: accent}
		var p Problems
		e.validateAccent(&p)
		got := ""
		if len(p) > 0 {
			got = p[0].Field
		}
		if got != field {
			t.Errorf("accent %q: problem on %q, want %q", accent, got, field)
		}
	}
}
