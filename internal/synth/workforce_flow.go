package synth

import (
	"math"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The staff's history: who held each post, month by month, from before
// the start of history to the as-at date. Permanent staff leave at the
// period's turnover and agency assignments end after about nine months;
// each vacated post is refilled the next day, by an agency worker while
// the service has fewer agency staff than the period's share, otherwise by
// an LA-employed one. When agency staff are more than the share (an
// improvement plan replacing them), assignments are ended early and the
// posts filled permanently, a few each month. So the agency share on any
// day follows the periods, with the lag a real service has.

// stint is one worker's time in a post.
type stint struct {
	start     time.Time
	end       *time.Time
	kind      string // casework employment type
	converted bool   // an LA-employed worker who took over from an agency worker ended early
}

// Assumptions: no national statistic gives these.
const (
	agencyMeanDays  = 270  // an agency assignment's mean length
	fixedTermShare  = 0.05 // LA-employed hires on a fixed-term contract
	fixedTermDays   = 365  // a fixed-term contract's mean length
	convertPerMonth = 0.03 // at most this share of posts moves from agency to permanent in a month
	longestTenure   = 25 * 365
)

// staffHistory gives every post (in team order) its stints, earliest first.
func (w *world) staffHistory(r rng, posts []*post) [][]stint {
	stints := make([][]stint, len(posts))
	p0 := w.sc.At(w.start)
	for i := range posts {
		kind := w.lAEmployedKind(r)
		if r.chance(p0.AgencyShare) {
			kind = casework.Agency
		}
		age := min(longestTenure, int(r.ExpFloat64()*meanDays(kind, p0)))
		stints[i] = []stint{{start: days(w.start, -age), kind: kind}}
	}
	for m, from := 0, w.start; from.Before(w.asAt); m, from = m+1, calendar.AddMonths(w.start, m+1) {
		to := earliest(days(calendar.AddMonths(w.start, m+1), -1), w.asAt)
		w.staffMonth(r, stints, from, to)
	}
	return stints
}

// staffMonth plays one month: leavers, their successors (the day after),
// and agency assignments ended early when agency staff are over the share.
// Leaving days fall before to, so every successor starts by it.
func (w *world) staffMonth(r rng, stints [][]stint, from, to time.Time) {
	if !to.After(from) {
		return
	}
	p := w.sc.At(from)
	span := to.Sub(from).Hours()/24 + 1
	var vacated []int
	agency := 0
	for i := range stints {
		s := &stints[i][len(stints[i])-1]
		if r.chance(1 - math.Exp(-span/meanDays(s.kind, p))) {
			s.end = ptr(r.dateIn(from, days(to, -1)))
			vacated = append(vacated, i)
		} else if s.kind == casework.Agency {
			agency++
		}
	}
	need := int(math.Round(p.AgencyShare*float64(len(stints)))) - agency
	r.Shuffle(len(vacated), func(a, b int) { vacated[a], vacated[b] = vacated[b], vacated[a] })
	for _, i := range vacated {
		kind := w.lAEmployedKind(r)
		if need > 0 {
			kind, need = casework.Agency, need-1
		}
		stints[i] = append(stints[i], stint{start: days(*stints[i][len(stints[i])-1].end, 1), kind: kind})
	}
	budget := int(math.Ceil(convertPerMonth * float64(len(stints))))
	for _, i := range r.Perm(len(stints)) {
		if need >= 0 || budget == 0 {
			break
		}
		s := &stints[i][len(stints[i])-1]
		if s.kind != casework.Agency || s.end != nil || !s.start.Before(from) {
			continue
		}
		s.end = ptr(r.dateIn(from, days(to, -1)))
		stints[i] = append(stints[i], stint{start: days(*s.end, 1), kind: casework.Permanent, converted: true})
		need++
		budget--
	}
}

// lAEmployedKind is a new LA-employed worker's contract.
func (w *world) lAEmployedKind(r rng) string {
	if r.chance(fixedTermShare) {
		return casework.FixedTerm
	}
	return casework.Permanent
}

// meanDays is how long a worker of a kind stays, on average, in period p:
// permanent staff by its turnover (a share leaving in a year).
func meanDays(kind string, p Period) float64 {
	switch kind {
	case casework.Agency:
		return agencyMeanDays
	case casework.FixedTerm:
		return fixedTermDays
	}
	return -365 / math.Log(1-max(0.02, p.Turnover))
}
