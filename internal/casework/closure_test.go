package casework_test

import (
	"errors"
	"testing"

	"sightline/internal/casework"
)

// Rule 2990: "closed after assessment" (RC8, RC9) is only for an episode
// that went no further than the assessment.
func TestClosedAfterAssessmentOnlyWhenNothingFollowedIt(t *testing.T) {
	ref := casework.Referral{ID: 1, ChildID: 9, Date: day(2026, 9, 1)}
	today := day(2026, 11, 24)
	tests := []struct {
		name   string
		cf     casework.CaseFile
		reason string
		ok     bool
	}{
		{"assessment only, RC8", casework.CaseFile{}, "RC8", true},
		{"assessment only, RC9", casework.CaseFile{}, "RC9", true},
		{"after an enquiry, RC8", casework.CaseFile{S47s: []casework.S47Enquiry{{ID: 2, ReferralID: 1, ICPCNotRequired: true}}}, "RC8", false},
		{"after an enquiry, RC7", casework.CaseFile{S47s: []casework.S47Enquiry{{ID: 2, ReferralID: 1, ICPCNotRequired: true}}}, "RC7", true},
		{"after a child in need plan, RC9", casework.CaseFile{CINPlans: []casework.CINPlan{{ID: 3, ReferralID: 1}}}, "RC9", false},
		{"after a child protection plan, RC8", casework.CaseFile{Plans: []casework.CPPlan{{ID: 4, ReferralID: 1}}}, "RC8", false},
		{"an enquiry of an earlier episode, RC8", casework.CaseFile{S47s: []casework.S47Enquiry{{ID: 2, ReferralID: 7, ICPCNotRequired: true}}}, "RC8", true},
	}
	for _, tc := range tests {
		err := tc.cf.CheckClosure(casework.Closure{Date: day(2026, 11, 20), Reason: tc.reason, Note: "Closing summary."}, ref, today)
		var v *casework.ValidationError
		switch {
		case tc.ok && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case !tc.ok && (!errors.As(err, &v) || !v.Has("reason")):
			t.Errorf("%s: %v, want the reason refused", tc.name, err)
		}
	}
}
