package synth

import (
	"time"

	"sightline/internal/casework"
)

// Reversals. Not every decision that a child should be placed for
// adoption ends in an adoption: some are reversed, the agency deciding
// that the child should no longer be placed (SSDA903 DATE_PLACED_CEASED,
// REASON_PLACED_CEASED). The profile holds no national share, so an
// approximate one is assumed: about 18% of decisions. So that adoptions
// stay the profile's share of the periods of care that end, decisions are
// made that much more often (adoptionScale). A reversal comes before the
// child moves in with adopters: the court did not make the placement
// order (RD2, at the final hearing), no adopters were found after months
// of family finding (RD3), or the child's needs or something else changed
// (RD1, RD4) at any time before the move, now and then after a match.
// The period of care then goes on and ends another way, drawn from the
// profile's reasons other than adoption.
//
// Legal status: a placement order (E1) lasts until the court revokes it,
// when the care order it suspended revives. The generator records the
// revocation, and so the care order (C2), on the day of the reversal: in
// practice the application follows the decision by weeks, but an order
// left in force after the plan ended would be a record to correct
// (SSDA903 rule 553). Without a placement order, the final hearing makes
// a care order (C2) on the day it would have made the placement order.

// Assumptions (no national statistic in the profile): the share of
// decisions reversed, why, and how often a reversal comes after a match.
const (
	reversalShare       = 0.18
	disruptedMatchShare = 0.2 // of reversals for the child's needs or another reason
)

var reversalWeights = Weights{{"RD1", 0.35}, {"RD2", 0.2}, {"RD3", 0.25}, {"RD4", 0.2}}

// reverse turns the planned adoption into a decision reversed before the
// move to adopters: it keeps the stages before the reversal and drops the
// rest.
func (ap *adoptionPlan) reverse(r rng) {
	reasons := reversalWeights
	if ap.consent { // no placement order was sought
		reasons = Weights{reversalWeights[0], reversalWeights[2], reversalWeights[3]}
	}
	ap.reversedReason = r.pick(reasons)
	match, placed := ap.match, ap.placed
	ap.ffa, ap.match, ap.placed, ap.order, ap.reason = nil, time.Time{}, time.Time{}, time.Time{}, ""
	switch ap.reversedReason {
	case "RD2": // the final hearing made a care order instead
		ap.hearing, ap.po = ap.po, time.Time{}
		ap.reversed = days(ap.hearing, r.between(1, 30))
	case "RD3": // months of family finding after the decision and any order
		ap.reversed = days(latest(ap.adm, ap.po), r.between(180, 540))
	default:
		if r.chance(disruptedMatchShare) && placed.After(days(match, 1)) {
			ap.match = match
			ap.reversed = days(match, r.between(1, max(1, int(placed.Sub(match).Hours()/24)-1)))
			break
		}
		ap.reversed = days(ap.adm, r.between(30, max(30, int(match.Sub(ap.adm).Hours()/24)-1)))
		if !ap.po.IsZero() && !ap.reversed.After(ap.po) { // changed before the final hearing
			ap.hearing, ap.po = ap.po, time.Time{}
		}
	}
}

// reversalLegal records the care order that follows a reversed decision:
// from the reversal when a placement order is revoked, from the final
// hearing when none was made.
func (cr *careRun) reversalLegal(ap *adoptionPlan) {
	switch {
	case ap.reversed.IsZero():
	case !ap.po.IsZero():
		cr.legalStatus("C2", ap.reversed)
	case !ap.hearing.IsZero():
		cr.legalStatus("C2", ap.hearing)
	}
}

// lastPlanEnded is the day from which a new plan may be made: the day the
// last plan was reversed, or the start of the period of care.
func (cr *careRun) lastPlanEnded() time.Time {
	from := cr.ep.StartDate
	if n := len(cr.cf.Permanence); n > 0 && cr.cf.Permanence[n-1].Reversed != nil {
		from = latest(from, *cr.cf.Permanence[n-1].Reversed)
	}
	return from
}

// setReversed records the reversal stage of a plan.
func (ap *adoptionPlan) setReversed(p *casework.PermanencePlan, d *time.Time) {
	p.Reversed, p.ReversedReason = d, ap.reversedReason
}
