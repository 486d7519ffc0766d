package annexa

import (
	"sightline/internal/casework"
)

var list1Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Date of Contact", "Contact Source"}

var list3Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
	"Allocated Team", "Allocated Worker"}

var list4Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
	"Continuous Assessment Date of Authorisation",
	"Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"}

var list5Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
	"Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
	"Did the Initial Child Protection Conference Result in a Child Protection Plan",
	"Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
	"Allocated Team", "Allocated Worker"}

// contacts: every contact received in the six months, one row each.
func (p period) contacts(cf casework.CaseFile) [][]any {
	var rows [][]any
	for _, c := range cf.Contacts {
		if within(c.Date, p.six, p.asAt) {
			rows = append(rows, row(p.common(cf.Child), []any{c.Date, code(sources, c.Source)}))
		}
	}
	return rows
}

// referrals: every referral received in the six months, with how many
// the child had in the twelve months.
func (p period) referrals(cf casework.CaseFile) [][]any {
	var rows [][]any
	inYear := 0
	for _, r := range cf.Referrals {
		if within(r.Date, p.twelve, p.asAt) {
			inYear++
		}
	}
	for _, r := range cf.Referrals {
		if within(r.Date, p.six, p.asAt) {
			rows = append(rows, row(p.common(cf.Child),
				[]any{r.Date, code(sources, r.Source), yesNo(r.NFA), inYear}, allocated(cf)))
		}
	}
	return rows
}

// assessments: every assessment open at some time in the six months (as
// D2I's implementation reads "with assessments in previous six months").
// The child was seen when a visit in the assessment's course saw them;
// it needed support when it led to a plan, a section 47 or care.
func (p period) assessments(cf casework.CaseFile) [][]any {
	var rows [][]any
	for _, a := range cf.Assessments {
		if !overlaps(a.StartDate, a.AuthorisedDate, p.six, p.asAt) {
			continue
		}
		end := p.asAt
		if a.AuthorisedDate != nil && a.AuthorisedDate.Before(end) {
			end = *a.AuthorisedDate
		}
		seen := false
		for _, v := range cf.Visits {
			seen = seen || (v.Seen && within(v.Date, a.StartDate, end))
		}
		var support any
		if a.AuthorisedDate != nil && !a.AuthorisedDate.After(p.asAt) {
			support = yesNo(a.Outcome == "cin_plan" || a.Outcome == "strategy" || a.Outcome == "looked_after")
		}
		rows = append(rows, row(p.common(cf.Child), []any{disability(cf.Child), a.StartDate, yesNo(seen),
			date(a.AuthorisedDate), support}, allocated(cf)))
	}
	return rows
}

// s47s: every section 47 enquiry open at some time in the six months,
// with its initial conference if one was held by the as-at day.
func (p period) s47s(cf casework.CaseFile) [][]any {
	var rows [][]any
	enquiries, icpcs := 0, 0
	for _, s := range cf.S47s {
		if within(s.StartDate, p.twelve, p.asAt) {
			enquiries++
		}
	}
	for _, c := range cf.Conferences {
		if c.Kind == casework.InitialConference && within(c.Date, p.twelve, p.asAt) {
			icpcs++
		}
	}
	for _, s := range cf.S47s {
		if !overlaps(s.StartDate, s.EndDate, p.six, p.asAt) {
			continue
		}
		var held, plan any
		for _, c := range cf.Conferences {
			if c.Kind == casework.InitialConference && c.S47ID != nil && *c.S47ID == s.ID && !c.Date.After(p.asAt) {
				held, plan = c.Date, yesNo(c.Decision == "plan")
			}
		}
		rows = append(rows, row(p.common(cf.Child), []any{disability(cf.Child), s.StartDate, yesNo(s.ICPCNotRequired),
			held, plan, enquiries, icpcs}, allocated(cf)))
	}
	return rows
}
