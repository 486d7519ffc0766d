package metrics

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// bandByAge is the DfE's age band by the child's age in whole years, the
// plain way: one date sum per child.
func bandByAge(born, at time.Time) string {
	age := ageOn(born, at)
	switch {
	case age < 0:
		return "Unborn"
	case age < 1:
		return "Under 1"
	case age < 5:
		return "1 to 4"
	case age < 10:
		return "5 to 9"
	case age < 16:
		return "10 to 15"
	}
	return "16 and over"
}

// TestAgeBandsChangeOnBirthdays: a child moves into the next band on the
// birthday that starts it, leap-day births included, as the plain count of
// years would have it, for every day of birth over 17 years.
func TestAgeBandsChangeOnBirthdays(t *testing.T) {
	for _, asAt := range []string{"2024-02-28", "2024-02-29", "2025-02-28", "2025-03-01", "2026-12-06"} {
		at, _ := calendar.ParseDate(asAt)
		d := NewData(Org{})
		first := at.AddDate(-17, 0, -3)
		for b := first; !b.After(at.AddDate(0, 0, 3)); b = b.AddDate(0, 0, 1) {
			born := b
			d.Put(Records{Files: []casework.CaseFile{{Child: casework.Child{ID: int64(len(d.childID) + 1), DateOfBirth: &born}}}})
		}
		d.Put(Records{Files: []casework.CaseFile{{Child: casework.Child{ID: 999999}}}})
		g := d.newEval(Query{AsAt: at}).grouper(ByAgeBand)
		for ci := range d.childID {
			want := "Not recorded"
			if d.born[ci] != Never {
				want = bandByAge(TimeOf(d.born[ci]), at)
			}
			if got := g.name(int32(ci)); got != want {
				t.Errorf("as at %s, born %s: band %q, want %q", asAt, TimeOf(d.born[ci]).Format(time.DateOnly), got, want)
			}
		}
	}
}

// TestGroupsOfOneNameAreOne: two teams with the same name, or a code
// recorded as blank and none recorded, make one group, not two.
func TestGroupsOfOneNameAreOne(t *testing.T) {
	_, names := namesOf(4, func(r int) string { return []string{"No open case", "Duty", "Duty", "Hub"}[r] })
	if len(names) != 3 {
		t.Errorf("names %v, want three", names)
	}
	g := codeGrouping([]string{"", "WBRI"}, []int32{-1, 0, 1})
	if g.name(0) != g.name(1) || g.of(0) != g.of(1) || g.name(2) != "WBRI" {
		t.Errorf("groups: %q %q %q, want the first two one group, Not recorded", g.name(0), g.name(1), g.name(2))
	}
}
