package calendar_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
)

// day parses an ISO date for test tables; a typo fails the test at once.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

type addCase struct {
	name  string
	start string
	n     int
	want  string
}

func checkAdd(t *testing.T, c *calendar.Calendar, tests []addCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.AddWorkingDays(day(t, tc.start), tc.n)
			if want := day(t, tc.want); !got.Equal(want) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s",
					tc.start, tc.n, calendar.FormatLong(got), calendar.FormatLong(want))
			}
		})
	}
}

// The worked examples of timescales.md section 2.4 (day-0 convention).
func TestWorkedExamplesFromTimescales(t *testing.T) {
	checkAdd(t, calendar.Default(), []addCase{
		{"referral Fri 19 Dec 2025 decision next working day", "2025-12-19", 1, "2025-12-22"},
		{"referral Christmas Eve decision skips Christmas and Boxing Day", "2025-12-24", 1, "2025-12-29"},
		{"referral Mon 14 Apr 2025 assessment 45 working days over Easter and May", "2025-04-14", 45, "2025-06-20"},
		{"referral Thu 18 Dec 2025 assessment 45 working days over Christmas", "2025-12-18", 45, "2026-02-24"},
		{"strategy discussion Tue 31 Mar 2026 ICPC 15 working days over Easter", "2026-03-31", 15, "2026-04-23"},
		{"ICPC Mon 5 Jan 2026 core group 10 working days", "2026-01-05", 10, "2026-01-19"},
		{"looked after Mon 30 Mar 2026 first review 20 working days", "2026-03-30", 20, "2026-04-29"},
		{"looked after Fri 19 Dec 2025 first review 20 working days", "2025-12-19", 20, "2026-01-21"},
		{"emergency placement Christmas Eve placement plan 5 working days", "2025-12-24", 5, "2026-01-05"},
	})
	got := calendar.WeeksBeginningWith(day(t, "2025-04-01"), 26)
	if want := day(t, "2025-09-29"); !got.Equal(want) {
		t.Errorf("26 weeks beginning with Tue 1 Apr 2025 = %s, want Mon 29 Sep 2025", calendar.FormatLong(got))
	}
}

// The edge cases of timescales.md section 1.2 and the one-off and
// substitute days of section 2.6.
func TestEdgeCases(t *testing.T) {
	checkAdd(t, calendar.Default(), []addCase{
		{"Saturday referral is due on Monday", "2025-12-27", 1, "2025-12-29"},
		{"Sunday referral is due on Monday", "2025-04-13", 1, "2025-04-14"},
		{"Saturday referral counts Monday as working day 1", "2025-03-01", 5, "2025-03-07"},
		{"year end skips New Year's Day", "2025-12-31", 1, "2026-01-02"},
		{"year end skips substitute New Year's Day", "2021-12-31", 1, "2022-01-04"},
		{"Easter skips Good Friday and Easter Monday", "2025-04-17", 1, "2025-04-22"},
		{"referral on Good Friday is due on Tuesday", "2025-04-18", 1, "2025-04-22"},
		{"bank holiday Monday in August is skipped", "2025-08-22", 1, "2025-08-26"},
		{"bank holiday Monday in May is skipped", "2026-05-22", 1, "2026-05-26"},
		{"Platinum Jubilee Thursday and Friday are skipped", "2022-06-01", 1, "2022-06-06"},
		{"State Funeral Monday is skipped", "2022-09-16", 1, "2022-09-20"},
		{"Coronation Monday is skipped", "2023-05-05", 1, "2023-05-09"},
		{"royal wedding Friday and early May Monday are skipped", "2011-04-28", 1, "2011-05-03"},
		{"substitute Boxing Day on Monday 28 Dec 2026 is skipped", "2026-12-24", 1, "2026-12-29"},
		{"substitute 27 and 28 Dec 2021 are skipped", "2021-12-24", 1, "2021-12-29"},
		{"substitute 27 and 28 Dec 2010 are skipped", "2010-12-24", 1, "2010-12-29"},
		{"zero working days is the start date even on a holiday", "2025-12-25", 0, "2025-12-25"},
		{"DfE ReferenceDate 31 Mar 2026 minus 45 working days", "2026-03-31", -45, "2026-01-27"},
		{"one working day before Tuesday after Easter is Thursday", "2025-04-22", -1, "2025-04-17"},
		{"one working day before a Sunday is Friday", "2025-04-13", -1, "2025-04-11"},
		{"beyond the table only weekends are skipped", "2031-12-24", 1, "2031-12-25"},
		{"before the table only weekends are skipped", "2009-12-24", 1, "2009-12-25"},
	})
}

