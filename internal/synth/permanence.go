package synth

import (
	"math"
	"time"

	"sightline/internal/casework"
)

// Permanence. When a child comes into care (care.go), how the period of
// care will end is planned with it: adoption for a share of the youngest
// children, so that adoptions are the profile's share of the periods of
// care that end (cla_flows_2024 ceased_reason "Adopted", 8.9%), and
// otherwise a reason drawn from the rest of the profile's split. An
// adoption follows England's average times between the stages
// (adoption_2024, DfE 2024): the agency decision that the child should be
// placed for adoption about 9 months after entering care, the match 10
// months after the decision, the move to the adopters a month after the
// match and the adoption order 9 months after that, so that A1 (entering
// care to moving in) averages about 19 to 20 months. Most adoptions go
// through the court: the child comes under an interim care order before
// the decision, and the final hearing, a few weeks to five months after
// it, makes the placement order (legal status E1); a match waits for the
// order. A few babies are placed with their parents' consent (V2, no
// placement order, placement A3 or A4). Some children are placed early
// with foster carers approved as adopters (fostering for adoption, U5),
// who then adopt them (A3 or A5, a change of status only). A special
// guardianship or child arrangements order ends the period for the
// profile's share, on a plan for one made at a review a few months
// before. Each plan is recorded stage by stage through the casework rules
// (CheckNewPermanencePlan), as a worker saving the plan's form would.

// AdoptionTimes are the profile's average months between the stages.
type AdoptionTimes struct {
	EntryToDecision  float64 `json:"months_entry_to_decision"`
	DecisionToMatch  float64 `json:"months_decision_to_match"`
	MatchToPlaced    float64 `json:"months_match_to_placed"`
	PlacedToAdoption float64 `json:"months_placed_to_adoption"`
	EntryToPlaced    float64 `json:"months_entry_to_placed"` // A1, the sum of the three before (rounded)
}

// Flows are the profile's shares of the periods of care that ended with
// an adoption, a special guardianship order and a child arrangements
// order, the adoptions' average times, and the share of decisions to place
// for adoption reversed (an assumption: reversal.go), for tests and
// reports.
type Flows struct {
	Adopted, SGO, CAO float64
	Times             AdoptionTimes
	Reversed          float64
}

// CareFlows returns the profile's Flows.
func CareFlows() Flows {
	p := careProfile()
	return Flows{Adopted: p.Flows.Ceased.Get("Adopted"), SGO: p.Flows.Ceased.Get("Special guardianship order"),
		CAO: p.Flows.Ceased.Get("Residence order or child arrangement order granted"), Times: p.Adoption,
		Reversed: reversalShare}
}

// Assumptions (no national statistic in the profile): how much likelier
// a child of each age on entering care is to be adopted than a baby (none
// from 7: England adopts few older children); the share of adoptions by
// consent, without a placement order; the share placed first with foster
// carers approved as adopters; the days from the decision to the
// placement order; the share of adoption orders made with the parents'
// consent dispensed with (E12); the kinds of special guardianship order.
const (
	consentShare     = 0.08
	ffaShare         = 0.2
	dispensedShare   = 0.5
	daysPerMonth     = 365.25 / 12
	adoptionMaxAge   = 7
	minOrderDuration = 120 // days in care before a special guardianship or child arrangements order
)

var adoptionAgeWeight = [adoptionMaxAge]float64{1, 0.7, 0.7, 0.7, 0.7, 0.15, 0.15}

var sgoKinds = Weights{{"E45", 0.3}, {"E46", 0.1}, {"E47", 0.5}, {"E48", 0.1}}

// adoptionPlan is the planned route of an adoption; consent adoptions
// have no placement order.
type adoptionPlan struct {
	decided, adm, po, match, placed, order time.Time
	ffa                                    *time.Time // moved to foster carers approved as adopters
	consent                                bool
	reason                                 string // E11 or E12
	// A decision reversed (reversal.go): when and why, and the final
	// hearing that made a care order when no placement order was made.
	reversed, hearing time.Time
	reversedReason    string
}

