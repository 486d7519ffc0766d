package casework

import (
	"strings"
	"time"
)

// Where a child went missing from. A child missing from care is recorded
// here too (SSDA903's Missing table reports those), with no link to the
// care episode: the flag is what the missing view and the returns need.
const (
	MissingFromHome = "home"
	MissingFromCare = "care"
)

var missingFrom = []Code{{MissingFromHome, "From home"}, {MissingFromCare, "From care"}}

// MissingFrom returns where a child can go missing from.
func MissingFrom() []Code { return append([]Code(nil), missingFrom...) }

// missingKinds is SSDA903 MISSING (ssd missing.yml): M missing, whereabouts
// not known; A away without authorisation, whereabouts known.
var missingKinds = []Code{
	{"M", "Missing: whereabouts not known"},
	{"A", "Away without authorisation: whereabouts known"},
}

// MissingKinds returns the SSDA903 kinds of missing period.
func MissingKinds() []Code { return append([]Code(nil), missingKinds...) }

// MissingEpisode is a period in which a child was missing or away without
// authorisation: from its start to the child's return (End).
type MissingEpisode struct {
	ID               int64
	ChildID          int64
	From             string // home or care
	Kind             string // SSDA903 MISSING: M or A
	StartDate        time.Time
	EndDate          *time.Time // the day the child returned; nil while missing
	ReportedToPolice bool
	WhereFound       string // where the child was found or returned to
	Version          int
}

// Open reports whether the child was still missing at the end of day d.
func (e MissingEpisode) Open(d time.Time) bool {
	return !e.StartDate.After(d) && (e.EndDate == nil || e.EndDate.After(d))
}

// ReturnInterview is the independent return home interview offered after
// a missing episode (Missing guidance, "Independent return interviews"):
// when it was offered and when it was held, or that the child declined.
type ReturnInterview struct {
	ID        int64
	ChildID   int64
	EpisodeID int64
	OfferedOn time.Time
	HeldOn    *time.Time
	Declined  bool   // the child declined the interview
	HeldBy    string // who held it (often an independent provider)
	Notes     string
	Version   int
}

// Exploitation risk levels, lowest first.
const (
	RiskNone   = "none"
	RiskLow    = "low"
	RiskMedium = "medium"
	RiskHigh   = "high"
)

var riskLevels = []Code{
	{RiskNone, "No risk identified"}, {RiskLow, "Low"}, {RiskMedium, "Medium"}, {RiskHigh, "High"},
}

// RiskLevels returns the levels of exploitation risk, lowest first.
func RiskLevels() []Code { return append([]Code(nil), riskLevels...) }

var exploitationKinds = []Code{
	{"sexual", "Child sexual exploitation"}, {"criminal", "Child criminal exploitation"},
	{"county_lines", "County lines"},
}

// ExploitationKinds returns the kinds of exploitation a screening looks at.
func ExploitationKinds() []Code { return append([]Code(nil), exploitationKinds...) }

// ExploitationScreening is a screening of a child's risk of exploitation:
// the kinds of risk found, the level, when it is to be reviewed and the
// professional who leads on it.
type ExploitationScreening struct {
	ID         int64
	ChildID    int64
	Date       time.Time
	Kinds      []string // of ExploitationKinds; none when the level is "none"
	Level      string   // of RiskLevels
	ReviewDate *time.Time
	Lead       string // the lead professional
	Notes      string
	Version    int
}

// Validate checks a missing episode on its own.
func (e MissingEpisode) Validate(today time.Time) error {
	v := &ValidationError{}
	if !inCodes(missingFrom, e.From) {
		v.Add("from", "Select whether the child went missing from home or from care")
	}
	if !inCodes(missingKinds, e.Kind) {
		v.Add("kind", "Select whether the child was missing or away without authorisation")
	}
	switch {
	case e.StartDate.IsZero():
		v.Add("start_date", "Enter the date the child went missing")
	case e.StartDate.After(today):
		v.Add("start_date", "The date the child went missing must be today or in the past")
	}
	if e.EndDate != nil {
		checkReturn(v, e.StartDate, *e.EndDate, today)
	}
	if len(e.WhereFound) > 500 {
		v.Add("where_found", "Where the child was found must be 500 characters or fewer")
	}
	return v.Err()
}

// checkReturn: a return is not in the future and not before the start.
func checkReturn(v *ValidationError, start, end, today time.Time) {
	switch {
	case end.IsZero():
		v.Add("end_date", "Enter the date the child returned")
	case end.After(today):
		v.Add("end_date", "The date the child returned must be today or in the past")
	case !start.IsZero() && end.Before(start):
		v.Add("end_date", "The date the child returned must be on or after the day they went missing ("+
			start.Format("2 January 2006")+")")
	}
}

// Validate checks a screening on its own.
func (s ExploitationScreening) Validate(today time.Time) error {
	v := &ValidationError{}
	switch {
	case s.Date.IsZero():
		v.Add("date", "Enter the date of the screening")
	case s.Date.After(today):
		v.Add("date", "The date of the screening must be today or in the past")
	}
	if !inCodes(riskLevels, s.Level) {
		v.Add("level", "Select the level of risk")
	}
	seen := map[string]bool{}
	for _, k := range s.Kinds {
		if !inCodes(exploitationKinds, k) || seen[k] {
			v.Add("kinds", "Select each kind of exploitation once, from the list")
			break
		}
		seen[k] = true
	}
	if s.Level != RiskNone && s.Level != "" && len(s.Kinds) == 0 && !v.Has("kinds") {
		v.Add("kinds", "Select the kinds of exploitation the child is at risk of")
	}
	if s.Level == RiskNone && len(s.Kinds) > 0 {
		v.Add("kinds", "A screening that found no risk has no kinds of exploitation: choose a level of risk or clear the kinds")
	}
	switch {
	case s.ReviewDate == nil:
		v.Add("review_date", "Enter the date the screening is to be reviewed")
	case !s.Date.IsZero() && !s.ReviewDate.After(s.Date):
		v.Add("review_date", "The review date must be after the date of the screening")
	}
	if (s.Level == RiskMedium || s.Level == RiskHigh) && strings.TrimSpace(s.Lead) == "" {
		v.Add("lead", "Enter the lead professional: a child at medium or high risk has one")
	}
	if len(s.Notes) > MaxBody {
		v.Add("notes", "Notes must be 20,000 characters or fewer")
	}
	return v.Err()
}

// HasKind reports whether the screening found risk of kind k.
func (s ExploitationScreening) HasKind(k string) bool {
	for _, x := range s.Kinds {
		if x == k {
			return true
		}
	}
	return false
}
