package calendar

import "time"

// Date returns the civil date y-m-d as midnight UTC. Out-of-range values
// normalise as in time.Date (Date(2025, 2, 29) is 1 March 2025).
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Civil truncates any time to its civil date: midnight UTC of the
// year, month and day it shows in its own location. A referral logged at
// 00:30 BST on 2 June is a 2 June referral, not a 1 June one.
func Civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// FormatDate formats d as "2006-01-02", the form stored and exported.
// The zero time formats as "" so that an unset date shows blank.
func FormatDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// FormatLong formats d for UK display, "Mon 2 Jan 2006", so that a due
// date on screen shows its weekday. The zero time formats as "".
func FormatLong(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("Mon 2 Jan 2006")
}

// AddMonths adds n calendar months (n may be negative) by the
// corresponding-date rule, clamped to the last day of the target month:
// 31 Jan + 1 month = 28 Feb (29 in a leap year). Statutory months follow
// Dodds v Walker [1981] and the Interpretation Act 1978; time.AddDate
// would roll 31 Jan + 1 month over into March.
func AddMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	months := int(m) - 1 + n
	years := floorDiv(months, 12)
	y += years
	m = time.Month(months-12*years) + 1
	return Date(y, m, min(day, daysIn(y, m)))
}

// WeeksBeginningWith returns the last day of the period of n weeks
// "beginning with" d, counting d as day 1: d + 7n − 1 days. Children Act
// 1989 s.32(1)(a) sets care proceedings at 26 weeks beginning with the
// day of issue, so issue on Tue 1 Apr 2025 ends on Mon 29 Sep 2025.
func WeeksBeginningWith(d time.Time, n int) time.Time {
	return Civil(d).AddDate(0, 0, 7*n-1)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return Date(y, m+1, 0).Day()
}

// secondsPerDay converts between Unix seconds and day numbers; civil
// dates are midnight UTC, which has no leap seconds in Unix time.
const secondsPerDay = 24 * 60 * 60

// dayNum returns the civil date of t as days since 1970-01-01.
func dayNum(t time.Time) int {
	y, m, d := t.Date()
	return int(Date(y, m, d).Unix() / secondsPerDay) // exact: midnight UTC
}

// fromDay is the inverse of dayNum.
func fromDay(n int) time.Time {
	return time.Unix(int64(n)*secondsPerDay, 0).UTC()
}

// floorDiv divides rounding towards minus infinity, so that day and month
// arithmetic works the same before 1970 and before year 0 of a count.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
