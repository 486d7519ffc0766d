package web

import (
	"net/http"
	"strconv"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// driftCaseRow is a drifting case as the page shows it.
type driftCaseRow struct {
	store.DriftCase
	Name   string
	Hidden bool
	Kind   string // what the last progress was, in words
}

// lateAssessmentRow is an assessment past 45 working days as shown.
type lateAssessmentRow struct {
	store.LateAssessment
	Name   string
	Hidden bool
}

type driftPage struct {
	basePage
	allocationScope
	Drift       store.Drift
	Cases       []driftCaseRow
	Assessments []lateAssessmentRow
	CSV         map[string]string
}

// driftTables are the drift page's tables, by the name ?table= gives.
var driftTables = []string{"cases", "assessments", "open-assessments"}

// driftPage shows, as at a day, the cases with no recorded progress for
// longer than the drift setting allows and who holds each, the assessments
// open more than 45 working days after their referral, and how many
// assessments each worker holds open.
func (s *Server) driftPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem, err := s.readScope(r)
	if err != nil {
		return err
	}
	p := driftPage{basePage: s.base(r, "Drift"), allocationScope: sc, CSV: map[string]string{}}
	p.Errors = problem
	if !sc.NoTeam {
		if p.Drift, err = s.store.Drift(r.Context(), store.DriftFilter{TeamID: sc.TeamID(), AsAt: sc.AsAt}); err != nil {
			return err
		}
		if err := p.dress(s, r); err != nil {
			return err
		}
	}
	for _, t := range driftTables {
		p.CSV[t] = csvLink("/drift", sc.Query, t)
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"cases": p.casesTable,
			"assessments": p.assessmentsTable, "open-assessments": p.openAssessmentsTable})
	}
	s.render(w, r, http.StatusOK, "drift", p)
	return nil
}

// dress names the children, hiding restricted ones.
func (p *driftPage) dress(s *Server, r *http.Request) error {
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	name := func(c casework.Child) (string, bool) {
		if hidden[c.ID] {
			return restrictedNote, true
		}
		return c.FullName(), false
	}
	for _, c := range p.Drift.Cases {
		row := driftCaseRow{DriftCase: c, Kind: casework.LabelOf(casework.ProgressKinds(), c.LastProgressKind)}
		row.Name, row.Hidden = name(c.Child)
		p.Cases = append(p.Cases, row)
	}
	for _, a := range p.Drift.Assessments {
		row := lateAssessmentRow{LateAssessment: a}
		row.Name, row.Hidden = name(a.Child)
		p.Assessments = append(p.Assessments, row)
	}
	return nil
}

// holderName is who held a case, for CSV: the worker or "Not allocated".
func holderName(h store.Holder) string {
	if h.WorkerName == "" {
		return "Not allocated"
	}
	return h.WorkerName
}

func (p driftPage) casesTable() auditTable {
	t := auditTable{file: "drift-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Child", "Team", "Held by", "Opened", "Last progress", "Progress",
			"Working days without progress"}}
	for _, c := range p.Cases {
		id := c.Child.LAChildID
		if c.Hidden {
			id = ""
		}
		last := ""
		if c.LastProgress != nil {
			last = calendar.FormatDate(*c.LastProgress)
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, c.Name, c.TeamName, holderName(c.Holder),
			calendar.FormatDate(c.OpenedOn), last, c.Kind, strconv.Itoa(c.WorkingDays)})
	}
	return t
}

func (p driftPage) assessmentsTable() auditTable {
	t := auditTable{file: "assessments-past-45-working-days-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Child", "Team", "Held by", "Referral", "Assessment started",
			"Completed, awaiting sign-off", "Working days since the referral", "Working days over 45"}}
	for _, a := range p.Assessments {
		id := a.Child.LAChildID
		if a.Hidden {
			id = ""
		}
		done := ""
		if a.Completed != nil {
			done = calendar.FormatDate(*a.Completed)
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, a.Name, a.TeamName, holderName(a.Holder),
			calendar.FormatDate(a.ReferralDate), calendar.FormatDate(a.StartDate), done,
			strconv.Itoa(a.WorkingDays), strconv.Itoa(a.DaysOver)})
	}
	return t
}

func (p driftPage) openAssessmentsTable() auditTable {
	t := auditTable{file: "open-assessments-by-worker-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Worker", "Team", "Open assessments", "Past 45 working days"}}
	for _, wa := range p.Drift.OpenAssessments {
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), wa.Worker.Name, wa.Worker.TeamName,
			strconv.Itoa(wa.Open), strconv.Itoa(wa.Late)})
	}
	return t
}
