// Package qrcode draws QR codes as SVG, for tickets on pages and badges.
package qrcode

import (
	"fmt"
	"strings"

	"rsc.io/qr"
)

// SVG returns an SVG drawing of text as a QR code with medium error
// correction and the standard four-module quiet zone, one path of unit
// squares so that it scales crisply to any size.
func SVG(text string) (string, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("qrcode: %w", err)
	}
	const quiet = 4
	n := code.Size + 2*quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img">`, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if code.Black(x, y) {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// Modules returns the QR code of text as a square of dark (true) and light
// modules, without the quiet zone, for drawing it elsewhere, such as in a
// PDF.
func Modules(text string) ([][]bool, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qrcode: %w", err)
	}
	out := make([][]bool, code.Size)
	for y := range out {
		out[y] = make([]bool, code.Size)
		for x := range out[y] {
			out[y][x] = code.Black(x, y)
		}
	}
	return out, nil
}

// PNG returns text as a QR code image of 8 pixels a module, for mail.
func PNG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qrcode: %w", err)
	}
	code.Scale = 8
	return code.PNG(), nil
}
