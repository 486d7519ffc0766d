package ssda903

import (
	"strconv"

	"sightline/internal/casework"
)

// addOC2 writes the outcomes of a child looked after continuously for 12
// months at 31 March, from what the record holds of the year:
//   - HEALTH_ASSESSMENT and TEETH_CHECK: a health assessment (initial or
//     review) and a dental check in the year, 1 or 0; HEALTH_CHECK, the
//     development check of an under-five, from the same assessment.
//   - SDQ_SCORE or SDQ_REASON (oc2SDQ): the latest SDQ of the year.
//   - CONVICTED: for a child 10 or over on 31 March (rules 542, 543), 1
//     when a conviction, final warning or reprimand is recorded in the
//     year, else 0: the record of one is what says it happened.
//   - IMMUNISATIONS: the latest check of the year, 1 up to date or 0;
//     blank when none was recorded in the year (rule 191 then reports it).
//   - SUBSTANCE_MISUSE: 1 when misuse was identified in the year, else 0;
//     then INTERVENTION_RECEIVED 1 when one was received by 31 March, else
//     0, and INTERVENTION_OFFERED only when none was received (rules 158,
//     159): 1 offered, 0 not. Both blank without misuse (rule 193).
func addOC2(r *Return, cf *casework.CaseFile, y Year) {
	health, teeth := "0", "0"
	for _, e := range cf.CareEvents {
		if !inYear(e.Date, y) {
			continue
		}
		switch e.Kind {
		case casework.HealthInitial, casework.HealthReview:
			health = "1"
		case casework.DentalCheck:
			teeth = "1"
		}
	}
	check := ""
	if underFive(cf.Child, y.End()) {
		check = health
	}
	score, reason := oc2SDQ(cf, y)
	misuse, received, offered := oc2SubstanceMisuse(cf, y)
	r.Add(OC2, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), score, reason, oc2Convicted(cf, y), check,
		oc2Immunisations(cf, y), teeth, health, misuse, received, offered)
}

// yearOutcomes are the child's outcome records of kind dated in the year,
// in date order.
func yearOutcomes(cf *casework.CaseFile, kind string, y Year) []casework.CareOutcome {
	var out []casework.CareOutcome
	for _, o := range cf.Outcomes {
		if o.Kind == kind && inYear(o.Date, y) {
			out = append(out, o)
		}
	}
	return out
}

// oc2SDQ is the SDQ score or reason of the year. The DfE asks it of a
// child 4 or over on 1 April and under 17 on 31 March (rule 186), and of
// one who turned 4 or 17 in the year (rule 197B), for whom the age reason
// SDQ1 stands when no SDQ was recorded (rule 157 allows it them); of no
// child under 4 on 31 March or 17 on 1 April (rules 188, 189): blank.
// Otherwise the latest SDQ recorded in the year, blank when none was
// (rule 186 then reports it).
func oc2SDQ(cf *casework.CaseFile, y Year) (score, reason string) {
	atStart, known := cf.Child.AgeOn(y.Start())
	atEnd, _ := cf.Child.AgeOn(y.End())
	if known && (atEnd < casework.SDQFromAge || atStart >= casework.SDQBeforeAge) {
		return "", ""
	}
	if sdqs := yearOutcomes(cf, casework.OutcomeSDQ, y); len(sdqs) > 0 {
		last := sdqs[len(sdqs)-1]
		if last.SDQScore != nil {
			return strconv.Itoa(*last.SDQScore), ""
		}
		return "", last.SDQReason
	}
	if known && (atStart < casework.SDQFromAge || atEnd >= casework.SDQBeforeAge) {
		return "", "SDQ1"
	}
	return "", ""
}

// oc2Convicted is CONVICTED: blank for a child under 10 on 31 March.
func oc2Convicted(cf *casework.CaseFile, y Year) string {
	if age, ok := cf.Child.AgeOn(y.End()); ok && age < casework.ConvictionFromAge {
		return ""
	}
	return flag(len(yearOutcomes(cf, casework.OutcomeConviction, y)) > 0)
}

// oc2Immunisations is the latest immunisation check of the year.
func oc2Immunisations(cf *casework.CaseFile, y Year) string {
	checks := yearOutcomes(cf, casework.OutcomeImmunisations, y)
	if len(checks) == 0 {
		return ""
	}
	return flag(checks[len(checks)-1].UpToDate)
}

// oc2SubstanceMisuse is SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and
// INTERVENTION_OFFERED from the misuse identified in the year.
func oc2SubstanceMisuse(cf *casework.CaseFile, y Year) (misuse, received, offered string) {
	found := yearOutcomes(cf, casework.OutcomeSubstanceMisuse, y)
	if len(found) == 0 {
		return "0", "", ""
	}
	var got, was bool
	for _, o := range found {
		got = got || (o.Received && (o.ReceivedOn == nil || !o.ReceivedOn.After(y.End())))
		was = was || (o.Offered && (o.OfferedOn == nil || !o.OfferedOn.After(y.End())))
	}
	if got {
		return "1", "1", ""
	}
	return "1", "0", flag(was)
}

// flag is the return's 1 or 0.
func flag(yes bool) string {
	if yes {
		return "1"
	}
	return "0"
}
