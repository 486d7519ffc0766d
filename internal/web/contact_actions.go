package web

import (
	"strconv"

	"sightline/internal/casework"
)

// decidingContact is the contact named in the URL, if it is this child's.
func (a *actionCtx) decidingContact() *casework.Contact {
	id, err := strconv.ParseInt(a.r.PathValue("contact"), 10, 64)
	if err != nil {
		return nil
	}
	for i := range a.cf.Contacts {
		if a.cf.Contacts[i].ID == id {
			return &a.cf.Contacts[i]
		}
	}
	return nil
}

var contactDecisionAction = action{
	done: "Decision recorded",
	edits: func(a *actionCtx) *target {
		if c := a.decidingContact(); c != nil {
			return editTarget("contact", c.ID, c.Version)
		}
		return nil
	},
	heading: "Decide what happens with the contact", submit: "Save decision",
	ready: func(a *actionCtx) string {
		c := a.decidingContact()
		switch {
		case c == nil:
			return "There is no such contact on this child's record."
		case c.Decision != "":
			return "This contact was decided on " + c.DecisionDate.Format("2 January 2006") + "."
		}
		return ""
	},
	about: func(a *actionCtx) []summaryRow {
		c := a.decidingContact()
		rows := []summaryRow{{"Received", longDate(c.Date)}, {"From", casework.LabelOf(casework.ReferralSources(), c.Source)}}
		if c.SourceDetail != "" {
			rows = append(rows, summaryRow{"Caller", c.SourceDetail})
		}
		if c.OutOfHours {
			rows = append(rows, summaryRow{"Out of hours", "Recorded by the emergency duty team"})
		}
		return append(rows, summaryRow{"Concerns", c.Concerns})
	},
	fields: func(a *actionCtx) []field {
		return []field{
			radiosF("decision", "Decision", casework.ContactDecisions(), ""),
			dateF("decision_date", "Date of the decision", a.today),
			selectF("primary_need", "Primary need", casework.PrimaryNeeds(), ""),
			areaF("reason", "Reason", "Needed for no further action or early help"),
		}
	},
	save: func(a *actionCtx, f form) error {
		c := a.decidingContact()
		v := &casework.ValidationError{}
		d := f.date(v, "decision_date", "Date of the decision")
		if v.Err() != nil {
			return v
		}
		u := currentUser(a.r)
		_, err := a.s.store.DecideContact(a.r.Context(), a.actor(), c.ID, a.version, f.text("decision"), d,
			f.text("reason"), f.text("primary_need"), u.TeamID)
		return saveErr(err)
	},
}
