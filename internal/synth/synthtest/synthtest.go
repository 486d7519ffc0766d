// Package synthtest writes generated authorities into test stores, for the
// tests of packages that read what the generator makes (returns,
// indicators).
package synthtest

import (
	"context"
	"testing"
	"time"

	"sightline/internal/store"
	"sightline/internal/synth"
)

// Write generates the scenario at size with seed, its history running to
// asAt, and writes it into st in batches; it returns the authority.
func Write(t testing.TB, st *store.Store, scenario, size string, seed uint64, asAt time.Time) *synth.Authority {
	t.Helper()
	ctx := context.Background()
	sc, err := synth.LookupScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	sz, err := synth.LookupSize(size)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := synth.Generate(synth.Config{Scenario: sc, Size: sz, Seed: seed, AsAt: asAt, IDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	w := st.SyntheticWriter()
	defer w.Close()
	for b := range a.Batches(25000) {
		if _, err := w.Write(ctx, store.Actor{Name: "test"}, b); err != nil {
			t.Fatal(err)
		}
	}
	return a
}
