package casework

import (
	"regexp"
	"strings"
	"time"
)

// The workforce register: the establishment of funded posts, and the staff
// who hold them over time (permanent, fixed-term, seconded and agency),
// with the items of the DfE children's social work workforce census
// (CSWW; csww_schema_2025.xsd, DOMAIN.md workforce-census.md §5.2). A
// vacancy is not a person: it is the part of a funded post that no
// LA-employed worker fills on a day, worked out from the dated records.

// orgRoles is the census OrgRole code set.
var orgRoles = []Code{
	{"1", "Senior manager"}, {"2", "Middle manager"}, {"3", "First line manager"},
	{"4", "Senior practitioner"}, {"5", "Case holder"}, {"6", "Qualified without cases"},
}

// startOrigins is the census StartOrigin code set: where a starter came from.
var startOrigins = []Code{
	{"1", "Newly qualified social worker"}, {"2", "Social work role in another English local authority"},
	{"3", "Social work role outside England"}, {"4", "Agency or consultancy in social work (England)"},
	{"5", "Other social work role, not a local authority (England)"},
	{"6", "Other social care role (England)"},
	{"7", "Non-social-care role, outside England, no employment or career break"},
	{"8", "Other"}, {"9", "Not known"}, {"10", "Not yet collected"},
}

// leaverDestinations is the census LeaverDestination code set: StartOrigin
// 2–10 renumbered 1–9.
var leaverDestinations = []Code{
	{"1", "Social work role in another English local authority"}, {"2", "Social work role outside England"},
	{"3", "Agency or consultancy in social work (England)"},
	{"4", "Other social work role, not a local authority (England)"},
	{"5", "Other social care role (England)"},
	{"6", "Non-social-care role, outside England, no employment or career break"},
	{"7", "Other"}, {"8", "Not known"}, {"9", "Not yet collected"},
}

// leavingReasons is the census ReasonLeave code set.
var leavingReasons = []Code{
	{"1", "Resignation"}, {"2", "Voluntary redundancy"}, {"3", "Compulsory redundancy"},
	{"4", "Dismissed"}, {"5", "Retired"}, {"6", "Deceased"},
	{"7", "Moved to a non-child-and-family social work role in the authority"},
	{"8", "Other"}, {"9", "Not known"}, {"10", "Not yet collected"},
}

// AbsenceSickness is the census ReasonAbsence code for sick leave, the
// only reason that counts towards working days lost and the absence rate.
const AbsenceSickness = "SIC"

// absenceReasons is the census ReasonAbsence code set.
var absenceReasons = []Code{
	{AbsenceSickness, "Sick leave"}, {"MAT", "Maternity or paternity leave"},
	{"OTH", "Other paid authorised absence"}, {"PUB", "Paid absence for public duties"},
	{"TRN", "Training"}, {"UNA", "Unauthorised absence"}, {"UNP", "Unpaid authorised absence"},
}

// OrgRoles returns the census OrgRole codes.
func OrgRoles() []Code { return append([]Code(nil), orgRoles...) }

// StartOrigins returns the census StartOrigin codes.
func StartOrigins() []Code { return append([]Code(nil), startOrigins...) }

// LeaverDestinations returns the census LeaverDestination codes.
func LeaverDestinations() []Code { return append([]Code(nil), leaverDestinations...) }

// LeavingReasons returns the census ReasonLeave codes.
func LeavingReasons() []Code { return append([]Code(nil), leavingReasons...) }

// AbsenceReasons returns the census ReasonAbsence codes.
func AbsenceReasons() []Code { return append([]Code(nil), absenceReasons...) }

// sweNo is the census swetype pattern: two letters then 1 to 10 digits.
var sweNo = regexp.MustCompile(`^[A-Za-z]{2}[0-9]{1,10}$`)

// ValidSWENo reports whether s is a Social Work England registration
// number of the form the census accepts (csww swetype, e.g. SW123456).
func ValidSWENo(s string) bool { return sweNo.MatchString(s) }

