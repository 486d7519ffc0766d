package casework

import (
	"slices"
	"strconv"
	"time"
)

// CareOutcome is one dated record of how a looked-after child is doing
// that the DfE's children looked after return asks of children looked
// after for a year at 31 March (SSDA903 OC2): a Strengths and
// Difficulties Questionnaire, a conviction, final warning or reprimand, a
// check of immunisations, or substance misuse identified with what was
// offered and received for it. The four are one kind of record (one
// table, a Kind and the few fields each kind uses) rather than four:
// each is a dated fact about the child shown and corrected the same way,
// read together by the return as "the latest in the year", and
// the fields of one kind are few enough that the others' stay empty.
type CareOutcome struct {
	ID         int64
	ChildID    int64
	Kind       string    // one of OutcomeKinds
	Date       time.Time // the SDQ completed (or given up), the conviction, the check, the misuse identified
	SDQScore   *int      // an SDQ completed: its total difficulties score, 0 to 40
	SDQReason  string    // an SDQ not completed: why (SDQ1–SDQ5)
	UpToDate   bool      // immunisations: up to date at the check
	Offered    bool      // substance misuse: an intervention was offered
	OfferedOn  *time.Time
	Received   bool // substance misuse: the child received an intervention
	ReceivedOn *time.Time
	Notes      string
	Version    int
}

// Kinds of CareOutcome.
const (
	OutcomeSDQ             = "sdq"
	OutcomeConviction      = "conviction"
	OutcomeImmunisations   = "immunisations"
	OutcomeSubstanceMisuse = "substance_misuse"
)

var outcomeKinds = []Code{
	{OutcomeSDQ, "Strengths and Difficulties Questionnaire"},
	{OutcomeConviction, "Convicted, or given a final warning or reprimand"},
	{OutcomeImmunisations, "Immunisations checked"},
	{OutcomeSubstanceMisuse, "Substance misuse identified"},
}

// OutcomeKinds returns the kinds of outcome record.
func OutcomeKinds() []Code { return slices.Clone(outcomeKinds) }

// sdqReasons are why an SDQ was not completed, the DfE's SDQ_REASON codes
// (SDQ1 is the age reason, rule 157; the others as the DfE's guide to the
// return words them).
var sdqReasons = []Code{
	{"SDQ1", "The child was under 4, or 17 or over"},
	{"SDQ2", "The carer refused to complete it"},
	{"SDQ3", "Not possible because of the severity of the child's disability"},
	{"SDQ4", "Another reason"},
	{"SDQ5", "The child or young person refused"},
}

// SDQReasons returns why an SDQ may not have been completed.
func SDQReasons() []Code { return slices.Clone(sdqReasons) }

// The DfE asks an SDQ of a child aged 4 to 16 (SDQ1 is for the others),
// and conviction information of a child aged 10 or over, the age of
// criminal responsibility (rules 542, 543).
const (
	SDQFromAge        = 4
	SDQBeforeAge      = 17
	ConvictionFromAge = 10
	maxOutcomeNote    = 500
)

// CheckOutcome checks an outcome record about to be saved for the child:
// dated while the child was looked after and not in the future, with what
// its kind needs. The message names the form field to fix.
func (cf CaseFile) CheckOutcome(o CareOutcome, today time.Time) error {
	v := &ValidationError{}
	if !inCodes(outcomeKinds, o.Kind) {
		v.Add("kind", "Select what is being recorded")
		return v.Err()
	}
	switch {
	case o.Date.IsZero():
		v.Add("date", "Enter the date")
	case o.Date.After(today):
		v.Add("date", "The date must be today or in the past")
	case !cf.lookedAfterOn(o.Date):
		v.Add("date", "The child was not looked after on that day: these records are of a child looked after")
	}
	age, known := cf.Child.AgeOn(o.Date)
	switch o.Kind {
	case OutcomeSDQ:
		checkSDQ(v, o, age, known && !v.Has("date"))
	case OutcomeConviction:
		if known && age < ConvictionFromAge && !v.Has("date") {
			v.Add("date", "A child under 10 cannot be convicted or given a final warning or reprimand: this child was "+
				strconv.Itoa(age)+" on that day")
		}
	case OutcomeSubstanceMisuse:
		checkIntervention(v, "offered_on", "The date the intervention was offered", o.Offered, o.OfferedOn, o.Date, today)
		checkIntervention(v, "received_on", "The date the intervention was received", o.Received, o.ReceivedOn, o.Date, today)
	}
	if len(o.Notes) > maxOutcomeNote {
		v.Add("notes", "The note must be 500 characters or fewer")
	}
	return v.Err()
}

