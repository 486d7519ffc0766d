package metrics

import (
	"cmp"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The child protection plan analysis: the children on a plan as at a date,
// by the plan's category, crossed with what the record says about them:
// the factors of their latest assessment before the plan, their age band,
// team, how long the plan has lasted and whether it is a repeat plan. The
// seeds' "86% for neglect and not analysed" asks exactly this.

// datedCodes is one assessment of a child: its start day and factors.
type datedCodes struct {
	day   Day
	codes []string
}

// CPBy is a way of dividing the children on a plan.
type CPBy string

// The divisions of the analysis.
const (
	CPByFactor   CPBy = "factor"
	CPByAgeBand  CPBy = "age_band"
	CPByTeam     CPBy = "team"
	CPByDuration CPBy = "duration"
	CPByRepeat   CPBy = "repeat"
)

// CPDivisions lists the divisions in the order the page shows them, with
// their titles.
func CPDivisions() []casework.Code {
	return []casework.Code{
		{Code: string(CPByFactor), Label: "Assessment factors (the latest assessment before the plan)"},
		{Code: string(CPByAgeBand), Label: "Age band"},
		{Code: string(CPByTeam), Label: "Team"},
		{Code: string(CPByDuration), Label: "How long the plan has lasted"},
		{Code: string(CPByRepeat), Label: "First or repeat plan"},
	}
}

// Row labels that are not codes.
const (
	NoAssessment   = "No assessment before the plan"
	FirstPlan      = "First plan"
	RepeatPlan     = "Second or subsequent plan"
	OtherCategory  = "OTHER" // a category code outside the CIN census list
	durationUnder3 = "Under 3 months"
)

// durationBandsCP are the plan duration bands, shortest first.
var durationBandsCP = []string{durationUnder3, "3 to 6 months", "6 to 12 months", "12 to 24 months", "24 months or more"}

// CPRow is one row of a table: the children in it by category, in the
// order of CPAnalysis.Categories.
type CPRow struct {
	Key      string // the row's code (a factor code, a team name, a band)
	Label    string
	Children [][]int64 // per category, child ids in ascending order
	Total    int       // children in the row (a child counts once)
}

// Count is the number of children in the row's cell for category k.
func (r CPRow) Count(k int) int { return len(r.Children[k]) }

// CPTable is the children on a plan divided one way.
type CPTable struct {
	By    CPBy
	Title string
	Rows  []CPRow
}

// CPAnalysis is the analysis as at one date.
type CPAnalysis struct {
	AsAt       time.Time
	Categories []casework.Code // the CIN census categories, then any other code found
	Totals     CPRow           // every child on a plan, by category
	Tables     []CPTable
}

// cpPlan is one plan in force with what the analysis needs of it.
type cpPlan struct {
	child    int32
	category int // index into Categories
	start    Day
	repeat   bool
}

// CPPlans analyses the plans in force at the end of asAt. A child with two
// plans in force counts once, under the later plan.
func (d *Data) CPPlans(asAt time.Time) CPAnalysis {
	e := d.newEval(Query{AsAt: asAt})
	a := CPAnalysis{AsAt: TimeOf(e.to), Categories: casework.AbuseCategories()}
	plans := e.cpPlans(&a)
	team, age := e.grouper(ByTeam), e.grouper(ByAgeBand)
	keys := map[CPBy]func(p cpPlan) []string{
		CPByFactor:   func(p cpPlan) []string { return d.factorsBefore(p.child, p.start) },
		CPByAgeBand:  func(p cpPlan) []string { return []string{age.name(p.child)} },
		CPByTeam:     func(p cpPlan) []string { return []string{team.name(p.child)} },
		CPByDuration: func(p cpPlan) []string { return []string{planDuration(p.start, e.to)} },
		CPByRepeat: func(p cpPlan) []string {
			if p.repeat {
				return []string{RepeatPlan}
			}
			return []string{FirstPlan}
		},
	}
	a.Totals = CPRow{Key: "total", Label: "All children on a plan", Children: make([][]int64, len(a.Categories))}
	for _, p := range plans {
		a.Totals.add(p.category, d.childID[p.child])
	}
	for _, div := range CPDivisions() {
		by := CPBy(div.Code)
		rows := map[string]*CPRow{}
		for _, p := range plans {
			for _, k := range keys[by](p) {
				r := rows[k]
				if r == nil {
					r = &CPRow{Key: k, Label: cpRowLabel(by, k), Children: make([][]int64, len(a.Categories))}
					rows[k] = r
				}
				r.add(p.category, d.childID[p.child])
			}
		}
		a.Tables = append(a.Tables, CPTable{By: by, Title: div.Label, Rows: sortRows(by, rows)})
	}
	return a
}

// cpPlans lists the plans in force, one per child (the latest started),
// adding any category code outside the census list to a.Categories.
func (e *eval) cpPlans(a *CPAnalysis) []cpPlan {
	d := e.d
	byChild := map[int32]int{}
	var out []cpPlan
	plansInForce(e, func(i int, c int32) {
		p := cpPlan{child: c, start: d.plans.cols[cpStart][i], repeat: d.plans.cols[cpRepeat][i] == 1,
			category: a.category(codeName(d.categories.keys, d.plans.cols[cpCategory][i]))}
		if j, ok := byChild[c]; ok {
			if p.start >= out[j].start {
				out[j] = p
			}
			return
		}
		byChild[c] = len(out)
		out = append(out, p)
	})
	return out
}

// category returns the index of a category code, adding it when new.
func (a *CPAnalysis) category(code string) int {
	if i := slices.IndexFunc(a.Categories, func(c casework.Code) bool { return c.Code == code }); i >= 0 {
		return i
	}
	a.Categories = append(a.Categories, casework.Code{Code: code, Label: "Other: " + code})
	return len(a.Categories) - 1
}

func (r *CPRow) add(category int, child int64) {
	for len(r.Children) <= category {
		r.Children = append(r.Children, nil)
	}
	r.Children[category] = append(r.Children[category], child)
	r.Total++
}

// factorsBefore is the factors of the child's latest assessment started on
// or before the plan's start; NoAssessment when there is none, and a lone
// "21" (no factors identified) when the assessment recorded none.
func (d *Data) factorsBefore(ci int32, start Day) []string {
	best := -1
	for i, a := range d.factors[ci] {
		if a.day <= start && (best < 0 || a.day >= d.factors[ci][best].day) {
			best = i
		}
	}
	if best < 0 {
		return []string{NoAssessment}
	}
	codes := d.factors[ci][best].codes
	if len(codes) == 0 {
		return []string{"21"}
	}
	return slices.Compact(slices.Sorted(slices.Values(codes)))
}

// planDuration is the band of how long a plan started on start has lasted
// by the end of asAt, in calendar months.
func planDuration(start, asAt Day) string {
	s, at := TimeOf(start), TimeOf(asAt)
	for i, months := range []int{3, 6, 12, 24} {
		if calendar.AddMonths(s, months).After(at) {
			return durationBandsCP[i]
		}
	}
	return durationBandsCP[4]
}

// cpRowLabel names a row.
func cpRowLabel(by CPBy, key string) string {
	if by != CPByFactor || key == NoAssessment {
		return key
	}
	for _, c := range casework.AssessmentFactors() {
		if c.Code == key {
			return c.Code + ": " + c.Label
		}
	}
	return key
}

// sortRows orders a table's rows: bands in their order, factors by code
// number, anything else by name.
func sortRows(by CPBy, rows map[string]*CPRow) []CPRow {
	order := map[string]int{}
	switch by {
	case CPByDuration:
		for i, b := range durationBandsCP {
			order[b] = i + 1
		}
	case CPByAgeBand:
		for i, b := range []string{"Unborn", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"} {
			order[b] = i + 1
		}
	case CPByRepeat:
		order[FirstPlan], order[RepeatPlan] = 1, 2
	case CPByFactor:
		for i, c := range casework.AssessmentFactors() {
			order[c.Code] = i + 1
		}
		order[NoAssessment] = len(order) + 1
	}
	out := make([]CPRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	rank := func(k string) int {
		if n, ok := order[k]; ok {
			return n
		}
		return len(order) + 1
	}
	slices.SortFunc(out, func(a, b CPRow) int {
		return cmp.Or(cmp.Compare(rank(a.Key), rank(b.Key)), cmp.Compare(a.Label, b.Label))
	})
	return out
}

// CPShare is the children on a plan by category at one quarter end.
type CPShare struct {
	AsAt   time.Time
	Counts []int // per category of CPTrend's Categories
	Total  int
}

// Percent is category k's share of the children on a plan, 0–100; nil
// when no child was on a plan.
func (s CPShare) Percent(k int) *float64 {
	if s.Total == 0 || k >= len(s.Counts) {
		return nil
	}
	v := float64(s.Counts[k]) / float64(s.Total) * 100
	return &v
}

// CPTrend is the category shares at a run of dates.
type CPTrend struct {
	Categories []casework.Code
	Points     []CPShare
}

// CPShares works out the children on a plan by category at each date.
func (d *Data) CPShares(dates []time.Time) CPTrend {
	t := CPTrend{Categories: casework.AbuseCategories()}
	for _, at := range dates {
		a := d.CPPlans(at)
		for _, c := range a.Categories {
			if !slices.Contains(t.Categories, c) {
				t.Categories = append(t.Categories, c)
			}
		}
		s := CPShare{AsAt: a.AsAt, Counts: make([]int, len(a.Categories)), Total: a.Totals.Total}
		for k, c := range a.Categories {
			i := slices.IndexFunc(t.Categories, func(x casework.Code) bool { return x.Code == c.Code })
			s.Counts = growTo(s.Counts, i+1)
			s.Counts[i] = a.Totals.Count(k)
		}
		t.Points = append(t.Points, s)
	}
	for i := range t.Points {
		t.Points[i].Counts = growTo(t.Points[i].Counts, len(t.Categories))
	}
	return t
}

func growTo(xs []int, n int) []int {
	for len(xs) < n {
		xs = append(xs, 0)
	}
	return xs
}

// QuarterEnds lists the ends of the calendar quarters (31 March, 30 June,
// 30 September, 31 December) in the n years up to asAt, oldest first, not
// before first.
func QuarterEnds(asAt time.Time, years int, first time.Time) []time.Time {
	asAt = calendar.Civil(asAt)
	start := calendar.AddMonths(asAt, -12*years)
	var out []time.Time
	for _, end := range StepEnds(start, asAt, Quarter) {
		if !end.Before(first) && end.After(start) {
			out = append(out, end)
		}
	}
	return out
}

// Step is the interval of a trend.
type Step string

// Steps.
const (
	Month   Step = "month"
	Quarter Step = "quarter"
)

// StepEnds lists the ends of the calendar months (or quarters) that end
// within from to to, both included, oldest first.
func StepEnds(from, to time.Time, step Step) []time.Time {
	months := 1
	if step == Quarter {
		months = 3
	}
	from, to = calendar.Civil(from), calendar.Civil(to)
	// the first month (or quarter) that ends on or after from
	m := calendar.Date(from.Year(), from.Month(), 1)
	if step == Quarter {
		m = calendar.Date(from.Year(), ((from.Month()-1)/3)*3+1, 1)
	}
	var out []time.Time
	for {
		end := calendar.AddMonths(m, months).AddDate(0, 0, -1)
		if end.After(to) {
			return out
		}
		if !end.Before(from) {
			out = append(out, end)
		}
		m = calendar.AddMonths(m, months)
	}
}
