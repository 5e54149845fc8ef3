package outcomes_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"symposium"
	"symposium/internal/outcomes"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// countFiles counts the regular files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMaterialsAreKeptInTheDatabaseOrInTheOperatorsDirectory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		target := outcomes.Target{ContributionID: w.address["public"].ID}
		upload := func(name, body string) *symposium.Material {
			t.Helper()
			pdf := []byte("%PDF-1.4\n% " + body + "\n%%EOF\n")
			m, err := w.svc.AddMaterial(ctx, w.manager, "public", target, outcomes.Upload{FileName: name, File: bytes.NewReader(pdf)})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		read := func(m *symposium.Material) (string, error) {
			t.Helper()
			f, err := w.svc.MaterialFile(ctx, w.manager, "public", m.ID, 0)
			if err != nil {
				return "", err
			}
			return string(f.Data), nil
		}
		// By default the database keeps the file: no directory is used.
		dir := filepath.Join(t.TempDir(), "files")
		inDB := upload("in-database.pdf", "kept in the database")
		if s.FileDir() != "" {
			t.Fatalf("the default file directory is %q; want the database", s.FileDir())
		}
		// The operator chooses a directory: new files go there, named by
		// their SHA-256, and the older one still reads from the database.
		if err := s.SetFileDir(dir); err != nil {
			t.Fatal(err)
		}
		onDisk := upload("on-disk.pdf", "kept in the directory")
		if got := countFiles(t, dir); got != 1 {
			t.Fatalf("the directory holds %d files; want the one uploaded since it was set", got)
		}
		path := filepath.Join(dir, onDisk.SHA256[:2], onDisk.SHA256)
		if data, err := os.ReadFile(path); err != nil || !bytes.Contains(data, []byte("kept in the directory")) {
			t.Fatalf("the file at %s: %q, %v", path, data, err)
		}
		for _, c := range []struct {
			m    *symposium.Material
			want string
		}{{inDB, "kept in the database"}, {onDisk, "kept in the directory"}} {
			if got, err := read(c.m); err != nil || !bytes.Contains([]byte(got), []byte(c.want)) {
				t.Errorf("reading %s: %q, %v", c.m.FileName, got, err)
			}
		}
		// The directory's file is what is served: changed on disk, it is
		// refused rather than served; gone, it cannot be read.
		if err := os.WriteFile(path, []byte("%PDF-1.4\n% tampered\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := read(onDisk); err == nil {
			t.Error("a file changed on disk was served")
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if _, err := read(onDisk); err == nil {
			t.Error("a file removed from disk was still served: the database held it too")
		}
		if got, err := read(inDB); err != nil || got == "" {
			t.Errorf("the database's file after the directory was set: %q, %v", got, err)
		}
	})
}
