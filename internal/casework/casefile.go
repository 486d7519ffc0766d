package casework

import (
	"fmt"
	"time"

	"sightline/internal/calendar"
)

// CaseFile is everything recorded about one child's help and protection:
// the records the timescale rules read and the cross-record rules check.
// Slices are in date order.
type CaseFile struct {
	Child       Child
	Involvement *Involvement // the open one, if any
	Contacts    []Contact
	Referrals   []Referral
	Assessments []Assessment
	Strategies  []StrategyDiscussion
	S47s        []S47Enquiry
	Conferences []Conference
	Plans       []CPPlan
	CoreGroups  []CoreGroup
	Visits      []Visit
	CINPlans    []CINPlan
	CINReviews  []CINPlanReview
	// Children in care (care.go): periods of care and what happens in them.
	CareEpisodes  []CareEpisode
	LegalStatuses []LegalStatus
	Placements    []Placement
	CareEvents    []CareEvent
	FamilyTime    []FamilyTime
	// Outcomes are the SDQs, convictions, immunisation checks and
	// substance misuse of a child looked after (outcomes.go): loaded with
	// one child's case file and for the SSDA903 return (store), nil in
	// lists of case files.
	Outcomes []CareOutcome
	// Missing, exploitation and court work (missing.go, court.go).
	Missing     []MissingEpisode
	Interviews  []ReturnInterview
	Screenings  []ExploitationScreening
	PLOs        []PreProceedings
	PLOEvents   []PLOEvent
	Proceedings []Proceedings
	Hearings    []Hearing
	Extensions  []ProceedingsExtension // of the 26-week timetable, by the day granted

	// Leaving care and permanence (leaver.go, permanence.go).
	Leaver         *CareLeaver // the latest record, if any
	Pathway        []PathwayRecord
	LeaverContacts []LeaverContact
	Permanence     []PermanencePlan
	// LookedAfter is the latest period of care as the store reads it (store
	// LookedAfterDates); zero when unknown.
	LookedAfter CarePeriod
	// SocialWorkers is the allocation history of the child's involvements,
	// in date order: loaded for the SSDA903 return only (store
	// CareCaseFiles), nil elsewhere.
	SocialWorkers []WorkerAllocation
	// Addresses are the child's homes not entered in error, in start-date
	// order: loaded for the SSDA903 return only (its HOME_POST; store
	// CareCaseFiles), nil elsewhere.
	Addresses []Address
}

// CarePeriod is a period of being looked after; End is nil while it lasts.
type CarePeriod struct {
	Start *time.Time
	End   *time.Time
}

// OpenReferral is the referral whose episode is open, or nil.
func (cf CaseFile) OpenReferral() *Referral {
	for i := len(cf.Referrals) - 1; i >= 0; i-- {
		if cf.Referrals[i].ClosureDate == nil && !cf.Referrals[i].NFA {
			return &cf.Referrals[i]
		}
	}
	return nil
}

// OpenPlan is the child protection plan in force, or nil.
func (cf CaseFile) OpenPlan() *CPPlan {
	for i := range cf.Plans {
		if cf.Plans[i].EndDate == nil {
			return &cf.Plans[i]
		}
	}
	return nil
}

// OpenCINPlan is the child in need plan in force, or nil.
func (cf CaseFile) OpenCINPlan() *CINPlan {
	for i := range cf.CINPlans {
		if cf.CINPlans[i].EndDate == nil {
			return &cf.CINPlans[i]
		}
	}
	return nil
}

// IsReReferral reports whether a referral on day d (with id self, or 0
// for one not yet saved) follows another referral of the same child within
// the 12 months before it: the DfE re-referral measure.
func (cf CaseFile) IsReReferral(d time.Time, self int64) bool {
	yearBefore := calendar.AddMonths(d, -12)
	for _, r := range cf.Referrals {
		if r.ID == self {
			continue
		}
		earlier := r.Date.Before(d) || (r.Date.Equal(d) && self != 0 && r.ID < self)
		if earlier && !r.Date.Before(yearBefore) {
			return true
		}
	}
	return false
}

