package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// The trend of one indicator: its figure at the end of each month (or
// quarter) of a period, as a chart and a table, for the whole authority,
// one team, or one group of children (an age band, sex, ethnicity or
// disability). The engine divides a figure one way at a time, so a team
// and a group of children are not asked for together.

// maxSteps bounds a trend: ten years of months.
const maxSteps = 120

type trendPoint struct {
	AsAt        time.Time
	Value       *float64
	Text        string
	Numerator   string
	Denominator string
	Href        string // the children behind the figure at that date
}

type trendPage struct {
	basePage
	Indicator         ind.Indicator
	FromField         dateField
	ToField           dateField
	From, To          time.Time
	Step              string
	Team              string // team id as chosen
	Group             string // "split:group" as chosen
	Teams             []casework.Team
	TeamOptions       []casework.Code
	Groups            []casework.Code
	Filter            string // what the figures cover, in words
	CountsOnly        bool   // a rate per 10,000 of a part of the children: the count is charted
	Points            []trendPoint
	Chart             svgChart
	Target, England   string
	EnglandYear, Link string // Link: this trend's query, for the CSV
	Neighbours        neighbourFigure
	HasNeighbour      bool
}

// trendQuery is what the form asks for, checked.
type trendQuery struct {
	from, to time.Time
	step     ind.Step
	split    ind.Split
	group    string // the group of the split, or the team's name
}

// performanceTrend draws one indicator over a period. ?format=csv
// downloads the points.
func (s *Server) performanceTrend(w http.ResponseWriter, r *http.Request) error {
	in, ok := ind.Lookup(r.PathValue("id"))
	if !ok {
		return fmt.Errorf("indicator %q: %w", r.PathValue("id"), casework.ErrNotFound)
	}
	p, tq, err := s.trendForm(r, in)
	if err != nil {
		return err
	}
	if p.Errors == nil {
		if err := s.trendPoints(r, p, tq); err != nil {
			return err
		}
	}
	if r.URL.Query().Get("format") == "csv" {
		if p.Errors != nil {
			return fmt.Errorf("trend of %s: %w", in.ID, p.Errors)
		}
		t := wfTable{Head: []string{"id", "as_at", "value", "numerator", "denominator", "unit", "covers"}}
		for _, pt := range p.Points {
			t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(in.ID), wfTxt(calendar.FormatDate(pt.AsAt)), rawNum(pt.Value),
				wfTxt(pt.Numerator), wfTxt(pt.Denominator), wfTxt(string(in.Unit)), wfTxt(p.Filter)}})
		}
		return writeWorkforceCSV(w, t, in.ID+"-trend-"+calendar.FormatDate(p.From)+"-"+calendar.FormatDate(p.To)+".csv")
	}
	s.render(w, r, http.StatusOK, "performance_trend", p)
	return nil
}

// trendForm reads and checks the period, step and filter: the period must
// end by today, start on or after the first record, hold at least one
// step end and at most maxSteps; the team must exist.
func (s *Server) trendForm(r *http.Request, in ind.Indicator) (*trendPage, trendQuery, error) {
	ctx := r.Context()
	p := &trendPage{basePage: s.base(r, in.Title+": trend"), Indicator: in, Groups: trendGroups()}
	var tq trendQuery
	var err error
	if p.Teams, err = s.store.Teams(ctx); err != nil {
		return nil, tq, err
	}
	for _, t := range p.Teams {
		p.TeamOptions = append(p.TeamOptions, casework.Code{Code: strconv.FormatInt(t.ID, 10), Label: t.Name})
	}
	first, err := s.engine.First(ctx)
	if err != nil {
		return nil, tq, err
	}
	q := r.URL.Query()
	v := &casework.ValidationError{}
	today := s.today()
	tq.to, p.ToField = dateParam(q, v, "to", "The last day", today)
	tq.from, p.FromField = dateParam(q, v, "from", "The first day", calendar.AddMonths(tq.to, -12).AddDate(0, 0, 1))
	p.From, p.To = tq.from, tq.to
	p.Step, tq.step = q.Get("step"), ind.Step(q.Get("step"))
	if tq.step == "" {
		p.Step, tq.step = string(ind.Month), ind.Month
	}
	switch {
	case v.Has("from") || v.Has("to"):
	case tq.to.After(today):
		v.Add("to", "The last day cannot be in the future (today is "+longDate(today)+")")
	case tq.from.After(tq.to):
		v.Add("from", "The first day must be on or before the last day")
	case first.IsZero():
		v.Add("from", "There are no records yet to show a trend from")
	case firstEnd(tq).Before(first):
		// a period may start before the records so long as its first
		// month (or quarter) ends after they start
		v.Add("from", "The first day cannot be before the records start, on "+longDate(first))
	}
	if tq.step != ind.Month && tq.step != ind.Quarter {
		v.Add("step", "Choose months or quarters")
	}
	if !v.Has("from") && !v.Has("to") && !v.Has("step") {
		switch n := len(ind.StepEnds(tq.from, tq.to, tq.step)); {
		case n == 0:
			v.Add("from", "The period holds no "+string(tq.step)+" end: choose a longer period")
		case n > maxSteps:
			v.Add("from", fmt.Sprintf("The period holds %d %ss: choose at most %d", n, tq.step, maxSteps))
		}
	}
	s.trendFilter(q, v, p, &tq)
	if v.Has("from") || v.Has("to") || v.Has("step") || v.Has("team") || v.Has("group") {
		p.Errors = v
	}
	return p, tq, nil
}

