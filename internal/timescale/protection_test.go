package timescale_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

func withGroups(cf casework.CaseFile, days ...string) casework.CaseFile {
	cf.CoreGroups = slices.Clone(cf.CoreGroups)
	for i, s := range days {
		cf.CoreGroups = append(cf.CoreGroups, casework.CoreGroup{ID: int64(50 + i), PlanID: 10, ChildID: child, Date: d(s)})
	}
	return cf
}

func withReviews(cf casework.CaseFile, days ...string) casework.CaseFile {
	cf.Conferences = slices.Clone(cf.Conferences)
	for i, s := range days {
		cf.Conferences = append(cf.Conferences, casework.Conference{ID: int64(60 + i), ChildID: child,
			Kind: casework.ReviewConference, PlanID: id(10), Date: d(s), Decision: "continue"})
	}
	return cf
}

// endPlan ends the plan on day s, in a copy: table cases share their
// case files.
func endPlan(cf casework.CaseFile, s string) casework.CaseFile {
	cf.Plans = slices.Clone(cf.Plans)
	cf.Plans[0].EndDate = p(s)
	return cf
}

// core_group_first: 10 working days from the ICPC (WT2023 ch. 3).
func TestRuleCoreGroupFirst(t *testing.T) {
	otherPlan := cpFile("2025-12-01", "2026-01-05")
	otherPlan.CoreGroups = []casework.CoreGroup{{ID: 1, PlanID: 99, Date: d("2026-01-12")}}
	checkRule(t, []ruleCase{
		{name: "ICPC Mon 5 Jan 2026 due Mon 19 Jan", cf: cpFile("2025-12-01", "2026-01-05"), asAt: "2026-01-05",
			want: []string{"core_group_first 2026-01-05→2026-01-19 due"}},
		{name: "ICPC Fri 19 Dec 2025 due Wed 7 Jan over Christmas and New Year", cf: cpFile("2025-12-01", "2025-12-19"),
			asAt: "2025-12-19", want: []string{"core_group_first 2025-12-19→2026-01-07 due"}},
		{name: "a core group on the ICPC day counts", cf: withGroups(cpFile("2025-12-01", "2026-01-05"), "2026-01-05"),
			asAt: "2026-01-06", want: []string{"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-05"}},
		{name: "held on the due day is in time", cf: withGroups(cpFile("2025-12-01", "2026-01-05"), "2026-01-19"),
			asAt: "2026-01-20", want: []string{"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-19"}},
		{name: "held a day late", cf: withGroups(cpFile("2025-12-01", "2026-01-05"), "2026-01-20"),
			asAt: "2026-01-21", want: []string{"core_group_first 2026-01-05→2026-01-19 done_late done 2026-01-20"}},
		{name: "a core group of another plan does not count", cf: otherPlan, asAt: "2026-01-20",
			want: []string{"core_group_first 2026-01-05→2026-01-19 overdue"}},
		{name: "plan ended before any core group: no open task",
			cf: endPlan(cpFile("2025-12-01", "2026-01-05"), "2026-01-12"), asAt: "2026-01-20"},
		{name: "plan starting after the date asked is ignored", cf: cpFile("2025-12-01", "2026-01-05"), asAt: "2026-01-02"},
	}, "core_group_first")
}

// core_group_next: local standard, N weeks from the last core group held.
func TestRuleCoreGroupNext(t *testing.T) {
	plan := cpFile("2025-12-01", "2026-01-05")
	checkRule(t, []ruleCase{
		{name: "next due 6 weeks after the first", cf: withGroups(plan, "2026-01-15"), asAt: "2026-01-20",
			want: []string{
				"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-15",
				"core_group_next 2026-01-15→2026-02-26 due local"}},
		{name: "runs from the date the last one actually happened", cf: withGroups(plan, "2026-01-15", "2026-03-05"),
			asAt: "2026-03-06", want: []string{
				"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-15",
				"core_group_next 2026-01-15→2026-02-26 done_late done 2026-03-05 local",
				"core_group_next 2026-03-05→2026-04-16 due local"}},
		{name: "setting of 4 weeks", cf: withGroups(plan, "2026-01-15"), asAt: "2026-01-20",
			set: func(s *timescale.Settings) { s.CoreGroupWeeks = 4 },
			want: []string{
				"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-15",
				"core_group_next 2026-01-15→2026-02-12 due local"}},
		{name: "plan ended keeps the history and drops the open task",
			cf: endPlan(withGroups(plan, "2026-01-15", "2026-03-05"), "2026-03-10"), asAt: "2026-04-30",
			want: []string{
				"core_group_first 2026-01-05→2026-01-19 done_in_time done 2026-01-15",
				"core_group_next 2026-01-15→2026-02-26 done_late done 2026-03-05 local"}},
	}, "core_group_first", "core_group_next")
}

