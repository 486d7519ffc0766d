package calendar

// The working-day index answers every count in O(1), because the
// timescale engine recomputes deadlines for ~100k children at a time.
//
// count(x) is the number of working days from a fixed origin up to and
// including day x (negative before the origin). It is the Monday-to-Friday
// count less the weekday holidays on or before x, so
//
//	WorkingDaysBetween(a, b) = count(b) − count(a)
//
// and AddWorkingDays is its inverse, nth. Between the first and last
// tabulated days both come from precomputed tables; outside them there are
// no holidays, so plain weekday arithmetic is exact.

// mondayZero is day 4 since the Unix epoch, Monday 5 January 1970; weekday
// arithmetic counts whole weeks from it.
const mondayZero = 4

// index is the precomputed working-day table of one Calendar.
type index struct {
	lo, hi   int     // first and last tabulated day numbers (hi < lo when empty)
	base     int     // count(lo−1): weekdays only, as no holiday precedes lo
	holidays int     // weekday holidays in [lo, hi]
	cum      []int32 // cum[i] = count(lo+i) − base
	work     []int32 // work[j] = offset from lo of the (j+1)th working day in [lo, hi]
}

// newIndex tabulates the days lo..hi; days lists the holiday day numbers,
// sorted, all within lo..hi.
func newIndex(days []int, lo, hi int) index {
	ix := index{lo: lo, hi: hi, base: weekdays(lo - 1)}
	if hi < lo {
		return ix
	}
	ix.cum = make([]int32, 0, hi-lo+1)
	ix.work = make([]int32, 0, (hi-lo+1)*5/7+1)
	for x := lo; x <= hi; x++ {
		holiday := len(days) > 0 && days[0] == x
		if holiday {
			days = days[1:]
		}
		switch {
		case !isWeekday(x):
		case holiday:
			ix.holidays++
		default:
			ix.work = append(ix.work, int32(x-lo))
		}
		ix.cum = append(ix.cum, int32(len(ix.work)))
	}
	return ix
}

// count returns the number of working days from the origin to day x.
func (ix *index) count(x int) int {
	switch {
	case x < ix.lo:
		return weekdays(x)
	case x > ix.hi:
		return weekdays(x) - ix.holidays
	}
	return ix.base + int(ix.cum[x-ix.lo])
}

// nth returns the first day x with count(x) ≥ t: the working day on which
// the count reaches t.
func (ix *index) nth(t int) int {
	switch {
	case t <= ix.base:
		return firstWeekday(t)
	case t > ix.base+len(ix.work):
		return firstWeekday(t + ix.holidays)
	}
	return ix.lo + int(ix.work[t-ix.base-1])
}

// weekdays returns the number of Mondays to Fridays from mondayZero to day
// x inclusive (zero or negative for days before it).
func weekdays(x int) int {
	w := floorDiv(x-mondayZero, 7)
	r := x - mondayZero - 7*w // 0 = Monday … 6 = Sunday
	return 5*w + min(r+1, 5)
}

// firstWeekday returns the first day x with weekdays(x) ≥ t.
func firstWeekday(t int) int {
	w := floorDiv(t-1, 5)
	return mondayZero + 7*w + (t - 1 - 5*w)
}

// isWeekday reports whether day x is Monday to Friday.
func isWeekday(x int) bool {
	r := x - mondayZero - 7*floorDiv(x-mondayZero, 7)
	return r < 5
}
