package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// foreignKeys lists the database's foreign keys: on PostgreSQL each
// constraint with its definition and whether it is validated, on SQLite
// each table's keys as the schema declares them.
func foreignKeys(t *testing.T, s *store.Store) []string {
	t.Helper()
	q := `SELECT m.name || ' ' || f."from" || ' -> ' || f."table" || '.' || coalesce(f."to", 'id')
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1`
	if s.Backend() == "postgres" {
		q = `SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' validated=' || c.convalidated
			FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
			WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace ORDER BY 1`
	}
	return columnOf(t, s, q)
}

// loadWithKeysDeferred opens a bulk writer, defers the foreign keys and
// writes a small authority through it; the writer closes with the test.
func loadWithKeysDeferred(t *testing.T, s *store.Store) (*store.SyntheticWriter, func(context.Context) error, store.NextIDs) {
	t.Helper()
	sw, err := s.BulkWriter(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sw.Close() })
	restore, err := sw.DeferForeignKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sw.Write(ctx, store.System, smallBatch(next)); err != nil {
		t.Fatal(err)
	}
	return sw, restore, next
}

// strayVisit is a visit to a child who is not there.
func strayVisit(next store.NextIDs) *store.SyntheticBatch {
	v := smallBatch(next).Visits[0]
	v.ID, v.ChildID = v.ID+1, 9999
	return &store.SyntheticBatch{Seq: 2, Visits: []casework.Visit{v}}
}

// TestBulkWriterDefersForeignKeys checks a bulk load without row-by-row
// foreign key checks: afterwards every key is back as it was (on
// PostgreSQL, validated), and a row breaking one is refused again.
func TestBulkWriterDefersForeignKeys(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		before := foreignKeys(t, s)
		if len(before) < 20 {
			t.Fatalf("only %d foreign keys to begin with: %v", len(before), before)
		}
		sw, restore, next := loadWithKeysDeferred(t, s)
		if err := restore(ctx); err != nil {
			t.Fatalf("restore after a load that keeps the keys: %v", err)
		}
		if after := foreignKeys(t, s); !slices.Equal(after, before) {
			t.Errorf("foreign keys after the load differ:\nbefore %v\nafter  %v", before, after)
		}
		if _, err := sw.Write(ctx, store.System, strayVisit(next)); err == nil {
			t.Error("a visit to a missing child was written after the load, through the writer")
		}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, strayVisit(next)); err == nil {
			t.Error("a visit to a missing child was written after the load")
		}
	})
}

// TestBulkWriterReportsBrokenForeignKeys checks that a row written during
// the load whose parent is missing is found when the keys are restored,
// naming the table, and that the key is back in place all the same.
func TestBulkWriterReportsBrokenForeignKeys(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		before := foreignKeys(t, s)
		sw, restore, next := loadWithKeysDeferred(t, s)
		if _, err := sw.Write(ctx, store.System, strayVisit(next)); err != nil {
			t.Fatalf("the stray visit, written while the keys are deferred: %v", err)
		}
		err := restore(ctx)
		if err == nil || !strings.Contains(err.Error(), "visits") {
			t.Fatalf("restore = %v; want the broken key of visits reported", err)
		}
		after := foreignKeys(t, s)
		if len(after) != len(before) {
			t.Errorf("%d foreign keys after the load, want the %d there were", len(after), len(before))
		}
		if s.Backend() == "postgres" && !slices.ContainsFunc(after, func(k string) bool {
			return strings.HasPrefix(k, "visits ") && strings.HasSuffix(k, "validated=false")
		}) {
			t.Errorf("the broken key of visits is not in place unvalidated: %v", after)
		}
		stray := strayVisit(next)
		stray.Visits[0].ID++
		if _, err := s.WriteSyntheticBatch(ctx, store.System, stray); err == nil {
			t.Error("another visit to a missing child was written after the load")
		}
	})
}