// rcpc_first: 3 calendar months after the ICPC, clamped to the month end
// (WT2023 ch. 3; timescales.md edge case 7).
func TestRuleRCPCFirst(t *testing.T) {
	otherPlan := cpFile("2025-12-01", "2026-01-05")
	otherPlan.Conferences = []casework.Conference{{ID: 1, Kind: casework.ReviewConference, PlanID: id(99), Date: d("2026-03-30")}}
	checkRule(t, []ruleCase{
		{name: "ICPC 30 Nov 2025 due 28 Feb 2026", cf: cpFile("2025-11-01", "2025-11-30"), asAt: "2025-12-01",
			want: []string{"rcpc_first 2025-11-30→2026-02-28 due"}},
		{name: "ICPC 30 Nov 2027 due 29 Feb 2028 in a leap year", cf: cpFile("2027-11-01", "2027-11-30"), asAt: "2027-12-01",
			want: []string{"rcpc_first 2027-11-30→2028-02-29 due"}},
		{name: "held on the due day is in time", cf: withReviews(cpFile("2025-12-01", "2026-01-05"), "2026-04-05"),
			asAt: "2026-04-06", want: []string{"rcpc_first 2026-01-05→2026-04-05 done_in_time done 2026-04-05"}},
		{name: "held a day late", cf: withReviews(cpFile("2025-12-01", "2026-01-05"), "2026-04-06"),
			asAt: "2026-04-07", want: []string{"rcpc_first 2026-01-05→2026-04-05 done_late done 2026-04-06"}},
		{name: "a review on the plan's start day does not count (rule 8841)",
			cf: withReviews(cpFile("2025-12-01", "2026-01-05"), "2026-01-05"), asAt: "2026-01-06",
			want: []string{"rcpc_first 2026-01-05→2026-04-05 due"}},
		{name: "a review of another plan does not count", cf: otherPlan, asAt: "2026-04-06",
			want: []string{"rcpc_first 2026-01-05→2026-04-05 overdue"}},
	}, "rcpc_first")
}

// rcpc_next: every 6 months from the previous review actually held.
func TestRuleRCPCNext(t *testing.T) {
	plan := cpFile("2025-12-01", "2026-01-05")
	checkRule(t, []ruleCase{
		{name: "runs from an early first review, not the planned date", cf: withReviews(plan, "2026-03-20"),
			asAt: "2026-03-23", want: []string{"rcpc_next 2026-03-20→2026-09-20 due"}},
		{name: "31 Aug review next due 28 Feb", cf: withReviews(cpFile("2026-05-01", "2026-06-01"), "2026-08-31"),
			asAt: "2026-09-01", want: []string{"rcpc_next 2026-08-31→2027-02-28 due"}},
		{name: "each review from the one before, late or not", cf: withReviews(plan, "2026-04-01", "2026-10-15"),
			asAt: "2026-10-16", want: []string{
				"rcpc_next 2026-04-01→2026-10-01 done_late done 2026-10-15",
				"rcpc_next 2026-10-15→2027-04-15 due"}},
		{name: "the review that ends the plan closes the interval and nothing more is due",
			cf: endPlan(withReviews(plan, "2026-04-01", "2026-09-15"), "2026-09-15"), asAt: "2026-11-01",
			want: []string{"rcpc_next 2026-04-01→2026-10-01 done_in_time done 2026-09-15"}},
	}, "rcpc_next")
}

