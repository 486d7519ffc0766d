package ssda903

import "time"

// Rules on episodes: how a care ends against the child's age, legal
// statuses and temporary placements over time, and short breaks (V3, V4)
// with items they do not need; and the child's sex and UPN.
var moreRules = []Rule{
	{Code: "232", Query: true, Message: "Sex of the child/young person has been reported as unknown.",
		check: eachRow(Header, "SEX", func(_ *Context, row *Row) bool { return row.Get("SEX") == "U" })},
	{Code: "442", Message: "Unique Pupil Number (UPN) field is not completed.", check: func(x *Context, r *Return) []Hit {
		needs := map[string]bool{}
		for _, row := range r.Files[Episodes] {
			if !shortBreak(row) {
				needs[row.Get("CHILD")] = true
			}
		}
		return eachRow(Header, "UPN", func(_ *Context, row *Row) bool { return needs[row.Get("CHILD")] && row.Get("UPN") == "" })(x, r)
	}},
	{Code: "385", Message: "Date episode ceased must be on or before the end of the current collection year.",
		check: eachRow(Episodes, "DEC", func(x *Context, row *Row) bool { d, ok := dateIn(row, "DEC"); return ok && d.After(x.Year.End()) })},
	{Code: "446", Message: "E1 is not a valid code for episodes starting before December 2005.",
		check: eachRow(Episodes, "LS", func(_ *Context, row *Row) bool {
			d, ok := dateIn(row, "DECOM")
			return ok && row.Get("LS") == "E1" && d.Before(time.Date(2005, time.December, 1, 0, 0, 0, 0, time.UTC))
		})},
	{Code: "387", Message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
		check: endedAged([]string{"E5", "E6"}, func(dob, end time.Time) bool { return end.Before(dob.AddDate(14, 0, 0)) })},
	{Code: "389", Message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
		check: endedAged([]string{"E7"}, func(dob, end time.Time) bool { return end.Before(dob.AddDate(16, 0, 0)) })},
	{Code: "407", Message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
		check: endedAged([]string{"E45", "E46", "E47", "E48"}, func(dob, end time.Time) bool { return end.After(dob.AddDate(18, 0, 0)) })},
	{Code: "460", Message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
		check: endedAged([]string{"E17"}, func(dob, end time.Time) bool { return end.Before(dob.AddDate(18, 0, 0)) })},
	{Code: "359", Message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
		check: func(x *Context, r *Return) []Hit {
			born := dobs(r)
			return eachRow(Episodes, "LS", func(x *Context, row *Row) bool {
				dob, ok := born[row.Get("CHILD")]
				return ok && row.Get("DEC") == "" && dob.AddDate(18, 0, 0).Before(x.Year.End()) &&
					!(row.Get("LS") == "V2" && row.Get("PLACE") == "K2")
			})(x, r)
		}},
	{Code: "364", Message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
		check: func(x *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, Episodes, "DECOM") {
				var j2 []*Row
				for _, row := range rows {
					if _, ok := dateIn(row, "DECOM"); ok && row.Get("LS") == "J2" {
						j2 = append(j2, row)
					}
				}
				for _, run := range runs(j2, x.Year) {
					if daysOf(run, x.Year) > 21 {
						for _, row := range run {
							hits = append(hits, Hit{File: Episodes, Row: row, Field: "LS"})
						}
					}
				}
			}
			return hits
		}},
	{Code: "377", Message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
		check: func(x *Context, r *Return) []Hit {
			count := map[string]int{}
			for _, row := range r.Files[Episodes] {
				if row.Get("PLACE") == "T3" {
					count[row.Get("CHILD")]++
				}
			}
			return eachRow(Episodes, "PLACE", func(_ *Context, row *Row) bool { return row.Get("PLACE") == "T3" && count[row.Get("CHILD")] > 2 })(x, r)
		}},
	{Code: "383", Message: "A child in a temporary placement must subsequently return to his/her normal placement.",
		check: func(_ *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, Episodes, "DECOM") {
				for i := 2; i < len(rows); i++ {
					before, temp, after := rows[i-2], rows[i-1], rows[i]
					if in(temporaryPlaces, temp.Get("PLACE")) && (after.Get("RNE") != "P" ||
						after.Get("PLACE") != before.Get("PLACE") || after.Get("PL_POST") != before.Get("PL_POST")) {
						hits = append(hits, Hit{File: Episodes, Row: after, Field: "PLACE"})
					}
				}
			}
			return hits
		}},
	{Code: "214", Message: "Placement location information not required.", check: eachRow(Episodes, "PL_POST", func(_ *Context, row *Row) bool {
		return shortBreak(row) && (row.Get("PL_POST") != "" || row.Get("URN") != "")
	})},
	{Code: "382", Message: "A child receiving respite care cannot be in a temporary placement.", check: eachRow(Episodes, "PLACE",
		func(_ *Context, row *Row) bool { return shortBreak(row) && in(temporaryPlaces, row.Get("PLACE")) })},
	{Code: "398", Message: "Distance field completed but child looked after under legal status V3 or V4.", check: eachRow(Episodes, "LS",
		func(_ *Context, row *Row) bool {
			return shortBreak(row) && (row.Get("HOME_POST") != "" || row.Get("PL_POST") != "")
		})},
	{Code: "399", Message: "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
		check: func(x *Context, r *Return) []Hit {
			breaksOnly := map[string]bool{}
			for child, rows := range byChild(r, Episodes, "DECOM") {
				breaksOnly[child] = true
				for _, row := range rows {
					breaksOnly[child] = breaksOnly[child] && shortBreak(row)
				}
			}
			said := map[string]bool{}
			for _, row := range r.Files[Header] {
				said[row.Get("CHILD")] = said[row.Get("CHILD")] || row.Get("MOTHER") != ""
			}
			for _, row := range r.Files[Reviews] {
				said[row.Get("CHILD")] = said[row.Get("CHILD")] || row.Get("REVIEW") != "" || row.Get("REVIEW_CODE") != ""
			}
			return eachRow(Episodes, "LS", func(_ *Context, row *Row) bool { return breaksOnly[row.Get("CHILD")] && said[row.Get("CHILD")] })(x, r)
		}},
}

