package web

import (
	"strconv"
	"time"

	"sightline/internal/casework"
)

// The outcomes of a looked-after child the children looked after return
// asks of a year in care (SSDA903 OC2): an SDQ, a conviction, final
// warning or reprimand, a check of immunisations, substance misuse with
// the intervention offered and received. Each is recorded from the
// child's record while looked after (PermEditChildren, routes_care.go)
// and corrected from the chronology (care_correct.go), saved from the
// version read when the form was opened.

// outcomeForms are the forms recording each kind: its path under the
// child, heading and confirmation.
var outcomeForms = []struct {
	kind, path, heading, done string
}{
	{casework.OutcomeSDQ, "care/sdq", "Record a Strengths and Difficulties Questionnaire", "SDQ recorded"},
	{casework.OutcomeConviction, "care/conviction", "Record a conviction, final warning or reprimand", "Conviction recorded"},
	{casework.OutcomeImmunisations, "care/immunisations", "Record a check of immunisations", "Immunisations check recorded"},
	{casework.OutcomeSubstanceMisuse, "care/substance-misuse", "Record substance misuse identified", "Substance misuse recorded"},
}

// outcomeAction records a new outcome of kind in the open period of care.
func outcomeAction(kind, heading, done string) action {
	return action{
		done: done, heading: heading, submit: "Save",
		ready:  (*actionCtx).inCare,
		about:  func(a *actionCtx) []summaryRow { return outcomeAbout(kind) },
		fields: func(a *actionCtx) []field { return outcomeFields(casework.CareOutcome{Kind: kind, Date: a.today}) },
		save: func(a *actionCtx, f form) error {
			o, v := readOutcome(f, casework.CareOutcome{ChildID: a.child.ID, Kind: kind})
			mergeErrors(v, a.cf.CheckOutcome(o, a.today))
			if v.Err() != nil {
				return v
			}
			_, err := a.s.store.RecordOutcome(a.r.Context(), a.actor(), o)
			return saveErr(err)
		},
	}
}