// Post is one funded post of the establishment: a job in a team at a
// census role and FTE, funded from a date until (optionally) a last day.
type Post struct {
	ID          int64
	TeamID      int64
	TeamName    string
	Title       string // "Social worker (CP3)"
	OrgRole     string // census OrgRole
	FTE         float64
	FundedFrom  time.Time
	FundedTo    *time.Time // last funded day; nil while funded
	SalaryPence int64      // budgeted full-time annual base salary
	OnCostPct   float64    // employer's on-costs (NI, pension) as a percentage of salary
	Version     int
}

// FundedOn reports whether the post was funded on day d.
func (p Post) FundedOn(d time.Time) bool {
	return !d.Before(p.FundedFrom) && (p.FundedTo == nil || !d.After(*p.FundedTo))
}

// Validate checks a post.
func (p Post) Validate() error {
	v := &ValidationError{}
	if p.TeamID == 0 {
		v.Add("team_id", "Select the team")
	}
	if strings.TrimSpace(p.Title) == "" {
		v.Add("title", "Enter the title of the post")
	}
	if !inCodes(orgRoles, p.OrgRole) {
		v.Add("org_role", "Select the role of the post")
	}
	if p.FTE <= 0 || p.FTE > 1.5 {
		v.Add("fte", "FTE must be more than 0 and no more than 1.5")
	}
	if p.FundedFrom.IsZero() {
		v.Add("funded_from", "Enter the date the post is funded from")
	}
	if p.FundedTo != nil && p.FundedTo.Before(p.FundedFrom) {
		v.Add("funded_to", "The last funded day must be on or after the date funded from")
	}
	checkPay(v, p.SalaryPence, p.OnCostPct)
	return v.Err()
}

// checkPay refuses a negative salary and on-costs outside 0–100%.
func checkPay(v *ValidationError, salary int64, onCost float64) {
	if salary < 0 {
		v.Add("salary", "Salary cannot be negative")
	}
	if onCost < 0 || onCost > 100 {
		v.Add("oncost", "On-costs must be a percentage from 0 to 100")
	}
}

// StaffRecord is a worker's entry in the workforce register: the worker
// (team, FTE, employment type, start and leaving dates) with the post they
// hold and the census items. One record is one appointment: a person who
// moves from agency to permanent has a second record, as the census has.
type StaffRecord struct {
	Worker
	PostID            *int64
	PostTitle         string
	OrgRole           string // census OrgRole
	SWENo             string // Social Work England registration number
	StartOrigin       string // census StartOrigin
	LeavingReason     string // census ReasonLeave, once left
	LeaverDestination string // census LeaverDestination, once left
	AgencyName        string // agency workers: the agency supplying them
	DayRatePence      int64  // agency workers: the charge for a full-time day
	SalaryPence       int64  // LA-employed: full-time annual base salary
	OnCostPct         float64
}

// IsAgency reports whether the worker is supplied by an agency or
// consultancy rather than employed by the authority (census AgencyWorker).
func (s StaffRecord) IsAgency() bool {
	return s.EmploymentType == Agency || s.EmploymentType == Consultant
}

// IsPermanent reports whether the worker holds a permanent contract.
func (s StaffRecord) IsPermanent() bool { return s.EmploymentType == Permanent }

// Validate checks the record: the worker's own rules (a name, FTE more
// than 0 and no more than 1.5, no leaving before starting), a census role,
// a well-formed SWE number, an agency and day rate for an agency worker,
// and leaving details that go with a leaving date.
func (s StaffRecord) Validate() error {
	v := &ValidationError{}
	if err, ok := s.Worker.Validate().(*ValidationError); ok && err != nil {
		v.Errors = append(v.Errors, err.Errors...)
	}
	if !inCodes(orgRoles, s.OrgRole) {
		v.Add("org_role", "Select the worker's role")
	}
	if s.SWENo != "" && !ValidSWENo(s.SWENo) {
		v.Add("swe_no", "Social Work England number must be two letters then 1 to 10 digits, like SW123456")
	}
	if s.StartOrigin != "" && !inCodes(startOrigins, s.StartOrigin) {
		v.Add("start_origin", "Select where the worker came from")
	}
	if s.IsAgency() {
		if strings.TrimSpace(s.AgencyName) == "" {
			v.Add("agency_name", "Enter the agency that supplies the worker")
		}
		if s.DayRatePence <= 0 {
			v.Add("day_rate", "Enter the agency's day rate")
		}
	}
	checkPay(v, s.SalaryPence, s.OnCostPct)
	s.checkLeaving(v)
	return v.Err()
}

