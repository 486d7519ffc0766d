package web

import (
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// Help and protection actions: each says what it asks and how it saves.
// Routes and their access rules are listed in routes.go.

func (a *actionCtx) actor() store.Actor { return currentUser(a.r).Actor() }

// openReferral is the referral the action applies to, or a reason why there
// is none.
func (a *actionCtx) openReferral() (*casework.Referral, string) {
	if r := a.cf.OpenReferral(); r != nil {
		return r, ""
	}
	return nil, "There is no open referral for this child. Record a contact and refer it first."
}

var contactAction = action{
	done:    "Contact recorded",
	heading: "Record a contact", submit: "Save contact",
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date received", a.today),
			selectF("source", "Who made the contact", casework.ReferralSources(), ""),
			textF("source_detail", "Name, organisation and phone", "So the front door can call back"),
			areaF("concerns", "Concerns", "What was said, about whom, and how worried the caller is"),
			yesnoF("out_of_hours", "Recorded out of hours by the emergency duty team?", "The day team sees it on its morning list"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date received")
		c := casework.Contact{ChildID: a.child.ID, Date: d, Source: f.text("source"), SourceDetail: f.text("source_detail"),
			Concerns: f.text("concerns"), OutOfHours: f.yes("out_of_hours")}
		if v.Err() != nil {
			mergeErrors(v, c.Validate(a.today))
			return v
		}
		_, err := a.s.store.RecordContact(a.r.Context(), a.actor(), c)
		return saveErr(err)
	},
}

var referralDecisionAction = action{
	done:    "Referral decision recorded",
	heading: "Decide on the referral", submit: "Save decision",
	ready: func(a *actionCtx) string {
		r, why := a.openReferral()
		if r != nil && r.Decision != "" {
			return "The referral was decided on " + r.DecisionDate.Format("2 January 2006") + "."
		}
		return why
	},
	fields: func(a *actionCtx) []field {
		need := ""
		if r, _ := a.openReferral(); r != nil {
			need = r.PrimaryNeed
		}
		return []field{
			radiosF("decision", "Decision", casework.ReferralDecisions(), ""),
			dateF("decision_date", "Date of the decision", a.today),
			selectF("primary_need", "Primary need", casework.PrimaryNeeds(), need),
			areaF("nfa_reason", "Reason for no further action", "Only for no further action: a manager will be asked to approve it"),
		}
	},
	edits: referralEdited,
	save: func(a *actionCtx, f form) error {
		r, _ := a.openReferral()
		v := &casework.ValidationError{}
		d := f.date(v, "decision_date", "Date of the decision")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.DecideReferral(a.r.Context(), a.actor(), r.ID, a.version, f.text("decision"), d,
			f.text("primary_need"), f.text("nfa_reason")))
	},
}

var approveNFAAction = withDone("No further action approved: the case is closed", withEdits(referralEdited, dateOnly("Approve no further action", "Approve and close", "date", "Date approved",
	func(a *actionCtx) string {
		r, why := a.openReferral()
		if r != nil && r.Decision != casework.ReferralNFA {
			return "The referral's decision is not 'no further action'."
		}
		return why
	},
	func(a *actionCtx, d time.Time) error {
		r, _ := a.openReferral()
		return a.s.store.ApproveNFA(a.r.Context(), a.actor(), r.ID, a.version, d)
	})))

// referralEdited is the open referral a decision or approval changes.
func referralEdited(a *actionCtx) *target {
	if r, _ := a.openReferral(); r != nil {
		return editTarget("referral", r.ID, r.Version)
	}
	return nil
}

// assessmentEdited is the latest assessment, which completing or signing
// off changes.
func assessmentEdited(a *actionCtx) *target {
	if as := a.latestAssessment(); as != nil {
		return editTarget("assessment", as.ID, as.Version)
	}
	return nil
}

// latestAssessment is the child's most recent assessment, or nil.
func (a *actionCtx) latestAssessment() *casework.Assessment { return latest(a.cf.Assessments) }

