package casework_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
)

// TestAdoptersHangTogether: who adopted is given whole, and the number,
// sexes and legal status agree as the DfE's AD1 rules want.
func TestAdoptersHangTogether(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    casework.Adopters
		want []string
	}{
		{"not recorded", casework.Adopters{}, nil},
		{"one woman, single", casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "F1", LegalStatus: "L0"}, nil},
		{"a married man and woman", casework.Adopters{FosterCarers: "1", Number: 2, Sexes: "MF", LegalStatus: "L11"}, nil},
		{"two women, civil partners", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "FF", LegalStatus: "L2"}, nil},
		{"a man and a woman, civil partners", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MF", LegalStatus: "L2"}, nil},
		{"two men, not married", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MM", LegalStatus: "L4"}, nil},
		{"rule 151: all or none", casework.Adopters{Number: 1},
			[]string{"adopters_sex", "adopters_status", "foster_carers"}},
		{"rule 114: foster carers yes or no", casework.Adopters{FosterCarers: "2", Number: 1, Sexes: "F1", LegalStatus: "L0"},
			[]string{"foster_carers"}},
		{"rule 175: one or two", casework.Adopters{FosterCarers: "0", Number: 3, Sexes: "F1", LegalStatus: "L0"},
			[]string{"adopters_number"}},
		{"rule 176: a sex code", casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "F", LegalStatus: "L0"},
			[]string{"adopters_sex"}},
		{"rule 177: a legal status code", casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "F1", LegalStatus: "L1"},
			[]string{"adopters_status"}},
		{"one adopter is one person", casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "MF", LegalStatus: "L0"},
			[]string{"adopters_sex"}},
		{"rule 511: two adopters are a couple", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "M1", LegalStatus: "L3"},
			[]string{"adopters_sex"}},
		{"rule 514: one adopter is single", casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "F1", LegalStatus: "L11"},
			[]string{"adopters_status"}},
		{"rule 514: a couple is not single", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "FF", LegalStatus: "L0"},
			[]string{"adopters_status"}},
		{"rule 517: L3 is a man and a woman", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MM", LegalStatus: "L3"},
			[]string{"adopters_status"}},
		{"rule 518: L4 is the same sex", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MF", LegalStatus: "L4"},
			[]string{"adopters_status"}},
		{"rule 520: L11 is not the same sex", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "FF", LegalStatus: "L11"},
			[]string{"adopters_status"}},
		{"rule 524: L12 is the same sex", casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MF", LegalStatus: "L12"},
			[]string{"adopters_status"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fieldsOf(tc.a.Validate()); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAdoptersAreRecordedWithTheOrder: who adopted belongs to the
// adoption order, and a plan known on a day before the order has none.
func TestAdoptersAreRecordedWithTheOrder(t *testing.T) {
	dob := ptr(day(2024, 5, 1))
	p := adoptionPlan()
	p.Adopters = casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MF", LegalStatus: "L3"}
	if err := p.Validate(dob, today); err != nil {
		t.Errorf("an adoption order with its adopters: %v", err)
	}
	if on, _ := p.On(day(2026, 3, 1)); on.Adopters.Recorded() {
		t.Errorf("the plan the day before the order has adopters %+v", on.Adopters)
	}
	p.AdoptionOrder = nil
	if got := fieldsOf(p.Validate(dob, today)); !slices.Equal(got, []string{"adopters_number"}) {
		t.Errorf("adopters without an order: fields in error %v, want adopters_number", got)
	}
}

// TestAdoptersAgreeWithThePlacement is rule 335: a child placed for
// adoption with their foster carers (A3, A5) is adopted by former foster
// carers, and one placed with others (A4, A6) is not.
func TestAdoptersAgreeWithThePlacement(t *testing.T) {
	for _, tc := range []struct {
		place, fosterCarers string
		ok                  bool
	}{{"A5", "1", true}, {"A5", "0", false}, {"A3", "0", false}, {"A6", "0", true}, {"A6", "1", false}, {"A4", "1", false}} {
		p := adoptionPlan()
		p.Adopters = casework.Adopters{FosterCarers: tc.fosterCarers, Number: 1, Sexes: "F1", LegalStatus: "L0"}
		cf := casework.CaseFile{Child: casework.Child{DateOfBirth: ptr(day(2024, 5, 1))}, Permanence: []casework.PermanencePlan{p},
			Placements: []casework.Placement{{StartDate: day(2025, 1, 10), Type: "U5"}, {StartDate: *p.Placed, Type: tc.place}}}
		err := cf.CheckNewPermanencePlan(p, today)
		if got := err == nil; got != tc.ok {
			t.Errorf("placed %s, former foster carers %s: accepted %v, want %v (%v)", tc.place, tc.fosterCarers, got, tc.ok, err)
		}
	}
}
