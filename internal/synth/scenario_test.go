package synth_test

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/synth"
)

// expect is a scenario's headline figure and how near it must be.
type expect struct {
	name      string
	got, want float64
	tol       float64 // absolute
}

func (e expect) check(t *testing.T) {
	t.Helper()
	if math.IsNaN(e.got) || math.Abs(e.got-e.want) > e.tol {
		t.Errorf("%s = %.3g, want %.3g ± %.3g", e.name, e.got, e.want, e.tol)
	}
}

// write generates an authority into st, batch by batch.
func write(t testing.TB, st *store.Store, scenario, size string, seed uint64) *synth.Authority {
	t.Helper()
	ctx := context.Background()
	cfg := config(t, scenario, size, seed)
	ids, err := st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cfg.IDs = ids
	a, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sw := st.SyntheticWriter()
	defer sw.Close()
	for b := range a.Batches(20000) {
		if _, err := sw.Write(ctx, store.System, b); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// storeHeadline reads the figures through the store, as the screens do:
// every case file (store.CaseFiles), the staff, a child's notes.
func storeHeadline(t testing.TB, st *store.Store, asAt time.Time, visitWD int) headline {
	t.Helper()
	ctx := context.Background()
	files, err := st.CaseFiles(ctx, store.CaseFileFilter{})
	if err != nil {
		t.Fatal(err)
	}
	workers, err := st.Workers(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	teams, err := st.Teams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	notes := func(child int64) []casework.Note {
		entries, err := st.Chronology(ctx, child, []string{"note"}, 100000)
		if err != nil {
			t.Fatal(err)
		}
		var out []casework.Note
		for _, e := range entries {
			n, err := st.Note(ctx, e.RecordID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	return readHeadline(headlineInput{files: files, workers: workers, teams: teams, notes: notes, cal: cal, asAt: asAt,
		visitWD: visitWD})
}

// memoryHeadline reads the same figures from the generated records.
func memoryHeadline(a *synth.Authority, visitWD int) headline {
	notes := map[int64][]casework.Note{}
	var files []casework.CaseFile
	for _, c := range a.Children() {
		notes[c.Children[0].ID] = c.Notes
		if len(c.Involvements) > 0 {
			files = append(files, synth.CaseFile(c))
		}
	}
	return readHeadline(headlineInput{files: files, workers: workersOf(a.Staff().Workers), teams: a.Staff().Teams, asAt: a.AsAt,
		visitWD: visitWD,
		notes:   func(id int64) []casework.Note { return notes[id] }, cal: calendar.Default()})
}

// scenarioWants are the headline figures each scenario must show at its
// as-at date, the counts scaled from the scenario's 55,000 children to the
// size's (small: 7,000), and the CP visit standard they are read against
// (28 days is 20 working days). A small authority's plans come from a few
// families, so its share of plans for neglect is allowed more.
func scenarioWants(scenario string, h headline, scale float64) []expect {
	n := func(x float64) float64 { return math.Round(x * scale) }
	plansTol := 0.1
	if scale < 1 {
		plansTol = 0.15
	}
	switch scenario {
	case "inadequate-2015":
		return []expect{
			{"unallocated cases", float64(h.unallocated), n(269), 2},
			{"cases with no progress for 5 months", float64(h.drift), n(122), 3},
			{"open assessments held by the busiest worker, at least", float64(min(h.busiest, int(max(n(45), 12)))),
				max(n(45), 12), 3},
			{"CP visits within 28 days", h.cpVisits, 0.55, 0.1},
			{"CP plans for neglect", h.neglect, 0.86, plansTol},
			{"staff in post", float64(h.staff), n(481), 3},
			{"agency share of staff", h.agency, 0.40, 0.12},
		}
	case "improving-2017":
		return []expect{
			{"unallocated cases", float64(h.unallocated), n(1), 1},
			{"CP visits within 10 working days", h.cpVisits, 0.98, 0.03},
			{"average caseload", h.caseload, 17, 2.5},
			{"agency share of staff", h.agency, 0.22, 0.12},
		}
	}
	return []expect{
		{"unallocated cases", float64(h.unallocated), n(20), 2},
		{"CP visits within 10 working days", h.cpVisits, 0.88, 0.08},
		{"average caseload", h.caseload, synth.National().Workforce.Caseload, 2.5},
	}
}

// visitStandard is the working days a scenario's CP visits are read
// against at its as-at date.
func visitStandard(scenario string) int {
	if scenario == "inadequate-2015" {
		return 20
	}
	return 10
}

// TestScenarioHeadlinesSmall writes each scenario at size small into a
// fresh SQLite database and reads its headline figures back through the
// store and the timescale engine, as the screens do; the history chain
// must verify.
func TestScenarioHeadlinesSmall(t *testing.T) {
	for _, sc := range synth.ScenarioNames() {
		t.Run(sc, func(t *testing.T) {
			st := storetest.Open(t, "sqlite")
			a := write(t, st, sc, "small", 1)
			if rep, err := st.VerifyHistory(context.Background()); err != nil {
				t.Fatalf("history: %+v, %v", rep, err)
			}
			h := storeHeadline(t, st, a.AsAt, visitStandard(sc))
			for _, e := range scenarioWants(sc, h, 7000.0/55000) {
				e.check(t)
			}
			t.Logf("%s: %+v", sc, h)
		})
	}
}

// TestScenarioHeadlinesLA reads the same figures from a large authority's
// records in memory (writing one takes several seconds), with the counts
// unscaled.
func TestScenarioHeadlinesLA(t *testing.T) {
	if testing.Short() {
		t.Skip("generates three large authorities")
	}
	for _, sc := range synth.ScenarioNames() {
		t.Run(sc, func(t *testing.T) {
			a := generate(t, sc, "la", 1)
			h := memoryHeadline(a, visitStandard(sc))
			for _, e := range scenarioWants(sc, h, 1) {
				e.check(t)
			}
			t.Logf("%s: %+v", sc, h)
		})
	}
}

// TestStoreReadsBackWhatWasGenerated writes a small authority on each
// backend and reads every case file back through the store: each is
// the generated one (but for what the store stamps: versions, write times,
// names joined from other tables, the re-referral flag it computes; a
// looked-after child's outcomes read from their own case file), and the
// history chain verifies.
func TestStoreReadsBackWhatWasGenerated(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, backend)
			a := write(t, st, "steady", "small", 4)
			if rep, err := st.VerifyHistory(ctx); err != nil {
				t.Fatalf("history: %+v, %v", rep, err)
			}
			files, err := st.CaseFiles(ctx, store.CaseFileFilter{})
			if err != nil {
				t.Fatal(err)
			}
			read := map[int64]casework.CaseFile{}
			for _, cf := range files {
				read[cf.Child.ID] = cf
			}
			compared := 0
			for _, c := range a.Children() {
				if len(c.Involvements) == 0 {
					continue // contacts only: not in any team's case files
				}
				got, want := read[c.Children[0].ID], synth.CaseFile(c)
				if len(want.Outcomes) > 0 { // one child's case file has them, not lists of case files
					one, err := st.CaseFile(ctx, c.Children[0].ID)
					if err != nil {
						t.Fatal(err)
					}
					got.Outcomes = one.Outcomes
				}
				stamped(&got)
				stamped(&want)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("child %s read back differs:\n got %+v\nwant %+v", c.Children[0].LAChildID, got, want)
				}
				compared++
			}
			if compared != len(files) || compared < 800 {
				t.Errorf("compared %d case files of %d read", compared, len(files))
			}
		})
	}
}

// stampedFields are what the store adds to a record as it saves or loads it.
var stampedFields = []string{"Version", "UpdatedAt", "UpdatedBy", "TeamName", "WorkerName", "ReReferral"}

// stamped zeroes the stamped fields throughout a case file.
func stamped(cf *casework.CaseFile) { zeroFields(reflect.ValueOf(cf).Elem()) }

func zeroFields(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			zeroFields(v.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			zeroFields(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if slices.Contains(stampedFields, v.Type().Field(i).Name) {
				v.Field(i).SetZero()
				continue
			}
			zeroFields(v.Field(i))
		}
	}
}

// workersOf is the workers of the register's staff records.
func workersOf(staff []casework.StaffRecord) []casework.Worker {
	out := make([]casework.Worker, len(staff))
	for i, s := range staff {
		out[i] = s.Worker
	}
	return out
}
