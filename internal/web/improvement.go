package web

import (
	"net/http"
	"strconv"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// The improvement plan: Ofsted's recommendations, the actions on each with
// owner, due date, status and rating, the evidence linked to each action
// (an indicator, shown with its figure and rating now, or an audit
// finding) and progress notes. Leaders edit it; analysts and auditors read
// it. The board report (improvement_report.go) summarises it for a date.

func (s *Server) improvementRoutes() []route {
	s.notices["improvement"] = "Improvement plan saved"
	s.notices["commentary"] = "Commentary saved"
	return []route{
		{"GET /improvement", auth.PermViewImprovement, s.improvement},
		{"GET /improvement/plan.csv", auth.PermViewImprovement, s.improvementCSV},
		{"GET /improvement/report", auth.PermViewImprovement, s.withIndicators(s.boardReport)},
		{"GET /improvement/report.pdf", auth.PermViewImprovement, s.withIndicators(s.boardReportPDF)},
		{"POST /improvement/report/commentary", auth.PermEditImprovement, s.saveCommentary},
		{"GET /improvement/recommendations/new", auth.PermEditImprovement, s.impForm(recommendationForm)},
		{"POST /improvement/recommendations/new", auth.PermEditImprovement, s.impSave(recommendationForm)},
		{"GET /improvement/recommendations/{id}", auth.PermEditImprovement, s.impForm(recommendationForm)},
		{"POST /improvement/recommendations/{id}", auth.PermEditImprovement, s.impSave(recommendationForm)},
		{"GET /improvement/actions/new", auth.PermEditImprovement, s.impForm(actionForm)},
		{"POST /improvement/actions/new", auth.PermEditImprovement, s.impSave(actionForm)},
		{"GET /improvement/actions/{id}", auth.PermEditImprovement, s.impForm(actionForm)},
		{"POST /improvement/actions/{id}", auth.PermEditImprovement, s.impSave(actionForm)},
		{"GET /improvement/actions/{id}/evidence", auth.PermEditImprovement, s.impForm(evidenceForm)},
		{"POST /improvement/actions/{id}/evidence", auth.PermEditImprovement, s.impSave(evidenceForm)},
		{"GET /improvement/actions/{id}/notes", auth.PermEditImprovement, s.impForm(progressForm)},
		{"POST /improvement/actions/{id}/notes", auth.PermEditImprovement, s.impSave(progressForm)},
	}
}

// linkedIndicator is an indicator linked as evidence, with its figure.
type linkedIndicator struct {
	ID, Title, Text string
	RAG             ind.RAG
}

// planAction is one action as the plan shows it.
type planAction struct {
	casework.Action
	RAG        string
	Overdue    bool
	Indicators []linkedIndicator
	Audits     []casework.Evidence
}

type planRec struct {
	casework.Recommendation
	Actions []planAction
}

type improvementPage struct {
	basePage
	AsAt    time.Time
	Recs    []planRec
	Counts  casework.RAGCount
	Overdue int
	CanEdit bool
	Figures string // why indicator figures are missing, "" when shown
}

// improvement draws the plan as at today.
func (s *Server) improvement(w http.ResponseWriter, r *http.Request) error {
	p, err := s.improvementData(r, s.today())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "improvement", p)
	return nil
}

