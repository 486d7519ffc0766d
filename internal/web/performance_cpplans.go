package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// The child protection plan analysis: the children on a plan as at a date
// by category, crossed with assessment factors, age band, team, how long
// the plan has lasted and whether it is a repeat plan; and the category
// shares at each quarter end over three years. Every count links to the
// children behind it; every table downloads as CSV.

// cpTrendYears is how far back the category shares go.
const cpTrendYears = 3

type cpPage struct {
	basePage
	AsAt      time.Time
	AsAtField dateField
	Analysis  ind.CPAnalysis
	Trend     ind.CPTrend
	Chart     svgChart
}

func (s *Server) cpPlans(w http.ResponseWriter, r *http.Request) error {
	p := &cpPage{basePage: s.base(r, "Child protection plans by category")}
	p.AsAt, p.AsAtField, p.Errors = s.workforceAsAt(r)
	if p.Errors == nil {
		if err := s.cpData(r, p); err != nil {
			return err
		}
	}
	if r.URL.Query().Get("format") == "csv" {
		if p.Errors != nil {
			return fmt.Errorf("child protection plan analysis: %w", p.Errors)
		}
		return cpCSV(w, p, r.URL.Query().Get("table"))
	}
	s.render(w, r, http.StatusOK, "performance_cpplans", p)
	return nil
}

// cpData works out the analysis and the shares; a date the records cannot
// answer comes back as an error on the form.
func (s *Server) cpData(r *http.Request, p *cpPage) error {
	var err error
	p.Analysis, err = s.engine.CPPlans(r.Context(), p.AsAt)
	if isMetricsQueryError(err) {
		p.Errors = &casework.ValidationError{}
		p.Errors.Add("as_at", "Figures cannot be shown "+err.Error())
		return nil
	}
	if err != nil {
		return err
	}
	if p.Trend, err = s.engine.CPShares(r.Context(), p.AsAt, cpTrendYears); err != nil {
		return err
	}
	p.Chart = cpChart(p.Trend)
	return nil
}

// cpChart draws each category's share at each quarter end.
func cpChart(t ind.CPTrend) svgChart {
	labels := make([]string, len(t.Points))
	for i, pt := range t.Points {
		labels[i] = pt.AsAt.Format("Jan 2006")
	}
	var series []seriesInput
	for k, c := range t.Categories {
		s := seriesInput{Name: c.Label}
		for _, pt := range t.Points {
			s.Values = append(s.Values, pt.Percent(k))
			s.Hrefs = append(s.Hrefs, cpChildrenHref(pt.AsAt, "total", "total", c.Code))
		}
		series = append(series, s)
	}
	return newLineChart(chartInput{ID: "cp-shares-chart", Title: "Children on a child protection plan, share by category",
		Desc:   "A line chart of the percentage of children on a plan under each category at each quarter end. The figures are in the table below.",
		XLabel: "Quarter ending", YLabel: "Per cent of children on a plan", Labels: labels, Series: series, Cap: 100,
		Format: func(v float64) string { return formatValue(ind.Percent, v) }})
}

func cpChildrenHref(asAt time.Time, by, row, category string) string {
	q := url.Values{"as_at": {calendar.FormatDate(asAt)}, "by": {by}, "row": {row}, "category": {category}}
	return "/performance/cp-plans/children?" + q.Encode()
}

// cpCSV downloads one table: a division (?table=factor …), the totals or
// the shares over time.
func cpCSV(w http.ResponseWriter, p *cpPage, which string) error {
	a := p.Analysis
	head := []string{"row"}
	for _, c := range a.Categories {
		head = append(head, c.Code)
	}
	head = append(head, "total")
	t := wfTable{Head: head}
	row := func(r ind.CPRow) {
		cells := []wfCell{wfTxt(r.Label)}
		for k := range a.Categories {
			cells = append(cells, wfTxt(strconv.Itoa(r.Count(k))))
		}
		t.Rows = append(t.Rows, wfRow{Cells: append(cells, wfTxt(strconv.Itoa(r.Total)))})
	}
	switch which {
	case "total":
		row(a.Totals)
	case "trend":
		t.Head = []string{"quarter_end"}
		for _, c := range p.Trend.Categories {
			t.Head = append(t.Head, c.Code, c.Code+"_pct")
		}
		t.Head = append(t.Head, "total")
		for _, pt := range p.Trend.Points {
			cells := []wfCell{wfTxt(calendar.FormatDate(pt.AsAt))}
			for k := range p.Trend.Categories {
				cells = append(cells, wfTxt(strconv.Itoa(pt.Counts[k])), rawNum(pt.Percent(k)))
			}
			t.Rows = append(t.Rows, wfRow{Cells: append(cells, wfTxt(strconv.Itoa(pt.Total)))})
		}
	default:
		i := slices.IndexFunc(a.Tables, func(tb ind.CPTable) bool { return string(tb.By) == which })
		if i < 0 {
			return fmt.Errorf("child protection plan table %q: %w", which, casework.ErrNotFound)
		}
		for _, r := range a.Tables[i].Rows {
			row(r)
		}
	}
	if which == "" {
		which = "total"
	}
	return writeWorkforceCSV(w, t, "cp-plans-"+which+"-"+calendar.FormatDate(p.AsAt)+".csv")
}

