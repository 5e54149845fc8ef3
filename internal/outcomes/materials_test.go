package outcomes_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/outcomes"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// office returns a zip holding the given parts, each filled with size
// bytes of one letter.
func office(t *testing.T, size int, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		f, err := zw.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(bytes.Repeat([]byte("a"), size)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUploadsAreCheckedAndBadOnesStoreNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		target := outcomes.Target{ContributionID: w.address["public"].ID}
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
		bad := []struct {
			name, file string
			data       []byte
			code       string
		}{
			{"wrong type", "slides.pdf", []byte("MZ\x90\x00 not a pdf"), symposium.EINVALID},
			{"type the name does not promise", "slides.docx", pdf, symposium.EINVALID},
			{"oversized", "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, outcomes.MaxMaterialBytes)...), symposium.ETOOLARGE},
			{"decompression bomb", "bomb.docx", office(t, 60<<20, "[Content_Types].xml", "word/document.xml"), symposium.EINVALID},
			{"zip that is no Office file", "x.docx", office(t, 10, "readme.txt"), symposium.EINVALID},
			{"path in the name", "../etc/passwd.pdf", pdf, symposium.EINVALID},
			{"backslash path", `C:\slides.pdf`, pdf, symposium.EINVALID},
			{"control character", "slides\x07.pdf", pdf, symposium.EINVALID},
			{"direction override", "slides\u202efdp.exe.pdf", pdf, symposium.EINVALID},
		}
		for _, b := range bad {
			_, err := w.svc.AddMaterial(ctx, w.manager, "public", target, outcomes.Upload{FileName: b.file, File: bytes.NewReader(b.data)})
			if code(err) != b.code {
				t.Errorf("%s: %v, want %s", b.name, err, b.code)
			}
		}
		if _, list, err := w.svc.Materials(ctx, w.manager, "public", nil); err != nil || len(list) != 0 {
			t.Fatalf("after refused uploads: %d materials, %v; want none", len(list), err)
		}
		// The speaker uploads slides to their own contribution, visible to
		// speakers; a new version keeps the first.
		m, err := w.svc.AddMaterial(ctx, w.speakerUser, "public", target, outcomes.Upload{FileName: "slides.pdf", Visibility: "speakers", File: bytes.NewReader(pdf)})
		if err != nil {
			t.Fatal(err)
		}
		if m.ContentType != "application/pdf" || m.Version != 1 {
			t.Errorf("stored = %+v", m)
		}
		docx := office(t, 100, "[Content_Types].xml", "word/document.xml")
		if m, err = w.svc.AddMaterialVersion(ctx, w.speakerUser, "public", m.ID, outcomes.Upload{FileName: "paper.docx", File: bytes.NewReader(docx)}); err != nil || m.Version != 2 {
			t.Fatalf("second version = %+v, %v", m, err)
		}
		first, err := w.svc.MaterialFile(ctx, w.manager, "public", m.ID, 1)
		if err != nil || !bytes.Equal(first.Data, pdf) {
			t.Errorf("first version = %v, %v; want the PDF kept", first, err)
		}
		if _, err := w.svc.MaterialFile(ctx, nil, "public", m.ID, 0); code(err) != symposium.ENOTFOUND {
			t.Errorf("anonymous reads a speakers' file: %v, want not found", err)
		}
		if _, err := w.svc.AddMaterial(ctx, w.speakerUser, "public", outcomes.Target{ContributionID: w.talk["public"].ID},
			outcomes.Upload{FileName: "x.pdf", File: bytes.NewReader(pdf)}); code(err) != symposium.EFORBIDDEN {
			t.Errorf("speaker uploads to someone else's talk: %v, want forbidden", err)
		}
		// The day's materials come as one zip.
		var zipped bytes.Buffer
		name, err := w.svc.MaterialsZip(ctx, w.manager, "public", "", "2024-05-22", &zipped)
		if err != nil || !strings.HasSuffix(name, ".zip") {
			t.Fatalf("zip: %q, %v", name, err)
		}
		zr, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
		if err != nil || len(zr.File) != 1 || zr.File[0].Name != "paper.docx" {
			t.Errorf("zip holds %v, %v; want paper.docx", zr, err)
		}
	})
}
