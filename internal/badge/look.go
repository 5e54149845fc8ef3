package badge

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // Registers JPEG decoding, for the logo's size.
	"strconv"

	"github.com/signintech/gopdf"
)

// Logo sizes in points: at most this tall and this wide, top right.
const logoH, logoMaxW = 36.0, 90.0

// defaultBand is the colour of the category's band without an accent:
// the site's #0b5cad.
var defaultBand = [3]uint8{11, 92, 173}

// bandColour returns the RGB of a #rrggbb accent, or the site's colour
// for an empty or malformed one.
func bandColour(accent string) [3]uint8 {
	if len(accent) != 7 || accent[0] != '#' {
		return defaultBand
	}
	var rgb [3]uint8
	for i := range rgb {
		v, err := strconv.ParseUint(accent[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return defaultBand
		}
		rgb[i] = uint8(v)
	}
	return rgb
}

// drawLogo puts the event's logo, a JPEG, at the top right corner x, y
// (its right edge at x), and returns the width it takes, 0 for none.
func drawLogo(pdf *gopdf.GoPdf, x, y float64, logo []byte) (float64, error) {
	if len(logo) == 0 {
		return 0, nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(logo))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return 0, nil // not a picture we can place: the badge goes without
	}
	h := logoH
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if w > logoMaxW {
		w, h = logoMaxW, logoMaxW*float64(cfg.Height)/float64(cfg.Width)
	}
	holder, err := gopdf.ImageHolderByBytes(logo)
	if err != nil {
		return 0, fmt.Errorf("badge: logo: %w", err)
	}
	if err := pdf.ImageByHolder(holder, x-w, y, &gopdf.Rect{W: w, H: h}); err != nil {
		return 0, fmt.Errorf("badge: logo: %w", err)
	}
	return w, nil
}
