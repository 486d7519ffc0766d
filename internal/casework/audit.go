package casework

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Case-file audit grades: Ofsted's four judgements (the inspection of local
// authority children's services framework, ILACS), used by authorities to
// grade the quality of practice on one child's case file.
const (
	GradeOutstanding         = "outstanding"
	GradeGood                = "good"
	GradeRequiresImprovement = "requires_improvement"
	GradeInadequate          = "inadequate"
)

var grades = []Code{
	{GradeOutstanding, "Outstanding"}, {GradeGood, "Good"},
	{GradeRequiresImprovement, "Requires improvement"}, {GradeInadequate, "Inadequate"},
}

// Grades returns the four grades, best first.
func Grades() []Code { return append([]Code(nil), grades...) }

// ValidGrade reports whether g is one of the four grade codes.
func ValidGrade(g string) bool { return inCodes(grades, g) }

// GradeCounts counts grades: the audits of a team, the answers on a theme.
type GradeCounts struct {
	Outstanding, Good, RequiresImprovement, Inadequate int
}

// Add counts n more of grade; an unknown grade is not counted.
func (g *GradeCounts) Add(grade string, n int) {
	switch grade {
	case GradeOutstanding:
		g.Outstanding += n
	case GradeGood:
		g.Good += n
	case GradeRequiresImprovement:
		g.RequiresImprovement += n
	case GradeInadequate:
		g.Inadequate += n
	}
}

// Total is how many grades were counted.
func (g GradeCounts) Total() int {
	return g.Outstanding + g.Good + g.RequiresImprovement + g.Inadequate
}

// GoodOrBetterPercent is the share graded good or outstanding, rounded to
// the nearest whole per cent, and false when nothing was counted.
func (g GradeCounts) GoodOrBetterPercent() (int, bool) {
	if g.Total() == 0 {
		return 0, false
	}
	return (200*(g.Outstanding+g.Good) + g.Total()) / (2 * g.Total()), true
}

// AuditQuestion is one question of an audit template, under a theme such
// as "Voice of the child" or "Management oversight".
type AuditQuestion struct {
	ID       int64
	Position int // 1, 2, 3… in the order the template asks them
	Theme    string
	Text     string
}

// AuditTemplate is the authority's list of audit questions. A template is
// never changed once saved, so that each audit keeps the questions it was
// graded against; changing the questions saves a new template that becomes
// the one in use.
type AuditTemplate struct {
	ID        int64
	Name      string
	Questions []AuditQuestion
	InUse     bool
	Version   int
}

// Limits on audit text, so that one paste cannot fill the database.
const (
	MaxAuditText   = 5000 // a summary, a reason for a hand-back, a resolution
	MaxAuditLine   = 500  // a question, a theme, an action
	MaxAuditThemes = 20
)

// Validate checks a template: a name and at least one question, each with
// a theme and its text.
func (t AuditTemplate) Validate() error {
	v := &ValidationError{}
	if strings.TrimSpace(t.Name) == "" {
		v.Add("name", "Enter a name for the template")
	}
	if len(t.Questions) == 0 {
		v.Add("questions", "Add at least one question")
	}
	for i, q := range t.Questions {
		field := fmt.Sprintf("question-%d", i+1)
		switch {
		case strings.TrimSpace(q.Theme) == "":
			v.Add(field, fmt.Sprintf("Enter the theme of question %d", i+1))
		case strings.TrimSpace(q.Text) == "":
			v.Add(field, fmt.Sprintf("Enter the text of question %d", i+1))
		case utf8.RuneCountInString(q.Text) > MaxAuditLine || utf8.RuneCountInString(q.Theme) > MaxAuditLine:
			v.Add(field, fmt.Sprintf("Question %d must be %d characters or fewer", i+1, MaxAuditLine))
		}
	}
	if len(t.Themes()) > MaxAuditThemes {
		v.Add("questions", fmt.Sprintf("Use no more than %d themes", MaxAuditThemes))
	}
	return v.Err()
}

