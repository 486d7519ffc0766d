package metrics

import (
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

// caseStates returns what each child's open case involves at the end of
// the day (casework.StateOn's facts: plans, enquiries and assessments in
// force, and the sibling group), for the children whose case is open.
func (e *eval) caseStates(open []bool) []casework.CaseState {
	d := e.d
	st := make([]casework.CaseState, len(d.childID))
	mark := func(t *table, start, end int, set func(*casework.CaseState)) {
		for i, c := range t.child {
			if c >= 0 && open[c] && e.inForce(t.cols[start][i], t.cols[end][i]) {
				set(&st[c])
			}
		}
	}
	mark(&d.plans, cpStart, cpEnd, func(s *casework.CaseState) { s.CPPlan = true })
	mark(&d.s47s, s4Start, s4End, func(s *casework.CaseState) { s.S47 = true })
	mark(&d.cinPlans, cnStart, cnEnd, func(s *casework.CaseState) { s.CINPlan = true })
	a := &d.assessments
	for i, c := range a.child {
		if c >= 0 && open[c] && e.inForce(a.cols[asStart][i], a.cols[asAuthorised][i]) && a.cols[asEpisodeEnd][i] > e.to {
			st[c].Assessment = true
		}
	}
	groups := e.siblingGroups(open)
	for ci := range st {
		st[ci].ChildID = d.childID[ci]
		st[ci].SiblingGroup = groups[ci]
	}
	return st
}

// siblingGroups joins the children linked as family (a link recorded on
// an open child's record), numbering each group by its smallest child id;
// 0 for a child with no link.
func (e *eval) siblingGroups(open []bool) []int64 {
	d := e.d
	parent := make([]int32, len(d.childID))
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
		if c < 0 || !open[c] {
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
	out := make([]int64, len(d.childID))
	for ci := range out {
		if parent[ci] >= 0 {
			out[ci] = d.childID[find(int32(ci))]
		}
	}
	return out
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
	hs := e.holdings()
	open := make([]bool, len(d.childID))
	for _, h := range hs {
		open[h.child] = true
	}
	states := e.caseStates(open)
	held := map[int64][]casework.CaseState{}
	for _, h := range hs {
		if h.worker >= 0 {
			id := d.workers.keys[h.worker]
			held[id] = append(held[id], states[h.child])
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
	last := e.lastBy(&d.progress, prDay, nil)
	for _, h := range e.holdings() {
		var lp *time.Time
		if l := last[h.child]; l >= 0 {
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
