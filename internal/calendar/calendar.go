package calendar

import (
	"slices"
	"time"
)

// Holiday sources, so that a screen or an audit record can tell a
// proclaimed day from a projection or a local addition.
const (
	SourcePublished  = "published"  // GOV.UK bank-holidays.json
	SourceHistorical = "historical" // computed from the statutory rules; predates GOV.UK's JSON
	SourceProjected  = "projected"  // computed by the usual rules; not yet proclaimed
	SourceAdded      = "added"      // added by an administrator, e.g. a day announced late
)

// Holiday is one day, other than a Saturday or Sunday, that is not a
// working day: a bank holiday, Christmas Day or Good Friday.
type Holiday struct {
	Date   time.Time // civil date (midnight UTC)
	Name   string    // e.g. "Easter Monday"
	Source string    // one of the Source constants
}

// Calendar answers working-day questions for one holiday table. It is
// immutable, so one value is safe to share between goroutines; a changed
// table is a new Calendar (see With), and deadlines computed with the old
// one stay reproducible for audit.
type Calendar struct {
	holidays  []Holiday // sorted by date, one per date
	days      []int     // day numbers of holidays, parallel to holidays
	firstYear int       // years the table claims to cover (Covers);
	lastYear  int       // firstYear > lastYear when it covers none
	idx       index
}

// New returns a calendar with the given holidays. Dates are truncated
// with Civil; when two share a date the first is kept. The calendar
// covers (see Covers) the years from the earliest holiday to the latest,
// and tabulates them for speed (about 8 bytes a day), so holidays should
// lie within MinYear..MaxYear.
func New(holidays []Holiday) *Calendar {
	c := build(holidays)
	c.firstYear, c.lastYear = 1, 0
	if len(c.holidays) > 0 {
		c.firstYear = c.holidays[0].Date.Year()
		c.lastYear = c.holidays[len(c.holidays)-1].Date.Year()
	}
	return c
}

// With returns a new calendar that also has the extra days, such as a
// bank holiday proclaimed at short notice (19 September 2022 was announced
// ten days ahead). Dates already present are ignored, and an empty Source
// becomes SourceAdded. The receiver is unchanged, and so are the years it
// covers: one added day does not make a year's table complete.
func (c *Calendar) With(extra ...Holiday) *Calendar {
	all := slices.Concat(c.holidays, extra)
	for i := len(c.holidays); i < len(all); i++ {
		if all[i].Source == "" {
			all[i].Source = SourceAdded
		}
	}
	n := build(all)
	n.firstYear, n.lastYear = c.firstYear, c.lastYear
	return n
}

// build sorts and de-duplicates holidays and tabulates the index over
// whole years, from 1 January of the first to 31 December of the last.
func build(holidays []Holiday) *Calendar {
	hs := make([]Holiday, len(holidays))
	for i, h := range holidays {
		hs[i] = Holiday{Date: Civil(h.Date), Name: h.Name, Source: h.Source}
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	hs = slices.CompactFunc(hs, func(a, b Holiday) bool { return a.Date.Equal(b.Date) })
	c := &Calendar{holidays: hs, days: make([]int, len(hs))}
	weekdayHolidays := make([]int, 0, len(hs))
	for i, h := range hs {
		c.days[i] = dayNum(h.Date)
		if isWeekday(c.days[i]) {
			weekdayHolidays = append(weekdayHolidays, c.days[i])
		}
	}
	lo, hi := 0, -1
	if len(hs) > 0 {
		lo = dayNum(Date(hs[0].Date.Year(), time.January, 1))
		hi = dayNum(Date(hs[len(hs)-1].Date.Year(), time.December, 31))
	}
	c.idx = newIndex(weekdayHolidays, lo, hi)
	return c
}

// Holidays returns a copy of the holidays, sorted by date.
func (c *Calendar) Holidays() []Holiday {
	return slices.Clone(c.holidays)
}

// HolidayName returns the name of the holiday on d's civil date, so a
// screen can say why a day was skipped.
func (c *Calendar) HolidayName(d time.Time) (string, bool) {
	i, ok := slices.BinarySearch(c.days, dayNum(d))
	if !ok {
		return "", false
	}
	return c.holidays[i].Name, true
}

// IsWorkingDay reports whether d's civil date is Monday to Friday and not
// a holiday.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	x := dayNum(d)
	return c.idx.count(x) != c.idx.count(x-1)
}

// AddWorkingDays returns the nth working day after d, counting d as day 0
// ("within n working days of d"); d need not be a working day, so a
// Saturday referral's 1-working-day decision falls on Monday. n = 0
// returns d's civil date. A negative n steps back: the |n|th working day
// before d, as the DfE's "ReferenceDate minus 45 working days" does.
func (c *Calendar) AddWorkingDays(d time.Time, n int) time.Time {
	x := dayNum(d)
	switch {
	case n > 0:
		return fromDay(c.idx.nth(c.idx.count(x) + n))
	case n < 0:
		return fromDay(c.idx.nth(c.idx.count(x-1) + n + 1))
	}
	return fromDay(x)
}

// WorkingDaysBetween returns the number of working days in (a, b]: the
// working days elapsed from day 0 = a to b. It is 0 when a == b (the DfE
// "started and finished the same day" band) and negative when b is before
// a. WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n ≥ 0.
func (c *Calendar) WorkingDaysBetween(a, b time.Time) int {
	return c.idx.count(dayNum(b)) - c.idx.count(dayNum(a))
}

// Covers reports whether d falls in the years the holiday table was built
// for (2010–2030 for Default). Outside them only weekends are skipped, so
// callers should warn that a date may be wrong.
func (c *Calendar) Covers(d time.Time) bool {
	y := d.Year()
	return c.firstYear <= y && y <= c.lastYear
}

// CoveredYears returns the first and last years the table covers, for a
// warning such as "bank holidays are known for 2010 to 2030"; first > last
// when it covers none.
func (c *Calendar) CoveredYears() (first, last int) {
	return c.firstYear, c.lastYear
}
