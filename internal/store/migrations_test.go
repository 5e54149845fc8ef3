package store_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestMigrationsInStep checks that every schema version exists for both
// databases, so neither falls behind the other.
func TestMigrationsInStep(t *testing.T) {
	versions := func(dir string) []string {
		entries, err := os.ReadDir(filepath.Join("migrations", dir))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		re := regexp.MustCompile(`^(\d+)_.*\.sql$`)
		for _, e := range entries {
			if m := re.FindStringSubmatch(e.Name()); m != nil {
				out = append(out, m[1])
			}
		}
		return out
	}
	sq, pg := versions("sqlite"), versions("postgres")
	if len(sq) == 0 || !slices.Equal(sq, pg) {
		t.Errorf("migration versions differ: sqlite %v, postgres %v", sq, pg)
	}
}
