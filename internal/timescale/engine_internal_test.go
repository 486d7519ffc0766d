package timescale

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"
)

// The engine's own date arithmetic agrees with package time over four
// centuries either side of the epoch.
func TestDayNumbersAndDates(t *testing.T) {
	for d := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2400; d = d.AddDate(0, 0, 1) {
		n := dayOf(d)
		if !fromDay(n).Equal(d) {
			t.Fatalf("fromDay(dayOf(%s)) = %s", d, fromDay(n))
		}
		if got, want := string(appendDate(nil, n)), d.Format("2 Jan 2006"); got != want {
			t.Fatalf("appendDate(%s) = %q, want %q", d, got, want)
		}
	}
}

// Sort keys order by due date, then start, then rule, for dates either
// side of 1970.
func TestSortKey(t *testing.T) {
	days := []int64{-100000, -1, 0, 1, 20000, 100000}
	for _, due := range days {
		for _, start := range days {
			for _, rank := range []int16{0, 3, 9} {
				dr := draft{key: sortKey(due, start, rank)}
				if dr.due() != due || dr.start() != start || dr.rank() != rank {
					t.Fatalf("sortKey(%d, %d, %d) unpacks as %d, %d, %d", due, start, rank, dr.due(), dr.start(), dr.rank())
				}
			}
			if sortKey(due, start, 9) >= sortKey(due+1, start-5, 0) || sortKey(due, start, 9) >= sortKey(due, start+1, 0) {
				t.Fatalf("sortKey out of order at due %d start %d", due, start)
			}
		}
	}
}

func TestAppendInt(t *testing.T) {
	for _, n := range []int64{-12, 0, 7, 10, 99, 100, 999, 1000, 2026, 9999, 10000, 123456} {
		if got, want := string(appendInt(nil, n)), strconv.FormatInt(n, 10); got != want {
			t.Errorf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
}

// sortDrafts agrees with a full sort, on short and long inputs.
func TestSortDrafts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 13, 100, 300} {
		ds := make([]draft, n)
		for i := range ds {
			ds[i] = draft{key: sortKey(int64(r.IntN(50)), int64(r.IntN(50)), int16(r.IntN(3))), record: int64(r.IntN(4))}
		}
		want := slices.Clone(ds)
		slices.SortFunc(want, draft.compare)
		if sortDrafts(ds); !slices.Equal(ds, want) {
			t.Errorf("n=%d: sortDrafts differs from slices.SortFunc", n)
		}
	}
}
