package ssda903

// Rules on how a child's episodes follow one another (sorted by DECOM).
var episodeChainRules = []Rule{
	{Code: "142", Message: "A new episode has started, but the previous episode has not ended.", check: chain("DEC",
		func(prev, _ *Row) bool { return prev.Get("DEC") == "" })},
	{Code: "501", Message: "A new episode has started before the end date of the previous episode.", check: chain("DECOM",
		func(prev, next *Row) bool {
			end, ok := dateIn(prev, "DEC")
			start, ok2 := dateIn(next, "DECOM")
			return ok && ok2 && start.Before(end)
		})},
	{Code: "433", Message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
		check: chain("RNE", func(prev, next *Row) bool {
			return next.Get("RNE") != "S" && in(rneCodes, next.Get("RNE")) && prev.Get("DEC") != next.Get("DECOM")
		})},
	{Code: "504", Message: "The category of need code differs from that reported at start of current period of being looked after",
		check: chain("CIN", func(prev, next *Row) bool {
			return next.Get("RNE") != "S" && prev.Get("REC") == "X1" && prev.Get("CIN") != next.Get("CIN")
		})},
	{Code: "225", Message: "Reason for placement change must be recorded.", check: chainPrev("REASON_PLACE_CHANGE",
		func(prev, next *Row) bool {
			return prev.Get("REC") == "X1" && in(moveRNEs, next.Get("RNE")) &&
				prev.Get("REASON_PLACE_CHANGE") == "" && !in(temporaryPlaces, prev.Get("PLACE")) && !in(temporaryPlaces, next.Get("PLACE"))
		})},
	{Code: "388", Message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
		check: func(_ *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, Episodes, "DECOM") {
				for i, row := range rows {
					if row.Get("REC") == "X1" && (i+1 == len(rows) || rows[i+1].Get("DECOM") != row.Get("DEC")) {
						hits = append(hits, Hit{File: Episodes, Row: row, Field: "REC"})
					}
				}
			}
			return hits
		}},
	{Code: "357", Message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
		check: func(x *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, Episodes, "DECOM") {
				first := rows[0]
				if d, ok := dateIn(first, "DECOM"); ok && !d.Before(x.Year.Start()) && first.Get("RNE") != "S" {
					hits = append(hits, Hit{File: Episodes, Row: first, Field: "RNE"})
				}
			}
			return hits
		}},
	{Code: "574", Message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
		check: func(_ *Context, r *Return) []Hit {
			var hits []Hit
			for _, rows := range byChild(r, Missing, "MIS_START") {
				for i := 1; i < len(rows); i++ {
					end, ok := dateIn(rows[i-1], "MIS_END")
					start, ok2 := dateIn(rows[i], "MIS_START")
					if (!ok && rows[i-1].Get("MIS_END") == "") || (ok && ok2 && start.Before(end)) {
						hits = append(hits, Hit{File: Missing, Row: rows[i], Field: "MIS_START"})
					}
				}
			}
			return hits
		}},
}

// chain: bad says whether an episode breaks the rule given the one before
// it; the later episode is named.
func chain(field string, bad func(prev, next *Row) bool) func(*Context, *Return) []Hit {
	return chainOf(field, bad, false)
}

// chainPrev is chain naming the earlier episode.
func chainPrev(field string, bad func(prev, next *Row) bool) func(*Context, *Return) []Hit {
	return chainOf(field, bad, true)
}

func chainOf(field string, bad func(prev, next *Row) bool, namePrev bool) func(*Context, *Return) []Hit {
	return func(_ *Context, r *Return) []Hit {
		var hits []Hit
		for _, rows := range byChild(r, Episodes, "DECOM") {
			for i := 1; i < len(rows); i++ {
				if bad(rows[i-1], rows[i]) {
					row := rows[i]
					if namePrev {
						row = rows[i-1]
					}
					hits = append(hits, Hit{File: Episodes, Row: row, Field: field})
				}
			}
		}
		return hits
	}
}
