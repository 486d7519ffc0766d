package casework

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CaseState is what one open case involves as at a date: the facts its
// caseload weight and its place in the allocation queue depend on. Each
// flag means the record was in force at the end of that day.
type CaseState struct {
	ChildID      int64
	SiblingGroup int64 // children with the same non-zero group are siblings
	CPPlan       bool  // on a child protection plan
	S47          bool  // in a section 47 enquiry
	CINPlan      bool  // on a child in need plan
	Assessment   bool  // an assessment started and not yet authorised
	Proceedings  bool  // in care proceedings (recorded by a later issue)
}

// StateOn reads a case's state at the end of day d from its case file:
// the plans and enquiries in force that day (started on or before it and
// not ended by it), and whether an assessment had started and was not yet
// authorised, under a referral not closed by then. The sibling group is
// not in a case file; the store sets it.
func StateOn(cf CaseFile, d time.Time) CaseState {
	st := CaseState{ChildID: cf.Child.ID}
	inForce := func(start time.Time, end *time.Time) bool {
		return !start.After(d) && (end == nil || end.After(d))
	}
	for _, p := range cf.Plans {
		st.CPPlan = st.CPPlan || inForce(p.StartDate, p.EndDate)
	}
	for _, e := range cf.S47s {
		st.S47 = st.S47 || inForce(e.StartDate, e.EndDate)
	}
	for _, p := range cf.CINPlans {
		st.CINPlan = st.CINPlan || inForce(p.StartDate, p.EndDate)
	}
	for _, a := range cf.Assessments {
		if !inForce(a.StartDate, a.AuthorisedDate) {
			continue
		}
		for _, r := range cf.Referrals {
			if r.ID == a.ReferralID && (r.ClosureDate == nil || r.ClosureDate.After(d)) {
				st.Assessment = true
			}
		}
	}
	return st
}

// Priority orders the unallocated queue: child protection first.
type Priority int

// Priorities, most urgent first.
const (
	// PriorityProtection: a section 47 enquiry is open or the child is on
	// a child protection plan, so a child may be at risk of significant
	// harm with no named worker (Working Together 2023, ch. 3: a named
	// social worker leads the enquiry and the plan).
	PriorityProtection Priority = iota + 1
	// PriorityAssessment: an assessment is open, with the 45-working-day
	// clock running from the referral.
	PriorityAssessment
	// PriorityOther: every other open case.
	PriorityOther
)

// Label names a priority for people.
func (p Priority) Label() string {
	switch p {
	case PriorityProtection:
		return "Child protection"
	case PriorityAssessment:
		return "Assessment"
	}
	return "Other"
}

// Priority is where the case goes in the allocation queue.
func (c CaseState) Priority() Priority {
	switch {
	case c.S47 || c.CPPlan:
		return PriorityProtection
	case c.Assessment:
		return PriorityAssessment
	}
	return PriorityOther
}

// Weight is what one case counts for on its own: the weight of the most
// demanding work in it (a plan, an enquiry, an assessment or else a child
// in need), plus the proceedings weight when the child is in proceedings.
func (s CaseloadSettings) Weight(c CaseState) float64 {
	w := s.WeightCIN
	if c.Assessment {
		w = max(w, s.WeightAssessment)
	}
	if c.CPPlan || c.S47 {
		w = max(w, s.WeightCPPlan)
	}
	if c.Proceedings {
		w += s.WeightProceedings
	}
	return w
}

// caseHoldingWords mark job roles that do not hold children's cases:
// managers, heads of service and support staff. The DfE's caseload figure
// counts case-holding social workers only (workforce census).
var caseHoldingWords = []string{"manager", "head of", "director", "support", "administrat"}

// CaseHoldingRole reports whether a job role holds children's cases (a
// social worker, a senior practitioner; a role left blank counts as one).
func CaseHoldingRole(jobRole string) bool {
	r := strings.ToLower(jobRole)
	for _, w := range caseHoldingWords {
		if strings.Contains(r, w) {
			return false
		}
	}
	return true
}

// Capacity is the weighted caseload a worker can carry: the full-time
// capacity times their FTE, reduced for a newly qualified worker; 0 for a
// role that does not hold cases.
func (s CaseloadSettings) Capacity(w Worker) float64 {
	if !CaseHoldingRole(w.JobRole) {
		return 0
	}
	c := s.CapacityFullTime * w.FTE
	if w.NewlyQualified {
		c *= s.NewlyQualifiedFactor
	}
	return c
}

