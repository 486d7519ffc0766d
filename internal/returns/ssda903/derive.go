package ssda903

import (
	"strconv"

	"sightline/internal/postcode"
)

// DerivedColumns are the Episodes fields the DfE works out from the home
// and placement postcodes itself: the upper-tier authority the placement
// is in (or SCO, WAL, NIR), whether that is the responsible authority (IN
// or OUT), and the distance from home in miles. They are not in the files
// an authority sends; rows carry them, unwritten, once Derive has run.
var DerivedColumns = []string{"PL_LA", "PL_LOCATION", "PL_DISTANCE"}

// Postcodes are the postcodes of the episodes of the returns given (nil
// ones skipped), as postcode.Compact gives them, each once: those to look
// up for Derive.
func Postcodes(rs ...*Return) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if r == nil {
			continue
		}
		for _, row := range r.Files[Episodes] {
			for _, f := range []string{"HOME_POST", "PL_POST"} {
				if pc := postcode.Compact(row.Get(f)); pc != "" && !seen[pc] {
					seen[pc] = true
					out = append(out, pc)
				}
			}
		}
	}
	return out
}

// Derive works out each episode's PL_LA, PL_LOCATION and PL_DISTANCE from
// its postcodes as the DfE does (its validator's
// _add_postcode_derived_fields), area being the responsible authority's
// ONS code and places the directory's entries by compact postcode:
//   - a placement postcode the directory does not hold leaves all three
//     blank (rules 169 and 179 then ask for a valid postcode);
//   - PL_LA is the placement's upper-tier authority, SCO, WAL or NIR;
//     PL_LOCATION is IN when that is area, else OUT, and blank with
//     PL_LA when the directory names no authority for the placement;
//   - PL_DISTANCE needs both postcodes' grid references, to 0.1 mile.
func Derive(r *Return, places map[string]postcode.Place, area string) {
	for _, row := range r.Files[Episodes] {
		for _, c := range DerivedColumns {
			row.Set(c, "")
		}
		placed, ok := places[postcode.Compact(row.Get("PL_POST"))]
		if !ok {
			continue
		}
		row.Set("PL_LA", placed.Area)
		// A place in no authority the DfE names (the Channel Islands, the
		// Isle of Man) is neither in nor out: the DfE leaves both blank.
		if placed.Area != "" {
			location := "OUT"
			if placed.Area == area {
				location = "IN"
			}
			row.Set("PL_LOCATION", location)
		}
		if home, ok := places[postcode.Compact(row.Get("HOME_POST"))]; ok {
			if miles, ok := postcode.Miles(home, placed); ok {
				row.Set("PL_DISTANCE", strconv.FormatFloat(miles, 'f', 1, 64))
			}
		}
	}
}
