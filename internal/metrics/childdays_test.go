package metrics

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestChildDaysKeepEachChildsDaysInOrder: whatever order days come in,
// across many loads, with children dropped and read again and the store
// compacted on the way, each child's days are the set given, in order,
// and the last day on or before a date is the one a plain search finds.
func TestChildDaysKeepEachChildsDaysInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var c childDays
	want := map[int32]map[Day]bool{}
	const children = 40
	for round := range 200 {
		if round%7 == 3 { // a write: some children dropped, to be read again
			gone := make([]bool, children)
			for range 5 {
				ci := rng.Int32N(children)
				gone[ci] = true
				delete(want, ci)
			}
			c.drop(gone)
		}
		for range rng.IntN(30) {
			ci, d := rng.Int32N(children), Day(rng.IntN(400))
			c.add(ci, d)
			if want[ci] == nil {
				want[ci] = map[Day]bool{}
			}
			want[ci][d] = true
		}
		c.settle()
		total := 0
		for ci := range int32(children) {
			var days []Day
			for d := range want[ci] {
				days = append(days, d)
			}
			slices.Sort(days)
			total += len(days)
			if got := c.days(ci); !slices.Equal(got, days) && len(got)+len(days) > 0 {
				t.Fatalf("round %d, child %d: days %v, want %v", round, ci, got, days)
			}
			for _, to := range []Day{0, 100, 399} {
				wantLast := Day(-1)
				for _, d := range days {
					if d <= to {
						wantLast = d
					}
				}
				if got := c.last(ci, to); got != wantLast {
					t.Fatalf("round %d, child %d: last on or before %d is %d, want %d", round, ci, to, got, wantLast)
				}
			}
		}
		if c.len() != total {
			t.Fatalf("round %d: %d days held, want %d", round, c.len(), total)
		}
		if c.dead > len(c.arena)/2 {
			t.Fatalf("round %d: %d of %d days dead, not compacted", round, c.dead, len(c.arena))
		}
	}
}

// TestChildDaysBefore1970: a day before 1970 (a negative day number)
// sorts before the days after it.
func TestChildDaysBefore1970(t *testing.T) {
	var c childDays
	for _, d := range []Day{5, -3, 0, -400} {
		c.add(2, d)
	}
	c.settle()
	if got := c.days(2); !slices.Equal(got, []Day{-400, -3, 0, 5}) {
		t.Errorf("days %v, want [-400 -3 0 5]", got)
	}
}
