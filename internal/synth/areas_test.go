package synth_test

import (
	"runtime"
	"testing"

	"sightline/internal/synth"
)

// TestStreamHoldsOneAreaAtATime makes a national-shaped size scaled down
// (eight areas of 7,000 children, two years of history) and checks that the
// areas follow on (ids, team names and child identifiers never repeat,
// batches are numbered on) and that memory does not grow with the areas:
// the live heap while the last area is handed over is under twice that of the
// second, because nothing keeps an area once it is written (the next is
// being made meanwhile, so two are alive at a time, never more).
func TestStreamHoldsOneAreaAtATime(t *testing.T) {
	cfg := config(t, "steady", "small", 1)
	cfg.Size = synth.Size{Name: "national-scaled", Population: 8 * 7000, Years: 2, AreaPopulation: 7000}
	teams, children, batches := map[string]bool{}, map[string]bool{}, map[int64]bool{}
	var lastChild int64
	var heap []uint64
	err := synth.Stream(cfg, func(a *synth.Authority) error {
		if a.Areas != 8 {
			t.Errorf("area %d of %d, want of 8", a.Area, a.Areas)
		}
		for _, tm := range a.Staff().Teams {
			if teams[tm.Name] {
				t.Errorf("area %d: team %q made twice", a.Area, tm.Name)
			}
			teams[tm.Name] = true
		}
		for _, c := range a.Children() {
			ch := c.Children[0]
			if children[ch.LAChildID] || ch.ID <= lastChild {
				t.Errorf("area %d: child %s (id %d) repeats or goes back (last id %d)", a.Area, ch.LAChildID, ch.ID, lastChild)
			}
			children[ch.LAChildID], lastChild = true, ch.ID
		}
		for b := range a.Batches(20000) {
			if batches[b.Seq] {
				t.Errorf("area %d: batch %d numbered twice", a.Area, b.Seq)
			}
			batches[b.Seq] = true
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = append(heap, m.HeapAlloc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(heap) != 8 {
		t.Fatalf("areas handed over = %d, want 8", len(heap))
	}
	if heap[7] > 2*heap[1] {
		t.Errorf("live heap grew with the areas: %d bytes at area 2, %d at area 8", heap[1], heap[7])
	}
	t.Logf("live heap by area (MB): %v; %d children", mb(heap), len(children))
}

func mb(xs []uint64) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = x >> 20
	}
	return out
}
