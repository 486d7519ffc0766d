package ssda903

// Rules that compare the return with last year's (Context.Previous);
// without it they find nothing.
var previousRules = []Rule{
	{Code: "502", Message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year's record.",
		check: againstLastOpen("DECOM", func(first, last *Row) bool { return first.Get("DECOM") != last.Get("DECOM") })},
	{Code: "503A", Message: "The reason for new episode in the first episode does not match open episode at end of last year.",
		check: sameStartDiffers("RNE")},
	{Code: "503B", Message: "The legal status in the first episode does not match open episode at end of last year.",
		check: sameStartDiffers("LS")},
	{Code: "503C", Message: "The category of need in the first episode does not match open episode at end of last year.",
		check: sameStartDiffers("CIN")},
	{Code: "503D", Message: "The placement type in the first episode does not match open episode at end of last year",
		check: againstLastOpen("PLACE", func(first, last *Row) bool {
			return first.Get("DECOM") == last.Get("DECOM") && first.Get("PLACE") != last.Get("PLACE") &&
				!(last.Get("PLACE") == "Z1" && in(zPlaces, first.Get("PLACE")))
		})},
	{Code: "503E", Message: "The placement provider in the first episode does not match open episode at end of last year.",
		check: sameStartDiffers("PLACE_PROVIDER")},
	{Code: "576", Message: "There is an open missing/away from placement without authorisation period in last year's return and there is no corresponding period recorded at the start of this year.",
		check: func(x *Context, r *Return) []Hit {
			if x.Previous == nil {
				return nil
			}
			open := map[string]string{}
			for _, row := range x.Previous.Files[Missing] {
				if row.Get("MIS_END") == "" && row.Get("MIS_START") != "" {
					open[row.Get("CHILD")] = row.Get("MIS_START")
				}
			}
			var hits []Hit
			for child, rows := range byChild(r, Missing, "MIS_START") {
				if start, ok := open[child]; ok && rows[0].Get("MIS_START") != start {
					hits = append(hits, Hit{File: Missing, Row: rows[0], Field: "CHILD"})
				}
			}
			return hits
		}},
	{Code: "202", Message: "The gender code conflicts with the gender already recorded for this child.", check: headerDiffers("SEX")},
	{Code: "203", Message: "Date of birth disagrees with the date of birth already recorded for this child.", check: headerDiffers("DOB")},
	{Code: "204", Message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.", check: headerDiffers("ETHNIC")},
	{Code: "208", Message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
		check: func(x *Context, r *Return) []Hit {
			last := lastYears(x, Header)
			return eachRow(Header, "UPN", func(_ *Context, row *Row) bool {
				before, ok := last[row.Get("CHILD")]
				// A real UPN last year stays; an unknown code may become one.
				return ok && len(before.Get("UPN")) == 13 && row.Get("UPN") != before.Get("UPN")
			})(x, r)
		}},
}

// lastYears are last year's rows of file by child (the last of each
// child's rows), empty without last year's return.
func lastYears(x *Context, file string) map[string]*Row {
	out := map[string]*Row{}
	if x.Previous == nil {
		return out
	}
	for _, row := range x.Previous.Files[file] {
		out[row.Get("CHILD")] = row
	}
	return out
}

// headerDiffers: the child's field in Header is not what last year's
// Header said (both given).
func headerDiffers(field string) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		last := lastYears(x, Header)
		return eachRow(Header, field, func(_ *Context, row *Row) bool {
			before, ok := last[row.Get("CHILD")]
			return ok && before.Get(field) != "" && row.Get(field) != "" && before.Get(field) != row.Get(field)
		})(x, r)
	}
}

// againstLastOpen: bad says whether the child's first episode of this
// year breaks the rule given the episode left open at the end of last
// year's return (its latest by DECOM with no DEC).
func againstLastOpen(field string, bad func(first, last *Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		if x.Previous == nil {
			return nil
		}
		open := map[string]*Row{}
		for child, rows := range byChild(x.Previous, Episodes, "DECOM") {
			if last := rows[len(rows)-1]; last.Get("DEC") == "" {
				open[child] = last
			}
		}
		var hits []Hit
		for child, rows := range byChild(r, Episodes, "DECOM") {
			if last, ok := open[child]; ok && bad(rows[0], last) {
				hits = append(hits, Hit{File: Episodes, Row: rows[0], Field: field})
			}
		}
		return hits
	}
}

// sameStartDiffers: the first episode starts the day last year's open
// one did (it is the same episode) but field differs.
func sameStartDiffers(field string) func(*Context, *Return) []Hit {
	return againstLastOpen(field, func(first, last *Row) bool {
		return first.Get("DECOM") == last.Get("DECOM") && first.Get(field) != last.Get(field)
	})
}
