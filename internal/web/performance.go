package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// The performance page: every indicator of the metrics catalogue as a
// tile, rated against its target and beside England's figure, each linking
// to the children behind it; the figures download as CSV.

// performanceRoutes need PermViewPerformance (and wait for the indicator
// engine's start-up load, indicators_warm.go); the list of children behind a
// figure also needs PermViewChildren, and hides restricted children the
// user is not named on.
func (s *Server) performanceRoutes() []route {
	return []route{
		{"GET /performance", auth.PermViewPerformance, s.withIndicators(s.performance)},
		{"GET /performance/indicators.csv", auth.PermViewPerformance, s.withIndicators(s.performanceCSV)},
		{"GET /performance/{id}", auth.PermViewChildren, s.withIndicators(s.performanceChildren)},
		{"GET /performance/{id}/trend", auth.PermViewPerformance, s.withIndicators(s.performanceTrend)},
		{"GET /performance/cp-plans", auth.PermViewPerformance, s.withIndicators(s.cpPlans)},
		{"GET /performance/cp-plans/children", auth.PermViewChildren, s.withIndicators(s.cpPlanChildren)},
	}
}

// tile is one indicator on the page.
type tile struct {
	ind.Result
	Text, Detail string // the value as shown ("55.2%"), its numerator and denominator
	England      string // England's figure as shown, "" when none is published
	EnglandYear  string
	Neighbours   neighbourFigure // the statistical neighbours' average and range
	HasNeighbour bool
	Target       string
	RAG          ind.RAG
	Drill        bool // the children behind it can be listed
}

// tileGroup is one area of work, its tiles in rows of three so that a
// tall tile does not push the next row out of line.
type tileGroup struct {
	Name  string
	Tiles []tile
}

// Rows splits the tiles into rows of three.
func (g tileGroup) Rows() [][]tile {
	var out [][]tile
	for i := 0; i < len(g.Tiles); i += 3 {
		out = append(out, g.Tiles[i:min(i+3, len(g.Tiles))])
	}
	return out
}

type performancePage struct {
	basePage
	AsAt      time.Time
	AsAtField dateField
	From      time.Time
	Groups    []tileGroup
	Sources   string
	Neighbour string        // the neighbours and how they were chosen
	Tiles     template.HTML // the groups of tiles, rendered (performance_tiles.go)
	gen       int64         // the engine's generation of the figures
}

func (s *Server) performance(w http.ResponseWriter, r *http.Request) error {
	p, err := s.performanceData(r, false)
	if err != nil {
		return err
	}
	if p.Tiles == "" && p.Groups != nil {
		if p.Tiles, err = s.tiles.render(s.pages.sets["performance"], p); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "performance", p)
	return nil
}

