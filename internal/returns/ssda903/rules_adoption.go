package ssda903

import "slices"

// Rules on the chain of an adoption: the decision that the child should
// be placed for adoption (PlacedAdoption), the placement order (legal
// status E1), the match and the decision again in AD1, the placement with
// adopters (A3 to A6) and the adoption that ends care (REC E11, E12).
var adoptionChainRules = []Rule{
	{Code: "331", Message: "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
		check: againstEpisodes(AD1, "DATE_MATCH", where(adopted), func(ad1, ep *Row) bool {
			return dateAfterDate(ad1, "DATE_MATCH", ep, "DECOM")
		})},
	{Code: "334", Message: "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption. ",
		check: againstEpisodes(AD1, "DATE_INT", lastStartOfCare, func(ad1, ep *Row) bool {
			return dateAfterDate(ep, "DECOM", ad1, "DATE_INT")
		})},
	{Code: "336", Message: "Child does not have a foster placement immediately prior to being placed for adoption.",
		check: chain("PLACE", func(prev, next *Row) bool {
			return in(withCurrentCarers, next.Get("PLACE")) && !in(fosterOrAdopters, prev.Get("PLACE"))
		})},
	{Code: "521", Message: "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
		check: againstEpisodes(AD1, "DATE_INT", where(placedForAdoption), func(ad1, ep *Row) bool {
			return dateAfterDate(ad1, "DATE_INT", ep, "DECOM")
		})},
	{Code: "551", Message: "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
		check: func(x *Context, r *Return) []Hit {
			decisions := byChild(r, PlacedAdoption, "DATE_PLACED")
			return eachRow(Episodes, "PLACE", func(_ *Context, ep *Row) bool {
				rows := decisions[ep.Get("CHILD")]
				return placedForAdoption(ep) &&
					(len(rows) == 0 || slices.ContainsFunc(rows, func(d *Row) bool { return d.Get("DATE_PLACED") == "" }))
			})(x, r)
		}},
	{Code: "552", Message: "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.",
		check: func(_ *Context, r *Return) []Hit {
			eps := byChild(r, Episodes, "DECOM")
			var hits []Hit
			for child, rows := range byChild(r, PlacedAdoption, "DATE_PLACED") {
				latest := lastDated(rows, "DATE_PLACED")
				placed := firstDated(where(placedForAdoption)(eps[child]), "DECOM")
				if latest != nil && placed != nil && dateAfterDate(latest, "DATE_PLACED", placed, "DECOM") {
					hits = append(hits, Hit{File: PlacedAdoption, Row: latest, Field: "DATE_PLACED"})
				}
			}
			return hits
		}},
	{Code: "553", Message: "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
		check: func(x *Context, r *Return) []Hit {
			decided := children(r, PlacedAdoption)
			openOrder := map[string]bool{}
			for _, ep := range r.Files[Episodes] {
				if ep.Get("LS") == "E1" && ep.Get("DEC") == "" {
					openOrder[ep.Get("CHILD")] = true
				}
			}
			// An order without a decision, and a decision reversed while
			// the order is still in force.
			return append(eachRow(Episodes, "LS", func(_ *Context, ep *Row) bool { return ep.Get("LS") == "E1" && !decided[ep.Get("CHILD")] })(x, r),
				eachRow(PlacedAdoption, "DATE_PLACED_CEASED", func(_ *Context, d *Row) bool {
					return openOrder[d.Get("CHILD")] && (d.Get("DATE_PLACED_CEASED") != "" || d.Get("REASON_PLACED_CEASED") != "")
				})(x, r)...)
		}},
	{Code: "554", Message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
		check: againstEpisodes(PlacedAdoption, "DATE_PLACED", func(eps []*Row) []*Row {
			if first := firstDated(where(underPlacementOrder)(eps), "DECOM"); first != nil {
				return []*Row{first}
			}
			return nil
		}, func(d, ep *Row) bool { return dateAfterDate(d, "DATE_PLACED", ep, "DECOM") })},
	{Code: "557", Message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
		check: func(x *Context, r *Return) []Hit {
			left := map[string]bool{}
			for _, ep := range r.Files[Episodes] {
				if leftCareNotAdopted(ep) {
					left[ep.Get("CHILD")] = true
				}
			}
			decided := children(r, PlacedAdoption)
			// The decision left open, or no decision recorded at all.
			return append(eachRow(PlacedAdoption, "DATE_PLACED_CEASED", func(_ *Context, d *Row) bool {
				return left[d.Get("CHILD")] && (d.Get("DATE_PLACED_CEASED") == "" || d.Get("REASON_PLACED_CEASED") == "")
			})(x, r), eachRow(Episodes, "REC", func(_ *Context, ep *Row) bool { return leftCareNotAdopted(ep) && !decided[ep.Get("CHILD")] })(x, r)...)
		}},
	{Code: "558", Message: "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
		check: func(_ *Context, r *Return) []Hit {
			wasAdopted := map[string]bool{}
			for _, ep := range r.Files[Episodes] {
				if adopted(ep) {
					wasAdopted[ep.Get("CHILD")] = true
				}
			}
			var hits []Hit
			for child, rows := range byChild(r, PlacedAdoption, "DATE_PLACED") {
				if latest := rows[len(rows)-1]; wasAdopted[child] && len(rows) > 1 && latest.Get("DATE_PLACED_CEASED") != "" {
					hits = append(hits, Hit{File: PlacedAdoption, Row: latest, Field: "DATE_PLACED_CEASED"})
				}
			}
			return hits
		}},
	{Code: "559", Message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
		check: func(x *Context, r *Return) []Hit {
			if x.Previous == nil {
				return nil
			}
			last := byChild(x.Previous, PlacedAdoption, "DATE_PLACED")
			return eachRow(PlacedAdoption, "DATE_PLACED", func(x *Context, d *Row) bool {
				decided, ok := dateIn(d, "DATE_PLACED")
				before := last[d.Get("CHILD")]
				return ok && decided.Before(x.Year.Start()) &&
					(len(before) == 0 || slices.ContainsFunc(before, func(b *Row) bool { return b.Get("DATE_PLACED") == "" }))
			})(x, r)
		}},
	{Code: "579", Message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
		check: func(_ *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, PlacedAdoption, "DATE_PLACED") {
				for i := 1; i < len(rows); i++ {
					prev, next := rows[i-1], rows[i]
					if prev.Get("DATE_PLACED_CEASED") == "" || dateAfterDate(prev, "DATE_PLACED_CEASED", next, "DATE_PLACED") {
						hits = append(hits, Hit{File: PlacedAdoption, Row: next, Field: "DATE_PLACED"})
					}
				}
			}
			return hits
		}},
	{Code: "582", Message: "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
		check: func(x *Context, r *Return) []Hit {
			matched := byChild(r, AD1, "DATE_MATCH")
			return eachRow(Episodes, "DEC", func(_ *Context, ep *Row) bool {
				return adopted(ep) && ep.Get("DEC") != "" &&
					slices.ContainsFunc(matched[ep.Get("CHILD")], func(a *Row) bool { return a.Get("DATE_MATCH") == ep.Get("DEC") })
			})(x, r)
		}},
	{Code: "583", Message: "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
		check: func(_ *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, PlacedAdoption, "DATE_PLACED") {
				open := slices.DeleteFunc(slices.Clone(rows), func(d *Row) bool { return d.Get("DATE_PLACED_CEASED") != "" })
				for _, d := range open {
					// Only the latest decision may be left open, and only one.
					if d != rows[len(rows)-1] || len(open) > 1 {
						hits = append(hits, Hit{File: PlacedAdoption, Row: d, Field: "DATE_PLACED_CEASED"})
					}
				}
			}
			return hits
		}},
}

