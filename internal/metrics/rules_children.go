package metrics

import (
	"sightline/internal/calendar"
)

// The rules about children's records. Each counts, child by child, the
// records the indicator's definition names (catalogue.go): a rate per
// 10,000 emits 1 per record for the numerator (the population is the
// denominator); a percentage emits 1 to the denominator and 1 or 0 to the
// numerator.

// countIn emits 1 for each live row of t whose column col falls in the
// period.
func countIn(t *table, col int) rule {
	return func(e *eval, add emit) {
		days := t.cols[col]
		for i, c := range t.child {
			if c >= 0 && e.inPeriod(days[i]) {
				add(c, 1, 0)
			}
		}
	}
}

func contactsPer10k(e *eval, add emit)  { countIn(&e.d.contacts, ctDay)(e, add) }
func referralsPer10k(e *eval, add emit) { countIn(&e.d.referrals, rfDay)(e, add) }
func s47Per10k(e *eval, add emit)       { countIn(&e.d.s47s, s4Start)(e, add) }

// shareIn emits, for each live row of t dated (column col) in the period,
// 1 to the denominator and the row's flag (column flagCol) to the
// numerator.
func shareIn(e *eval, t *table, col, flagCol int, add emit) {
	days, flags := t.cols[col], t.cols[flagCol]
	for i, c := range t.child {
		if c >= 0 && e.inPeriod(days[i]) {
			add(c, float64(flags[i]), 1)
		}
	}
}

// referralConversion: contacts received in the period that led to a
// referral, out of the contacts received.
func referralConversion(e *eval, add emit) { shareIn(e, &e.d.contacts, ctDay, ctReferral, add) }

// reReferrals: referrals in the period within 12 months of the child's
// previous one (casework.CaseFile.IsReReferral, set as the store reads
// it), out of the referrals in the period.
func reReferrals(e *eval, add emit) { shareIn(e, &e.d.referrals, rfDay, rfRepeat, add) }

// cpSecondPlans: plans started in the period for a child who had one
// before, out of the plans started.
func cpSecondPlans(e *eval, add emit) { shareIn(e, &e.d.plans, cpStart, cpRepeat, add) }

// plansInForce calls fn for each plan in force at the end of the period.
func plansInForce(e *eval, fn func(i int, child int32)) {
	p := &e.d.plans
	for i, c := range p.child {
		if c >= 0 && e.inForce(p.cols[cpStart][i], p.cols[cpEnd][i]) {
			fn(i, c)
		}
	}
}

// cpPlansPer10k counts the children on a plan (a child has one plan at a
// time; a second in force the same day would count once).
func cpPlansPer10k(e *eval, add emit) {
	for _, p := range e.plansAt() {
		add(p.child, 1, 0)
	}
}

// planAt is a child on a child protection plan at the date, with the day
// their latest plan in force started.
type planAt struct {
	child int32
	start Day
}

// plansAt lists the children on a plan, in child order, worked out once.
func (e *eval) plansAt() []planAt {
	if e.onPlan != nil {
		return e.onPlan
	}
	start := map[int32]Day{}
	plansInForce(e, func(i int, c int32) {
		if s, ok := start[c]; !ok || e.d.plans.cols[cpStart][i] > s {
			start[c] = e.d.plans.cols[cpStart][i]
		}
	})
	out := make([]planAt, 0, len(start))
	for _, c := range sortedKeys(start) {
		out = append(out, planAt{child: c, start: start[c]})
	}
	e.onPlan = out
	return out
}

// cpNeglect: plans in force whose initial category is neglect (NEG).
func cpNeglect(e *eval, add emit) {
	neg := e.d.categories.lookup("NEG")
	plansInForce(e, func(i int, c int32) { add(c, float64(flag(e.d.plans.cols[cpCategory][i] == neg)), 1) })
}

