package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// recentSamples is how many samples the audits page lists.
const recentSamples = 10

// auditsPage is the audit overview: what needs doing first (open
// hand-backs, overdue actions), then the results of the period by team and
// by theme, and the way to draw a new sample.
type auditsPage struct {
	basePage
	From, To    dateField
	FromDate    time.Time
	ToDate      time.Time
	Teams       []casework.Team
	ThemeTeam   int64
	HandBacks   []handBackRow
	Actions     []actionRow
	Overdue     int
	ByTeam      []casework.AuditSummaryRow
	ByTheme     []casework.AuditSummaryRow
	TeamGrades  gradeTable
	ThemeGrades gradeTable
	Audits      []auditRow
	Samples     []store.SampleSummary
	Draw        drawForm
	CSV         map[string]string
	SampleSize  int
}

// drawForm is the "Draw a sample" form as typed.
type drawForm struct{ Team, Size, Seed string }

// gradeTable is a summary table of grades as the template draws it.
type gradeTable struct {
	ID, First, Count, Empty string
	Rows                    []casework.AuditSummaryRow
}

type handBackRow struct {
	casework.HandBack
	Hidden  bool
	Overdue bool
}

type actionRow struct {
	casework.AuditAction
	Hidden  bool
	Overdue bool
}

type auditRow struct {
	casework.Audit
	Hidden bool
}

func (s *Server) auditsHome(w http.ResponseWriter, r *http.Request) error {
	p, err := s.auditsPage(r, drawForm{Size: strconv.Itoa(casework.DefaultSampleSize)})
	if err != nil {
		return err
	}
	if u := currentUser(r); u.TeamID != nil {
		p.Draw.Team = strconv.FormatInt(*u.TeamID, 10)
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, p.tables())
	}
	s.render(w, r, http.StatusOK, "audits", p)
	return nil
}

// drawSample draws a random sample and shows it; a refused draw comes
// back to the audits page with the form as typed.
func (s *Server) drawSample(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := drawForm{Team: r.PostFormValue("team"), Size: strings.TrimSpace(r.PostFormValue("size")),
		Seed: strings.TrimSpace(r.PostFormValue("seed"))}
	v := &casework.ValidationError{}
	team, _ := strconv.ParseInt(f.Team, 10, 64)
	if team <= 0 {
		v.Add("team", "Choose the team to draw the sample from")
	}
	size, err := strconv.Atoi(f.Size)
	if err != nil {
		v.Add("size", "Number of cases must be a whole number, like 10")
	} else {
		mergeErrors(v, casework.ValidateSampleSize(size))
	}
	seed, err := strconv.ParseInt(f.Seed, 10, 64)
	if f.Seed != "" && (err != nil || seed <= 0) {
		v.Add("seed", "Seed must be a whole number, 1 or more, or left empty")
	}
	if v.Err() == nil {
		smp, err := s.store.DrawAuditSample(r.Context(), currentUser(r).Actor(), team, size, seed)
		if err == nil {
			http.Redirect(w, r, fmt.Sprintf("/audits/samples/%d", smp.ID), http.StatusSeeOther)
			return nil
		}
		if v = formProblem(err); v == nil {
			return err
		}
	}
	p, err := s.auditsPage(r, f)
	if err != nil {
		return err
	}
	p.Errors = v
	s.render(w, r, http.StatusUnprocessableEntity, "audits", p)
	return nil
}

// auditsPage gathers the overview for the period asked for (the last 12
// months unless the query says otherwise).
func (s *Server) auditsPage(r *http.Request, draw drawForm) (auditsPage, error) {
	p := auditsPage{basePage: s.base(r, "Case-file audits"), Draw: draw, SampleSize: casework.DefaultSampleSize}
	q := r.URL.Query()
	v := &casework.ValidationError{}
	p.From, p.To, p.FromDate, p.ToDate = s.auditPeriod(q, v)
	p.ThemeTeam, _ = strconv.ParseInt(q.Get("theme_team"), 10, 64)
	p.Errors = v
	if v.Err() == nil {
		p.Errors = nil
	}
	p.CSV = map[string]string{}
	for _, t := range []string{"handbacks", "actions", "teams", "themes", "audits", "samples"} {
		p.CSV[t] = csvLink("/audits", q, t)
	}
	return p, s.fillAudits(r, &p)
}

// auditPeriod reads the period from the query: from and to as GOV.UK date
// inputs, by default the twelve months up to today.
func (s *Server) auditPeriod(q url.Values, v *casework.ValidationError) (fromF, toF dateField, from, to time.Time) {
	today := s.today()
	from, to = calendar.AddMonths(today, -12).AddDate(0, 0, 1), today
	fromF, toF = readDate(q, "from"), readDate(q, "to")
	if d := fromF.parse(v, "from", "Start of the period"); d != nil {
		from = *d
	} else if fromF.Empty() {
		fromF = dateFieldOf(&from)
	}
	if d := toF.parse(v, "to", "End of the period"); d != nil {
		to = *d
	} else if toF.Empty() {
		toF = dateFieldOf(&to)
	}
	if from.After(to) {
		v.Add("from", "Start of the period must be on or before its end")
	}
	return fromF, toF, from, to
}

