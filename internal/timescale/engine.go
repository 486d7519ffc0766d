package timescale

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// input is one run of the rules over one case file. Rules emit drafts,
// kept free of pointers and sorted before they become Tasks, so that a
// run over 100k case files makes little garbage (BenchmarkTasks100k).
type input struct {
	cf     casework.CaseFile
	cal    *calendar.Calendar
	s      Settings
	asAt   time.Time   // civil date
	drafts []draft     // the tasks emitted so far
	text   []byte      // their What lines, end to end
	dates  []time.Time // scratch for a series' event dates
}

// scratch keeps inputs, with their buffers, between calls: a run over a
// whole authority would otherwise make garbage several times the size of
// its result. A pooled input holds no settings and no records, only
// empty buffers.
var scratch = sync.Pool{New: func() any { return new(input) }}

// maxScratch is the most drafts an input keeps for reuse; a case file
// with more (decades of visits) gets fresh buffers next time.
const maxScratch = 1024

// draft is a task as a rule emits it: due date, start and rule packed in
// key (see sortKey), the done date as a day number, the What line as a
// span of input.text.
type draft struct {
	key           uint64
	record        int64
	done          int32 // days since 1970-01-01, if isDone
	lo, hi        int32
	isDone, local bool
}

// Day numbers are packed into sort keys with this bias, so that the 24
// bits each takes hold 1 January 1970 ± 22,000 years.
const (
	dayBias = 1 << 23
	dayMask = 1<<24 - 1
)

// sortKey packs a task's order (due, then start, then rule) into one
// number: due in bits 40–63, start in 16–39, the rule's rank below.
func sortKey(due, start int64, rank int16) uint64 {
	return uint64(due+dayBias)&dayMask<<40 | uint64(start+dayBias)&dayMask<<16 | uint64(rank)
}

func (dr draft) due() int64   { return int64(dr.key>>40) - dayBias }
func (dr draft) start() int64 { return int64(dr.key>>16&dayMask) - dayBias }
func (dr draft) rank() int16  { return int16(dr.key & 0xffff) }

func (a draft) compare(b draft) int {
	if a.key != b.key {
		return cmp.Compare(a.key, b.key)
	}
	return cmp.Compare(a.record, b.record)
}

func (a draft) less(b draft) bool {
	return a.key < b.key || (a.key == b.key && a.record < b.record)
}

// sortDrafts sorts by insertion up to a few hundred drafts: the rules emit
// runs already in order, so there are few moves, and no call per compare.
func sortDrafts(ds []draft) {
	if len(ds) > 256 {
		slices.SortFunc(ds, draft.compare)
		return
	}
	for i := 1; i < len(ds); i++ {
		x, j := ds[i], i
		for ; j > 0 && x.less(ds[j-1]); j-- {
			ds[j] = ds[j-1]
		}
		ds[j] = x
	}
}

// emit adds a task of step st running from start, due on due, done on
// done (the zero time while open).
func (in *input) emit(st *step, start, due, done time.Time, recordID int64) {
	lo, startDay := len(in.text), dayOf(start)
	in.text = in.appendWhat(in.text, st, startDay)
	in.drafts = append(in.drafts, draft{
		key: sortKey(dayOf(due), startDay, rankOf(st.rule)), record: recordID,
		done: int32(dayOf(done)), isDone: !done.IsZero(),
		lo: int32(lo), hi: int32(len(in.text)), local: st.rule.Local || st.local,
	})
}

// appendResult turns the drafts into Tasks, sorted, with their statuses,
// appended to dst.
func (in *input) appendResult(dst []Task) []Task {
	if len(in.drafts) == 0 {
		return dst
	}
	sortDrafts(in.drafts)
	text, done := string(in.text), 0
	for _, dr := range in.drafts {
		if dr.isDone {
			done++
		}
	}
	dones := make([]time.Time, done)
	n := len(dst)
	dst = slices.Grow(dst, len(in.drafts))[:n+len(in.drafts)]
	for i, dr := range in.drafts {
		// Field by field: a whole-struct copy into a reused buffer costs a
		// bulk write barrier while the collector runs.
		t := &dst[n+i]
		t.ChildID, t.RecordID, t.Local = in.cf.Child.ID, dr.record, dr.local
		t.Rule = *catalogue[dr.rank()]
		t.What = text[dr.lo:dr.hi]
		t.Start, t.Due, t.Done = fromDay(dr.start()), fromDay(dr.due()), nil
		if dr.isDone {
			done--
			dones[done] = fromDay(int64(dr.done))
			t.Done = &dones[done]
		}
		t.Status = in.status(t)
	}
	return dst
}

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

const secondsPerDay = 24 * 60 * 60

// dayOf returns a civil date (midnight UTC) as days since 1970-01-01.
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

// civil returns the year, month and day of day number d, without the cost
// of time.Time.Date (H. Hinnant's civil_from_days algorithm).
func civil(d int64) (year int64, month, day int) {
	z := d + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return year, month, day
}
