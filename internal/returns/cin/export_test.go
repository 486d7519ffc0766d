package cin_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/cin"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestExportSmallMatchesSchema exports a generated small authority's
// 2025 to 2026 census and checks it against CIN_schema_2026.xsd.
func TestExportSmallMatchesSchema(t *testing.T) {
	file := export(t, generated(t, "sqlite", "small"))
	if n := bytes.Count(file, []byte("<Child>")); n < 100 {
		t.Fatalf("the census holds %d children; a small authority has hundreds in need in a year", n)
	}
	xmllint(t, file)
}

// TestGeneratedCensusKeepsTheRules builds the 2025 to 2026 census of
// generated large authorities (held in memory: writing one takes a
// minute), history running to the end of the year and past it, and
// validates it: the generator's records must raise no error. (Queries
// ask a person to look, and some are expected: children of school age
// without a UPN, as authorities' records have.)
func TestGeneratedCensusKeepsTheRules(t *testing.T) {
	if testing.Short() {
		t.Skip("generates large authorities")
	}
	sc, _ := synth.LookupScenario("steady")
	sz, _ := synth.LookupSize("la")
	for _, run := range []struct {
		seed uint64
		asAt time.Time
	}{{1, calendar.Date(2026, time.December, 6)}, {7, calendar.Date(2026, time.June, 30)}} {
		a, err := synth.Generate(synth.Config{Scenario: sc, Size: sz, Seed: run.seed, AsAt: run.asAt, IDs: store.NextIDs{Child: 1}})
		if err != nil {
			t.Fatal(err)
		}
		var files []casework.CaseFile
		for _, c := range a.Children() {
			files = append(files, synth.CaseFile(c))
		}
		m := cin.Build(files, options())
		fs, err := cin.Validate(&m, cin.NewContext(2026, calendar.Default(), nil))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if !f.Query {
				t.Errorf("seed %d to %s: %s %s %s: %s", run.seed, calendar.FormatDate(run.asAt), f.Code, f.Child, f.Field, f.Message)
			}
		}
		t.Logf("seed %d to %s: %d children, %d failures (queries only)", run.seed, calendar.FormatDate(run.asAt), len(m.Children), len(fs))
	}
}

// TestExportSliceBySliceGivesTheSameFile: reading the children a few at a
// time (as a census of hundreds of thousands is read, not to hold every
// case file at once) writes the file one read writes, byte for byte.
func TestExportSliceBySliceGivesTheSameFile(t *testing.T) {
	st := generated(t, "sqlite", "small")
	whole := export(t, st)
	opts := options()
	opts.Slice = 37
	var sliced bytes.Buffer
	if _, err := cin.ExportStore(context.Background(), st, &sliced, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole, sliced.Bytes()) {
		t.Errorf("the census read 37 children at a time differs from the one read at once (%d and %d bytes)", sliced.Len(), len(whole))
	}
}
