package casework

import (
	"strings"
	"time"
)

// The improvement plan: what Ofsted asked the authority to improve
// (recommendations), what the service is doing about each (actions, with
// an owner, a due date and a status), what shows it is working (evidence:
// indicators from the catalogue, or case-file audit findings) and how it
// is going (progress notes). Each action carries a red-amber-green rating
// worked out by ActionRAG so the board sees the same rule everywhere.

// Action statuses.
const (
	StatusNotStarted = "not_started"
	StatusInProgress = "in_progress"
	StatusDone       = "done"
	StatusBlocked    = "blocked"
)

var actionStatuses = []Code{
	{StatusNotStarted, "Not started"}, {StatusInProgress, "In progress"},
	{StatusDone, "Done"}, {StatusBlocked, "Blocked"},
}

// ActionStatuses returns the statuses in the order a plan moves through them.
func ActionStatuses() []Code { return append([]Code(nil), actionStatuses...) }

// Ratings of an action. They are spelled as the metrics package spells
// an indicator's rating so that the two can be compared.
const (
	RAGGreen = "green"
	RAGAmber = "amber"
	RAGRed   = "red"
)

var ragCodes = []Code{{RAGRed, "Red"}, {RAGAmber, "Amber"}, {RAGGreen, "Green"}}

// RAGCodes returns the ratings, worst first.
func RAGCodes() []Code { return append([]Code(nil), ragCodes...) }

// Evidence kinds.
const (
	EvidenceIndicator = "indicator" // an indicator id from the metrics catalogue
	EvidenceAudit     = "audit"     // a case-file audit theme and what the audits found
)

// DueSoonDays is how close a due date must be for an action not yet
// started to be rated amber.
const DueSoonDays = 28

// Recommendation is one thing Ofsted asked the authority to improve.
type Recommendation struct {
	ID             int64
	Text           string    // Ofsted's words
	Source         string    // e.g. "ILACS inspection"
	InspectionDate time.Time // the date of the inspection or visit
	Theme          string    // e.g. "Help and protection"
	Version        int
	ErrorReason    string // set when marked as entered in error
}

// Validate checks a recommendation before it is saved.
func (r Recommendation) Validate() error {
	v := &ValidationError{}
	if strings.TrimSpace(r.Text) == "" {
		v.Add("text", "Enter the recommendation as Ofsted wrote it")
	}
	if strings.TrimSpace(r.Source) == "" {
		v.Add("source", "Enter where the recommendation came from, for example the ILACS inspection")
	}
	if r.InspectionDate.IsZero() {
		v.Add("inspection_date", "Enter the date of the inspection")
	}
	if strings.TrimSpace(r.Theme) == "" {
		v.Add("theme", "Enter the theme of the recommendation")
	}
	return v.Err()
}

// Action is one thing the service does towards a recommendation.
type Action struct {
	ID               int64
	RecommendationID int64
	Description      string
	OwnerUserID      int64  // a sightline user, or 0 for someone named
	OwnerName        string // the user's name, or the named person
	DueDate          time.Time
	Status           string
	CompletedOn      time.Time // when status is done
	RAGOverride      string    // "" to use the rule; else a rating chosen by hand
	OverrideReason   string    // why the rating was chosen by hand
	Version          int
	ErrorReason      string
	Evidence         []Evidence
	Notes            []ProgressNote
}

// Validate checks an action before it is saved.
func (a Action) Validate() error {
	v := &ValidationError{}
	if a.RecommendationID == 0 {
		v.Add("recommendation_id", "Choose the recommendation this action is for")
	}
	if strings.TrimSpace(a.Description) == "" {
		v.Add("description", "Enter what will be done")
	}
	if a.OwnerUserID == 0 && strings.TrimSpace(a.OwnerName) == "" {
		v.Add("owner", "Choose who owns the action or enter their name")
	}
	if a.DueDate.IsZero() {
		v.Add("due_date", "Enter the date the action is due")
	}
	if !inCodes(actionStatuses, a.Status) {
		v.Add("status", "Choose the status of the action")
	}
	switch {
	case a.Status == StatusDone && a.CompletedOn.IsZero():
		v.Add("completed_on", "Enter the date the action was completed")
	case a.Status != StatusDone && !a.CompletedOn.IsZero():
		v.Add("completed_on", "Leave the completion date empty until the action is done")
	}
	if a.RAGOverride != "" && !inCodes(ragCodes, a.RAGOverride) {
		v.Add("rag_override", "Choose red, amber or green, or leave the rating to the rule")
	}
	if a.RAGOverride != "" && strings.TrimSpace(a.OverrideReason) == "" {
		v.Add("override_reason", "Enter why the rating is set by hand")
	}
	return v.Err()
}

