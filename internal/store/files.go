package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Where a material's file is kept.
const (
	inDatabase  = "database"
	inDirectory = "directory"
)

// SetFileDir makes the store keep the files of materials uploaded from
// now on in dir, named by their SHA-256, instead of in the database; ""
// keeps them in the database, the default, so that every instance on
// PostgreSQL sees them and backups hold them. Files already stored stay
// where they are and are read from there. The directory is created when
// missing and must be writable.
func (s *Store) SetFileDir(dir string) error {
	if dir == "" {
		s.files = ""
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("store: file directory: %w", err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return fmt.Errorf("store: file directory: %w", err)
	}
	probe, err := os.CreateTemp(abs, ".probe-*")
	if err != nil {
		return fmt.Errorf("store: file directory %s is not writable: %w", abs, err)
	}
	name := probe.Name()
	_ = probe.Close()
	_ = os.Remove(name)
	s.files = abs
	return nil
}

// FileDir returns the directory where new files go, "" for the database.
func (s *Store) FileDir() string { return s.files }

// filePath is where a file with the SHA-256 sum lives in dir: under the
// sum's first two hex digits, so that no directory grows too large.
func filePath(dir, sum string) (string, error) {
	if len(sum) != 2*sha256.Size {
		return "", fmt.Errorf("store: file name %q is not a SHA-256 sum", sum)
	}
	if _, err := hex.DecodeString(sum); err != nil {
		return "", fmt.Errorf("store: file name %q is not a SHA-256 sum", sum)
	}
	return filepath.Join(dir, sum[:2], sum), nil
}

// putFile writes data into the file directory under its SHA-256 sum,
// atomically, and returns the sum. A file already there is the same
// content and stays.
func (s *Store) putFile(data []byte) (string, error) {
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	path, err := filePath(s.files, sum)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		return sum, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", fmt.Errorf("store: put file: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return "", fmt.Errorf("store: put file: %w", err)
	}
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Sync(), tmp.Close()); err != nil {
		_ = os.Remove(tmp.Name())
		return "", fmt.Errorf("store: put file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return "", fmt.Errorf("store: put file: %w", err)
	}
	return sum, nil
}

// getFile reads the file with the SHA-256 sum from the file directory and
// checks that its content still has that sum.
func (s *Store) getFile(sum string) ([]byte, error) {
	if s.files == "" {
		return nil, fmt.Errorf("store: file %s is kept in a directory, and none is set", sum)
	}
	path, err := filePath(s.files, sum)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("store: get file: %w", err)
	}
	if h := sha256.Sum256(data); hex.EncodeToString(h[:]) != sum {
		return nil, fmt.Errorf("store: file %s was changed on disk", path)
	}
	return data, nil
}
