package ssda903

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTheREADMEListsTheRulesImplemented keeps README.md's list of rule
// codes the same as the rules the package applies.
func TestTheREADMEListsTheRulesImplemented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range Rules(2026) {
		codes = append(codes, r.Code)
	}
	want := "Implemented (" + strconv.Itoa(len(codes)) + "): " + strings.Join(codes, ", ") + "."
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md should say:\n%s", want)
	}
}
