package casework

import (
	"strings"
	"time"
)

// Team is a team of the service: a front door, an assessment team, a child
// protection team, children in care, leaving care, the emergency duty team.
type Team struct {
	ID      int64
	Name    string
	Kind    string // one of TeamKinds
	Version int
}

// TeamKinds are the kinds of team a children's service has.
var teamKinds = []Code{
	{"front_door", "Front door (MASH)"}, {"assessment", "Assessment"},
	{"child_protection", "Child protection and children in need"},
	{"children_in_care", "Children in care"}, {"leaving_care", "Leaving care"},
	{"disabled_children", "Disabled children"}, {"edt", "Emergency duty team"},
	{"other", "Other"},
}

// TeamKinds returns the kinds of team.
func TeamKinds() []Code { return append([]Code(nil), teamKinds...) }

// Employment types in the workforce census sense.
const (
	Permanent  = "permanent"
	Agency     = "agency"
	FixedTerm  = "fixed_term"
	Seconded   = "seconded"
	Vacancy    = "vacancy"
	Consultant = "consultant"
)

var employmentTypes = []Code{
	{Permanent, "Permanent"}, {Agency, "Agency"}, {FixedTerm, "Fixed term"},
	{Seconded, "Seconded"}, {Consultant, "Consultant"},
}

// EmploymentTypes returns the employment types a worker may have.
func EmploymentTypes() []Code { return append([]Code(nil), employmentTypes...) }

// Worker is a member of staff: the person who holds children's cases. Its
// staff record grows with the workforce register (a later issue); the
// fields here are the ones allocation and caseloads need.
type Worker struct {
	ID             int64
	Name           string
	Email          string
	JobRole        string // social worker, senior practitioner, team manager…
	TeamID         *int64
	TeamName       string
	FTE            float64
	EmploymentType string
	NewlyQualified bool // in the assessed and supported year in employment
	StartDate      time.Time
	EndDate        *time.Time
	Version        int
}

// ActiveOn reports whether the worker was in post on day d.
func (w Worker) ActiveOn(d time.Time) bool {
	return !d.Before(w.StartDate) && (w.EndDate == nil || !d.After(*w.EndDate))
}

// Validate checks a worker's staff record.
func (w Worker) Validate() error {
	v := &ValidationError{}
	if strings.TrimSpace(w.Name) == "" {
		v.Add("name", "Enter the worker's name")
	}
	if w.FTE <= 0 || w.FTE > 1.5 {
		v.Add("fte", "FTE must be more than 0 and no more than 1.5")
	}
	if !inCodes(employmentTypes, w.EmploymentType) {
		v.Add("employment_type", "Select the employment type")
	}
	if w.StartDate.IsZero() {
		v.Add("start_date", "Enter the start date")
	}
	if w.EndDate != nil && w.EndDate.Before(w.StartDate) {
		v.Add("end_date", "Leaving date must be on or after the start date")
	}
	return v.Err()
}

// Involvement is one period in which a child is known to the service — an
// open "case" — with the team and worker who hold it. It becomes the CIN
// census episode of need (CINdetails) as later records are added.
type Involvement struct {
	ID           int64
	ChildID      int64
	StartDate    time.Time // the referral date that opened it
	EndDate      *time.Time
	EndReason    string // RC1–RC9 when closed
	TeamID       *int64
	TeamName     string
	WorkerID     *int64
	WorkerName   string
	AllocatedOn  *time.Time // when the current worker took it
	Version      int
	EnteredError string // reason, when the whole involvement was recorded in error
}

// Open reports whether the involvement was open on day d.
func (i Involvement) Open(d time.Time) bool {
	return !d.Before(i.StartDate) && (i.EndDate == nil || d.Before(*i.EndDate) || d.Equal(*i.EndDate))
}
