package synth_test

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// batches collects every batch of an authority.
func batches(a *synth.Authority) []*store.SyntheticBatch {
	var out []*store.SyntheticBatch
	for b := range a.Batches(5000) {
		out = append(out, b)
	}
	return out
}

// TestDeterministic checks that the same configuration gives the same
// records, id for id, and that another seed gives others. (The database
// dump of the same is in the cli package's generate tests.)
func TestDeterministic(t *testing.T) {
	for _, sc := range synth.ScenarioNames() {
		t.Run(sc, func(t *testing.T) {
			one, two := batches(generate(t, sc, "small", 42)), batches(generate(t, sc, "small", 42))
			if !reflect.DeepEqual(one, two) {
				t.Fatal("the same seed gave different records")
			}
			other := batches(generate(t, sc, "small", 43))
			if reflect.DeepEqual(one, other) {
				t.Fatal("another seed gave the same records")
			}
		})
	}
}

// TestIdentifiersAreFictional checks every identifier is valid in form and
// fictional: NHS numbers from the 999 test range with a good check digit,
// UPNs with a good check letter and the fictional LA number 999, the LA
// child ID marked SYN, postcodes in the made-up BK area, each unique.
func TestIdentifiersAreFictional(t *testing.T) {
	a := generate(t, "steady", "small", 5)
	seen := map[string]bool{}
	unique := func(kind, v string) {
		if v != "" && seen[kind+v] {
			t.Errorf("%s %s given twice", kind, v)
		}
		seen[kind+v] = true
	}
	// Brackenmoor's districts BK1 to BK9, or a district beyond it (BK60 to
	// BK99) where a young person who arrived alone lives in their placement.
	postcode := regexp.MustCompile(`^BK([1-9]|[6-9][0-9]) [1-9][A-Z]{2}$`)
	for _, c := range a.Children() {
		ch := c.Children[0]
		unique("NHS number", ch.NHSNumber)
		unique("UPN", ch.UPN)
		unique("LA child ID", ch.LAChildID)
		if ch.NHSNumber != "" && (!strings.HasPrefix(ch.NHSNumber, "999") || casework.CheckNHSNumber(ch.NHSNumber) != nil) {
			t.Errorf("NHS number %s is not a valid test-range number", ch.NHSNumber)
		}
		if ch.UPN != "" && (ch.UPN[1:4] != "999" || casework.CheckUPN(ch.UPN) != nil) {
			t.Errorf("UPN %s is not valid with the fictional LA number", ch.UPN)
		}
		if !strings.HasPrefix(ch.LAChildID, "SYN") {
			t.Errorf("LA child ID %s does not say synthetic", ch.LAChildID)
		}
		for _, ad := range c.Addresses {
			if !postcode.MatchString(ad.Postcode) {
				t.Errorf("postcode %q is not in the fictional BK area", ad.Postcode)
			}
		}
	}
}

// TestEthnicitiesAreDiverse checks children come from every ethnic group
// and have names.
func TestEthnicitiesAreDiverse(t *testing.T) {
	a := generate(t, "steady", "small", 5)
	groups := map[byte]int{}
	for _, c := range a.Children() {
		ch := c.Children[0]
		groups[ch.Ethnicity[0]]++
		if ch.DateOfBirth != nil && (ch.FirstName == "" || ch.LastName == "") {
			t.Errorf("child %s has no name", ch.LAChildID)
		}
	}
	for _, g := range "WMABCON" { // white, mixed, asian, black, Chinese, other, not obtained
		if groups[byte(g)] == 0 {
			t.Errorf("no child of an ethnicity starting %c", g)
		}
	}
}

// TestRefusesNationalInOneGoAndEarlyDates checks what Generate cannot do:
// national is made area by area (Stream), and history has a beginning.
func TestRefusesNationalInOneGoAndEarlyDates(t *testing.T) {
	cfg := config(t, "steady", "national", 1)
	if _, err := synth.Generate(cfg); !errors.Is(err, synth.ErrMadeInAreas) {
		t.Errorf("national: error = %v, want ErrMadeInAreas", err)
	}
	cfg = config(t, "steady", "small", 1)
	cfg.AsAt = cfg.AsAt.AddDate(-20, 0, 0)
	if _, err := synth.Generate(cfg); err == nil {
		t.Error("an as-at date in 2006 was accepted")
	}
	if _, err := synth.LookupScenario("nowhere"); err == nil || !strings.Contains(err.Error(), "improving-2017") {
		t.Errorf("unknown scenario: error = %v, want one listing the scenarios", err)
	}
}
