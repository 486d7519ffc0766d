package timescale

import (
	"strconv"
	"time"
)

// ProceedingsWeeks: Children Act 1989 s.32(1)(a), as amended by the
// Children and Families Act 2014 s.14: an application for a care or
// supervision order is disposed of "without delay, and in any event within
// twenty-six weeks beginning with the day on which the application was
// issued". The issue day is day 1, so the last day is issue + 181 days
// (timescales.md edge case 13). Conf. M. The court may extend the period
// by up to 8 weeks at a time (s.32(5), (8)); each extension granted by the
// day asked runs on from the end of the period it extends, so the final
// hearing is due that many weeks later. The 26-week indicator still counts
// against 26 weeks, as the national figures do.
const ProceedingsWeeks = 26

var (
	ruleProceedings = Rule{ID: "care_proceedings_26wk", Title: "Care proceedings: final hearing", Confidence: "M",
		Source: "Children Act 1989 s.32(1)(a) as amended by the Children and Families Act 2014 s.14: the application disposed of within 26 weeks beginning with the day it was issued"}
	rulePreProceedings = Rule{ID: "pre_proceedings", Title: "Pre-proceedings: decision", Confidence: "M", Local: true,
		Source: "Local standard (setting " + KeyPreProceedingsWeeks + "): there is no statutory timescale for pre-proceedings; the Public Law Working Group's best-practice guidance is commonly cited as 16 weeks"}
)

// proceedingsFinal sets care_proceedings_26wk: for each set of care
// proceedings issued as at asAt, the final hearing is due 26 weeks
// beginning with the day of issue. Done is the final hearing. RecordID is
// the proceedings.
func proceedingsFinal(in *input) {
	st := step{rule: &ruleProceedings, every: interval{ProceedingsWeeks, weeksBeginning},
		name: "Final hearing", from: "the issue of the application",
		note: ", the day of issue counted as the first"}
	for i := range in.cf.Proceedings {
		p := &in.cf.Proceedings[i]
		if !in.known(p.IssuedOn) {
			continue
		}
		at := st
		if ext := in.cf.ExtensionWeeks(p.ID, in.asAt); ext > 0 {
			at.every.n += ext
			at.note = st.note + ", with the court's extension of " + strconv.Itoa(ext) + " weeks (s.32(5))"
		}
		in.task(&at, p.IssuedOn, in.doneBy(p.FinalHearing), p.ID)
	}
}

// preProceedings sets pre_proceedings: pre-proceedings end (proceedings
// issued, or the concerns reduced) within Settings.PreProceedingsWeeks of
// the decision to enter them. Done is their end. RecordID is the
// pre-proceedings.
func preProceedings(in *input) {
	st := step{rule: &rulePreProceedings, every: interval{in.s.PreProceedingsWeeks, weeks},
		name: "Pre-proceedings decision", from: "the decision to enter pre-proceedings"}
	for i := range in.cf.PLOs {
		p := &in.cf.PLOs[i]
		if !in.known(p.StartDate) {
			continue
		}
		in.task(&st, p.StartDate, in.doneBy(p.EndDate), p.ID)
	}
}

// FinalHearingDue is the last day of the 26 weeks beginning with the day
// proceedings were issued, for the court tracker.
func FinalHearingDue(issued time.Time) time.Time {
	return issued.AddDate(0, 0, 7*ProceedingsWeeks-1)
}

// TargetDate is the last day proceedings issued on issued have, with
// extWeeks of extensions granted: the court tracker's target.
func TargetDate(issued time.Time, extWeeks int) time.Time {
	return issued.AddDate(0, 0, 7*(ProceedingsWeeks+extWeeks)-1)
}

// ProceedingsWeek is the week of proceedings that day d falls in: the
// week beginning with the issue day is week 1.
func ProceedingsWeek(issued, d time.Time) int {
	if d.Before(issued) {
		return 0
	}
	return int(dayOf(d)-dayOf(issued))/7 + 1
}
