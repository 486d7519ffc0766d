package ssda903

import "time"

// Rules across files: adoption in Episodes against AD1 and
// PlacedAdoption, care leavers, and UPNs against the child's age and care.
var crossRules = []Rule{
	{Code: "217", Message: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
		check: eachRow(Episodes, "RNE", func(_ *Context, row *Row) bool {
			return in([]string{"A3", "A5"}, row.Get("PLACE")) && in(rneCodes, row.Get("RNE")) && !in([]string{"S", "T", "U"}, row.Get("RNE"))
		})},
	{Code: "390", Message: "Reason episode ceased is adopted but child has not been previously placed for adoption.",
		check: eachRow(Episodes, "REC", func(_ *Context, row *Row) bool {
			return adopted(row) && !in(adoptionPlaces, row.Get("PLACE"))
		})},
	{Code: "601", Message: "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
		check: func(x *Context, r *Return) []Hit {
			ad1 := withAdoptionData(r)
			return eachRow(Episodes, "REC", func(x *Context, row *Row) bool {
				d, ok := dateIn(row, "DEC")
				return ok && adopted(row) && inYear(d, x.Year) && !ad1[row.Get("CHILD")]
			})(x, r)
		}},
	{Code: "602", Message: "The episode data submitted for this child does not show that he/she was adopted during the year.",
		check: func(x *Context, r *Return) []Hit {
			adoptedInYear := map[string]bool{}
			for _, row := range r.Files[Episodes] {
				if d, ok := dateIn(row, "DEC"); ok && adopted(row) && inYear(d, x.Year) {
					adoptedInYear[row.Get("CHILD")] = true
				}
			}
			return eachRow(AD1, "CHILD", func(_ *Context, row *Row) bool {
				return hasAdoptionData(row) && !adoptedInYear[row.Get("CHILD")]
			})(x, r)
		}},
	{Code: "525", Message: "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
		check: func(x *Context, r *Return) []Hit {
			ad1 := withAdoptionData(r)
			return eachRow(PlacedAdoption, "DATE_PLACED_CEASED", func(_ *Context, row *Row) bool {
				return row.Get("DATE_PLACED_CEASED") != "" && ad1[row.Get("CHILD")]
			})(x, r)
		}},
	{Code: "134", Message: "Data on adoption should not be entered for the OC3 cohort.", check: func(x *Context, r *Return) []Hit {
		leavers := map[string]bool{}
		for _, row := range r.Files[OC3] {
			leavers[row.Get("CHILD")] = true
		}
		return eachRow(AD1, "CHILD", func(_ *Context, row *Row) bool { return hasAdoptionData(row) && leavers[row.Get("CHILD")] })(x, r)
	}},
	{Code: "3001", Message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
		check: eachRow(OC3, "ACCOM", func(x *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			accom := row.Get("ACCOM")
			return ok && len(accom) > 0 && accom[0] == 'Z' && inYear(dob.AddDate(17, 0, 0), x.Year)
		})},
	{Code: "234", Message: "A child aged under 10 can not change placement due to being admitted to custody",
		check: func(x *Context, r *Return) []Hit {
			born := dobs(r)
			return eachRow(Episodes, "REASON_PLACE_CHANGE", func(_ *Context, row *Row) bool {
				dob, ok := born[row.Get("CHILD")]
				end, ok2 := dateIn(row, "DEC")
				return ok && ok2 && row.Get("REASON_PLACE_CHANGE") == "CUSTOD" && ageOn(dob, end) < 10
			})(x, r)
		}},
	{Code: "444", Message: "Duplicate UPN has been reported", check: func(x *Context, r *Return) []Hit {
		count := map[string]int{}
		for _, row := range r.Files[Header] {
			count[row.Get("UPN")]++
		}
		return eachRow(Header, "UPN", func(_ *Context, row *Row) bool {
			upn := row.Get("UPN")
			return len(upn) == 13 && count[upn] > 1
		})(x, r)
	}},
	{Code: "209", Message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
		check: eachRow(Header, "UPN", func(x *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			// Four by 31 August of the calendar year before the year starts.
			ref := time.Date(x.Year.Start().Year()-1, time.August, 31, 0, 0, 0, 0, time.UTC)
			return ok && row.Get("UPN") == "UN1" && !dob.AddDate(4, 0, 0).After(ref)
		})},
	{Code: "210", Message: "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
		check: func(x *Context, r *Return) []Hit {
			weekBefore := x.Year.End().AddDate(0, 0, -7)
			long := map[string]bool{}
			for child, rows := range byChild(r, Episodes, "DECOM") {
				if start, open := periodAtEnd(rows); open && !start.After(weekBefore) {
					long[child] = true
				}
			}
			return eachRow(Header, "UPN", func(_ *Context, row *Row) bool { return row.Get("UPN") == "UN4" && long[row.Get("CHILD")] })(x, r)
		}},
}

// adopted: the episode ended in an adoption (REC E11 or E12).
func adopted(row *Row) bool { return in([]string{"E11", "E12"}, row.Get("REC")) }

// adoptionFields are AD1's items about the adoption.
var adoptionFields = []string{"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}

func hasAdoptionData(row *Row) bool {
	for _, f := range adoptionFields {
		if row.Get(f) != "" {
			return true
		}
	}
	return false
}

// withAdoptionData are the children with an AD1 row that says something.
func withAdoptionData(r *Return) map[string]bool {
	out := map[string]bool{}
	for _, row := range r.Files[AD1] {
		if hasAdoptionData(row) {
			out[row.Get("CHILD")] = true
		}
	}
	return out
}

// periodAtEnd is the start of the period of care a child's episodes (in
// DECOM order) leave open, and whether they leave one open.
func periodAtEnd(rows []*Row) (time.Time, bool) {
	var start time.Time
	for i, row := range rows {
		if d, ok := dateIn(row, "DECOM"); ok && (i == 0 || rows[i-1].Get("REC") != "X1") {
			start = d
		}
	}
	return start, len(rows) > 0 && rows[len(rows)-1].Get("DEC") == ""
}
