package web

import (
	"time"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// Missing and exploitation actions on a child's record. Routes and their
// access rules are listed in routes_missing.go.

// optDateF is a date field that starts empty: the answer is optional.
func optDateF(name, label, hint string) field {
	return field{Name: name, Label: label, Kind: "date", Hint: hint}
}

// optDate reads an optional date field: nil when left empty.
func (f form) optDate(v *casework.ValidationError, name, label string) *time.Time {
	return readDate(f.Values, name).parse(v, name, label)
}

var missingAction = action{
	done:    "Missing episode recorded",
	heading: "Record a missing episode", submit: "Save missing episode",
	ready: func(a *actionCtx) string {
		if e := a.cf.OpenMissing(); e != nil {
			return "The child is recorded as missing since " + e.StartDate.Format("2 January 2006") + ". Record their return first."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("start_date", "Date the child went missing", a.today),
			radiosF("from", "Missing from", casework.MissingFrom(), casework.MissingFromHome),
			radiosF("kind", "Whereabouts", casework.MissingKinds(), "M"),
			yesnoF("reported_to_police", "Has the child been reported missing to the police?", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Date the child went missing")
		e := casework.MissingEpisode{ChildID: a.child.ID, StartDate: d, From: f.text("from"), Kind: f.text("kind"),
			ReportedToPolice: f.yes("reported_to_police")}
		if v.Err() != nil {
			mergeErrors(v, e.Validate(a.today))
			return v
		}
		_, err := a.s.store.RecordMissingEpisode(a.r.Context(), a.actor(), e)
		return saveErr(err)
	},
}

var missingReturnAction = action{
	done:    "Return recorded: offer a return home interview within 72 hours",
	heading: "Record the child's return", submit: "Save return",
	ready: func(a *actionCtx) string {
		if a.cf.OpenMissing() == nil {
			return "The child is not recorded as missing."
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if e := a.cf.OpenMissing(); e != nil {
			return editTarget("missing_episode", e.ID, e.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		e := a.cf.OpenMissing()
		return []summaryRow{{"Missing since", e.StartDate.Format("2 January 2006")},
			{"Missing from", casework.LabelOf(casework.MissingFrom(), e.From)}}
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("end_date", "Date the child returned", a.today),
			textF("where_found", "Where the child was found or returned to", "For example: a friend's flat in Byker, walked back home"),
			yesnoF("reported_to_police", "Was the child reported missing to the police?", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		e := a.cf.OpenMissing()
		v := &casework.ValidationError{}
		d := f.date(v, "end_date", "Date the child returned")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.RecordMissingReturn(a.r.Context(), a.actor(), e.ID, a.version, d,
			f.text("where_found"), f.yes("reported_to_police")))
	},
}

// awaitingInterview is the latest ended episode with no interview yet.
func awaitingInterview(cf casework.CaseFile) *casework.MissingEpisode {
	for i := len(cf.Missing) - 1; i >= 0; i-- {
		e := &cf.Missing[i]
		if e.EndDate != nil && cf.InterviewFor(e.ID) == nil {
			return e
		}
	}
	return nil
}

// interviewOutcomes: what happened to an interview offered.
var interviewOutcomes = []casework.Code{
	{Code: "held", Label: "The interview was held"}, {Code: "declined", Label: "The child declined it"},
	{Code: "waiting", Label: "Not yet: it is arranged"},
}

var interviewAction = action{
	done:    "Return home interview recorded",
	heading: "Offer a return home interview", submit: "Save interview",
	ready: func(a *actionCtx) string {
		if awaitingInterview(a.cf) == nil {
			return "Every return from a missing episode has its interview recorded. Record the child's return first."
		}
		return ""
	},
	about: func(a *actionCtx) []summaryRow {
		e := awaitingInterview(a.cf)
		return []summaryRow{{"Missing", e.StartDate.Format("2 January 2006") + " to " + e.EndDate.Format("2 January 2006")},
			{"Interview to offer by", timescale.RHIDue(*e.EndDate).Format("2 January 2006") + " (72 hours from the return)"}}
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("offered_on", "Date the interview was offered", a.today),
			radiosF("outcome", "Has it happened?", interviewOutcomes, "waiting"),
			optDateF("held_on", "Date the interview was held", "Only if it was held"),
			textF("held_by", "Who held it", "For example: the independent return interview service"),
			areaF("notes", "What the child said", "Where they were, who with, what would help"),
		}
	},
	save: func(a *actionCtx, f form) error {
		e := awaitingInterview(a.cf)
		v := &casework.ValidationError{}
		ri := casework.ReturnInterview{ChildID: a.child.ID, EpisodeID: e.ID, HeldBy: f.text("held_by"), Notes: f.text("notes")}
		ri.OfferedOn = f.date(v, "offered_on", "Date the interview was offered")
		readInterviewOutcome(f, v, &ri.HeldOn, &ri.Declined)
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordReturnInterview(a.r.Context(), a.actor(), ri)
		return saveErr(err)
	},
}

// readInterviewOutcome reads whether the interview was held (and when) or
// declined.
func readInterviewOutcome(f form, v *casework.ValidationError, held **time.Time, declined *bool) {
	switch f.text("outcome") {
	case "held":
		if d := f.date(v, "held_on", "Date the interview was held"); !d.IsZero() {
			*held = &d
		}
	case "declined":
		*declined = true
	case "waiting":
	default:
		v.Add("outcome", "Select whether the interview has happened")
	}
}

// pendingInterview is the latest interview offered with no outcome yet.
func pendingInterview(cf casework.CaseFile) *casework.ReturnInterview {
	for i := len(cf.Interviews) - 1; i >= 0; i-- {
		if ri := &cf.Interviews[i]; ri.HeldOn == nil && !ri.Declined {
			return ri
		}
	}
	return nil
}

var interviewDoneAction = action{
	done:    "Return home interview recorded",
	heading: "Record the return home interview", submit: "Save interview",
	ready: func(a *actionCtx) string {
		if pendingInterview(a.cf) == nil {
			return "There is no return home interview waiting to be held."
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if ri := pendingInterview(a.cf); ri != nil {
			return editTarget("return_interview", ri.ID, ri.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		return []summaryRow{{"Offered on", pendingInterview(a.cf).OfferedOn.Format("2 January 2006")}}
	},
	fields: func(a *actionCtx) []field {
		return []field{
			radiosF("outcome", "What happened", interviewOutcomes[:2], "held"),
			dateF("held_on", "Date the interview was held", a.today),
			textF("held_by", "Who held it", ""),
			areaF("notes", "What the child said", "Where they were, who with, what would help"),
		}
	},
	save: func(a *actionCtx, f form) error {
		ri := pendingInterview(a.cf)
		v := &casework.ValidationError{}
		var held *time.Time
		var declined bool
		readInterviewOutcome(f, v, &held, &declined)
		if f.text("outcome") == "waiting" {
			v.Add("outcome", "Select whether the interview was held or declined")
		}
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.CompleteReturnInterview(a.r.Context(), a.actor(), ri.ID, a.version, held, declined,
			f.text("held_by"), f.text("notes")))
	},
}

var screeningAction = action{
	done:    "Exploitation screening recorded",
	heading: "Screen for exploitation", submit: "Save screening",
	fields: func(a *actionCtx) []field {
		lead := ""
		if s := a.cf.LatestScreening(); s != nil {
			lead = s.Lead
		}
		return []field{
			dateF("date", "Date of the screening", a.today),
			checksF("kinds", "Risk of", "Select all that apply; none if no risk was found", casework.ExploitationKinds()),
			radiosF("level", "Level of risk", casework.RiskLevels(), ""),
			dateF("review_date", "Review by", a.today.AddDate(0, 3, 0)),
			{Name: "lead", Label: "Lead professional", Hint: "Needed for medium or high risk", Kind: "text", Value: lead},
			areaF("notes", "What the screening found", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		sc := casework.ExploitationScreening{ChildID: a.child.ID, Kinds: f.Values["kinds"], Level: f.text("level"),
			Lead: f.text("lead"), Notes: f.text("notes")}
		sc.Date = f.date(v, "date", "Date of the screening")
		if r := f.date(v, "review_date", "Review date"); !r.IsZero() {
			sc.ReviewDate = &r
		}
		if v.Err() != nil {
			mergeErrors(v, sc.Validate(a.today))
			return v
		}
		_, err := a.s.store.RecordScreening(a.r.Context(), a.actor(), sc)
		return saveErr(err)
	},
}
