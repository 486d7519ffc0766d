package casework

import (
	"time"
)

// Permanence plans: a local code set. SSDA903 records the adoption stages
// and how care ended, not the plan itself.
const (
	PermAdoption = "adoption"
	PermSGO      = "sgo"
	PermCAO      = "cao"
)

var permanencePlans = []Code{
	{PermAdoption, "Adoption"}, {PermSGO, "Special guardianship order"},
	{PermCAO, "Child arrangements order"}, {"long_term_fostering", "Long-term fostering"},
	{"return_home", "Return to parents or family"}, {"independence", "Independent living with support"},
	{"other", "Other"},
}

// PermanencePlanTypes returns the kinds of permanence plan.
func PermanencePlanTypes() []Code { return append([]Code(nil), permanencePlans...) }

// reversalReasons is SSDA903 REASON_PLACED_CEASED.
var reversalReasons = []Code{
	{"RD1", "The child's needs changed after the decision"}, {"RD2", "The court did not make a placement order"},
	{"RD3", "Prospective adopters could not be found"}, {"RD4", "Any other reason"},
}

// ReversalReasons returns why a decision to place for adoption changed.
func ReversalReasons() []Code { return append([]Code(nil), reversalReasons...) }

// orderReasons are the SSDA903 reasons a period of care ended with a
// special guardianship or child arrangements order (REC E41, E45–E48).
var orderReasons = []Code{
	{"E41", "Child arrangements order (formerly residence order)"},
	{"E45", "Special guardianship order: former foster carer who is a relative or friend"},
	{"E46", "Special guardianship order: former foster carer who is not a relative or friend"},
	{"E47", "Special guardianship order: other carer who is a relative or friend"},
	{"E48", "Special guardianship order: other carer who is not a relative or friend"},
}

// OrderReasons returns the kinds of special guardianship and child
// arrangements order.
func OrderReasons() []Code { return append([]Code(nil), orderReasons...) }

// PermanencePlan is a child's plan for permanence and, for adoption, the
// dates of each stage; for a special guardianship or child arrangements
// order, the order.
type PermanencePlan struct {
	ID        int64
	ChildID   int64
	Plan      string    // one of PermanencePlanTypes
	DecidedOn time.Time // the plan was made (at a looked-after review)
	// CareStarted is the start of the period of care as recorded here; it
	// stands in for the children-in-care episodes (see CareLeaver).
	CareStarted    *time.Time
	ShouldBePlaced *time.Time // agency decision maker: should be placed for adoption (DATE_PLACED, DATE_INT)
	PlacementOrder *time.Time // court authority to place (legal status E1)
	Matched        *time.Time // matched with adopters (DATE_MATCH)
	Placed         *time.Time // moved in with the adopters (placement A3–A6)
	AdoptionOrder  *time.Time // adopted (REC E11, E12)
	Reversed       *time.Time // decision that the child should no longer be placed (DATE_PLACED_CEASED)
	ReversedReason string     // REASON_PLACED_CEASED, RD1–RD4
	OrderMade      *time.Time // special guardianship or child arrangements order
	OrderReason    string     // E41, E45–E48
	Adopters       Adopters   // who adopted, recorded with the adoption order (AD1)
	Version        int
}

// Open reports whether the plan is still being carried out.
func (p PermanencePlan) Open() bool {
	return p.Reversed == nil && p.AdoptionOrder == nil && p.OrderMade == nil
}

// stage is one dated step of a plan: its form field, its name in a
// message, and the steps it may not come before.
type stage struct {
	field, name string
	date        *time.Time
}