type cpChildrenPage struct {
	basePage
	AsAt     time.Time
	Row      string
	Category string
	Division string
	Rows     []behindRow
	Link     string
}

// cpPlanChildren lists the children behind one count: ?by= a division (or
// total), row= its row's key, category= a category code (or all).
// Restricted children the user is not named on show without name or link.
func (s *Server) cpPlanChildren(w http.ResponseWriter, r *http.Request) error {
	asAt, _, verr := s.workforceAsAt(r)
	if verr != nil {
		return verr
	}
	a, err := s.engine.CPPlans(r.Context(), asAt)
	if isMetricsQueryError(err) {
		return casework.Invalid("as_at", "Children cannot be listed "+err.Error())
	}
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &cpChildrenPage{basePage: s.base(r, "Children on a child protection plan"), AsAt: asAt, Division: "All children on a plan",
		Link: q.Encode()}
	row, ok := a.Totals, q.Get("by") == "total"
	if !ok {
		for _, tb := range a.Tables {
			if string(tb.By) != q.Get("by") {
				continue
			}
			p.Division = tb.Title
			if i := slices.IndexFunc(tb.Rows, func(r ind.CPRow) bool { return r.Key == q.Get("row") }); i >= 0 {
				row, ok = tb.Rows[i], true
			}
		}
	}
	if !ok {
		return fmt.Errorf("child protection plan cell %s/%s: %w", q.Get("by"), q.Get("row"), casework.ErrNotFound)
	}
	p.Row = row.Label
	var ids []int64
	if cat := q.Get("category"); cat == "all" {
		p.Category = "Every category"
		for _, c := range row.Children {
			ids = append(ids, c...)
		}
	} else if k := slices.IndexFunc(a.Categories, func(c casework.Code) bool { return c.Code == cat }); k >= 0 {
		p.Category, ids = a.Categories[k].Label, row.Children[k]
	} else {
		return fmt.Errorf("child protection plan category %q: %w", cat, casework.ErrNotFound)
	}
	parts := make([]ind.Contribution, len(ids))
	for i, id := range ids {
		parts[i] = ind.Contribution{ChildID: id, Numerator: 1, Denominator: 1}
	}
	if p.Rows, err = s.behindRows(r, parts); err != nil {
		return err
	}
	if q.Get("format") == "csv" {
		t := wfTable{Head: []string{"child_id", "child"}}
		for _, row := range p.Rows {
			id := strconv.FormatInt(row.ChildID, 10)
			if row.Hidden {
				id = ""
			}
			t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(id), wfTxt(row.Name)}})
		}
		return writeWorkforceCSV(w, t, "cp-plans-children-"+calendar.FormatDate(asAt)+".csv")
	}
	s.render(w, r, http.StatusOK, "performance_cpchildren", p)
	return nil
}

// cpTableArgs is what the "cptable" template draws.
type cpTableArgs struct {
	AsAt       time.Time
	By, Title  string
	Categories []casework.Code
	Rows       []ind.CPRow
}

func init() {
	funcs["cpTableArgs"] = func(asAt time.Time, by, title string, cats []casework.Code, rows []ind.CPRow) cpTableArgs {
		return cpTableArgs{AsAt: asAt, By: by, Title: title, Categories: cats, Rows: rows}
	}
	funcs["cpRows"] = func(r ind.CPRow) []ind.CPRow { return []ind.CPRow{r} }
	funcs["cpyears"] = func() int { return cpTrendYears }
	funcs["pct"] = func(v *float64) string {
		if v == nil {
			return "–"
		}
		return formatValue(ind.Percent, *v)
	}
}
