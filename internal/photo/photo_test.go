package photo

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"symposium"
)

// jpegWithGPS returns a JPEG carrying an EXIF segment with a GPS marker,
// as a phone's photo would.
func jpegWithGPS(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	exif := append([]byte{0xFF, 0xE1, 0x00, 0x20}, []byte("Exif\x00\x00GPSLatitude 51.1694 N ...")...)
	exif = exif[:0x20+2]
	return append(append(append([]byte{}, b[:2]...), exif...), b[2:]...)
}

func TestProcessStripsMetadataAndShrinks(t *testing.T) {
	in := jpegWithGPS(t, 2000, 1000)
	if !bytes.Contains(in, []byte("GPSLatitude")) {
		t.Fatal("the test image lacks its GPS marker")
	}
	out, err := Process(context.Background(), bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("GPS")) || bytes.Contains(out, []byte("Exif")) {
		t.Error("the processed photo still carries metadata")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || format != "jpeg" || cfg.Width != MaxSide || cfg.Height != MaxSide/2 {
		t.Errorf("processed: %s %dx%d, %v; want a %dx%d JPEG", format, cfg.Width, cfg.Height, err, MaxSide, MaxSide/2)
	}
}

func TestProcessRefuses(t *testing.T) {
	var pngBuf bytes.Buffer
	_ = png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 10, 10)))
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"png", pngBuf.Bytes(), true},
		{"text", []byte("not an image at all"), false},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`), false},
		{"too big", bytes.Repeat([]byte{0}, MaxBytes+1), false},
		{"truncated jpeg", jpegWithGPS(t, 50, 50)[:100], false},
	}
	for _, tt := range tests {
		_, err := Process(context.Background(), bytes.NewReader(tt.data))
		if tt.ok != (err == nil) {
			t.Errorf("%s: err = %v", tt.name, err)
		}
		if err != nil && symposium.ErrorCode(err) != symposium.EINVALID {
			t.Errorf("%s: err = %v, want invalid input on photo", tt.name, err)
		}
	}
}

// withOrientation returns a JPEG of w×h pixels, left half red, whose EXIF
// says to turn it by orientation o.
func withOrientation(t *testing.T, w, h, o int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x < w/2 {
				c = color.RGBA{220, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(o), 0, 0, 0, 0, 0, 0}
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	seg := append([]byte{0xFF, 0xE1, byte((len(app1) + 2) >> 8), byte(len(app1) + 2)}, app1...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
}

func TestProcessTurnsPhotosUpright(t *testing.T) {
	out, err := Process(context.Background(), bytes.NewReader(withOrientation(t, 80, 40, 6)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 40 || b.Dy() != 80 {
		t.Fatalf("orientation 6: %v; want 40×80, turned a quarter clockwise", b)
	}
	// Turned clockwise, the red left half becomes the top half.
	if r, g, _, _ := img.At(20, 10).RGBA(); r>>8 < 150 || g>>8 > 100 {
		t.Errorf("the top is not red: %v", img.At(20, 10))
	}
	if r, g, _, _ := img.At(20, 70).RGBA(); r>>8 < 200 || g>>8 < 200 {
		t.Errorf("the bottom is not white: %v", img.At(20, 70))
	}
}
