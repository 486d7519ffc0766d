package synth_test

import (
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// headline is a scenario's figures at its as-at date, as a manager would
// read them off sightline: the team view's unallocated cases, drift, the
// busiest assessment worker, CP visits by the timescale engine, the open
// plans' categories, caseloads and the staff in post.
type headline struct {
	open, unallocated, drift int
	busiest                  int     // the most open assessments one worker holds
	cpVisits                 float64 // CP visits in the 6 months before, done to the standard (timescale)
	cpVisitsNow              float64 // children on a plan last seen within the standard (snapshot)
	neglect                  float64 // plans in force in the year before whose initial category is neglect
	caseload                 float64 // open allocated cases per FTE of the workers holding them
	staff                    int     // staff in post
	agency, leavers          float64 // their agency share; leavers in the year per staff in post
}

// headlineInput is what the figures are read from: the case files of every
// child with an involvement, the staff, and a child's case notes.
type headlineInput struct {
	files   []casework.CaseFile
	workers []casework.Worker
	teams   []casework.Team
	notes   func(childID int64) []casework.Note
	cal     *calendar.Calendar
	asAt    time.Time
	visitWD int // the CP visit standard in working days (20 for 28 days)
}

// readHeadline works out the figures.
func readHeadline(in headlineInput) headline {
	var h headline
	assessments := map[int64]int{} // open assessments by worker
	loads := map[int64]int{}       // open cases by worker
	var neglect, plans int
	for _, cf := range in.files {
		if cf.Involvement == nil {
			continue
		}
		h.open++
		w := cf.Involvement.WorkerID
		if w == nil {
			h.unallocated++
		} else {
			loads[*w]++
			if openAssessment(cf) {
				assessments[*w]++
			}
		}
		if drifting(cf, in) {
			h.drift++
		}
	}
	for _, n := range assessments {
		h.busiest = max(h.busiest, n)
	}
	yearBefore := in.asAt.AddDate(-1, 0, 0)
	for _, cf := range in.files {
		for _, p := range cf.Plans {
			if p.EndDate == nil || p.EndDate.After(yearBefore) {
				plans++
				if p.InitialCategory == "NEG" {
					neglect++
				}
			}
		}
	}
	h.neglect = share(neglect, plans)
	h.cpVisits, h.cpVisitsNow = cpVisits(in)
	h.caseload = caseload(loads, in.workers, in.teams)
	h.staff, h.agency, h.leavers = staffFigures(in.workers, in.asAt)
	return h
}

func openAssessment(cf casework.CaseFile) bool {
	return slices.ContainsFunc(cf.Assessments, func(a casework.Assessment) bool { return a.AuthorisedDate == nil })
}

// drifting reports an open case with no recorded progress for 5 months:
// no visit, assessment step, strategy discussion, enquiry, conference,
// core group, child in need plan or review, and no case note of substance
// (a case note, meeting or management oversight) since, the case having
// been open longer (indicators.md drift_cases, local definition).
func drifting(cf casework.CaseFile, in headlineInput) bool {
	since := calendar.AddMonths(in.asAt, -5)
	if cf.Involvement.StartDate.After(since) {
		return false
	}
	var last time.Time
	see := func(ds ...*time.Time) {
		for _, d := range ds {
			if d != nil && d.After(last) {
				last = *d
			}
		}
	}
	for _, v := range cf.Visits {
		see(&v.Date)
	}
	for _, a := range cf.Assessments {
		see(&a.StartDate, a.CompletedDate, a.AuthorisedDate)
	}
	for _, s := range cf.Strategies {
		see(&s.Date)
	}
	for _, s := range cf.S47s {
		see(&s.StartDate, s.EndDate)
	}
	for _, c := range cf.Conferences {
		see(&c.Date)
	}
	for _, g := range cf.CoreGroups {
		see(&g.Date)
	}
	for _, p := range cf.CINPlans {
		see(&p.StartDate)
	}
	for _, r := range cf.CINReviews {
		see(&r.Date)
	}
	if last.After(since) {
		return false
	}
	for _, n := range in.notes(cf.Child.ID) {
		if slices.Contains(progressNotes, n.Kind) && n.Date.After(since) {
			return false
		}
	}
	return true
}

// progressNotes are the kinds of case note that count as progress: not a
// phone call, email or out-of-hours note on its own.
var progressNotes = []string{"case_note", "meeting", "management_oversight"}

// cpVisits is the share of CP visits in the 6 months before the as-at date
// that the timescale engine rates done in time against the standard, and
// the share of children on a plan at the as-at date last seen within it.
func cpVisits(in headlineInput) (done, now float64) {
	s := timescale.DefaultSettings()
	s.CPVisitWorkingDays = in.visitWD
	from := calendar.AddMonths(in.asAt, -6)
	var n, inTime, open, seen int
	for _, cf := range in.files {
		for _, t := range timescale.Tasks(cf, in.cal, s, in.asAt) {
			if t.Rule.ID != "cp_visit" {
				continue
			}
			switch {
			case t.Done != nil && t.Done.After(from):
				n++
				if t.Status == timescale.DoneInTime {
					inTime++
				}
			case t.Done == nil:
				open++
				if t.Status != timescale.Overdue {
					seen++
				}
			}
		}
	}
	return share(inTime, n), share(seen, open)
}

// caseload is open allocated cases per FTE of the workers holding them
// (DfE: cases per case-holding FTE), leaving out the front door, whose
// workers triage contacts and hold a case only for a day or two.
func caseload(loads map[int64]int, workers []casework.Worker, teams []casework.Team) float64 {
	frontDoor := map[int64]bool{}
	for _, t := range teams {
		frontDoor[t.ID] = t.Kind == "front_door"
	}
	cases, fte := 0, 0.0
	for _, w := range workers {
		if n := loads[w.ID]; n > 0 && w.TeamID != nil && !frontDoor[*w.TeamID] {
			cases += n
			fte += w.FTE
		}
	}
	if fte == 0 {
		return 0
	}
	return float64(cases) / fte
}

// staffFigures counts the staff in post at the as-at date, the agency
// share of them, and the leavers in the year before per staff in post.
func staffFigures(workers []casework.Worker, asAt time.Time) (staff int, agency, leavers float64) {
	yearBefore := asAt.AddDate(-1, 0, 0)
	var ag, left int
	for _, w := range workers {
		if w.ActiveOn(asAt) {
			staff++
			if w.EmploymentType == casework.Agency {
				ag++
			}
		}
		if w.EndDate != nil && w.EndDate.After(yearBefore) && !w.EndDate.After(asAt) {
			left++
		}
	}
	return staff, share(ag, staff), share(left, staff)
}