// fillAudits reads the lists and summaries, hiding restricted children the
// user is not named on.
func (s *Server) fillAudits(r *http.Request, p *auditsPage) error {
	ctx := r.Context()
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	if p.HandBacks, err = s.handBackRows(r, hidden); err != nil {
		return err
	}
	if p.Actions, p.Overdue, err = s.actionRows(r, hidden); err != nil {
		return err
	}
	if p.Teams, err = s.store.Teams(ctx); err != nil {
		return err
	}
	if p.ByTeam, err = s.store.AuditGradesByTeam(ctx, p.FromDate, p.ToDate); err != nil {
		return err
	}
	if p.ByTheme, err = s.store.AuditGradesByTheme(ctx, p.FromDate, p.ToDate, p.ThemeTeam); err != nil {
		return err
	}
	p.TeamGrades = gradeTable{ID: "by-team", First: "Team", Count: "Audits", Empty: "No audits in this period.", Rows: p.ByTeam}
	p.ThemeGrades = gradeTable{ID: "by-theme", First: "Theme", Count: "Grades given", Empty: "No audits in this period.", Rows: p.ByTheme}
	audits, err := s.store.AuditsBetween(ctx, p.FromDate, p.ToDate)
	if err != nil {
		return err
	}
	for _, a := range audits {
		p.Audits = append(p.Audits, auditRow{Audit: a, Hidden: hidden[a.ChildID]})
	}
	p.Samples, err = s.store.RecentAuditSamples(ctx, recentSamples)
	return err
}

func (s *Server) handBackRows(r *http.Request, hidden map[int64]bool) ([]handBackRow, error) {
	hbs, err := s.store.OpenHandBacks(r.Context())
	var out []handBackRow
	for _, h := range hbs {
		out = append(out, handBackRow{HandBack: h, Hidden: hidden[h.ChildID], Overdue: h.Overdue(s.today())})
	}
	return out, err
}

// actionRows lists the open actions, overdue first (they are the
// earliest due), and counts the overdue.
func (s *Server) actionRows(r *http.Request, hidden map[int64]bool) ([]actionRow, int, error) {
	xs, err := s.store.OutstandingAuditActions(r.Context())
	var out []actionRow
	overdue := 0
	for _, x := range xs {
		row := actionRow{AuditAction: x, Hidden: hidden[x.ChildID], Overdue: x.Overdue(s.today())}
		if row.Overdue {
			overdue++
		}
		out = append(out, row)
	}
	return out, overdue, err
}

// childLabel is a child's name in a list, or the restricted note.
func childLabel(name string, hidden bool) string {
	if hidden {
		return restrictedNote
	}
	return name
}

// tables are the overview's tables as CSV.
func (p auditsPage) tables() map[string]func() auditTable {
	return map[string]func() auditTable{
		"handbacks": p.handBackTable, "actions": p.actionTable, "teams": p.teamTable,
		"themes": p.themeTable, "audits": p.auditTable, "samples": p.sampleTable,
	}
}

func (p auditsPage) handBackTable() auditTable {
	t := auditTable{file: "audit-hand-backs", header: []string{"Child", "Team", "Audit date", "What must be done", "Owner", "Due", "Overdue"}}
	for _, h := range p.HandBacks {
		reason := h.Reason
		if h.Hidden {
			reason = ""
		}
		t.rows = append(t.rows, []string{childLabel(h.ChildName, h.Hidden), h.TeamName, calendar.FormatDate(h.Raised), reason,
			h.OwnerName, calendar.FormatDate(h.Due), yesNo(h.Overdue)})
	}
	return t
}

func (p auditsPage) actionTable() auditTable {
	t := auditTable{file: "audit-actions-open", header: []string{"Child", "Action", "Owner", "Due", "Overdue"}}
	for _, x := range p.Actions {
		text := x.Text
		if x.Hidden {
			text = ""
		}
		t.rows = append(t.rows, []string{childLabel(x.ChildName, x.Hidden), text, x.OwnerName, calendar.FormatDate(x.Due), yesNo(x.Overdue)})
	}
	return t
}

func (p auditsPage) teamTable() auditTable {
	t := auditTable{file: fmt.Sprintf("audit-grades-by-team-%s-to-%s", calendar.FormatDate(p.FromDate), calendar.FormatDate(p.ToDate)),
		header: append([]string{"Team", "Audits"}, gradeColumns...)}
	for _, row := range p.ByTeam {
		t.rows = append(t.rows, append([]string{row.Name, strconv.Itoa(row.Grades.Total())}, gradeCells(row.Grades)...))
	}
	return t
}

func (p auditsPage) themeTable() auditTable {
	t := auditTable{file: fmt.Sprintf("audit-grades-by-theme-%s-to-%s", calendar.FormatDate(p.FromDate), calendar.FormatDate(p.ToDate)),
		header: append([]string{"Theme", "Grades given"}, gradeColumns...)}
	for _, row := range p.ByTheme {
		t.rows = append(t.rows, append([]string{row.Name, strconv.Itoa(row.Grades.Total())}, gradeCells(row.Grades)...))
	}
	return t
}

func (p auditsPage) auditTable() auditTable {
	t := auditTable{file: fmt.Sprintf("audits-%s-to-%s", calendar.FormatDate(p.FromDate), calendar.FormatDate(p.ToDate)),
		header: []string{"Audit date", "Child", "Team", "Auditor", "Overall grade"}}
	for _, a := range p.Audits {
		t.rows = append(t.rows, []string{calendar.FormatDate(a.Date), childLabel(a.ChildName, a.Hidden), a.TeamName,
			a.AuditorName, casework.LabelOf(casework.Grades(), a.Overall)})
	}
	return t
}

func (p auditsPage) sampleTable() auditTable {
	t := auditTable{file: "audit-samples", header: []string{"Drawn on", "Team", "Cases drawn", "Audited", "Eligible", "Seed", "Drawn by"}}
	for _, x := range p.Samples {
		t.rows = append(t.rows, []string{calendar.FormatDate(x.DrawnOn), x.TeamName, strconv.Itoa(x.Drawn), strconv.Itoa(x.Audited),
			strconv.Itoa(x.Eligible), strconv.FormatInt(x.Seed, 10), x.DrawnBy})
	}
	return t
}
