package synth

import (
	"sightline/internal/casework"
)

// enquiry makes the child's strategy discussions and section 47 enquiry.
func (w *world) enquiry(k *kid, ke *kidEpisode) {
	e := ke.ep
	var initiated *int64
	for _, s := range e.strategies {
		sd := casework.StrategyDiscussion{ID: next(&w.ids.Strategy), ChildID: k.rec.ID, ReferralID: ke.referral,
			Date: s.date, InitiatedS47: s.initiated, Attendees: one(k.hh.r, strategyAttendees)}
		if s.initiated {
			initiated = ptr(sd.ID)
		}
		k.recs.Strategies = append(k.recs.Strategies, sd)
	}
	if e.s47 == nil {
		return
	}
	s := e.s47
	k.recs.S47s = append(k.recs.S47s, casework.S47Enquiry{ID: next(&w.ids.S47), ChildID: k.rec.ID,
		ReferralID: ke.referral, StrategyID: initiated, StartDate: s.start, EndDate: s.end, Outcome: s.outcome,
		ICPCNotRequired: s.notRequired})
}

// cpPlan makes the initial conference, the plan it made, the reviews and
// the core groups. The plan counts the child's earlier plans, and for a
// child's first plan in the records, at the period's rate, one from before
// records began (or in another authority).
func (w *world) cpPlan(k *kid, ke *kidEpisode) {
	e := ke.ep
	if e.icpc == nil {
		return
	}
	s47 := k.recs.S47s[len(k.recs.S47s)-1].ID
	icpc := casework.Conference{ID: next(&w.ids.Conference), ChildID: k.rec.ID, Kind: casework.InitialConference,
		S47ID: ptr(s47), Date: e.icpc.date, Decision: e.icpc.decision, Category: e.icpc.category}
	if e.cp == nil {
		k.recs.Conferences = append(k.recs.Conferences, icpc)
		return
	}
	p := e.cp
	plan := casework.CPPlan{ID: next(&w.ids.Plan), ChildID: k.rec.ID, ReferralID: ke.referral, ConferenceID: ptr(icpc.ID),
		StartDate: p.start, EndDate: p.end, EndReason: p.endReason, InitialCategory: p.category,
		LatestCategory: p.category, PreviousPlans: k.plans}
	if k.plans == 0 && k.hh.r.chance(w.sc.At(p.start).PriorPlan) { // a plan before records began
		plan.PreviousPlans++
	}
	k.plans++
	icpc.PlanID = ptr(plan.ID)
	k.recs.Conferences = append(k.recs.Conferences, icpc)
	for _, rv := range p.reviews {
		k.recs.Conferences = append(k.recs.Conferences, casework.Conference{ID: next(&w.ids.Conference),
			ChildID: k.rec.ID, Kind: casework.ReviewConference, PlanID: ptr(plan.ID), Date: rv.date,
			Decision: rv.decision, Category: rv.category})
		if rv.category != "" {
			plan.LatestCategory = rv.category
		}
	}
	k.recs.Plans = append(k.recs.Plans, plan)
	for _, d := range p.coreGroups {
		k.recs.CoreGroups = append(k.recs.CoreGroups, casework.CoreGroup{ID: next(&w.ids.CoreGroup), PlanID: plan.ID,
			ChildID: k.rec.ID, Date: d})
	}
}

// cinPlan makes the child in need plan and its reviews.
func (w *world) cinPlan(k *kid, ke *kidEpisode) {
	e := ke.ep
	if e.cin == nil {
		return
	}
	p := casework.CINPlan{ID: next(&w.ids.CINPlan), ChildID: k.rec.ID, ReferralID: ke.referral,
		StartDate: e.cin.start, EndDate: e.cin.end}
	k.recs.CINPlans = append(k.recs.CINPlans, p)
	for _, d := range e.cin.reviews {
		k.recs.CINReviews = append(k.recs.CINReviews, casework.CINPlanReview{ID: next(&w.ids.CINReview),
			PlanID: p.ID, ChildID: k.rec.ID, Date: d})
	}
}
