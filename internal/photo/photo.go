// Package photo checks and re-encodes uploaded portraits: only JPEG, PNG
// and GIF images of sane size are accepted, and every photo is decoded and
// encoded again as a JPEG of bounded dimensions, which drops whatever the
// file carried besides pixels — camera metadata, GPS positions, comments.
package photo

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // Registers GIF decoding.
	"image/jpeg"
	_ "image/png" // Registers PNG decoding.
	"io"

	"golang.org/x/image/draw"

	"symposium"
)

// Limits on uploads.
const (
	MaxBytes  = 8 << 20 // the largest file accepted
	MaxPixels = 40e6    // the most pixels a file may claim, against decompression bombs
	MaxSide   = 800     // the longest side of a stored photo
)

// Process reads an uploaded image and returns it as a clean JPEG. A file
// that is not an image of an accepted kind, or is too large, is an
// EINVALID error on the field "photo".
func Process(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("photo: read: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, invalid("error.field.photo_too_large")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "jpeg" && format != "png" && format != "gif") {
		return nil, invalid("error.field.photo_type")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || float64(cfg.Width)*float64(cfg.Height) > MaxPixels {
		return nil, invalid("error.field.photo_too_large")
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, invalid("error.field.photo_type")
	}
	var out bytes.Buffer
	if err := jpeg.Encode(&out, shrink(img), &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("photo: encode: %w", err)
	}
	return out.Bytes(), nil
}

// shrink scales an image down so that its longest side is at most MaxSide,
// onto an opaque white background (JPEG has no transparency).
func shrink(img image.Image) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > MaxSide || h > MaxSide {
		if w >= h {
			w, h = MaxSide, max(1, h*MaxSide/w)
		} else {
			w, h = max(1, w*MaxSide/h), MaxSide
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	return dst
}

func invalid(key string) error {
	var p symposium.Problems
	p.Add("photo", key)
	return p.Err()
}
