package casework

import (
	"strings"
	"time"
)

// StrategyDiscussion is the meeting of children's services, police and
// health that decides whether to start a section 47 enquiry.
type StrategyDiscussion struct {
	ID           int64
	ChildID      int64
	ReferralID   int64
	Date         time.Time
	InitiatedS47 bool   // the ICPC clock runs from the discussion that started the s47
	Attendees    string // agencies present
	Notes        string
	Version      int
}

// S47Enquiry is a section 47 enquiry (Children Act 1989 s.47).
type S47Enquiry struct {
	ID              int64
	ChildID         int64
	ReferralID      int64
	StrategyID      *int64
	StartDate       time.Time // S47ActualStartDate: the strategy discussion that started it
	EndDate         *time.Time
	Outcome         string // one of S47Outcomes
	ICPCNotRequired bool   // ICPCnotRequired: stops the ICPC clock (rule 8868)
	Version         int
}

var s47Outcomes = []Code{
	{"icpc", "Initial child protection conference"}, {"cin", "Continue as child in need"},
	{"nfa", "No further action"},
}

// S47Outcomes returns the outcomes of a section 47 enquiry.
func S47Outcomes() []Code { return append([]Code(nil), s47Outcomes...) }

// Conference kinds.
const (
	InitialConference = "initial"
	ReviewConference  = "review"
)

// Conference is a child protection conference: the initial one (ICPC, due
// 15 working days from the strategy discussion) or a review (RCPC).
type Conference struct {
	ID       int64
	ChildID  int64
	Kind     string // initial or review
	S47ID    *int64 // the enquiry an initial conference follows
	PlanID   *int64 // the plan a review conference reviews
	Date     time.Time
	Decision string // plan (initial), continue or end (review), no_plan (initial)
	Category string // category of abuse for a new plan
	Version  int
}

// categories is CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse.
var categories = []Code{
	{"NEG", "Neglect"}, {"PHY", "Physical abuse"}, {"SAB", "Sexual abuse"}, {"EMO", "Emotional abuse"},
	{"MUL", "Multiple categories"},
}

// AbuseCategories returns the categories of a child protection plan.
func AbuseCategories() []Code { return append([]Code(nil), categories...) }

// ValidCategory reports whether c is a CP plan category.
func ValidCategory(c string) bool { return inCodes(categories, c) }

// CPPlan is a child protection plan. It starts on the day of the initial
// conference that made it (CIN rule 2885).
type CPPlan struct {
	ID              int64
	ChildID         int64
	ReferralID      int64
	ConferenceID    *int64
	StartDate       time.Time
	EndDate         *time.Time
	InitialCategory string
	LatestCategory  string
	EndReason       string
	PreviousPlans   int // NumberOfPreviousCPP
	Version         int
}

// Active reports whether the plan was in force on day d.
func (p CPPlan) Active(d time.Time) bool {
	return !d.Before(p.StartDate) && (p.EndDate == nil || d.Before(*p.EndDate))
}

// CoreGroup is a meeting of the professionals carrying out a CP plan.
type CoreGroup struct {
	ID      int64
	PlanID  int64
	ChildID int64
	Date    time.Time
	Version int
}

// Visit kinds: why the child was visited.
var visitKinds = []Code{
	{"cp", "Child protection visit"}, {"cin", "Child in need visit"}, {"assessment", "Assessment visit"},
	{"cla", "Statutory visit to a child in care"},
	{"other", "Other visit"},
}

// VisitKinds returns the kinds of visit.
func VisitKinds() []Code { return append([]Code(nil), visitKinds...) }

var visitPlaces = []Code{
	{"home", "Home"}, {"school", "School or nursery"}, {"placement", "Placement"},
	{"office", "Office"}, {"other", "Somewhere else"},
}

// VisitPlaces returns where a visit can happen.
func VisitPlaces() []Code { return append([]Code(nil), visitPlaces...) }

// Visit records that a worker visited the child: whether the child was
// seen, seen alone, and where.
type Visit struct {
	ID        int64
	ChildID   int64
	Date      time.Time
	Kind      string
	Seen      bool
	SeenAlone bool
	Place     string
	Notes     string
	By        string
	Version   int
}

// Validate checks a visit.
func (vi Visit) Validate(today time.Time) error {
	v := &ValidationError{}
	switch {
	case vi.Date.IsZero():
		v.Add("date", "Enter the date of the visit")
	case vi.Date.After(today):
		v.Add("date", "Date of the visit must be today or in the past")
	}
	if !inCodes(visitKinds, vi.Kind) {
		v.Add("kind", "Select the kind of visit")
	}
	if !inCodes(visitPlaces, vi.Place) {
		v.Add("place", "Select where the visit happened")
	}
	if vi.SeenAlone && !vi.Seen {
		v.Add("seen_alone", "A child seen alone must also be recorded as seen")
	}
	if len(vi.Notes) > MaxBody {
		v.Add("notes", "Notes must be 20,000 characters or fewer")
	}
	return v.Err()
}

// CINPlan is a child in need (s.17) plan (CINPlanDates).
type CINPlan struct {
	ID         int64
	ChildID    int64
	ReferralID int64
	StartDate  time.Time
	EndDate    *time.Time
	Version    int
}

// CINPlanReview is a review of a child in need plan.
type CINPlanReview struct {
	ID      int64
	PlanID  int64
	ChildID int64
	Date    time.Time
}

// Closure ends a child's episode with a CIN reason (RC1–RC9).
type Closure struct {
	Date   time.Time
	Reason string
	Note   string
}

// Validate checks a closure.
func (c Closure) Validate(openedOn, today time.Time) error {
	v := &ValidationError{}
	checkPeriod(v, openedOn, &c.Date, today, "date", "date")
	if !ValidClosureReason(c.Reason) {
		v.Add("reason", "Select the reason for closing the case")
	}
	if strings.TrimSpace(c.Note) == "" {
		v.Add("note", "Enter a closing summary")
	}
	return v.Err()
}
