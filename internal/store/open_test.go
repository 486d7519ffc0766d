package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"sightline/internal/store"
)

// A database path is a file name, whatever characters it holds: the
// driver's URI syntax must not cut "cases#2.db" down to "cases".
func TestASQLitePathWithURICharactersOpensThatFile(t *testing.T) {
	for _, name := range []string{"cases#2.db", "what?.db", "100%.db", "a b.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if _, err := os.Stat(path); err != nil {
				t.Errorf("the database should be at %q: %v", path, err)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range entries {
				if e.Name() != name && e.Name() != name+"-wal" && e.Name() != name+"-shm" {
					t.Errorf("unexpected file %q beside %q", e.Name(), name)
				}
			}
		})
	}
}