// adoptionWeight is how likely, relative to a baby, a child of age is to
// be adopted.
func adoptionWeight(age int) float64 {
	if age < 0 || age >= adoptionMaxAge {
		return 0
	}
	return adoptionAgeWeight[age]
}

// adoptionScale is the chance a baby coming into care has a decision that
// they should be placed for adoption, set so that across the candidates
// (weighted by how likely each is to come into care) adoptions, the
// decisions not reversed, are the profile's share of periods of care.
func adoptionScale(cands []careCandidate, prof careFigures) float64 {
	sum, young := 0.0, 0.0
	for _, c := range cands {
		sum += c.weight
		young += c.weight * adoptionWeight(c.k.ageOn(c.start))
	}
	if young == 0 {
		return 0
	}
	return math.Min(1, prof.Flows.Ceased.Get("Adopted")/(1-reversalShare)*sum/young)
}

// planOutcome decides how the candidate's period of care ends: adopted
// (a decision at scale times the child's age weight, not reversed), or for
// a reason drawn from the rest of the profile's split, some months after
// the reversal of a decision if there was one.
func (c *careCandidate) planOutcome(prof careFigures, scale float64) {
	r := c.r
	if age := c.k.ageOn(c.start); r.chance(scale * adoptionWeight(age)) {
		ap := planAdoption(r, c.start, prof.Adoption, age)
		if ap.order.Before(c.k.eighteenth()) {
			if !r.chance(reversalShare) {
				c.adopt, c.end, c.reason = &ap, ap.order, ap.reason
				return
			}
			ap.reverse(r)
			c.adopt, c.end = &ap, latest(c.end, days(ap.reversed, r.between(90, 540)))
		}
	}
	c.reason = ceasedCodes[r.pick(prof.notAdopted)]
	switch c.reason {
	case "E45":
		c.reason = r.pick(sgoKinds)
	}
	if !isOrderReason(c.reason) {
		return
	}
	// An order is made after some months in care, and before 18: the
	// period is kept within those bounds where the child's age allows.
	if c.end.Sub(c.start) < minOrderDuration*24*time.Hour {
		c.end = days(c.start, r.between(minOrderDuration, 300))
	}
	if last := days(c.k.eighteenth(), -30); !c.end.Before(last) {
		c.end = latest(days(c.start, minOrderDuration), days(last, -r.between(0, 700)))
	}
	c.end = earliest(c.end, days(c.k.eighteenth(), 1))
}

// isOrderReason reports whether a period of care ending for reason ended
// with a special guardianship or child arrangements order.
func isOrderReason(reason string) bool {
	for _, c := range casework.OrderReasons() {
		if c.Code == reason {
			return true
		}
	}
	return false
}

// gap draws a number of days with the given mean in months, spread as a
// lognormal (sigma), at least lo.
func gap(r rng, months, sigma float64, lo int) int {
	median := months * daysPerMonth / math.Exp(sigma*sigma/2)
	return max(lo, int(r.lognormal(median, sigma)))
}

// planAdoption plans the stages of an adoption of a child who came into
// care on start aged age.
func planAdoption(r rng, start time.Time, t AdoptionTimes, age int) adoptionPlan {
	ap := adoptionPlan{consent: age == 0 && r.chance(consentShare), reason: "E11"}
	ap.adm = days(start, gap(r, t.EntryToDecision, 0.6, 30))
	ap.decided = latest(start, days(ap.adm, -r.between(14, 90)))
	ap.match = days(ap.adm, gap(r, t.DecisionToMatch, 0.5, 30))
	if !ap.consent {
		ap.po = days(ap.adm, r.between(14, 150))
		ap.match = latest(ap.match, days(ap.po, r.between(1, 30)))
		if r.chance(dispensedShare) {
			ap.reason = "E12"
		}
	}
	ap.placed = days(ap.match, r.between(7, 54))
	ap.order = days(ap.placed, gap(r, t.PlacedToAdoption, 0.4, 70))
	if age < 2 && r.chance(ffaShare) {
		ap.ffa = ptr(days(ap.adm, r.between(0, 30)))
	}
	return ap
}