// fosterOrAdopters are the placements with foster carers or adopters: those
// a child placed for adoption with their current foster carers
// (withCurrentCarers, A3 and A5) may come from (rule 336), and those the
// authority's own provision may have outside its area (rule 1015).
var fosterOrAdopters = []string{"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}

// placedForAdoption: the episode is a placement with adopters (A3 to A6).
func placedForAdoption(ep *Row) bool { return in(adoptionPlaces, ep.Get("PLACE")) }

// underPlacementOrder: the episode's legal status is a placement order.
func underPlacementOrder(ep *Row) bool { return ep.Get("LS") == "E1" }

// leftCareNotAdopted: the episode ended care otherwise than by adoption
// while the child was placed for adoption or under a placement order
// (rule 557).
func leftCareNotAdopted(ep *Row) bool {
	rec := ep.Get("REC")
	return (placedForAdoption(ep) || underPlacementOrder(ep)) && rec != "" && rec != "X1" && !adopted(ep)
}

// againstEpisodes is a rule on rows of file against the child's episodes:
// pick chooses which of the child's episodes (in DECOM order) count, and
// bad says whether a row and one of them break the rule. Each row of file
// that does is named once, at field.
func againstEpisodes(file, field string, pick func(eps []*Row) []*Row, bad func(row, ep *Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		eps := byChild(r, Episodes, "DECOM")
		return eachRow(file, field, func(_ *Context, row *Row) bool {
			return slices.ContainsFunc(pick(eps[row.Get("CHILD")]), func(ep *Row) bool { return bad(row, ep) })
		})(x, r)
	}
}

// where picks the rows that keep holds.
func where(keep func(*Row) bool) func([]*Row) []*Row {
	return func(rows []*Row) []*Row {
		var out []*Row
		for _, row := range rows {
			if keep(row) {
				out = append(out, row)
			}
		}
		return out
	}
}

// lastStartOfCare picks the child's latest episode that starts a period of
// care (RNE S) with a good DECOM, if any.
func lastStartOfCare(eps []*Row) []*Row {
	if last := lastDated(where(func(ep *Row) bool { return ep.Get("RNE") == "S" })(eps), "DECOM"); last != nil {
		return []*Row{last}
	}
	return nil
}

// firstDated and lastDated are the first and last of rows (sorted by
// field, as byChild sorts them) whose field holds a good date, nil when
// none does.
func firstDated(rows []*Row, field string) *Row {
	for _, row := range rows {
		if _, ok := dateIn(row, field); ok {
			return row
		}
	}
	return nil
}

func lastDated(rows []*Row, field string) *Row {
	for i := len(rows) - 1; i >= 0; i-- {
		if _, ok := dateIn(rows[i], field); ok {
			return rows[i]
		}
	}
	return nil
}

// dateAfterDate: a's date in fa is after b's in fb, both good dates.
func dateAfterDate(a *Row, fa string, b *Row, fb string) bool {
	da, ok := dateIn(a, fa)
	db, ok2 := dateIn(b, fb)
	return ok && ok2 && da.After(db)
}