func TestAssessmentAuthorisedOnDay45IsInTime(t *testing.T) {
	c := calendar.Default()
	referral, authorised := day(t, "2025-04-14"), day(t, "2025-06-20")
	if got := c.WorkingDaysBetween(referral, authorised); got != 45 {
		t.Errorf("WorkingDaysBetween = %d, want 45", got)
	}
	if got := c.WorkingDaysBetween(referral, authorised.AddDate(0, 0, 3)); got != 46 {
		t.Errorf("the Monday after is working day %d, want 46", got)
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	c := calendar.Default()
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"same day is zero working days", "2025-06-02", "2025-06-02", 0},
		{"same holiday is zero", "2025-12-25", "2025-12-25", 0},
		{"Friday to Monday is one", "2025-06-06", "2025-06-09", 1},
		{"Saturday to Sunday is zero", "2025-06-07", "2025-06-08", 0},
		{"Christmas Eve to the next Monday is one", "2025-12-24", "2025-12-29", 1},
		{"backwards is negative", "2025-06-09", "2025-06-06", -1},
		{"a whole week is five", "2025-06-02", "2025-06-09", 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.WorkingDaysBetween(day(t, tc.a), day(t, tc.b)); got != tc.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// Working days per calendar year, timescales.md section 2.4.
func TestWorkingDaysPerYear(t *testing.T) {
	want := map[int]int{2017: 252, 2018: 253, 2019: 253, 2020: 254, 2021: 253, 2022: 250, 2023: 251, 2024: 254, 2025: 253}
	c := calendar.Default()
	for y := 2017; y <= 2025; y++ {
		got := c.WorkingDaysBetween(calendar.Date(y-1, 12, 31), calendar.Date(y, 12, 31))
		if got != want[y] {
			t.Errorf("working days in %d = %d, want %d", y, got, want[y])
		}
	}
}

// Edge case 15: a bank holiday announced late moves open deadlines.
func TestLateAnnouncedHolidayMovesDeadline(t *testing.T) {
	funeral := day(t, "2022-09-19")
	before := calendar.New(slices.DeleteFunc(calendar.Default().Holidays(),
		func(h calendar.Holiday) bool { return h.Date.Equal(funeral) }))
	after := before.With(calendar.Holiday{Date: funeral, Name: "State Funeral of Queen Elizabeth II"})

	start := day(t, "2022-09-12")
	if got := before.AddWorkingDays(start, 10); !got.Equal(day(t, "2022-09-26")) {
		t.Errorf("before the announcement: %s, want 2022-09-26", calendar.FormatDate(got))
	}
	if got := after.AddWorkingDays(start, 10); !got.Equal(day(t, "2022-09-27")) {
		t.Errorf("after the announcement: %s, want 2022-09-27", calendar.FormatDate(got))
	}
	if !before.IsWorkingDay(funeral) {
		t.Error("With changed the calendar it was called on")
	}
	if name, ok := after.HolidayName(funeral); !ok || name != "State Funeral of Queen Elizabeth II" {
		t.Errorf("HolidayName = %q, %v", name, ok)
	}
	hs := after.Holidays()
	i := slices.IndexFunc(hs, func(h calendar.Holiday) bool { return h.Date.Equal(funeral) })
	if i < 0 || hs[i].Source != calendar.SourceAdded {
		t.Errorf("added day has source %q, want %q", hs[i].Source, calendar.SourceAdded)
	}
}

func TestWithIgnoresDuplicatesAndKeepsCoverage(t *testing.T) {
	c := calendar.Default()
	got := c.With(
		calendar.Holiday{Date: day(t, "2025-12-25"), Name: "Duplicate Christmas"},
		calendar.Holiday{Date: day(t, "2031-01-01"), Name: "New Year's Day"},
		calendar.Holiday{Date: day(t, "2031-01-01"), Name: "Again"},
	)
	if n, want := len(got.Holidays()), len(c.Holidays())+1; n != want {
		t.Errorf("len(Holidays) = %d, want %d", n, want)
	}
	if name, _ := got.HolidayName(day(t, "2025-12-25")); name != "Christmas Day" {
		t.Errorf("existing holiday renamed to %q", name)
	}
	if got.IsWorkingDay(day(t, "2031-01-01")) {
		t.Error("added 2031 holiday counted as a working day")
	}
	if got.Covers(day(t, "2031-06-01")) {
		t.Error("one added day extended the covered years")
	}
}

func TestHolidayNameAndIsWorkingDay(t *testing.T) {
	c := calendar.Default()
	for _, h := range c.Holidays() {
		if c.IsWorkingDay(h.Date) {
			t.Errorf("%s %s counted as a working day", calendar.FormatDate(h.Date), h.Name)
		}
		// A timestamp late in the evening in another zone is the same day.
		late := time.Date(h.Date.Year(), h.Date.Month(), h.Date.Day(), 23, 30, 0, 0, time.FixedZone("BST", 3600))
		if name, ok := c.HolidayName(late); !ok || name != h.Name {
			t.Errorf("HolidayName(%v) = %q, %v; want %q", late, name, ok, h.Name)
		}
	}
	if name, ok := c.HolidayName(day(t, "2025-12-24")); ok {
		t.Errorf("Christmas Eve named %q", name)
	}
	if c.IsWorkingDay(day(t, "2025-06-07")) || !c.IsWorkingDay(day(t, "2025-06-06")) {
		t.Error("Saturday/Friday working-day status wrong")
	}
}

func TestCovers(t *testing.T) {
	c := calendar.Default()
	for s, want := range map[string]bool{"2009-12-31": false, "2010-01-01": true, "2030-12-31": true, "2031-01-01": false} {
		if got := c.Covers(day(t, s)); got != want {
			t.Errorf("Covers(%s) = %v, want %v", s, got, want)
		}
	}
	if first, last := c.CoveredYears(); first != 2010 || last != 2030 {
		t.Errorf("CoveredYears = %d, %d; want 2010, 2030", first, last)
	}
	if calendar.New(nil).Covers(day(t, "2025-01-01")) {
		t.Error("an empty calendar covers 2025")
	}
}

func TestEmptyCalendarSkipsWeekendsOnly(t *testing.T) {
	c := calendar.New(nil)
	if got := c.AddWorkingDays(day(t, "2025-12-24"), 1); !got.Equal(day(t, "2025-12-25")) {
		t.Errorf("AddWorkingDays = %s, want 2025-12-25", calendar.FormatDate(got))
	}
	if got := c.WorkingDaysBetween(day(t, "2025-01-03"), day(t, "2025-01-10")); got != 5 {
		t.Errorf("WorkingDaysBetween = %d, want 5", got)
	}
}

// Property: counting and stepping agree, and a deadline is a working day.
func TestAddAndBetweenAreInverse(t *testing.T) {
	c := calendar.Default()
	rng := rand.New(rand.NewPCG(1, 2))
	lo := day(t, "1995-01-01")
	for range 20000 {
		d := lo.AddDate(0, 0, rng.IntN(365*50))
		n := rng.IntN(600)
		got := c.AddWorkingDays(d, n)
		if between := c.WorkingDaysBetween(d, got); between != n {
			t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(%s, %d) = %s) = %d",
				calendar.FormatDate(d), calendar.FormatDate(d), n, calendar.FormatDate(got), between)
		}
		if n > 0 && !c.IsWorkingDay(got) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s is not a working day", calendar.FormatDate(d), n, calendar.FormatDate(got))
		}
		if c.IsWorkingDay(d) {
			if back := c.AddWorkingDays(got, -n); !back.Equal(d) {
				t.Fatalf("AddWorkingDays(%s, -%d) = %s, want %s", calendar.FormatDate(got), n, calendar.FormatDate(back), calendar.FormatDate(d))
			}
		}
	}
}
