package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
	"sightline/internal/web/static"
)

// The board report: one printable page for any date with the headline
// indicators (and any linked to the plan), each rated and compared with 3
// and 12 months before; the plan's ratings, every action with its evidence
// and latest progress note, and the overdue actions; and the
// board's commentary for that date. The PDF is the same page printed by
// headless Chromium.

// headlineIDs are the indicators every board report leads with, in order.
var headlineIDs = []string{"referrals_per_10k", "rereferrals_12m_pct", "referral_decision_1wd_pct", "assessments_45wd_pct",
	"icpc_15wd_pct", "cp_plans_per_10k", "cp_second_plans_pct", "cp_visits_standard_pct", "cla_per_10k",
	"cla_placements_3plus_pct", "cla_reviews_in_time_pct", "care_leavers_eet_pct", "unallocated_cases",
	"caseload_average", "agency_rate_pct"}

// trendRow is one indicator on the report.
type trendRow struct {
	ID, Title, Target  string
	Now, Then3, Then12 string
	Change3, Change12  string
	RAG                ind.RAG
	Value              *float64 // the figure as at the report date, as the engine gave it
}

type reportPage struct {
	basePage
	AsAt        time.Time
	AsAtField   dateField
	Rows        []trendRow
	Figures     string // why figures are missing
	Plan        *improvementPage
	OverdueActs []planAction
	Commentary  string
	Version     int
	UpdatedBy   string
	CanEdit     bool
	PDF         string // the PDF link, "" when Chromium is missing
	NoPDF       string // why there is no PDF
	Printable   bool
	CSS         template.CSS
}

func (s *Server) boardReport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.reportData(r)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if p.Errors != nil {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "improvement_report", p)
	return nil
}

// reportData gathers the report as at the date asked for.
func (s *Server) reportData(r *http.Request) (*reportPage, error) {
	p := &reportPage{basePage: s.base(r, "Board report")}
	p.AsAt, p.AsAtField, p.Errors = s.workforceAsAt(r)
	if p.Errors == nil && p.AsAt.After(s.today()) {
		p.Errors = &casework.ValidationError{}
		p.Errors.Add("as_at", "The report date must be today or in the past")
	}
	if p.Errors != nil {
		p.AsAt = s.today()
	}
	plan, err := s.improvementData(r, p.AsAt)
	if err != nil {
		return nil, err
	}
	p.Plan, p.CanEdit = plan, plan.CanEdit
	if k := r.URL.Query().Get("saved"); k == "commentary" {
		p.Notice = s.notices[k]
	}
	for _, rec := range plan.Recs {
		for _, a := range rec.Actions {
			if a.Overdue {
				p.OverdueActs = append(p.OverdueActs, a)
			}
		}
	}
	if p.Rows, p.Figures, err = s.trendRows(r, p.AsAt, reportIDs(plan)); err != nil {
		return nil, err
	}
	c, err := s.store.Commentary(r.Context(), p.AsAt)
	if err != nil {
		return nil, err
	}
	p.Commentary, p.Version, p.UpdatedBy = c.Text, c.Version, c.UpdatedBy
	if path, why := chromiumPath(); why != "" {
		p.NoPDF = why
	} else if path != "" {
		p.PDF = "/improvement/report.pdf?as_at=" + calendar.FormatDate(p.AsAt)
	}
	return p, nil
}

// reportIDs are the headline indicators followed by any others the plan
// links to.
func reportIDs(plan *improvementPage) []string {
	ids := append([]string(nil), headlineIDs...)
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, rec := range plan.Recs {
		for _, a := range rec.Actions {
			for _, li := range a.Indicators {
				if !seen[li.ID] {
					seen[li.ID] = true
					ids = append(ids, li.ID)
				}
			}
		}
	}
	return ids
}

// trendRows computes the indicators as at the date and 3 and 12 months
// before. An earlier date before the records start shows no figure.
func (s *Server) trendRows(r *http.Request, asAt time.Time, ids []string) ([]trendRow, string, error) {
	now, why, err := s.figuresAt(r, asAt)
	if err != nil || why != "" {
		return nil, why, err
	}
	before3, _, err := s.figuresAt(r, asAt.AddDate(0, -3, 0))
	if err != nil {
		return nil, "", err
	}
	before12, _, err := s.figuresAt(r, asAt.AddDate(0, -12, 0))
	if err != nil {
		return nil, "", err
	}
	var rows []trendRow
	for _, id := range ids {
		res, ok := now[id]
		if !ok {
			continue
		}
		in := res.Indicator
		row := trendRow{ID: id, Title: in.Title, RAG: in.Rate(res.Value), Value: res.Value,
			Now: shown(in, res.Value), Then3: shown(in, before3[id].Value), Then12: shown(in, before12[id].Value),
			Change3: change(in, res.Value, before3[id].Value), Change12: change(in, res.Value, before12[id].Value)}
		if in.Target != nil {
			row.Target = formatValue(in.Unit, *in.Target)
		}
		rows = append(rows, row)
	}
	return rows, "", nil
}

