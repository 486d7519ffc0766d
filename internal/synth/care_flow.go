package synth

import (
	"cmp"
	"slices"
	"time"

	"sightline/internal/calendar"
)

// Who comes into care, and when. The number looked after on a date is the
// children who came into care before it and had not left: starts a year
// times how long a period of care lasts. Both come from the profile: the
// period's starts a year per 10,000 children (England's 28,
// cla_flows_2024 started_per_10k) and the lengths of the periods of care
// that ended (ceased_last_care_period_duration, about 2.4 years on
// average), which in a steady state are the lengths of those that begin.
// So the number looked after is England's (69.7 per 10,000) throughout the
// history, not only on the as-at date, and the starts and endings each
// year are England's too.
//
// History begins with no one in care, yet an authority has children
// looked after on any day. So that the number does not climb for years
// from nothing, the first months also bring into care the children looked
// after when records begin: as many as the first period's starts and
// lengths keep in care, each staying for what is left of a period already
// under way (drawn as a day in a period picked by its length, since a long
// period is likelier to be under way on a given day). Their records begin
// with the first referral the history holds for them; the first months'
// starts run above the year's rate by that many.

// careLeadMonths are the months over which the children already looked
// after when records begin come into care.
const careLeadMonths = 6

// careCandidate is a time a known child may come into care, with the plan
// of it: one for each of the child's referrals that led to work.
type careCandidate struct {
	k      *kid
	r      rng
	start  time.Time
	end    time.Time // the planned end (may be after the as-at date)
	next   time.Time // the child's next referral, or zero: the period must end before it
	reason string    // why it ends (SSDA903 REC), before the age at the end is allowed for
	adopt  *adoptionPlan
	weight float64
	uasc   bool // the child is an unaccompanied asylum-seeking child (uasc.go)
}

// planCare chooses, month by month, who comes into care and for how long
// (see the comment at the top), before the staff are made: the children
// looked after at the as-at date are the Children in Care Team's cases,
// which size it, and are not among the cases shaping leaves unallocated.
func (w *world) planCare() {
	prof := careProfile()
	cands := w.careCandidates()
	w.carePlans = append(w.pickCare(cands, prof, adoptionScale(cands, prof)), w.uascCare()...) // uasc.go
	for i := range w.carePlans {
		w.carePlans[i].k.care = &w.carePlans[i]
	}
}

// care records each period of care planned, and who held the child's
// case through it (care_alloc.go).
func (w *world) care() {
	prof := careProfile()
	for _, c := range w.carePlans {
		w.recordCare(c, prof)
		w.allocateCare(c.k)
	}
}

// lookedAfterOn counts the children planned to be looked after on day d.
func (w *world) lookedAfterOn(d time.Time) int {
	n := 0
	for _, c := range w.carePlans {
		if c.lookedAfterOn(d) {
			n++
		}
	}
	return n
}

// lookedAfterOn reports whether the period planned covers day d (from its
// start to the day before it ends).
func (c *careCandidate) lookedAfterOn(d time.Time) bool {
	return !c.start.After(d) && c.end.After(d)
}

// careCandidates lists the times each known child may come into care:
// some days after a child protection plan, an enquiry, a child in need
// plan or a referral began, while under 17 and within the history, by
// date. A child whose case drifts has none: shaping keeps those silent.
func (w *world) careCandidates() []careCandidate {
	var out []careCandidate
	for _, hh := range w.households {
		for _, k := range hh.kids {
			out = append(out, w.kidCareCandidates(k)...)
		}
	}
	slices.SortStableFunc(out, func(a, b careCandidate) int {
		return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.k.rec.ID, b.k.rec.ID))
	})
	return out
}

// kidCareCandidates are one child's times to come into care.
func (w *world) kidCareCandidates(k *kid) []careCandidate {
	if !k.known || k.rec.DateOfBirth == nil || k.hh.uasc { // a UASC child's care is uascCare's
		return nil
	}
	var referred []*episode
	for _, ke := range k.eps {
		if ke.ep.silentFrom != nil {
			return nil // a drifting case stays silent
		}
		if ke.ep.referred {
			referred = append(referred, ke.ep)
		}
	}
	slices.SortStableFunc(referred, func(a, b *episode) int { return a.start.Compare(b.start) })
	var out []careCandidate
	for i, e := range referred {
		from, weight := careFrom(e)
		if weight == 0 {
			continue
		}
		r := newRNG(w.cfg.Seed, "care", int(k.rec.ID)<<4^i)
		start := days(latest(from, k.dob), r.between(7, 180))
		if start.Before(w.start) || start.After(w.asAt) || k.ageOn(start) >= 17 {
			continue
		}
		c := careCandidate{k: k, r: r, start: start, weight: weight}
		if i+1 < len(referred) {
			c.next = referred[i+1].start
		}
		out = append(out, c)
	}
	return out
}

