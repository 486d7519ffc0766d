package ssda903

import (
	"maps"
	"slices"
	"testing"

	"sightline/internal/postcode"
)

// goodArea is the good return's authority's ONS area code.
const goodArea = "E06000047"

// goodPlaces is the postcode directory the good returns are derived
// from: A1's home and foster carers in the authority's area, Oak House in
// the next (E06000001), B2's home and placement, and places for breaking
// the rules: a home the directory has no grid reference for, a postcode
// in the Isle of Man (no English authority) and one in Shetland.
func goodPlaces() map[string]postcode.Place {
	at := func(area string, e, n int) postcode.Place {
		return postcode.Place{Area: area, Easting: e, Northing: n, Grid: true}
	}
	return map[string]postcode.Place{
		"AB21EF": at(goodArea, 427000, 542000),    // A1's home
		"AB12CD": at(goodArea, 425000, 545000),    // A1's foster carers: 2.2 miles
		"AB13CD": at("E06000001", 450000, 532000), // Oak House: 15.6 miles
		"AB31GH": at(goodArea, 430000, 550000),    // B2's home
		"AB14CD": at(goodArea, 428000, 548000),
		"AB45JK": {Area: goodArea},
		"IM11AA": {},
		"ZE10AA": at(postcode.Scotland, 447000, 1141000), // 372.4 miles from A1's home
	}
}

// rederive works the good return's derived fields out again after a
// postcode changed.
func rederive(r *Return) { Derive(r, goodPlaces(), goodArea) }

// derivedBreaks break the rules of rules_derived.go from the good return:
// mostly by moving a postcode and deriving again; 164 and 411 by setting
// a field, as no postcodes give such values.
var derivedBreaks = map[string]func(r, last *Return){
	"164": func(r, last *Return) { row(r, Episodes, 1).Set("PL_DISTANCE", "1000.0") },
	"169": func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "AB9 1XY"); rederive(r) }, // not in the directory
	"179": func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "IM1 1AA"); rederive(r) },
	"392a": func(r, last *Return) {
		row(r, Episodes, 1).Set("HOME_POST", "AB4 5JK") // no grid reference
		rederive(r)
	},
	"406":  func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "") },
	"411":  func(r, last *Return) { row(r, Episodes, 1).Set("PL_LOCATION", "IN") },
	"420":  func(r, last *Return) { row(r, Episodes, 1).Set("LS", "V3") },
	"452":  func(r, last *Return) { placedLastYearAt(last, "AB1 3CD") },
	"453":  func(r, last *Return) { cameFromLastYear(last, "AB3 1GH") },
	"454":  func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "ZE1 0AA"); rederive(r) },
	"503G": func(r, last *Return) { cameFromLastYear(last, "AB3 1GH") },
	"503H": func(r, last *Return) { placedLastYearAt(last, "AB1 3CD") },
	"503J": func(r, last *Return) { placedLastYearAt(last, "AB1 3CD") },
	"1015": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR1") }, // Oak House is in the next area
}

func init() { maps.Copy(breaks, derivedBreaks) }

// placedLastYearAt puts A1's episode left open last year at postcode pc.
func placedLastYearAt(last *Return, pc string) {
	row(last, Episodes, 0).Set("PL_POST", pc)
	rederive(last)
}

// cameFromLastYear gives A1's episode left open last year home postcode pc.
func cameFromLastYear(last *Return, pc string) {
	row(last, Episodes, 0).Set("HOME_POST", pc)
	rederive(last)
}

// derivedCodesOf are the codes of DerivedRules among the failures.
func derivedCodesOf(fs []Failure) []string {
	var out []string
	for _, c := range codesOf(fs) {
		if slices.Contains(DerivedRules, c) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, compareCodes)
	return out
}

