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
// the record page offers only the steps that make sense now, the step the
// case is waiting for first.
func caseActions(cf casework.CaseFile, canEdit, canAuthorise, canAllocate bool) []caseLink {
	base := fmt.Sprintf("/children/%d", cf.Child.ID)
	var next, others []caseLink
	add := func(ok, primary bool, label, path string) {
		switch {
		case !ok:
		case primary:
			next = append(next, caseLink{Label: label, Href: base + path, Primary: true})
		default:
			others = append(others, caseLink{Label: label, Href: base + path})
		}
	}
	ref := cf.OpenReferral()
	a := latest(cf.Assessments)
	assessing := a != nil && a.AuthorisedDate == nil
	onPlan := cf.OpenPlan() != nil
	if canEdit {
		for _, c := range cf.Contacts {
			add(c.Decision == "", true, "Decide on the contact of "+c.Date.Format("2 January"), fmt.Sprintf("/contacts/%d/decide", c.ID))
		}
		add(ref != nil && ref.Decision == "", true, "Decide on the referral", "/referral/decide")
		wantsStrategy := ref != nil && ref.Decision == casework.ReferralToStrategy && len(cf.Strategies) == 0
		add(ref != nil && ref.Decision != "", wantsStrategy, "Strategy discussion", "/strategy/new")
		wantsAssessment := ref != nil && ref.Decision == casework.ReferralToAssessment && a == nil
		add(ref != nil && ref.Decision != "" && !assessing && !onPlan, wantsAssessment, "Start an assessment", "/assessment/start")
		add(a != nil && a.CompletedDate == nil, true, "Complete the assessment", "/assessment/complete")
		add(pendingS47(cf), true, "Start a section 47 enquiry", "/s47/start")
		add(openS47(cf) != nil, !awaitingICPC(cf), "Complete the section 47 enquiry", "/s47/complete")
		add(awaitingICPC(cf), true, "Initial conference", "/conference/initial")
		add(onPlan, false, "Core group", "/core-group/new")
		add(onPlan, false, "Review conference", "/conference/review")
		add(ref != nil && ref.Decision != "" && !onPlan && cf.OpenCINPlan() == nil, false, "Start a child in need plan", "/cin-plan/start")
		add(cf.OpenCINPlan() != nil, false, "Review the child in need plan", "/cin-plan/review")
		add(cf.OpenCINPlan() != nil, false, "End the child in need plan", "/cin-plan/end")
		add(ref != nil, false, "Close the case", "/close")
		careActions(cf, add)
	}
	if canAuthorise {
		add(a != nil && a.CompletedDate != nil && a.AuthorisedDate == nil, true, "Sign off the assessment", "/assessment/authorise")
		add(ref != nil && ref.Decision == casework.ReferralNFA && ref.NFAApprovedAt == nil, true, "Approve no further action", "/referral/approve-nfa")
	}
	if canAllocate {
		add(cf.Involvement != nil, cf.Involvement != nil && cf.Involvement.WorkerID == nil, "Allocate to a worker", "/allocate")
	}
	return append(next, others...)
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

// careActions offers the child-in-care steps: bringing a child into care,
// or, while looked after, what a period of care records.
func careActions(cf casework.CaseFile, add func(ok, primary bool, label, path string)) {
	ep := cf.OpenCareEpisode()
	in := ep != nil
	// A child comes into care from an open case: a closed record offers
	// no next step (the form itself stays open to an address typed in).
	add(!in && (cf.Involvement != nil || cf.OpenReferral() != nil), false, "Bring into care", "/care/start")
	add(in, false, "Record a statutory visit", "/care/visit")
	add(in, false, "Move placement", "/care/move")
	add(in, false, "Change the legal status", "/care/legal-status")
	add(in && !hasCareEvent(cf, ep.ID, casework.CarePlanMade), true, "Record the care plan", "/care/care-plan")
	add(in, false, "Record a looked-after review", "/care/review")
	add(in && !hasCareEvent(cf, ep.ID, casework.HealthInitial), true, "Record the initial health assessment", "/care/health-initial")
	add(in && hasCareEvent(cf, ep.ID, casework.HealthInitial), false, "Record a review health assessment", "/care/health-review")
	add(in, false, "Record a dental check", "/care/dental")
	add(in, false, "Record a personal education plan", "/care/pep")
	add(in, false, "Arrange family time", "/care/family-time")
	add(in, false, "Record an SDQ", "/care/sdq")
	add(in, false, "Record a check of immunisations", "/care/immunisations")
	add(in, false, "Record a conviction, final warning or reprimand", "/care/conviction") // of a child 10 or over: the form says so
	add(in, false, "Record substance misuse", "/care/substance-misuse")
	add(in, false, "End the period of care", "/care/end")
}

func hasCareEvent(cf casework.CaseFile, episodeID int64, kind string) bool {
	for _, e := range cf.CareEvents {
		if e.EpisodeID == episodeID && e.Kind == kind {
			return true
		}
	}
	return false
}

// careView is the child-in-care part of the case summary.
type careView struct {
	Episode     *casework.CareEpisode
	LegalStatus string
	Placement   *casework.Placement
	PlaceLabel  string
	Provider    string
	FamilyTime  []casework.FamilyTime
	PrevPerm    string // the previous permanence recorded when the period began
	// PrevPermHref corrects it, for a user who may edit the record.
	PrevPermHref string
	// Outcomes are the latest SDQ, immunisation check, conviction and
	// substance misuse recorded (outcomes.go).
	Outcomes []summaryRow
}

// careSummary describes the open period of care, or nil.
func careSummary(cf casework.CaseFile) *careView {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return nil
	}
	v := &careView{Episode: ep, Placement: cf.CurrentPlacement(), PrevPerm: prevPermText(*ep)}
	if ls := cf.CurrentLegalStatus(); ls != nil {
		v.LegalStatus = ls.Code + ": " + casework.LabelOf(casework.LegalStatuses(), ls.Code) + ", since " + ls.StartDate.Format("2 January 2006")
	}
	if p := v.Placement; p != nil {
		v.PlaceLabel = p.Type + ": " + casework.LabelOf(casework.PlacementTypes(), p.Type)
		v.Provider = casework.LabelOf(casework.PlacementProviders(), p.Provider)
	}
	for _, f := range cf.FamilyTime {
		if f.EpisodeID == ep.ID && f.EndDate == nil {
			v.FamilyTime = append(v.FamilyTime, f)
		}
	}
	v.Outcomes = latestOutcomes(cf)
	return v
}
