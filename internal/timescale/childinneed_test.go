package timescale_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

func withCINReviews(cf casework.CaseFile, planID int64, days ...string) casework.CaseFile {
	cf.CINReviews = slices.Clone(cf.CINReviews)
	for i, s := range days {
		cf.CINReviews = append(cf.CINReviews, casework.CINPlanReview{ID: int64(70 + i), PlanID: planID, ChildID: child, Date: d(s)})
	}
	return cf
}

// endCINPlan ends the CIN plan on day s, in a copy.
func endCINPlan(cf casework.CaseFile, s string) casework.CaseFile {
	cf.CINPlans = slices.Clone(cf.CINPlans)
	cf.CINPlans[0].EndDate = p(s)
	return cf
}

// cin_plan_review: local standard, every N months from the plan start or
// the last review held.
func TestRuleCINPlanReview(t *testing.T) {
	plan := cinFile("2025-12-01", "2026-01-05")
	checkRule(t, []ruleCase{
		{name: "plan from 30 Nov 2025 due 28 Feb 2026", cf: cinFile("2025-11-01", "2025-11-30"), asAt: "2025-12-01",
			want: []string{"cin_plan_review 2025-11-30→2026-02-28 due local"}},
		{name: "runs from the date of the last review held", cf: withCINReviews(plan, 20, "2026-02-10"), asAt: "2026-02-11",
			want: []string{
				"cin_plan_review 2026-01-05→2026-04-05 done_in_time done 2026-02-10 local",
				"cin_plan_review 2026-02-10→2026-05-10 due local"}},
		{name: "held a day late", cf: withCINReviews(plan, 20, "2026-04-06"), asAt: "2026-04-06",
			want: []string{
				"cin_plan_review 2026-01-05→2026-04-05 done_late done 2026-04-06 local",
				"cin_plan_review 2026-04-06→2026-07-06 due local"}},
		{name: "setting of 1 month from 31 Jan", cf: cinFile("2026-01-05", "2026-01-31"), asAt: "2026-02-02",
			set:  func(s *timescale.Settings) { s.CINPlanReviewMonths = 1 },
			want: []string{"cin_plan_review 2026-01-31→2026-02-28 due local"}},
		{name: "a review of another plan does not count", cf: withCINReviews(plan, 99, "2026-02-10"), asAt: "2026-04-06",
			want: []string{"cin_plan_review 2026-01-05→2026-04-05 overdue local"}},
		{name: "plan ended keeps the history and drops the open task",
			cf: endCINPlan(withCINReviews(plan, 20, "2026-02-10"), "2026-03-01"), asAt: "2026-06-01",
			want: []string{"cin_plan_review 2026-01-05→2026-04-05 done_in_time done 2026-02-10 local"}},
	}, "cin_plan_review")
}

// cin_visit: local standard, child seen every N working days while a CIN
// plan is open and no CP plan is in force.
func TestRuleCINVisit(t *testing.T) {
	plan := cinFile("2025-12-01", "2026-01-05")
	visits := func(cf casework.CaseFile, vs ...casework.Visit) casework.CaseFile { cf.Visits = vs; return cf }
	cpLater := func(cf casework.CaseFile, start string) casework.CaseFile {
		cf.Plans = []casework.CPPlan{{ID: 10, ReferralID: 1, StartDate: d(start)}}
		return cf
	}
	notSeen := casework.Visit{ID: 1, Date: d("2026-01-20"), Kind: "cin", Seen: false, Place: "home"}
	checkRule(t, []ruleCase{
		{name: "due 20 working days from the plan start", cf: plan, asAt: "2026-01-05",
			want: []string{"cin_visit 2026-01-05→2026-02-02 due local"}},
		{name: "then from the last visit the child was seen", cf: visits(plan, seen("2026-01-20")...), asAt: "2026-01-20",
			want: []string{
				"cin_visit 2026-01-05→2026-02-02 done_in_time done 2026-01-20 local",
				"cin_visit 2026-01-20→2026-02-17 due local"}},
		{name: "a visit where the child was not seen does not reset the clock", cf: visits(plan, notSeen), asAt: "2026-02-03",
			want: []string{"cin_visit 2026-01-05→2026-02-02 overdue local"}},
		{name: "setting of 10 working days", cf: plan, asAt: "2026-01-05",
			set:  func(s *timescale.Settings) { s.CINVisitWorkingDays = 10 },
			want: []string{"cin_visit 2026-01-05→2026-01-19 due local"}},
		{name: "a CP plan starting stops it, keeping the history",
			cf: cpLater(visits(plan, seen("2026-01-12")...), "2026-01-20"), asAt: "2026-02-10",
			want: []string{"cin_visit 2026-01-05→2026-02-02 done_in_time done 2026-01-12 local"}},
		{name: "a CP plan starting after the date asked does not", cf: cpLater(plan, "2026-01-20"), asAt: "2026-01-19",
			want: []string{"cin_visit 2026-01-05→2026-02-02 due local"}},
		{name: "a CP plan already in force gives no CIN visits", cf: cpLater(plan, "2025-12-20"), asAt: "2026-02-10"},
		{name: "plan ended drops the open task", cf: endCINPlan(plan, "2026-01-20"), asAt: "2026-02-10"},
	}, "cin_visit")
}
