package web

import (
	"context"
	"sort"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// dues computes what is due for case files as at today, with the calendar
// (including bank holidays an administrator added) and the local
// timescale settings.
type dues struct {
	cal      *calendar.Calendar
	settings timescale.Settings
	today    time.Time
}

func (s *Server) dues(ctx context.Context) (dues, error) {
	cal, err := s.store.Calendar(ctx)
	if err != nil {
		return dues{}, err
	}
	st, err := s.timescaleSettings(ctx)
	return dues{cal: cal, settings: st, today: s.today()}, err
}

// timescaleSettings reads the local timescales from the settings table.
func (s *Server) timescaleSettings(ctx context.Context) (timescale.Settings, error) {
	stored, err := s.store.Settings(ctx)
	if err != nil {
		return timescale.Settings{}, err
	}
	values := map[string]string{}
	for k, v := range stored {
		values[k] = v.Value
	}
	return timescale.SettingsFrom(values)
}

// open returns the child's open tasks, overdue first.
func (d dues) open(cf casework.CaseFile) []timescale.Task {
	return timescale.Open(timescale.Tasks(cf, d.cal, d.settings, d.today))
}

// childTasks pairs a child with their open tasks.
type childTasks struct {
	Child       casework.Child
	Involvement *casework.Involvement
	State       string
	Tasks       []timescale.Task
	Next        *timescale.Task
	Overdue     int
	Hidden      bool // restricted and the user is not named on it
}

// collect computes open tasks for every case file.
func (d dues) collect(files []casework.CaseFile) []childTasks {
	out := make([]childTasks, 0, len(files))
	for _, cf := range files {
		ct := childTasks{Child: cf.Child, Involvement: cf.Involvement, State: caseState(cf), Tasks: d.open(cf)}
		if len(ct.Tasks) > 0 {
			ct.Next = &ct.Tasks[0]
		}
		for _, t := range ct.Tasks {
			if t.Status == timescale.Overdue {
				ct.Overdue++
			}
		}
		out = append(out, ct)
	}
	sort.SliceStable(out, func(i, j int) bool { return nextBefore(out[i].Next, out[j].Next) })
	return out
}

// nextBefore orders children by their next task: overdue and soonest first,
// children with nothing due last.
func nextBefore(a, b *timescale.Task) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return a.Due.Before(b.Due)
}

// caseState is a one-line summary of where the child's case is: the most
// serious work in progress first.
func caseState(cf casework.CaseFile) string {
	if ep := cf.OpenCareEpisode(); ep != nil {
		return "Looked after"
	}
	if p := cf.OpenPlan(); p != nil {
		return "Child protection plan (" + casework.LabelOf(casework.AbuseCategories(), p.LatestCategory) + ")"
	}
	for i := len(cf.S47s) - 1; i >= 0; i-- {
		if cf.S47s[i].EndDate == nil {
			return "Section 47 enquiry"
		}
	}
	if cf.OpenCINPlan() != nil {
		return "Child in need plan"
	}
	for i := len(cf.Assessments) - 1; i >= 0; i-- {
		if cf.Assessments[i].AuthorisedDate == nil {
			return "Assessment"
		}
	}
	if r := cf.OpenReferral(); r != nil {
		return referralState(cf, *r)
	}
	for _, c := range cf.Contacts {
		if c.Decision == "" {
			return "Contact waiting for a decision"
		}
	}
	if cf.Involvement == nil {
		return "Closed"
	}
	return "Open case"
}

// referralState says what an open referral waits for.
func referralState(cf casework.CaseFile, r casework.Referral) string {
	switch {
	case r.Decision == "":
		return "Referral awaiting decision"
	case r.Decision == casework.ReferralNFA:
		return "No further action: waiting for a manager's approval"
	case r.Decision == casework.ReferralToStrategy && len(cf.Strategies) == 0:
		return "Strategy discussion to hold"
	case r.Decision == casework.ReferralToAssessment && len(cf.Assessments) == 0:
		return "Assessment to start"
	}
	for i := len(cf.Plans) - 1; i >= 0; i-- {
		if cf.Plans[i].EndDate != nil {
			return "Child protection plan ended " + cf.Plans[i].EndDate.Format("2 January 2006") + ": close the case or plan what follows"
		}
	}
	return "Referral"
}

// statusTag is the GOV.UK tag colour and words for a task's status.
func statusTag(st timescale.Status) (class, words string) {
	switch st {
	case timescale.Overdue:
		return "govuk-tag--red", "Overdue"
	case timescale.DueSoon:
		return "govuk-tag--yellow", "Due soon"
	case timescale.DoneInTime:
		return "govuk-tag--green", "Done in time"
	case timescale.DoneLate:
		return "govuk-tag--orange", "Done late"
	}
	return "govuk-tag--blue", "Due"
}

func init() {
	funcs["tagclass"] = func(st timescale.Status) string { c, _ := statusTag(st); return c }
	funcs["tagwords"] = func(st timescale.Status) string { _, w := statusTag(st); return w }
}
