package symposium

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// MinAccentContrast is the least contrast ratio an event's accent colour
// must have with white text, WCAG's level AA for body text: the colour is
// the background of buttons with white labels and the colour of links on
// white and on the site's pale backgrounds.
const MinAccentContrast = 4.5

// accentGrounds are the colours the accent meets: white (the labels of
// buttons, the page) and the site's pale backgrounds that links sit on
// (--wash, --warn-wash, the chosen option's #e3eefa in app.css).
var accentGrounds = []string{"#ffffff", "#f6f8fa", "#fff8e1", "#e3eefa"}

// accentPattern is the form of an accent colour: #rrggbb.
var accentPattern = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// validateAccent lowercases the event's accent colour and checks its form
// and its contrast with white; empty keeps the site's colour.
func (e *Event) validateAccent(p *Problems) {
	e.Accent = strings.ToLower(strings.TrimSpace(e.Accent))
	switch {
	case e.Accent == "":
	case !accentPattern.MatchString(e.Accent):
		p.Add("accent", "error.field.accent")
	case AccentContrast(e.Accent) < MinAccentContrast:
		p.Add("accent", "error.field.accent_contrast", "Ratio", strconv.FormatFloat(AccentContrast(e.Accent), 'f', 1, 64))
	}
}

// AccentContrast returns the lowest WCAG contrast ratio between a #rrggbb
// colour and the colours it meets (white text, the pale backgrounds), from
// 1 to 21; a colour of another form gives 1.
func AccentContrast(hex string) float64 {
	if !accentPattern.MatchString(strings.ToLower(hex)) {
		return 1
	}
	lowest := 21.0
	for _, ground := range accentGrounds {
		lowest = min(lowest, Contrast(hex, ground))
	}
	return lowest
}

// Contrast returns the WCAG contrast ratio between two #rrggbb colours.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance returns the relative luminance of a #rrggbb colour.
func luminance(hex string) float64 {
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		l += weight * linear(float64(v)/255)
	}
	return l
}

// linear turns an sRGB channel from 0 to 1 into linear light.
func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}
