package engine_test

import (
	"context"
	"math"
	"reflect"
	"sync"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

func figureOf(rs []metrics.Result, id string) any {
	for _, r := range rs {
		if r.Indicator.ID == id {
			return deref(r.Value)
		}
	}
	return "absent"
}

// Figures asked for again are kept, but a write that changes them (a visit
// recorded late, dated before the date asked about) is seen at once: the
// engine then answers as a fresh one does.
func TestAKeptFigureFollowsAWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		write(t, st)
		e := engine.New(st)
		q := metrics.Query{AsAt: asAt}
		first, err := e.Compute(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		again, err := e.Compute(ctx, q)
		if err != nil || !reflect.DeepEqual(figures(first), figures(again)) {
			t.Fatalf("the same question answered differently: %v", err)
		}
		// child 4, last seen in January, seen on 27 June: 2 of 3 children
		// on a plan seen within 10 working days, not 1.
		if _, err := st.RecordVisit(ctx, store.System, casework.Visit{ChildID: 4, Date: day("2024-06-27"), Kind: "cp",
			Seen: true, Place: "home"}); err != nil {
			t.Fatal(err)
		}
		after, err := e.Compute(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := figureOf(after, "cp_visits_standard_pct").(float64); !ok || math.Abs(got-200.0/3) > 1e-9 {
			t.Errorf("children seen within the standard after the visit: %v, want 66.7 (was %v)", got, figureOf(first, "cp_visits_standard_pct"))
		}
		fresh, err := engine.New(st).Compute(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(figures(after), figures(fresh)) {
			t.Error("the engine's kept figures differ from a fresh engine's after a write")
		}
	})
}

// Many people asking at once get the same figures, worked out from one
// load.
func TestConcurrentQuestionsShareOneLoad(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	ctx := context.Background()
	write(t, st)
	e := engine.New(st)
	want, err := engine.New(st).Compute(ctx, metrics.Query{AsAt: asAt})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]metrics.Result, 20)
	errs := make([]error, 20)
	for i := range got {
		wg.Go(func() { got[i], errs[i] = e.Compute(ctx, metrics.Query{AsAt: asAt}) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil || !reflect.DeepEqual(figures(got[i]), figures(want)) {
			t.Fatalf("asker %d: %v, figures differ from a fresh engine's", i, errs[i])
		}
	}
	if s := e.Stats(); s.FullLoads != 1 {
		t.Errorf("%d full loads for 20 askers, want 1", s.FullLoads)
	}
}

// Warm loads in the background once; the first question after it reads
// nothing more.
func TestWarmLoadsOnceInTheBackground(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	ctx := context.Background()
	write(t, st)
	e := engine.New(st)
	if !e.AwaitWarm(ctx, time.Millisecond) {
		t.Error("waiting on an engine never warmed did not return at once")
	}
	done := make(chan error, 2)
	report := func(err error, _ time.Duration) { done <- err }
	e.Warm(ctx, report)
	e.Warm(ctx, report) // a second call does nothing
	if !e.AwaitWarm(ctx, time.Minute) {
		t.Fatal("the background load did not finish within a minute")
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if loading, since := e.Loading(); loading || since.IsZero() {
		t.Errorf("after the load: loading %v, started %v", loading, since)
	}
	if _, err := e.Compute(ctx, metrics.Query{AsAt: asAt}); err != nil {
		t.Fatal(err)
	}
	if s := e.Stats(); s.FullLoads != 1 {
		t.Errorf("%d full loads after warming and one question, want 1", s.FullLoads)
	}
	select {
	case err := <-done:
		t.Errorf("the second Warm loaded again (%v)", err)
	default:
	}
}
