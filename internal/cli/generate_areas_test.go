package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/synth"
)

// indexNames lists a database's indexes, table by table.
func indexNames(t *testing.T, st *store.Store) []string {
	t.Helper()
	q := `SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'index' ORDER BY 1`
	if st.Backend() == "postgres" {
		q = `SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`
	}
	return queryStrings(t, st, q)
}

// queryStrings is the one text column of every row q reads.
func queryStrings(t *testing.T, st *store.Store, q string) []string {
	t.Helper()
	rows, err := st.DB().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGenerateInAreas writes a size made in areas (national's way, scaled
// down to three areas of 3,000 children and a year) on each backend: the
// areas' batches are numbered on, one after another, and chained whole;
// the indexes dropped for the load are all back afterwards; and it is the
// authority that making the areas one by one, writing nothing, gives.
func TestGenerateInAreas(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, backend)
			want := indexNames(t, st)
			ids, err := st.NextIDs(ctx)
			if err != nil {
				t.Fatal(err)
			}
			before, err := st.VerifyHistory(ctx)
			if err != nil {
				t.Fatal(err)
			}
			o, err := generateOptionsFrom("unused.db", "steady", "small", 3, "2026-11-20", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			o.size = synth.Size{Name: "national-scaled", Population: 3 * 3000, Years: 1, AreaPopulation: 3000}
			var progress, summary bytes.Buffer
			if err := generateInto(ctx, st, &progress, &summary, o); err != nil {
				t.Fatalf("generate: %v\n%s", err, progress.String())
			}
			if !strings.Contains(progress.String(), "area 3 of 3") || !strings.Contains(progress.String(), "built the indexes") {
				t.Errorf("progress does not show three areas and the indexes built:\n%s", progress.String())
			}
			if got := indexNames(t, st); !slices.Equal(got, want) {
				t.Errorf("indexes after generating:\n%v\nwant\n%v", got, want)
			}
			rep, err := st.VerifyHistory(ctx)
			if err != nil || rep.BrokenAt != 0 {
				t.Errorf("history = %+v, %v; want whole", rep, err)
			}
			children, batches := 0, 0
			cfg := synth.Config{Scenario: o.scenario, Size: o.size, Seed: o.seed, AsAt: o.asAt, IDs: ids}
			err = synth.Stream(cfg, func(a *synth.Authority) error {
				children += len(a.Children())
				for range a.Batches(o.batchRows) {
					batches++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if total, _, err := st.CountChildren(ctx); err != nil || total != children {
				t.Errorf("children written = %d, %v; the areas make %d", total, err, children)
			}
			// One event a batch, and one for each setting: the child
			// population, the LA code and the LA area.
			if got := rep.Events - before.Events; got != int64(batches)+3 {
				t.Errorf("history events written = %d, want one per batch (%d) and the three settings'", got, batches)
			}
			// The areas share the BK postcodes: each is in the directory
			// once, by the area that used it first.
			checkDirectory(t, st.DB())
		})
	}
}