// shortBreak: the episode is one of short breaks (respite), V3 or V4.
func shortBreak(row *Row) bool { return in([]string{"V3", "V4"}, row.Get("LS")) }

// endedAged: an episode ended (with a valid DEC) with one of recs breaks
// the rule when bad says so given the child's date of birth (Header) and
// the end.
func endedAged(recs []string, bad func(dob, end time.Time) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		born := dobs(r)
		return eachRow(Episodes, "REC", func(_ *Context, row *Row) bool {
			dob, ok := born[row.Get("CHILD")]
			end, ok2 := dateIn(row, "DEC")
			return ok && ok2 && in(recs, row.Get("REC")) && bad(dob, end)
		})(x, r)
	}
}

// runs cuts a child's episodes (in DECOM order, each with a valid DECOM)
// into runs in which each starts no later than the one before ended: a
// period of care, or of one legal status, as the DfE's validator counts
// them. An open episode runs to 31 March.
func runs(rows []*Row, y Year) [][]*Row {
	var out [][]*Row
	var lastEnd time.Time
	for i, row := range rows {
		start, _ := dateIn(row, "DECOM")
		if i == 0 || start.After(lastEnd) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], row)
		end, ok := dateIn(row, "DEC")
		if !ok && row.Get("DEC") == "" {
			end, ok = y.End(), true
		}
		if ok {
			lastEnd = end
		} else {
			lastEnd = time.Time{} // a bad end joins nothing after it
		}
	}
	return out
}

// daysOf is the days the episodes last together (an open one to 31
// March; one with a bad end counts nothing).
func daysOf(rows []*Row, y Year) int {
	days := 0
	for _, row := range rows {
		start, _ := dateIn(row, "DECOM")
		end, ok := dateIn(row, "DEC")
		if !ok && row.Get("DEC") == "" {
			end, ok = y.End(), true
		}
		if ok {
			days += int(end.Sub(start).Hours() / 24)
		}
	}
	return days
}
