package synth

import (
	"time"

	"sightline/internal/calendar"
)

// Shaping sets the scenario's figures at the as-at date that come from
// practice rather than from rates: cases left drifting, cases left without
// a worker, and one worker buried in assessments. Each picks episodes open
// at the as-at date, at random from its own stream, until the count (of
// children) is reached.

// openEpisodes returns the episodes open at the as-at date that ok accepts.
func (w *world) openEpisodes(ok func(*episode) bool) []*episode {
	var out []*episode
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			if e.referred && e.closed == nil && ok(e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// takeChildren picks episodes at random until they hold n children, and
// calls fn on each.
func takeChildren(r rng, es []*episode, n int, fn func(*episode)) {
	r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
	got := 0
	for _, e := range es {
		if got >= n {
			return
		}
		if got+len(e.kids) > n {
			continue
		}
		fn(e)
		got += len(e.kids)
	}
}

// drift leaves the period's number of children on child in need plans
// with nothing recorded for more than 5 months: no visit, review, note or
// contact since a day before then.
func (w *world) drift() {
	p := w.sc.At(w.asAt)
	fiveMonths := calendar.AddMonths(w.asAt, -5)
	sixMonths := calendar.AddMonths(w.asAt, -6)
	es := w.openEpisodes(func(e *episode) bool {
		settled := e.asmt == nil || (e.asmt.authorised != nil && e.asmt.authorised.Before(sixMonths))
		return e.cin != nil && e.cin.end == nil && e.cin.start.Before(sixMonths) && settled &&
			(e.s47 == nil || (e.s47.end != nil && e.s47.end.Before(sixMonths))) &&
			!e.hh.contactSince(e, days(fiveMonths, -90))
	})
	r := newRNG(w.cfg.Seed, "drift", 0)
	takeChildren(r, es, w.sc.scaled(p.Drift, w.pop), func(e *episode) {
		silent := days(fiveMonths, -r.between(3, 60))
		e.silentFrom = &silent
		before := func(d time.Time) bool { return notAfter(d, silent) }
		e.cin.reviews = keep(e.cin.reviews, before)
		e.cin.visits = keep(e.cin.visits, func(v visitPlan) bool { return before(v.date) })
	})
}

// contactSince reports whether another episode of the family touches e's
// children after day d.
func (hh *household) contactSince(e *episode, d time.Time) bool {
	for _, o := range hh.episodes {
		if o == e || !o.start.After(d) {
			continue
		}
		for _, k := range o.kids {
			for _, ek := range e.kids {
				if k == ek {
					return true
				}
			}
		}
	}
	return false
}

// unallocate leaves the period's number of children's open cases without
// a worker at the as-at date, from a few weeks before it: their worker
// left and no one has taken the case yet. Children on a CP plan are not
// picked, nor families with a child looked after then (whose case the
// Children in Care Team holds: care_alloc.go).
func (w *world) unallocate() {
	p := w.sc.At(w.asAt)
	es := w.openEpisodes(func(e *episode) bool {
		return len(e.alloc) > 0 && (e.cp == nil || e.cp.end != nil) && e.silentFrom == nil && !e.lookedAfterOn(w.asAt)
	})
	r := newRNG(w.cfg.Seed, "unallocated", 0)
	takeChildren(r, es, w.sc.scaled(p.Unallocated, w.pop), func(e *episode) {
		last := &e.alloc[len(e.alloc)-1]
		from := days(w.asAt, -r.between(1, 40))
		if !from.After(last.from) {
			last.worker, last.reason = -1, "Awaiting allocation"
			return
		}
		e.alloc = append(e.alloc, allocation{from: from, team: last.team, worker: -1,
			reason: "Worker left: awaiting reallocation"})
	})
}

// overload gives one assessment worker in post for a year or more the
// period's number of open assessments (at the as-at date) to hold, of
// families with no child looked after then.
func (w *world) overload() {
	p := w.sc.At(w.asAt)
	n := w.sc.scaled(p.OverloadedAssessments, w.pop)
	if p.OverloadedAssessments > 0 {
		n = max(n, min(p.OverloadedAssessments, 12))
	}
	if n == 0 {
		return
	}
	worker, team := w.longServing("assessment")
	if worker < 0 {
		return
	}
	start := w.org.workers[worker].StartDate
	held := 0
	es := w.openEpisodes(func(e *episode) bool {
		last := e.alloc[len(e.alloc)-1]
		open := e.asmt != nil && e.asmt.authorised == nil && last.worker >= 0 && e.silentFrom == nil &&
			!e.lookedAfterOn(w.asAt)
		if open && last.worker == worker {
			held += len(e.kids)
		}
		return open && last.worker != worker && !last.from.Before(start) &&
			w.org.teams[last.team].Kind == "assessment"
	})
	r := newRNG(w.cfg.Seed, "overload", 0)
	takeChildren(r, es, n-held, func(e *episode) {
		last := &e.alloc[len(e.alloc)-1]
		last.worker, last.team = worker, team
	})
}

// longServing returns a case-holding worker of a kind of team who was in
// post at the as-at date and had been for a year or more (the first such,
// team by team), and their team; -1 if none.
func (w *world) longServing(kind string) (worker, team int) {
	o := w.org
	yearBefore := days(w.asAt, -365)
	for _, t := range o.byKind[kind] {
		for _, ps := range o.caseHolding(t) {
			h := ps.holders[len(ps.holders)-1]
			if !o.workers[h].StartDate.After(yearBefore) {
				return h, t
			}
		}
	}
	return -1, -1
}

// lookedAfterOn reports whether a child of the episode is planned to be
// looked after on day d.
func (e *episode) lookedAfterOn(d time.Time) bool {
	for _, k := range e.kids {
		if k.care != nil && k.care.lookedAfterOn(d) {
			return true
		}
	}
	return false
}