// cp_visit: local standard, child seen every N working days from the plan
// start and then from the last visit in which the child was seen.
func TestRuleCPVisit(t *testing.T) {
	plan := cpFile("2025-12-01", "2026-01-05")
	visits := func(cf casework.CaseFile, vs ...casework.Visit) casework.CaseFile { cf.Visits = vs; return cf }
	notSeen := casework.Visit{ID: 1, Date: d("2026-01-12"), Kind: "cp", Seen: false, Place: "home"}
	otherKind := casework.Visit{ID: 1, Date: d("2026-01-12"), Kind: "other", Seen: true, Place: "school"}
	closedEpisode := visits(plan, seen("2026-01-12")...)
	closedEpisode.Referrals = []casework.Referral{{ID: 1, Date: d("2025-12-01"), ClosureDate: p("2026-01-20")}}
	checkRule(t, []ruleCase{
		{name: "due 10 working days from the plan start", cf: plan, asAt: "2026-01-05",
			want: []string{"cp_visit 2026-01-05→2026-01-19 due local"}},
		{name: "over Christmas and New Year", cf: cpFile("2025-12-01", "2025-12-19"), asAt: "2025-12-19",
			want: []string{"cp_visit 2025-12-19→2026-01-07 due local"}},
		{name: "history of each interval and the open one, each from the actual visit",
			cf: visits(plan, seen("2026-01-12", "2026-01-30")...), asAt: "2026-02-02", want: []string{
				"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local",
				"cp_visit 2026-01-12→2026-01-26 done_late done 2026-01-30 local",
				"cp_visit 2026-01-30→2026-02-13 due local"}},
		{name: "a visit where the child was not seen does not reset the clock",
			cf: visits(plan, notSeen), asAt: "2026-01-20", want: []string{"cp_visit 2026-01-05→2026-01-19 overdue local"}},
		{name: "any kind of visit counts when the child was seen", cf: visits(plan, otherKind), asAt: "2026-01-12",
			want: []string{
				"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local",
				"cp_visit 2026-01-12→2026-01-26 due local"}},
		{name: "two visits on one day count once", cf: visits(plan, seen("2026-01-12", "2026-01-12")...), asAt: "2026-01-12",
			want: []string{
				"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local",
				"cp_visit 2026-01-12→2026-01-26 due local"}},
		{name: "a visit on the plan's start day does not start a new interval",
			cf: visits(plan, seen("2026-01-05")...), asAt: "2026-01-05", want: []string{"cp_visit 2026-01-05→2026-01-19 due local"}},
		{name: "setting of 5 working days", cf: visits(plan, seen("2026-01-12")...), asAt: "2026-01-12",
			set: func(s *timescale.Settings) { s.CPVisitWorkingDays = 5 },
			want: []string{
				"cp_visit 2026-01-05→2026-01-12 done_in_time done 2026-01-12 local",
				"cp_visit 2026-01-12→2026-01-19 due local"}},
		{name: "a visit after the date asked is ignored", cf: visits(plan, seen("2026-01-12")...), asAt: "2026-01-09",
			want: []string{"cp_visit 2026-01-05→2026-01-19 due local"}},
		{name: "plan ended: history kept, open task dropped, later visits ignored",
			cf: endPlan(visits(plan, seen("2026-01-12", "2026-01-22")...), "2026-01-20"), asAt: "2026-02-02",
			want: []string{"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local"}},
		{name: "episode closed ends the plan too", cf: closedEpisode, asAt: "2026-02-02",
			want: []string{"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local"}},
		{name: "plan end after the date asked: still in force", cf: endPlan(visits(plan, seen("2026-01-12")...), "2026-01-20"),
			asAt: "2026-01-19", want: []string{
				"cp_visit 2026-01-05→2026-01-19 done_in_time done 2026-01-12 local",
				"cp_visit 2026-01-12→2026-01-26 due local"}},
	}, "cp_visit")
}
