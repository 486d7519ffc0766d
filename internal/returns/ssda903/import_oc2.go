package ssda903

import (
	"fmt"
	"strconv"
	"time"

	"sightline/internal/casework"
)

// oc2Outcomes reads an OC2 row's SDQ, conviction, immunisations and
// substance misuse into outcome records of the child. The return says
// what held in the year, not when: each record is dated 31 March, the
// return's reference date, with a note saying so, and the export writes
// the row again from them (export_oc2.go). A 0 the export works out from
// no record (CONVICTED, SUBSTANCE_MISUSE) adds none; a value the export
// would not write from what is kept (a reason beside a score, a
// CONVICTED of a child under 10, interventions without misuse) is
// reported as not kept. An SDQ score
// that is no whole number from 0 to 40 refuses the child.
func (im *importer) oc2Outcomes(c casework.Child, row *Row, end time.Time) ([]casework.CareOutcome, []Refusal, *Refusal) {
	note := func(what string) string {
		return "From the SSDA903 return (OC2): " + what + " in the year " + im.year.String() + "; the return does not say on which day"
	}
	var out []casework.CareOutcome
	var notKept []Refusal
	add := func(o casework.CareOutcome, what string) {
		o.ChildID, o.Date, o.Notes = c.ID, end, note(what)
		out = append(out, o)
	}
	if v := row.Get("SDQ_SCORE"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 40 {
			return nil, nil, refusal(OC2, row, "SDQ_SCORE", fmt.Sprintf("%q is not an SDQ score: a whole number from 0 to 40", printable(v)))
		}
		add(casework.CareOutcome{Kind: casework.OutcomeSDQ, SDQScore: &n}, "the latest SDQ")
		if r := row.Get("SDQ_REASON"); r != "" {
			notKept = append(notKept, *refusal(OC2, row, "SDQ_REASON",
				fmt.Sprintf("%q is not kept: an SDQ with a score needs no reason (rule 197a)", printable(r))))
		}
	} else if v := row.Get("SDQ_REASON"); v != "" {
		add(casework.CareOutcome{Kind: casework.OutcomeSDQ, SDQReason: v}, "no SDQ completed")
	}
	switch row.Get("CONVICTED") {
	case "1":
		add(casework.CareOutcome{Kind: casework.OutcomeConviction}, "convicted, or given a final warning or reprimand,")
	case "0":
		if age, ok := c.AgeOn(end); ok && age < casework.ConvictionFromAge {
			notKept = append(notKept, *refusal(OC2, row, "CONVICTED",
				`"0" is not kept: sightline reports convictions of a child 10 or over on 31 March (rule 542)`))
		}
	}
	if v := row.Get("IMMUNISATIONS"); v != "" {
		add(casework.CareOutcome{Kind: casework.OutcomeImmunisations, UpToDate: v == "1"}, "immunisations checked")
	}
	if row.Get("SUBSTANCE_MISUSE") == "1" {
		got := row.Get("INTERVENTION_RECEIVED") == "1"
		add(casework.CareOutcome{Kind: casework.OutcomeSubstanceMisuse, Received: got,
			Offered: got || row.Get("INTERVENTION_OFFERED") == "1"}, "substance misuse identified")
	} else {
		for _, col := range []string{"INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"} {
			if v := row.Get(col); v != "" {
				notKept = append(notKept, *refusal(OC2, row, col, fmt.Sprintf("%q is not kept: an intervention is "+
					"recorded with the substance misuse it was for (rule 193)", printable(v))))
			}
		}
	}
	return out, notKept, nil
}
