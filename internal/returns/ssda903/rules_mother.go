package ssda903

// Rules on motherhood (Header MOTHER and MC_DOB, the date of birth of
// the young person's first child). 165 is not here: the validator's
// version for 2025 to 2026 still reads SEX as 1 and 2.
var motherRules = []Rule{
	{Code: "393", Message: "Child is looked after but mother field is not completed.", check: func(x *Context, r *Return) []Hit {
		looked := map[string]bool{}
		for _, row := range r.Files[Episodes] {
			if !shortBreak(row) {
				looked[row.Get("CHILD")] = true
			}
		}
		return eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
			return row.Get("SEX") == "F" && row.Get("MOTHER") == "" && looked[row.Get("CHILD")]
		})(x, r)
	}},
	{Code: "607", Message: "Child ceased to be looked after in the year, but mother field has not been completed.",
		check: func(x *Context, r *Return) []Hit {
			ceased := map[string]bool{}
			for _, row := range r.Files[Episodes] {
				d, ok := dateIn(row, "DEC")
				rec := row.Get("REC")
				if ok && rec != "" && rec != "X1" && !shortBreak(row) && inYear(d, x.Year) {
					ceased[row.Get("CHILD")] = true
				}
			}
			return eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
				return row.Get("SEX") == "F" && row.Get("MOTHER") == "" && ceased[row.Get("CHILD")]
			})(x, r)
		}},
	{Code: "611", Message: "Date of birth field is blank, but child is a mother.",
		check: eachRow(Header, "MC_DOB", func(_ *Context, row *Row) bool { return row.Get("MOTHER") == "1" && row.Get("MC_DOB") == "" })},
	{Code: "612", Message: "Date of birth field has been completed but mother field indicates child is not a mother.",
		check: eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
			return (row.Get("MOTHER") == "0" || row.Get("MOTHER") == "") && row.Get("SEX") == "F" && row.Get("MC_DOB") != ""
		})},
	{Code: "620", Message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
		check: eachRow(Header, "DOB", func(x *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			return ok && row.Get("MOTHER") == "1" && dob.AddDate(11, 0, 0).After(x.Year.Start())
		})},
	{Code: "621", Message: "Mother's field has been completed but date of birth shows that the mother is younger than her child.",
		check: eachRow(Header, "MC_DOB", func(_ *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			child, ok2 := dateIn(row, "MC_DOB")
			return ok && ok2 && !child.After(dob)
		})},
	{Code: "625", Message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
		check: func(x *Context, r *Return) []Hit {
			lastEnd := map[string]*Row{}
			for child, rows := range byChild(r, Episodes, "DEC") {
				for _, row := range rows {
					if _, ok := dateIn(row, "DEC"); ok {
						lastEnd[child] = row
					}
				}
			}
			return eachRow(Header, "MC_DOB", func(x *Context, row *Row) bool {
				child, ok := dateIn(row, "MC_DOB")
				last, ended := lastEnd[row.Get("CHILD")]
				if !ok || !ended {
					return false
				}
				end, _ := dateIn(last, "DEC")
				return child.After(x.Year.End()) || child.After(end)
			})(x, r)
		}},
	{Code: "628", Message: "Motherhood details are not required for care leavers who have not been looked after during the year.",
		check: func(x *Context, r *Return) []Hit {
			eps := children(r, Episodes)
			leavers := map[string]bool{}
			for _, row := range r.Files[OC3] {
				leavers[row.Get("CHILD")] = leavers[row.Get("CHILD")] || hasLeaverInfo(row)
			}
			return eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
				return row.Get("MOTHER") != "" && leavers[row.Get("CHILD")] && !eps[row.Get("CHILD")]
			})(x, r)
		}},
}
