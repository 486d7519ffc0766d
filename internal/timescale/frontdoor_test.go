package timescale_test

import (
	"testing"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

func referralFile(r casework.Referral) casework.CaseFile {
	return casework.CaseFile{Child: casework.Child{ID: child}, Referrals: []casework.Referral{r}}
}

func decided(s, on string) casework.Referral {
	r := referral(s)
	r.Decision, r.DecisionDate = casework.ReferralToAssessment, p(on)
	return r
}

func weekendSetting(s *timescale.Settings) { s.WeekendReferralNextWorkingDay = true }

// referral_decision: 1 working day from the referral, day 0 = referral
// date (WT2023 ch. 3 "Referral"; timescales.md edge case 1).
func TestRuleReferralDecision(t *testing.T) {
	closed := referral("2025-12-24")
	closed.ClosureDate = p("2026-01-02")
	checkRule(t, []ruleCase{
		{name: "Christmas Eve referral due Mon 29 Dec over Christmas and Boxing Day",
			cf: referralFile(referral("2025-12-24")), asAt: "2025-12-24",
			want: []string{"referral_decision 2025-12-24→2025-12-29 due_soon"}},
		{name: "Friday referral due Monday", cf: referralFile(referral("2025-12-19")), asAt: "2025-12-19",
			want: []string{"referral_decision 2025-12-19→2025-12-22 due_soon"}},
		{name: "Saturday referral due Monday by default", cf: referralFile(referral("2025-12-27")), asAt: "2025-12-27",
			want: []string{"referral_decision 2025-12-27→2025-12-29 due_soon"}},
		{name: "Saturday referral due Tuesday with the weekend setting, marked local",
			cf: referralFile(referral("2025-12-27")), asAt: "2025-12-27", set: weekendSetting,
			want: []string{"referral_decision 2025-12-27→2025-12-30 due_soon local"}},
		{name: "Christmas Day referral counts from Mon 29 Dec with the weekend setting",
			cf: referralFile(referral("2025-12-25")), asAt: "2025-12-25", set: weekendSetting,
			want: []string{"referral_decision 2025-12-25→2025-12-30 due_soon local"}},
		{name: "weekday referral unaffected by the weekend setting",
			cf: referralFile(referral("2025-12-19")), asAt: "2025-12-19", set: weekendSetting,
			want: []string{"referral_decision 2025-12-19→2025-12-22 due_soon"}},
		{name: "decided on the due day is in time", cf: referralFile(decided("2025-12-24", "2025-12-29")), asAt: "2026-01-05",
			want: []string{"referral_decision 2025-12-24→2025-12-29 done_in_time done 2025-12-29"}},
		{name: "decided a day late", cf: referralFile(decided("2025-12-24", "2025-12-30")), asAt: "2026-01-05",
			want: []string{"referral_decision 2025-12-24→2025-12-29 done_late done 2025-12-30"}},
		{name: "decision recorded after the date asked is not yet done",
			cf: referralFile(decided("2025-12-24", "2025-12-30")), asAt: "2025-12-29",
			want: []string{"referral_decision 2025-12-24→2025-12-29 due_soon"}},
		{name: "open and past due is overdue", cf: referralFile(referral("2025-12-24")), asAt: "2025-12-30",
			want: []string{"referral_decision 2025-12-24→2025-12-29 overdue"}},
		{name: "referral after the date asked is ignored", cf: referralFile(referral("2026-01-05")), asAt: "2026-01-02"},
		{name: "episode closed without a decision drops the open task", cf: referralFile(closed), asAt: "2026-01-05"},
		{name: "closure after the date asked does not drop it", cf: referralFile(closed), asAt: "2025-12-30",
			want: []string{"referral_decision 2025-12-24→2025-12-29 overdue"}},
	}, "referral_decision")
}

func assessmentFile(ref string, as ...casework.Assessment) casework.CaseFile {
	return casework.CaseFile{Child: casework.Child{ID: child}, Referrals: []casework.Referral{referral(ref)}, Assessments: as}
}

func assessment(id int64, start string, authorised *string) casework.Assessment {
	a := casework.Assessment{ID: id, ChildID: child, ReferralID: 1, StartDate: d(start)}
	if authorised != nil {
		a.CompletedDate, a.AuthorisedDate = p(*authorised), p(*authorised)
	}
	return a
}

func on(s string) *string { return &s }

// assessment_complete: authorised no later than 45 working days from the
// point of the referral (WT2023 ch. 3; timescales.md edge cases 2 and 3).
func TestRuleAssessmentComplete(t *testing.T) {
	twoReferrals := assessmentFile("2025-04-14", assessment(1, "2025-04-15", nil))
	twoReferrals.Referrals = append(twoReferrals.Referrals, casework.Referral{ID: 2, ChildID: child, Date: d("2025-09-01")})
	twoReferrals.Assessments = append(twoReferrals.Assessments, casework.Assessment{ID: 2, ReferralID: 2, StartDate: d("2025-09-02")})
	checkRule(t, []ruleCase{
		{name: "referral Mon 14 Apr 2025 due Fri 20 Jun over Easter and two May holidays",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-15", nil)), asAt: "2025-04-15",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 due"}},
		{name: "runs from the referral, not the assessment's later start",
			cf: assessmentFile("2025-12-18", assessment(1, "2026-01-12", nil)), asAt: "2026-01-12",
			want: []string{"assessment_complete 2025-12-18→2026-02-24 due"}},
		{name: "authorised on the 45th working day is in time",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-15", on("2025-06-20"))), asAt: "2025-07-01",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 done_in_time done 2025-06-20"}},
		{name: "authorised a day late",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-15", on("2025-06-21"))), asAt: "2025-07-01",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 done_late done 2025-06-21"}},
		{name: "not authorised after the due date is overdue",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-15", nil)), asAt: "2025-06-23",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 overdue"}},
		{name: "authorisation after the date asked is not yet done",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-15", on("2025-06-20"))), asAt: "2025-06-19",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 due_soon"}},
		{name: "a further assessment in the episode has no clock of its own and can complete it",
			cf:   assessmentFile("2025-04-14", assessment(1, "2025-04-15", nil), assessment(2, "2025-05-01", on("2025-05-30"))),
			asAt: "2025-07-01", want: []string{"assessment_complete 2025-04-14→2025-06-20 done_in_time done 2025-05-30"}},
		{name: "one task per referral", cf: twoReferrals, asAt: "2025-09-02",
			want: []string{"assessment_complete 2025-04-14→2025-06-20 overdue", "assessment_complete 2025-09-01→2025-11-03 due"}},
		{name: "assessment started after the date asked is ignored",
			cf: assessmentFile("2025-04-14", assessment(1, "2025-04-22", nil)), asAt: "2025-04-17"},
	}, "assessment_complete")
}