// performanceData works out the tiles as at the date asked for. A date the
// records cannot answer comes back as an error on the form, without tiles.
// When the tiles are kept rendered (performance_tiles.go) they are not
// worked out again, unless every tile is wanted (the CSV).
func (s *Server) performanceData(r *http.Request, everyTile bool) (*performancePage, error) {
	p := &performancePage{basePage: s.base(r, "Performance"), Sources: englandSources, Neighbour: neighbourSources()}
	p.AsAt, p.AsAtField, p.Errors = s.workforceAsAt(r)
	if p.Errors != nil {
		return p, nil
	}
	results, gen, err := s.engine.ComputeGen(r.Context(), ind.Query{AsAt: p.AsAt})
	if isMetricsQueryError(err) {
		p.Errors = &casework.ValidationError{}
		p.Errors.Add("as_at", "Figures cannot be shown "+err.Error())
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	p.gen = gen
	if len(results) > 0 {
		p.From = results[0].From
	}
	if !everyTile {
		if p.Tiles = s.tiles.kept(p); p.Tiles != "" {
			return p, nil
		}
	}
	byGroup := map[string]int{}
	for _, res := range results {
		t := newTile(res)
		i, ok := byGroup[res.Indicator.Group]
		if !ok {
			i = len(p.Groups)
			byGroup[res.Indicator.Group] = i
			p.Groups = append(p.Groups, tileGroup{Name: res.Indicator.Group})
		}
		p.Groups[i].Tiles = append(p.Groups[i].Tiles, t)
	}
	return p, nil
}

func isMetricsQueryError(err error) bool {
	return errors.Is(err, ind.ErrBeforeData) || errors.Is(err, ind.ErrFuture) || errors.Is(err, ind.ErrPeriod)
}

// newTile formats one result.
func newTile(res ind.Result) tile {
	in := res.Indicator
	t := tile{Result: res, Text: "–", RAG: in.Rate(res.Value), Drill: in.ChildSplits && in.Unavailable == ""}
	if res.Value != nil {
		t.Text = formatValue(in.Unit, *res.Value)
	}
	switch {
	case in.Unavailable != "":
		t.Detail = "Not available: " + in.Unavailable
	case in.Unit == ind.WorkingDays && res.Denominator != nil:
		t.Detail = "The median of " + wfNum(*res.Denominator, 0).Text
	case in.Unit == ind.Per10k && res.Denominator != nil:
		t.Detail = wfNum(res.Numerator, 0).Text + " among " + wfNum(*res.Denominator, 0).Text + " children"
	case res.Denominator != nil:
		t.Detail = fmt.Sprintf("%s of %s", wfNum(res.Numerator, 2).Text, wfNum(*res.Denominator, 2).Text)
	}
	if res.Reason != "" && in.Unavailable == "" {
		t.Detail = res.Reason
	}
	if in.Target != nil {
		t.Target = formatValue(in.Unit, *in.Target)
	}
	if e, ok := england[in.ID]; ok {
		t.England, t.EnglandYear = formatValue(in.Unit, e.Value), e.Year
	}
	t.Neighbours, t.HasNeighbour = neighboursFor(in)
	return t
}

// formatValue shows a value in its unit.
func formatValue(u ind.Unit, v float64) string {
	switch u {
	case ind.Percent:
		return wfNum(v, 1).Text + "%"
	case ind.Count:
		return wfNum(v, 0).Text
	case ind.Pounds:
		return "£" + wfNum(v, 0).Text
	case ind.WorkingDays:
		return wfNum(v, 1).Text + " working days"
	case ind.Days:
		return wfNum(v, 0).Text + " days"
	}
	return wfNum(v, 1).Text
}

// performanceCSV downloads every figure on the page.
func (s *Server) performanceCSV(w http.ResponseWriter, r *http.Request) error {
	p, err := s.performanceData(r, true)
	if err != nil {
		return err
	}
	if p.Errors != nil {
		return fmt.Errorf("performance figures as at a bad date: %w", p.Errors)
	}
	t := wfTable{Head: []string{"id", "indicator", "value", "numerator", "denominator", "unit", "target", "rating",
		"england", "england_year",
		"neighbours_average", "neighbours_min", "neighbours_max", "neighbours_published", "neighbours_year", "as_at", "from", "note"}}
	for _, g := range p.Groups {
		for _, tl := range g.Tiles {
			cells := []wfCell{wfTxt(tl.Indicator.ID), wfTxt(tl.Indicator.Title),
				rawNum(tl.Value), rawNum(numeratorOf(tl.Result)), rawNum(tl.Denominator), wfTxt(string(tl.Indicator.Unit)),
				rawNum(tl.Indicator.Target), wfTxt(string(tl.RAG)), rawNum(englandValue(tl.Indicator.ID)), wfTxt(tl.EnglandYear)}
			cells = append(cells, neighbourCells(tl)...)
			cells = append(cells, wfTxt(calendar.FormatDate(tl.AsAt)), wfTxt(calendar.FormatDate(tl.From)), wfTxt(tl.Reason))
			t.Rows = append(t.Rows, wfRow{Cells: cells})
		}
	}
	return writeWorkforceCSV(w, t, "indicators-"+calendar.FormatDate(p.AsAt)+".csv")
}

// neighbourCells are the neighbours' columns of the CSV, blank where
// none publishes the figure.
func neighbourCells(tl tile) []wfCell {
	if !tl.HasNeighbour {
		return []wfCell{wfTxt(""), wfTxt(""), wfTxt(""), wfTxt(""), wfTxt("")}
	}
	c := tl.Neighbours.raw
	return []wfCell{rawNum(&c.Mean), rawNum(&c.Min), rawNum(&c.Max),
		wfTxt(strconv.Itoa(c.Published) + " of " + strconv.Itoa(c.Of)), wfTxt(tl.Neighbours.Year)}
}

func numeratorOf(r ind.Result) *float64 {
	if r.Indicator.Unavailable != "" {
		return nil
	}
	n := r.Numerator
	return &n
}

func englandValue(id string) *float64 {
	if e, ok := england[id]; ok {
		return &e.Value
	}
	return nil
}

func rawNum(v *float64) wfCell {
	if v == nil {
		return wfTxt("")
	}
	return wfTxt(strconv.FormatFloat(*v, 'f', -1, 64))
}