// checkSDQ: a score from 0 to 40 or a reason, not both; the age reason
// (SDQ1) only for a child under 4 or 17 and over on the day.
func checkSDQ(v *ValidationError, o CareOutcome, age int, ageKnown bool) {
	switch {
	case o.SDQScore != nil && o.SDQReason != "":
		v.Add("sdq_reason", "Give a score or a reason it was not completed, not both")
	case o.SDQScore == nil && o.SDQReason == "":
		v.Add("sdq_score", "Enter the total score, or select why the questionnaire was not completed")
	case o.SDQScore != nil && (*o.SDQScore < 0 || *o.SDQScore > 40):
		v.Add("sdq_score", "The total score is a whole number from 0 to 40")
	case o.SDQScore == nil && !inCodes(sdqReasons, o.SDQReason):
		v.Add("sdq_reason", "Select why the questionnaire was not completed")
	case o.SDQReason == "SDQ1" && ageKnown && age >= SDQFromAge && age < SDQBeforeAge:
		v.Add("sdq_reason", "The child was "+strconv.Itoa(age)+" on that day: the age reason is for a child under 4, or 17 or over")
	}
}

// checkIntervention: a date is given only for what happened, on or after
// the misuse was identified and not in the future.
func checkIntervention(v *ValidationError, field, label string, happened bool, on *time.Time, identified, today time.Time) {
	switch {
	case on == nil:
	case !happened:
		v.Add(field, label+" is only for an intervention that was: answer yes, or leave the date blank")
	case on.After(today):
		v.Add(field, label+" must be today or in the past")
	case on.Before(identified):
		v.Add(field, label+" must be on or after the day the misuse was identified")
	}
}

// lookedAfterOn reports whether a period of care was open on day d (its
// last day included).
func (cf CaseFile) lookedAfterOn(d time.Time) bool {
	for _, p := range cf.CareEpisodes {
		if !d.Before(p.StartDate) && (p.EndDate == nil || !d.After(*p.EndDate)) {
			return true
		}
	}
	return false
}

// FindOutcome is the outcome record with the id, or nil.
func (cf CaseFile) FindOutcome(id int64) *CareOutcome {
	for i := range cf.Outcomes {
		if cf.Outcomes[i].ID == id {
			return &cf.Outcomes[i]
		}
	}
	return nil
}

// Summary is a line describing the record, for the child's record
// and the chronology.
func (o CareOutcome) Summary() string {
	switch o.Kind {
	case OutcomeSDQ:
		if o.SDQScore != nil {
			return "SDQ completed: total score " + strconv.Itoa(*o.SDQScore)
		}
		return "SDQ not completed: " + LabelOf(sdqReasons, o.SDQReason)
	case OutcomeImmunisations:
		if o.UpToDate {
			return "Immunisations up to date"
		}
		return "Immunisations not up to date"
	case OutcomeSubstanceMisuse:
		switch {
		case o.Received:
			return "Substance misuse identified: intervention received"
		case o.Offered:
			return "Substance misuse identified: intervention offered, not received"
		}
		return "Substance misuse identified: no intervention offered"
	}
	return LabelOf(outcomeKinds, o.Kind)
}
