package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// foreignKeyNames lists a database's foreign keys: on PostgreSQL each
// constraint with its definition and whether it is validated, on SQLite
// each key the schema declares.
func foreignKeyNames(t *testing.T, st *store.Store) []string {
	t.Helper()
	q := `SELECT m.name || '.' || f."from" || ' -> ' || f."table"
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1`
	if st.Backend() == "postgres" {
		q = `SELECT t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
			FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
			WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace ORDER BY 1`
	}
	return queryStrings(t, st, q)
}

// TestGenerateRestoresForeignKeys generates an authority on each backend
// (the foreign keys are not checked row by row during the load): after it
// every foreign key is there as before, validated, and a visit to a child
// who is not there is refused.
func TestGenerateRestoresForeignKeys(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, backend)
			want := foreignKeyNames(t, st)
			if len(want) < 20 {
				t.Fatalf("only %d foreign keys to begin with", len(want))
			}
			o, err := generateOptionsFrom("unused.db", "steady", "small", 5, "2026-11-20", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			o.size.Years = 1
			var progress, summary bytes.Buffer
			if err := generateInto(ctx, st, &progress, &summary, o); err != nil {
				t.Fatalf("generate: %v\n%s", err, progress.String())
			}
			if got := foreignKeyNames(t, st); !slices.Equal(got, want) {
				t.Errorf("foreign keys after generating:\n%v\nwant\n%v", got, want)
			}
			var child int64
			if err := st.DB().QueryRowContext(ctx, `SELECT min(id) FROM children`).Scan(&child); err != nil {
				t.Fatal(err)
			}
			insert := func(id, child int64) error {
				_, err := st.DB().ExecContext(ctx, fmt.Sprintf(`INSERT INTO visits (id, child_id, visit_date, kind, seen,
					seen_alone, place, notes, visited_by, updated_at, updated_by) VALUES (%d, %d, '2026-01-05', 'cin', true,
					false, 'home', '', 'x', '2026-01-05T09:00:00Z', 'x')`, id, child))
				return err
			}
			if err := insert(999998, child); err != nil {
				t.Fatalf("a visit to child %d: %v", child, err)
			}
			if err := insert(999999, 999999); err == nil {
				t.Error("a visit to a missing child was written after generating")
			}
		})
	}
}

// TestNewFile checks which databases count as new files, where SQLite may
// skip waiting for the disk during the load: only a SQLite file not there
// yet, or empty.
func TestNewFile(t *testing.T) {
	dir := t.TempDir()
	empty, full := filepath.Join(dir, "empty.db"), filepath.Join(dir, "full.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dsn  string
		want bool
	}{
		{filepath.Join(dir, "new.db"), true},
		{"file:" + filepath.Join(dir, "new.db") + "?mode=rwc", true},
		{empty, true},
		{full, false},
		{"file:" + full, false},
		{dir, false},
		{"postgres://postgres@127.0.0.1:5432/test", false},
	} {
		if got := newFile(tc.dsn); got != tc.want {
			t.Errorf("newFile(%q) = %v, want %v", tc.dsn, got, tc.want)
		}
	}
}
