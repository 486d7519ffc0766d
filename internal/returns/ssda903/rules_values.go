package ssda903

import (
	"strconv"
	"time"
)

// Rules on single values: codes and dates the reader may have let through
// (a return read from another system keeps its rows), and dates that
// cannot be.
var valueRules = []Rule{
	{Code: "141", Message: "Date episode began is not a valid date.", check: badDate(Episodes, "DECOM", false)},
	{Code: "143", Message: "The reason for new episode code is not a valid code.", check: notIn(Episodes, "RNE", rneCodes)},
	{Code: "1009", Message: "Reason for placement change is not a valid code.",
		check: filledNotIn(Episodes, "REASON_PLACE_CHANGE", placeChangeCodes)},
	{Code: "114", Message: "Data entry to record the status of former carer(s) of an adopted child is invalid.",
		check: filledNotIn(AD1, "FOSTER_CARE", flagCodes)},
	{Code: "175", Message: "The number of adopter(s) code is not a valid code.", check: filledNotIn(AD1, "NB_ADOPTR", []string{"1", "2"})},
	{Code: "176", Message: "The gender of adopter(s) at the date of adoption code is not a valid code.",
		check: filledNotIn(AD1, "SEX_ADOPTR", sexAdoptrCodes)},
	{Code: "177", Message: "The legal status of adopter(s) code is not a valid code.", check: filledNotIn(AD1, "LS_ADOPTR", lsAdoptrCodes)},
	{Code: "631", Message: "Previous permanence option not a valid value.", check: filledNotIn(PrevPerm, "PREV_PERM", prevPermCodes)},
	{Code: "196", Message: "Strengths and Difficulties (SDQ) reason is not a valid code.", check: filledNotIn(OC2, "SDQ_REASON", sdqReasonCodes)},
	{Code: "180", Message: "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
		check: eachRow(OC2, "SDQ_SCORE", func(_ *Context, row *Row) bool {
			v := row.Get("SDQ_SCORE")
			n, err := strconv.Atoi(v)
			return v != "" && (err != nil || n < 0 || n > 40)
		})},
	{Code: "181", Message: "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
		check: eachRow(OC2, "HEALTH_ASSESSMENT", func(_ *Context, row *Row) bool {
			for _, c := range []string{"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
				"SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"} {
				if v := row.Get(c); v != "" && !in(flagCodes, v) {
					return true
				}
			}
			return false
		})},
	{Code: "171", Message: "Date of birth of mother's child is not a valid date.", check: badDate(Header, "MC_DOB", true)},
	{Code: "174", Message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
		check: eachRow(Header, "MC_DOB", func(_ *Context, row *Row) bool { return row.Get("MC_DOB") != "" && row.Get("SEX") == "M" })},
	{Code: "301", Message: "Date of birth falls after the year ended.", check: eachRow(Header, "DOB", func(x *Context, row *Row) bool {
		d, ok := dateIn(row, "DOB")
		return ok && d.After(x.Year.End())
	})},
	{Code: "351", Message: "Child was over 25 at the start of the current collection year.", check: eachRow(Header, "DOB",
		func(x *Context, row *Row) bool {
			d, ok := dateIn(row, "DOB")
			return ok && ageOn(d, x.Year.Start()) > 25
		})},
	{Code: "353", Message: "No episode submitted can start before 14 October 1991.", check: eachRow(Episodes, "DECOM",
		func(_ *Context, row *Row) bool {
			d, ok := dateIn(row, "DECOM")
			return ok && d.Before(time.Date(1991, time.October, 14, 0, 0, 0, 0, time.UTC))
		})},
	{Code: "356", Message: "The date the episode ceased is before the date the same episode started.", check: eachRow(Episodes, "DECOM",
		func(_ *Context, row *Row) bool {
			s, ok1 := dateIn(row, "DECOM")
			e, ok2 := dateIn(row, "DEC")
			return ok1 && ok2 && e.Before(s)
		})},
	{Code: "302", Message: "First episode starts before child was born.", check: func(x *Context, r *Return) []Hit {
		born := dobs(r)
		var hits []Hit
		for child, rows := range byChild(r, Episodes, "DECOM") {
			dob, ok := born[child]
			start, ok2 := dateIn(rows[0], "DECOM")
			if ok && ok2 && start.Before(dob) {
				hits = append(hits, Hit{File: Episodes, Row: rows[0], Field: "DECOM"})
			}
		}
		return hits
	}},
	{Code: "333", Message: "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
		check: dateAfter(AD1, "DATE_INT", "DATE_MATCH")},
	{Code: "522", Message: "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
		check: dateAfter(PlacedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED")},
}

// dateAfter: the date in field first is after the date in field then.
func dateAfter(file, first, then string) func(*Context, *Return) []Hit {
	return eachRow(file, first, func(_ *Context, row *Row) bool {
		a, ok1 := dateIn(row, first)
		b, ok2 := dateIn(row, then)
		return ok1 && ok2 && a.After(b)
	})
}

// Rules on the adopters of AD1: their number, sexes and legal status
// agree.
var adopterRules = []Rule{
	{Code: "511", Message: "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
		check: adopters("NB_ADOPTR", func(row *Row) bool {
			return row.Get("NB_ADOPTR") == "2" && row.Get("SEX_ADOPTR") != "" && !in(couples, row.Get("SEX_ADOPTR"))
		})},
	{Code: "514", Message: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
		check: adopters("LS_ADOPTR", func(row *Row) bool {
			return row.Get("LS_ADOPTR") == "L0" && (row.Get("NB_ADOPTR") == "2" || in(couples, row.Get("SEX_ADOPTR")))
		})},
	{Code: "517", Message: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
		check: adopters("SEX_ADOPTR", func(row *Row) bool { return row.Get("LS_ADOPTR") == "L3" && row.Get("SEX_ADOPTR") != "MF" })},
	{Code: "518", Message: "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
		check: adopters("SEX_ADOPTR", func(row *Row) bool {
			return row.Get("LS_ADOPTR") == "L4" && !in(sameSex, row.Get("SEX_ADOPTR"))
		})},
	{Code: "520", Message: "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
		check: adopters("SEX_ADOPTR", func(row *Row) bool { return row.Get("LS_ADOPTR") == "L11" && in(sameSex, row.Get("SEX_ADOPTR")) })},
	{Code: "524", Message: "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females",
		check: adopters("SEX_ADOPTR", func(row *Row) bool {
			return row.Get("LS_ADOPTR") == "L12" && !in(sameSex, row.Get("SEX_ADOPTR"))
		})},
}

var (
	couples = []string{"MM", "FF", "MF"}
	sameSex = []string{"MM", "FF"}
)

func adopters(field string, bad func(row *Row) bool) func(*Context, *Return) []Hit {
	return eachRow(AD1, field, func(_ *Context, row *Row) bool { return bad(row) })
}
