package photo

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"
	"testing"
	"time"

	"symposium"
)

// hugePNG builds a PNG whose header claims w×h pixels in 16-bit RGBA,
// which decode to w×h×8 bytes, and whose data holds the first rows of
// zero pixels (all of them when rows is h: a valid image of a few hundred
// kilobytes, slow to build under the race detector).
func hugePNG(t testing.TB, w, h, rows int) []byte {
	t.Helper()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		out.Write(n[:])
		crc := crc32.NewIEEE()
		crc.Write([]byte(kind))
		crc.Write(data)
		out.WriteString(kind)
		out.Write(data)
		binary.BigEndian.PutUint32(n[:], crc.Sum32())
		out.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 16, 6 // 16 bits per sample, RGBA
	chunk("IHDR", ihdr)
	var idat bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	row := make([]byte, 1+w*8) // filter byte "none", then zero samples
	for range rows {
		if _, err := zw.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

// TestHugePNGIsRefusedBeforeDecoding gives Process a 6,300×6,300 16-bit
// PNG, which decodes to 317 MB: it is refused on the photo field for the
// memory it would take, and refusing it allocates little more than the
// file itself. (Decoding would allocate the whole image before reading the
// data, so the file need not hold every row to show it.)
func TestHugePNGIsRefusedBeforeDecoding(t *testing.T) {
	data := hugePNG(t, 6300, 6300, 64)
	if len(data) > MaxBytes {
		t.Fatalf("the test image is %d bytes, over the upload limit", len(data))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Process(context.Background(), bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	e := symposium.AsError(err)
	if e == nil || e.Code != symposium.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "photo" || e.Fields[0].Key != "error.field.photo_memory" {
		t.Fatalf("Process(huge PNG) = %v; want invalid input on the field photo, for its memory", err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Errorf("refusing the huge PNG allocated %d MB", grown>>20)
	}
}

// TestDecodedBytes reads the headers of small images of each kind and
// checks the memory their pixels are counted at.
func TestDecodedBytes(t *testing.T) {
	r := image.Rect(0, 0, 10, 10)
	encode := func(img image.Image, format string) []byte {
		var buf bytes.Buffer
		var err error
		switch format {
		case "png":
			err = png.Encode(&buf, img)
		case "jpeg":
			err = jpeg.Encode(&buf, img, nil)
		case "gif":
			err = gif.Encode(&buf, img, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name     string
		data     []byte
		perPixel float64
	}{
		{"gray png", encode(image.NewGray(r), "png"), 1},
		{"16-bit gray png", encode(image.NewGray16(r), "png"), 2},
		{"rgba png", encode(image.NewNRGBA(r), "png"), 4},
		{"16-bit rgba png", encode(image.NewNRGBA64(r), "png"), 8},
		{"paletted png", encode(image.NewPaletted(r, color.Palette{color.Black, color.White}), "png"), 1},
		{"colour jpeg", encode(image.NewRGBA(r), "jpeg"), 3},
		{"gray jpeg", encode(image.NewGray(r), "jpeg"), 1},
		{"gif", encode(image.NewPaletted(r, color.Palette{color.Black, color.White}), "gif"), 1},
	}
	for _, tt := range tests {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(tt.data))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := decodedBytes(cfg) / 100; got != tt.perPixel {
			t.Errorf("%s: %v bytes a pixel; want %v", tt.name, got, tt.perPixel)
		}
	}
	camera := image.Config{ColorModel: color.YCbCrModel, Width: 6000, Height: 4000}
	bomb := image.Config{ColorModel: color.RGBA64Model, Width: 6300, Height: 6300}
	if decodedBytes(camera) > MaxDecodedBytes || decodedBytes(bomb) <= MaxDecodedBytes {
		t.Errorf("the budget of %d MB should admit a 24-megapixel JPEG (%.0f MB) and refuse a 6,300² 16-bit PNG (%.0f MB)",
			MaxDecodedBytes>>20, decodedBytes(camera)/(1<<20), decodedBytes(bomb)/(1<<20))
	}
}

// TestProcessWaitsForADecodingSlot takes every decoding slot and checks
// that Process waits for one, giving up when its context ends, and decodes
// once a slot is free.
func TestProcessWaitsForADecodingSlot(t *testing.T) {
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 20, 20)))
	for range MaxDecoding {
		decoding <- struct{}{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := Process(ctx, bytes.NewReader(buf.Bytes()))
	for range MaxDecoding {
		<-decoding
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Process with every slot taken = %v; want it to wait until its context ends", err)
	}
	if _, err := Process(context.Background(), bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("Process with the slots free = %v", err)
	}
}
