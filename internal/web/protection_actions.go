package web

import (
	"time"

	"sightline/internal/casework"
)

var strategyAction = action{
	done:    "Strategy discussion recorded",
	heading: "Record a strategy discussion", submit: "Save strategy discussion",
	ready: func(a *actionCtx) string { _, why := a.openReferral(); return why },
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date of the discussion", a.today),
			yesnoF("initiated_s47", "Did it decide to start a section 47 enquiry?", "The initial conference is due 15 working days from this discussion"),
			textF("attendees", "Who took part", "For example: police, health, school"),
			areaF("notes", "What was decided", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		r, _ := a.openReferral()
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the discussion")
		if f.text("initiated_s47") == "" {
			v.Add("initiated_s47", "Select whether a section 47 enquiry was started")
		}
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordStrategy(a.r.Context(), a.actor(), casework.StrategyDiscussion{ChildID: a.child.ID,
			ReferralID: r.ID, Date: d, InitiatedS47: f.yes("initiated_s47"), Attendees: f.text("attendees"), Notes: f.text("notes")})
		return saveErr(err)
	},
}

// s47Strategy is the latest strategy discussion that started an enquiry
// and has none yet.
func (a *actionCtx) s47Strategy() *casework.StrategyDiscussion {
	for i := len(a.cf.Strategies) - 1; i >= 0; i-- {
		sd := &a.cf.Strategies[i]
		if !sd.InitiatedS47 {
			continue
		}
		for _, e := range a.cf.S47s {
			if e.StrategyID != nil && *e.StrategyID == sd.ID {
				return nil
			}
		}
		return sd
	}
	return nil
}

var startS47Action = action{
	done:    "Section 47 enquiry started",
	heading: "Start a section 47 enquiry", submit: "Start enquiry",
	ready: func(a *actionCtx) string {
		if a.s47Strategy() == nil {
			return "A section 47 enquiry starts from a strategy discussion that decided to start one. Record the strategy discussion first."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		d := a.today
		if sd := a.s47Strategy(); sd != nil {
			d = sd.Date
		}
		return []field{dateF("start_date", "Start date", d)}
	},
	save: func(a *actionCtx, f form) error {
		sd := a.s47Strategy()
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Start date")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.StartS47(a.r.Context(), a.actor(), casework.S47Enquiry{ChildID: a.child.ID,
			ReferralID: sd.ReferralID, StrategyID: &sd.ID, StartDate: d})
		return saveErr(err)
	},
}

// openS47 is the latest enquiry that has not ended.
func (a *actionCtx) openS47() *casework.S47Enquiry {
	for i := len(a.cf.S47s) - 1; i >= 0; i-- {
		if a.cf.S47s[i].EndDate == nil {
			return &a.cf.S47s[i]
		}
	}
	return nil
}

var completeS47Action = action{
	done:    "Section 47 enquiry completed",
	heading: "Complete the section 47 enquiry", submit: "Save outcome",
	ready: func(a *actionCtx) string {
		if a.openS47() == nil {
			return "There is no section 47 enquiry in progress."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("end_date", "Date completed", a.today),
			radiosF("outcome", "Outcome", casework.S47Outcomes(), ""),
			yesnoF("icpc_not_required", "Is an initial conference not required?", "Answer yes only when the enquiry ends without a conference"),
		}
	},
	edits: func(a *actionCtx) *target {
		if e := a.openS47(); e != nil {
			return editTarget("s47_enquiry", e.ID, e.Version)
		}
		return nil
	},
	save: func(a *actionCtx, f form) error {
		e := a.openS47()
		v := &casework.ValidationError{}
		d := f.date(v, "end_date", "Date completed")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.CompleteS47(a.r.Context(), a.actor(), e.ID, a.version, d, f.text("outcome"), f.yes("icpc_not_required")))
	},
}

// icpcS47 is the latest enquiry with no initial conference yet.
func (a *actionCtx) icpcS47() *casework.S47Enquiry {
	for i := len(a.cf.S47s) - 1; i >= 0; i-- {
		e := &a.cf.S47s[i]
		held := false
		for _, c := range a.cf.Conferences {
			held = held || (c.Kind == casework.InitialConference && c.S47ID != nil && *c.S47ID == e.ID)
		}
		if !held && !e.ICPCNotRequired {
			return e
		}
	}
	return nil
}