// Themes lists the template's themes in the order they are first asked.
func (t AuditTemplate) Themes() []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range t.Questions {
		if !seen[q.Theme] {
			seen[q.Theme] = true
			out = append(out, q.Theme)
		}
	}
	return out
}

// AuditAnswer is the grade given to one question, with the auditor's
// comment. Theme and Question are the question's, for showing.
type AuditAnswer struct {
	QuestionID int64
	Position   int
	Theme      string
	Question   string
	Grade      string
	Comment    string
}

// Audit is one case-file audit: an auditor grades one child's case against
// the template on a date, question by question and overall, and records
// what must be done (actions) and, when practice is unsafe, hands the case
// back to the team for urgent action.
type Audit struct {
	ID          int64
	ChildID     int64
	ChildName   string
	SampleID    *int64 // the random sample the case was drawn in, if any
	TemplateID  int64
	TeamID      *int64 // the team whose practice was audited
	TeamName    string
	AuditorID   int64
	AuditorName string
	Date        time.Time
	Answers     []AuditAnswer
	Overall     string // one of Grades
	Summary     string
	Actions     []AuditAction
	HandBack    *HandBack // nil: not handed back
	CreatedAt   time.Time
	Version     int
}

// Action statuses.
const (
	ActionOpen = "open"
	ActionDone = "done"
)

// AuditAction is something an audit found must be done on the case, by an
// owner (a user) by a date, tracked until it is done.
type AuditAction struct {
	ID        int64
	AuditID   int64
	ChildID   int64
	ChildName string
	Text      string
	OwnerID   int64
	OwnerName string
	Due       time.Time
	Status    string // open or done
	DoneOn    *time.Time
	DoneBy    string
	DoneNote  string // what was done
	Version   int
}

// Overdue reports whether the action is open past its due date on today.
func (a AuditAction) Overdue(today time.Time) bool {
	return a.Status == ActionOpen && a.Due.Before(today)
}

// HandBack is a case handed back to its team for urgent action: it stays
// flagged on the child's record and in lists until it is resolved, with
// who resolved it, when, and what was done.
type HandBack struct {
	ID         int64
	AuditID    int64
	ChildID    int64
	ChildName  string
	TeamName   string
	Raised     time.Time // the date of the audit that handed it back
	Reason     string    // what must be done urgently
	OwnerID    int64
	OwnerName  string
	Due        time.Time
	ResolvedOn *time.Time
	ResolvedBy string
	Resolution string // what was done
	Version    int
}

// Open reports whether the hand-back is still waiting to be resolved.
func (h HandBack) Open() bool { return h.ResolvedOn == nil }

// Overdue reports whether the hand-back is open past its due date.
func (h HandBack) Overdue(today time.Time) bool { return h.Open() && h.Due.Before(today) }

// Validate checks an audit against the template it answers, relative to
// today: a date, a grade for every question, an overall grade and summary,
// and every action and hand-back with an owner and a due date. The field
// names are the audit form's: grade-<question id>, action-<n>-owner…
func (a Audit) Validate(today time.Time, tpl AuditTemplate) error {
	v := &ValidationError{}
	switch {
	case a.Date.IsZero():
		v.Add("audit_date", "Enter the date of the audit")
	case a.Date.After(today):
		v.Add("audit_date", "Date of the audit must be today or in the past")
	}
	a.validateAnswers(v, tpl)
	if !ValidGrade(a.Overall) {
		v.Add("overall", "Select the overall grade")
	}
	checkText(v, "summary", a.Summary, "Enter a summary of the audit", MaxAuditText)
	for i, act := range a.Actions {
		act.validate(v, i+1, a.Date)
	}
	if a.HandBack != nil {
		a.HandBack.validate(v, a.Date)
	}
	return v.Err()
}

