package bench

import (
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
	"sightline/internal/store"
	"sightline/internal/synth"
	"sightline/internal/timescale"
)

// TestIndicatorsAtLAScale measures the indicator engine on a generated
// `la` authority written to SQLite: the cold load (every record read
// through the store into columns, with every child's timescale tasks), the
// heap it keeps, every indicator as at one date warm, and the update after
// one write. It reports, never asserts; it runs only with SIGHTLINE_BENCH=1.
func TestIndicatorsAtLAScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure at `la` scale")
	}
	st := generatedLA(t, "sqlite")
	heapBefore := heap()
	e := engine.New(st)
	start, cpu := time.Now(), processCPU()
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	cold, coldCPU := time.Since(start), processCPU()-cpu
	kept := heap() - heapBefore
	s := e.Stats()
	t.Logf("cold load: %s (CPU %s); %d children, columns %.1f MiB, heap kept %.1f MiB; rows %v",
		cold.Round(time.Millisecond), coldCPU.Round(time.Millisecond), s.Children, s.ColumnsMiB, kept, s.Rows)
	q := metrics.Query{AsAt: laAsAt}
	var times []time.Duration
	for range 30 {
		start := time.Now()
		if _, err := e.Compute(ctx, q); err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	t.Logf("every indicator as at %s, warm (with the history check): min %s, median %s, max %s",
		calendar.FormatDate(laAsAt), times[0], times[len(times)/2], times[len(times)-1])
	v, err := st.RecordVisit(ctx, store.System, casework.Visit{ChildID: int64(s.Children / 2), Date: laAsAt, Kind: "other", Seen: true, Place: "home"})
	if err != nil {
		t.Logf("no visit recorded (%v): incremental update not measured", err)
		return
	}
	start = time.Now()
	if _, err := e.Compute(ctx, q); err != nil {
		t.Fatal(err)
	}
	t.Logf("after one write (visit %d): update and every indicator %s; stats %+v", v.ID, time.Since(start), e.Stats())
}

func heap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

var (
	laDataOnce sync.Once
	laData     *metrics.Data
	laDataAsAt time.Time
)

// laMemory builds the engine's data for a generated `la` authority from the
// generated records, without a database.
func laMemory(b *testing.B) (*metrics.Data, time.Time) {
	laDataOnce.Do(func() {
		sc, err := synth.LookupScenario("steady")
		if err != nil {
			b.Fatal(err)
		}
		sz, err := synth.LookupSize("la")
		if err != nil {
			b.Fatal(err)
		}
		a, err := synth.Generate(synth.Config{Scenario: sc, Size: sz, Seed: 1, AsAt: laAsAt, IDs: store.NextIDs{Team: 1, Worker: 1,
			User: 1, Child: 1, Address: 1, Relationship: 1, Involvement: 1, Allocation: 1, Contact: 1, Referral: 1, Assessment: 1,
			Strategy: 1, S47: 1, Plan: 1, Conference: 1, CoreGroup: 1, Visit: 1, CINPlan: 1, CINReview: 1, Note: 1}})
		if err != nil {
			b.Fatal(err)
		}
		org := metrics.Org{Workers: a.Staff().StaffWorkers(), Teams: a.Staff().Teams, Caseload: casework.DefaultCaseloadSettings(),
			Calendar: calendar.Default(), Population: a.Size.Population, CPVisitWorkingDays: 10}
		laData = engine.DataFrom(org, a.MetricsRecords(), timescale.DefaultSettings(), a.AsAt)
		laDataAsAt = a.AsAt
	})
	return laData, laDataAsAt
}

// BenchmarkIndicatorsLAWarm: every indicator as at one date for an `la`
// authority already in memory.
func BenchmarkIndicatorsLAWarm(b *testing.B) {
	data, asAt := laMemory(b)
	q := metrics.Query{AsAt: asAt}
	b.ReportAllocs()
	cpu, n := processCPU(), 0
	for b.Loop() {
		data.Compute(q)
		n++
	}
	// CPU time says more than wall time on a machine shared with others.
	b.ReportMetric(float64(processCPU()-cpu)/float64(n)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(data.Bytes())/(1<<20), "column-MiB")
}

// BenchmarkIndicatorsLAWarmByTeam: the same, split by team.
func BenchmarkIndicatorsLAWarmByTeam(b *testing.B) {
	data, asAt := laMemory(b)
	q := metrics.Query{AsAt: asAt, Split: metrics.ByTeam}
	b.ReportAllocs()
	cpu, n := processCPU(), 0
	for b.Loop() {
		data.Compute(q)
		n++
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(n)/1e6, "cpu-ms/op")
}
