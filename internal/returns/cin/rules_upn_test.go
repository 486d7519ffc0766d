package cin_test

import (
	"testing"

	"sightline/internal/returns/cin"
)

// failuresOf counts the failures of rule code by m's first child, the
// one each case changes.
func failuresOf(t *testing.T, m *cin.Message, code string) int {
	t.Helper()
	fs, err := cin.Validate(m, context2026())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range fs {
		if f.Code == code && f.Child == m.Children[0].Identifiers.LAchildID {
			n++
		}
	}
	return n
}

// TestRule1530TakesTheDfEListAndTheReturnsOwnLACode: characters 2-4 of a
// UPN pass when the DfE's list holds them, or when they are the LA code
// of the header (a generated authority's 999 passes only so).
func TestRule1530TakesTheDfEListAndTheReturnsOwnLACode(t *testing.T) {
	for _, tc := range []struct {
		name, upnLA, headerLA string
		fails                 bool
	}{
		{"1530 passes: the list's first code", "001", "", false},
		{"1530 passes: a code on its own in the list", "420", "", false},
		{"1530 passes: the list's last code", "943", "", false},
		{"1530 fails: a code between two ranges", "006", "", true},
		{"1530 fails: a code next to one in the list", "421", "", true},
		{"1530 fails: a code after the list", "944", "", true},
		{"1530 fails: 000", "000", "", true},
		{"1530 fails: not digits", "ABC", "", true},
		{"1530 fails: 999 with no LA code in the header", "999", "", true},
		{"1530 passes: 999 when the header's LEA is 999", "999", "999", false},
		{"1530 fails: another code not in the list when the header's LEA is 999", "421", "999", true},
		{"1530 passes: a code in the list whatever the header says", "201", "999", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := goodMessage()
			if tc.headerLA != "" {
				m.Header.Source = &cin.Source{SourceLevel: "L", LEA: tc.headerLA}
			}
			m.Children[0].Identifiers.UPN = goodUPN(tc.upnLA + "000000012")
			if got := failuresOf(t, &m, "1530"); (got > 0) != tc.fails {
				t.Errorf("UPN %s with header LEA %q: %d failures of 1530", m.Children[0].Identifiers.UPN, tc.headerLA, got)
			}
		})
	}
}
