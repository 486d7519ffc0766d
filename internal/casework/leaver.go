package casework

import (
	"strconv"
	"time"
)

// CareLeaver is a young person's leaving-care status: the eligibility
// category and since when, their personal adviser, and the period of care
// it rests on.
type CareLeaver struct {
	ID       int64
	ChildID  int64
	Category string    // one of LeaverCategories
	From     time.Time // the day the category applied from
	// CareStarted and CareEnded are the latest period of care as the worker
	// recorded it here. They stand in for the children-in-care episodes,
	// which are read in their place once that record exists (store
	// LookedAfterDates is the one place that chooses).
	CareStarted   *time.Time
	CareEnded     *time.Time
	Adviser       string // the personal adviser's name
	AdviserFrom   *time.Time
	ServicesEnded *time.Time // leaving-care services ended (at 21, or up to 25)
	Version       int
}

// Pathway plan record kinds.
const (
	PathwayPlan   = "plan"
	PathwayReview = "review"
)

var pathwayKinds = []Code{{PathwayPlan, "Pathway plan"}, {PathwayReview, "Pathway plan review"}}

// PathwayKinds returns the kinds of pathway plan record.
func PathwayKinds() []Code { return append([]Code(nil), pathwayKinds...) }

// PathwayRecord is a pathway plan made or reviewed on a day.
type PathwayRecord struct {
	ID      int64
	ChildID int64
	Kind    string // plan or review
	Date    time.Time
	Version int
}

// LeaverContact is contact with a care leaver. A contact made for a
// birthday from the 17th to the 21st (Birthday 17–21) carries the OC3
// items: whether the authority is in touch, the young person's activity
// and accommodation; any other contact may carry them too.
type LeaverContact struct {
	ID       int64
	ChildID  int64
	Date     time.Time
	Birthday int    // 17–21 for the OC3 record of that birthday; 0 otherwise
	InTouch  string // OC3 IN_TOUCH
	Activity string // OC3 ACTIV, "" when not recorded
	Accom    string // OC3 ACCOM ("D1"), "" when not recorded
	Version  int
}

// ageOn is the age in whole years on day d.
func ageOn(dob, d time.Time) int {
	age := d.Year() - dob.Year()
	if d.Month() < dob.Month() || (d.Month() == dob.Month() && d.Day() < dob.Day()) {
		age--
	}
	return age
}

