package ssda903

import "slices"

// More rules that compare the return with last year's (Context.Previous):
// the Ofsted URN of the episode carried over, the decisions to place for
// adoption carried over or reversed, episodes begun before the year that
// last year's return must hold, and a child adopted before. All but 199
// find nothing without last year's return; 199 then looks at this year's
// episodes alone, as the DfE's validator does.
var lastYearRules = []Rule{
	{Code: "199", Message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
		check: adoptedBefore},
	{Code: "503F", Message: "The Ofsted URN in the  first episode does not match open episode at end of last year.",
		check: sameStartDiffers("URN")},
	{Code: "560", Message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
		check: decisionDateChanged},
	{Code: "561", Message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
		check: againstLastYearsDecisions(func(now, last *Row) bool {
			return now.Get("DATE_PLACED") != "" && now.Get("DATE_PLACED") == last.Get("DATE_PLACED") && reversed(last)
		})},
	{Code: "562", Message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
		check: notContinuedFromLastYear},
	{Code: "584", Message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
		check: againstLastYearsDecisions(func(now, last *Row) bool {
			if !reversed(last) {
				return false
			}
			// A decision after one reversed last year must be a new one,
			// made later.
			return now.Get("DATE_PLACED") == "" || !dateAfterDate(now, "DATE_PLACED", last, "DATE_PLACED")
		})},
	{Code: "1010", Message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
		check: leaverStillInCareLastYear},
	{Code: "NoE", Message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
		check: noEpisodesLastYear},
}

// adoptedBefore is rule 199: an episode after the child's first adoption
// (an episode ending E11 or E12) in this year's or last year's return,
// the adoption itself apart, is a child adopted from care before. Only
// this year's episodes are named; episodes without a valid DECOM are
// left out. An episode open last year and ending in adoption this year is
// in both returns: last year's copy, open, comes first and counts nothing.
func adoptedBefore(x *Context, r *Return) []Hit {
	var hits []Hit
	for child, rows := range byChild(r, Episodes, "DECOM") {
		var both []*Row
		if x.Previous != nil {
			both = append(both, datedRows(byChild(x.Previous, Episodes, "DECOM")[child], "DECOM")...)
		}
		this := datedRows(rows, "DECOM")
		both = sortedBy(append(both, this...), "DECOM")
		adoptions := 0
		for _, ep := range both {
			if adopted(ep) {
				adoptions++
			}
			if adoptions > 0 && !(adoptions == 1 && adopted(ep)) && slices.Contains(this, ep) {
				hits = append(hits, Hit{File: Episodes, Row: ep, Field: "CHILD"})
			}
		}
	}
	return hits
}

// datedRows are the rows with a valid date in field, a new slice.
func datedRows(rows []*Row, field string) []*Row {
	var out []*Row
	for _, row := range rows {
		if _, ok := dateIn(row, field); ok {
			out = append(out, row)
		}
	}
	return out
}

// reversed: a PlacedAdoption row says the decision was reversed (a date
// or a reason for it).
func reversed(row *Row) bool {
	return row.Get("DATE_PLACED_CEASED") != "" || row.Get("REASON_PLACED_CEASED") != ""
}

// againstLastYearsDecisions: bad says whether a PlacedAdoption row of this
// year breaks the rule given one of the child's rows of last year; a row
// is named once.
func againstLastYearsDecisions(bad func(now, last *Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		if x.Previous == nil {
			return nil
		}
		last := byChild(x.Previous, PlacedAdoption, "DATE_PLACED")
		return eachRow(PlacedAdoption, "DATE_PLACED", func(_ *Context, now *Row) bool {
			return slices.ContainsFunc(last[now.Get("CHILD")], func(l *Row) bool { return bad(now, l) })
		})(x, r)
	}
}

// decisionDateChanged is rule 560: a decision left standing at the end
// of last year (a date, no reversal) is still the decision this year, so
// a row of the child dated otherwise fails, unless the child also has a
// row with last year's date: that one is the decision carried over, and
// a later one follows its reversal (the DfE's validator compares every
// row of the child and so fails the later decision too).
func decisionDateChanged(x *Context, r *Return) []Hit {
	if x.Previous == nil {
		return nil
	}
	standing := map[string][]string{}
	for _, row := range x.Previous.Files[PlacedAdoption] {
		if row.Get("DATE_PLACED") != "" && row.Get("DATE_PLACED_CEASED") == "" {
			standing[row.Get("CHILD")] = append(standing[row.Get("CHILD")], row.Get("DATE_PLACED"))
		}
	}
	now := byChild(r, PlacedAdoption, "DATE_PLACED")
	return eachRow(PlacedAdoption, "DATE_PLACED", func(_ *Context, row *Row) bool {
		for _, d := range standing[row.Get("CHILD")] {
			carried := slices.ContainsFunc(now[row.Get("CHILD")], func(o *Row) bool { return o.Get("DATE_PLACED") == d })
			if !carried && row.Get("DATE_PLACED") != d {
				return true
			}
		}
		return false
	})(x, r)
}

// notContinuedFromLastYear is rule 562: the child's first episode begun
// before the year must be last year's latest episode (by DECOM): the same
// start. A child with no episode last year fails too.
func notContinuedFromLastYear(x *Context, r *Return) []Hit {
	if x.Previous == nil {
		return nil
	}
	last := byChild(x.Previous, Episodes, "DECOM")
	var hits []Hit
	for child, rows := range byChild(r, Episodes, "DECOM") {
		first := firstDated(rows, "DECOM")
		if first == nil {
			continue
		}
		if d, _ := dateIn(first, "DECOM"); !d.Before(x.Year.Start()) {
			continue
		}
		if latest := lastDated(last[child], "DECOM"); latest == nil || latest.Get("DECOM") != first.Get("DECOM") {
			hits = append(hits, Hit{File: Episodes, Row: first, Field: "DECOM"})
		}
	}
	return hits
}

// leaverStillInCareLastYear is rule 1010: care leaver information for a
// child with no episode this year whose latest episode last year (by
// DECOM) was left open: they are still looked after.
func leaverStillInCareLastYear(x *Context, r *Return) []Hit {
	if x.Previous == nil {
		return nil
	}
	now, last := children(r, Episodes), byChild(x.Previous, Episodes, "DECOM")
	return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
		latest := lastDated(last[row.Get("CHILD")], "DECOM")
		return !now[row.Get("CHILD")] && latest != nil && latest.Get("DEC") == ""
	})(x, r)
}

// noEpisodesLastYear is rule NoE: each episode begun before the year, of
// a child with no episode in last year's return.
func noEpisodesLastYear(x *Context, r *Return) []Hit {
	if x.Previous == nil {
		return nil
	}
	last := children(x.Previous, Episodes)
	return eachRow(Episodes, "DECOM", func(x *Context, row *Row) bool {
		d, ok := dateIn(row, "DECOM")
		return ok && d.Before(x.Year.Start()) && !last[row.Get("CHILD")]
	})(x, r)
}