func shown(in ind.Indicator, v *float64) string {
	if v == nil {
		return "–"
	}
	return formatValue(in.Unit, *v)
}

// change is the difference now less then, signed, in the indicator's
// unit ("percentage points" for a percentage).
func change(in ind.Indicator, now, then *float64) string {
	if now == nil || then == nil {
		return "–"
	}
	d := *now - *then
	sign := "+"
	if d < 0 {
		sign, d = "−", -d
	}
	if d == 0 {
		return "no change"
	}
	if in.Unit == ind.Percent {
		return sign + strconv.FormatFloat(d, 'f', 1, 64) + " points"
	}
	return sign + formatValue(in.Unit, d)
}

// saveCommentary saves the board's commentary for the report date; a
// stale save comes back with the text kept.
func (s *Server) saveCommentary(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	date, err := time.Parse("2006-01-02", r.PostFormValue("as_at"))
	if err != nil {
		return fmt.Errorf("commentary date: %w", casework.Invalid("as_at", "The report date is not a date"))
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	text := r.PostFormValue("commentary")
	_, err = s.store.SaveCommentary(r.Context(), currentUser(r).Actor(), date, text, version)
	if problem := formProblem(err); problem != nil {
		r.URL.RawQuery = "as_at=" + calendar.FormatDate(date)
		p, err := s.reportData(r)
		if err != nil {
			return err
		}
		current := p.Version
		p.Errors, p.Commentary, p.Version = problem, text, current
		s.render(w, r, http.StatusUnprocessableEntity, "improvement_report", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/improvement/report?saved=commentary&as_at="+calendar.FormatDate(date), http.StatusSeeOther)
	return nil
}

// chromiumPath is where Chromium is (SIGHTLINE_CHROMIUM or
// /usr/bin/chromium), or why the PDF cannot be made.
func chromiumPath() (string, string) {
	path := os.Getenv("SIGHTLINE_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if st, err := os.Stat(path); err != nil || st.IsDir() {
		return "", "The PDF cannot be made: Chromium is not installed at " + path +
			" (set SIGHTLINE_CHROMIUM to its path). Print this page to PDF from the browser instead."
	}
	return path, ""
}

// pdfTimeout bounds one run of Chromium.
const pdfTimeout = 60 * time.Second

// boardReportPDF prints the report's printable page with headless Chromium.
func (s *Server) boardReportPDF(w http.ResponseWriter, r *http.Request) error {
	p, err := s.reportData(r)
	if err != nil {
		return err
	}
	if p.NoPDF != "" {
		http.Error(w, p.NoPDF, http.StatusServiceUnavailable)
		return nil
	}
	if p.Errors != nil {
		http.Error(w, p.Errors.Error(), http.StatusUnprocessableEntity)
		return nil
	}
	html, err := s.printableReport(p)
	if err != nil {
		return err
	}
	pdf, err := printPDF(r.Context(), html)
	if err != nil {
		return fmt.Errorf("board report PDF for %s: %w", calendar.FormatDate(p.AsAt), err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="board-report-`+calendar.FormatDate(p.AsAt)+`.pdf"`)
	_, err = w.Write(pdf)
	return err
}

// printableReport renders the report as a standalone page with the
// stylesheet inline, so Chromium needs nothing from the server.
func (s *Server) printableReport(p *reportPage) ([]byte, error) {
	css, err := fs.ReadFile(static.FS, "app.css")
	if err != nil {
		return nil, fmt.Errorf("read stylesheet: %w", err)
	}
	p.Printable, p.CSS = true, template.CSS(css)
	var buf bytes.Buffer
	if err := s.pages.sets["improvement_report"].ExecuteTemplate(&buf, "printable", p); err != nil {
		return nil, fmt.Errorf("render printable report: %w", err)
	}
	return buf.Bytes(), nil
}

// printPDF runs headless Chromium on the HTML and returns the PDF.
func printPDF(ctx context.Context, html []byte) ([]byte, error) {
	path, why := chromiumPath()
	if why != "" {
		return nil, fmt.Errorf("%s", why)
	}
	dir, err := os.MkdirTemp("", "sightline-report-")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, html, 0o600); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("chromium: %w: %s", err, bytes.TrimSpace(msg))
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("read PDF: %w", err)
	}
	return pdf, nil
}
