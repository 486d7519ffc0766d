package ssda903

import (
	"regexp"
	"strings"
)

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
				if v := row.Get(f); v != "" && !isPostcode(v) {
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
			return home != "" && row.Get("PLACE") != "P1" && compactPostcode(home) == compactPostcode(placed)
		})},
}

// postcodeShape is a UK postcode with its spaces taken out: the outward
// code (area letters, district) then the inward code (sector digit, unit
// letters).
var postcodeShape = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`)

// isPostcode: v has the shape of a UK postcode, in any case and spacing.
func isPostcode(v string) bool { return postcodeShape.MatchString(compactPostcode(v)) }

// compactPostcode is a postcode upper-cased without spaces, so "ab1 2cd"
// and "AB12CD" are the same.
func compactPostcode(v string) string { return strings.ToUpper(strings.Join(strings.Fields(v), "")) }
