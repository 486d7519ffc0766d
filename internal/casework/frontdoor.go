package casework

import (
	"strings"
	"time"
)

// referralSources is CIN census ReferralSource (N00152).
var referralSources = []Code{
	{"1A", "Individual: family member, relative or carer"}, {"1B", "Individual: acquaintance"},
	{"1C", "Individual: self"}, {"1D", "Individual: other"}, {"2A", "School"}, {"2B", "Education services"},
	{"3A", "Health: GP"}, {"3B", "Health visitor"}, {"3C", "School nurse"}, {"3D", "Other primary health services"},
	{"3E", "Health: A&E"}, {"3F", "Health: other"}, {"4", "Housing"}, {"5A", "LA services: social care"},
	{"5B", "LA services: other internal"}, {"5C", "LA services: external"}, {"5D", "LA services: early help"},
	{"6", "Police"}, {"7", "Other legal agency"}, {"8", "Other"}, {"9", "Anonymous"}, {"10", "Unknown"},
}

// ReferralSources returns the CIN census sources of a referral.
func ReferralSources() []Code { return append([]Code(nil), referralSources...) }

// primaryNeeds is CIN census PrimaryNeedCode (N00101).
var primaryNeeds = []Code{
	{"N1", "Abuse, neglect and exploitation"}, {"N2", "Child's disability"}, {"N3", "Parental disability or illness"},
	{"N4", "Family in acute stress"}, {"N5", "Family dysfunction"}, {"N6", "Socially unacceptable behaviour"},
	{"N7", "Low income"}, {"N8", "Absent parenting"}, {"N9", "Cases other than children in need"}, {"N0", "Not stated"},
}

// PrimaryNeeds returns the CIN census primary need codes.
func PrimaryNeeds() []Code { return append([]Code(nil), primaryNeeds...) }

// Contact decisions: what the front door decided to do with a contact.
const (
	ContactToReferral    = "referral"
	ContactNFA           = "nfa"
	ContactEarlyHelp     = "early_help"
	ContactInformationOK = "information"
)

var contactDecisions = []Code{
	{ContactToReferral, "Refer to children's social care"}, {ContactEarlyHelp, "Refer to early help"},
	{ContactInformationOK, "Information and advice given"}, {ContactNFA, "No further action"},
}

// ContactDecisions returns what a contact can lead to.
func ContactDecisions() []Code { return append([]Code(nil), contactDecisions...) }

// Contact is information about a child reaching the service from anyone:
// police, school, health, family, anonymous. The emergency duty team
// records out-of-hours contacts on the same record.
type Contact struct {
	ID           int64
	ChildID      int64
	ReceivedAt   time.Time // the exact moment (a contact at 23:50 on a Friday)
	Date         time.Time // its civil date, from which timescales run
	Source       string    // referral source code
	SourceDetail string    // who: name, organisation, phone
	Concerns     string
	OutOfHours   bool // recorded by the emergency duty team
	Decision     string
	DecisionDate *time.Time
	DecisionBy   string
	Reason       string // why, for NFA or early help
	ReferralID   *int64
	RecordedBy   string
	Version      int
}

// Validate checks a contact as recorded (before a decision).
func (c Contact) Validate(today time.Time) error {
	v := &ValidationError{}
	switch {
	case c.Date.IsZero():
		v.Add("date", "Enter the date the contact was received")
	case c.Date.After(today):
		v.Add("date", "Date received must be today or in the past")
	}
	if !inCodes(referralSources, c.Source) {
		v.Add("source", "Select who made the contact")
	}
	if strings.TrimSpace(c.Concerns) == "" {
		v.Add("concerns", "Enter the concerns raised")
	}
	if c.Decision != "" {
		c.validateDecision(v, today)
	}
	return v.Err()
}

