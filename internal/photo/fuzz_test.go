package photo

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"symposium"
)

// FuzzProcess decodes arbitrary bytes as an upload: nothing panics, what
// is refused is refused as invalid input on the photo field, and what is
// accepted is a JPEG no side of which exceeds MaxSide.
func FuzzProcess(f *testing.F) {
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 3, 2)))
	f.Add(buf.Bytes())
	buf.Reset()
	_ = jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 9, 4)), nil)
	f.Add(buf.Bytes())
	buf.Reset()
	_ = gif.Encode(&buf, image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.White}), nil)
	f.Add(buf.Bytes())
	f.Add([]byte("not a picture"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Process(context.Background(), bytes.NewReader(data))
		if err != nil {
			e := symposium.AsError(err)
			if e == nil || e.Code != symposium.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "photo" {
				t.Fatalf("Process refused %d bytes with %v; want invalid input on photo", len(data), err)
			}
			return
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil || format != "jpeg" || cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width < 1 || cfg.Height < 1 {
			t.Fatalf("Process accepted %d bytes and made %s %dx%d (%v)", len(data), format, cfg.Width, cfg.Height, err)
		}
	})
}