// WorkerCaseload is one worker's caseload as at a date.
type WorkerCaseload struct {
	Worker          Worker
	Cases           int     // children held
	Weighted        float64 // their weighted load
	Capacity        float64 // what the worker can carry (Capacity)
	OverBy          float64 // weighted load beyond capacity; 0 when within it
	CaseHolder      bool    // in a case-holding role
	OpenAssessments int     // assessments open among the children held
}

// Over reports whether a case holder carries more than their capacity.
func (l WorkerCaseload) Over() bool { return l.OverBy > 0 }

// Load is a worker's caseload from the cases they hold. Siblings held by
// the same worker share the load: in each sibling group the case with the
// largest weight counts in full and each further one counts SiblingShare of
// its weight. Over-by is reported for case holders only; someone in
// another role who holds cases is shown with them, not as over capacity.
func (s CaseloadSettings) Load(w Worker, cases []CaseState) WorkerCaseload {
	l := WorkerCaseload{Worker: w, Cases: len(cases), Capacity: s.Capacity(w), CaseHolder: CaseHoldingRole(w.JobRole)}
	sorted := slices.Clone(cases)
	slices.SortFunc(sorted, func(a, b CaseState) int {
		if c := cmp.Compare(s.Weight(b), s.Weight(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.ChildID, b.ChildID)
	})
	seen := map[int64]bool{}
	for _, c := range sorted {
		wt := s.Weight(c)
		if c.SiblingGroup != 0 && seen[c.SiblingGroup] {
			wt *= s.SiblingShare
		}
		seen[c.SiblingGroup] = true
		l.Weighted += wt
		if c.Assessment {
			l.OpenAssessments++
		}
	}
	if l.CaseHolder && l.Weighted > l.Capacity {
		l.OverBy = l.Weighted - l.Capacity
	}
	return l
}

// SortCaseloads puts the workers most over capacity first, then the rest
// by how full they are (load over capacity), then by name.
func SortCaseloads(loads []WorkerCaseload) {
	fullness := func(l WorkerCaseload) float64 {
		if l.Capacity == 0 {
			return 0
		}
		return l.Weighted / l.Capacity
	}
	slices.SortStableFunc(loads, func(a, b WorkerCaseload) int {
		if c := cmp.Compare(b.OverBy, a.OverBy); c != 0 {
			return c
		}
		if c := cmp.Compare(fullness(b), fullness(a)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Worker.Name, b.Worker.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.Worker.ID, b.Worker.ID)
	})
}

// CaseloadSummary is a team's or the service's caseloads in a few numbers.
type CaseloadSummary struct {
	CaseHolders     int     // workers in a case-holding role holding at least one case
	FTE             float64 // their full-time equivalent
	Cases           int     // children they hold
	Average         float64 // cases per FTE case holder (the DfE's caseload measure)
	WeightedAverage float64 // weighted load per FTE case holder
	OverCapacity    int     // case holders over capacity
	TargetAverage   float64
}

// SummariseCaseloads computes the averages the DfE and the local target
// use: cases held by case-holding workers ÷ their FTE (workforce census
// caseload, indicators.md caseload_average), and the weighted equivalent.
func (s CaseloadSettings) SummariseCaseloads(loads []WorkerCaseload) CaseloadSummary {
	sum := CaseloadSummary{TargetAverage: s.TargetAverage}
	var weighted float64
	for _, l := range loads {
		// The DfE counts as case holders the social workers who hold a case
		// on the day (census OrgRole 5); a qualified worker holding none
		// (role 6: out of hours, just started, back from leave) is not in
		// the average, which would otherwise fall as staff rise.
		if !l.CaseHolder || l.Cases == 0 {
			continue
		}
		sum.CaseHolders++
		sum.FTE += l.Worker.FTE
		sum.Cases += l.Cases
		weighted += l.Weighted
		if l.Over() {
			sum.OverCapacity++
		}
	}
	if sum.FTE > 0 {
		sum.Average = float64(sum.Cases) / sum.FTE
		sum.WeightedAverage = weighted / sum.FTE
	}
	return sum
}
