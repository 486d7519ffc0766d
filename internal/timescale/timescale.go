package timescale

import (
	"cmp"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Status is where a task stands as at a date.
type Status string

// Statuses of a task.
const (
	Due        Status = "due"          // not yet due, and beyond the due-soon window
	DueSoon    Status = "due_soon"     // due within Settings.DueSoonWorkingDays working days (or today)
	Overdue    Status = "overdue"      // not done, and the due date has passed
	DoneInTime Status = "done_in_time" // done on or before the due date
	DoneLate   Status = "done_late"    // done after the due date
)

// Rule is a statutory timescale or local standard: what sets a task's date.
type Rule struct {
	ID         string // e.g. "icpc"; the ids of timescales.md where it has one
	Title      string // e.g. "Initial child protection conference"
	Source     string // the guidance, regulation or setting it comes from
	Confidence string // V, S or M (DOMAIN.md): how well the source was checked
	Local      bool   // the interval is a local standard (a setting), not national
}

// Task is one thing due for a child: a decision, a meeting, a visit.
type Task struct {
	ChildID  int64
	Rule     Rule       // the rule that set the date, with its source
	What     string     // a line for people: "ICPC due 15 working days from the strategy discussion on 3 Nov 2026"
	Start    time.Time  // the event the clock runs from
	Due      time.Time  // the last day on which it is in time
	Done     *time.Time // when it was done, if it was (as at the date asked)
	Status   Status
	RecordID int64 // the record it is about, for links: referral, s47, plan (see each rule)
	Local    bool  // the date was set by a local standard (a setting), not national
}

// Tasks returns every task of this child as at asAt: the open ones and the
// ones done (for "done in time / late" reporting), sorted by due date, then
// start, then the order of Rules. Records dated after asAt are ignored, so
// any past date can be asked. s should come from DefaultSettings or
// SettingsFrom; a nil cal means calendar.Default().
func Tasks(cf casework.CaseFile, cal *calendar.Calendar, s Settings, asAt time.Time) []Task {
	return AppendTasks(nil, cf, cal, s, asAt)
}

// AppendTasks is Tasks appending to dst, so that a run over many children
// (an indicator, a team's list) can reuse one buffer: it then makes only
// the What lines and Done dates as garbage.
func AppendTasks(dst []Task, cf casework.CaseFile, cal *calendar.Calendar, s Settings, asAt time.Time) []Task {
	if cal == nil {
		cal = calendar.Default()
	}
	in := scratch.Get().(*input)
	*in = input{cf: cf, cal: cal, s: s, asAt: calendar.Civil(asAt),
		drafts: in.drafts[:0], text: in.text[:0], dates: in.dates[:0]}
	for _, r := range rules {
		r(in)
	}
	dst = in.appendResult(dst)
	if cap(in.drafts) <= maxScratch && cap(in.text) <= maxScratch*128 {
		// Pooled: no child's records, calendar or settings, only buffers.
		*in = input{drafts: in.drafts[:0], text: in.text[:0], dates: in.dates[:0]}
		scratch.Put(in)
	}
	return dst
}

// Open returns the tasks not done, overdue first, then by due date.
func Open(tasks []Task) []Task {
	var out []Task
	for _, t := range tasks {
		if t.Done == nil {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b Task) int {
		if c := cmp.Compare(overdueRank(a), overdueRank(b)); c != 0 {
			return c
		}
		return byDue(a, b)
	})
	return out
}

// Next returns the next open task (overdue first), or nil when there is
// none.
func Next(tasks []Task) *Task {
	open := Open(tasks)
	if len(open) == 0 {
		return nil
	}
	return &open[0]
}

func overdueRank(t Task) int {
	if t.Status == Overdue {
		return 0
	}
	return 1
}

// byDue orders tasks as Tasks does: by due date, then start, the order of
// Rules and the record, so that the order never depends on the order of
// the records.
func byDue(a, b Task) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(rankOfID(a.Rule.ID), rankOfID(b.Rule.ID)); c != 0 {
		return c
	}
	return cmp.Compare(a.RecordID, b.RecordID)
}
