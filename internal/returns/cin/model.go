// Package cin writes, reads and validates the DfE children in need (CIN)
// census for the collection year 2025 to 2026 (1 April 2025 – 31 March
// 2026), the XML of schema/CIN_schema_2026.xsd.
//
// The message is held as the schema's tree with every value as the text
// the XML carries: the exporter writes it, the reader fills it from a file
// (checking dates and codes, naming the line and field of each fault), and
// the validator applies the DfE's rules to it (rules.go), whichever system
// made it. Import turns a message into sightline's records.
package cin

import (
	"encoding/xml"
	"fmt"
	"time"
)

// Message is the whole census, elements in schema order.
type Message struct {
	XMLName  xml.Name `xml:"Message"`
	Header   *Header  `xml:"Header"`
	Children []Child  `xml:"Children>Child"`
}

// Header names the collection and the authority that made the file.
type Header struct {
	Collection CollectionDetails `xml:"CollectionDetails"`
	Source     *Source           `xml:"Source,omitempty"`
}

// CollectionDetails names the collection and its reference date.
type CollectionDetails struct {
	Collection    string `xml:"Collection"`
	Year          string `xml:"Year"`
	ReferenceDate string `xml:"ReferenceDate"`
}

// Source is the authority (LEA, its three-digit code) and the software.
type Source struct {
	SourceLevel  string `xml:"SourceLevel"`
	LEA          string `xml:"LEA"`
	SoftwareCode string `xml:"SoftwareCode"`
	Release      string `xml:"Release"`
	SerialNo     string `xml:"SerialNo"`
	DateTime     string `xml:"DateTime"`
}

// Child is one child in need: identifiers, characteristics and an
// episode (CINdetails) per referral in the year.
type Child struct {
	Line            int             `xml:"-"` // where the child starts in the file read, 0 for an export
	ID              int64           `xml:"-"` // sightline's child id, for links; 0 when read from a file
	Identifiers     Identifiers     `xml:"ChildIdentifiers"`
	Characteristics Characteristics `xml:"ChildCharacteristics"`
	Details         []Details       `xml:"CINdetails"`
}

// Identifiers is ChildIdentifiers.
type Identifiers struct {
	LAchildID               string `xml:"LAchildID"`
	UPN                     string `xml:"UPN,omitempty"`
	FormerUPN               string `xml:"FormerUPN,omitempty"`
	UPNunknown              string `xml:"UPNunknown,omitempty"`
	PersonBirthDate         string `xml:"PersonBirthDate,omitempty"`
	ExpectedPersonBirthDate string `xml:"ExpectedPersonBirthDate,omitempty"`
	Sex                     string `xml:"Sex"`
	PersonDeathDate         string `xml:"PersonDeathDate,omitempty"`
}

// Characteristics is ChildCharacteristics.
type Characteristics struct {
	Ethnicity    string        `xml:"Ethnicity"`
	Disabilities *Disabilities `xml:"Disabilities,omitempty"`
}

// Disabilities holds one or more disability codes; absent when none are
// recorded (an empty element would break the schema).
type Disabilities struct {
	Codes []string `xml:"Disability"`
}

// DisabilityCodes is the child's disability codes, none when absent.
func (c Characteristics) DisabilityCodes() []string {
	if c.Disabilities == nil {
		return nil
	}
	return c.Disabilities.Codes
}

// Details is CINdetails: one episode of need, from referral to closure.
type Details struct {
	Line                 int          `xml:"-"`
	CINreferralDate      string       `xml:"CINreferralDate"`
	ReferralSource       string       `xml:"ReferralSource"`
	PrimaryNeedCode      string       `xml:"PrimaryNeedCode,omitempty"`
	CINclosureDate       string       `xml:"CINclosureDate,omitempty"`
	ReasonForClosure     string       `xml:"ReasonForClosure,omitempty"`
	DateOfInitialCPC     string       `xml:"DateOfInitialCPC,omitempty"`
	Assessments          []Assessment `xml:"Assessments"`
	CINPlanDates         []PlanDates  `xml:"CINPlanDates"`
	Section47            []Section47  `xml:"Section47"`
	ReferralNFA          string       `xml:"ReferralNFA"`
	ChildProtectionPlans []CPPlan     `xml:"ChildProtectionPlans"`
}

