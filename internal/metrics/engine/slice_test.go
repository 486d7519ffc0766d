package engine_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
)

// TestALoadSliceBySliceGivesTheSameFigures: reading the children a few
// ids at a time (as a national data set is read, so as not to hold every
// record at once) gives every figure, split or not, that one read gives.
func TestALoadSliceBySliceGivesTheSameFigures(t *testing.T) {
	st, _, a := generated(t, "steady", "small")
	ctx := context.Background()
	whole := engine.New(st)
	if err := whole.Load(ctx); err != nil {
		t.Fatal(err)
	}
	restore := engine.SetLoadSlice(97)
	sliced := engine.New(st)
	err := sliced.Load(ctx)
	restore()
	if err != nil {
		t.Fatal(err)
	}
	if w, s := whole.Stats().Children, sliced.Stats().Children; w != s || w == 0 {
		t.Fatalf("children held: %d in one read, %d slice by slice", w, s)
	}
	for _, q := range []metrics.Query{{AsAt: a.AsAt}, {AsAt: a.AsAt, Split: metrics.ByTeam}} {
		w, err := whole.Compute(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		s, err := sliced.Compute(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(w) != len(s) {
			t.Fatalf("split %v: %d results in one read, %d slice by slice", q.Split, len(w), len(s))
		}
		fw, fs := figures(w), figures(s)
		for i := range w {
			id := w[i].Indicator.ID
			if !reflect.DeepEqual(fw[id], fs[id]) {
				t.Errorf("split %v, %s: %v in one read, %v slice by slice", q.Split, id, fw[id], fs[id])
			}
			if gw, gs := groups(w[i].Groups), groups(s[i].Groups); !reflect.DeepEqual(gw, gs) {
				t.Errorf("split %v, %s groups:\n%v in one read\n%v slice by slice", q.Split, id, gw, gs)
			}
			if !reflect.DeepEqual(w[i].Bands, s[i].Bands) {
				t.Errorf("split %v, %s bands: %v in one read, %v slice by slice", q.Split, id, w[i].Bands, s[i].Bands)
			}
		}
	}
}

func groups(gs []metrics.Group) []string {
	var out []string
	for _, g := range gs {
		out = append(out, fmt.Sprintf("%s %v/%v", g.Name, g.Numerator, deref(g.Denominator)))
	}
	return out
}
