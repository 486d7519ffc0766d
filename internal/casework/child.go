package casework

import (
	"strings"
	"time"
)

// Child is a child or young person known to the service. It holds every
// identifier and characteristic the CIN census and SSDA903 ask for; dated
// work (referrals, plans, episodes) lives in records of its own.
type Child struct {
	ID            int64
	LAChildID     string // the authority's own identifier (CIN LAchildID, SSDA903 CHILD): ≤ 20 alphanumerics
	UPN           string // unique pupil number
	FormerUPN     string
	UPNUnknown    string // UN1–UN7 reason when there is no UPN
	NHSNumber     string
	UCI           string // unique child identifier used in older CIN returns
	FirstName     string
	LastName      string
	KnownAs       string // preferred or other name, searched too
	DateOfBirth   *time.Time
	ExpectedBirth *time.Time // unborn children: expected date of birth
	Sex           string     // M, F or U (CIN census N00783)
	Gender        string     // how the child describes their gender, in their words
	Ethnicity     string     // CIN census ethnicity code, e.g. WBRI
	Disabilities  []string   // CIN census disability codes; NONE alone or any others
	DateOfDeath   *time.Time
	UASC          bool       // is or was an unaccompanied asylum-seeking child (uasc.go)
	UASCCeased    *time.Time // the day UASC status ceased (SSDA903 DUC), on or before the 18th birthday
	Motherhood    Motherhood // a girl or young woman looked after: SSDA903 MOTHER, MC_DOB
	Restricted    bool       // visible only to named users (a high-profile family, staff's relatives)
	Synthetic     bool       // made by the generator, never a real child
	Version       int
	UpdatedAt     time.Time
	UpdatedBy     string
}

// FullName is the name to show: "First Last".
func (c Child) FullName() string {
	return strings.TrimSpace(c.FirstName + " " + c.LastName)
}

// AgeOn returns the child's age in whole years on day d, and false when the
// child has no date of birth (unborn) or was not yet born on d.
func (c Child) AgeOn(d time.Time) (int, bool) {
	if c.DateOfBirth == nil || d.Before(*c.DateOfBirth) {
		return 0, false
	}
	b := *c.DateOfBirth
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age, true
}

// Validate checks the rules every child record must keep, relative to
// today (no birth in the future, no death before birth).
func (c Child) Validate(today time.Time) error {
	v := &ValidationError{}
	if strings.TrimSpace(c.FirstName) == "" && strings.TrimSpace(c.LastName) == "" && c.ExpectedBirth == nil {
		v.Add("last_name", "Enter the child's name")
	}
	if err := CheckLAChildID(c.LAChildID); err != nil {
		v.Add("la_child_id", err.Error())
	}
	c.validateIdentifiers(v)
	c.validateDates(v, today)
	if !ValidSex(c.Sex) {
		v.Add("sex", "Select the child's sex: male, female or not known")
	}
	if c.Ethnicity != "" && !ValidEthnicity(c.Ethnicity) {
		v.Add("ethnicity", "Select an ethnicity from the list")
	}
	if msg := checkDisabilities(c.Disabilities); msg != "" {
		v.Add("disabilities", msg)
	}
	return v.Err()
}

func (c Child) validateIdentifiers(v *ValidationError) {
	if c.UPN != "" {
		if err := CheckUPN(c.UPN); err != nil {
			v.Add("upn", err.Error())
		}
	}
	if c.FormerUPN != "" {
		if err := CheckUPN(c.FormerUPN); err != nil {
			v.Add("former_upn", "Former UPN: "+err.Error())
		}
	}
	if c.NHSNumber != "" {
		if err := CheckNHSNumber(c.NHSNumber); err != nil {
			v.Add("nhs_number", err.Error())
		}
	}
}

func (c Child) validateDates(v *ValidationError, today time.Time) {
	if c.DateOfBirth == nil && c.ExpectedBirth == nil {
		v.Add("date_of_birth", "Enter the date of birth, or the expected date of birth for an unborn child")
	}
	if c.DateOfBirth != nil && c.DateOfBirth.After(today) {
		v.Add("date_of_birth", "Date of birth must be today or in the past")
	}
	if c.DateOfBirth != nil && c.DateOfBirth.Year() < 1980 {
		v.Add("date_of_birth", "Date of birth must be after 1980")
	}
	if c.DateOfDeath != nil {
		switch {
		case c.DateOfDeath.After(today):
			v.Add("date_of_death", "Date of death must be today or in the past")
		case c.DateOfBirth != nil && c.DateOfDeath.Before(*c.DateOfBirth):
			v.Add("date_of_death", "Date of death must be on or after the date of birth")
		}
	}
}

// Address is one place the child lived, for a dated period.
type Address struct {
	ID        int64
	ChildID   int64
	Line1     string
	Line2     string
	Town      string
	Postcode  string
	StartDate time.Time
	EndDate   *time.Time
}

// Relationship links a child to a family member or a professional.
type Relationship struct {
	ID             int64
	ChildID        int64
	Kind           string // "family" or "professional"
	Relationship   string // mother, sibling, GP, teacher…
	RelatedChildID *int64 // a sibling or other child known to the service
	Name           string
	Organisation   string
	Phone          string
	StartDate      *time.Time
	EndDate        *time.Time
}
