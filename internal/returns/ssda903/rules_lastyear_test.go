package ssda903

import "testing"

// The cases here check the readings of the rules comparing with last
// year's return that TestRules (one break from the good return) does not.

// TestRule199: an episode after an adoption this year fails without last
// year's return; the adoption itself, ending an episode left open last
// year, passes.
func TestRule199(t *testing.T) {
	r := goodReturn()
	row(r, Episodes, 0).Set("REC", "E11")
	if !fails(r, nil, "199") {
		t.Error("fails: an episode after this year's adoption passes 199")
	}
	r, last := goodReturn(), goodPrevious()
	row(r, Episodes, 1).Set("DEC", "01/10/2025")
	row(r, Episodes, 1).Set("REC", "E11")
	if fails(r, last, "199") {
		t.Error("passes: a first adoption fails 199")
	}
}

// TestRule560: last year's standing decision carried over passes, and so
// does a later decision after it was reversed this year; a decision
// dated otherwise fails.
func TestRule560(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/03/2025", "", "")
	row(r, PlacedAdoption, 0).Set("DATE_PLACED", "01/03/2025")
	r.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/10/2025", "", "")
	if fails(r, last, "560") {
		t.Error("passes: the decision carried over and a later one fail 560")
	}
	r.Files[PlacedAdoption] = r.Files[PlacedAdoption][1:]
	if !fails(r, last, "560") {
		t.Error("fails: last year's standing decision gone, a new date passes 560")
	}
}

// TestRule584: a decision made after one reversed last year passes.
func TestRule584(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/03/2025", "20/03/2025", "RD1")
	if fails(r, last, "584") || fails(r, last, "561") {
		t.Error("passes: a decision after last year's reversed one fails 584 or 561")
	}
	row(r, PlacedAdoption, 0).Set("DATE_PLACED", "01/02/2025")
	if !fails(r, last, "584") {
		t.Error("fails: a decision before last year's reversed one passes 584")
	}
}

// TestRule562: only an episode begun before the year is checked, and a
// child with no episode last year fails.
func TestRule562(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	row(r, Episodes, 0).Set("DECOM", "01/04/2025")
	last.Files[Episodes] = last.Files[Episodes][1:]
	if fails(r, last, "562") || fails(r, last, "NoE") {
		t.Error("passes: an episode begun in the year fails 562 or NoE")
	}
	r = goodReturn()
	if !fails(r, last, "562") {
		t.Error("fails: a child with no episode last year passes 562")
	}
}

// TestRuleNoE names every episode begun before the year.
func TestRuleNoE(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	r.Add(Episodes, 1, "A1", "01/01/2025", "S", "V2", "N1", "U6", "PR1", "10/02/2025", "E13", "", "AB2 1EF", "AB1 2CD", "")
	last.Files[Episodes] = last.Files[Episodes][1:]
	n := 0
	for _, f := range Validate(r, &Context{Year: 2026, Previous: last}) {
		if f.Code == "NoE" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("NoE names %d episodes, want the 2 begun before the year", n)
	}
}

// TestRule1010: a care leaver whose care ended last year passes (the
// good return's B2); one left in care at the end of last year with
// episodes this year passes too.
func TestRule1010(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	row(last, Episodes, 1).Set("DEC", "")
	row(last, Episodes, 1).Set("REC", "")
	r.Add(Episodes, 2, "B2", "01/01/2021", "S", "C2", "N1", "U1", "PR1", "12/12/2025", "E8", "", "AB3 1GH", "AB1 4CD", "")
	if fails(r, last, "1010") {
		t.Error("passes: a care leaver with episodes this year fails 1010")
	}
}
