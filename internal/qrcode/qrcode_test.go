package qrcode

import (
	"strings"
	"testing"
)

func TestSVG(t *testing.T) {
	ticket := "S1" + strings.Repeat("AbCd", 32)
	svg, err := SVG(ticket)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, "h1v1h-1z") {
		t.Errorf("svg = %.80s", svg)
	}
	m, err := Modules(ticket)
	if err != nil || len(m) < 21 || len(m) != len(m[0]) {
		t.Fatalf("modules: %d, %v", len(m), err)
	}
	// The three finder patterns are dark in their corners.
	n := len(m)
	if !m[0][0] || !m[0][n-1] || !m[n-1][0] || !m[6][6] || m[7][7] {
		t.Error("finder patterns not where a QR code has them")
	}
}