// cpLongPlans: plans in force that started 2 years or more before.
func cpLongPlans(e *eval, add emit) {
	twoYears := DayOf(calendar.AddMonths(TimeOf(e.to), -24))
	plansInForce(e, func(i int, c int32) { add(c, float64(flag(e.d.plans.cols[cpStart][i] <= twoYears)), 1) })
}

// cpVisitsStandard: children on a plan whose last visit in which they were
// seen, or the start of their plan if later, is within the local standard
// of working days (the timescale setting) of the date.
func cpVisitsStandard(e *eval, add emit) {
	n := e.d.Org.CPVisitWorkingDays
	cal := e.d.Org.Calendar
	asAt := TimeOf(e.to)
	e.cpVisits(add, func(since Day) bool { return cal.WorkingDaysBetween(TimeOf(since), asAt) <= n })
}

// cpVisits28Days: the same, within 28 days.
func cpVisits28Days(e *eval, add emit) {
	e.cpVisits(add, func(since Day) bool { return e.to-since <= 28 })
}

func (e *eval) cpVisits(add emit, inTime func(since Day) bool) {
	for _, p := range e.plansAt() {
		add(p.child, float64(flag(inTime(max(e.d.seen.last(p.child, e.to), p.start)))), 1)
	}
}

// cinPer10k counts the children with a child in need episode open: a
// referral received by the date and not closed by it.
func cinPer10k(e *eval, add emit) {
	r := &e.d.referrals
	open := make([]bool, len(e.d.childID))
	for i, c := range r.child {
		if c >= 0 && e.inForce(r.cols[rfDay][i], r.cols[rfClosed][i]) {
			open[c] = true
		}
	}
	for ci, yes := range open {
		if yes {
			add(int32(ci), 1, 0)
		}
	}
}

// Timescale tasks: each rule's tasks come from sightline's timescale
// rules (internal/timescale), worked out once when a child is read.

// inTimeDue judges the tasks due in the period: done by the due day, out
// of all due.
func inTimeDue(e *eval, due, done Day) (counted, inTime bool) {
	return e.inPeriod(due), done <= due
}

// inTimeDone judges the tasks done in the period: done by the due day,
// out of all done.
func inTimeDone(e *eval, due, done Day) (counted, inTime bool) {
	return done != Never && e.inPeriod(done), done <= due
}

// taskRule counts the tasks of the named timescale rules that judge
// picks, and how many were in time.
func taskRule(judge func(e *eval, due, done Day) (bool, bool), ruleIDs ...string) rule {
	return func(e *eval, add emit) {
		e.eachTask(ruleIDs, func(c int32, _, due, done Day) {
			if counted, inTime := judge(e, due, done); counted {
				add(c, float64(flag(inTime)), 1)
			}
		})
	}
}

// eachTask calls fn for every task of the named timescale rules (each
// named once), reading only those rules' tables.
func (e *eval) eachTask(ruleIDs []string, fn func(c int32, start, due, done Day)) {
	for _, id := range ruleIDs {
		code := e.d.rules.lookup(id)
		if code < 0 || int(code) >= len(e.d.tasks) {
			continue
		}
		t := &e.d.tasks[code]
		start, due, done := t.cols[tkStart], t.cols[tkDue], t.cols[tkDone]
		for i, c := range t.child {
			if c >= 0 {
				fn(c, start[i], due[i], done[i])
			}
		}
	}
}

// assessmentDurations emits, for each assessment authorised in the
// period, the working days from its referral to its authorisation.
func assessmentDurations(e *eval, add emit) {
	a := &e.d.assessments
	cal := e.d.Org.Calendar
	for i, c := range a.child {
		if c < 0 || !e.inPeriod(a.cols[asAuthorised][i]) {
			continue
		}
		wd := cal.WorkingDaysBetween(TimeOf(a.cols[asReferral][i]), TimeOf(a.cols[asAuthorised][i]))
		add(c, float64(max(wd, 0)), 1)
	}
}
