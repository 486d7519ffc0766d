package calendar_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
)

// reference is a deliberately naive day-by-day implementation built only
// from the holiday list, to check the O(1) index against.
type reference map[time.Time]bool

func newReference(c *calendar.Calendar) reference {
	r := reference{}
	for _, h := range c.Holidays() {
		r[h.Date] = true
	}
	return r
}

func (r reference) working(d time.Time) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !r[d]
}

func (r reference) add(d time.Time, n int) time.Time {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDate(0, 0, step)
		if r.working(d) {
			n--
		}
	}
	return d
}

// The index must agree with stepping day by day on every start date from
// before the table to after it, so the edges of the table are crossed.
func TestIndexMatchesDayByDayStepping(t *testing.T) {
	c := calendar.Default().With(calendar.Holiday{Date: calendar.Date(2031, 3, 3), Name: "test"})
	ref := newReference(c)
	ns := []int{-130, -45, -20, -5, -1, 1, 2, 5, 15, 20, 45, 130}
	end := calendar.Date(2032, 3, 1)
	for d := calendar.Date(2008, 10, 1); d.Before(end); d = d.AddDate(0, 0, 1) {
		if got, want := c.IsWorkingDay(d), ref.working(d); got != want {
			t.Fatalf("IsWorkingDay(%s) = %v, want %v", calendar.FormatDate(d), got, want)
		}
		for _, n := range ns {
			if got, want := c.AddWorkingDays(d, n), ref.add(d, n); !got.Equal(want) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s, want %s",
					calendar.FormatDate(d), n, calendar.FormatDate(got), calendar.FormatDate(want))
			}
		}
	}
}

func TestWorkingDaysBetweenMatchesCounting(t *testing.T) {
	c := calendar.Default()
	ref := newReference(c)
	start := calendar.Date(2009, 6, 1)
	count := 0
	for d := start; d.Before(calendar.Date(2031, 6, 1)); d = d.AddDate(0, 0, 1) {
		if ref.working(d) && !d.Equal(start) {
			count++
		}
		if got := c.WorkingDaysBetween(start, d); got != count {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", calendar.FormatDate(start), calendar.FormatDate(d), got, count)
		}
		if got := c.WorkingDaysBetween(d, start); got != -count {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", calendar.FormatDate(d), calendar.FormatDate(start), got, -count)
		}
	}
}