var startAssessmentAction = withDone("Assessment started", dateOnly("Start an assessment", "Start assessment", "start_date", "Start date",
	func(a *actionCtx) string {
		_, why := a.openReferral()
		if as := a.latestAssessment(); why == "" && as != nil && as.AuthorisedDate == nil {
			return "An assessment is already open: complete it first."
		}
		return why
	},
	func(a *actionCtx, d time.Time) error {
		r, _ := a.openReferral()
		_, err := a.s.store.StartAssessment(a.r.Context(), a.actor(), casework.Assessment{ChildID: a.child.ID,
			ReferralID: r.ID, StartDate: d})
		return err
	}))

var completeAssessmentAction = action{
	done:    "Assessment sent for sign-off",
	heading: "Complete the assessment", submit: "Send for sign-off",
	ready: func(a *actionCtx) string {
		if as := a.latestAssessment(); as == nil || as.CompletedDate != nil {
			return "There is no assessment in progress."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("completed_date", "Date completed", a.today),
			checksF("factors", "Factors identified", "Select all that apply, or 'No factors identified'", casework.AssessmentFactors()),
			radiosF("outcome", "Outcome", casework.AssessmentOutcomes(), ""),
		}
	},
	edits: assessmentEdited,
	save: func(a *actionCtx, f form) error {
		as := a.latestAssessment()
		v := &casework.ValidationError{}
		d := f.date(v, "completed_date", "Date completed")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.CompleteAssessment(a.r.Context(), a.actor(), as.ID, a.version, d, f.Values["factors"], f.text("outcome")))
	},
}

var authoriseAssessmentAction = withDone("Assessment signed off", withEdits(assessmentEdited, dateOnly("Sign off the assessment", "Sign off", "date", "Date signed off",
	func(a *actionCtx) string {
		if as := a.latestAssessment(); as == nil || as.CompletedDate == nil || as.AuthorisedDate != nil {
			return "There is no completed assessment waiting for sign-off."
		}
		return ""
	},
	func(a *actionCtx, d time.Time) error {
		as := a.latestAssessment()
		return a.s.store.AuthoriseAssessment(a.r.Context(), a.actor(), as.ID, a.version, d)
	})))

var visitAction = action{
	done:    "Visit recorded",
	heading: "Record a visit", submit: "Save visit",
	fields: func(a *actionCtx) []field {
		kind := "other"
		switch {
		case a.cf.OpenPlan() != nil:
			kind = "cp"
		case a.cf.OpenCINPlan() != nil:
			kind = "cin"
		}
		return []field{
			dateF("date", "Date of the visit", a.today),
			radiosF("kind", "Kind of visit", casework.VisitKinds(), kind),
			yesnoF("seen", "Was the child seen?", ""),
			yesnoF("seen_alone", "Was the child seen alone?", ""),
			radiosF("place", "Where", casework.VisitPlaces(), "home"),
			areaF("notes", "What you saw and heard", "Optional: you can add a full case note too"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the visit")
		if f.text("seen") == "" {
			v.Add("seen", "Select whether the child was seen")
		}
		vi := casework.Visit{ChildID: a.child.ID, Date: d, Kind: f.text("kind"), Seen: f.yes("seen"),
			SeenAlone: f.yes("seen_alone"), Place: f.text("place"), Notes: f.text("notes")}
		if v.Err() != nil {
			mergeErrors(v, vi.Validate(a.today))
			return v
		}
		_, err := a.s.store.RecordVisit(a.r.Context(), a.actor(), vi)
		return saveErr(err)
	},
}

var closeAction = action{
	done:    "Case closed",
	heading: "Close the case", submit: "Close case",
	ready: func(a *actionCtx) string { _, why := a.openReferral(); return why },
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date closed", a.today),
			selectF("reason", "Reason for closure", casework.ClosureReasons(), ""),
			areaF("note", "Closing summary", "What was done, what changed for the child, and why the case can close"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date closed")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.CloseCase(a.r.Context(), a.actor(), a.child.ID,
			casework.Closure{Date: d, Reason: f.text("reason"), Note: f.text("note")}))
	},
}
