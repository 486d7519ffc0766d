package ssda903

import "testing"

// The OC2 rules of rules_oc2.go, each with a case that meets its
// conditions and passes and one that breaks it, from the good return,
// where A1 (born 1 May 2012: 12 on 1 April, 13 on 31 March) has been
// looked after since February 2025 and has an OC2 row: SDQ score 14, not
// convicted, immunisations, teeth and health assessment done, no
// substance misuse.

// oc2Row0 is A1's OC2 row.
func oc2Row0(r *Return) *Row { return row(r, OC2, 0) }

// oc2Set sets A1's OC2 items: name, value, name, value….
func oc2Set(kv ...string) func(r, last *Return) {
	return func(r, _ *Return) { assign(oc2Row0(r), kv...) }
}

// bornOn gives A1 another date of birth, in the Header and OC2.
func bornOn(dob string) func(r, last *Return) {
	return func(r, _ *Return) {
		row(r, Header, 0).Set("DOB", dob)
		oc2Row0(r).Set("DOB", dob)
	}
}

// leftCare ends A1's care in the year: she is no longer looked after
// for the 12 months to 31 March.
func leftCare(r, _ *Return) { ended(r, 1, "01/10/2025", "E4A") }

// noOC2Items blanks every item of A1's OC2 row.
var noOC2Items = oc2Set("SDQ_SCORE", "", "SDQ_REASON", "", "CONVICTED", "", "HEALTH_CHECK", "", "IMMUNISATIONS", "",
	"TEETH_CHECK", "", "HEALTH_ASSESSMENT", "", "SUBSTANCE_MISUSE", "", "INTERVENTION_RECEIVED", "", "INTERVENTION_OFFERED", "")

var oc2Cases = map[string]struct{ passes, fails func(r, last *Return) }{
	"157": {passes: then(bornOn("01/05/2008"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1")), // 17 on 31 March
		fails: oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1")},
	"158": {passes: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "1"),
		fails: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "1", "INTERVENTION_OFFERED", "0")},
	"159": {passes: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "0", "INTERVENTION_OFFERED", "1"),
		fails: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "0")},
	"182": {passes: noOC2Items, fails: oc2Set("IMMUNISATIONS", "")},
	"185": {passes: oc2Set("SDQ_SCORE", "30"), fails: leftCare},
	"186": {passes: oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ2"), fails: oc2Set("SDQ_SCORE", "")},
	"188": {passes: then(bornOn("01/04/2022"), oc2Set("SDQ_SCORE", "", "CONVICTED", "")), // 3 on 31 March
		fails: then(bornOn("01/04/2022"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1"))},
	"189": {passes: then(bornOn("01/04/2008"), oc2Set("SDQ_SCORE", "")), // 17 on 1 April
		fails: bornOn("01/04/2008")},
	"190": {passes: then(leftCare, noOC2Items), fails: then(leftCare, oc2Set("SDQ_SCORE", ""))},
	"191": {passes: oc2Set("IMMUNISATIONS", "0"), fails: oc2Set("SUBSTANCE_MISUSE", "")},
	"192": {passes: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "0", "INTERVENTION_OFFERED", "0"),
		fails: oc2Set("SUBSTANCE_MISUSE", "1")},
	"193": {passes: oc2Set("SUBSTANCE_MISUSE", "1", "INTERVENTION_RECEIVED", "1"),
		fails: oc2Set("INTERVENTION_OFFERED", "1")},
	"197a": {passes: oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ4"), fails: oc2Set("SDQ_REASON", "SDQ4")},
	"197B": {passes: then(bornOn("01/09/2021"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1", "CONVICTED", "")), // 4 in the year
		fails: then(bornOn("01/09/2021"), oc2Set("SDQ_SCORE", "", "CONVICTED", ""))},
	"198": {passes: oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ5"), fails: then(leftCare, oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ5"))},
	"542": {passes: then(bornOn("01/04/2016"), oc2Set("CONVICTED", "")), // 9 on 31 March
		fails: bornOn("01/04/2016")},
	"543": {passes: oc2Set("CONVICTED", "1"), fails: oc2Set("CONVICTED", "")},
	"544": {passes: oc2Set("CONVICTED", "1"), fails: oc2Set("CONVICTED", "1", "TEETH_CHECK", "")},
	"545": {passes: then(bornOn("01/06/2021"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1", "CONVICTED", "", "HEALTH_CHECK", "1")),
		fails: then(bornOn("01/06/2021"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1", "CONVICTED", ""))},
	"546": {passes: oc2Set("HEALTH_CHECK", ""), fails: oc2Set("HEALTH_CHECK", "0")},
	"547": {passes: then(bornOn("01/06/2021"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1", "CONVICTED", "", "HEALTH_CHECK", "1")),
		fails: then(bornOn("01/06/2021"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", "SDQ1", "CONVICTED", "", "HEALTH_CHECK", "1",
			"HEALTH_ASSESSMENT", ""))},
}

func init() { addCases(oc2Cases) }

// TestOC2Rules checks each OC2 rule on A1's row.
func TestOC2Rules(t *testing.T) { checkCases(t, oc2Cases) }

// TestAChildSeventeenOnThe1stOfAprilFailsNeither189Nor197B: 189 forbids
// an SDQ answer of a child 17 on the first day of the year and 197B, as
// the validator has it, asks one of every child who turns 17 in the year,
// that day included; the return cannot meet both, and here 189 stands.
func TestAChildSeventeenOnThe1stOfAprilFailsNeither189Nor197B(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	then(bornOn("01/04/2008"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", ""))(r, last)
	for _, code := range []string{"189", "197B"} {
		if fs := failuresOf(r, last, code); len(fs) > 0 {
			t.Errorf("%s fails a child 17 on 1 April with no SDQ answer: %+v", code, fs)
		}
	}
	then(bornOn("02/04/2008"), oc2Set("SDQ_SCORE", "", "SDQ_REASON", ""))(r, last)
	if fs := failuresOf(r, last, "197B"); len(fs) == 0 {
		t.Error("197B passes a child 17 on 2 April with no SDQ answer")
	}
}

// TestRule191WantsAnOC2Row: a child of the cohort with no OC2 row fails
// on the first episode; one whose care ended in the year, or began after
// 1 April, or ended on 31 March, needs none.
func TestRule191WantsAnOC2Row(t *testing.T) {
	noRow := func(r, _ *Return) { r.Files[OC2] = nil }
	for _, tc := range []struct {
		name string
		set  func(r, last *Return)
		fail bool
	}{
		{"looked after for the year", noRow, true},
		{"care ended in the year", then(noRow, leftCare), false},
		{"care ended on 31 March", then(noRow, func(r, _ *Return) { ended(r, 1, "31/03/2026", "E4A") }), false},
		{"care began after 1 April", then(noRow, func(r, _ *Return) {
			assign(row(r, Episodes, 0), "DECOM", "02/04/2025")
		}), false},
		{"care began on 1 April", then(noRow, func(r, _ *Return) {
			assign(row(r, Episodes, 0), "DECOM", "01/04/2025")
		}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, last := goodReturn(), goodPrevious()
			tc.set(r, last)
			fs := failuresOf(r, last, "191")
			if (len(fs) > 0) != tc.fail {
				t.Errorf("fails 191: %+v, want a failure %v", fs, tc.fail)
			}
			if tc.fail && len(fs) > 0 && (fs[0].File != Episodes || fs[0].Field != "CHILD") {
				t.Errorf("named %s %s, want the episode's CHILD", fs[0].File, fs[0].Field)
			}
		})
	}
}
