package synth

import (
	"math"
	"time"

	"sightline/internal/calendar"
)

// Child in need plans have no national statistics of length, reviews or
// visits; the numbers here are assumptions, named where they are used.
const (
	cinMedianDays = 200 // a plan's median length in days
	cinSpread     = 0.6 // the spread of its lognormal length
	maxEpisode    = 3 * 365
)

// childInNeed plans a child in need plan from day start (not before a child
// referred unborn is born): reviews every 3 months (the local default) and
// visits within 20 working days, each in time at the share of the period
// it falls due in, and the closure when it ends. No episode outlasts three years, so that a family's
// episode never reaches a child's 18th birthday (see kid.eligible).
func (w *world) childInNeed(e *episode, r rng, start time.Time) {
	start = latest(start, e.earliestPlan)
	length := int(math.Min(900, math.Max(40, r.lognormal(cinMedianDays, cinSpread))))
	end := days(start, length)
	if limit := days(e.start, maxEpisode); end.After(limit) {
		end = latest(days(start, 30), limit)
	}
	p := &cinPlan{start: start, end: &end}
	e.cin = p
	e.visitsUntil(start)
	if e.cp == nil || e.segments[len(e.segments)-1].kind != e.planKind(false) {
		e.segments = append(e.segments, segment{start, e.planKind(false)})
	}
	for last := start; ; {
		due := calendar.AddMonths(last, 3)
		next := r.dueBy(due, w.sc.At(due).ReviewInTime, 14, 30)
		if !next.Before(end) {
			break
		}
		p.reviews = append(p.reviews, next)
		last = next
	}
	for d := start; ; {
		next := wd(d, r.between(21, 32))
		if r.chance(w.sc.At(d).CINVisitInTime) {
			next = wd(d, r.between(8, 20))
		}
		if !next.Before(end) {
			break
		}
		p.visits = append(p.visits, visitPlan{date: next, kind: "cin", seen: r.chance(0.96), place: r.visitPlace()})
		d = next
	}
	// A plan that steps down to early help closes as RC7 too: RC9 is only
	// for a case closed straight after its assessment (CIN rule 2990).
	e.close(end, r.pick(Weights{{"RC7", 0.91}, {"RC5", 0.05}, {"RC4", 0.02}, {"RC3", 0.02}}))
}
