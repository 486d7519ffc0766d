package ssda903

import (
	"time"

	"sightline/internal/casework"
)

// Rules on OC2, the outcomes of children looked after continuously for 12
// months at 31 March: which children have a row (the cohort worked out
// from Episodes, lookedAfterYear), the SDQ by age, convictions from 10,
// the health promotion check under 5, substance misuse and its
// interventions. Ages are read from the OC2 row's DOB, as the DfE's
// validator reads them.
var oc2Rules = []Rule{
	{Code: "157", Message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
		check: oc2Row(func(x *Context, row *Row, cla bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && cla && !birthday(dob, 4).After(x.Year.Start()) && !birthday(dob, 16).Before(x.Year.End()) &&
				row.Get("SDQ_SCORE") == "" && row.Get("SDQ_REASON") == "SDQ1", "SDQ_REASON")
		})},
	{Code: "158", Message: "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("INTERVENTION_RECEIVED") == "1" && row.Get("INTERVENTION_OFFERED") != "", "INTERVENTION_OFFERED")
		})},
	{Code: "159", Message: "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("SUBSTANCE_MISUSE") == "1" && row.Get("INTERVENTION_RECEIVED") == "0" &&
				row.Get("INTERVENTION_OFFERED") == "", "INTERVENTION_OFFERED")
		})},
	{Code: "182", Message: "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			if firstFilled(row, "CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED") == "" {
				return ""
			}
			return firstBlank(row, oc2Required...)
		})},
	{Code: "185", Message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
		check: oc2Row(func(_ *Context, row *Row, cla bool) string {
			return when(!cla && row.Get("SDQ_SCORE") != "", "SDQ_SCORE")
		})},
	{Code: "186", Message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
		check: oc2Row(func(x *Context, row *Row, cla bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && cla && !birthday(dob, 4).After(x.Year.Start()) && birthday(dob, 17).After(x.Year.End()) &&
				firstFilled(row, "SDQ_SCORE", "SDQ_REASON") == "", "SDQ_SCORE")
		})},
	{Code: "188", Message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.",
		check: oc2Row(func(x *Context, row *Row, _ bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && birthday(dob, 4).After(x.Year.End()), firstFilled(row, "SDQ_SCORE", "SDQ_REASON"))
		})},
	{Code: "189", Message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		check: oc2Row(func(x *Context, row *Row, _ bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && !birthday(dob, 17).After(x.Year.Start()), firstFilled(row, "SDQ_SCORE", "SDQ_REASON"))
		})},
	{Code: "190", Message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
		check: oc2Row(func(_ *Context, row *Row, cla bool) string {
			return when(!cla, firstFilled(row, "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
				"SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"))
		})},
	{Code: "191", Message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
		check: oc2Missing},
	{Code: "192", Message: "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("SUBSTANCE_MISUSE") == "1" && row.Get("INTERVENTION_RECEIVED") == "", "INTERVENTION_RECEIVED")
		})},
	{Code: "193", Message: "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("SUBSTANCE_MISUSE") != "1", firstFilled(row, "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"))
		})},
	{Code: "197a", Message: "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("SDQ_SCORE") != "" && row.Get("SDQ_REASON") != "", "SDQ_REASON")
		})},
	// 197B asks an answer of a child whose 17th birthday is 1 April, whom
	// 189 forbids one (17 on the first day of the year): the validator's
	// two rules contradict each other there, and here 189 is kept, so a
	// child born on 1 April fails neither.
	{Code: "197B", Message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
		check: oc2Row(func(x *Context, row *Row, cla bool) string {
			dob, ok := dateIn(row, "DOB")
			seventeen := birthday(dob, 17)
			return when(ok && cla && (inYear(birthday(dob, 4), x.Year) || (inYear(seventeen, x.Year) && seventeen.After(x.Year.Start()))) &&
				firstFilled(row, "SDQ_SCORE", "SDQ_REASON") == "", "SDQ_REASON")
		})},
	{Code: "198", Message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		check: oc2Row(func(_ *Context, row *Row, cla bool) string {
			return when(!cla && row.Get("SDQ_REASON") != "", "SDQ_REASON")
		})},
	{Code: "542", Message: "A child aged under 10 at 31 March should not have conviction information completed.",
		check: oc2Row(func(x *Context, row *Row, _ bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && birthday(dob, 10).After(x.Year.End()) && row.Get("CONVICTED") != "", "CONVICTED")
		})},
	{Code: "543", Message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
		check: oc2Row(func(x *Context, row *Row, cla bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && cla && !birthday(dob, 10).After(x.Year.End()) && row.Get("CONVICTED") == "", "CONVICTED")
		})},
	{Code: "544", Message: "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("CONVICTED") != "", firstBlank(row, oc2Required...))
		})},
	{Code: "545", Message: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
		check: oc2Row(func(x *Context, row *Row, cla bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && cla && birthday(dob, 5).After(x.Year.End()) && row.Get("HEALTH_CHECK") == "", "HEALTH_CHECK")
		})},
	{Code: "546", Message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
		check: oc2Row(func(x *Context, row *Row, _ bool) string {
			dob, ok := dateIn(row, "DOB")
			return when(ok && !birthday(dob, 5).After(x.Year.End()) && row.Get("HEALTH_CHECK") != "", "HEALTH_CHECK")
		})},
	{Code: "547", Message: "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
		check: oc2Row(func(_ *Context, row *Row, _ bool) string {
			return when(row.Get("HEALTH_CHECK") != "", firstBlank(row, oc2Required...))
		})},
}