// Assessment is one Assessments group.
type Assessment struct {
	AssessmentActualStartDate    string   `xml:"AssessmentActualStartDate"`
	AssessmentInternalReviewDate string   `xml:"AssessmentInternalReviewDate,omitempty"`
	AssessmentAuthorisationDate  string   `xml:"AssessmentAuthorisationDate,omitempty"`
	Factors                      *Factors `xml:"FactorsIdentifiedAtAssessment,omitempty"`
}

// Factors is FactorsIdentifiedAtAssessment; present but empty is how a
// file says "none recorded" (rule 8897Q).
type Factors struct {
	Codes []string `xml:"AssessmentFactors"`
}

// FactorCodes is the assessment's factor codes, none when absent.
func (a Assessment) FactorCodes() []string {
	if a.Factors == nil {
		return nil
	}
	return a.Factors.Codes
}

// PlanDates is one CINPlanDates group.
type PlanDates struct {
	CINPlanStartDate string `xml:"CINPlanStartDate"`
	CINPlanEndDate   string `xml:"CINPlanEndDate,omitempty"`
}

// Section47 is one s47 enquiry.
type Section47 struct {
	S47ActualStartDate string `xml:"S47ActualStartDate"`
	InitialCPCtarget   string `xml:"InitialCPCtarget,omitempty"`
	DateOfInitialCPC   string `xml:"DateOfInitialCPC,omitempty"`
	ICPCnotRequired    string `xml:"ICPCnotRequired"`
}

// CPPlan is one ChildProtectionPlans group.
type CPPlan struct {
	CPPstartDate           string   `xml:"CPPstartDate"`
	CPPendDate             string   `xml:"CPPendDate,omitempty"`
	InitialCategoryOfAbuse string   `xml:"InitialCategoryOfAbuse"`
	LatestCategoryOfAbuse  string   `xml:"LatestCategoryOfAbuse"`
	NumberOfPreviousCPP    string   `xml:"NumberOfPreviousCPP"`
	Reviews                *Reviews `xml:"Reviews,omitempty"`
}

// Reviews is the review conferences of a plan held in the year.
type Reviews struct {
	Dates []string `xml:"CPPreviewDate"`
}

// ReviewDates is the plan's review dates, none when absent.
func (p CPPlan) ReviewDates() []string {
	if p.Reviews == nil {
		return nil
	}
	return p.Reviews.Dates
}

// Year is a collection year, named by the year it ends: 2026 is 1 April
// 2025 to 31 March 2026.
type Year int

// Start is the first day of the collection year.
func (y Year) Start() time.Time { return time.Date(int(y)-1, time.April, 1, 0, 0, 0, 0, time.UTC) }

// End is the reference date, the last day of the collection year.
func (y Year) End() time.Time { return time.Date(int(y), time.March, 31, 0, 0, 0, 0, time.UTC) }

// String is "2025 to 2026".
func (y Year) String() string { return fmt.Sprintf("%d to %d", int(y)-1, int(y)) }

// Supported are the collection years this package writes and validates.
var Supported = []Year{2026}

// date formats a civil date as the schema's xs:date.
func date(t time.Time) string { return t.Format(time.DateOnly) }

// dateOf formats an optional date, "" when absent.
func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return date(*t)
}

// parseDate reads an xs:date written YYYY-MM-DD; ok is false for "" or an
// impossible date (2025-02-30).
func parseDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// yesNo is the schema's yesnotype.
func yesNo(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// isYes reads a yesnotype: "1" or "true".
func isYes(s string) bool { return s == "1" || s == "true" }
