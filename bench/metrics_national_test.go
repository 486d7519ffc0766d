package bench

import (
	"os"
	"runtime/pprof"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
	"sightline/internal/store"
)

// TestIndicatorsNational measures the indicator engine on a `national`
// data set already generated (generating one takes an hour or more), named
// by SIGHTLINE_NATIONAL_DB, as at SIGHTLINE_NATIONAL_AS_AT (default the
// generator's day, 2026-12-06): the cold load, the heap kept, and every
// indicator as at that date warm, for the whole data set and by team. It
// reports, never asserts; it runs only with SIGHTLINE_BENCH=1. With
// SIGHTLINE_NATIONAL_CPUPROFILE=FILE the warm questions' CPU profile is
// written to FILE (go tool pprof FILE).
func TestIndicatorsNational(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure the national data set")
	}
	dsn := os.Getenv("SIGHTLINE_NATIONAL_DB")
	if dsn == "" {
		t.Skip("name a generated national database in SIGHTLINE_NATIONAL_DB")
	}
	asAt := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	if v := os.Getenv("SIGHTLINE_NATIONAL_AS_AT"); v != "" {
		d, err := calendar.ParseDate(v)
		if err != nil {
			t.Fatal(err)
		}
		asAt = d
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	heapBefore := heap()
	e := engine.New(st)
	start, cpu := time.Now(), processCPU()
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	s := e.Stats()
	t.Logf("cold load: %s (CPU %s); %d children, columns %.1f MiB, heap kept %.1f MiB",
		time.Since(start).Round(time.Millisecond), (processCPU() - cpu).Round(time.Millisecond), s.Children, s.ColumnsMiB, heap()-heapBefore)
	t.Logf("rows held: %v", s.Rows)
	if path := os.Getenv("SIGHTLINE_NATIONAL_CPUPROFILE"); path != "" {
		// Only the warm questions are profiled, not the load before them.
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	for _, q := range []metrics.Query{{AsAt: asAt}, {AsAt: asAt, Split: metrics.ByTeam}} {
		var times, cpus []time.Duration
		for i := range 5 {
			// A different period each time, so no figure is served from the
			// engine's kept results: the warm work itself is measured.
			q.From = calendar.AddMonths(asAt, -12).AddDate(0, 0, -i)
			start, cpu := time.Now(), processCPU()
			if _, err := e.Compute(ctx, q); err != nil {
				t.Fatal(err)
			}
			times, cpus = append(times, time.Since(start)), append(cpus, processCPU()-cpu)
		}
		slices.Sort(times)
		slices.Sort(cpus)
		t.Logf("every indicator as at %s (split %v), warm: min %s, median %s, max %s; CPU median %s",
			calendar.FormatDate(asAt), q.Split, times[0], times[len(times)/2], times[len(times)-1], cpus[len(cpus)/2])
	}
}