// ActionRAG rates an action as at a date. The rule:
//   - done: green;
//   - blocked, or past its due date and not done: red;
//   - not started and due within DueSoonDays: amber;
//   - any linked indicator rated red now: amber (the work is on time but
//     the figures it should move are not yet moving);
//   - otherwise green.
//
// A rating set by hand (with a reason) replaces the rule's. indicatorRAGs
// are the current ratings of the linked indicators ("" for unrated).
func ActionRAG(a Action, asAt time.Time, indicatorRAGs []string) string {
	if a.RAGOverride != "" {
		return a.RAGOverride
	}
	return RuleRAG(a, asAt, indicatorRAGs)
}

// RuleRAG is the rating the rule gives, ignoring any set by hand.
func RuleRAG(a Action, asAt time.Time, indicatorRAGs []string) string {
	switch {
	case a.Status == StatusDone:
		return RAGGreen
	case a.Status == StatusBlocked, Overdue(a, asAt):
		return RAGRed
	case a.Status == StatusNotStarted && !a.DueDate.After(asAt.AddDate(0, 0, DueSoonDays)):
		return RAGAmber
	}
	for _, r := range indicatorRAGs {
		if r == RAGRed {
			return RAGAmber
		}
	}
	return RAGGreen
}

// Overdue reports whether an action not done was due before asAt.
func Overdue(a Action, asAt time.Time) bool {
	return a.Status != StatusDone && !a.DueDate.IsZero() && a.DueDate.Before(asAt)
}

// Evidence links an action to what shows whether it is working.
type Evidence struct {
	ID          int64
	ActionID    int64
	Kind        string // EvidenceIndicator or EvidenceAudit
	IndicatorID string // for an indicator
	AuditTheme  string // for audits: the theme of the audit questions
	Summary     string // for audits: what the audits found; for an indicator, optional comment
	Version     int
	ErrorReason string
}

// Validate checks a link; known reports whether an indicator id is in
// the metrics catalogue (the domain does not import it).
func (e Evidence) Validate(known func(id string) bool) error {
	v := &ValidationError{}
	if e.ActionID == 0 {
		v.Add("action_id", "Choose the action this evidence is for")
	}
	switch e.Kind {
	case EvidenceIndicator:
		if strings.TrimSpace(e.IndicatorID) == "" {
			v.Add("indicator_id", "Choose the indicator")
		} else if !known(e.IndicatorID) {
			v.Add("indicator_id", "Choose an indicator from the list: "+e.IndicatorID+" is not one")
		}
	case EvidenceAudit:
		if strings.TrimSpace(e.AuditTheme) == "" {
			v.Add("audit_theme", "Enter the audit theme")
		}
		if strings.TrimSpace(e.Summary) == "" {
			v.Add("summary", "Enter what the audits found")
		}
	default:
		v.Add("kind", "Choose an indicator or an audit finding")
	}
	return v.Err()
}

// ProgressNote records how an action is going.
type ProgressNote struct {
	ID          int64
	ActionID    int64
	Date        time.Time
	Author      string
	Text        string
	Version     int
	ErrorReason string
}

// Validate checks a note; today is the last date it may carry.
func (n ProgressNote) Validate(today time.Time) error {
	v := &ValidationError{}
	if n.ActionID == 0 {
		v.Add("action_id", "Choose the action this note is for")
	}
	switch {
	case n.Date.IsZero():
		v.Add("note_date", "Enter the date of the note")
	case n.Date.After(today):
		v.Add("note_date", "The date of the note must be today or in the past")
	}
	if strings.TrimSpace(n.Text) == "" {
		v.Add("text", "Enter the progress note")
	}
	return v.Err()
}

// RAGCount counts actions by rating, for the board.
type RAGCount struct{ Red, Amber, Green int }

// Add counts one rating.
func (c *RAGCount) Add(rag string) {
	switch rag {
	case RAGRed:
		c.Red++
	case RAGAmber:
		c.Amber++
	case RAGGreen:
		c.Green++
	}
}

// Total is how many actions were counted.
func (c RAGCount) Total() int { return c.Red + c.Amber + c.Green }