// trendFilter reads the team or group of children.
func (s *Server) trendFilter(q url.Values, v *casework.ValidationError, p *trendPage, tq *trendQuery) {
	p.Team, p.Group = q.Get("team"), q.Get("group")
	p.Filter = "All children"
	if p.Team != "" && p.Group != "" {
		v.Add("group", "Choose a team or a group of children, not both")
		return
	}
	if p.Team != "" {
		id, _ := strconv.ParseInt(p.Team, 10, 64)
		i := slices.IndexFunc(p.Teams, func(t casework.Team) bool { return t.ID == id })
		if i < 0 {
			v.Add("team", "Choose a team from the list")
			return
		}
		tq.split, tq.group, p.Filter = ind.ByTeam, p.Teams[i].Name, "Children whose case is held by "+p.Teams[i].Name
	}
	if p.Group != "" {
		i := slices.IndexFunc(p.Groups, func(c casework.Code) bool { return c.Code == p.Group })
		if i < 0 {
			v.Add("group", "Choose a group of children from the list")
			return
		}
		split, group, _ := strings.Cut(p.Group, ":")
		tq.split, tq.group, p.Filter = ind.Split(split), group, p.Groups[i].Label
	}
	if tq.split != ind.ByNone && !p.Indicator.ChildSplits {
		v.Add("group", "This figure is about staff, not children: it cannot be shown for a team or group of children")
	}
}

// trendGroups are the groups of children a trend can be shown for.
func trendGroups() []casework.Code {
	var out []casework.Code
	for _, b := range []string{"Unborn", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"} {
		out = append(out, casework.Code{Code: "age_band:" + b, Label: "Aged " + strings.ToLower(b)})
	}
	for _, c := range casework.Sexes() {
		out = append(out, casework.Code{Code: "sex:" + c.Code, Label: "Sex: " + c.Label})
	}
	out = append(out, casework.Code{Code: "disability:Disabled", Label: "Disabled children"},
		casework.Code{Code: "disability:Not disabled", Label: "Children not recorded as disabled"})
	for _, c := range casework.Ethnicities() {
		out = append(out, casework.Code{Code: "ethnicity:" + c.Code, Label: "Ethnicity: " + c.Label})
	}
	return out
}