// Validate checks a plan's dates for a child born on dob: each is real
// and not in the future, and they come in the order the SSDA903 rules
// expect. The message names the field to fix.
func (p PermanencePlan) Validate(dob *time.Time, today time.Time) error {
	v := &ValidationError{}
	if !inCodes(permanencePlans, p.Plan) {
		v.Add("plan", "Select the permanence plan")
	}
	checkEventDate(v, "decided_on", "Date of the plan", p.DecidedOn, time.Time{}, "", today)
	care := stage{"care_started", "the date the child started to be looked after", p.CareStarted}
	adm := stage{"should_be_placed", "the decision that the child should be placed for adoption", p.ShouldBePlaced}
	po := stage{"placement_order", "the placement order", p.PlacementOrder}
	match := stage{"matched", "the match with adopters", p.Matched}
	placed := stage{"placed", "the placement with adopters", p.Placed}
	order := stage{"adoption_order", "the adoption order", p.AdoptionOrder}
	rev := stage{"reversed", "the decision that the child should no longer be placed", p.Reversed}
	made := stage{"order_made", "the order", p.OrderMade}
	for _, s := range []stage{care, adm, po, match, placed, order, rev, made} {
		switch {
		case s.date == nil:
		case s.date.After(today):
			v.Add(s.field, "The date of "+s.name+" must be today or in the past")
		case dob != nil && s.date.Before(*dob) && s.field != "care_started": // rule 184
			v.Add(s.field, "The date of "+s.name+" is before the child was born")
		}
	}
	adoptionStages := p.ShouldBePlaced != nil || p.PlacementOrder != nil || p.Matched != nil || p.Placed != nil || p.AdoptionOrder != nil
	if adoptionStages && p.Plan != PermAdoption && !v.Has("plan") {
		v.Add("plan", "Adoption stages are recorded only on a plan for adoption")
	}
	// Each later stage needs the earlier ones, on or before it.
	after(v, adm, care)                                                   // rules 334, 1003
	needs(v, po, adm)                                                     // rules 553, 554
	needs(v, match, adm)                                                  // rule 333
	after(v, match, po)                                                   // a match before the order counts as 0 days in A2, but is allowed
	needs(v, placed, adm)                                                 // rules 521, 551, 552
	needs(v, placed, match)                                               // rule 331
	needs(v, order, placed)                                               // an adoption order follows placement with the adopters
	needs(v, rev, adm)                                                    // rules 522, 563
	if p.Reversed != nil && !inCodes(reversalReasons, p.ReversedReason) { // rule 119
		v.Add("reversed_reason", "Select why the child should no longer be placed for adoption")
	}
	if p.Reversed != nil && p.AdoptionOrder != nil { // rules 525, 558
		v.Add("reversed", "A child whose adoption decision was reversed cannot also be adopted under it: record a new plan")
	}
	mergeInto(v, p.Adopters.Validate())
	if p.Adopters.Recorded() && p.AdoptionOrder == nil && !v.Has("adopters_number") {
		v.Add("adopters_number", "Who adopted is recorded with the adoption order")
	}
	if p.OrderMade != nil {
		if p.Plan != PermSGO && p.Plan != PermCAO && !v.Has("plan") {
			v.Add("plan", "A special guardianship or child arrangements order is recorded on a plan for one")
		}
		if !inCodes(orderReasons, p.OrderReason) {
			v.Add("order_reason", "Select the kind of order")
		} else if (p.Plan == PermCAO) != (p.OrderReason == "E41") {
			v.Add("order_reason", "A child arrangements order is E41; a special guardianship order is E45 to E48")
		}
		after(v, made, care)
	}
	if !p.DecidedOn.IsZero() && !v.Has("decided_on") {
		after(v, stage{"decided_on", "the plan", &p.DecidedOn}, care)
	}
	return v.Err()
}

// needs: stage s, when recorded, needs stage first recorded on or before it.
func needs(v *ValidationError, s, first stage) {
	if s.date == nil || v.Has(s.field) {
		return
	}
	if first.date == nil {
		v.Add(s.field, "Record "+first.name+" before "+s.name)
		return
	}
	after(v, s, first)
}

// after: when both are recorded, s is on or after first.
func after(v *ValidationError, s, first stage) {
	if s.date == nil || first.date == nil || v.Has(s.field) {
		return
	}
	if s.date.Before(*first.date) {
		v.Add(s.field, "The date of "+s.name+" must be on or after "+first.name+" ("+first.date.Format("2 January 2006")+")")
	}
}

