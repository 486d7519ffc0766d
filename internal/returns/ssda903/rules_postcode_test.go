package ssda903

import (
	"maps"
	"sightline/internal/postcode"
	"testing"
)

// postcodeBreaks break the postcode rules of rules_postcode.go from the
// good return, whose episodes have home AB2 1EF and placements AB1 2CD
// then AB1 3CD.
var postcodeBreaks = map[string]func(r, last *Return){
	"392b": func(r, last *Return) { row(r, Episodes, 0).Set("HOME_POST", "") },
	"392c": func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "AB1") },
	"392d": func(r, last *Return) { row(r, Episodes, 1).Set("HOME_POST", "ab13cd") },
}

func init() { maps.Copy(breaks, postcodeBreaks) }

// TestPostcodeShapes: 392c takes a postcode in any case and spacing, and
// refuses what is not one.
func TestPostcodeShapes(t *testing.T) {
	for v, want := range map[string]bool{
		"AB1 2CD": true, "ab12cd": true, "W1A 1AA": true, "M1 1AE": true, "EC1A 1BB": true, " LS1  1AA ": true,
		"AB1": false, "AB1 2C": false, "1AB 2CD": false, "AB1 CD2": false, "ABC1 2CD": false, "unknown": false,
	} {
		if got := postcode.Valid(v); got != want {
			t.Errorf("postcode.Valid(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestPostcodeRulesLeaveRoom: short breaks (V3, V4) and children who were
// UASC need no postcodes (392b); a child placed with parents may be
// placed at home (392d).
func TestPostcodeRulesLeaveRoom(t *testing.T) {
	r := goodReturn()
	row(r, Episodes, 0).Set("HOME_POST", "")
	row(r, Episodes, 0).Set("LS", "V3")
	if fails(r, goodPrevious(), "392b") {
		t.Error("a short break without a home postcode fails 392b")
	}
	r = goodReturn()
	row(r, Episodes, 0).Set("HOME_POST", "")
	last := goodPrevious()
	last.Add(UASC, 1, "A1", "F", "01/05/2012", "")
	if fails(r, last, "392b") {
		t.Error("a child who was UASC last year fails 392b")
	}
	if !fails(r, goodPrevious(), "392b") {
		t.Error("a child never UASC without a home postcode passes 392b")
	}
	r = goodReturn()
	placed(r, 1, "P1", "PR0")
	row(r, Episodes, 1).Set("HOME_POST", "AB1 3CD")
	if fails(r, goodPrevious(), "392d") {
		t.Error("a child placed with parents at home fails 392d")
	}
}
