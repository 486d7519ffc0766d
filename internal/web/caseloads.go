package web

import (
	"net/http"
	"strconv"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// caseloadRow is one worker's caseload as the page shows it: numbers to
// one decimal place.
type caseloadRow struct {
	casework.WorkerCaseload
	FTE, Weighted, Capacity, OverBy string
}

// weightRow is one setting behind the weights, shown under the table.
type weightRow struct{ Label, Value string }

type caseloadsPage struct {
	basePage
	allocationScope
	Rows            []caseloadRow
	Summary         casework.CaseloadSummary
	Average         string
	WeightedAverage string
	Target          string
	Weights         []weightRow
	CSV             string
}

// caseloadsPage shows each worker's caseload as at a day: the children
// they held, the load weighted by complexity, their capacity by FTE and
// role (newly qualified workers protected) and how far over it they are,
// the most over first.
func (s *Server) caseloadsPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem, err := s.readScope(r)
	if err != nil {
		return err
	}
	p := caseloadsPage{basePage: s.base(r, "Caseloads"), allocationScope: sc}
	p.Errors = problem
	if !sc.NoTeam {
		c, err := s.store.Caseloads(r.Context(), store.CaseloadFilter{TeamID: sc.TeamID(), AsAt: sc.AsAt})
		if err != nil {
			return err
		}
		p.fill(c)
	}
	p.CSV = csvLink("/caseloads", sc.Query, "caseloads")
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"caseloads": p.caseloadTable})
	}
	s.render(w, r, http.StatusOK, "caseloads", p)
	return nil
}

// oneDP formats a load to one decimal place.
func oneDP(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

func (p *caseloadsPage) fill(c store.Caseloads) {
	for _, l := range c.Workers {
		p.Rows = append(p.Rows, caseloadRow{WorkerCaseload: l, FTE: strconv.FormatFloat(l.Worker.FTE, 'f', -1, 64),
			Weighted: oneDP(l.Weighted), Capacity: oneDP(l.Capacity), OverBy: oneDP(l.OverBy)})
	}
	p.Summary = c.Summary
	p.Average, p.WeightedAverage = oneDP(c.Summary.Average), oneDP(c.Summary.WeightedAverage)
	p.Target = strconv.FormatFloat(c.Summary.TargetAverage, 'f', -1, 64)
	st := c.Settings
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	p.Weights = []weightRow{
		{"A child on a child protection plan or in a section 47 enquiry", num(st.WeightCPPlan)},
		{"A child whose assessment is open", num(st.WeightAssessment)},
		{"Any other child in need", num(st.WeightCIN)},
		{"Added for a child in care proceedings", num(st.WeightProceedings)},
		{"Each further sibling held by the same worker counts", num(st.SiblingShare) + " of their weight"},
		{"Capacity of a full-time case holder", num(st.CapacityFullTime) + " weighted cases"},
		{"A newly qualified worker's capacity", num(st.NewlyQualifiedFactor) + " of full"},
	}
}

// caseloadTable is the caseloads as CSV: the same rows as the page.
func (p caseloadsPage) caseloadTable() auditTable {
	t := auditTable{file: "caseloads-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Worker", "Job role", "Team", "FTE", "Newly qualified", "Case holder", "Children",
			"Weighted load", "Capacity", "Over by", "Open assessments"}}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	for _, l := range p.Rows {
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), l.Worker.Name, l.Worker.JobRole, l.Worker.TeamName,
			l.FTE, yes(l.Worker.NewlyQualified), yes(l.CaseHolder), strconv.Itoa(l.Cases), l.Weighted, l.Capacity,
			l.OverBy, strconv.Itoa(l.OpenAssessments)})
	}
	return t
}
