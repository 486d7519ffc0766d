package ssda903

import "slices"

// Rules on what an episode's RNE says changed against what did, on
// temporary placements, and on ages for placements and endings.
var careRules = []Rule{
	{Code: "431", Message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
		check: chain("RNE", func(prev, next *Row) bool { return next.Get("RNE") == "S" && prev.Get("DEC") == next.Get("DECOM") })},
	{Code: "432", Message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
		check: chain("RNE", func(prev, next *Row) bool {
			return prev.Get("REC") != "" && prev.Get("REC") != "X1" && in(rneCodes, next.Get("RNE")) && next.Get("RNE") != "S"
		})},
	{Code: "434", Message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
		check: chain("RNE", func(prev, next *Row) bool {
			return next.Get("RNE") == "L" && (prev.Get("LS") == next.Get("LS") || placementChanged(prev, next))
		})},
	{Code: "435", Message: "Reason for new episode is that child's placement has changed but not the legal status, but this is not reflected in the episode data recorded.",
		check: chain("RNE", func(prev, next *Row) bool {
			return in([]string{"P", "T"}, next.Get("RNE")) && (prev.Get("LS") != next.Get("LS") || !placementChanged(prev, next))
		})},
	{Code: "436", Message: "Reason for new episode is that both child's placement and legal status have changed, but this is not reflected in the episode data.",
		check: chain("RNE", func(prev, next *Row) bool {
			return in([]string{"B", "U"}, next.Get("RNE")) && (prev.Get("LS") == next.Get("LS") || !placementChanged(prev, next))
		})},
	{Code: "437", Message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
		check: chainPrev("REC", func(prev, _ *Row) bool { return in([]string{"E2", "E15"}, prev.Get("REC")) })},
	{Code: "380", Message: "A period of care cannot start with a temporary placement.", check: eachRow(Episodes, "PLACE",
		func(_ *Context, row *Row) bool { return row.Get("RNE") == "S" && in(temporaryPlaces, row.Get("PLACE")) })},
	{Code: "381", Message: "A period of care cannot end with a temporary placement.", check: eachRow(Episodes, "PLACE",
		func(_ *Context, row *Row) bool {
			rec := row.Get("REC")
			return rec != "" && rec != "X1" && in(temporaryPlaces, row.Get("PLACE"))
		})},
	{Code: "375", Message: "Hospitalisation coded as a temporary placement exceeds six weeks.", check: episodeLonger("PLACE", "T1", 42)},
	{Code: "376", Message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
		check: episodeLonger("PLACE", "T3", 21)},
	{Code: "379", Message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.", check: episodeLonger("PLACE", "T4", 7)},
	{Code: "378", Message: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
		check: eachRow(Episodes, "LS", func(_ *Context, row *Row) bool { return row.Get("PLACE") == "P1" && row.Get("LS") == "V2" })},
	{Code: "371", Message: "Child in supported accomodation not subject to children's homes regulations should be at least 16.",
		check: ageAtStart("PLACE", func(row *Row, age int) bool { return row.Get("PLACE") == "K3" && age < 16 })},
	{Code: "372", Message: "Child in youth custody or prison should be at least 10.",
		check: ageAtStart("PLACE", func(row *Row, age int) bool { return row.Get("PLACE") == "R5" && age < 10 })},
	{Code: "374", Message: "Child in residential employment should be at least 14 years old.",
		check: ageAtStart("PLACE", func(row *Row, age int) bool { return row.Get("PLACE") == "P3" && age < 14 })},
	{Code: "386", Message: "Reason episode ceased is adopted but child has reached age 18.", check: func(x *Context, r *Return) []Hit {
		born := dobs(r)
		return eachRow(Episodes, "REC", func(_ *Context, row *Row) bool {
			dob, ok := born[row.Get("CHILD")]
			end, ok2 := dateIn(row, "DEC")
			return ok && ok2 && in([]string{"E11", "E12"}, row.Get("REC")) && ageOn(dob, end) >= 18
		})(x, r)
	}},
	{Code: "440", Message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
		check: ageAtReview(func(code string, age int) bool { return code == "PN0" && age >= 4 })},
	{Code: "441", Message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
		check: ageAtReview(func(code string, age int) bool { return code != "PN0" && in(reviewCodes, code) && age < 4 })},
}

// placementCols are what an episode's placement is: a change in any of
// them is a change of placement.
var placementCols = []string{"PLACE", "PL_POST", "URN", "PLACE_PROVIDER"}

func placementChanged(prev, next *Row) bool {
	return slices.ContainsFunc(placementCols, func(c string) bool { return prev.Get(c) != next.Get(c) })
}

// ageAtReview: bad says whether a review breaks the rule given its
// participation code and the child's age on the day (from the row's DOB).
func ageAtReview(bad func(code string, age int) bool) func(*Context, *Return) []Hit {
	return eachRow(Reviews, "REVIEW_CODE", func(_ *Context, row *Row) bool {
		dob, ok := dateIn(row, "DOB")
		d, ok2 := dateIn(row, "REVIEW")
		return ok && ok2 && bad(row.Get("REVIEW_CODE"), ageOn(dob, d))
	})
}

// Rules on care leavers' OC3 rows and on missing periods.
var leaverMissingRules = []Rule{
	{Code: "344", Message: "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
		check: eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
			return in([]string{"DIED", "RHOM"}, row.Get("IN_TOUCH")) && (notZero(row.Get("ACTIV")) || notZero(row.Get("ACCOM")))
		})},
	{Code: "345", Message: "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
		check: eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
			return row.Get("IN_TOUCH") == "YES" && (row.Get("ACTIV") == "0" || row.Get("ACCOM") == "0")
		})},
	{Code: "564", Message: "Child was missing or away from placement without authorisation and the date started is blank.",
		check: eachRow(Missing, "MIS_START", func(_ *Context, row *Row) bool { return row.Get("MIS_START") == "" })},
	{Code: "565", Message: "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.",
		check: eachRow(Missing, "MISSING", func(_ *Context, row *Row) bool { return row.Get("MIS_START") != "" && row.Get("MISSING") == "" })},
	{Code: "567", Message: "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
		check: dateAfter(Missing, "MIS_START", "MIS_END")},
	{Code: "570", Message: "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
		check: eachRow(Missing, "MIS_START", func(x *Context, row *Row) bool { d, ok := dateIn(row, "MIS_START"); return ok && d.After(x.Year.End()) })},
	{Code: "571", Message: "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
		check: eachRow(Missing, "MIS_END", func(x *Context, row *Row) bool {
			d, ok := dateIn(row, "MIS_END")
			return ok && (d.Before(x.Year.Start()) || d.After(x.Year.End()))
		})},
	{Code: "586", Message: "Dates of missing periods are before child's date of birth.", check: eachRow(Missing, "MIS_START",
		func(_ *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			d, ok2 := dateIn(row, "MIS_START")
			return ok && ok2 && d.Before(dob)
		})},
	{Code: "1004", Message: "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
		check: badDate(Missing, "MIS_START", true)},
	{Code: "1005", Message: "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
		check: badDate(Missing, "MIS_END", true)},
	{Code: "1006", Message: "Missing type invalid.", check: filledNotIn(Missing, "MISSING", missingCodes)},
	{Code: "577", Message: "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
		check: func(_ *Context, r *Return) []Hit {
			eps := byChild(r, Episodes, "DECOM")
			return eachRow(Missing, "MIS_END", func(_ *Context, row *Row) bool {
				rows := eps[row.Get("CHILD")]
				if row.Get("MIS_START") == "" || row.Get("MIS_END") != "" || len(rows) == 0 {
					return false
				}
				last := rows[len(rows)-1]
				return last.Get("DEC") != "" && last.Get("REC") != "X1"
			})(nil, r)
		}},
}

func notZero(v string) bool { return v != "" && v != "0" }
