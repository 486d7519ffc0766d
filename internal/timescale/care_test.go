package timescale_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
)

// careFile returns a child born on dob, looked after from day start
// (episode 30) in a placement of type typ (id 31) from that day.
func careFile(dob, start, typ string) casework.CaseFile {
	return casework.CaseFile{
		Child:        casework.Child{ID: child, DateOfBirth: p(dob)},
		CareEpisodes: []casework.CareEpisode{{ID: 30, ChildID: child, StartDate: d(start), Reason: "S", CategoryOfNeed: "N1"}},
		Placements: []casework.Placement{{ID: 31, ChildID: child, EpisodeID: 30, StartDate: d(start), Type: typ,
			Provider: "PR1", Postcode: "NE1 1AA"}},
	}
}

// withEvents adds care events of one kind on the given days, in a copy.
func withEvents(cf casework.CaseFile, kind string, days ...string) casework.CaseFile {
	cf.CareEvents = slices.Clone(cf.CareEvents)
	for i, s := range days {
		cf.CareEvents = append(cf.CareEvents, casework.CareEvent{ID: int64(200 + len(cf.CareEvents) + i), ChildID: child,
			EpisodeID: 30, Kind: kind, Date: d(s), IRO: "IRO", Participation: "PN1"})
	}
	return cf
}

// endCare ends the episode on day s, in a copy.
func endCare(cf casework.CaseFile, s string) casework.CaseFile {
	cf.CareEpisodes = slices.Clone(cf.CareEpisodes)
	cf.CareEpisodes[0].EndDate, cf.CareEpisodes[0].EndReason = p(s), "E4A"
	return cf
}

// moveOn ends placement 31 on day s and starts placement 32 that day.
func moveOn(cf casework.CaseFile, s, typ string) casework.CaseFile {
	cf.Placements = slices.Clone(cf.Placements)
	cf.Placements[0].EndDate = p(s)
	cf.Placements = append(cf.Placements, casework.Placement{ID: 32, ChildID: child, EpisodeID: 30, StartDate: d(s), Type: typ})
	return cf
}

const schoolChild = "2018-05-10" // aged 7 to 8 in 2026

// cla_care_plan: within 10 working days of becoming looked after (CPPCR reg 4(2)).
func TestRuleCLACarePlan(t *testing.T) {
	cf := careFile(schoolChild, "2026-03-30", "U6")
	checkRule(t, []ruleCase{
		{name: "looked after Mon 30 Mar 2026: due Wed 15 Apr over Easter", cf: cf, asAt: "2026-03-30",
			want: []string{"cla_care_plan 2026-03-30→2026-04-15 due"}},
		{name: "made on the due day is in time", cf: withEvents(cf, casework.CarePlanMade, "2026-04-15"), asAt: "2026-04-20",
			want: []string{"cla_care_plan 2026-03-30→2026-04-15 done_in_time done 2026-04-15"}},
		{name: "made a day late", cf: withEvents(cf, casework.CarePlanMade, "2026-04-16"), asAt: "2026-04-20",
			want: []string{"cla_care_plan 2026-03-30→2026-04-15 done_late done 2026-04-16"}},
		{name: "not made by the due day is overdue", cf: cf, asAt: "2026-04-16",
			want: []string{"cla_care_plan 2026-03-30→2026-04-15 overdue"}},
		{name: "episode ended before a plan: nothing left to do", cf: endCare(cf, "2026-04-03"), asAt: "2026-04-20"},
		{name: "an episode starting after the date asked is ignored", cf: cf, asAt: "2026-03-29"},
	}, "cla_care_plan")
}

