package cin_test

import (
	"testing"

	"sightline/internal/returns/cin"
)

// TestRules4016And4017: a CIN plan must not start while a CP plan is open
// (4016), nor a CP plan while a CIN plan is open (4017); a plan with no
// end is open to the reference date, and starting on the day the other
// plan ends passes. Each case gives the child one plan of each kind.
func TestRules4016And4017(t *testing.T) {
	for _, tc := range []struct {
		name               string
		cinStart, cinEnd   string
		cppStart, cppEnd   string
		want4016, want4017 bool
	}{
		{"4016 passes: the CIN plan starts the day the CP plan ends", "2025-11-20", "2026-03-20", "2025-05-29", "2025-11-20", false, false},
		{"4016 fails: the CIN plan starts the day before the CP plan ends", "2025-11-19", "2026-03-20", "2025-05-29", "2025-11-20", true, false},
		{"4016 fails: the CIN plan starts the day the CP plan starts", "2025-05-29", "2026-03-20", "2025-05-29", "2025-11-20", true, true},
		{"4016 fails: the CIN plan starts on the reference date with the CP plan open", "2026-03-31", "", "2025-05-29", "", true, false},
		{"4017 passes: the CP plan starts the day the CIN plan ends", "2025-05-20", "2025-05-29", "2025-05-29", "2025-11-20", false, false},
		{"4017 fails: the CP plan starts while the CIN plan runs", "2025-05-20", "2025-06-10", "2025-05-29", "2025-11-20", false, true},
		{"4017 fails: the CP plan starts on the reference date with the CIN plan open", "2025-05-20", "", "2026-03-31", "", false, true},
		{"4017 passes: the CP plan ended before the CIN plan started", "2025-12-01", "", "2025-05-29", "2025-11-20", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := goodMessage()
			d := &m.Children[0].Details[0]
			d.CINPlanDates = []cin.PlanDates{{CINPlanStartDate: tc.cinStart, CINPlanEndDate: tc.cinEnd}}
			d.ChildProtectionPlans[0].CPPstartDate, d.ChildProtectionPlans[0].CPPendDate = tc.cppStart, tc.cppEnd
			if got := failuresOf(t, &m, "4016"); (got > 0) != tc.want4016 {
				t.Errorf("4016 failures: %d, want any: %v", got, tc.want4016)
			}
			if got := failuresOf(t, &m, "4017"); (got > 0) != tc.want4017 {
				t.Errorf("4017 failures: %d, want any: %v", got, tc.want4017)
			}
		})
	}
}

// TestRules4016And4017LookAcrossEpisodes: the plans are the child's, in
// whichever episode each is recorded.
func TestRules4016And4017LookAcrossEpisodes(t *testing.T) {
	m := goodMessage()
	c := &m.Children[0]
	second(c).CINPlanDates = []cin.PlanDates{{CINPlanStartDate: "2025-07-01"}}
	if got := failuresOf(t, &m, "4016"); got != 1 {
		t.Errorf("a CIN plan of the second episode starting during the first's CP plan: %d failures of 4016, want 1", got)
	}
}