// oc2Required are the OC2 items every child of the cohort has (rules 182,
// 191, 544, 547).
var oc2Required = []string{"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"}

// oc2Row is a rule on single OC2 rows: bad is the field that breaks it,
// "" when the row keeps it, given whether the child was looked after for
// the year (lookedAfterYear).
func oc2Row(bad func(x *Context, row *Row, cla bool) string) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		cla := lookedAfterYear(x, r)
		var hits []Hit
		for _, row := range r.Files[OC2] {
			if f := bad(x, row, cla[row.Get("CHILD")]); f != "" {
				hits = append(hits, Hit{File: OC2, Row: row, Field: f})
			}
		}
		return hits
	}
}

// oc2Missing is rule 191: a child of the cohort with an OC2 item blank, or
// with no OC2 row at all (named on the child's first episode).
func oc2Missing(x *Context, r *Return) []Hit {
	hits := oc2Row(func(_ *Context, row *Row, cla bool) string { return when(cla, firstBlank(row, oc2Required...)) })(x, r)
	oc2 := children(r, OC2)
	for child := range lookedAfterYear(x, r) {
		if eps := byChild(r, Episodes, "DECOM")[child]; !oc2[child] && len(eps) > 0 {
			hits = append(hits, Hit{File: Episodes, Row: eps[0], Field: "CHILD"})
		}
	}
	return hits
}

// lookedAfterYear are the children looked after continuously for the 12
// months to 31 March, as Episodes shows them (the DfE's validator's
// reading): an episode in the year, and none that begins care after 1
// April (RNE S), ends it in the year (a REC other than X1) or is a short
// break (V3, V4). An end on 31 March ends it too, as the export's cohort
// has it (the validator lets a child who left care that day stay in). During
// Validate it is worked out once.
func lookedAfterYear(x *Context, r *Return) map[string]bool {
	const key = " looked after for the year"
	if out, ok := r.children[key]; ok {
		return out
	}
	in, not := map[string]bool{}, map[string]bool{}
	for _, row := range r.Files[Episodes] {
		child := row.Get("CHILD")
		start, ok := dateIn(row, "DECOM")
		end, ended := dateIn(row, "DEC")
		if !ok || start.After(x.Year.End()) || (ended && end.Before(x.Year.Start())) {
			continue
		}
		in[child] = true
		rec := row.Get("REC")
		if (row.Get("RNE") == "S" && start.After(x.Year.Start())) || (ended && rec != "" && rec != "X1" && !end.After(x.Year.End())) || shortBreak(row) {
			not[child] = true
		}
	}
	out := map[string]bool{}
	for child := range in {
		if !not[child] {
			out[child] = true
		}
	}
	if r.children != nil { // during Validate
		r.children[key] = out
	}
	return out
}

// when is field when bad, else "".
func when(bad bool, field string) string {
	if bad {
		return field
	}
	return ""
}

// firstFilled is the first of cols the row fills, "" when none.
func firstFilled(row *Row, cols ...string) string {
	for _, c := range cols {
		if row.Get(c) != "" {
			return c
		}
	}
	return ""
}

// firstBlank is the first of cols the row leaves blank, "" when none.
func firstBlank(row *Row, cols ...string) string {
	for _, c := range cols {
		if row.Get(c) == "" {
			return c
		}
	}
	return ""
}

// birthday is the day the child born on dob turns age.
func birthday(dob time.Time, age int) time.Time { return casework.BirthdayOn(dob, age) }
