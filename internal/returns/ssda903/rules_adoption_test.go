package ssda903

import (
	"slices"
	"testing"
)

// adoptedInYear makes goodReturn's child A1 adopted in the year, each
// step of the chain in order: long-term foster care from 1 June, the
// decision that she should be placed for adoption on 15 July, the
// placement order on 1 August, the match on 15 September, placed for
// adoption with her foster carers (A5) on 1 October, adopted on 1 March.
func adoptedInYear(r, _ *Return) {
	assign(row(r, Episodes, 1), "PLACE", "U4", "PLACE_PROVIDER", "PR1", "DEC", "01/08/2025", "REC", "X1", "URN", "SC100001")
	r.Add(Episodes, 1, "A1", "01/08/2025", "L", "E1", "N1", "U4", "PR1", "01/10/2025", "X1", "PLACE", "AB2 1EF", "AB1 3CD", "SC100001")
	r.Add(Episodes, 1, "A1", "01/10/2025", "T", "E1", "N1", "A5", "PR1", "01/03/2026", "E12", "", "AB2 1EF", "AB1 3CD", "SC100003")
	assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "15/07/2025", "DATE_PLACED_CEASED", "", "REASON_PLACED_CEASED", "")
	assign(row(r, AD1, 0), "DATE_INT", "15/07/2025", "DATE_MATCH", "15/09/2025", "FOSTER_CARE", "1", "NB_ADOPTR", "2",
		"SEX_ADOPTR", "MF", "LS_ADOPTR", "L11")
	// Care ended: no missing period is left open (rule 577), no OC2 row
	// (rules 185, 187, 190).
	assign(row(r, Missing, 1), "MIS_END", "10/07/2025")
	r.Files[OC2] = nil
}

// leftForGuardianship is adoptedInYear up to the placement, then the plan
// changed: the decision reversed on 1 February, when she went back to
// being fostered by the same carers (still under the placement order),
// and care ended by a special guardianship order to them, her former
// foster carers, on 1 March.
func leftForGuardianship(r, last *Return) {
	adoptedInYear(r, last)
	assign(row(r, Episodes, 3), "DEC", "01/02/2026", "REC", "X1", "REASON_PLACE_CHANGE", "CARPL")
	r.Add(Episodes, 1, "A1", "01/02/2026", "P", "E1", "N1", "U4", "PR1", "01/03/2026", "E45", "", "AB2 1EF", "AB1 3CD", "SC100001")
	assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "01/02/2026", "REASON_PLACED_CEASED", "RD1")
	for _, c := range adoptionFields {
		row(r, AD1, 0).Set(c, "")
	}
}

// decidedTwice is adoptedInYear with an earlier decision, made on 1 April
// and reversed on 15 July, the day of the decision that stood.
func decidedTwice(r, last *Return) {
	adoptedInYear(r, last)
	r.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/04/2025", "15/07/2025", "RD1")
}