// BirthdayOn returns the day a person born on dob turns age. A birthday
// on 29 February falls on 28 February in other years (the day before 1
// March, when the age is reached in English law is disputed; the earlier
// day keeps the contact window conservative).
func BirthdayOn(dob time.Time, age int) time.Time {
	y := dob.Year() + age
	d := time.Date(y, dob.Month(), dob.Day(), 0, 0, 0, 0, time.UTC)
	if d.Month() != dob.Month() {
		d = time.Date(y, dob.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d
}

// eligibleWeeks is the prescribed period: 13 weeks looked after after the
// age of 14 (CPPCR reg 40(1)).
const eligibleWeeks = 13

// SuggestLeaverCategory applies the statutory definitions to one period
// of care (started, ended; ended nil while it lasts) for a person born on
// dob, on day asAt. It returns "" when none applies (under 16, or never
// looked after after 14). With several periods of care the weeks add up,
// which one period cannot show: the result is a suggestion for the worker
// to confirm, never a rule that refuses their choice.
func SuggestLeaverCategory(dob, started time.Time, ended *time.Time, asAt time.Time) string {
	age := ageOn(dob, asAt)
	if age < 16 || started.After(asAt) {
		return ""
	}
	sixteen := BirthdayOn(dob, 16)
	end := asAt
	stillLookedAfter := ended == nil || ended.After(asAt)
	if !stillLookedAfter {
		end = *ended
	}
	from := started
	if f := BirthdayOn(dob, 14); from.Before(f) {
		from = f
	}
	weeks := 0
	if end.After(from) {
		weeks = int(end.Sub(from).Hours() / 24 / 7)
	}
	eligible := weeks >= eligibleWeeks && end.After(sixteen)
	switch {
	case stillLookedAfter && age < 18 && eligible:
		return LeaverEligible
	case stillLookedAfter:
		return ""
	case eligible && age < 18:
		return LeaverRelevant
	case eligible && age < 25:
		return LeaverFormerRelevant
	case !end.Before(sixteen) && age < 25:
		return LeaverQualifying
	}
	return ""
}

// Validate checks a care leaver record for a person born on dob.
func (cl CareLeaver) Validate(dob *time.Time, today time.Time) error {
	v := &ValidationError{}
	if !inCodes(leaverCategories, cl.Category) {
		v.Add("category", "Select the eligibility category")
	}
	checkEventDate(v, "from", "Date the category applied from", cl.From, time.Time{}, "", today)
	if dob != nil && !cl.From.IsZero() && !v.Has("from") && !v.Has("category") {
		age := ageOn(*dob, cl.From)
		switch {
		case age < 16:
			v.Add("from", "A young person is a care leaver from the age of 16: the date is before their 16th birthday")
		case age >= 18 && (cl.Category == LeaverEligible || cl.Category == LeaverRelevant):
			v.Add("category", "Eligible and relevant children are 16 or 17: at 18 a care leaver is former relevant or qualifying")
		case age < 18 && cl.Category == LeaverFormerRelevant:
			v.Add("category", "A former relevant child is 18 or over: under 18 select relevant")
		}
	}
	if cl.CareStarted != nil {
		checkPeriod(v, *cl.CareStarted, cl.CareEnded, today, "care_started", "care_ended")
	} else if cl.CareEnded != nil {
		v.Add("care_started", "Enter the date the young person started to be looked after")
	}
	if cl.Category == LeaverEligible && cl.CareEnded != nil && !cl.CareEnded.After(cl.From) {
		v.Add("care_ended", "An eligible child is still looked after: a relevant child has left care")
	}
	if (cl.Category == LeaverRelevant || cl.Category == LeaverFormerRelevant) && cl.CareStarted != nil && cl.CareEnded == nil {
		v.Add("care_ended", "Enter the date the young person stopped being looked after")
	}
	if cl.AdviserFrom != nil && cl.Adviser == "" {
		v.Add("adviser", "Enter the personal adviser's name")
	}
	if len(cl.Adviser) > 200 {
		v.Add("adviser", "Personal adviser must be 200 characters or fewer")
	}
	if cl.AdviserFrom != nil && cl.AdviserFrom.After(today) {
		v.Add("adviser_from", "Date the adviser started must be today or in the past")
	}
	if cl.ServicesEnded != nil {
		checkEventDate(v, "services_ended", "Date services ended", *cl.ServicesEnded, cl.From, "the date the category applied from", today)
	}
	return v.Err()
}

// Validate checks a pathway plan record.
func (p PathwayRecord) Validate(today time.Time) error {
	v := &ValidationError{}
	if !inCodes(pathwayKinds, p.Kind) {
		v.Add("kind", "Select whether this is a new pathway plan or a review")
	}
	checkEventDate(v, "date", "Date of the pathway plan", p.Date, time.Time{}, "", today)
	return v.Err()
}

// Validate checks a contact with a care leaver born on dob: the OC3 rules
// 131–133, 344, 345, 347 and 3001.
func (c LeaverContact) Validate(dob *time.Time, today time.Time) error {
	v := &ValidationError{}
	checkEventDate(v, "date", "Date of the contact", c.Date, time.Time{}, "", today)
	if !inCodes(inTouch, c.InTouch) { // rule 131
		v.Add("in_touch", "Select whether the authority is in touch with the young person")
	}
	if c.Birthday != 0 && (c.Birthday < 17 || c.Birthday > 21) { // rule 391
		v.Add("birthday", "Care leaver information is recorded for the 17th to 21st birthdays only")
	}
	oc3 := c.Birthday != 0
	if oc3 && c.Activity == "" {
		v.Add("activity", "Select the young person's education, employment or training")
	}
	if oc3 && c.Accom == "" {
		v.Add("accommodation", "Select the young person's accommodation")
	}
	if c.Activity != "" && !inCodes(activities, c.Activity) { // rule 132
		v.Add("activity", "Select an activity from the list")
	}
	if c.Accom != "" && c.Accom != "0" && !validAccom(c.Accom) { // rule 133
		v.Add("accommodation", "No fixed abode and custody cannot be recorded as suitable accommodation")
	}
	switch c.InTouch {
	case "DIED", "RHOM": // rule 344
		if (c.Activity != "" && c.Activity != "0") || (c.Accom != "" && c.Accom != "0") {
			v.Add("in_touch", "A young person who has died or returned home has no activity or accommodation to record: select 'Not applicable'")
		}
	case "YES": // rule 345
		if c.Activity == "0" {
			v.Add("activity", "The authority is in touch: record what the young person is doing")
		}
		if c.Accom == "0" {
			v.Add("accommodation", "The authority is in touch: record where the young person lives")
		}
	}
	if dob != nil && len(c.Accom) == 2 {
		if c.Accom[0] == 'T' && ageOn(*dob, c.Date) < 18 { // rule 347
			v.Add("accommodation", "A care leaver under 18 cannot be accommodated in a foyer")
		}
		if c.Accom[0] == 'Z' && c.Birthday == 17 { // rule 3001
			v.Add("accommodation", "At the 17th birthday a care leaver cannot be recorded as living with former foster carers")
		}
	}
	return v.Err()
}

// validAccom is rule 133's list: a known letter and 1 or 2, except that
// no fixed abode (S) and custody (X) are only ever 2.
func validAccom(code string) bool {
	if len(code) != 2 || !inCodes(accommodations, code[:1]) {
		return false
	}
	switch code[1] {
	case '1':
		return code[0] != alwaysUnsuitable[0] && code[0] != alwaysUnsuitable[1]
	case '2':
		return true
	}
	return false
}

// CheckLeaverContact: a birthday's record is of a birthday the young
// person has reached by the contact, or will within the DfE window, and
// one record per birthday.
func (cf CaseFile) CheckLeaverContact(c LeaverContact, today time.Time) error {
	v := &ValidationError{}
	mergeInto(v, c.Validate(cf.Child.DateOfBirth, today))
	if cf.Leaver == nil {
		v.Add("date", "Record the young person's leaving-care eligibility first")
	}
	if c.Birthday != 0 && !v.Has("birthday") {
		for _, o := range cf.LeaverContacts {
			if o.Birthday == c.Birthday && o.ID != c.ID {
				v.Add("birthday", "The "+Ordinal(c.Birthday)+" birthday already has its record: mark that one in error to replace it")
				break
			}
		}
	}
	return v.Err()
}

// CheckPathway: a pathway plan needs a care leaver record, and a review
// follows a plan.
func (cf CaseFile) CheckPathway(p PathwayRecord, today time.Time) error {
	v := &ValidationError{}
	mergeInto(v, p.Validate(today))
	if cf.Leaver == nil {
		v.Add("date", "Record the young person's leaving-care eligibility first")
		return v
	}
	if p.Kind == PathwayReview && !v.Has("date") {
		var first *time.Time
		for i := range cf.Pathway {
			if cf.Pathway[i].Kind == PathwayPlan {
				first = &cf.Pathway[i].Date
				break
			}
		}
		switch {
		case first == nil:
			v.Add("kind", "There is no pathway plan to review: record the plan first")
		case p.Date.Before(*first):
			v.Add("date", "Date of the review must be on or after the pathway plan ("+first.Format("2 January 2006")+")")
		}
	}
	return v.Err()
}

// Ordinal writes 17 as "17th", 21 as "21st".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
