package timescale

import (
	"slices"
	"strconv"
	"time"

	"sightline/internal/calendar"
)

// unit is what an interval counts.
type unit int

const (
	workingDays    unit = iota // day 0 = the start; due the nth working day after
	weeks                      // "within N weeks of X": X + 7N calendar days
	months                     // calendar months, clamped to the month end
	hours                      // "within N hours of X" on civil dates: X + N/24 days
	weeksBeginning             // "N weeks beginning with X": X is day 1, so X + 7N − 1
)

// interval is how long a step allows: 15 working days, 6 weeks, 3 months.
type interval struct {
	n    int
	unit unit
}

// after returns the due date of an interval starting on day d, counted by
// the conventions of timescales.md 2.2.
func (in *input) after(d time.Time, iv interval) time.Time {
	switch iv.unit {
	case weeks:
		return d.AddDate(0, 0, 7*iv.n)
	case months:
		return calendar.AddMonths(d, iv.n)
	case hours:
		return d.AddDate(0, 0, iv.n/24)
	case weeksBeginning:
		return d.AddDate(0, 0, 7*iv.n-1)
	}
	return in.cal.AddWorkingDays(d, iv.n)
}

var unitNames = [...][2]string{
	workingDays:    {" working day", " working days"},
	weeks:          {" week", " weeks"},
	months:         {" month", " months"},
	hours:          {" hour", " hours"},
	weeksBeginning: {" week", " weeks"},
}

// appendTo appends "15 working days" or "1 month".
func (iv interval) appendTo(b []byte) []byte {
	b = appendInt(b, int64(iv.n))
	if iv.n == 1 {
		return append(b, unitNames[iv.unit][0]...)
	}
	return append(b, unitNames[iv.unit][1]...)
}

// step is one kind of interval of a task: which rule sets it, how long it
// allows and how to say so ("ICPC due 15 working days from the strategy
// discussion on 3 Nov 2026").
type step struct {
	rule  *Rule
	every interval
	name  string // short name: "ICPC", "CP visit"
	from  string // the start event: "the strategy discussion", "the last visit"
	note  string // appended to the line, if any
	local bool   // a setting moved the date, though the rule is national
}

// task emits the step's task running from start, done on done (the zero
// time while open).
func (in *input) task(st *step, start, done time.Time, recordID int64) {
	in.emit(st, start, in.after(start, st.every), done, recordID)
}

// appendWhat appends the task's line for people; start is a day number.
func (in *input) appendWhat(b []byte, st *step, start int64) []byte {
	b = append(b, st.name...)
	b = append(b, " due "...)
	b = st.every.appendTo(b)
	b = append(b, " from "...)
	b = append(b, st.from...)
	b = append(b, " on "...)
	b = appendDate(b, start)
	b = append(b, st.note...)
	if st.rule.Local {
		b = append(b, " (local standard)"...)
	}
	return b
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// appendDate appends day number d as "3 Nov 2026".
func appendDate(b []byte, d int64) []byte {
	y, m, day := civil(d)
	b = appendInt(b, int64(day))
	b = append(b, ' ')
	b = append(b, monthAbbr[m]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

// appendInt is strconv.AppendInt with a fast path for the small numbers
// of dates and intervals.
func appendInt(b []byte, n int64) []byte {
	switch {
	case n < 0 || n >= 10000:
		return strconv.AppendInt(b, n, 10)
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

// series is a repeating task: the first interval runs from start, each
// later one from the date the previous event actually happened
// (timescales.md 2.2: "recompute from the actual date, not the planned
// date"). Each event closes an interval, in time or late; the interval
// still running is the open task, unless the plan has ended.
type series struct {
	first, next step
	start       time.Time
	events      []time.Time // sorted; see window
	ended       bool        // the plan or episode had ended as at asAt
	recordID    int64
}

// run emits the series' tasks: one per event (a second event on the same
// day adds nothing) and the open one.
func (in *input) run(sr *series) {
	clock, st := sr.start, &sr.first
	for i, e := range sr.events {
		if i > 0 && e.Equal(sr.events[i-1]) {
			continue
		}
		in.task(st, clock, e, sr.recordID)
		clock, st = e, &sr.next
	}
	if !sr.ended {
		in.task(st, clock, time.Time{}, sr.recordID)
	}
	in.dates = sr.events[:0] // the scratch, for the next series
}

// window keeps the event dates that fall within a plan as at asAt: after
// its start (or on it, when onStart), on or before its end if it ended,
// and not after asAt. It sorts them in place.
func (in *input) window(ds []time.Time, start time.Time, onStart bool, end time.Time, ended bool) []time.Time {
	out := ds[:0]
	for _, d := range ds {
		early := d.Before(start) || (!onStart && d.Equal(start))
		if early || !in.known(d) || (ended && d.After(end)) {
			continue
		}
		out = append(out, d)
	}
	for i := 1; i < len(out); i++ {
		if out[i].Before(out[i-1]) { // records usually come in date order
			slices.SortFunc(out, time.Time.Compare)
			break
		}
	}
	return out
}
