package ssda903

import "time"

// Rules on motherhood (Header MOTHER and MC_DOB, the date of birth of
// the young person's first child). 165 reads SEX as M and F, the codes of
// 2025 to 2026 (the validator's version still reads 1 and 2, so that it
// finds only a MOTHER not 0 or 1 there). 207, 624 and 626 compare with
// last year's Header (Context.Previous): without it they find nothing.
var motherRules = []Rule{
	{Code: "165", Message: "Data entry for mother status is invalid.", check: motherStatusInvalid},
	{Code: "207", Message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
		check: func(x *Context, r *Return) []Hit {
			last, eps := lastYears(x, Header), children(r, Episodes)
			return eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
				before, ok := last[row.Get("CHILD")]
				return ok && eps[row.Get("CHILD")] && before.Get("MOTHER") == "1" && row.Get("MOTHER") != "1"
			})(x, r)
		}},
	{Code: "624", Message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
		check: func(x *Context, r *Return) []Hit {
			last := lastYears(x, Header)
			return eachRow(Header, "MC_DOB", func(_ *Context, row *Row) bool {
				before, ok := last[row.Get("CHILD")]
				return ok && before.Get("MC_DOB") != "" && row.Get("MC_DOB") != "" && before.Get("MC_DOB") != row.Get("MC_DOB")
			})(x, r)
		}},
	{Code: "626", Message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
		check: func(x *Context, r *Return) []Hit {
			last := lastYears(x, Header)
			return eachRow(Header, "MC_DOB", func(x *Context, row *Row) bool {
				before, ok := last[row.Get("CHILD")]
				born, dated := dateIn(row, "MC_DOB")
				return ok && dated && row.Get("MOTHER") == "1" && before.Get("MOTHER") == "0" && born.Before(x.Year.Start())
			})(x, r)
		}},
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
			ceased := map[string]time.Time{}
			for child, rows := range byChild(r, Episodes, "DECOM") {
				last := rows[len(rows)-1]
				if end, ok := dateIn(last, "DEC"); ok && last.Get("REC") != "X1" {
					ceased[child] = end
				}
			}
			return eachRow(Header, "MC_DOB", func(x *Context, row *Row) bool {
				born, ok := dateIn(row, "MC_DOB")
				end, left := ceased[row.Get("CHILD")]
				return ok && (born.After(x.Year.End()) || (left && born.After(end)))
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

// motherStatusInvalid (165): MOTHER is not 0 or 1, or given for a boy;
// blank for a girl with an episode in the year other than a short break;
// or given for a girl with none but care leaver information (OC3).
func motherStatusInvalid(x *Context, r *Return) []Hit {
	looked := map[string]bool{}
	for _, row := range r.Files[Episodes] {
		start, ok := dateIn(row, "DECOM")
		end, ended := dateIn(row, "DEC")
		if ok && !shortBreak(row) && !start.After(x.Year.End()) && (!ended || !end.Before(x.Year.Start())) {
			looked[row.Get("CHILD")] = true
		}
	}
	leavers := map[string]bool{}
	for _, row := range r.Files[OC3] {
		leavers[row.Get("CHILD")] = leavers[row.Get("CHILD")] || hasLeaverInfo(row)
	}
	return eachRow(Header, "MOTHER", func(_ *Context, row *Row) bool {
		m, child, girl := row.Get("MOTHER"), row.Get("CHILD"), row.Get("SEX") == "F"
		switch {
		case m != "" && !in(flagCodes, m), m != "" && row.Get("SEX") == "M":
			return true
		case girl && m == "":
			return looked[child]
		case girl:
			return !looked[child] && leavers[child]
		}
		return false
	})(x, r)
}
