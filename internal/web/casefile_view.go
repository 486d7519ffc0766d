package web

import (
	"fmt"

	"sightline/internal/casework"
)

// caseLink is one thing that can be recorded next on a child's case.
type caseLink struct {
	Label, Href string
	Primary     bool
}

// caseActions lists what can be recorded next, given where the case is, so
// the record page offers only the steps that make sense now.
func caseActions(cf casework.CaseFile, canEdit, canAuthorise bool) []caseLink {
	base := fmt.Sprintf("/children/%d", cf.Child.ID)
	var out []caseLink
	add := func(ok bool, label, path string) {
		if ok {
			out = append(out, caseLink{Label: label, Href: base + path})
		}
	}
	ref := cf.OpenReferral()
	a := latest(cf.Assessments)
	if canEdit {
		add(ref != nil && ref.Decision == "", "Decide on the referral", "/referral/decide")
		add(ref != nil && (a == nil || a.AuthorisedDate != nil), "Start an assessment", "/assessment/start")
		add(a != nil && a.CompletedDate == nil, "Complete the assessment", "/assessment/complete")
		add(ref != nil, "Strategy discussion", "/strategy/new")
		add(pendingS47(cf), "Start a section 47 enquiry", "/s47/start")
		add(openS47(cf) != nil, "Complete the section 47 enquiry", "/s47/complete")
		add(awaitingICPC(cf), "Initial conference", "/conference/initial")
		add(cf.OpenPlan() != nil, "Core group", "/core-group/new")
		add(cf.OpenPlan() != nil, "Review conference", "/conference/review")
		add(ref != nil && cf.OpenPlan() == nil && cf.OpenCINPlan() == nil, "Start a child in need plan", "/cin-plan/start")
		add(cf.OpenCINPlan() != nil, "Review the child in need plan", "/cin-plan/review")
		add(cf.OpenCINPlan() != nil, "End the child in need plan", "/cin-plan/end")
		add(ref != nil, "Close the case", "/close")
	}
	if canAuthorise {
		add(a != nil && a.CompletedDate != nil && a.AuthorisedDate == nil, "Sign off the assessment", "/assessment/authorise")
		add(ref != nil && ref.Decision == casework.ReferralNFA && ref.NFAApprovedAt == nil, "Approve no further action", "/referral/approve-nfa")
	}
	return out
}

func latest(as []casework.Assessment) *casework.Assessment {
	if len(as) == 0 {
		return nil
	}
	return &as[len(as)-1]
}

func openS47(cf casework.CaseFile) *casework.S47Enquiry {
	for i := len(cf.S47s) - 1; i >= 0; i-- {
		if cf.S47s[i].EndDate == nil {
			return &cf.S47s[i]
		}
	}
	return nil
}

// pendingS47: a strategy discussion decided on an enquiry not yet started.
func pendingS47(cf casework.CaseFile) bool {
	a := &actionCtx{cf: cf}
	return a.s47Strategy() != nil
}

// awaitingICPC: an enquiry has neither an initial conference nor "not
// required".
func awaitingICPC(cf casework.CaseFile) bool {
	a := &actionCtx{cf: cf}
	return a.icpcS47() != nil
}
