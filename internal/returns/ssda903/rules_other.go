package ssda903

import "sightline/internal/casework"

// Rules on reviews, OC3, adoption, previous permanence and missing.
var otherRules = []Rule{
	{Code: "113", Message: "Date matching child and adopter(s) is not a valid date.", check: badDate(AD1, "DATE_MATCH", true)},
	{Code: "112", Message: "Date should be placed for adoption is not a valid date.", check: badDate(AD1, "DATE_INT", true)},
	{Code: "151", Message: "All data items relating to a childs adoption must be coded or left blank.",
		check: allOrNone(AD1, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")},
	{Code: "115", Message: "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
		check: badDate(PlacedAdoption, "DATE_PLACED", false)},
	{Code: "116", Message: "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.",
		check: badDate(PlacedAdoption, "DATE_PLACED_CEASED", true)},
	{Code: "119", Message: "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
		check: eachRow(PlacedAdoption, "REASON_PLACED_CEASED", func(_ *Context, row *Row) bool {
			return (row.Get("DATE_PLACED_CEASED") == "") != (row.Get("REASON_PLACED_CEASED") == "")
		})},
	{Code: "120", Message: "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
		check: filledNotIn(PlacedAdoption, "REASON_PLACED_CEASED", reasonCeasedCode)},
	{Code: "184", Message: "Date of decision that a child should be placed for adoption is before the child was born.",
		check: func(x *Context, r *Return) []Hit {
			born := dobs(r)
			return eachRow(PlacedAdoption, "DATE_PLACED", func(_ *Context, row *Row) bool {
				dob, ok := born[row.Get("CHILD")]
				d, ok2 := dateIn(row, "DATE_PLACED")
				return ok && ok2 && d.Before(dob)
			})(x, r)
		}},
	{Code: "131", Message: "Data entry for being in touch after leaving care is invalid.", check: notIn(OC3, "IN_TOUCH", inTouchCodes)},
	{Code: "132", Message: "Data entry for activity after leaving care is invalid.", check: filledNotIn(OC3, "ACTIV", activCodes)},
	{Code: "133", Message: "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
		check: filledNotIn(OC3, "ACCOM", accomCodes)},
	{Code: "153", Message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
		check: allOrNone(OC3, "IN_TOUCH", "ACTIV", "ACCOM")},
	{Code: "391", Message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
		check: eachRow(OC3, "DOB", func(x *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			if !ok {
				return false
			}
			// A birthday on 1 April is in the year: comparing the ages on
			// the first and last days would miss it.
			for age := 17; age <= 21; age++ {
				if inYear(casework.BirthdayOn(dob, age), x.Year) {
					return false
				}
			}
			return true
		})},
	{Code: "566", Message: "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
		check: eachRow(Missing, "MISSING", func(_ *Context, row *Row) bool { return row.Get("MIS_END") != "" && row.Get("MISSING") == "" })},
	{Code: "633", Message: "Local authority code where previous permanence option was arranged is not a valid value.",
		check: eachRow(PrevPerm, "LA_PERM", func(_ *Context, row *Row) bool {
			v := row.Get("LA_PERM")
			return v != "" && !in([]string{"WAL", "SCO", "NUK", "NIR"}, v) && !isDigits(v, 3)
		})},
	{Code: "SW02STG1", Message: "Social worker ID does not begin with the characters 'SW' or 'XX'.",
		check: eachRow(SWEpisodes, "SW_ID", func(_ *Context, row *Row) bool {
			id := row.Get("SW_ID")
			return len(id) < 2 || (id[:2] != "SW" && id[:2] != "XX")
		})},
}

// allOrNone: some of the fields are filled and some blank.
func allOrNone(file string, fields ...string) func(*Context, *Return) []Hit {
	return eachRow(file, fields[0], func(_ *Context, row *Row) bool {
		filled := 0
		for _, f := range fields {
			if row.Get(f) != "" {
				filled++
			}
		}
		return filled > 0 && filled < len(fields)
	})
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
