package web

import (
	"strconv"
	"time"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// Court work actions on a child's record: pre-proceedings, proceedings
// and hearings. Routes and their access rules are in routes_missing.go.

func needPLO(a *actionCtx) string {
	if a.cf.OpenPLO() == nil {
		return "The child is not in pre-proceedings."
	}
	return ""
}

var startPLOAction = withDone("Pre-proceedings started", dateOnly("Start pre-proceedings", "Start pre-proceedings", "start_date",
	"Date of the decision to enter pre-proceedings",
	func(a *actionCtx) string {
		if p := a.cf.OpenPLO(); p != nil {
			return "Pre-proceedings started on " + p.StartDate.Format("2 January 2006") + "."
		}
		if p := a.cf.OpenProceedings(); p != nil {
			return "Care proceedings were issued on " + p.IssuedOn.Format("2 January 2006") + " and have not ended."
		}
		return ""
	},
	func(a *actionCtx, d time.Time) error {
		_, err := a.s.store.StartPreProceedings(a.r.Context(), a.actor(), casework.PreProceedings{ChildID: a.child.ID, StartDate: d})
		return err
	}))

var ploEventAction = action{
	done:    "Pre-proceedings letter or meeting recorded",
	heading: "Record a pre-proceedings letter or meeting", submit: "Save",
	ready: needPLO,
	fields: func(a *actionCtx) []field {
		return []field{
			radiosF("kind", "What", casework.PLOEventKinds(), ""),
			dateF("date", "Date", a.today),
			areaF("notes", "Notes", "Who attended, what was agreed"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordPLOEvent(a.r.Context(), a.actor(), casework.PLOEvent{ChildID: a.child.ID,
			Kind: f.text("kind"), Date: d, Notes: f.text("notes")})
		return saveErr(err)
	},
}

var endPLOAction = withDone("Pre-proceedings ended", withEdits(func(a *actionCtx) *target {
	if p := a.cf.OpenPLO(); p != nil {
		return editTarget("pre_proceedings", p.ID, p.Version)
	}
	return nil
}, dateOnly("End pre-proceedings without proceedings", "End pre-proceedings",
	"date", "Date pre-proceedings ended", needPLO,
	func(a *actionCtx, d time.Time) error {
		return a.s.store.EndPreProceedings(a.r.Context(), a.actor(), a.child.ID, a.version, d)
	})))

var issueProceedingsAction = action{
	done:    "Care proceedings issued",
	heading: "Issue care proceedings", submit: "Save proceedings",
	ready: func(a *actionCtx) string {
		if p := a.cf.OpenProceedings(); p != nil {
			return "Care proceedings were issued on " + p.IssuedOn.Format("2 January 2006") + " and have not ended."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("issued_on", "Date the application was issued", a.today),
			textF("court", "Court", "For example: Family Court at Newcastle"),
			radiosF("application", "Application", casework.ApplicationTypes(), "care"),
			optDateF("expected_final", "Final hearing expected on",
				"Leave empty for the 26-week date: 26 weeks beginning with the day of issue"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		p := casework.Proceedings{ChildID: a.child.ID, Court: f.text("court"), Application: f.text("application")}
		p.IssuedOn = f.date(v, "issued_on", "Date the application was issued")
		p.ExpectedFinal = f.optDate(v, "expected_final", "Expected final hearing")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.IssueProceedings(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}

func needProceedings(a *actionCtx) string {
	if a.cf.OpenProceedings() == nil {
		return "The child has no care proceedings running. Issue proceedings first."
	}
	return ""
}

// proceedingsAbout shows the proceedings a hearing belongs to, with the
// week they are in.
func proceedingsAbout(a *actionCtx) []summaryRow {
	p := a.cf.OpenProceedings()
	rows := []summaryRow{{"Issued", p.IssuedOn.Format("2 January 2006") + " at " + p.Court},
		{"26 weeks end on", timescale.FinalHearingDue(p.IssuedOn).Format("2 January 2006")},
		{"Target with extensions", timescale.TargetDate(p.IssuedOn, a.cf.ExtensionWeeks(p.ID, a.today)).Format("2 January 2006")},
		{"Week", strconv.Itoa(timescale.ProceedingsWeek(p.IssuedOn, a.today))}}
	if p.ExpectedFinal != nil {
		rows = append(rows, summaryRow{"Final hearing expected", p.ExpectedFinal.Format("2 January 2006")})
	}
	return rows
}

var hearingAction = action{
	done:    "Hearing recorded",
	heading: "Record a hearing", submit: "Save hearing",
	ready: needProceedings,
	about: proceedingsAbout,
	fields: func(a *actionCtx) []field {
		var kinds []casework.Code
		for _, k := range casework.HearingKinds() {
			if k.Code != casework.HearingFinal {
				kinds = append(kinds, k)
			}
		}
		return []field{
			selectF("kind", "Hearing", kinds, "cmh"),
			dateF("date", "Date of the hearing", a.today),
			areaF("outcome", "What the court decided", "Orders, directions, the timetable"),
			optDateF("expected_final", "Final hearing now expected on", "Only if the hearing listed or moved it"),
		}
	},
	save: func(a *actionCtx, f form) error {
		p := a.cf.OpenProceedings()
		v := &casework.ValidationError{}
		h := casework.Hearing{ChildID: a.child.ID, ProceedingsID: p.ID, Kind: f.text("kind"), Outcome: f.text("outcome")}
		h.Date = f.date(v, "date", "Date of the hearing")
		expected := f.optDate(v, "expected_final", "Expected final hearing")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordHearing(a.r.Context(), a.actor(), h, expected)
		return saveErr(err)
	},
}

var finalHearingAction = action{
	done:    "Final hearing recorded: the proceedings have ended",
	heading: "Record the final hearing", submit: "Save final hearing",
	ready: needProceedings,
	about: proceedingsAbout,
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date of the final hearing", a.today),
			selectF("final_order", "Order made", casework.FinalOrders(), ""),
			areaF("outcome", "What the court decided", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		p := a.cf.OpenProceedings()
		v := &casework.ValidationError{}
		h := casework.Hearing{ChildID: a.child.ID, ProceedingsID: p.ID, Kind: casework.HearingFinal,
			FinalOrder: f.text("final_order"), Outcome: f.text("outcome")}
		h.Date = f.date(v, "date", "Date of the final hearing")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordHearing(a.r.Context(), a.actor(), h, nil)
		return saveErr(err)
	},
}

// extensionWeeks are the lengths an extension may have.
var extensionWeeks = func() []casework.Code {
	var out []casework.Code
	for w := 1; w <= casework.MaxExtensionWeeks; w++ {
		label := strconv.Itoa(w) + " weeks"
		if w == 1 {
			label = "1 week"
		}
		out = append(out, casework.Code{Code: strconv.Itoa(w), Label: label})
	}
	return out
}()

// extendAction records the court's extension of the 26-week timetable
// (s.32(5)): up to 8 weeks at a time, with the day and the reason.
var extendAction = action{
	done:    "Extension recorded: the target date has moved",
	heading: "Record an extension of the 26-week timetable", submit: "Save extension",
	ready: func(a *actionCtx) string {
		if a.cf.OpenProceedings() == nil {
			return "The child has no care proceedings running."
		}
		return ""
	},
	about: proceedingsAbout,
	fields: func(a *actionCtx) []field {
		return []field{
			radiosF("weeks", "How long the court extended the timetable", extensionWeeks, ""),
			dateF("granted_on", "Date the extension was granted", a.today),
			areaF("reason", "Why the court extended it", "Extensions are not granted routinely (s.32(8)): record the court's reason"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "granted_on", "Date the extension was granted")
		weeks, err := strconv.Atoi(f.text("weeks"))
		if err != nil {
			v.Add("weeks", "Select how long the court extended the timetable")
		}
		e := casework.ProceedingsExtension{ChildID: a.child.ID, ProceedingsID: a.cf.OpenProceedings().ID, Weeks: weeks,
			GrantedOn: d, Reason: f.text("reason")}
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckExtension(e, a.today))
			return v
		}
		_, err = a.s.store.ExtendProceedings(a.r.Context(), a.actor(), e)
		return saveErr(err)
	},
}