func (cf CaseFile) referral(id int64) (Referral, error) {
	for _, r := range cf.Referrals {
		if r.ID == id {
			return r, nil
		}
	}
	return Referral{}, Invalid("referral_id", "There is no open referral for this child: record a referral first")
}

// CheckStrategy applies the rules for a new strategy discussion.
func (cf CaseFile) CheckStrategy(s StrategyDiscussion, today time.Time) error {
	ref, err := cf.referral(s.ReferralID)
	if err != nil {
		return err
	}
	v := &ValidationError{}
	checkEventDate(v, "date", "Date of the strategy discussion", s.Date, ref.Date, "the referral date", today)
	return v.Err()
}

// CheckS47 applies the rules for a new section 47 enquiry: it starts from a
// strategy discussion that decided to start it.
func (cf CaseFile) CheckS47(s S47Enquiry, today time.Time) error {
	v := &ValidationError{}
	var strat *StrategyDiscussion
	for i := range cf.Strategies {
		if s.StrategyID != nil && cf.Strategies[i].ID == *s.StrategyID {
			strat = &cf.Strategies[i]
		}
	}
	if strat == nil || !strat.InitiatedS47 {
		v.Add("strategy_id", "A section 47 enquiry needs a strategy discussion that decided to start one: record that first")
		return v
	}
	if s.StartDate.Before(strat.Date) || s.StartDate.After(today) {
		v.Add("start_date", "The enquiry starts on or after its strategy discussion, and not in the future")
	}
	if s.EndDate != nil {
		checkPeriod(v, s.StartDate, s.EndDate, today, "start_date", "end_date")
		if !inCodes(s47Outcomes, s.Outcome) {
			v.Add("outcome", "Select the outcome of the enquiry")
		}
	}
	return v.Err()
}

// CheckInitialConference: an ICPC follows a section 47 enquiry (rule 8615),
// on a weekday (rule 8875), and a plan it makes starts that day (2885).
func (cf CaseFile) CheckInitialConference(c Conference, today time.Time) error {
	v := &ValidationError{}
	var s47 *S47Enquiry
	for i := range cf.S47s {
		if c.S47ID != nil && cf.S47s[i].ID == *c.S47ID {
			s47 = &cf.S47s[i]
		}
	}
	if s47 == nil {
		v.Add("s47_id", "An initial child protection conference needs a section 47 enquiry: record the enquiry first")
		return v
	}
	checkEventDate(v, "date", "Date of the conference", c.Date, s47.StartDate, "the start of the section 47 enquiry", today)
	checkWeekday(v, "date", c.Date, "A conference cannot be held at a weekend")
	switch c.Decision {
	case "plan":
		if !ValidCategory(c.Category) {
			v.Add("category", "Select the category of abuse for the plan")
		}
		if p := cf.OpenPlan(); p != nil { // rule 8935
			v.Add("decision", "The child already has a child protection plan: hold a review conference instead")
		}
	case "no_plan":
	default:
		v.Add("decision", "Select the conference's decision")
	}
	return v.Err()
}

// CheckReviewConference: a review needs a plan in force and is after its
// start (rule 8841).
func (cf CaseFile) CheckReviewConference(c Conference, today time.Time) error {
	v := &ValidationError{}
	p := cf.OpenPlan()
	if p == nil {
		v.Add("plan_id", "A review conference needs a child protection plan in force")
		return v
	}
	checkEventDate(v, "date", "Date of the review", c.Date, p.StartDate, "the plan's start", today)
	if c.Date.Equal(p.StartDate) {
		v.Add("date", "The review must be after the day the plan started")
	}
	checkWeekday(v, "date", c.Date, "A conference cannot be held at a weekend")
	if c.Decision != "continue" && c.Decision != "end" {
		v.Add("decision", "Select whether the plan continues or ends")
	}
	if c.Category != "" && !ValidCategory(c.Category) {
		v.Add("category", "Select the category of abuse")
	}
	return v.Err()
}

