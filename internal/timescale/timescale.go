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
	if cal == nil {
		cal = calendar.Default()
	}
	in := &input{cf: &cf, cal: cal, s: s, asAt: calendar.Civil(asAt)}
	for _, r := range rules {
		r(in)
	}
	return in.result()
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

// input is one run of the rules over one case file. Rules emit drafts,
// kept free of pointers and sorted before they become Tasks, so that 100k
// case files cost little garbage (see BenchmarkTasks100k).
type input struct {
	cf     *casework.CaseFile
	cal    *calendar.Calendar
	s      Settings
	asAt   time.Time   // civil date
	drafts []draft     // the tasks emitted so far
	text   []byte      // their What lines, end to end
	dates  []time.Time // scratch for a series' event dates
}

// draft is a task as a rule emits it: dates as day numbers, the rule as
// its place in catalogue, the What line as a span of input.text.
type draft struct {
	due, start, done int64 // days since 1970-01-01; done only if isDone
	record           int64
	lo, hi           int32
	rank             int16
	isDone, local    bool
}

func (a draft) compare(b draft) int {
	if c := cmp.Compare(a.due, b.due); c != 0 {
		return c
	}
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.rank, b.rank); c != 0 {
		return c
	}
	return cmp.Compare(a.record, b.record)
}

// emit adds a task of step st running from start, due on due, done on
// done (the zero time while open).
func (in *input) emit(st *step, start, due, done time.Time, recordID int64) {
	lo := len(in.text)
	in.text = in.appendWhat(in.text, st, start)
	in.drafts = append(in.drafts, draft{
		due: dayOf(due), start: dayOf(start), done: dayOf(done), isDone: !done.IsZero(),
		record: recordID, lo: int32(lo), hi: int32(len(in.text)),
		rank: rankOf(st.rule), local: st.rule.Local || st.local,
	})
}

// result turns the drafts into Tasks, sorted, with their statuses.
func (in *input) result() []Task {
	if len(in.drafts) == 0 {
		return nil
	}
	slices.SortFunc(in.drafts, draft.compare)
	text, done := string(in.text), 0
	for _, dr := range in.drafts {
		if dr.isDone {
			done++
		}
	}
	dones, out := make([]time.Time, 0, done), make([]Task, len(in.drafts))
	for i, dr := range in.drafts {
		t := &out[i]
		*t = Task{ChildID: in.cf.Child.ID, Rule: *catalogue[dr.rank], What: text[dr.lo:dr.hi],
			Start: fromDay(dr.start), Due: fromDay(dr.due), RecordID: dr.record, Local: dr.local}
		if dr.isDone {
			dones = append(dones, fromDay(dr.done))
			t.Done = &dones[len(dones)-1]
		}
		t.Status = in.status(t)
	}
	return out
}

// dayOf returns a civil date as days since 1970-01-01.
func dayOf(t time.Time) int64 {
	s := t.Unix()
	d := s / secondsPerDay
	if s%secondsPerDay < 0 {
		d--
	}
	return d
}

// fromDay is the inverse of dayOf.
func fromDay(d int64) time.Time { return time.Unix(d*secondsPerDay, 0).UTC() }

const secondsPerDay = 24 * 60 * 60

// status applies the status rules: done on the due date is in time; open
// and due within DueSoonWorkingDays working days (or today) is due soon.
func (in *input) status(t *Task) Status {
	switch {
	case t.Done != nil && !t.Done.After(t.Due):
		return DoneInTime
	case t.Done != nil:
		return DoneLate
	case in.asAt.After(t.Due):
		return Overdue
	case in.cal.WorkingDaysBetween(in.asAt, t.Due) <= in.s.DueSoonWorkingDays:
		return DueSoon
	}
	return Due
}

// known reports whether day d had happened as at asAt.
func (in *input) known(d time.Time) bool { return !d.After(in.asAt) }

// doneBy returns *p if it is set and had happened as at asAt, or else
// the zero time (not done).
func (in *input) doneBy(p *time.Time) time.Time {
	if p == nil || !in.known(*p) {
		return time.Time{}
	}
	return *p
}

// referral returns the referral with this id, or nil.
func (in *input) referral(id int64) *casework.Referral {
	for i := range in.cf.Referrals {
		if in.cf.Referrals[i].ID == id {
			return &in.cf.Referrals[i]
		}
	}
	return nil
}

// episodeClosed reports whether referral id's episode was closed as at
// asAt.
func (in *input) episodeClosed(id int64) bool {
	r := in.referral(id)
	return r != nil && !in.doneBy(r.ClosureDate).IsZero()
}

// endOf returns the day a plan ended as at asAt: its end date, or the
// closure of its referral's episode if earlier; ok is false while it runs.
func (in *input) endOf(end *time.Time, referralID int64) (day time.Time, ok bool) {
	if end != nil && in.known(*end) {
		day, ok = *end, true
	}
	if r := in.referral(referralID); r != nil && r.ClosureDate != nil && in.known(*r.ClosureDate) {
		if !ok || r.ClosureDate.Before(day) {
			day, ok = *r.ClosureDate, true
		}
	}
	return day, ok
}