func (a Audit) validateAnswers(v *ValidationError, tpl AuditTemplate) {
	given := map[int64]AuditAnswer{}
	for _, ans := range a.Answers {
		given[ans.QuestionID] = ans
	}
	for _, q := range tpl.Questions {
		field := fmt.Sprintf("grade-%d", q.ID)
		ans, ok := given[q.ID]
		delete(given, q.ID)
		if !ok || !ValidGrade(ans.Grade) {
			v.Add(field, fmt.Sprintf("Select a grade for question %d (%s)", q.Position, q.Theme))
		}
		if utf8.RuneCountInString(ans.Comment) > MaxAuditText {
			v.Add(fmt.Sprintf("comment-%d", q.ID), fmt.Sprintf("Comment on question %d must be %d characters or fewer", q.Position, MaxAuditText))
		}
	}
	if len(given) > 0 {
		v.Add("form", "The audit answers a question that is not in its template: start the audit again")
	}
}

// validate checks action n (counted from 1) of an audit dated on.
func (a AuditAction) validate(v *ValidationError, n int, on time.Time) {
	prefix := fmt.Sprintf("action-%d-", n)
	checkText(v, prefix+"text", a.Text, fmt.Sprintf("Enter what must be done for action %d", n), MaxAuditLine)
	if a.OwnerID <= 0 {
		v.Add(prefix+"owner", fmt.Sprintf("Choose who owns action %d", n))
	}
	checkDue(v, prefix+"due", a.Due, on, fmt.Sprintf("the date action %d is due", n))
}

// validate checks a hand-back made by an audit dated on.
func (h HandBack) validate(v *ValidationError, on time.Time) {
	if h.OwnerID <= 0 {
		v.Add("handback_owner", "Choose who in the team owns the urgent action")
	}
	checkDue(v, "handback_due", h.Due, on, "the date the urgent action is due")
	checkText(v, "handback_reason", h.Reason, "Enter what must be done urgently", MaxAuditText)
}

// checkDue requires a due date on or after the audit.
func checkDue(v *ValidationError, field string, due, on time.Time, what string) {
	switch {
	case due.IsZero():
		v.Add(field, "Enter "+what)
	case !on.IsZero() && due.Before(on):
		v.Add(field, strings.ToUpper(what[:1])+what[1:]+" must be on or after the date of the audit")
	}
}

// checkText requires text of at most max characters.
func checkText(v *ValidationError, field, text, missing string, max int) {
	switch {
	case strings.TrimSpace(text) == "":
		v.Add(field, missing)
	case utf8.RuneCountInString(text) > max:
		v.Add(field, fmt.Sprintf("%s must be %d characters or fewer", fieldWords(field), max))
	}
}

// fieldWords names a field in a message: "action-2-text" → "Action 2".
func fieldWords(field string) string {
	switch {
	case strings.HasPrefix(field, "action-"):
		n, _, _ := strings.Cut(strings.TrimPrefix(field, "action-"), "-")
		return "Action " + n
	case field == "summary":
		return "Summary"
	case field == "handback_reason":
		return "What must be done"
	case field == "resolution":
		return "What was done"
	}
	return "Text"
}

// Resolution is what closes an action or a hand-back: when, by whom (the
// actor saving it), and what was done.
type Resolution struct {
	On   time.Time
	Note string
}

// Validate checks a resolution of something raised on raised, relative to
// today. field is the form field of the note.
func (r Resolution) Validate(today, raised time.Time, field string) error {
	v := &ValidationError{}
	switch {
	case r.On.IsZero():
		v.Add("resolved_on", "Enter the date it was done")
	case r.On.After(today):
		v.Add("resolved_on", "Date it was done must be today or in the past")
	case r.On.Before(raised):
		v.Add("resolved_on", "Date it was done must be on or after the date of the audit")
	}
	checkText(v, field, r.Note, "Enter what was done", MaxAuditText)
	return v.Err()
}

// AuditSummaryRow is one line of an audit summary over a period: a team
// with the overall grades of its audits, or a theme with the grades given
// to its questions.
type AuditSummaryRow struct {
	ID     int64 // the team's id; 0 for a theme or for audits of no team
	Name   string
	Grades GradeCounts
}
