package outcomes

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"symposium"
)

// Limits on uploaded materials.
const (
	// MaxMaterialBytes is the largest file accepted.
	MaxMaterialBytes = 20 << 20
	// maxUnzippedBytes is the most an Office file may hold once unpacked.
	maxUnzippedBytes = 100 << 20
	// maxZipRatio is the most an Office file may grow when unpacked: a
	// larger ratio is a decompression bomb, not slides.
	maxZipRatio = 100
	// maxZipEntries is the most parts an Office file may hold.
	maxZipEntries = 5000
	// maxFileName bounds a file's name.
	maxFileName = 200
)

// fileTypes maps each accepted extension to the content type the file's
// bytes must show.
var fileTypes = map[string]string{
	".pdf":  "application/pdf",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/plain; charset=utf-8",
}

// officePart is the part that tells each Office format apart.
var officePart = map[string]string{
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": "ppt/presentation.xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   "word/document.xml",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         "xl/workbook.xml",
}

// readUpload reads an upload of at most MaxMaterialBytes; a larger one is
// refused as too large, without reading the rest.
func readUpload(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, fileProblem("error.field.required")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxMaterialBytes+1))
	if err != nil {
		return nil, symposium.Errorf(symposium.EBADREQUEST, "error.bad_request")
	}
	if len(data) > MaxMaterialBytes {
		return nil, symposium.Errorf(symposium.ETOOLARGE, "error.file_too_large", "Max", MaxMaterialBytes>>20)
	}
	if len(data) == 0 {
		return nil, fileProblem("error.field.file_empty")
	}
	return data, nil
}

// fileProblem is the error of an invalid file.
func fileProblem(key string, args ...any) error {
	var p symposium.Problems
	p.Add("file", key, args...)
	return p.Err()
}

// CheckFileName refuses a name that holds a path, control or format
// characters, or an extension outside the accepted ones, and returns the
// name's extension in lower case.
func CheckFileName(name string) (string, error) {
	var p symposium.Problems
	switch {
	case name == "":
		p.Add("file_name", "error.field.required")
	case !utf8.ValidString(name), strings.ContainsAny(name, `/\`), name == "." || name == "..", strings.HasPrefix(name, "."):
		p.Add("file_name", "error.field.file_name")
	case len([]rune(name)) > maxFileName:
		p.Add("file_name", "error.field.too_long", "Max", maxFileName)
	default:
		for _, r := range name {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				p.Add("file_name", "error.field.control_chars")
				break
			}
		}
	}
	if err := p.Err(); err != nil {
		return "", err
	}
	ext := strings.ToLower(path.Ext(name))
	if _, ok := fileTypes[ext]; !ok {
		return "", fileProblem("error.field.file_type")
	}
	return ext, nil
}

// Sniff returns the content type of a file named name, found from its
// bytes: the bytes must be of the type the name's extension promises, and
// an Office file must be a sound zip holding its format's parts, no bomb.
func Sniff(name string, data []byte) (string, error) {
	ext, err := CheckFileName(name)
	if err != nil {
		return "", err
	}
	want := fileTypes[ext]
	got := detect(data)
	if got == "application/zip" {
		if got, err = office(data); err != nil {
			return "", err
		}
	}
	if got != want {
		return "", fileProblem("error.field.file_type")
	}
	return want, nil
}

// detect names the type the bytes show.
func detect(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "application/zip"
	}
	ct := http.DetectContentType(data)
	switch {
	case strings.HasPrefix(ct, "image/png"), strings.HasPrefix(ct, "image/jpeg"), strings.HasPrefix(ct, "image/gif"), strings.HasPrefix(ct, "image/webp"):
		return ct
	case isText(data):
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// isText reports whether data is UTF-8 text without control characters
// other than tabs and line breaks.
func isText(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, r := range string(data) {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
	}
	return true
}

// office returns the Office type of a zip, after unpacking it within the
// limits: every part is read, so that sizes a forged directory understates
// are caught too.
func office(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > maxZipEntries {
		return "", fileProblem("error.field.file_type")
	}
	limit := min(int64(maxUnzippedBytes), int64(len(data))*maxZipRatio)
	var total int64
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		rc, err := f.Open()
		if err != nil {
			return "", fileProblem("error.field.file_type")
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, limit-total+1))
		_ = rc.Close()
		total += n
		if total > limit {
			return "", fileProblem("error.field.file_bomb")
		}
		if err != nil {
			return "", fileProblem("error.field.file_type")
		}
	}
	if !names["[Content_Types].xml"] {
		return "", fileProblem("error.field.file_type")
	}
	for ct, part := range officePart {
		if names[part] {
			return ct, nil
		}
	}
	return "", fileProblem("error.field.file_type")
}
