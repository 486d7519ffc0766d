package ssda903

import "testing"

// decidedBeforeTheYear is goodReturn with its decision made on 15 March
// 2025, before the year, and so in last year's PlacedAdoption too.
func decidedBeforeTheYear(r, last *Return) {
	assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "15/03/2025")
	last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "15/03/2025", "", "")
}

// adoptionDecisionCases keep each rule with its conditions met (passes)
// and break it with one change (fails).
var adoptionDecisionCases = map[string]struct{ passes, fails func(r, last *Return) }{
	"117": {
		// Reversed the day care ended, not after it.
		passes: then(leftForGuardianship, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "01/03/2026") }),
		fails:  then(leftForGuardianship, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "02/03/2026") }),
	},
	"118": {
		passes: then(decidedBeforeTheYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "01/04/2025") }),
		fails:  then(decidedBeforeTheYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED_CEASED", "31/03/2025") }),
	},
	"335": {
		passes: adoptedInYear,
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "FOSTER_CARE", "0") }),
	},
	"408": {
		passes: adoptedInYear,
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, Episodes, 3), "LS", "C2") }),
	},
	"516": {
		passes: leftForGuardianship,
		fails: then(leftForGuardianship, func(r, _ *Return) {
			// Left care to her carers from the placement for adoption.
			assign(row(r, Episodes, 4), "PLACE", "A5")
		}),
	},
	"519": {
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, AD1, 0), "LS_ADOPTR", "L2") }),
		fails: then(adoptedInYear, func(r, _ *Return) {
			assign(row(r, AD1, 0), "LS_ADOPTR", "L2", "NB_ADOPTR", "1", "SEX_ADOPTR", "F1")
		}),
	},
	"523": {
		// The earlier decision, reversed, is not the one that stood.
		passes: decidedTwice,
		fails:  then(decidedTwice, func(r, _ *Return) { assign(row(r, AD1, 0), "DATE_INT", "16/07/2025") }),
	},
	"563": {
		passes: leftForGuardianship,
		fails:  then(leftForGuardianship, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "") }),
	},
	"1003": {
		// Decided the day care began.
		passes: then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "10/02/2025") }),
		fails:  then(adoptedInYear, func(r, _ *Return) { assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "09/02/2025") }),
	},
}

func init() { addCases(adoptionDecisionCases) }

// TestAdoptionDecisionRules checks each rule on the decision to place for
// adoption and on who the child was placed with and left care to.
func TestAdoptionDecisionRules(t *testing.T) { checkCases(t, adoptionDecisionCases) }

// TestAdoptionDecisionRulesOtherWays breaks the rules with more than one
// condition the other ways.
func TestAdoptionDecisionRulesOtherWays(t *testing.T) {
	for name, c := range map[string]struct {
		code   string
		change func(r, last *Return)
	}{
		"117 decided after 31 March, still in care": {"117", func(r, _ *Return) {
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "01/04/2026", "DATE_PLACED_CEASED", "", "REASON_PLACED_CEASED", "")
		}},
		"118 reversed before care began": {"118", func(r, _ *Return) {
			// Care began on 1 June; the decision reversed on 31 May.
			r.Files[Episodes] = r.Files[Episodes][1:]
			assign(row(r, Episodes, 0), "RNE", "S")
			assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "01/06/2025", "DATE_PLACED_CEASED", "31/05/2025")
		}},
		"335 adopted by carers who did not foster her": {"335", then(adoptedInYear, func(r, _ *Return) {
			assign(row(r, Episodes, 3), "PLACE", "A6")
		})},
	} {
		r, last := goodReturn(), goodPrevious()
		c.change(r, last)
		if len(failuresOf(r, last, c.code)) == 0 {
			t.Errorf("%s: the return does not fail %s", name, c.code)
		}
	}
}

// TestRule118LooksPastShortBreaks: care began with the first episode that
// is not a short break.
func TestRule118LooksPastShortBreaks(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	assign(row(r, Episodes, 0), "LS", "V3")
	assign(row(r, PlacedAdoption, 0), "DATE_PLACED", "01/05/2025", "DATE_PLACED_CEASED", "31/05/2025")
	if len(failuresOf(r, last, "118")) == 0 {
		t.Error("a decision reversed before care began, after a short break, does not fail 118")
	}
}
