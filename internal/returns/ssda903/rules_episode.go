package ssda903

// Rules on single episodes.
var episodeRules = []Rule{
	{Code: "144", Message: "The legal status code is not a valid code.", check: notIn(Episodes, "LS", lsCodes)},
	{Code: "145", Message: "Category of need code is not a valid code.", check: notIn(Episodes, "CIN", cinCodes)},
	{Code: "146", Message: "Placement type code is not a valid code.", check: notIn(Episodes, "PLACE", placeCodes)},
	{Code: "147", Message: "Date episode ceased is not a valid date.", check: badDate(Episodes, "DEC", true)},
	{Code: "148", Message: "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
		check: eachRow(Episodes, "DEC", func(_ *Context, row *Row) bool { return (row.Get("DEC") == "") != (row.Get("REC") == "") })},
	{Code: "149", Message: "Reason episode ceased code is not valid.", check: filledNotIn(Episodes, "REC", recCodes)},
	{Code: "178", Message: "Placement provider code is not a valid code.", check: filledNotIn(Episodes, "PLACE_PROVIDER", providerCodes)},
	{Code: "213", Message: "Placement provider information not required.", check: eachRow(Episodes, "PLACE_PROVIDER",
		func(_ *Context, row *Row) bool {
			return row.Get("PLACE_PROVIDER") != "" && noProvider(row.Get("PLACE"))
		})},
	{Code: "526", Message: "Child is missing a placement provider code for at least one episode.", check: eachRow(Episodes, "PLACE_PROVIDER",
		func(_ *Context, row *Row) bool {
			return row.Get("PLACE_PROVIDER") == "" && in(placeCodes, row.Get("PLACE")) && !noProvider(row.Get("PLACE"))
		})},
	{Code: "527", Message: "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
		check: providerWith("PR1", "P1", "R2", "R5")},
	{Code: "528", Message: "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
		check: providerWith("PR2", "P1", "R2", "R5")},
	{Code: "529", Message: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by 'other public organisations'.",
		check: providerWith("PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6")},
	{Code: "530", Message: "A placement provider code of PR4 cannot be associated with placement P1.", check: providerWith("PR4", "P1")},
	{Code: "531", Message: "A placement provider code of PR5 cannot be associated with placements P1.", check: providerWith("PR5", "P1")},
	{Code: "550", Message: "A placement provider code of PR0 can only be associated with placement P1.", check: eachRow(Episodes, "PLACE_PROVIDER",
		func(_ *Context, row *Row) bool { return row.Get("PLACE_PROVIDER") == "PR0" && row.Get("PLACE") != "P1" })},
	{Code: "226", Message: "Reason for placement change is not required for temporary placements.", check: eachRow(Episodes, "REASON_PLACE_CHANGE",
		func(_ *Context, row *Row) bool {
			return row.Get("REASON_PLACE_CHANGE") != "" && in(temporaryPlaces, row.Get("PLACE"))
		})},
	{Code: "233", Message: "Reason for placement change is not required when the episode has not ceased.", check: eachRow(Episodes, "REASON_PLACE_CHANGE",
		func(_ *Context, row *Row) bool { return row.Get("REASON_PLACE_CHANGE") != "" && row.Get("DEC") == "" })},
	{Code: "354", Message: "Date episode ceased must be on or before the end of the current collection year.", check: eachRow(Episodes, "DEC",
		func(x *Context, row *Row) bool { d, ok := dateIn(row, "DEC"); return ok && d.After(x.Year.End()) })},
	{Code: "355", Message: "Episode appears to have lasted for less than 24 hours", check: eachRow(Episodes, "DEC",
		func(_ *Context, row *Row) bool {
			s, ok1 := dateIn(row, "DECOM")
			e, ok2 := dateIn(row, "DEC")
			return ok1 && ok2 && !e.After(s)
		})},
	{Code: "361", Message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
		check: episodeLonger("LS", "L1", 3)},
	{Code: "362", Message: "Emergency protection order (EPO) lasted longer than 21 days", check: episodeLonger("LS", "L2", 21)},
	{Code: "363", Message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
		check: episodeLonger("LS", "L3", 7)},
	{Code: "352", Message: "Child who started to be looked after was aged 18 or over.", check: ageAtStart("DECOM", func(row *Row, age int) bool {
		return row.Get("RNE") == "S" && age >= 18
	})},
	{Code: "358", Message: "Child with this legal status should not be under 10.", check: ageAtStart("LS", func(row *Row, age int) bool {
		return in([]string{"J1", "J2", "J3"}, row.Get("LS")) && age < 10
	})},
	{Code: "373", Message: "Child placed in a school should be at least 4 years old.", check: ageAtStart("PLACE", func(row *Row, age int) bool {
		return row.Get("PLACE") == "S1" && age < 4
	})},
}

// noProvider reports placements that have no provider (rule 213): the
// temporary ones and the Z placements.
func noProvider(place string) bool { return in(temporaryPlaces, place) || in(zPlaces, place) }

// providerWith: a provider code recorded with any of the placements.
func providerWith(provider string, places ...string) func(*Context, *Return) []Hit {
	return eachRow(Episodes, "PLACE_PROVIDER", func(_ *Context, row *Row) bool {
		return row.Get("PLACE_PROVIDER") == provider && in(places, row.Get("PLACE"))
	})
}

// episodeLonger: an episode whose column col holds code (a legal status
// in LS, a placement in PLACE) lasted more than days (an open one to the
// end of the year).
func episodeLonger(col, code string, days int) func(*Context, *Return) []Hit {
	return eachRow(Episodes, col, func(x *Context, row *Row) bool {
		if row.Get(col) != code {
			return false
		}
		s, ok := dateIn(row, "DECOM")
		if !ok {
			return false
		}
		e, ok := dateIn(row, "DEC")
		if !ok {
			e = x.Year.End()
		}
		return e.Sub(s).Hours() > float64(days*24)
	})
}

// ageAtStart: bad says whether an episode breaks the rule given the
// child's age when it started (children without a good DOB are skipped).
func ageAtStart(field string, bad func(row *Row, age int) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		born := dobs(r)
		return eachRow(Episodes, field, func(_ *Context, row *Row) bool {
			dob, ok := born[row.Get("CHILD")]
			start, ok2 := dateIn(row, "DECOM")
			return ok && ok2 && bad(row, ageOn(dob, start))
		})(x, r)
	}
}