// cla_review_1, cla_review_2, cla_review_n: 20 working days, then 3
// months, then every 6 months (CPPCR reg 33).
func TestRuleCLAReviews(t *testing.T) {
	cf := careFile(schoolChild, "2026-03-30", "U6")
	ids := []string{"cla_review_1", "cla_review_2", "cla_review_n"}
	checkRule(t, []ruleCase{
		{name: "first review 20 working days after Mon 30 Mar 2026: Wed 29 Apr", cf: cf, asAt: "2026-03-30",
			want: []string{"cla_review_1 2026-03-30→2026-04-29 due"}},
		{name: "second within 3 months of the first, then 6 months from the last held",
			cf: withEvents(cf, casework.CareReview, "2026-04-29", "2026-07-20"), asAt: "2026-07-21",
			want: []string{
				"cla_review_1 2026-03-30→2026-04-29 done_in_time done 2026-04-29",
				"cla_review_2 2026-04-29→2026-07-29 done_in_time done 2026-07-20",
				"cla_review_n 2026-07-20→2027-01-20 due"}},
		{name: "six months from 31 Aug is 28 Feb (month end clamped)",
			cf: withEvents(cf, casework.CareReview, "2026-04-29", "2026-08-31"), asAt: "2026-09-01",
			want: []string{
				"cla_review_1 2026-03-30→2026-04-29 done_in_time done 2026-04-29",
				"cla_review_2 2026-04-29→2026-07-29 done_late done 2026-08-31",
				"cla_review_n 2026-08-31→2027-02-28 due"}},
		{name: "a placement move does not restart the reviews (edge case 9)", cf: moveOn(cf, "2026-04-10", "K2"), asAt: "2026-04-10",
			want: []string{"cla_review_1 2026-03-30→2026-04-29 due"}},
		{name: "episode ended keeps the history and drops the open review",
			cf: endCare(withEvents(cf, casework.CareReview, "2026-04-29"), "2026-06-01"), asAt: "2026-09-01",
			want: []string{"cla_review_1 2026-03-30→2026-04-29 done_in_time done 2026-04-29"}},
	}, ids...)
}

// cla_visit_first, cla_visit_next: within a week of any placement, then
// 6-weekly in its first year, then 3-monthly in a long-term placement
// (CPPCR reg 28(2)).
func TestRuleCLAVisits(t *testing.T) {
	cf := careFile(schoolChild, "2026-03-30", "U6")
	visited := cf
	visited.Visits = seen("2026-04-02")
	unseen := cf
	unseen.Visits = []casework.Visit{{ID: 9, ChildID: child, Date: d("2026-04-02"), Kind: "cla", Seen: false, Place: "placement"}}
	longTerm := func(typ string) casework.CaseFile {
		f := careFile(schoolChild, "2025-01-06", typ)
		f.Visits = seen("2025-01-10", "2025-12-30", "2026-01-20")
		return f
	}
	ids := []string{"cla_visit_first", "cla_visit_next"}
	checkRule(t, []ruleCase{
		{name: "no visit within a week of the placement is overdue", cf: cf, asAt: "2026-04-07",
			want: []string{"cla_visit_first 2026-03-30→2026-04-06 overdue"}},
		{name: "visited in the first week, next within 6 weeks", cf: visited, asAt: "2026-04-03",
			want: []string{
				"cla_visit_first 2026-03-30→2026-04-06 done_in_time done 2026-04-02",
				"cla_visit_next 2026-04-02→2026-05-14 due"}},
		{name: "a visit where the child was not seen does not count", cf: unseen, asAt: "2026-04-07",
			want: []string{"cla_visit_first 2026-03-30→2026-04-06 overdue"}},
		{name: "a move starts a new first visit; the old placement's series ends",
			cf: moveOn(visited, "2026-05-01", "K2"), asAt: "2026-05-02",
			want: []string{
				"cla_visit_first 2026-03-30→2026-04-06 done_in_time done 2026-04-02",
				"cla_visit_first 2026-05-01→2026-05-08 due"}},
		{name: "long-term placement: 3 months once a visit falls after its first year", cf: longTerm("U4"), asAt: "2026-01-21",
			want: []string{
				"cla_visit_first 2025-01-06→2025-01-13 done_in_time done 2025-01-10",
				"cla_visit_next 2025-01-10→2025-02-21 done_late done 2025-12-30",
				"cla_visit_next 2025-12-30→2026-02-10 done_in_time done 2026-01-20",
				"cla_visit_next 2026-01-20→2026-04-20 due"}},
		{name: "a placement that is not long-term stays 6-weekly", cf: longTerm("U6"), asAt: "2026-01-21",
			want: []string{
				"cla_visit_first 2025-01-06→2025-01-13 done_in_time done 2025-01-10",
				"cla_visit_next 2025-01-10→2025-02-21 done_late done 2025-12-30",
				"cla_visit_next 2025-12-30→2026-02-10 done_in_time done 2026-01-20",
				"cla_visit_next 2026-01-20→2026-03-03 due"}},
	}, ids...)
}

