package ssda903

import (
	"testing"
	"time"

	"sightline/internal/casework"
)

// score is an SDQ score to point at.
func score(n int) *int { return &n }

// oc2Of is the OC2 row written for a child born on dob, looked after from
// before the year, with the outcome records given.
func oc2Of(dob time.Time, outcomes ...casework.CareOutcome) *Row {
	cf := casework.CaseFile{Child: casework.Child{ID: 1, LAChildID: "K1", DateOfBirth: &dob}, Outcomes: outcomes}
	r := NewReturn()
	addOC2(r, &cf, 2026)
	return r.Files[OC2][0]
}

// TestTheSDQGoesByAge: nothing under 4 on 31 March or 17 on 1 April
// (rules 188, 189), the age reason for a child who turned 4 or 17 in the
// year with none recorded (197B, 157), the latest of the year otherwise,
// blank when none was recorded (186 reports it).
func TestTheSDQGoesByAge(t *testing.T) {
	sdq := func(on time.Time, n *int, reason string) casework.CareOutcome {
		return casework.CareOutcome{Kind: casework.OutcomeSDQ, Date: on, SDQScore: n, SDQReason: reason}
	}
	for _, tc := range []struct {
		name          string
		dob           time.Time
		outcomes      []casework.CareOutcome
		score, reason string
	}{
		{"3 on 31 March, scored", day(2022, 4, 1), []casework.CareOutcome{sdq(day(2025, 6, 1), score(9), "")}, "", ""},
		{"turned 4 in the year, none recorded", day(2021, 9, 1), nil, "", "SDQ1"},
		{"10, none recorded", day(2015, 9, 1), nil, "", ""},
		{"10, the carer refused", day(2015, 9, 1), []casework.CareOutcome{sdq(day(2025, 6, 1), nil, "SDQ2")}, "", "SDQ2"},
		{"10, scored then refused", day(2015, 9, 1),
			[]casework.CareOutcome{sdq(day(2025, 6, 1), score(9), ""), sdq(day(2025, 12, 1), nil, "SDQ5")}, "", "SDQ5"},
		{"10, scored last year", day(2015, 9, 1), []casework.CareOutcome{sdq(day(2025, 3, 31), score(9), "")}, "", ""},
		{"turned 17 in the year, none recorded", day(2008, 9, 1), nil, "", "SDQ1"},
		{"turned 17 in the year, scored", day(2008, 9, 1), []casework.CareOutcome{sdq(day(2025, 6, 1), score(21), "")}, "21", ""},
		{"17 on 1 April", day(2008, 4, 1), []casework.CareOutcome{sdq(day(2025, 6, 1), score(21), "")}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := oc2Of(tc.dob, tc.outcomes...)
			if row.Get("SDQ_SCORE") != tc.score || row.Get("SDQ_REASON") != tc.reason {
				t.Errorf("SDQ_SCORE %q SDQ_REASON %q, want %q %q", row.Get("SDQ_SCORE"), row.Get("SDQ_REASON"), tc.score, tc.reason)
			}
		})
	}
}

// TestConvictionsImmunisationsAndSubstanceMisuse: CONVICTED for a child
// 10 or over on 31 March only; IMMUNISATIONS blank without a check in the
// year; interventions as rules 158, 159 and 193 want them.
func TestConvictionsImmunisationsAndSubstanceMisuse(t *testing.T) {
	misuse := func(offered, received bool) casework.CareOutcome {
		return casework.CareOutcome{Kind: casework.OutcomeSubstanceMisuse, Date: day(2025, 8, 1), Offered: offered, Received: received}
	}
	conviction := casework.CareOutcome{Kind: casework.OutcomeConviction, Date: day(2025, 8, 1)}
	for _, tc := range []struct {
		name     string
		dob      time.Time
		outcomes []casework.CareOutcome
		want     [5]string // CONVICTED, IMMUNISATIONS, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED
	}{
		{"9 on 31 March", day(2016, 4, 1), nil, [5]string{"", "", "0", "", ""}},
		{"10 on 31 March, nothing recorded", day(2016, 3, 31), nil, [5]string{"0", "", "0", "", ""}},
		{"convicted", day(2010, 1, 1), []casework.CareOutcome{conviction}, [5]string{"1", "", "0", "", ""}},
		{"immunisations not up to date", day(2010, 1, 1),
			[]casework.CareOutcome{{Kind: casework.OutcomeImmunisations, Date: day(2025, 8, 1)}}, [5]string{"0", "0", "0", "", ""}},
		{"misuse, nothing offered", day(2010, 1, 1), []casework.CareOutcome{misuse(false, false)}, [5]string{"0", "", "1", "0", "0"}},
		{"misuse, offered and refused", day(2010, 1, 1), []casework.CareOutcome{misuse(true, false)}, [5]string{"0", "", "1", "0", "1"}},
		{"misuse, received", day(2010, 1, 1), []casework.CareOutcome{misuse(true, true)}, [5]string{"0", "", "1", "1", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := oc2Of(tc.dob, tc.outcomes...)
			got := [5]string{row.Get("CONVICTED"), row.Get("IMMUNISATIONS"), row.Get("SUBSTANCE_MISUSE"),
				row.Get("INTERVENTION_RECEIVED"), row.Get("INTERVENTION_OFFERED")}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