// CheckNewPermanencePlan: one plan at a time; a plan that changes is
// ended (reversed, or its order made) before the next.
func (cf CaseFile) CheckNewPermanencePlan(p PermanencePlan, today time.Time) error {
	v := &ValidationError{}
	mergeInto(v, p.Validate(cf.Child.DateOfBirth, today))
	cf.checkAdoptersPlacement(v, p)
	if o := cf.OpenPermanencePlan(); o != nil && o.ID != p.ID {
		v.Add("plan", "The child already has a plan for "+lowerFirstWord(LabelOf(permanencePlans, o.Plan))+
			": record that it changed, or its order, first")
	}
	return v.Err()
}

// OpenPermanencePlan is the plan being carried out, or nil.
func (cf CaseFile) OpenPermanencePlan() *PermanencePlan {
	for i := len(cf.Permanence) - 1; i >= 0; i-- {
		if cf.Permanence[i].Open() {
			return &cf.Permanence[i]
		}
	}
	return nil
}

// A1Days is adoption scorecard A1 for one child: days from entering care
// (the start of the period of care that ended in adoption) to moving in
// with the adoptive family.
func A1Days(enteredCare, placed time.Time) int { return daysBetween(enteredCare, placed) }

// A2Days is adoption scorecard A2 for one child: days from the court's
// authority to place (placement order) to the decision on a match; a child
// matched before the order counts as 0.
func A2Days(placementOrder, matched time.Time) int {
	if matched.Before(placementOrder) {
		return 0
	}
	return daysBetween(placementOrder, matched)
}

func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// A1 is the plan's A1, given the day the child entered care (passed in:
// the children-in-care record, or the plan's own CareStarted until it
// exists); ok is false until the child is placed.
func (p PermanencePlan) A1(enteredCare *time.Time) (int, bool) {
	if enteredCare == nil || p.Placed == nil {
		return 0, false
	}
	return A1Days(*enteredCare, *p.Placed), true
}

// A2 is the plan's A2; ok is false without a placement order or a match
// (children with no placement order are excluded from A2).
func (p PermanencePlan) A2() (int, bool) {
	if p.PlacementOrder == nil || p.Matched == nil {
		return 0, false
	}
	return A2Days(*p.PlacementOrder, *p.Matched), true
}

// AdoptionTiming is one child's adoption for the averages: the plan and
// the day they entered care.
type AdoptionTiming struct {
	Plan        PermanencePlan
	EnteredCare *time.Time
}

// AdoptionAverages are A1 and A2 averaged over the children adopted
// (adoption order) from one day to another, both included.
type AdoptionAverages struct {
	Adopted            int
	A1Children, A1Mean int // children with an A1, and its mean in days (rounded)
	A2Children, A2Mean int
}

// AverageAdoptionTimes averages A1 and A2 over the children adopted from
// from to to. Children without the dates a measure needs are left out of
// that measure only (the scorecard's exclusions).
func AverageAdoptionTimes(ts []AdoptionTiming, from, to time.Time) AdoptionAverages {
	var out AdoptionAverages
	var a1, a2 int
	for _, t := range ts {
		o := t.Plan.AdoptionOrder
		if o == nil || o.Before(from) || o.After(to) {
			continue
		}
		out.Adopted++
		if n, ok := t.Plan.A1(t.EnteredCare); ok {
			out.A1Children++
			a1 += n
		}
		if n, ok := t.Plan.A2(); ok && t.Plan.Placed != nil {
			out.A2Children++
			a2 += n
		}
	}
	out.A1Mean, out.A2Mean = roundedMean(a1, out.A1Children), roundedMean(a2, out.A2Children)
	return out
}

func roundedMean(sum, n int) int {
	if n == 0 {
		return 0
	}
	return (2*sum + n) / (2 * n)
}