// adoptionLegal gives the child the legal statuses of a court adoption:
// an interim care order before the decision (from an emergency
// protection order within 8 days, from section 20 some weeks after coming
// into care), then the placement order.
func (cr *careRun) adoptionLegal(ap *adoptionPlan) {
	if ap.consent {
		return
	}
	r, cur := cr.r, cr.cf.CurrentLegalStatus()
	switch cur.Code {
	case "L2":
		cr.legalStatus("C1", days(cur.StartDate, r.between(1, 8)))
	case "V2":
		cr.legalStatus("C1", days(cur.StartDate, r.between(14, max(14, int(ap.adm.Sub(cur.StartDate).Hours()/24)-14))))
	}
	if !ap.po.IsZero() { // a reversed decision may have none
		cr.legalStatus("E1", ap.po)
	}
	cr.reversalLegal(ap)
}

// legalStatus records a change of legal status on day d, if within the
// period recorded and the rules allow it.
func (cr *careRun) legalStatus(code string, d time.Time) bool {
	ls := casework.LegalStatus{ChildID: cr.k.rec.ID, EpisodeID: cr.ep.ID, StartDate: d, Code: code}
	if d.After(cr.end) || cr.cf.CheckLegalStatus(ls, cr.w.asAt) != nil {
		return false
	}
	ls.ID = next(&cr.w.ids.LegalStatus)
	cr.cf.LegalStatuses = append(cr.cf.LegalStatuses, ls)
	return true
}

// adoptionPlacements moves the child to foster carers approved as
// adopters (U5) for fostering for adoption, then to the adopters: A5 or
// A6 under a placement order, A3 or A4 by consent, the first of each pair
// with the current foster carer (a change of status only).
func (cr *careRun) adoptionPlacements(ap *adoptionPlan, prof careFigures) {
	var ffa *casework.Placement
	if ap.ffa != nil {
		p := cr.placement(*ap.ffa, prof.CLA.ByYear["2024"].Placement, prof)
		p.Type, p.Provider, p.SchoolMove = "U5", one(cr.r, []string{"PR1", "PR1", "PR4"}), false
		ffa = cr.move(p, "CARPL")
	}
	p := cr.placement(ap.placed, prof.CLA.ByYear["2024"].Placement, prof)
	p.Type, p.Provider, p.SchoolMove = "A6", one(cr.r, []string{"PR1", "PR1", "PR4"}), false
	reason := "CARPL"
	if ffa != nil {
		p.Type, p.Provider, p.Postcode, p.DistanceMiles, p.InArea, reason = "A5", ffa.Provider, ffa.Postcode,
			ffa.DistanceMiles, ffa.InArea, "PLACE"
	}
	if ap.consent {
		p.Type = map[string]string{"A5": "A3", "A6": "A4"}[p.Type]
	}
	cr.move(p, reason)
}

// move records a move to placement p for reason, if within the period
// recorded and the rules allow it, and returns the placement kept.
func (cr *careRun) move(p casework.Placement, reason string) *casework.Placement {
	if p.StartDate.After(cr.end) || cr.cf.CheckPlacementMove(p, reason, cr.w.asAt) != nil {
		return nil
	}
	cur := cr.cf.CurrentPlacement()
	p.ID, p.EpisodeID = next(&cr.w.ids.Placement), cr.ep.ID
	cur.EndDate, cur.ChangeReason = &p.StartDate, reason
	cr.cf.Placements = append(cr.cf.Placements, p)
	return &cr.cf.Placements[len(cr.cf.Placements)-1]
}

