package synth

import (
	"time"

	"sightline/internal/casework"
)

// cut keeps what had happened by the episode's stop day. At the as-at date
// the rest simply has not happened yet: the case is open. At a child's
// 18th birthday the case closes that day (RC6, transferred to adult social
// care, for a disabled child; RC7 otherwise), with any plan or enquiry
// ending with it.
func (e *episode) cut() {
	if e.closed != nil && notAfter(*e.closed, e.stop) {
		return
	}
	in := func(d time.Time) bool { return notAfter(d, e.stop) }
	e.closed, e.closeReason = nil, ""
	if e.agedOut {
		e.closeReason = "RC7"
		if len(e.kids[0].disabled) > 0 {
			e.closeReason = "RC6"
		}
	}
	if e.decided != nil && !in(*e.decided) {
		e.decided, e.decision, e.route = nil, "", routeNFA
	}
	if e.nfaApproved != nil && !in(*e.nfaApproved) {
		e.nfaApproved = nil
	}
	e.cutAssessment(in)
	e.strategies = keep(e.strategies, func(s strategyPlan) bool { return in(s.date) })
	e.cutEnquiry(in)
	e.cutCP(in)
	e.cutCIN(in)
	e.segments = keep(e.segments, func(s segment) bool { return in(s.from) })
	if e.agedOut {
		e.close(e.stop, e.closeReason)
	}
}

// endAt cuts an end date: kept if by the stop day, else the stop day when
// the case closes then, else none.
func (e *episode) endAt(p *time.Time) *time.Time {
	switch {
	case p == nil || notAfter(*p, e.stop):
		return p
	case e.agedOut:
		return ptr(e.stop)
	}
	return nil
}

func (e *episode) cutAssessment(in func(time.Time) bool) {
	e.asmtVisits = keep(e.asmtVisits, func(v visitPlan) bool { return in(v.date) })
	a := e.asmt
	if a == nil {
		return
	}
	if !in(a.start) {
		e.asmt = nil
		return
	}
	if a.completed != nil && !in(*a.completed) {
		a.completed, a.outcome = nil, ""
	}
	if a.authorised != nil && !in(*a.authorised) {
		a.authorised = nil
	}
	// A case closing at 18 closes its assessment that day: a closed
	// episode's assessment is completed (CIN rule 8867).
	if e.agedOut && a.authorised == nil {
		if a.completed == nil {
			a.completed, a.outcome = ptr(e.stop), "nfa"
		}
		a.authorised = ptr(e.stop)
	}
}

func (e *episode) cutEnquiry(in func(time.Time) bool) {
	s := e.s47
	if s == nil {
		return
	}
	if !in(s.start) {
		e.s47, e.icpc = nil, nil
		return
	}
	if e.icpc != nil && !in(e.icpc.date) {
		e.icpc = nil
	}
	if s.end != nil && !in(*s.end) {
		s.end, s.outcome, s.notRequired = nil, "", false
		if e.agedOut { // the case closes: no conference will be needed (rule 8868)
			s.end, s.outcome, s.notRequired = ptr(e.stop), "nfa", true
		}
	}
	// Nor is one held on the last day: its plan would end the day it
	// started (rule 8840).
	if e.agedOut && e.icpc != nil && !e.icpc.date.Before(e.stop) {
		e.icpc, e.cp = nil, nil
		s.end, s.outcome, s.notRequired = ptr(e.stop), "nfa", true
	}
}

func (e *episode) cutCP(in func(time.Time) bool) {
	p := e.cp
	if p == nil {
		return
	}
	if !in(p.start) {
		e.cp = nil
		return
	}
	p.reviews = keep(p.reviews, func(c conferencePlan) bool { return in(c.date) })
	p.coreGroups = keep(p.coreGroups, in)
	p.visits = keep(p.visits, func(v visitPlan) bool { return in(v.date) })
	if p.end != nil && !in(*p.end) {
		p.end, p.endReason = e.endAt(p.end), ""
		if p.end != nil {
			p.endReason = "Case closed: " + casework.LabelOf(casework.ClosureReasons(), e.closeReason)
		}
	}
}

func (e *episode) cutCIN(in func(time.Time) bool) {
	p := e.cin
	if p == nil {
		return
	}
	if !in(p.start) {
		e.cin = nil
		return
	}
	p.reviews = keep(p.reviews, in)
	p.visits = keep(p.visits, func(v visitPlan) bool { return in(v.date) })
	p.end = e.endAt(p.end)
}

// keep returns the elements of xs for which ok holds, in order.
func keep[T any](xs []T, ok func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}