// CheckCoreGroup: a core group meets under a plan in force.
func (cf CaseFile) CheckCoreGroup(g CoreGroup, today time.Time) error {
	v := &ValidationError{}
	p := cf.OpenPlan()
	if p == nil {
		v.Add("date", "A core group meets only while a child protection plan is in force")
		return v
	}
	checkEventDate(v, "date", "Date of the core group", g.Date, p.StartDate, "the plan's start", today)
	return v.Err()
}

// CheckCINPlan: a child in need plan cannot run alongside a CP plan (rule
// 4001) or another CIN plan.
func (cf CaseFile) CheckCINPlan(p CINPlan, today time.Time) error {
	ref, err := cf.referral(p.ReferralID)
	if err != nil {
		return err
	}
	v := &ValidationError{}
	checkEventDate(v, "start_date", "Start date", p.StartDate, ref.Date, "the referral date", today)
	if cf.OpenPlan() != nil {
		v.Add("start_date", "A child in need plan cannot run alongside a child protection plan")
	}
	if cf.OpenCINPlan() != nil {
		v.Add("start_date", "The child already has a child in need plan")
	}
	return v.Err()
}

// CheckClosure: an episode cannot close while a section 47 enquiry has
// neither a conference nor "ICPC not required" (rule 8868); and "closed
// after assessment" (RC8, RC9) is only for an episode that went no
// further than the assessment (rule 2990).
func (cf CaseFile) CheckClosure(c Closure, ref Referral, today time.Time) error {
	v := &ValidationError{}
	if err := c.Validate(ref.Date, today); err != nil {
		mergeInto(v, err)
	}
	for _, s := range cf.S47s {
		if s.ReferralID == ref.ID && !s.ICPCNotRequired && !cf.hasICPCFor(s.ID) {
			v.Add("reason", "A section 47 enquiry has no conference and is not marked 'conference not required': complete it first")
		}
	}
	if (c.Reason == "RC8" || c.Reason == "RC9") && !v.Has("reason") {
		if what := cf.beyondAssessment(ref); what != "" {
			v.Add("reason", "The case went beyond the assessment ("+what+"): choose another reason for closing, such as RC7")
		}
	}
	return v.Err()
}

// beyondAssessment names the work of the referral's episode that followed
// an assessment (a section 47 enquiry, a child in need or child protection
// plan), or "" when there was none.
func (cf CaseFile) beyondAssessment(ref Referral) string {
	for _, s := range cf.S47s {
		if s.ReferralID == ref.ID {
			return "a section 47 enquiry"
		}
	}
	for _, p := range cf.CINPlans {
		if p.ReferralID == ref.ID {
			return "a child in need plan"
		}
	}
	for _, p := range cf.Plans {
		if p.ReferralID == ref.ID {
			return "a child protection plan"
		}
	}
	return ""
}

func (cf CaseFile) hasICPCFor(s47 int64) bool {
	for _, c := range cf.Conferences {
		if c.Kind == InitialConference && c.S47ID != nil && *c.S47ID == s47 {
			return true
		}
	}
	return false
}

// checkEventDate: present, not before the event it follows, not future.
func checkEventDate(v *ValidationError, field, label string, d, notBefore time.Time, what string, today time.Time) {
	switch {
	case d.IsZero():
		v.Add(field, "Enter the "+lowerFirstWord(label))
	case d.After(today):
		v.Add(field, label+" must be today or in the past")
	case d.Before(notBefore):
		v.Add(field, fmt.Sprintf("%s must be on or after %s (%s)", label, what, notBefore.Format("2 January 2006")))
	}
}

func checkWeekday(v *ValidationError, field string, d time.Time, msg string) {
	if wd := d.Weekday(); (wd == time.Saturday || wd == time.Sunday) && !v.Has(field) {
		v.Add(field, msg)
	}
}

func lowerFirstWord(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

func mergeInto(v *ValidationError, err error) {
	if other, ok := err.(*ValidationError); ok {
		for _, e := range other.Errors {
			if !v.Has(e.Field) {
				v.Add(e.Field, e.Message)
			}
		}
	}
}
