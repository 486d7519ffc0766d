package metrics

import (
	"slices"
	"time"

	"sightline/internal/casework"
)

// The rules about the service: who holds each case, caseloads, drift and
// the workforce. Each reuses casework's definitions (caseload weights and
// capacities, drift, the workforce census figures) over the columns.

// unallocated counts the open cases no worker in post holds.
func unallocated(e *eval, add emit) {
	for _, h := range e.holdings() {
		if h.worker < 0 {
			add(h.child, 1, 0)
		}
	}
}

// openCases are the children whose case is open at the end of the day
// (kids, in child order) and each one's place in kids (slot, by child
// index: place+1, 0 when the case is not open).
type openCases struct {
	kids []int32
	slot []int32
}

func (e *eval) openCases() openCases {
	o := openCases{slot: make([]int32, len(e.d.childID))}
	for _, h := range e.holdings() {
		if o.slot[h.child] == 0 {
			o.kids = append(o.kids, h.child)
			o.slot[h.child] = -1
		}
	}
	slices.Sort(o.kids)
	for k, c := range o.kids {
		o.slot[c] = int32(k + 1)
	}
	return o
}

// caseStates returns what each open case involves at the end of the day
// (casework.StateOn's facts: plans, enquiries and assessments in force,
// and the sibling group), in the order of o.kids.
func (e *eval) caseStates(o openCases) []casework.CaseState {
	d := e.d
	st := make([]casework.CaseState, len(o.kids))
	mark := func(t *table, start, end int, set func(*casework.CaseState)) {
		for i, c := range t.child {
			if c >= 0 && o.slot[c] > 0 && e.inForce(t.cols[start][i], t.cols[end][i]) {
				set(&st[o.slot[c]-1])
			}
		}
	}
	mark(&d.plans, cpStart, cpEnd, func(s *casework.CaseState) { s.CPPlan = true })
	mark(&d.s47s, s4Start, s4End, func(s *casework.CaseState) { s.S47 = true })
	mark(&d.cinPlans, cnStart, cnEnd, func(s *casework.CaseState) { s.CINPlan = true })
	a := &d.assessments
	for i, c := range a.child {
		if c >= 0 && o.slot[c] > 0 && e.inForce(a.cols[asStart][i], a.cols[asAuthorised][i]) && a.cols[asEpisodeEnd][i] > e.to {
			st[o.slot[c]-1].Assessment = true
		}
	}
	group := e.siblingGroups(o)
	for k, c := range o.kids {
		st[k].ChildID = d.childID[c]
		st[k].SiblingGroup = group(c)
	}
	return st
}

// siblingGroups joins the children linked as family (a link recorded on
// an open child's record) and returns each child's group, numbered by its
// smallest child id; 0 for a child with no link.
func (e *eval) siblingGroups(o openCases) func(c int32) int64 {
	d := e.d
	parent := make([]int32, len(d.childID)) // -1: in no link
	for i := range parent {
		parent[i] = -1
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		if parent[x] < 0 || parent[x] == x {
			parent[x] = x
			return x
		}
		root := find(parent[x])
		parent[x] = root
		return root
	}
	f := &d.family
	for i, c := range f.child {
		if c < 0 || o.slot[c] <= 0 {
			continue
		}
		a, b := find(c), find(f.cols[fmOther][i])
		if a != b {
			if d.childID[a] < d.childID[b] {
				parent[b] = a
			} else {
				parent[a] = b
			}
		}
	}
	return func(c int32) int64 {
		if parent[c] < 0 {
			return 0
		}
		return d.childID[find(c)]
	}
}

// caseloads works out every worker's caseload at the end of the day, as
// the caseloads page does (store.Caseloads): the case holders in post and
// anyone else holding a case, weighed with the caseload settings.
func (e *eval) caseloads() casework.CaseloadSummary {
	if e.loads == nil {
		s := e.workCaseloads()
		e.loads = &s
	}
	return *e.loads
}

func (e *eval) workCaseloads() casework.CaseloadSummary {
	d := e.d
	open := e.openCases()
	states := e.caseStates(open)
	held := map[int64][]casework.CaseState{}
	for _, h := range e.holdings() {
		if h.worker >= 0 {
			id := d.workers.keys[h.worker]
			held[id] = append(held[id], states[open.slot[h.child]-1])
		}
	}
	asAt := TimeOf(e.to)
	s := d.Org.Caseload
	var loads []casework.WorkerCaseload
	for _, w := range d.Org.Workers {
		if (w.ActiveOn(asAt) && casework.CaseHoldingRole(w.JobRole)) || len(held[w.ID]) > 0 {
			loads = append(loads, s.Load(w, held[w.ID]))
		}
	}
	return s.SummariseCaseloads(loads)
}

func caseloadAverage(e *eval, add emit) {
	s := e.caseloads()
	add(-1, float64(s.Cases), s.FTE)
}

func caseloadWeighted(e *eval, add emit) {
	s := e.caseloads()
	add(-1, s.WeightedAverage*s.FTE, s.FTE)
}

func overCapacity(e *eval, add emit) { add(-1, float64(e.caseloads().OverCapacity), 0) }

// drift counts the open cases with no progress for longer than the drift
// setting, by casework's rule (casework.StallOn): from the last progress,
// or the day the case opened if later, to the date.
func drift(e *eval, add emit) {
	d := e.d
	limit := d.Org.Caseload.DriftWorkingDays
	cal := d.Org.Calendar
	asAt := TimeOf(e.to)
	for _, h := range e.holdings() {
		var lp *time.Time
		if l := d.progress.last(h.child, e.to); l >= 0 {
			t := TimeOf(l)
			lp = &t
		}
		if casework.StallOn(cal, TimeOf(h.opened), lp, asAt).Drifting(limit) {
			add(h.child, 1, 0)
		}
	}
}

// figures are the workforce census figures at the end of the day.
func (e *eval) figures() casework.Figures {
	if e.figs == nil {
		f := e.d.Org.Register.FiguresAt(TimeOf(e.to), e.d.Org.Calendar)
		e.figs = &f
	}
	return *e.figs
}

func agencyRate(e *eval, add emit) {
	r := e.figures().AgencyRate()
	add(-1, r.Num, r.Den)
}

func vacancyRate(e *eval, add emit) {
	r := e.figures().VacancyRate()
	add(-1, r.Num, r.Den)
}

func turnover(e *eval, add emit) {
	r := e.figures().Turnover
	add(-1, r.Num, r.Den)
}

func agencySpend(e *eval, add emit) {
	add(-1, float64(e.figures().AgencySpendPence)/100, 0)
}
