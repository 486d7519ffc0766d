package ssda903

import "sightline/internal/postcode"

// Rules on the home and placement postcodes of episodes. 392a (placement
// distance) is in rules_derived.go: the return carries no distance, which
// the DfE works out from the postcodes.
var postcodeRules = []Rule{
	{Code: "392b", Message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
		check: func(x *Context, r *Return) []Hit {
			uasc := everUASC(x, r)
			var hits []Hit
			for _, row := range r.Files[Episodes] {
				if in([]string{"V3", "V4"}, row.Get("LS")) || uasc[row.Get("CHILD")] {
					continue
				}
				for _, f := range []string{"HOME_POST", "PL_POST"} {
					if row.Get(f) == "" {
						hits = append(hits, Hit{File: Episodes, Row: row, Field: f})
						break
					}
				}
			}
			return hits
		}},
	{Code: "392c", Message: "Postcode(s) provided are invalid.", check: func(_ *Context, r *Return) []Hit {
		var hits []Hit
		for _, row := range r.Files[Episodes] {
			for _, f := range []string{"HOME_POST", "PL_POST"} {
				if v := row.Get(f); v != "" && !postcode.Valid(v) {
					hits = append(hits, Hit{File: Episodes, Row: row, Field: f})
					break
				}
			}
		}
		return hits
	}},
	{Code: "392d", Message: "Home and placement postcodes should not be same unless the placement type is P1.",
		check: eachRow(Episodes, "PL_POST", func(_ *Context, row *Row) bool {
			home, placed := row.Get("HOME_POST"), row.Get("PL_POST")
			return home != "" && row.Get("PLACE") != "P1" && postcode.Compact(home) == postcode.Compact(placed)
		})},
}
