package web

import (
	"fmt"
	"time"

	"sightline/internal/casework"
)

// leavingView is the leaving-care and permanence part of the case
// summary.
type leavingView struct {
	Leaver     *casework.CareLeaver
	Status     casework.LeaverStatus
	Permanence *casework.PermanencePlan // the latest plan
	Stage      string
	Adopters   string // who adopted, when recorded with the order
	A1, A2     *int
}

func leavingSummary(cf casework.CaseFile, today time.Time) leavingView {
	v := leavingView{Leaver: cf.Leaver}
	if cf.Leaver != nil {
		v.Status, _ = cf.LeaverStatusOn(today)
	}
	if n := len(cf.Permanence); n > 0 {
		p := cf.Permanence[n-1]
		v.Permanence = &p
		if p.Plan == casework.PermAdoption {
			v.Stage, v.Adopters = adoptionStageName(p), adoptersText(p.Adopters)
			if a1, ok := p.A1(cf.LookedAfter.Start); ok {
				v.A1 = &a1
			}
			if a2, ok := p.A2(); ok {
				v.A2 = &a2
			}
		}
	}
	return v
}

// leavingActions are the leaving-care and permanence steps that make
// sense now: leaving care from the age of 15 (the 16th birthday is near)
// or once there is a record; permanence while the case is open or once
// there is a plan, so a closed case offers nothing new.
func leavingActions(cf casework.CaseFile, today time.Time, canEdit bool) []caseLink {
	if !canEdit {
		return nil
	}
	base := fmt.Sprintf("/children/%d/", cf.Child.ID)
	var out []caseLink
	add := func(ok bool, label, path string) {
		if ok {
			out = append(out, caseLink{Label: label, Href: base + path})
		}
	}
	age, known := cf.Child.AgeOn(today)
	leaver := cf.Leaver != nil
	add(leaver || (known && age >= 15), "Leaving-care eligibility", "leaving-care/eligibility")
	add(leaver, "Personal adviser", "leaving-care/adviser")
	add(leaver, "Pathway plan or review", "leaving-care/pathway")
	add(leaver, "Birthday record: accommodation and education, employment or training", "leaving-care/birthday")
	add(leaver, "Contact with the care leaver", "leaving-care/contact")
	open := cf.OpenPermanencePlan()
	adoption := open != nil && open.Plan == casework.PermAdoption
	add(open == nil && (cf.Involvement != nil || len(cf.Permanence) > 0), "Permanence plan", "permanence/plan")
	add(adoption && open.ShouldBePlaced == nil, "Decision: should be placed for adoption", "permanence/should-be-placed")
	add(adoption && open.ShouldBePlaced != nil && open.PlacementOrder == nil, "Placement order", "permanence/placement-order")
	add(adoption && open.ShouldBePlaced != nil && open.Matched == nil, "Match with adopters", "permanence/match")
	add(adoption && open.Matched != nil && open.Placed == nil, "Placed for adoption", "permanence/placed")
	add(adoption && open.Placed != nil, "Adoption order", "permanence/adoption-order")
	add(adoption && open.ShouldBePlaced != nil, "Decision changed: no longer to be placed for adoption", "permanence/changed")
	add(open != nil && (open.Plan == casework.PermSGO || open.Plan == casework.PermCAO), "Special guardianship or child arrangements order", "permanence/order")
	return out
}
