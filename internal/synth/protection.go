package synth

import (
	"time"

	"sightline/internal/calendar"
)

// enquire plans the strategy discussion, the section 47 enquiry and what it
// leads to. A referral decided as "strategy" has its discussion within a
// working day while the assessment runs alongside; otherwise the
// assessment ends by calling one.
func (w *world) enquire(e *episode, r rng) {
	a := e.asmt
	var strat time.Time
	if e.decision == "strategy" {
		strat = wd(*e.decided, r.between(0, 1))
	} else {
		a.outcome = "strategy"
		strat = wd(*a.authorised, r.between(0, 2))
	}
	e.strategies = append(e.strategies, strategyPlan{date: strat, initiated: true})
	s := &s47Plan{start: strat}
	e.s47 = s
	if r.chance(e.per.ICPCPerS47) {
		w.initialConference(e, r, strat)
		return
	}
	s.end = ptr(wd(strat, r.between(5, 20)))
	s.notRequired = true
	s.outcome = "nfa"
	if r.chance(0.5) {
		s.outcome = "cin"
	}
	e.setOutcome(s.outcome)
	if s.outcome == "cin" {
		w.childInNeed(e, r, days(*s.end, r.between(0, 5)))
		return
	}
	e.closeAfter(r, *s.end)
}

// setOutcome records the assessment's outcome when it ran alongside an
// enquiry: what the enquiry found.
func (e *episode) setOutcome(s47Outcome string) {
	if e.decision != "strategy" {
		return
	}
	e.asmt.outcome = map[string]string{"icpc": "strategy", "cin": "cin_plan", "nfa": "nfa"}[s47Outcome]
}

// closeAfter closes the episode a few working days after day d (an
// enquiry's end) and after the assessment was authorised: RC7, services
// ceased, since the episode went beyond the assessment (RC8 is only for
// one that did not: CIN rule 2990).
func (e *episode) closeAfter(r rng, d time.Time) {
	e.close(wd(latest(d, *e.asmt.authorised), r.between(0, 3)), "RC7")
}

// initialConference plans the ICPC, due 15 working days from the strategy
// discussion, and the plan it makes (or not).
func (w *world) initialConference(e *episode, r rng, strat time.Time) {
	date := wd(strat, r.icpcDays(w.national, w.sc.At(strat).ICPCWithin15))
	e.s47.end, e.s47.outcome = &date, "icpc"
	e.setOutcome("icpc")
	c := &conferencePlan{date: date, decision: "no_plan"}
	e.icpc = c
	at := w.sc.At(date)
	if !r.chance(at.PlanPerICPC) {
		if r.chance(0.7) {
			w.childInNeed(e, r, days(date, r.between(0, 5)))
			return
		}
		e.closeAfter(r, date)
		return
	}
	c.decision, c.category = "plan", r.category(w.national, at.NeglectShare)
	w.protect(e, r, date, c.category)
}

// protect plans a child protection plan from its ICPC on day start: its
// review conferences (the first within 3 months, then every 6), core
// groups (the first within 10 working days, then every 4 to 6 weeks),
// visits to the period's standard, and its end at a review conference
// after a length drawn from England's ended plans.
func (w *world) protect(e *episode, r rng, start time.Time, category string) {
	p := &cpPlan{start: start, category: category}
	e.cp = p
	e.visitsUntil(start)
	e.segments = append(e.segments, segment{start, e.planKind(true)})
	end := w.reviews(e, r, p, days(start, r.planLength(w.national)))
	p.end, p.endReason = &end, "Review conference ended the plan"
	p.coreGroups = r.coreGroups(start, end, w.sc)
	p.visits = r.cpVisits(start, end, w.sc)
	if r.chance(0.55) {
		w.childInNeed(e, r, end)
		return
	}
	e.close(end, r.pick(Weights{{"RC7", 0.95}, {"RC5", 0.05}}))
}

// reviews plans the plan's review conferences up to the one that ends it,
// held near target (a review due within 20 days of it ends the plan; else
// one is held on target).
func (w *world) reviews(e *episode, r rng, p *cpPlan, target time.Time) time.Time {
	last, months := p.start, 3
	for {
		due := calendar.AddMonths(last, months)
		next := r.dueBy(due, w.sc.At(due).ReviewInTime, 10, 20)
		if next.After(days(target, -20)) && !next.After(days(target, 20)) {
			p.reviews = append(p.reviews, conferencePlan{date: next, decision: "end"})
			return next
		}
		if next.After(target) {
			end := workday(target)
			p.reviews = append(p.reviews, conferencePlan{date: end, decision: "end"})
			return end
		}
		c := conferencePlan{date: next, decision: "continue"}
		if r.chance(0.05) {
			c.category = r.category(w.national, w.sc.At(next).NeglectShare)
		}
		p.reviews = append(p.reviews, c)
		last, months = next, 6
	}
}

// dueBy returns the working day something due on day due was held: up to
// early days before it (inTime of the time), or up to late days after.
func (r rng) dueBy(due time.Time, inTime float64, early, late int) time.Time {
	if r.chance(inTime) {
		return workday(days(due, -r.between(0, early)))
	}
	return wd(due, r.between(1, late))
}

// coreGroups plans the core group meetings of a plan, each in time at the
// share of the period it falls due in.
func (r rng) coreGroups(start, end time.Time, sc Scenario) []time.Time {
	first := wd(start, r.between(11, 15))
	if r.chance(sc.At(start).CoreGroupInTime) {
		first = wd(start, r.between(3, 10))
	}
	var out []time.Time
	for d := first; d.Before(end); {
		out = append(out, d)
		gap := r.between(28, 42)
		if !r.chance(sc.At(d).CoreGroupInTime) {
			gap = r.between(43, 60)
		}
		d = workday(days(d, gap))
	}
	return out
}

// cpVisits plans the visits of a plan, each within the standard of the
// period it falls due in, at that standard's share of the time, and late
// otherwise. Calendar-day standards
// are kept clear of the working-day count the timescale engine uses (a
// late visit is at least 35 days after the last, more than 20 working
// days whatever the holidays). A few visits do not see the child.
func (r rng) cpVisits(start, end time.Time, sc Scenario) []visitPlan {
	var out []visitPlan
	for d := start; ; {
		next := r.nextVisit(d, sc.At(d).CPVisit)
		if !next.Before(end) {
			return out
		}
		if r.chance(0.04) { // an extra visit that did not see the child
			out = append(out, visitPlan{date: r.dateIn(d, next), kind: "cp", place: "home"})
		}
		out = append(out, visitPlan{date: next, kind: "cp", seen: true, place: r.visitPlace()})
		d = next
	}
}

// nextVisit returns the day of the visit after one on day d.
func (r rng) nextVisit(d time.Time, std VisitStandard) time.Time {
	in := r.chance(std.InTime)
	if std.WorkingDays {
		if in {
			return wd(d, r.between(max(1, std.Within/2), std.Within))
		}
		return wd(d, r.between(std.Within+1, std.Within+6))
	}
	if in {
		return days(d, r.between(max(1, std.Within/3), std.Within))
	}
	return days(d, r.between(std.Within+7, std.Within+32))
}