// careFrom is when the work that may bring a child into care began, and
// how likely it is to (weights in care.go); zero for a referral that led
// to no further action.
func careFrom(e *episode) (time.Time, float64) {
	switch {
	case e.route == routeNFA:
		return time.Time{}, 0
	case e.cp != nil:
		return e.cp.start, careWeightCP
	case e.s47 != nil:
		return e.s47.start, careWeightS47
	case e.cin != nil:
		return e.cin.start, careWeightCIN
	}
	return e.start, careWeightReferred
}

// pickCare chooses, month by month, who comes into care: as many as the
// month's share of the period's starts a year (and, in the first months,
// of the children already looked after; what a month falls short by is
// owed to the next). Each start is a length of care drawn first, then a
// candidate of the month with room for it, by weight: one whose next
// referral, if any, comes after the period ends (a child looked after is
// not referred as new). A child comes into care once.
func (w *world) pickCare(cands []careCandidate, prof careFigures, scale float64) []careCandidate {
	perChild := float64(w.pop) / 10000
	lead := w.sc.At(w.start).CareStartsPer10k * perChild * meanCareYears(prof) // looked after when records begin
	var picked []careCandidate
	inCare := map[*kid]bool{}
	owed, owedLead, last := 0.0, lead, -1
	var queue []careSlot // lengths of care drawn and not yet given to a child
	for i := 0; i < len(cands); {
		m := w.monthOf(cands[i].start)
		j := i
		for j < len(cands) && w.monthOf(cands[j].start) == m {
			j++
		}
		month := cands[i:j]
		i = j
		for ; last < m; last++ {
			// the UASC arrivals make up the rest (uasc.go)
			owed += w.sc.At(calendar.AddMonths(w.start, last+1)).CareStartsPer10k / 12 * perChild * (1 - prof.UASC.ShareOfCLA)
		}
		r := newRNG(w.cfg.Seed, "care-month", m)
		n := r.whole(owed)
		owed -= float64(n)
		for range n {
			queue = append(queue, careSlot{days: careLength(r, prof, false), since: m})
		}
		if m < careLeadMonths {
			n = r.whole(owedLead / float64(careLeadMonths-m))
			owedLead -= float64(n)
			for range n {
				queue = append(queue, careSlot{days: careLength(r, prof, true), since: m})
			}
		}
		var waiting []careSlot
		for _, s := range queue {
			if c, ok := pickCandidate(r, month, inCare, prof, scale, s.days); ok {
				picked, inCare[c.k] = append(picked, c), true
			} else if m-s.since < careSlotMonths {
				waiting = append(waiting, s)
			}
		}
		queue = waiting
	}
	return picked
}

// careSlot is a start of care owed: its length, drawn in month since.
type careSlot struct {
	days, since int
}

// careSlotMonths is how long a length of care waits for a child with room
// for it (a long one needs a young child) before it is given up.
const careSlotMonths = 6

// pickCandidate draws a candidate of the month with
// room for it (a few tries), and plans the period; false if none fits.
func pickCandidate(r rng, month []careCandidate, inCare map[*kid]bool, prof careFigures, scale float64, days int) (careCandidate, bool) {
	for range 4 {
		sum := 0.0
		for _, c := range month {
			if c.fits(days, inCare) {
				sum += c.weight
			}
		}
		if sum == 0 {
			return careCandidate{}, false
		}
		x := r.Float64() * sum
		for _, c := range month {
			if !c.fits(days, inCare) {
				continue
			}
			if x -= c.weight; x < 0 {
				c.plan(prof, scale, days)
				if c.roomFor(c.end) {
					return c, true
				}
				break // an adoption or order outlasts the room: draw again
			}
		}
	}
	return careCandidate{}, false
}

// fits reports whether the candidate is free to come into care for n days.
func (c careCandidate) fits(n int, inCare map[*kid]bool) bool {
	end := days(c.start, n)
	return !inCare[c.k] && c.roomFor(end) && !end.After(c.k.eighteenth())
}

// roomFor reports whether a period ending on end leaves a month before the
// child's next referral.
func (c careCandidate) roomFor(end time.Time) bool {
	return c.next.IsZero() || end.Before(days(c.next, -30))
}

// careLength draws the days a period of care lasts: by the profile's
// lengths, or for a period already under way when records begin, what is
// left of one: a day drawn in a period picked by its length.
func careLength(r rng, prof careFigures, already bool) int {
	bins := prof.Flows.Duration
	if already {
		bins = lengthWeighted(bins)
	}
	span := durationDays[r.pick(bins)]
	n := r.between(span[0], span[1])
	if already {
		n = r.between(1, n)
	}
	return n
}