func (c Contact) validateDecision(v *ValidationError, today time.Time) {
	if !inCodes(contactDecisions, c.Decision) {
		v.Add("decision", "Select a decision")
	}
	if c.DecisionDate == nil {
		v.Add("decision_date", "Enter the date of the decision")
	} else if c.DecisionDate.After(today) {
		v.Add("decision_date", "Decision date must be today or in the past")
	} else if c.DecisionDate.Before(c.Date) {
		v.Add("decision_date", "Decision date must be on or after the date the contact was received")
	}
	if (c.Decision == ContactNFA || c.Decision == ContactEarlyHelp) && strings.TrimSpace(c.Reason) == "" {
		v.Add("reason", "Enter the reason for the decision")
	}
}

// Referral is a contact that needs a social work response: the start of a
// CIN census episode (CINdetails). Its involvement is the open case.
type Referral struct {
	ID            int64
	ChildID       int64
	InvolvementID *int64
	ContactID     *int64
	Date          time.Time // CINreferralDate
	Source        string
	PrimaryNeed   string // N0–N9; required when the referral leads to further action (rule 8610)
	Decision      string // one of ReferralDecisions, within 1 working day
	DecisionDate  *time.Time
	NFA           bool   // ReferralNFA: closed with no further action
	NFAReason     string // why
	NFAApprovedBy string // the manager who authorised the NFA
	NFAApprovedAt *time.Time
	ClosureDate   *time.Time // CINclosureDate
	ClosureReason string     // RC1–RC9
	ReReferral    bool       // another referral within the 12 months before (computed)
	Version       int
}

// Referral decisions, the "next steps and type of response" decided within
// one working day (Working Together 2023, ch. 3).
const (
	ReferralToAssessment = "assessment"
	ReferralToStrategy   = "strategy"
	ReferralNFA          = "nfa"
)

var referralDecisions = []Code{
	{ReferralToAssessment, "Child and family assessment"},
	{ReferralToStrategy, "Strategy discussion (concern of significant harm)"},
	{ReferralNFA, "No further action"},
}

// ReferralDecisions returns the decisions on a referral.
func ReferralDecisions() []Code { return append([]Code(nil), referralDecisions...) }

// Validate checks a referral.
func (r Referral) Validate(today time.Time) error {
	v := &ValidationError{}
	switch {
	case r.Date.IsZero():
		v.Add("date", "Enter the referral date")
	case r.Date.After(today):
		v.Add("date", "Referral date must be today or in the past")
	}
	if !inCodes(referralSources, r.Source) {
		v.Add("source", "Select the source of the referral")
	}
	if r.PrimaryNeed != "" && !inCodes(primaryNeeds, r.PrimaryNeed) {
		v.Add("primary_need", "Select the primary need")
	}
	if r.Decision != "" {
		r.validateDecision(v, today)
	}
	if r.ClosureDate != nil {
		checkPeriod(v, r.Date, r.ClosureDate, today, "date", "closure_date")
		if !ValidClosureReason(r.ClosureReason) { // rule 8805
			v.Add("closure_reason", "Select the reason for closing the case")
		}
	}
	return v.Err()
}

func (r Referral) validateDecision(v *ValidationError, today time.Time) {
	if !inCodes(referralDecisions, r.Decision) {
		v.Add("decision", "Select a decision")
	}
	switch {
	case r.DecisionDate == nil:
		v.Add("decision_date", "Enter the date of the decision")
	case r.DecisionDate.After(today):
		v.Add("decision_date", "Decision date must be today or in the past")
	case r.DecisionDate.Before(r.Date):
		v.Add("decision_date", "Decision date must be on or after the referral date")
	}
	if r.Decision == ReferralNFA && strings.TrimSpace(r.NFAReason) == "" {
		v.Add("nfa_reason", "Enter the reason for no further action")
	}
	if r.Decision != ReferralNFA && r.PrimaryNeed == "" { // rule 8610
		v.Add("primary_need", "Select the primary need: the referral leads to further action")
	}
}

// Open reports whether the referral's episode was open on day d.
func (r Referral) Open(d time.Time) bool {
	return !d.Before(r.Date) && (r.ClosureDate == nil || !d.After(*r.ClosureDate))
}