// ValidateLeaving checks only the leaving details, for recording a leaver
// whose older record may still lack census items: a leaving date on or
// after the start date, and a valid reason (required for LA-employed
// staff) and destination.
func (s StaffRecord) ValidateLeaving() error {
	v := &ValidationError{}
	switch {
	case s.EndDate == nil:
		v.Add("end_date", "Enter the leaving date")
	case s.EndDate.Before(s.StartDate):
		v.Add("end_date", "Leaving date must be on or after the start date")
	}
	s.checkLeaving(v)
	return v.Err()
}

// checkLeaving: a reason or destination needs a leaving date, and an
// LA-employed leaver needs a reason (census ReasonLeave).
func (s StaffRecord) checkLeaving(v *ValidationError) {
	if s.LeavingReason != "" && !inCodes(leavingReasons, s.LeavingReason) {
		v.Add("leaving_reason", "Select the reason for leaving")
	}
	if s.LeaverDestination != "" && !inCodes(leaverDestinations, s.LeaverDestination) {
		v.Add("leaver_destination", "Select where the worker went")
	}
	if s.EndDate == nil && (s.LeavingReason != "" || s.LeaverDestination != "") {
		v.Add("end_date", "Enter the leaving date")
	}
	if s.EndDate != nil && !s.IsAgency() && s.LeavingReason == "" && !v.Has("leaving_reason") {
		v.Add("leaving_reason", "Select the reason for leaving")
	}
}

// Absence is one period a worker was away, with its census reason. Sick
// leave counts towards working days lost.
type Absence struct {
	ID         int64
	WorkerID   int64
	WorkerName string
	Reason     string // census ReasonAbsence
	Start      time.Time
	End        *time.Time // last day away; nil while it continues
	// DaysLost is the FTE working days lost as recorded by HR; nil means
	// work it out as the working days away times the worker's FTE.
	DaysLost *float64
	Version  int
}

// Covers reports whether the worker was away on day d.
func (a Absence) Covers(d time.Time) bool {
	return !d.Before(a.Start) && (a.End == nil || !d.After(*a.End))
}

// Validate checks an absence.
func (a Absence) Validate() error {
	v := &ValidationError{}
	if a.WorkerID == 0 {
		v.Add("worker_id", "Select the worker")
	}
	if !inCodes(absenceReasons, a.Reason) {
		v.Add("reason", "Select the reason for the absence")
	}
	if a.Start.IsZero() {
		v.Add("start_date", "Enter the first day of the absence")
	}
	if a.End != nil && !a.Start.IsZero() && a.End.Before(a.Start) {
		v.Add("end_date", "The last day of the absence must be on or after the first day")
	}
	if a.DaysLost != nil {
		switch {
		case *a.DaysLost < 0:
			v.Add("days_lost", "Working days lost cannot be negative")
		case a.End == nil:
			v.Add("days_lost", "Enter the last day of the absence with the working days lost, or leave days lost blank")
		case *a.DaysLost > 1.5*float64(a.End.Sub(a.Start).Hours()/24+1):
			v.Add("days_lost", "Working days lost cannot be more than the days of the absence")
		}
	}
	return v.Err()
}

// Register is the whole dated workforce register, or one team's part of
// it: what every workforce figure is worked out from.
type Register struct {
	Posts    []Post
	Staff    []StaffRecord
	Absences []Absence
}

// AsAt returns the part of the register current on day d: posts funded,
// staff in post and absences under way that day.
func (r Register) AsAt(d time.Time) Register {
	var out Register
	for _, p := range r.Posts {
		if p.FundedOn(d) {
			out.Posts = append(out.Posts, p)
		}
	}
	for _, s := range r.Staff {
		if s.ActiveOn(d) {
			out.Staff = append(out.Staff, s)
		}
	}
	for _, a := range r.Absences {
		if a.Covers(d) {
			out.Absences = append(out.Absences, a)
		}
	}
	return out
}