// improvementData reads the plan and rates each action as at asAt, using
// the engine's figures for the linked indicators on that date.
func (s *Server) improvementData(r *http.Request, asAt time.Time) (*improvementPage, error) {
	p := &improvementPage{basePage: s.base(r, "Improvement plan"), AsAt: asAt,
		CanEdit: allowed(r, auth.PermEditImprovement)}
	recs, acts, err := s.store.ImprovementPlan(r.Context())
	if err != nil {
		return nil, err
	}
	figures, why, err := s.figuresAt(r, asAt)
	if err != nil {
		return nil, err
	}
	p.Figures = why
	if k := r.URL.Query().Get("saved"); k == "improvement" {
		p.Notice = s.notices[k]
	}
	for _, rec := range recs {
		pr := planRec{Recommendation: rec}
		for _, a := range acts[rec.ID] {
			pa := planAction{Action: a, Overdue: casework.Overdue(a, asAt)}
			var rags []string
			for _, e := range a.Evidence {
				if e.Kind != casework.EvidenceIndicator {
					pa.Audits = append(pa.Audits, e)
					continue
				}
				li := linkedIndicator{ID: e.IndicatorID, Text: "–"}
				if in, ok := ind.Lookup(e.IndicatorID); ok {
					li.Title = in.Title
				}
				if res, ok := figures[e.IndicatorID]; ok {
					li.RAG = res.Indicator.Rate(res.Value)
					if res.Value != nil {
						li.Text = formatValue(res.Indicator.Unit, *res.Value)
					}
				}
				rags = append(rags, string(li.RAG))
				pa.Indicators = append(pa.Indicators, li)
			}
			pa.RAG = casework.ActionRAG(a, asAt, rags)
			p.Counts.Add(pa.RAG)
			if pa.Overdue {
				p.Overdue++
			}
			pr.Actions = append(pr.Actions, pa)
		}
		p.Recs = append(p.Recs, pr)
	}
	return p, nil
}

// figuresAt computes every indicator as at a date, by id. A date the
// records cannot answer gives no figures and the reason.
func (s *Server) figuresAt(r *http.Request, asAt time.Time) (map[string]ind.Result, string, error) {
	if loading, _ := s.indicatorsLoading(r); loading {
		return nil, "The figures are being prepared: sightline reads every record when it starts. Reload the page in a minute to see them.", nil
	}
	results, err := s.engine.Compute(r.Context(), ind.Query{AsAt: asAt})
	if isMetricsQueryError(err) {
		return nil, "Figures cannot be shown " + err.Error(), nil
	}
	if err != nil {
		return nil, "", err
	}
	out := make(map[string]ind.Result, len(results))
	for _, res := range results {
		out[res.Indicator.ID] = res
	}
	return out, "", nil
}

// improvementCSV downloads the plan, one row per action.
func (s *Server) improvementCSV(w http.ResponseWriter, r *http.Request) error {
	p, err := s.improvementData(r, s.today())
	if err != nil {
		return err
	}
	t := wfTable{Head: []string{"recommendation_id", "recommendation", "theme", "source", "inspection_date", "action_id",
		"action", "owner", "due_date", "status", "completed_on", "rag", "rag_set_by_hand_because", "overdue", "indicators", "audit_evidence", "latest_note"}}
	for _, rec := range p.Recs {
		for _, a := range rec.Actions {
			var inds, audits, note string
			for i, li := range a.Indicators {
				inds += sep(i) + li.ID + "=" + li.Text
			}
			for i, e := range a.Audits {
				audits += sep(i) + e.AuditTheme + ": " + e.Summary
			}
			if len(a.Notes) > 0 {
				note = calendar.FormatDate(a.Notes[0].Date) + " " + a.Notes[0].Text
			}
			done := ""
			if !a.CompletedOn.IsZero() {
				done = calendar.FormatDate(a.CompletedOn)
			}
			t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(strconv.FormatInt(rec.ID, 10)), wfTxt(rec.Text), wfTxt(rec.Theme),
				wfTxt(rec.Source), wfTxt(calendar.FormatDate(rec.InspectionDate)), wfTxt(strconv.FormatInt(a.ID, 10)),
				wfTxt(a.Description), wfTxt(a.OwnerName), wfTxt(calendar.FormatDate(a.DueDate)), wfTxt(a.Status), wfTxt(done),
				wfTxt(a.RAG), wfTxt(a.OverrideReason), wfTxt(strconv.FormatBool(a.Overdue)), wfTxt(inds), wfTxt(audits), wfTxt(note)}})
		}
	}
	return writeWorkforceCSV(w, t, "improvement-plan-"+calendar.FormatDate(p.AsAt)+".csv")
}

func sep(i int) string {
	if i == 0 {
		return ""
	}
	return "; "
}

// statusLabel shows an action's status in words.
func statusLabel(code string) string {
	for _, c := range casework.ActionStatuses() {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}