// adoptionPermanence records the plan for adoption stage by stage, each
// stage dated up to the end of the period or the as-at date and saved
// only if the rules allow the plan with it; it reports whether the last
// stage (the adoption order, or the reversal) was recorded.
func (cr *careRun) adoptionPermanence(ap *adoptionPlan) bool {
	p := casework.PermanencePlan{ChildID: cr.k.rec.ID, Plan: casework.PermAdoption, DecidedOn: ap.decided,
		CareStarted: ptr(cr.ep.StartDate)}
	if !cr.savePlan(&p) {
		return false
	}
	stages := []struct {
		on  time.Time
		set func(*casework.PermanencePlan, *time.Time)
	}{
		{ap.adm, func(p *casework.PermanencePlan, d *time.Time) { p.ShouldBePlaced = d }},
		{ap.po, func(p *casework.PermanencePlan, d *time.Time) { p.PlacementOrder = d }},
		{ap.match, func(p *casework.PermanencePlan, d *time.Time) { p.Matched = d }},
		{ap.placed, func(p *casework.PermanencePlan, d *time.Time) { p.Placed = d }},
		{ap.order, func(p *casework.PermanencePlan, d *time.Time) {
			p.AdoptionOrder, p.Adopters = d, drawAdopters(cr.adopterRNG(), cr.cf.Placements[len(cr.cf.Placements)-1].Type)
		}},
		{ap.reversed, ap.setReversed},
	}
	for _, s := range stages {
		if s.on.IsZero() { // a consent adoption has no placement order; a reversed one, no later stages
			continue
		}
		next := cr.plan()
		s.set(&next, ptr(s.on))
		if s.on.After(cr.planEnd()) || cr.cf.CheckNewPermanencePlan(next, cr.w.asAt) != nil {
			return false
		}
		*cr.planRef() = next
	}
	return true
}

// orderPermanence records the plan for a special guardianship or child
// arrangements order a few months before the period ends with one, and
// the order when it ends by the as-at date.
func (cr *careRun) orderPermanence(end time.Time, reason string) {
	kind := casework.PermSGO
	if reason == "E41" {
		kind = casework.PermCAO
	}
	p := casework.PermanencePlan{ChildID: cr.k.rec.ID, Plan: kind, CareStarted: ptr(cr.ep.StartDate),
		DecidedOn: latest(cr.lastPlanEnded(), days(end, -cr.r.between(60, 180)))}
	if p.DecidedOn.After(cr.w.asAt) || !cr.savePlan(&p) {
		return
	}
	if cr.ep.EndDate == nil || cr.ep.EndReason != reason {
		return
	}
	next := cr.plan()
	next.OrderMade, next.OrderReason = ptr(end), reason
	if cr.cf.CheckNewPermanencePlan(next, cr.w.asAt) == nil {
		*cr.planRef() = next
	}
}

// savePlan records a new plan, if the rules allow it.
func (cr *careRun) savePlan(p *casework.PermanencePlan) bool {
	if p.DecidedOn.After(cr.planEnd()) || cr.cf.CheckNewPermanencePlan(*p, cr.w.asAt) != nil {
		return false
	}
	p.ID = next(&cr.w.ids.Permanence)
	cr.cf.Permanence = append(cr.cf.Permanence, *p)
	return true
}

// plan is a copy of the plan being recorded; planRef the plan itself.
func (cr *careRun) plan() casework.PermanencePlan { return *cr.planRef() }
func (cr *careRun) planRef() *casework.PermanencePlan {
	return &cr.cf.Permanence[len(cr.cf.Permanence)-1]
}

// planEnd is the last day a plan's stage may be recorded: the day the
// period ends (an adoption order ends it), or the as-at date.
func (cr *careRun) planEnd() time.Time { return earliest(days(cr.end, 1), cr.w.asAt) }

// adopterRNG is the child's own stream for who adopted them, apart from
// the period of care's, so that drawing adopters leaves the rest of the
// generated record as it was.
func (cr *careRun) adopterRNG() rng { return newRNG(cr.w.cfg.Seed, "adopters", int(cr.k.rec.ID)) }
