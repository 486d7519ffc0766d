package web

import (
	"time"

	"sightline/internal/casework"
)

// Permanence actions: the plan, each stage of an adoption, a decision
// that changed, and a special guardianship or child arrangements order.
// Routes and their access rules are in routes_leavers.go.

var permanencePlanAction = action{
	done:    "Permanence plan recorded",
	heading: "Record a permanence plan", submit: "Save plan",
	ready: func(a *actionCtx) string {
		if p := a.cf.OpenPermanencePlan(); p != nil {
			return "The child already has a plan for " + lowerFirst(casework.LabelOf(casework.PermanencePlanTypes(), p.Plan)) +
				". Record that the decision changed, or the order, first."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			radiosF("plan", "Permanence plan", casework.PermanencePlanTypes(), ""),
			dateF("decided_on", "Date of the plan", a.today),
			{Name: "care_started", Label: "Date the child started to be looked after", Kind: "date",
				Hint: "Adoption timeliness (A1) counts from this day", Date: dateFieldOf(a.cf.LookedAfter.Start)},
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		p := casework.PermanencePlan{ChildID: a.child.ID, Plan: f.text("plan")}
		p.DecidedOn = f.date(v, "decided_on", "Date of the plan")
		p.CareStarted = maybeDate(v, f, "care_started", "Date the child started to be looked after")
		if v.Err() != nil {
			mergeErrors(v, p.Validate(a.child.DateOfBirth, a.today))
			return v
		}
		_, err := a.s.store.RecordPermanencePlan(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}

// adoptionPlan is the open plan for adoption, or nil.
func (a *actionCtx) adoptionPlan() *casework.PermanencePlan {
	if p := a.cf.OpenPermanencePlan(); p != nil && p.Plan == casework.PermAdoption {
		return p
	}
	return nil
}

// adoptionStage builds the action recording one dated stage of an
// adoption: field is both the form's and the plan's, set picks the date
// on the plan, and before is the stage it needs first (nil for none).
func adoptionStage(done, heading, submit, field, label string, set func(*casework.PermanencePlan) **time.Time,
	before func(*casework.PermanencePlan) *time.Time, needsFirst string) action {
	return withDone(done, withEdits(planEdited((*actionCtx).adoptionPlan), dateOnly(heading, submit, field, label,
		func(a *actionCtx) string {
			p := a.adoptionPlan()
			switch {
			case p == nil:
				return "The child has no plan for adoption in progress."
			case *set(p) != nil:
				return "This stage was recorded on " + (*set(p)).Format("2 January 2006") + "."
			case before != nil && before(p) == nil:
				return needsFirst
			}
			return ""
		},
		func(a *actionCtx, d time.Time) error {
			p := *a.adoptionPlan()
			*set(&p), p.Version = &d, a.version
			_, err := a.s.store.UpdatePermanencePlan(a.r.Context(), a.actor(), p)
			return err
		})))
}

// planEdited names the permanence plan an action changes, as plan finds
// it.
func planEdited(plan func(*actionCtx) *casework.PermanencePlan) func(*actionCtx) *target {
	return func(a *actionCtx) *target {
		if p := plan(a); p != nil {
			return editTarget("permanence_plan", p.ID, p.Version)
		}
		return nil
	}
}

var (
	admAction = adoptionStage("Decision recorded", "Record the decision that the child should be placed for adoption",
		"Save decision", "should_be_placed", "Date of the agency decision maker's decision",
		func(p *casework.PermanencePlan) **time.Time { return &p.ShouldBePlaced }, nil, "")
	placementOrderAction = adoptionStage("Placement order recorded", "Record the placement order", "Save placement order",
		"placement_order", "Date the placement order was granted",
		func(p *casework.PermanencePlan) **time.Time { return &p.PlacementOrder },
		func(p *casework.PermanencePlan) *time.Time { return p.ShouldBePlaced },
		"Record the decision that the child should be placed for adoption first.")
	matchAction = adoptionStage("Match recorded", "Record the match with adopters", "Save match",
		"matched", "Date the match was decided",
		func(p *casework.PermanencePlan) **time.Time { return &p.Matched },
		func(p *casework.PermanencePlan) *time.Time { return p.ShouldBePlaced },
		"Record the decision that the child should be placed for adoption first.")
	placedAction = adoptionStage("Placement for adoption recorded", "Record that the child moved in with the adopters",
		"Save placement", "placed", "Date the child moved in",
		func(p *casework.PermanencePlan) **time.Time { return &p.Placed },
		func(p *casework.PermanencePlan) *time.Time { return p.Matched }, "Record the match with adopters first.")
)

var adoptionChangedAction = action{
	done:    "Change of decision recorded",
	heading: "Record that the child should no longer be placed for adoption", submit: "Save change",
	ready: func(a *actionCtx) string {
		if p := a.adoptionPlan(); p == nil || p.ShouldBePlaced == nil {
			return "There is no decision that the child should be placed for adoption to change."
		}
		return ""
	},
	edits: planEdited((*actionCtx).adoptionPlan),
	fields: func(a *actionCtx) []field {
		return []field{dateF("reversed", "Date of the decision", a.today),
			radiosF("reversed_reason", "Why", casework.ReversalReasons(), "")}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "reversed", "Date of the decision")
		if v.Err() != nil {
			return v
		}
		p := *a.adoptionPlan()
		p.Reversed, p.ReversedReason, p.Version = &d, f.text("reversed_reason"), a.version
		_, err := a.s.store.UpdatePermanencePlan(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}

// orderPlan is the open plan for a special guardianship or child
// arrangements order, or nil.
func (a *actionCtx) orderPlan() *casework.PermanencePlan {
	if p := a.cf.OpenPermanencePlan(); p != nil && (p.Plan == casework.PermSGO || p.Plan == casework.PermCAO) {
		return p
	}
	return nil
}

var orderAction = action{
	done:    "Order recorded",
	heading: "Record the special guardianship or child arrangements order", submit: "Save order",
	ready: func(a *actionCtx) string {
		if a.orderPlan() == nil {
			return "The child has no plan for a special guardianship or child arrangements order in progress."
		}
		return ""
	},
	edits: planEdited((*actionCtx).orderPlan),
	fields: func(a *actionCtx) []field {
		return []field{dateF("order_made", "Date the order was made", a.today),
			radiosF("order_reason", "Kind of order", casework.OrderReasons(), "")}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "order_made", "Date the order was made")
		if v.Err() != nil {
			return v
		}
		p := *a.orderPlan()
		p.OrderMade, p.OrderReason, p.Version = &d, f.text("order_reason"), a.version
		_, err := a.s.store.UpdatePermanencePlan(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}