func s47File(strategy string, s47 casework.S47Enquiry, confs ...casework.Conference) casework.CaseFile {
	return casework.CaseFile{
		Child:       casework.Child{ID: child},
		Referrals:   []casework.Referral{referral("2026-03-30")},
		Strategies:  []casework.StrategyDiscussion{{ID: 5, ChildID: child, ReferralID: 1, Date: d(strategy), InitiatedS47: true}},
		S47s:        []casework.S47Enquiry{s47},
		Conferences: confs,
	}
}

func enquiry(start string) casework.S47Enquiry {
	return casework.S47Enquiry{ID: 7, ChildID: child, ReferralID: 1, StrategyID: id(5), StartDate: d(start)}
}

func icpcOn(s47 int64, s string) casework.Conference {
	return casework.Conference{ID: 30, ChildID: child, Kind: casework.InitialConference, S47ID: id(s47), Date: d(s), Decision: "plan"}
}

// icpc: 15 working days from the strategy discussion that initiated the
// s47 (WT2023 ch. 3; timescales.md edge cases 4 and 5).
func TestRuleICPC(t *testing.T) {
	unlinked := enquiry("2026-03-31")
	unlinked.StrategyID = nil
	notRequired := enquiry("2026-04-01")
	notRequired.ICPCNotRequired = true
	closed := s47File("2026-03-31", enquiry("2026-04-01"))
	closed.Referrals[0].ClosureDate = p("2026-04-10")
	lateHoliday := calendar.Default().With(calendar.Holiday{Date: d("2026-04-15"), Name: "Day of mourning"})
	checkRule(t, []ruleCase{
		{name: "strategy Tue 31 Mar 2026 due Thu 23 Apr over Easter, from the discussion not the s47 start",
			cf: s47File("2026-03-31", enquiry("2026-04-01")), asAt: "2026-04-01",
			want: []string{"icpc 2026-03-31→2026-04-23 due"}},
		{name: "enquiry with no linked discussion runs from its start date",
			cf: s47File("2026-03-27", unlinked), asAt: "2026-04-01",
			want: []string{"icpc 2026-03-31→2026-04-23 due"}},
		{name: "held on the due day is in time", cf: s47File("2026-03-31", enquiry("2026-04-01"), icpcOn(7, "2026-04-23")),
			asAt: "2026-05-01", want: []string{"icpc 2026-03-31→2026-04-23 done_in_time done 2026-04-23"}},
		{name: "held a day late", cf: s47File("2026-03-31", enquiry("2026-04-01"), icpcOn(7, "2026-04-24")),
			asAt: "2026-05-01", want: []string{"icpc 2026-03-31→2026-04-23 done_late done 2026-04-24"}},
		{name: "ICPC not required gives no task", cf: s47File("2026-03-31", notRequired), asAt: "2026-05-01"},
		{name: "a conference for another enquiry does not count",
			cf: s47File("2026-03-31", enquiry("2026-04-01"), icpcOn(8, "2026-04-20")), asAt: "2026-04-24",
			want: []string{"icpc 2026-03-31→2026-04-23 overdue"}},
		{name: "a conference after the date asked is not yet held",
			cf: s47File("2026-03-31", enquiry("2026-04-01"), icpcOn(7, "2026-04-23")), asAt: "2026-04-22",
			want: []string{"icpc 2026-03-31→2026-04-23 due_soon"}},
		{name: "a late-added bank holiday moves the due date a day",
			cf: s47File("2026-03-31", enquiry("2026-04-01")), asAt: "2026-04-01", cal: lateHoliday,
			want: []string{"icpc 2026-03-31→2026-04-24 due"}},
		{name: "enquiry starting after the date asked is ignored",
			cf: s47File("2026-03-31", enquiry("2026-04-01")), asAt: "2026-03-31"},
		{name: "episode closed without a conference drops the open task", cf: closed, asAt: "2026-04-30"},
	}, "icpc")
}