// trendPoints computes the figure at each step end and draws the chart.
func (s *Server) trendPoints(r *http.Request, p *trendPage, tq trendQuery) error {
	in := p.Indicator
	p.CountsOnly = tq.split != ind.ByNone && in.Unit == ind.Per10k
	for _, end := range ind.StepEnds(tq.from, tq.to, tq.step) {
		res, err := s.engine.Compute(r.Context(), ind.Query{AsAt: end, IDs: []string{in.ID}, Split: tq.split})
		if err != nil {
			return fmt.Errorf("trend of %s at %s: %w", in.ID, calendar.FormatDate(end), err)
		}
		p.Points = append(p.Points, newTrendPoint(res[0], tq, p.CountsOnly))
	}
	if in.Target != nil && !p.CountsOnly {
		p.Target = formatValue(in.Unit, *in.Target)
	}
	var englandFig *float64
	if e, ok := england[in.ID]; ok && tq.split == ind.ByNone {
		englandFig, p.England, p.EnglandYear = &e.Value, formatValue(in.Unit, e.Value), e.Year
	}
	var neighbourFig *float64
	if tq.split == ind.ByNone {
		if p.Neighbours, p.HasNeighbour = neighboursFor(in); p.HasNeighbour {
			neighbourFig = &p.Neighbours.raw.Mean
		}
	}
	labels := make([]string, len(p.Points))
	series := seriesInput{Name: in.Title}
	for i, pt := range p.Points {
		labels[i] = pt.AsAt.Format("Jan 2006")
		series.Values = append(series.Values, pt.Value)
		series.Hrefs = append(series.Hrefs, pt.Href)
	}
	unit := in.Unit
	yLabel := unitLabel(unit)
	if p.CountsOnly {
		unit, yLabel = ind.Count, "Children"
	}
	target := in.Target
	if p.CountsOnly {
		target = nil
	}
	in2 := chartInput{ID: "trend-chart", Title: in.Title + ", " + strings.ToLower(p.Filter[:1]) + p.Filter[1:],
		Desc: fmt.Sprintf("A line chart of %s at the end of each %s from %s to %s. The figures are in the table below.",
			strings.ToLower(in.Title), tq.step, longDate(tq.from), longDate(tq.to)),
		XLabel: cases(string(tq.step)) + " ending", YLabel: yLabel, Labels: labels, Series: []seriesInput{series},
		Format: func(v float64) string { return formatValue(unit, v) }, Target: target, England: englandFig, Neighbours: neighbourFig}
	if unit == ind.Percent {
		in2.Cap = 100
	}
	p.Chart = newLineChart(in2)
	p.Link = r.URL.Query().Encode()
	return nil
}

// newTrendPoint takes the figure (or its group's) from one result.
func newTrendPoint(res ind.Result, tq trendQuery, countsOnly bool) trendPoint {
	pt := trendPoint{AsAt: res.AsAt, Value: res.Value, Numerator: strconv.FormatFloat(res.Numerator, 'f', -1, 64)}
	if res.Denominator != nil {
		pt.Denominator = strconv.FormatFloat(*res.Denominator, 'f', -1, 64)
	}
	if tq.split != ind.ByNone {
		pt.Value, pt.Numerator, pt.Denominator = nil, "0", ""
		for _, g := range res.Groups {
			if g.Name == tq.group {
				pt.Value, pt.Numerator = g.Value, strconv.FormatFloat(g.Numerator, 'f', -1, 64)
				if g.Denominator != nil {
					pt.Denominator = strconv.FormatFloat(*g.Denominator, 'f', -1, 64)
				}
			}
		}
		if countsOnly {
			n, _ := strconv.ParseFloat(pt.Numerator, 64)
			pt.Value = &n
		}
		if pt.Value == nil && res.Indicator.Unit == ind.Count {
			zero := 0.0
			pt.Value = &zero
		}
	}
	pt.Text = "–"
	if pt.Value != nil {
		unit := res.Indicator.Unit
		if countsOnly {
			unit = ind.Count
		}
		pt.Text = formatValue(unit, *pt.Value)
	}
	if res.Indicator.ChildSplits && res.Indicator.Unavailable == "" {
		pt.Href = "/performance/" + res.Indicator.ID + "?as_at=" + calendar.FormatDate(res.AsAt)
	}
	return pt
}

func unitLabel(u ind.Unit) string {
	switch u {
	case ind.Percent:
		return "Per cent"
	case ind.Per10k:
		return "Per 10,000 children"
	case ind.Pounds:
		return "Pounds"
	case ind.WorkingDays:
		return "Working days"
	case ind.Days:
		return "Days"
	}
	return "Number"
}

func cases(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dateParam reads a date from three boxes (name-day, name-month,
// name-year) or one ISO value (name=2024-03-31), def when neither is given.
func dateParam(q url.Values, v *casework.ValidationError, name, label string, def time.Time) (time.Time, dateField) {
	field := readDate(q, name)
	if iso := q.Get(name); iso != "" && field.Empty() {
		if d, err := time.Parse("2006-01-02", iso); err == nil {
			return d, dateFieldOf(&d)
		}
		field = dateField{Year: iso}
	}
	if field.Empty() {
		return def, dateFieldOf(&def)
	}
	if d := field.parse(v, name, label); d != nil {
		return *d, field
	}
	if !v.Has(name) {
		v.Add(name, label+" must be a real date")
	}
	return def, field
}

// firstEnd is the period's first step end (the last day when there is none).
func firstEnd(tq trendQuery) time.Time {
	if ends := ind.StepEnds(tq.from, tq.to, tq.step); len(ends) > 0 {
		return ends[0]
	}
	return tq.to
}
