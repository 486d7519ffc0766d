package synth

import "sightline/internal/casework"

// Unaccompanied asylum-seeking children (UASC). In England 7,380 of the
// 83,630 children looked after on 31 March 2024 were UASC (8.8%; profile
// uasc.uasc_share_of_cla_2024, DfE "Children looked after in England"
// 2024, national figures), 96% of them boys (uasc_male_share) and 89%
// aged 16 or 17 (uasc_age_16_plus_share); they were 22% of the children
// who started to be looked after in the year (cla_flows_2024
// start_uasc_rate). The generator brings children into care under 17, so
// UASC are drawn from the children starting care at 14 to 16 (at most 70% of them), boys 24
// times as likely as girls (96 to 4), at the chance that makes 8.8% of
// those looked after on the as-at date UASC. They are accommodated under
// section 20 (V2) for absent parenting (N8), and their status ceases on
// the 18th birthday when they turn 18 in care (SSDA903 DUC, rule 304).

// uascGirlWeight is a girl's chance of being UASC against a boy's.
const uascGirlWeight = 0.04 / 0.96

// uascFigures are the profile's figures about UASC (careFigures.UASC).
type uascFigures struct {
	ShareOfCLA float64 `json:"uasc_share_of_cla_2024"`
	Male       float64 `json:"uasc_male_share"`
	Age16Plus  float64 `json:"uasc_age_16_plus_share"`
}

// uascWeight is how likely the planned period's child is to be UASC,
// relative to an eligible boy's: 0 when not eligible.
func (c *careCandidate) uascWeight() float64 {
	age := c.k.ageOn(c.start)
	if c.adopt != nil || age < 14 || age > 16 {
		return 0
	}
	if c.k.sex == "F" {
		return uascGirlWeight
	}
	return 1
}

// uascMostEligible caps the share of the eligible children made UASC,
// so that children of 14 to 16 still come into care for other reasons.
const uascMostEligible = 0.7

// markUASC chooses the UASC among the periods of care planned (see the
// comment at the top). A UASC child has no family here to go back to:
// their period of care runs to the 18th birthday, unless a later referral
// of theirs is planned before it.
func (w *world) markUASC(share float64) {
	var eligible, lookedAfter float64
	for i := range w.carePlans {
		c := &w.carePlans[i]
		if c.lookedAfterOn(w.asAt) {
			lookedAfter++
		}
		if u := c.asUASC(); c.uascWeight() > 0 && u.lookedAfterOn(w.asAt) {
			eligible += c.uascWeight()
		}
	}
	if eligible == 0 {
		return
	}
	p := min(uascMostEligible, share*lookedAfter/eligible)
	for i := range w.carePlans {
		c := &w.carePlans[i]
		r := newRNG(w.cfg.Seed, "uasc", int(c.k.rec.ID))
		if r.chance(p * c.uascWeight()) {
			*c = c.asUASC()
			c.uasc = true
		}
	}
}

// asUASC is the period planned as a UASC child's: to the 18th birthday
// when no referral of the child's comes before it.
func (c careCandidate) asUASC() careCandidate {
	b18 := casework.BirthdayOn(c.k.dob, 18)
	if c.end.Before(b18) && (c.next.IsZero() || c.next.After(b18)) {
		c.end = b18
	}
	return c
}

// recordUASC records the child of a period begun as UASC, the status
// ceasing on the 18th birthday when the period lasted to it by the as-at
// date.
func (cr *careRun) recordUASC() {
	k := cr.k
	k.rec.UASC = true
	b18 := casework.BirthdayOn(k.dob, 18)
	ep := cr.cf.CareEpisodes[0]
	if !b18.After(cr.w.asAt) && (ep.EndDate == nil || !ep.EndDate.Before(b18)) {
		k.rec.UASCCeased = ptr(b18)
	}
	k.recs.Children[0] = k.rec
}
