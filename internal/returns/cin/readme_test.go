package cin_test

import (
	"os"
	"strings"
	"testing"

	"sightline/internal/returns/cin"
)

// TestTheREADMEListsTheRulesImplemented keeps README.md's list of rule
// codes the same as the rules the package applies.
func TestTheREADMEListsTheRulesImplemented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := cin.Rules(2026)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range rules {
		codes = append(codes, r.Code)
	}
	want := "Implemented (" + itoa(len(codes)) + "): " + strings.Join(codes, ", ") + "."
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md should say:\n%s", want)
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
