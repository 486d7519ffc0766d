package metrics

import (
	"time"

	"sightline/internal/casework"
)

// Records are the dated records of some children as the engine reads them
// through the store: each child's case file, every involvement they had
// with its allocations, their progress notes, family links, and their
// timescale tasks (worked out by the timescale rules from the case file).
type Records struct {
	Files        []casework.CaseFile
	Involvements []Involvement
	Progress     []ChildDay // case notes that count as progress (casework.NoteIsProgress)
	FamilyLinks  [][2]int64
	Tasks        []Task
}

// Involvement is one open or closed involvement with its allocations.
type Involvement struct {
	ID, ChildID int64
	Start       time.Time
	End         *time.Time
	TeamID      *int64
	Allocations []Allocation // in start order
}

// Allocation is one allocation of an involvement.
type Allocation struct {
	TeamID, WorkerID *int64
	Start            time.Time
	End              *time.Time
}

// ChildDay is a dated fact about a child.
type ChildDay struct {
	ChildID int64
	Day     time.Time
}

// Task is one timescale task of a child: the rule that set it, when its
// clock started, the last day in time and when it was done (nil: not yet).
type Task struct {
	ChildID    int64
	Rule       string // a timescale rule id, e.g. "icpc"
	Start, Due time.Time
	Done       *time.Time
}

// The columns of each table.
const (
	// contacts
	ctDay, ctDecided, ctReferral = 0, 1, 2
	// referrals
	rfDay, rfDecided, rfClosed, rfNFA, rfRepeat = 0, 1, 2, 3, 4
	// assessments
	asStart, asAuthorised, asReferral, asEpisodeEnd = 0, 1, 2, 3
	// section 47 enquiries
	s4Start, s4End = 0, 1
	// child protection plans
	cpStart, cpEnd, cpCategory, cpRepeat = 0, 1, 2, 3
	// child in need plans
	cnStart, cnEnd = 0, 1
	// involvements
	ivCode, ivStart, ivEnd, ivTeam = 0, 1, 2, 3
	// allocations
	alInv, alTeam, alWorker, alStart, alEnd = 0, 1, 2, 3, 4
	// family links
	fmOther = 0
	// timescale tasks (a table for each rule)
	tkStart, tkDue, tkDone = 0, 1, 2
)

// put appends a child's records to the tables.
func (d *Data) put(ci int32, cf casework.CaseFile) {
	c := cf.Child
	d.born[ci] = DayOfPtr(c.DateOfBirth)
	d.sex[ci] = d.sexes.of(c.Sex)
	d.ethnicity[ci] = d.ethnicities.of(c.Ethnicity)
	d.disabled[ci] = disabled(c.Disabilities)
	d.present[ci] = true
	for _, x := range cf.Contacts {
		d.contacts.add(ci, DayOf(x.Date), DayOfPtr(x.DecisionDate), flag(x.ReferralID != nil))
	}
	for _, r := range cf.Referrals {
		d.referrals.add(ci, DayOf(r.Date), DayOfPtr(r.DecisionDate), DayOfPtr(r.ClosureDate), flag(r.NFA), flag(r.ReReferral))
	}
	refDay, refEnd := map[int64]Day{}, map[int64]Day{}
	for _, r := range cf.Referrals {
		refDay[r.ID], refEnd[r.ID] = DayOf(r.Date), DayOfPtr(r.ClosureDate)
	}
	d.factors[ci] = nil
	for _, a := range cf.Assessments {
		d.factors[ci] = append(d.factors[ci], datedCodes{day: DayOf(a.StartDate), codes: a.Factors})
		rd, ok := refDay[a.ReferralID]
		if !ok {
			rd = DayOf(a.StartDate)
		}
		end, ok := refEnd[a.ReferralID]
		if !ok {
			end = Never
		}
		d.assessments.add(ci, DayOf(a.StartDate), DayOfPtr(a.AuthorisedDate), rd, end)
		d.progress.add(ci, DayOf(a.StartDate))
		d.addProgress(ci, a.CompletedDate, a.AuthorisedDate)
	}
	for _, e := range cf.S47s {
		d.s47s.add(ci, DayOf(e.StartDate), DayOfPtr(e.EndDate))
		d.progress.add(ci, DayOf(e.StartDate))
		d.addProgress(ci, e.EndDate)
	}
	for i, p := range cf.Plans {
		// A second or subsequent plan: the child had one before, here or
		// in another authority (NumberOfPreviousCPP).
		repeat := p.PreviousPlans > 0 || i > 0
		d.plans.add(ci, DayOf(p.StartDate), DayOfPtr(p.EndDate), d.categories.of(p.InitialCategory), flag(repeat))
	}
	for _, v := range cf.Visits {
		if v.Seen {
			d.seen.add(ci, DayOf(v.Date))
		}
		d.progress.add(ci, DayOf(v.Date))
	}
	for _, p := range cf.CINPlans {
		d.cinPlans.add(ci, DayOf(p.StartDate), DayOfPtr(p.EndDate))
		d.progress.add(ci, DayOf(p.StartDate))
	}
	for _, s := range cf.Strategies {
		d.progress.add(ci, DayOf(s.Date))
	}
	for _, x := range cf.Conferences {
		d.progress.add(ci, DayOf(x.Date))
	}
	for _, g := range cf.CoreGroups {
		d.progress.add(ci, DayOf(g.Date))
	}
	for _, r := range cf.CINReviews {
		d.progress.add(ci, DayOf(r.Date))
	}
	d.putCare(ci, cf)
}

func (d *Data) addProgress(ci int32, days ...*time.Time) {
	for _, t := range days {
		if t != nil {
			d.progress.add(ci, DayOf(*t))
		}
	}
}

// putInvolvement appends an involvement and its allocations.
func (d *Data) putInvolvement(ci int32, iv Involvement) {
	code := d.involvements.of(iv.ID)
	d.invs.add(ci, code, DayOf(iv.Start), DayOfPtr(iv.End), d.teamCode(iv.TeamID))
	for _, a := range iv.Allocations {
		d.allocs.add(ci, code, d.teamCode(a.TeamID), d.workerCode(a.WorkerID), DayOf(a.Start), DayOfPtr(a.End))
	}
}

func (d *Data) teamCode(id *int64) int32 {
	if id == nil {
		return -1
	}
	return d.teams.of(*id)
}

func (d *Data) workerCode(id *int64) int32 {
	if id == nil {
		return -1
	}
	return d.workers.of(*id)
}

// disabled reports a child with any disability recorded (not NONE).
func disabled(codes []string) bool {
	for _, c := range codes {
		if c != "" && c != "NONE" {
			return true
		}
	}
	return false
}

func flag(b bool) int32 {
	if b {
		return 1
	}
	return 0
}
