package ssda903

import (
	"maps"
	"math"
	"strconv"
)

// Rules on the Episodes fields the DfE works out from the postcodes
// (PL_LA, PL_LOCATION, PL_DISTANCE; see Derive). No file an authority
// sends carries them, so every rule here finds nothing until Derive has
// filled them (Context.Derived); those comparing with last year's return
// also need it (Context.Previous, derived too), and 411 and 1015 the
// authority's own area (Context.Area). A distance is compared as a number,
// the others as text, a blank field being a value of its own (as the
// DfE's validator compares them).
var derivedRules = []Rule{
	{Code: "164", Message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
		check: notUASC("PL_DISTANCE", func(_ *Context, row *Row) bool {
			v := row.Get("PL_DISTANCE")
			miles, ok := distance(row)
			return v != "" && (!ok || miles < 0 || miles > 999.9)
		})},
	{Code: "169", Message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
		check: derived(eachRow(Episodes, "PL_LA", func(_ *Context, row *Row) bool {
			return !shortBreak(row) && row.Get("PL_LA") == ""
		}))},
	{Code: "179", Message: "Placement location code is not a valid code.",
		check: derived(eachRow(Episodes, "PL_LOCATION", func(_ *Context, row *Row) bool {
			return !shortBreak(row) && row.Get("PL_LOCATION") == ""
		}))},
	{Code: "392a", Message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
		check: notUASC("PL_DISTANCE", func(_ *Context, row *Row) bool {
			return !shortBreak(row) && row.Get("PL_DISTANCE") == ""
		})},
	{Code: "406", Message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
		check: derived(func(x *Context, r *Return) []Hit {
			uasc := everUASC(x, r)
			return eachRow(Episodes, "PL_DISTANCE", func(_ *Context, row *Row) bool {
				return uasc[row.Get("CHILD")] && row.Get("PL_DISTANCE") != ""
			})(x, r)
		})},
	{Code: "411", Message: "Placement location code disagrees with LA of placement.",
		check: inArea(eachRow(Episodes, "PL_LOCATION", func(x *Context, row *Row) bool {
			return row.Get("PL_LOCATION") == "IN" && row.Get("PL_LA") != x.Area
		}))},
	{Code: "420", Message: "LA of placement completed but child is looked after under legal status V3 or V4.",
		check: derived(eachRow(Episodes, "PL_LA", func(_ *Context, row *Row) bool {
			return shortBreak(row) && row.Get("PL_LA") != ""
		}))},
	{Code: "452", Message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
		check: continuedDiffers("PL_LA", func(first, last *Row) bool { return first.Get("PL_LA") != last.Get("PL_LA") })},
	{Code: "453", Message: "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
		check: continuedDiffers("PL_DISTANCE", distancesDiffer)},
	{Code: "454", Message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
		check: derived(eachRow(Episodes, "PL_DISTANCE", func(_ *Context, row *Row) bool {
			// 999.9 is the distance of old returns for one not known.
			miles, ok := distance(row)
			return ok && miles > 350 && miles != 999.9
		}))},
	{Code: "503G", Message: "The distance in first episode does not match open episode at end of last year.",
		check: derived(againstLastOpen("PL_DISTANCE", func(first, last *Row) bool {
			return first.Get("DECOM") == last.Get("DECOM") && distancesDiffer(first, last)
		}))},
	{Code: "503H", Message: "The placement LA in first episode does not match open episode at end of last year.",
		check: derived(sameStartDiffers("PL_LA"))},
	{Code: "503J", Message: "The placement location in first episode does not match open episode at end of last year.",
		check: derived(sameStartDiffers("PL_LOCATION"))},
	{Code: "1015", Message: "Placement provider is own provision but child not placed in own LA.",
		check: inArea(eachRow(Episodes, "PL_LA", func(x *Context, row *Row) bool {
			// Fostering and adoption through the authority's own service
			// may be anywhere: its carers live where they live.
			checked := row.Get("PLACE_PROVIDER") == "PR1" && !in(fosterOrAdopters, row.Get("PLACE")) &&
				!shortBreak(row) && row.Get("LS") != "" && row.Get("PLACE") != ""
			return checked && row.Get("PL_LA") != x.Area
		}))},
}

// DerivedRules are the codes of the rules on the fields Derive works out
// from the postcodes; until it has (Context.Derived) they find nothing.
var DerivedRules = []string{"164", "169", "179", "392a", "406", "411", "420", "452", "453", "454", "503G", "503H", "503J", "1015"}

// derived is a rule on the derived fields: it finds nothing until Derive
// has filled them.
func derived(check func(*Context, *Return) []Hit) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		if !x.Derived {
			return nil
		}
		return check(x, r)
	}
}

// inArea is a derived rule comparing PL_LA with the authority's own area;
// it finds nothing without the area.
func inArea(check func(*Context, *Return) []Hit) func(*Context, *Return) []Hit {
	return derived(func(x *Context, r *Return) []Hit {
		if x.Area == "" {
			return nil
		}
		return check(x, r)
	})
}

// notUASC is a derived rule on the episodes of children neither UASC nor
// formerly UASC (everUASC): bad says whether an episode breaks it.
func notUASC(field string, bad func(x *Context, row *Row) bool) func(*Context, *Return) []Hit {
	return derived(func(x *Context, r *Return) []Hit {
		uasc := everUASC(x, r)
		return eachRow(Episodes, field, func(x *Context, row *Row) bool {
			return !uasc[row.Get("CHILD")] && bad(x, row)
		})(x, r)
	})
}

// everUASC are the children UASC this year or formerly: those with a row
// in this year's UASC file or last year's (when given). The caller must
// not change the map.
func everUASC(x *Context, r *Return) map[string]bool {
	if x.Previous == nil || len(x.Previous.Files[UASC]) == 0 {
		return children(r, UASC)
	}
	out := maps.Clone(children(r, UASC))
	maps.Copy(out, children(x.Previous, UASC))
	return out
}

// continuedDiffers is a derived rule on the child's first episode of this
// year when it carries on (the same RNE) the episode left open at the end
// of last year: bad says whether it breaks the rule given that episode.
func continuedDiffers(field string, bad func(first, last *Row) bool) func(*Context, *Return) []Hit {
	return derived(againstLastOpen(field, func(first, last *Row) bool {
		return first.Get("RNE") == last.Get("RNE") && bad(first, last)
	}))
}

// distance is the episode's PL_DISTANCE in miles, ok false when blank or
// not a number.
func distance(row *Row) (miles float64, ok bool) {
	miles, err := strconv.ParseFloat(row.Get("PL_DISTANCE"), 64)
	return miles, err == nil && !math.IsNaN(miles) && !math.IsInf(miles, 0)
}

// distancesDiffer: both episodes give a distance and they differ by 0.2
// mile or more; a tenth apart is rounding. Distances are in tenths, whose
// difference in floating point can fall a hair short (2.4 - 2.2 is
// 0.19999…), so a difference within a billionth of 0.2 counts as 0.2.
func distancesDiffer(a, b *Row) bool {
	da, oka := distance(a)
	db, okb := distance(b)
	return oka && okb && math.Abs(da-db) >= 0.2-1e-9
}
