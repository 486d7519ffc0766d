package ssda903

import "time"

// Rules on the decision that a child should be placed for adoption
// (PlacedAdoption) against the child's care and AD1, and on who the child
// was placed with and left care to.
var adoptionDecisionRules = []Rule{
	{Code: "117", Message: "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
		check: decisionAfterCare},
	{Code: "118", Message: "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
		check: reversalBeforeCare},
	{Code: "335", Message: "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
		check: fosterCarersAdopted},
	{Code: "408", Message: "Child is placed for adoption with a placement order, but no placement order has been recorded.",
		check: eachRow(Episodes, "LS", func(_ *Context, ep *Row) bool {
			return in(withPlacementOrder, ep.Get("PLACE")) && !underPlacementOrder(ep)
		})},
	{Code: "516", Message: "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
		check: eachRow(Episodes, "PLACE", func(_ *Context, ep *Row) bool {
			return in(toFormerFosterCarers, ep.Get("REC")) && !in(fosterPlaces, ep.Get("PLACE"))
		})},
	{Code: "519", Message: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
		check: adopters("SEX_ADOPTR", func(row *Row) bool { return row.Get("LS_ADOPTR") == "L2" && !in(couples, row.Get("SEX_ADOPTR")) })},
	{Code: "523", Message: "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
		check: decisionDiffersFromAD1},
	{Code: "563", Message: "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
		check: eachRow(PlacedAdoption, "DATE_PLACED", func(_ *Context, d *Row) bool {
			return d.Get("DATE_PLACED") == "" && d.Get("DATE_PLACED_CEASED") != "" && d.Get("REASON_PLACED_CEASED") != ""
		})},
	{Code: "1003", Message: "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
		check: againstEpisodes(PlacedAdoption, "DATE_PLACED", func(eps []*Row) []*Row {
			if first := firstDated(where(func(ep *Row) bool { return ep.Get("RNE") == "S" })(eps), "DECOM"); first != nil {
				return []*Row{first}
			}
			return nil
		}, func(d, ep *Row) bool { return dateAfterDate(ep, "DECOM", d, "DATE_PLACED") })},
}

var (
	// withPlacementOrder are the placements for adoption under a
	// placement order (rule 408).
	withPlacementOrder = []string{"A5", "A6"}
	// notWithCurrentCarers are the placements for adoption with adopters
	// who were not the child's foster carers (rule 335).
	notWithCurrentCarers = []string{"A4", "A6"}
	// toFormerFosterCarers are the special guardianship orders made to the
	// child's former foster carers (rule 516).
	toFormerFosterCarers = []string{"E45", "E46"}
	// fosterPlaces are the foster placements (U1 to U6).
	fosterPlaces = []string{"U1", "U2", "U3", "U4", "U5", "U6"}
)

// decisionAfterCare (117): a decision, or its reversal, dated after 31
// March, or after the day the child's latest episode ended care (the
// latest not ending with X1; an open one has not).
func decisionAfterCare(x *Context, r *Return) []Hit {
	ended := map[string]time.Time{}
	notContinued := where(func(ep *Row) bool { return ep.Get("REC") != "X1" })
	for child, eps := range byChild(r, Episodes, "DECOM") {
		if last := lastDated(notContinued(eps), "DECOM"); last != nil {
			if d, ok := dateIn(last, "DEC"); ok {
				ended[child] = d
			}
		}
	}
	var hits []Hit
	for _, d := range r.Files[PlacedAdoption] {
		end, left := ended[d.Get("CHILD")]
		for _, field := range []string{"DATE_PLACED", "DATE_PLACED_CEASED"} {
			if t, ok := dateIn(d, field); ok && (t.After(x.Year.End()) || (left && t.After(end))) {
				hits = append(hits, Hit{File: PlacedAdoption, Row: d, Field: field})
				break
			}
		}
	}
	return hits
}

// reversalBeforeCare (118): a decision reversed before 1 April, or before
// the child's earliest episode other than a short break began.
func reversalBeforeCare(x *Context, r *Return) []Hit {
	began := map[string]time.Time{}
	notShortBreak := where(func(ep *Row) bool { return !shortBreak(ep) })
	for child, eps := range byChild(r, Episodes, "DECOM") {
		if first := firstDated(notShortBreak(eps), "DECOM"); first != nil {
			began[child], _ = dateIn(first, "DECOM")
		}
	}
	return eachRow(PlacedAdoption, "DATE_PLACED_CEASED", func(x *Context, d *Row) bool {
		ceased, ok := dateIn(d, "DATE_PLACED_CEASED")
		start, inCare := began[d.Get("CHILD")]
		return ok && (ceased.Before(x.Year.Start()) || (inCare && ceased.Before(start)))
	})(x, r)
}

// fosterCarersAdopted (335): AD1's FOSTER_CARE against the placement the
// child was adopted from: 0 (not the foster carers) with A3 or A5 (with
// current foster carers), or 1 with A4 or A6.
func fosterCarersAdopted(x *Context, r *Return) []Hit {
	return againstEpisodes(AD1, "FOSTER_CARE", where(adopted), func(ad1, ep *Row) bool {
		switch ad1.Get("FOSTER_CARE") {
		case "0":
			return in(withCurrentCarers, ep.Get("PLACE"))
		case "1":
			return in(notWithCurrentCarers, ep.Get("PLACE"))
		}
		return false
	})(x, r)
}

// decisionDiffersFromAD1 (523): AD1's DATE_INT is not the date of the
// child's latest decision that they should be placed for adoption (the
// one that stood), both good dates.
func decisionDiffersFromAD1(x *Context, r *Return) []Hit {
	latest := map[string]time.Time{}
	for child, rows := range byChild(r, PlacedAdoption, "DATE_PLACED") {
		if d := lastDated(rows, "DATE_PLACED"); d != nil {
			latest[child], _ = dateIn(d, "DATE_PLACED")
		}
	}
	return eachRow(AD1, "DATE_INT", func(_ *Context, ad1 *Row) bool {
		decided, ok := latest[ad1.Get("CHILD")]
		best, ok2 := dateIn(ad1, "DATE_INT")
		return ok && ok2 && !best.Equal(decided)
	})(x, r)
}
