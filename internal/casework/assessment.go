package casework

import (
	"strings"
	"time"
)

// assessmentFactors is CIN census AssessmentFactors (N00181), 2025 to 2026.
// 18A and 19A are superseded (rules 8945Q, 8950Q) and not offered.
var assessmentFactors = []Code{
	{"1A", "Alcohol misuse: child"}, {"1B", "Alcohol misuse: parent or carer"}, {"1C", "Alcohol misuse: other person in household"},
	{"2A", "Drug misuse: child"}, {"2B", "Drug misuse: parent or carer"}, {"2C", "Drug misuse: other person in household"},
	{"3A", "Domestic abuse: child"}, {"3B", "Domestic abuse: parent or carer"}, {"3C", "Domestic abuse: other person in household"},
	{"4A", "Mental health: child"}, {"4B", "Mental health: parent or carer"}, {"4C", "Mental health: other person in household"},
	{"5A", "Learning disability: child"}, {"5B", "Learning disability: parent or carer"}, {"5C", "Learning disability: other person in household"},
	{"6A", "Physical disability or illness: child"}, {"6B", "Physical disability or illness: parent or carer"},
	{"6C", "Physical disability or illness: other person in household"},
	{"7A", "Young carer"}, {"8B", "Privately fostered: overseas, intending to return"},
	{"8C", "Privately fostered: overseas, intending to stay"}, {"8D", "Privately fostered: UK, educational placement"},
	{"8E", "Privately fostered: UK, alternative family arrangement"}, {"8F", "Privately fostered: other"},
	{"9A", "Unaccompanied asylum-seeking child"}, {"10A", "Going or being missing"}, {"11A", "Child sexual exploitation"},
	{"12A", "Trafficking"}, {"13A", "Gangs"}, {"14A", "Socially unacceptable behaviour"}, {"15A", "Self-harm"},
	{"16A", "Neglect"}, {"17A", "Emotional abuse"}, {"18B", "Physical abuse: child on child"},
	{"18C", "Physical abuse: adult on child"}, {"19B", "Sexual abuse: child on child"}, {"19C", "Sexual abuse: adult on child"},
	{"20", "Other"}, {"21", "No factors identified"}, {"22A", "Female genital mutilation"},
	{"23A", "Abuse linked to faith or belief"}, {"24A", "Child criminal exploitation"},
}

// AssessmentFactors returns the factor codes an assessment can record.
func AssessmentFactors() []Code { return append([]Code(nil), assessmentFactors...) }

// Assessment outcomes: what the assessment concluded should happen.
var assessmentOutcomes = []Code{
	{"cin_plan", "Child in need plan"}, {"strategy", "Strategy discussion (section 47)"},
	{"looked_after", "Become looked after"}, {"early_help", "Early help"}, {"nfa", "No further action"},
}

// AssessmentOutcomes returns what an assessment can lead to.
func AssessmentOutcomes() []Code { return append([]Code(nil), assessmentOutcomes...) }

// Assessment is a single child and family assessment: due 45 working days
// from the referral (Working Together 2023, ch. 3), concluded when a
// manager authorises it (CIN census AssessmentAuthorisationDate).
type Assessment struct {
	ID             int64
	ChildID        int64
	ReferralID     int64
	StartDate      time.Time // AssessmentActualStartDate
	Factors        []string
	Outcome        string
	CompletedDate  *time.Time // the worker finished it and sent it for sign-off
	AuthorisedDate *time.Time // the manager signed it off
	AuthorisedBy   string
	Version        int
}

// Validate checks an assessment against its referral (rule 1103: it cannot
// start before the referral) and the factor rules.
func (a Assessment) Validate(ref Referral, today time.Time) error {
	v := &ValidationError{}
	switch {
	case a.StartDate.IsZero():
		v.Add("start_date", "Enter the date the assessment started")
	case a.StartDate.After(today):
		v.Add("start_date", "Start date must be today or in the past")
	case a.StartDate.Before(ref.Date):
		v.Add("start_date", "The assessment cannot start before the referral date")
	}
	if msg := checkFactors(a.Factors); msg != "" {
		v.Add("factors", msg)
	}
	if a.CompletedDate != nil {
		checkPeriod(v, a.StartDate, a.CompletedDate, today, "start_date", "completed_date")
		if len(a.Factors) == 0 { // rule 8897Q
			v.Add("factors", "Select the factors identified, or 'No factors identified'")
		}
		if !inCodes(assessmentOutcomes, a.Outcome) {
			v.Add("outcome", "Select the outcome of the assessment")
		}
	}
	if a.AuthorisedDate != nil {
		if a.CompletedDate == nil {
			v.Add("authorised_date", "The assessment must be completed before it is authorised")
		} else if a.AuthorisedDate.Before(*a.CompletedDate) || a.AuthorisedDate.After(today) {
			v.Add("authorised_date", "Authorisation date must be between completion and today")
		}
	}
	return v.Err()
}

// checkFactors applies rule 8869 ("21" stands alone) and the code list.
func checkFactors(codes []string) string {
	seen := map[string]bool{}
	for _, c := range codes {
		if !inCodes(assessmentFactors, c) {
			return "Select factors from the list"
		}
		seen[c] = true
	}
	if seen["21"] && len(seen) > 1 {
		return "'No factors identified' cannot be chosen with other factors"
	}
	return ""
}

// FactorLabel names a factor code.
func FactorLabel(code string) string { return LabelOf(assessmentFactors, strings.TrimSpace(code)) }