var correctOutcomeAction = action{
	done:    "Record corrected",
	heading: "Correct the record", submit: "Save correction",
	ready: func(a *actionCtx) string {
		if a.cf.FindOutcome(a.recordID()) == nil {
			return noSuchRecord("record")
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if o := a.cf.FindOutcome(a.recordID()); o != nil {
			return editTarget("care_outcome", o.ID, o.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		o := a.cf.FindOutcome(a.recordID())
		return append([]summaryRow{{"Record", casework.LabelOf(casework.OutcomeKinds(), o.Kind)}}, outcomeAbout(o.Kind)...)
	},
	fields: func(a *actionCtx) []field { return outcomeFields(*a.cf.FindOutcome(a.recordID())) },
	save: func(a *actionCtx, f form) error {
		o, v := readOutcome(f, *a.cf.FindOutcome(a.recordID()))
		o.Version = a.version
		mergeErrors(v, a.cf.CheckOutcome(o, a.today))
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.CorrectOutcome(a.r.Context(), a.actor(), o)
		return saveErr(err)
	},
}

// outcomeAbout says what the return asks of the kind.
func outcomeAbout(kind string) []summaryRow {
	switch kind {
	case casework.OutcomeSDQ:
		return []summaryRow{{"Who it is for", "Children aged 4 to 16 looked after for a year: the latest of the year goes in the return"}}
	case casework.OutcomeConviction:
		return []summaryRow{{"Who it is for", "Children aged 10 or over: a conviction, final warning, reprimand or youth caution"}}
	}
	return nil
}

// outcomeFields are the questions of an outcome of o's kind, showing o.
func outcomeFields(o casework.CareOutcome) []field {
	notes := textF("notes", "Note", "Optional, a few words")
	notes.Value = o.Notes
	switch o.Kind {
	case casework.OutcomeSDQ:
		score := textF("sdq_score", "Total difficulties score", "A whole number from 0 to 40. Leave blank if it was not completed")
		if o.SDQScore != nil {
			score.Value = strconv.Itoa(*o.SDQScore)
		}
		return []field{dateF("date", "Date completed, or due if it was not", o.Date), score,
			selectF("sdq_reason", "If it was not completed, why", withCodes(casework.SDQReasons()), o.SDQReason), notes}
	case casework.OutcomeConviction:
		notes.Hint = "Optional, a few words: for example, youth caution"
		return []field{dateF("date", "Date of the conviction, final warning or reprimand", o.Date), notes}
	case casework.OutcomeImmunisations:
		up := yesnoF("up_to_date", "Were the child's immunisations up to date?", "")
		up.Value = yesNoOf(o)
		return []field{dateF("date", "Date checked", o.Date), up, notes}
	}
	offered, received := yesnoF("offered", "Was the child offered an intervention?", ""), yesnoF("received", "Did the child receive one?", "")
	offered.Value, received.Value = yesNo(o.Offered), yesNo(o.Received)
	if o.ID == 0 {
		offered.Value, received.Value = "", ""
	}
	return []field{dateF("date", "Date the misuse was identified", o.Date), offered,
		maybeDateF("offered_on", "Date the intervention was offered", o.OfferedOn), received,
		maybeDateF("received_on", "Date the child began to receive it", o.ReceivedOn), notes}
}

// yesNoOf is an immunisation check's answer as the form shows it: none
// for a new record.
func yesNoOf(o casework.CareOutcome) string {
	if o.ID == 0 {
		return ""
	}
	return yesNo(o.UpToDate)
}

// maybeDateF is a date field that may be left blank.
func maybeDateF(name, label string, d *time.Time) field {
	return field{Name: name, Label: label, Kind: "date", Hint: "Optional. For example, 27 3 2026", Date: dateFieldOf(d)}
}

// readOutcome reads the answers onto o, with the errors of reading them.
func readOutcome(f form, o casework.CareOutcome) (casework.CareOutcome, *casework.ValidationError) {
	v := &casework.ValidationError{}
	o.Date, o.Notes = f.date(v, "date", "Date"), f.text("notes")
	switch o.Kind {
	case casework.OutcomeSDQ:
		o.SDQScore, o.SDQReason = nil, f.text("sdq_reason")
		if s := f.text("sdq_score"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				v.Add("sdq_score", "The total score is a whole number from 0 to 40")
			}
			o.SDQScore = &n
		}
	case casework.OutcomeImmunisations:
		if !answered(f, "up_to_date") {
			v.Add("up_to_date", "Select yes if the child's immunisations were up to date")
		}
		o.UpToDate = f.yes("up_to_date")
	case casework.OutcomeSubstanceMisuse:
		for _, q := range []string{"offered", "received"} {
			if !answered(f, q) {
				v.Add(q, "Select yes or no")
			}
		}
		o.Offered, o.Received = f.yes("offered") || f.yes("received"), f.yes("received")
		o.OfferedOn = maybeDate(v, f, "offered_on", "Date the intervention was offered")
		o.ReceivedOn = maybeDate(v, f, "received_on", "Date the child began to receive it")
	}
	return o, v
}

// answered: a yes or no question was answered.
func answered(f form, name string) bool { return f.text(name) == "yes" || f.text(name) == "no" }

// latestOutcomes says, for each kind of outcome, the latest recorded and
// when, or that none is.
func latestOutcomes(cf casework.CaseFile) []summaryRow {
	var out []summaryRow
	for _, k := range []struct{ kind, key string }{{casework.OutcomeSDQ, "SDQ"},
		{casework.OutcomeImmunisations, "Immunisations"}, {casework.OutcomeConviction, "Convictions"},
		{casework.OutcomeSubstanceMisuse, "Substance misuse"}} {
		row := summaryRow{k.key, "None recorded"}
		for _, o := range cf.Outcomes {
			if o.Kind == k.kind {
				row.Value = o.Summary() + ", " + o.Date.Format("2 January 2006")
			}
		}
		if k.kind == casework.OutcomeConviction && row.Value != "None recorded" {
			row.Value = "Latest: " + row.Value
		}
		out = append(out, row)
	}
	return out
}
