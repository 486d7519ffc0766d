package calendar_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
)

func TestCivilTakesTheDayShownInItsOwnLocation(t *testing.T) {
	bst := time.FixedZone("BST", 3600)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"00:30 BST on 2 June is 2 June", time.Date(2025, 6, 2, 0, 30, 0, 0, bst), "2025-06-02"},
		{"23:50 UTC on a Friday is that Friday", time.Date(2025, 6, 6, 23, 50, 0, 0, time.UTC), "2025-06-06"},
		{"far east of UTC keeps its own day", time.Date(2025, 1, 1, 1, 0, 0, 0, time.FixedZone("+14", 14*3600)), "2025-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := calendar.Civil(tc.in)
			if !got.Equal(day(t, tc.want)) || got.Location() != time.UTC {
				t.Errorf("Civil(%v) = %v, want %s at midnight UTC", tc.in, got, tc.want)
			}
		})
	}
	if d := calendar.Date(2025, 3, 27); d != time.Date(2025, 3, 27, 0, 0, 0, 0, time.UTC) {
		t.Errorf("Date = %v", d)
	}
}

func TestFormat(t *testing.T) {
	d := calendar.Date(2006, 1, 2)
	if got := calendar.FormatDate(d); got != "2006-01-02" {
		t.Errorf("FormatDate = %q", got)
	}
	if got := calendar.FormatLong(d); got != "Mon 2 Jan 2006" {
		t.Errorf("FormatLong = %q", got)
	}
	if calendar.FormatDate(time.Time{}) != "" || calendar.FormatLong(time.Time{}) != "" {
		t.Error("an unset date does not format as blank")
	}
}

// Months: corresponding date, clamped to the month end (timescales.md 2.2).
func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	tests := []struct {
		name  string
		start string
		n     int
		want  string
	}{
		{"31 Jan plus 1 month is 28 Feb", "2025-01-31", 1, "2025-02-28"},
		{"31 Jan plus 1 month is 29 Feb in a leap year", "2028-01-31", 1, "2028-02-29"},
		{"30 Nov plus 3 months is 28 Feb", "2025-11-30", 3, "2026-02-28"},
		{"30 Nov plus 3 months is 29 Feb in a leap year", "2027-11-30", 3, "2028-02-29"},
		{"29 Feb plus 12 months is 28 Feb", "2028-02-29", 12, "2029-02-28"},
		{"29 Feb plus 48 months is 29 Feb", "2028-02-29", 48, "2032-02-29"},
		{"31 Aug plus 6 months is 28 Feb", "2025-08-31", 6, "2026-02-28"},
		{"31 Aug plus 6 months is 29 Feb in a leap year", "2027-08-31", 6, "2028-02-29"},
		{"31 Mar plus 1 month is 30 Apr", "2025-03-31", 1, "2025-04-30"},
		{"15 Dec plus 1 month crosses the year", "2025-12-15", 1, "2026-01-15"},
		{"zero months is the same date", "2025-05-31", 0, "2025-05-31"},
		{"31 Mar minus 1 month is 28 Feb", "2025-03-31", -1, "2025-02-28"},
		{"15 Jan minus 1 month crosses the year", "2025-01-15", -1, "2024-12-15"},
		{"31 May minus 15 months is 29 Feb", "2025-05-31", -15, "2024-02-29"},
		{"minus 12 months", "2025-06-30", -12, "2024-06-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := calendar.AddMonths(day(t, tc.start), tc.n); !got.Equal(day(t, tc.want)) {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tc.start, tc.n, calendar.FormatDate(got), tc.want)
			}
		})
	}
}

// "n weeks beginning with d": d is day 1 (Children Act 1989 s.32(1)(a)).
func TestWeeksBeginningWithCountsTheFirstDay(t *testing.T) {
	tests := []struct {
		name, start string
		n           int
		want        string
	}{
		{"26 weeks beginning with Tue 1 Apr 2025 end on Mon 29 Sep", "2025-04-01", 26, "2025-09-29"},
		{"1 week beginning with a Monday ends on Sunday", "2025-06-02", 1, "2025-06-08"},
		{"26 weeks is issue plus 181 days", "2025-12-31", 26, "2026-06-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := calendar.WeeksBeginningWith(day(t, tc.start), tc.n); !got.Equal(day(t, tc.want)) {
				t.Errorf("WeeksBeginningWith(%s, %d) = %s, want %s", tc.start, tc.n, calendar.FormatDate(got), tc.want)
			}
		})
	}
}