// adoptionCases keep each rule with its conditions met (passes) and break
// it with one change (fails).
var adoptionCases = map[string]struct{ passes, fails func(r, last *Return) }{
	"331": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_MATCH", "01/10/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_MATCH", "02/10/2025") }),
	},
	"334": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_INT", "10/02/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_INT", "09/02/2025") }),
	},
	"336": {
		passes: adoptedInYear,
		fails: then(adoptedInYear, func(r, _ *Return) {
			assign(row(r, Episodes, 2), "PLACE", "K2", "PLACE_PROVIDER", "PR4")
		}),
	},
	"521": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_INT", "01/10/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_INT", "02/10/2025") }),
	},
	"551": {
		passes: adoptedInYear,
		fails:  then(adoptedInYear, func(r, _ *Return) { r.Files[PlacedAdoption] = nil }),
	},
	"552": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "01/10/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "02/10/2025") }),
	},
	"553": {
		passes: adoptedInYear,
		fails: then(adoptedInYear, func(r, _ *Return) {
			// Still under the placement order, the decision reversed.
			assign(row(r, Episodes, 3), "DEC", "", "REC", "")
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "01/02/2026", "REASON_PLACED_CEASED", "RD1")
		}),
	},
	"554": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "01/08/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "02/08/2025") }),
	},
	"557": {
		passes: leftForGuardianship,
		fails: then(leftForGuardianship, func(r, _ *Return) {
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "", "REASON_PLACED_CEASED", "")
		}),
	},
	"558": {
		passes: decidedTwice,
		fails: then(decidedTwice, func(r, _ *Return) {
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "01/02/2026", "REASON_PLACED_CEASED", "RD1")
		}),
	},
	"559": {
		passes: then(adoptedInYear, func(r, last *Return) {
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "15/03/2025")
			last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "15/03/2025", "", "")
		}),
		fails: then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "15/03/2025") }),
	},
	"579": {
		passes: decidedTwice,
		fails:  then(decidedTwice, func(r, _ *Return) { assign(row(r, PlacedAdoption, 1), "DATE_PLACED_CEASED", "16/07/2025") }),
	},
	"582": {
		passes: adoptedInYear,
		fails: then(adoptedInYear, func(r, _ *Return) {
			// Matched and adopted the same day.
			assign(row(r, Episodes, 3), "DECOM", "15/09/2025")
			assign(row(r, Episodes, 2), "DEC", "15/09/2025")
			assign(row(r, AD1, 0), "DATE_MATCH", "01/03/2026")
		}),
	},
	"583": {
		passes: decidedTwice,
		fails: then(decidedTwice, func(r, _ *Return) {
			assign(row(r, PlacedAdoption, 1), "DATE_PLACED_CEASED", "", "REASON_PLACED_CEASED", "")
		}),
	},
}

func init() { addCases(adoptionCases) }

// addCases gives TestRules each case's way to break its rule.
func addCases(cases map[string]struct{ passes, fails func(r, last *Return) }) {
	for code, c := range cases {
		breaks[code] = c.fails
	}
}

// then is f followed by g.
func then(f, g func(r, last *Return)) func(r, last *Return) {
	return func(r, last *Return) { f(r, last); g(r, last) }
}

// assign sets a row's columns: name, value, name, value...
func assign(row *Row, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		row.Set(kv[i], kv[i+1])
	}
}

// failuresOf validates r against last year's return and keeps the
// failures of code.
func failuresOf(r, last *Return, code string) []Failure {
	return slices.DeleteFunc(Validate(r, &Context{Year: 2026, Previous: last}), func(f Failure) bool { return f.Code != code })
}

// checkCases runs each case: the rule's conditions met, it passes; broken,
// it fails.
func checkCases(t *testing.T, cases map[string]struct{ passes, fails func(r, last *Return) }) {
	for code, c := range cases {
		t.Run(code, func(t *testing.T) {
			r, last := goodReturn(), goodPrevious()
			c.passes(r, last)
			if fs := failuresOf(r, last, code); len(fs) > 0 {
				t.Errorf("passes: %+v", fs)
			}
			r, last = goodReturn(), goodPrevious()
			c.fails(r, last)
			if len(failuresOf(r, last, code)) == 0 {
				t.Errorf("fails: broken, the return does not fail %s", code)
			}
		})
	}
}

// TestAdoptionChainRules checks each rule on the chain of an adoption.
func TestAdoptionChainRules(t *testing.T) { checkCases(t, adoptionCases) }

// TestAnAdoptionInTheYearPassesEveryRule: the whole chain, in order, is a
// good return, and so is a plan for adoption that ended in guardianship.
func TestAnAdoptionInTheYearPassesEveryRule(t *testing.T) {
	for name, change := range map[string]func(r, last *Return){"adopted": adoptedInYear, "guardianship": leftForGuardianship} {
		r, last := goodReturn(), goodPrevious()
		change(r, last)
		for _, f := range Validate(r, &Context{Year: 2026, Previous: last}) {
			t.Errorf("%s: %s %s %s %s: %s", name, f.Code, f.Child, f.File, f.Field, f.Message)
		}
	}
}

// TestRule559NeedsLastYear: without last year's return, a decision from
// before the year is not questioned.
func TestRule559NeedsLastYear(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	adoptionCases["559"].fails(r, last)
	for _, f := range Validate(r, &Context{Year: 2026}) {
		if f.Code == "559" {
			t.Errorf("559 failed without last year's return: %+v", f)
		}
	}
}
