package store_test

import (
	"os"
	"sort"
	"testing"
	"time"

	"sightline/internal/store"
	"sightline/internal/synth"
)

// TEMPORARY: measures on a generated la authority; deleted after use.
func TestTmpLA(t *testing.T) {
	path := os.Getenv("LA_DB")
	if path == "" {
		t.Skip()
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".done"); err != nil {
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		sc, _ := synth.LookupScenario(os.Getenv("LA_SCENARIO"))
		size, _ := synth.LookupSize("la")
		ids, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		asAt := d(2015, 6, 30)
		if sc.Name != "inadequate-2015" {
			asAt = d(2026, 11, 24)
		}
		start := time.Now()
		a, err := synth.Generate(synth.Config{Scenario: sc, Size: size, Seed: 1, AsAt: asAt, IDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("generated in %v", time.Since(start))
		w := s.SyntheticWriter()
		for b := range a.Batches(20000) {
			if _, err := w.Write(ctx, store.System, b); err != nil {
				t.Fatal(err)
			}
		}
		w.Close()
		t.Logf("written in %v", time.Since(start))
		os.WriteFile(path+".done", []byte(asAt.Format("2006-01-02")), 0o644)
	}
	raw, _ := os.ReadFile(path + ".done")
	asAt, _ := time.Parse("2006-01-02", string(raw))
	for _, when := range []time.Time{asAt, asAt.AddDate(0, -6, 0), asAt.AddDate(-2, 0, 0)} {
		time1 := func(name string, fn func() error) {
			var ds []time.Duration
			for range 20 {
				st := time.Now()
				if err := fn(); err != nil {
					t.Fatal(err)
				}
				ds = append(ds, time.Since(st))
			}
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			t.Logf("%s %s: p50 %v p95 %v", when.Format("2006-01-02"), name, ds[10], ds[18])
		}
		time1("caseloads all", func() error { _, err := s.Caseloads(ctx, store.CaseloadFilter{AsAt: when}); return err })
		time1("drift all", func() error { _, err := s.Drift(ctx, store.DriftFilter{AsAt: when}); return err })
		time1("queue all", func() error { _, err := s.UnallocatedQueue(ctx, store.QueueFilter{AsAt: when}); return err })
		q, _ := s.UnallocatedQueue(ctx, store.QueueFilter{AsAt: when})
		c, _ := s.Caseloads(ctx, store.CaseloadFilter{AsAt: when})
		dr, _ := s.Drift(ctx, store.DriftFilter{AsAt: when})
		t.Logf("queue %d (service open %d unallocated %d), workers %d, summary %+v, drift %d, late %d", len(q.Entries), q.ServiceOpen, q.ServiceUnallocated, len(c.Workers), c.Summary, len(dr.Cases), len(dr.Assessments))
		if len(dr.OpenAssessments) > 0 {
			t.Logf("top open assessments: %s %d", dr.OpenAssessments[0].Worker.Name, dr.OpenAssessments[0].Open)
		}
		if len(c.Workers) > 0 {
			l := c.Workers[0]
			t.Logf("top worker: %s %d %.1f/%.1f", l.Worker.Name, l.Cases, l.Weighted, l.Capacity)
		}
	}
}
