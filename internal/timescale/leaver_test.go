package timescale_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// leaverFile is a relevant child born 1 Nov 2007 (18 on 1 Nov 2025) who
// left care on 1 January 2025 after five years, with the contacts given.
func leaverFile(contacts ...casework.LeaverContact) casework.CaseFile {
	return casework.CaseFile{
		Child:          casework.Child{ID: child, DateOfBirth: p("2007-11-01")},
		Leaver:         &casework.CareLeaver{ID: 7, ChildID: child, Category: casework.LeaverRelevant, From: d("2025-01-01")},
		LookedAfter:    casework.CarePeriod{Start: p("2020-01-01"), End: p("2025-01-01")},
		LeaverContacts: contacts,
	}
}

func contact(day, inTouch string, birthday int) casework.LeaverContact {
	return casework.LeaverContact{ChildID: child, Date: d(day), InTouch: inTouch, Birthday: birthday}
}

// care_leaver_birthday_contact: in touch within 3 months before to 1
// month after each birthday from the 17th to the 21st (settings).
func TestRuleCareLeaverBirthdayContact(t *testing.T) {
	const eighteenth = "care_leaver_birthday_contact 2025-11-01→2025-12-01"
	stillInCare := leaverFile()
	stillInCare.LookedAfter.End = p("2024-12-01")
	stillInCare.Leaver.From = d("2024-06-01")
	eligible := leaverFile()
	eligible.Leaver.Category, eligible.LookedAfter = casework.LeaverEligible, casework.CarePeriod{}
	servicesEnded := leaverFile()
	servicesEnded.Leaver.ServicesEnded = p("2025-06-01")
	checkRule(t, []ruleCase{
		{name: "the task appears when the window opens, 3 months before the 18th birthday", cf: leaverFile(), asAt: "2025-08-01",
			want: []string{eighteenth + " due local"}},
		{name: "nothing before the window opens", cf: leaverFile(), asAt: "2025-07-31"},
		{name: "rule 1007: the 17th birthday while still looked after needs none", cf: stillInCare, asAt: "2024-11-20"},
		{name: "an eligible child with no period of care recorded is looked after", cf: eligible, asAt: "2025-11-20"},
		{name: "in touch within the window is in time", cf: leaverFile(contact("2025-10-20", "YES", 0)), asAt: "2025-12-10",
			want: []string{eighteenth + " done_in_time done 2025-10-20 local"}},
		{name: "in touch on the last day of the window is in time", cf: leaverFile(contact("2025-12-01", "YES", 18)), asAt: "2025-12-10",
			want: []string{eighteenth + " done_in_time done 2025-12-01 local"}},
		{name: "a contact before the window opens does not count", cf: leaverFile(contact("2025-07-20", "YES", 0)), asAt: "2025-12-10",
			want: []string{eighteenth + " overdue local"}},
		{name: "a contact that found them not in touch does not count", cf: leaverFile(contact("2025-11-05", "NO", 18)), asAt: "2025-12-10",
			want: []string{eighteenth + " overdue local"}},
		{name: "in touch after the window is late", cf: leaverFile(contact("2026-01-10", "YES", 0)), asAt: "2026-01-20",
			want: []string{eighteenth + " done_late done 2026-01-10 local"}},
		{name: "rule 344: returned home on the birthday's record needs no contact", cf: leaverFile(contact("2025-11-02", "RHOM", 18)), asAt: "2025-12-10"},
		{name: "a window closing 2 months after the birthday", cf: leaverFile(), asAt: "2025-11-20",
			set:  func(s *timescale.Settings) { s.LeaverContactMonthsAfter = 2 },
			want: []string{"care_leaver_birthday_contact 2025-11-01→2026-01-01 due local"}},
		{name: "a window opening 1 month before", cf: leaverFile(), asAt: "2025-09-15",
			set: func(s *timescale.Settings) { s.LeaverContactMonthsBefore = 1 }},
		{name: "services ended before the window: nothing due", cf: servicesEnded, asAt: "2025-11-20"},
		{name: "each birthday has its own window", cf: leaverFile(contact("2025-11-01", "YES", 18)), asAt: "2026-12-15",
			want: []string{eighteenth + " done_in_time done 2025-11-01 local",
				"care_leaver_birthday_contact 2026-11-01→2026-12-01 overdue local"}},
	}, "care_leaver_birthday_contact")
}

func withPathway(cf casework.CaseFile, kinds ...string) casework.CaseFile {
	for i := 0; i+1 < len(kinds); i += 2 {
		cf.Pathway = append(cf.Pathway, casework.PathwayRecord{ID: int64(30 + i), ChildID: child, Kind: kinds[i], Date: d(kinds[i+1])})
	}
	return cf
}

// pathway_plan_review: at most every 6 months from the pathway plan, then
// from the last review (CLR reg 7).
func TestRulePathwayPlanReview(t *testing.T) {
	plan, review := casework.PathwayPlan, casework.PathwayReview
	ended := withPathway(leaverFile(), plan, "2025-02-10", review, "2025-08-01")
	ended.Leaver.ServicesEnded = p("2025-09-01")
	noLeaver := withPathway(leaverFile(), plan, "2025-02-10")
	noLeaver.Leaver = nil
	checkRule(t, []ruleCase{
		{name: "first review 6 months after the plan", cf: withPathway(leaverFile(), plan, "2025-02-10"), asAt: "2025-03-01",
			want: []string{"pathway_plan_review 2025-02-10→2025-08-10 due"}},
		{name: "the next runs from the review actually held", cf: withPathway(leaverFile(), plan, "2025-02-10", review, "2025-08-01"),
			asAt: "2025-08-05", want: []string{
				"pathway_plan_review 2025-02-10→2025-08-10 done_in_time done 2025-08-01",
				"pathway_plan_review 2025-08-01→2026-02-01 due"}},
		{name: "a review after 6 months is late", cf: withPathway(leaverFile(), plan, "2025-02-10", review, "2025-08-11"),
			asAt: "2025-08-12", want: []string{
				"pathway_plan_review 2025-02-10→2025-08-10 done_late done 2025-08-11",
				"pathway_plan_review 2025-08-11→2026-02-11 due"}},
		{name: "a new plan counts as a review", cf: withPathway(leaverFile(), plan, "2025-02-10", plan, "2025-05-01"),
			asAt: "2025-05-02", want: []string{
				"pathway_plan_review 2025-02-10→2025-08-10 done_in_time done 2025-05-01",
				"pathway_plan_review 2025-05-01→2025-11-01 due"}},
		{name: "31 August plus 6 months is 28 February", cf: withPathway(leaverFile(), plan, "2025-08-31"), asAt: "2025-09-01",
			want: []string{"pathway_plan_review 2025-08-31→2026-02-28 due"}},
		{name: "overdue when not reviewed", cf: withPathway(leaverFile(), plan, "2025-02-10"), asAt: "2025-08-11",
			want: []string{"pathway_plan_review 2025-02-10→2025-08-10 overdue"}},
		{name: "services ended: the history stays, no open task", cf: ended, asAt: "2025-12-01",
			want: []string{"pathway_plan_review 2025-02-10→2025-08-10 done_in_time done 2025-08-01"}},
		{name: "no pathway plan yet: nothing", cf: leaverFile(), asAt: "2025-03-01"},
		{name: "a plan dated after the date asked is ignored", cf: withPathway(leaverFile(), plan, "2025-02-10"), asAt: "2025-02-09"},
		{name: "no care leaver record: nothing", cf: noLeaver, asAt: "2025-03-01"},
	}, "pathway_plan_review")
}
