// Package photo checks and re-encodes uploaded portraits: only JPEG, PNG
// and GIF images of sane size are accepted, and every photo is decoded and
// encoded again as a JPEG of bounded dimensions, turned upright as its
// EXIF orientation says, which drops whatever the file carried besides
// pixels — camera metadata, GPS positions, comments.
package photo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
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
	// MaxDecodedBytes is the memory a decoded image may take: a 24-megapixel
	// camera JPEG (72 MB) fits, a 6,300×6,300 16-bit PNG (317 MB) does not.
	MaxDecodedBytes = 96 << 20
	// MaxDecoding is how many images are decoded at once; more wait.
	MaxDecoding = 2
)

// decoding holds a slot for each image being decoded, so that a burst of
// uploads takes at most MaxDecoding × MaxDecodedBytes of memory.
var decoding = make(chan struct{}, MaxDecoding)

// Process reads an uploaded image and returns it as a clean JPEG. A file
// that is not an image of an accepted kind, or is too large (in bytes, in
// pixels, or in the memory its decoded pixels would take, read from its
// header before decoding), is an EINVALID error on the field "photo". At
// most MaxDecoding images are decoded at once; a caller waits for its turn
// until ctx ends.
func Process(ctx context.Context, r io.Reader) ([]byte, error) {
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
	if decodedBytes(cfg) > MaxDecodedBytes {
		return nil, invalid("error.field.photo_memory")
	}
	select {
	case decoding <- struct{}{}:
		defer func() { <-decoding }()
	case <-ctx.Done():
		return nil, fmt.Errorf("photo: wait to decode: %w", ctx.Err())
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, invalid("error.field.photo_type")
	}
	var out bytes.Buffer
	if err := jpeg.Encode(&out, upright(shrink(img), orientation(data)), &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("photo: encode: %w", err)
	}
	return out.Bytes(), nil
}

// decodedBytes is the memory the decoded pixels of an image take, by its
// colour model: 16-bit models count double, and a JPEG counts as if its
// chroma were not subsampled, since the header does not say.
func decodedBytes(cfg image.Config) float64 {
	perPixel := 4.0
	switch cfg.ColorModel {
	case color.GrayModel, color.AlphaModel:
		perPixel = 1
	case color.Gray16Model, color.Alpha16Model:
		perPixel = 2
	case color.YCbCrModel:
		perPixel = 3
	case color.RGBA64Model, color.NRGBA64Model:
		perPixel = 8
	default:
		if _, paletted := cfg.ColorModel.(color.Palette); paletted {
			perPixel = 1
		}
	}
	return float64(cfg.Width) * float64(cfg.Height) * perPixel
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
