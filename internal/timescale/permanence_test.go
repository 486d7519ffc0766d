package timescale_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// inCare is a child who started to be looked after on day start (the case
// file's LookedAfter period), with permanence plans made on the days given.
func inCare(start string, plans ...string) casework.CaseFile {
	cf := casework.CaseFile{Child: casework.Child{ID: child}, LookedAfter: casework.CarePeriod{Start: p(start)}}
	for i, s := range plans {
		cf.Permanence = append(cf.Permanence, casework.PermanencePlan{ID: int64(80 + i), ChildID: child,
			Plan: casework.PermAdoption, DecidedOn: d(s)})
	}
	return cf
}

// permanence_plan: by the second looked-after review (setting), the
// reviews on the reg 33 timetable: 20 working days, 3 months, 6 months.
func TestRulePermanencePlan(t *testing.T) {
	ended := inCare("2026-03-30")
	ended.LookedAfter.End = p("2026-05-01")
	checkRule(t, []ruleCase{
		{name: "by the second review: 20 working days (Wed 29 Apr) then 3 months", cf: inCare("2026-03-30"), asAt: "2026-03-30",
			want: []string{"permanence_plan 2026-04-29→2026-07-29 due local"}},
		{name: "setting 1: by the first review, 20 working days from entering care", cf: inCare("2026-03-30"), asAt: "2026-03-30",
			set:  func(s *timescale.Settings) { s.PermanencePlanReview = 1 },
			want: []string{"permanence_plan 2026-03-30→2026-04-29 due local"}},
		{name: "setting 3: six months after the second review", cf: inCare("2026-03-30"), asAt: "2026-03-30",
			set:  func(s *timescale.Settings) { s.PermanencePlanReview = 3 },
			want: []string{"permanence_plan 2026-07-29→2027-01-29 due local"}},
		{name: "a plan made by the second review is in time", cf: inCare("2026-03-30", "2026-07-01"), asAt: "2026-07-02",
			want: []string{"permanence_plan 2026-04-29→2026-07-29 done_in_time done 2026-07-01 local"}},
		{name: "a plan made after it is late", cf: inCare("2026-03-30", "2026-08-03"), asAt: "2026-08-04",
			want: []string{"permanence_plan 2026-04-29→2026-07-29 done_late done 2026-08-03 local"}},
		{name: "a plan from before this period of care does not count", cf: inCare("2026-03-30", "2025-01-01"), asAt: "2026-08-04",
			want: []string{"permanence_plan 2026-04-29→2026-07-29 overdue local"}},
		{name: "care ended without a plan: nothing due", cf: ended, asAt: "2026-08-04"},
		{name: "care starting after the date asked is ignored", cf: inCare("2026-03-30"), asAt: "2026-03-29"},
		{name: "no care start known: nothing", cf: casework.CaseFile{Child: casework.Child{ID: child}}, asAt: "2026-03-30"},
	}, "permanence_plan")
}