var planDecisions = []casework.Code{{Code: "plan", Label: "Child protection plan"}, {Code: "no_plan", Label: "No plan"}}
var reviewDecisions = []casework.Code{{Code: "continue", Label: "The plan continues"}, {Code: "end", Label: "The plan ends"}}

var icpcAction = action{
	done:    "Initial conference recorded",
	heading: "Record the initial child protection conference", submit: "Save conference",
	ready: func(a *actionCtx) string {
		if a.icpcS47() == nil {
			return "An initial conference follows a section 47 enquiry. Record the enquiry first."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date of the conference", a.today),
			radiosF("decision", "Decision", planDecisions, ""),
			selectF("category", "Category of abuse", casework.AbuseCategories(), ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		e := a.icpcS47()
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the conference")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordConference(a.r.Context(), a.actor(), casework.Conference{ChildID: a.child.ID,
			Kind: casework.InitialConference, S47ID: &e.ID, Date: d, Decision: f.text("decision"), Category: f.text("category")})
		return saveErr(err)
	},
}

func needPlan(a *actionCtx) string {
	if a.cf.OpenPlan() == nil {
		return "The child has no child protection plan in force."
	}
	return ""
}

var rcpcAction = action{
	done:    "Review conference recorded",
	heading: "Record a review conference", submit: "Save review",
	ready: needPlan,
	fields: func(a *actionCtx) []field {
		cat := ""
		if p := a.cf.OpenPlan(); p != nil {
			cat = p.LatestCategory
		}
		return []field{
			dateF("date", "Date of the review", a.today),
			radiosF("decision", "Decision", reviewDecisions, ""),
			selectF("category", "Category of abuse", casework.AbuseCategories(), cat),
		}
	},
	save: func(a *actionCtx, f form) error {
		p := a.cf.OpenPlan()
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the review")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordConference(a.r.Context(), a.actor(), casework.Conference{ChildID: a.child.ID,
			Kind: casework.ReviewConference, PlanID: &p.ID, Date: d, Decision: f.text("decision"), Category: f.text("category")})
		return saveErr(err)
	},
}

var coreGroupAction = withDone("Core group recorded", dateOnly("Record a core group meeting", "Save core group", "date", "Date of the meeting", needPlan,
	func(a *actionCtx, d time.Time) error {
		_, err := a.s.store.RecordCoreGroup(a.r.Context(), a.actor(), casework.CoreGroup{ChildID: a.child.ID,
			PlanID: a.cf.OpenPlan().ID, Date: d})
		return err
	}))

var cinPlanStartAction = withDone("Child in need plan started", dateOnly("Start a child in need plan", "Start plan", "start_date", "Start date",
	func(a *actionCtx) string { _, why := a.openReferral(); return why },
	func(a *actionCtx, d time.Time) error {
		r, _ := a.openReferral()
		_, err := a.s.store.StartCINPlan(a.r.Context(), a.actor(), casework.CINPlan{ChildID: a.child.ID, ReferralID: r.ID, StartDate: d})
		return err
	}))

func needCINPlan(a *actionCtx) string {
	if a.cf.OpenCINPlan() == nil {
		return "The child has no child in need plan in force."
	}
	return ""
}

var cinPlanReviewAction = withDone("Child in need plan review recorded", dateOnly("Record a child in need plan review", "Save review", "date", "Date of the review", needCINPlan,
	func(a *actionCtx, d time.Time) error {
		_, err := a.s.store.ReviewCINPlan(a.r.Context(), a.actor(), casework.CINPlanReview{ChildID: a.child.ID,
			PlanID: a.cf.OpenCINPlan().ID, Date: d})
		return err
	}))

var cinPlanEndAction = withDone("Child in need plan ended", withEdits(func(a *actionCtx) *target {
	if p := a.cf.OpenCINPlan(); p != nil {
		return editTarget("cin_plan", p.ID, p.Version)
	}
	return nil
}, dateOnly("End the child in need plan", "End plan", "date", "Date the plan ended", needCINPlan,
	func(a *actionCtx, d time.Time) error {
		p := a.cf.OpenCINPlan()
		return a.s.store.EndCINPlan(a.r.Context(), a.actor(), p.ID, a.version, d)
	})))
