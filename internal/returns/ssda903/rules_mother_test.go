package ssda903

import (
	"maps"
	"slices"
	"testing"
)

// motherBreaks break the motherhood rules of rules_mother.go from the good
// return, where A1 (a girl born 1 May 2012, looked after) is not a mother.
var motherBreaks = map[string]func(r, last *Return){
	"393": func(r, last *Return) { row(r, Header, 0).Set("MOTHER", "") },
	"607": func(r, last *Return) {
		row(r, Header, 0).Set("MOTHER", "")
		ended(r, 1, "01/10/2025", "E4A")
	},
	"611": func(r, last *Return) { row(r, Header, 0).Set("MOTHER", "1") },
	"612": func(r, last *Return) { row(r, Header, 0).Set("MC_DOB", "01/01/2025") },
	"620": func(r, last *Return) { mother(r, "01/05/2015", "01/01/2026") },
	"621": func(r, last *Return) { mother(r, "01/05/2012", "01/01/2010") },
	"625": func(r, last *Return) {
		mother(r, "01/05/2012", "01/03/2026")
		ended(r, 1, "01/10/2025", "E4A")
	},
	"628": func(r, last *Return) { row(r, Header, 1).Set("MOTHER", "0") },
	"165": func(r, last *Return) { row(r, Header, 1).Set("MOTHER", "0") }, // B2 is a young man
	"207": func(r, last *Return) { mother(last, "01/05/2012", "01/01/2025") },
	"624": func(r, last *Return) {
		mother(last, "01/05/2012", "01/01/2025")
		mother(r, "01/05/2012", "02/01/2025")
	},
	"626": func(r, last *Return) {
		row(last, Header, 0).Set("MOTHER", "0")
		mother(r, "01/05/2012", "01/01/2025")
	},
}

// TestFirstChildBornRule625: the first child born after 31 March, or
// after the child's care ended, fails; born after a change of placement
// while care goes on passes (the validator's code compares with the
// latest DEC of any episode).
func TestFirstChildBornRule625(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(r *Return)
		fail bool
	}{
		{"after 31 March", func(r *Return) { mother(r, "01/05/2012", "01/04/2026") }, true},
		{"after care ended", func(r *Return) {
			mother(r, "01/05/2012", "01/03/2026")
			ended(r, 1, "01/10/2025", "E4A")
		}, true},
		{"after a move, still looked after", func(r *Return) { mother(r, "01/05/2012", "01/03/2026") }, false},
		{"before care ended", func(r *Return) {
			mother(r, "01/05/2012", "01/09/2025")
			ended(r, 1, "01/10/2025", "E4A")
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := goodReturn()
			tc.set(r)
			if failed := slices.Contains(codesOf(Validate(r, &Context{Year: 2026})), "625"); failed != tc.fail {
				t.Errorf("fails 625: %v, want %v", failed, tc.fail)
			}
		})
	}
}

// TestMotherStatusRule165 checks each way the rule reads a Header row:
// a code not 0 or 1, a young man's, a girl looked after with none, and a
// girl who is only a care leaver of the year with one; a girl on short
// breaks only, or only a care leaver with none, passes.
func TestMotherStatusRule165(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(r *Return)
		fail bool
	}{
		{"a code not 0 or 1", func(r *Return) { row(r, Header, 0).Set("MOTHER", "2") }, true},
		{"blank for a girl looked after", func(r *Return) { row(r, Header, 0).Set("MOTHER", "") }, true},
		{"blank for a girl on short breaks only", func(r *Return) {
			row(r, Header, 0).Set("MOTHER", "")
			for _, e := range r.Files[Episodes] {
				e.Set("LS", "V3")
			}
		}, false},
		{"given for a girl only a care leaver", func(r *Return) {
			row(r, Header, 1).Set("SEX", "F")
			row(r, Header, 1).Set("MOTHER", "0")
		}, true},
		{"blank for a girl only a care leaver", func(r *Return) { row(r, Header, 1).Set("SEX", "F") }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := goodReturn()
			tc.set(r)
			failed := slices.Contains(codesOf(Validate(r, &Context{Year: 2026})), "165")
			if failed != tc.fail {
				t.Errorf("fails 165: %v, want %v", failed, tc.fail)
			}
		})
	}
}

func init() { maps.Copy(breaks, motherBreaks) }

// mother makes A1, born dob, the mother of a child born first.
func mother(r *Return, dob, first string) {
	set(row(r, Header, 0), "DOB", dob, "MOTHER", "1", "MC_DOB", first)
}