// iha, rha: initial health assessment within 20 working days; reviews
// 6-monthly under 5, yearly from 5 (CPPCR reg 7; edge case 12).
func TestRuleHealthAssessments(t *testing.T) {
	ids := []string{"iha", "rha"}
	school := careFile(schoolChild, "2026-03-30", "U6")
	under5 := careFile("2023-01-15", "2026-03-30", "U6")
	turning5 := withEvents(careFile("2021-08-01", "2026-03-30", "U6"), casework.HealthInitial, "2026-04-20")
	checkRule(t, []ruleCase{
		{name: "initial assessment 20 working days after becoming looked after", cf: school, asAt: "2026-03-30",
			want: []string{"iha 2026-03-30→2026-04-29 due"}},
		{name: "aged 7: the review is due 12 months after the initial", cf: withEvents(school, casework.HealthInitial, "2026-04-20"),
			asAt: "2026-04-21", want: []string{
				"iha 2026-03-30→2026-04-29 done_in_time done 2026-04-20",
				"rha 2026-04-20→2027-04-20 due"}},
		{name: "aged 3: the review is due 6 months after", cf: withEvents(under5, casework.HealthInitial, "2026-04-20"),
			asAt: "2026-04-21", want: []string{
				"iha 2026-03-30→2026-04-29 done_in_time done 2026-04-20",
				"rha 2026-04-20→2026-10-20 due"}},
		{name: "under 5 at the last assessment: 6 months even across the fifth birthday", cf: turning5, asAt: "2026-08-02",
			want: []string{
				"iha 2026-03-30→2026-04-29 done_in_time done 2026-04-20",
				"rha 2026-04-20→2026-10-20 due"}},
		{name: "a review after the fifth birthday sets 12 months", cf: withEvents(turning5, casework.HealthReview, "2026-10-01"),
			asAt: "2026-10-02", want: []string{
				"iha 2026-03-30→2026-04-29 done_in_time done 2026-04-20",
				"rha 2026-04-20→2026-10-20 done_in_time done 2026-10-01",
				"rha 2026-10-01→2027-10-01 due"}},
	}, ids...)
}

// pep, pep_review: a PEP within 10 working days for a child of school
// age, then reviewed each term (local setting, 4 months by default).
func TestRulePEP(t *testing.T) {
	ids := []string{"pep", "pep_review"}
	school := careFile(schoolChild, "2026-03-30", "U6")
	checkRule(t, []ruleCase{
		{name: "school age: PEP due 10 working days after becoming looked after", cf: school, asAt: "2026-03-30",
			want: []string{"pep 2026-03-30→2026-04-15 due"}},
		{name: "reviewed 4 months after the last PEP", cf: withEvents(school, casework.PEPMeeting, "2026-04-10"), asAt: "2026-04-11",
			want: []string{
				"pep 2026-03-30→2026-04-15 done_in_time done 2026-04-10",
				"pep_review 2026-04-10→2026-08-10 due local"}},
		{name: "aged 3: no PEP yet", cf: careFile("2023-01-15", "2026-03-30", "U6"), asAt: "2026-04-20"},
		{name: "reaching Reception in care: due 10 working days from 1 September",
			cf: careFile("2021-08-01", "2025-03-03", "U6"), asAt: "2025-09-01",
			want: []string{"pep 2025-09-01→2025-09-15 due"}},
		{name: "in Year 11 an overdue PEP stays overdue", cf: careFile("2008-05-01", "2024-03-04", "U6"), asAt: "2024-08-01",
			want: []string{"pep 2024-03-04→2024-03-18 overdue"}},
		{name: "past Year 11 (1 September after the 16th birthday) nothing is due", cf: careFile("2008-05-01", "2024-03-04", "U6"),
			asAt: "2024-10-01"},
	}, ids...)
}
