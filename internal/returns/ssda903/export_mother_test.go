package ssda903

import (
	"testing"

	"sightline/internal/casework"
)

// TestMotherhoodInTheHeader: a girl looked after in the year has her
// motherhood as it stood when her care ended, or on 31 March; a girl on
// short breaks only, a boy, and motherhood not recorded give blanks.
func TestMotherhoodInTheHeader(t *testing.T) {
	first := day(2026, 1, 10)
	mother := casework.Motherhood{Mother: "1", FirstChildBorn: &first}
	open := []episode{{start: day(2025, 6, 1), legal: "C2"}}
	endedBefore := []episode{{start: day(2025, 6, 1), end: ptr(day(2025, 12, 1)), legal: "C2", rec: "E4A"}}
	breaks := []episode{{start: day(2025, 6, 1), legal: "V3"}}
	for _, tc := range []struct {
		name         string
		sex          string
		m            casework.Motherhood
		eps          []episode
		mother, born string
	}{
		{"a mother still looked after", "F", mother, open, "1", "10/01/2026"},
		{"her first child born after her care ended", "F", mother, endedBefore, "0", ""},
		{"not a mother", "F", casework.Motherhood{Mother: "0"}, open, "0", ""},
		{"not recorded", "F", casework.Motherhood{}, open, "", ""},
		{"short breaks only", "F", mother, breaks, "", ""},
		{"a boy", "M", mother, open, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cf := &casework.CaseFile{Child: casework.Child{Sex: tc.sex, Motherhood: tc.m}}
			got := motherhoodOf(cf, tc.eps, 2026)
			if got.Mother != tc.mother || dateOf(got.FirstChildBorn) != tc.born {
				t.Errorf("MOTHER %q MC_DOB %q, want %q %q", got.Mother, dateOf(got.FirstChildBorn), tc.mother, tc.born)
			}
		})
	}
}