// TestDerivedRulesReadTheirConditions: each case changes the good return
// and finds exactly the derived rules named (none where the conditions of
// a rule let it pass).
func TestDerivedRulesReadTheirConditions(t *testing.T) {
	cases := []struct {
		name   string
		change func(r, last *Return)
		want   []string
	}{
		{"a short break, no postcodes", func(r, last *Return) {
			set(row(r, Episodes, 1), "LS", "V3", "HOME_POST", "", "PL_POST", "", "URN", "")
			rederive(r)
		}, nil},
		{"a child UASC, no home postcode", func(r, last *Return) {
			r.Add(UASC, 1, "A1", "F", "01/05/2012", "")
			row(r, Episodes, 0).Set("HOME_POST", "")
			row(r, Episodes, 1).Set("HOME_POST", "")
			rederive(r)
		}, nil},
		{"a child UASC last year, no home postcode", func(r, last *Return) {
			last.Add(UASC, 1, "A1", "F", "01/05/2012", "")
			row(r, Episodes, 0).Set("HOME_POST", "")
			row(r, Episodes, 1).Set("HOME_POST", "")
			rederive(r)
		}, nil},
		{"a child UASC last year, a distance given", func(r, last *Return) {
			last.Add(UASC, 1, "A1", "F", "01/05/2012", "")
			row(r, Episodes, 1).Set("PL_DISTANCE", "1000.0")
		}, []string{"406", "454"}}, // not 164, which leaves out children formerly UASC
		{"the authority's own foster carers in the next area", func(r, last *Return) { placed(r, 1, "U4", "PR1") }, nil},
		{"a placement 999.9 miles away", func(r, last *Return) { row(r, Episodes, 1).Set("PL_DISTANCE", "999.9") }, nil},
		{"a distance that is no number", func(r, last *Return) { row(r, Episodes, 1).Set("PL_DISTANCE", "far") }, []string{"164"}},
		{"placed in Scotland", func(r, last *Return) {
			row(r, Episodes, 1).Set("PL_POST", "ZE1 0AA")
			rederive(r)
		}, []string{"454"}},
		{"a placement postcode the directory does not hold", func(r, last *Return) {
			row(r, Episodes, 1).Set("PL_POST", "AB9 1XY")
			rederive(r)
		}, []string{"169", "179", "392a"}},
		{"last year's episode ended, placed elsewhere", func(r, last *Return) {
			set(row(last, Episodes, 0), "DEC", "01/03/2025", "REC", "X1", "REASON_PLACE_CHANGE", "CARPL")
			placedLastYearAt(last, "AB1 3CD")
		}, nil},
		{"last year's distance a tenth off", func(r, last *Return) { row(last, Episodes, 0).Set("PL_DISTANCE", "2.3") }, nil},
		{"last year's distance two tenths off", func(r, last *Return) { row(last, Episodes, 0).Set("PL_DISTANCE", "2.4") },
			[]string{"453", "503G"}},
		{"no distance last year", func(r, last *Return) { cameFromLastYear(last, "") }, nil},
		{"last year's open episode began on another day, placed elsewhere", func(r, last *Return) {
			row(last, Episodes, 0).Set("DECOM", "01/02/2025")
			placedLastYearAt(last, "AB1 3CD")
		}, []string{"452", "453"}},
		{"last year's open episode for another reason, placed elsewhere", func(r, last *Return) {
			row(last, Episodes, 0).Set("RNE", "P")
			placedLastYearAt(last, "AB1 3CD")
		}, []string{"503G", "503H", "503J"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, last := goodReturn(), goodPrevious()
			c.change(r, last)
			if got := derivedCodesOf(Validate(r, goodContext(last))); !slices.Equal(got, c.want) {
				t.Errorf("fails %v, want %v", got, c.want)
			}
		})
	}
}

// TestDerivedRulesNeedDerive: until Derive has run, none of the rules on
// its fields finds anything, however broken; 411 and 1015 also need the
// authority's area, and those comparing with last year its return.
func TestDerivedRulesNeedDerive(t *testing.T) {
	for code, brk := range derivedBreaks {
		r, last := goodReturn(), goodPrevious()
		brk(r, last)
		x := goodContext(last)
		x.Derived = false
		if got := derivedCodesOf(Validate(r, x)); len(got) > 0 {
			t.Errorf("broken for %s, not derived: fails %v", code, got)
		}
	}
	for _, code := range []string{"411", "1015"} {
		r, last := goodReturn(), goodPrevious()
		derivedBreaks[code](r, last)
		x := goodContext(last)
		x.Area = ""
		if slices.Contains(codesOf(Validate(r, x)), code) {
			t.Errorf("%s failed without the authority's area", code)
		}
	}
	for _, code := range []string{"452", "453", "503G", "503H", "503J"} {
		r, last := goodReturn(), goodPrevious()
		derivedBreaks[code](r, last)
		x := goodContext(nil)
		if slices.Contains(codesOf(Validate(r, x)), code) {
			t.Errorf("%s failed without last year's return", code)
		}
	}
}

// TestDerivedRulesAreListed: DerivedRules names every rule of
// rules_derived.go, and no other.
func TestDerivedRulesAreListed(t *testing.T) {
	var codes []string
	for _, rule := range derivedRules {
		codes = append(codes, rule.Code)
	}
	if !slices.Equal(codes, DerivedRules) {
		t.Errorf("DerivedRules %v, rules %v", DerivedRules, codes)
	}
}
