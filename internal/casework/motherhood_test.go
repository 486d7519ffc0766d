package casework_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
)

// TestMotherhoodIsCheckedAsTheDfEWantsIt names the DfE rule each check
// keeps.
func TestMotherhoodIsCheckedAsTheDfEWantsIt(t *testing.T) {
	girl := casework.Child{Sex: "F", DateOfBirth: ptr(day(2009, 6, 1))}
	for _, tc := range []struct {
		name  string
		child casework.Child
		m     casework.Motherhood
		want  []string
	}{
		{"not a mother", girl, casework.Motherhood{Mother: "0"}, nil},
		{"a mother with her first child's birth", girl, casework.Motherhood{Mother: "1", FirstChildBorn: ptr(day(2026, 2, 1))}, nil},
		{"rules 165 and 174: a girl or young woman", casework.Child{Sex: "M", DateOfBirth: girl.DateOfBirth},
			casework.Motherhood{Mother: "0"}, []string{"mother"}},
		{"rule 165: yes or no", girl, casework.Motherhood{}, []string{"mother"}},
		{"rule 611: a mother's first child's birth", girl, casework.Motherhood{Mother: "1"}, []string{"first_child_born"}},
		{"rule 612: no birth when not a mother", girl, casework.Motherhood{Mother: "0", FirstChildBorn: ptr(day(2026, 2, 1))},
			[]string{"first_child_born"}},
		{"rule 625: not in the future", girl, casework.Motherhood{Mother: "1", FirstChildBorn: ptr(today.AddDate(0, 0, 1))},
			[]string{"first_child_born"}},
		{"rules 620 and 621: not before she was 11", girl, casework.Motherhood{Mother: "1", FirstChildBorn: ptr(day(2020, 5, 31))},
			[]string{"first_child_born"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fieldsOf(tc.child.CheckMotherhood(tc.m, today)); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestMotherhoodOnADay: a return as at a day before her first child was
// born says she was not yet a mother.
func TestMotherhoodOnADay(t *testing.T) {
	m := casework.Motherhood{Mother: "1", FirstChildBorn: ptr(day(2026, 5, 1))}
	if got := m.OnDay(day(2026, 3, 31)); got.Mother != "0" || got.FirstChildBorn != nil {
		t.Errorf("on 31 March 2026 = %+v, want not a mother", got)
	}
	if got := m.OnDay(day(2026, 5, 1)); got.Mother != "1" || got.FirstChildBorn == nil {
		t.Errorf("on her child's birthday = %+v, want a mother", got)
	}
	if got := (casework.Motherhood{}).OnDay(today); got.Recorded() {
		t.Errorf("not recorded became %+v", got)
	}
}
