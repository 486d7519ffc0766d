package casework_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
)

// TestOutcomesAreCheckedAsTheReturnWantsThem: each record is dated while
// the child was looked after; an SDQ has a score or a reason, the age
// reason only outside 4 to 16; a conviction is of a child 10 or over;
// an intervention's date goes with a yes, after the misuse was found.
func TestOutcomesAreCheckedAsTheReturnWantsThem(t *testing.T) {
	cf := casework.CaseFile{Child: casework.Child{DateOfBirth: ptr(day(2014, 6, 1))},
		CareEpisodes: []casework.CareEpisode{{StartDate: day(2023, 1, 10)}}}
	at := day(2025, 9, 1) // the child is 11
	sdq := func(score *int, reason string) casework.CareOutcome {
		return casework.CareOutcome{Kind: casework.OutcomeSDQ, Date: at, SDQScore: score, SDQReason: reason}
	}
	misuse := casework.CareOutcome{Kind: casework.OutcomeSubstanceMisuse, Date: at}
	for _, tc := range []struct {
		name string
		o    casework.CareOutcome
		want []string
	}{
		{"an SDQ with its score", sdq(ptr(14), ""), nil},
		{"an SDQ the carer refused", sdq(nil, "SDQ2"), nil},
		{"an SDQ with neither", sdq(nil, ""), []string{"sdq_score"}},
		{"an SDQ with both", sdq(ptr(14), "SDQ2"), []string{"sdq_reason"}},
		{"an SDQ scored over 40", sdq(ptr(41), ""), []string{"sdq_score"}},
		{"the age reason at 11 (rule 157)", sdq(nil, "SDQ1"), []string{"sdq_reason"}},
		{"a reason not on the list (rule 196)", sdq(nil, "SDQ9"), []string{"sdq_reason"}},
		{"a conviction at 11", casework.CareOutcome{Kind: casework.OutcomeConviction, Date: at}, nil},
		{"a conviction at 9 (rule 542)", casework.CareOutcome{Kind: casework.OutcomeConviction, Date: day(2023, 7, 1)},
			[]string{"date"}},
		{"before care began", casework.CareOutcome{Kind: casework.OutcomeImmunisations, Date: day(2022, 12, 1)}, []string{"date"}},
		{"in the future", casework.CareOutcome{Kind: casework.OutcomeImmunisations, Date: today.AddDate(0, 0, 1)}, []string{"date"}},
		{"misuse with an intervention received", func() casework.CareOutcome {
			o := misuse
			o.Offered, o.OfferedOn, o.Received, o.ReceivedOn = true, ptr(day(2025, 9, 5)), true, ptr(day(2025, 10, 1))
			return o
		}(), nil},
		{"an intervention dated but not received", func() casework.CareOutcome {
			o := misuse
			o.ReceivedOn = ptr(day(2025, 10, 1))
			return o
		}(), []string{"received_on"}},
		{"an intervention offered before the misuse was found", func() casework.CareOutcome {
			o := misuse
			o.Offered, o.OfferedOn = true, ptr(day(2025, 8, 1))
			return o
		}(), []string{"offered_on"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fieldsOf(cf.CheckOutcome(tc.o, today)); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTheAgeReasonFitsAChildUnder4: SDQ1 is the reason for a child under 4
// on the day, or 17 and over.
func TestTheAgeReasonFitsAChildUnder4(t *testing.T) {
	cf := casework.CaseFile{Child: casework.Child{DateOfBirth: ptr(day(2022, 6, 1))},
		CareEpisodes: []casework.CareEpisode{{StartDate: day(2023, 1, 10)}}}
	o := casework.CareOutcome{Kind: casework.OutcomeSDQ, Date: day(2025, 9, 1), SDQReason: "SDQ1"}
	if err := cf.CheckOutcome(o, today); err != nil {
		t.Errorf("SDQ1 at 3: %v", err)
	}
}
