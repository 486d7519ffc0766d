package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// indexes lists every index of the database as "table name unique".
func indexes(t *testing.T, s *store.Store) []string {
	t.Helper()
	q := `SELECT tbl_name || ' ' || name || ' ' || (CASE WHEN sql IS NULL OR upper(sql) LIKE 'CREATE UNIQUE%' THEN 'unique' ELSE 'plain' END)
		FROM sqlite_master WHERE type = 'index' ORDER BY 1`
	if s.Backend() == "postgres" {
		q = `SELECT t.relname || ' ' || c.relname || ' ' || (CASE WHEN i.indisunique THEN 'unique' ELSE 'plain' END)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
			WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1`
	}
	return columnOf(t, s, q)
}

// columnOf is the one text column of every row q reads.
func columnOf(t *testing.T, s *store.Store, q string) []string {
	t.Helper()
	rows, err := s.DB().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var x string
		if err := rows.Scan(&x); err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBulkWriterLoadsWithoutSecondaryIndexes checks the bulk load of a
// size made in areas: while loading, the tables a batch writes have only
// their keys and unique indexes (which keep their rules); batches are
// written and chained as ever; afterwards every index is back as it was,
// and the records read back through them.
func TestBulkWriterLoadsWithoutSecondaryIndexes(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		before := indexes(t, s)
		if !slices.Contains(before, "visits visits_date plain") {
			t.Fatalf("no visits_date index to begin with: %v", before)
		}
		sw, err := s.BulkWriter(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		defer sw.Close()
		restore, err := sw.DropIndexes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		during := indexes(t, s)
		for _, x := range []string{"visits visits_date plain", "contacts contacts_received plain", "children children_dob plain"} {
			if slices.Contains(during, x) {
				t.Errorf("%s kept during the load", x)
			}
		}
		for _, x := range before {
			if !slices.Contains(during, x) && !slices.Contains(droppable(before), x) {
				t.Errorf("%s dropped, but it is unique or of a table batches do not write", x)
			}
		}
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sw.Write(ctx, store.System, smallBatch(next)); err != nil {
			t.Fatal(err)
		}
		stray := smallBatch(next).Visits[0]
		stray.ID, stray.ChildID = stray.ID+1, 9999 // the foreign keys still hold without the indexes
		if _, err := sw.Write(ctx, store.System, &store.SyntheticBatch{Seq: 2, Visits: []casework.Visit{stray}}); err == nil {
			t.Error("a visit to a missing child was written during the load")
		}
		if err := restore(ctx); err != nil {
			t.Fatal(err)
		}
		if after := indexes(t, s); !slices.Equal(after, before) {
			t.Errorf("indexes after the load differ:\nbefore %v\nafter  %v", before, after)
		}
		cf, err := s.CaseFile(ctx, next.Child)
		if err != nil || len(cf.Visits) != 1 || cf.OpenPlan() == nil {
			t.Errorf("case file read back = %+v, %v", cf, err)
		}
		if rep, err := s.VerifyHistory(ctx); err != nil || rep.Events != 1 {
			t.Errorf("history = %+v, %v; want one event, whole", rep, err)
		}
	})
}

// droppable is the plain (not unique) indexes of the list.
func droppable(all []string) []string {
	var out []string
	for _, x := range all {
		if len(x) > 6 && x[len(x)-6:] == " plain" {
			out = append(out, x)
		}
	}
	return out
}
