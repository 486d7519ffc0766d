package metrics

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"sightline/internal/calendar"
)

// Split is a way of dividing a figure between groups of children.
type Split string

// Splits.
const (
	ByNone       Split = ""
	ByTeam       Split = "team"
	ByWorker     Split = "worker"
	ByAgeBand    Split = "age_band"
	BySex        Split = "sex"
	ByEthnicity  Split = "ethnicity"
	ByDisability Split = "disability"
)

// Splits lists the splits, for forms and validation.
func Splits() []Split {
	return []Split{ByTeam, ByWorker, ByAgeBand, BySex, ByEthnicity, ByDisability}
}

// Query asks for indicators as at a date, over a period ending on it.
type Query struct {
	AsAt time.Time // snapshots are taken at the end of this day; periods end on it
	// From is the first day of the period; zero: the day after the same
	// date a year before (the 12 months to AsAt).
	From  time.Time
	Split Split
	IDs   []string // nil: every indicator
}

// Result is one indicator's figure. Value is nil when there is nothing to
// divide by or the indicator cannot be computed (Reason says why).
type Result struct {
	Indicator   Indicator
	AsAt, From  time.Time
	Value       *float64
	Numerator   float64
	Denominator *float64
	Reason      string
	Groups      []Group // when split
	Bands       []Band  // a distribution, for those that have one
}

// Group is the figure for one group of a split.
type Group struct {
	Name        string
	Value       *float64
	Numerator   float64
	Denominator *float64
}

// Band is one band of a distribution.
type Band struct {
	Label string
	Count int
}

// Errors of a query.
var (
	ErrBeforeData = errors.New("the date is before the records start")
	ErrFuture     = errors.New("the date is in the future")
	ErrPeriod     = errors.New("the period is empty: its first day is after its last")
	ErrSplit      = errors.New("unknown split")
	ErrIndicator  = errors.New("unknown indicator")
)

// Check refuses a query the data cannot answer: a date before the first
// record or after today, an empty period, an unknown split or indicator.
func (d *Data) Check(q Query, today time.Time) error {
	asAt, from := q.period()
	first := d.First()
	switch {
	case first == Never:
		return fmt.Errorf("as at %s: %w (there are no records)", calendar.FormatDate(asAt), ErrBeforeData)
	case DayOf(asAt) < first:
		return fmt.Errorf("as at %s: %w on %s", calendar.FormatDate(asAt), ErrBeforeData, calendar.FormatDate(TimeOf(first)))
	case asAt.After(calendar.Civil(today)):
		return fmt.Errorf("as at %s: %w (today is %s)", calendar.FormatDate(asAt), ErrFuture, calendar.FormatDate(today))
	case from.After(asAt):
		return fmt.Errorf("from %s to %s: %w", calendar.FormatDate(from), calendar.FormatDate(asAt), ErrPeriod)
	case q.Split != ByNone && !slices.Contains(Splits(), q.Split):
		return fmt.Errorf("split %q: %w", q.Split, ErrSplit)
	}
	for _, id := range q.IDs {
		if _, ok := Lookup(id); !ok {
			return fmt.Errorf("indicator %q: %w", id, ErrIndicator)
		}
	}
	return nil
}

// period returns the query's last and first days.
func (q Query) period() (asAt, from time.Time) {
	asAt = calendar.Civil(q.AsAt)
	from = calendar.Civil(q.From)
	if q.From.IsZero() {
		from = calendar.AddMonths(asAt, -12).AddDate(0, 0, 1)
	}
	return asAt, from
}

// emit adds one child's (or, with child -1, the service's) part of an
// indicator: its share of the numerator and of the denominator.
type emit func(child int32, num, den float64)

// rule computes one indicator over the data.
type rule func(e *eval, add emit)

// Compute works out the indicators the query asks for. It does not check
// the query (see Check): a date with no records gives empty figures.
func (d *Data) Compute(q Query) []Result {
	e := d.newEval(q)
	var ins []Indicator
	for _, in := range catalogue {
		if q.IDs == nil || slices.Contains(q.IDs, in.ID) {
			ins = append(ins, in)
		}
	}
	out := make([]Result, len(ins))
	workers := min(runtime.GOMAXPROCS(0), maxComputeWorkers)
	if len(ins) < parallelFrom || workers < 2 {
		for i, in := range ins {
			out[i] = e.result(in, q.Split)
		}
		return out
	}
	// The indicators are shared among the cores. What several rules share
	// is worked out first, so the rules then only read the evaluation.
	e.warm(q.Split)
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(ins); i = int(next.Add(1) - 1) {
				out[i] = e.result(ins[i], q.Split)
			}
		})
	}
	wg.Wait()
	return out
}

// parallelFrom is how many indicators a question must ask for before they
// are shared among the cores (one figure on its own is quicker alone), and
// maxComputeWorkers the most cores used.
const parallelFrom, maxComputeWorkers = 8, 4

// Contributors lists the children behind an indicator's figure (those
// counted in its numerator or denominator), by child id, with their
// parts. Indicators about staff have none.
func (d *Data) Contributors(q Query, id string) ([]Contribution, error) {
	in, ok := Lookup(id)
	if !ok {
		return nil, fmt.Errorf("indicator %q: %w", id, ErrIndicator)
	}
	if in.rule == nil || !in.ChildSplits {
		return nil, nil
	}
	e := d.newEval(q)
	parts := map[int32]*Contribution{}
	in.rule(e, func(ci int32, num, den float64) {
		if ci < 0 {
			return
		}
		c := parts[ci]
		if c == nil {
			c = &Contribution{ChildID: d.childID[ci]}
			parts[ci] = c
		}
		c.Numerator += num
		c.Denominator += den
	})
	out := make([]Contribution, 0, len(parts))
	for _, c := range parts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Contribution) int { return cmp.Compare(a.ChildID, b.ChildID) })
	return out, nil
}

// Contribution is one child's part of an indicator.
type Contribution struct {
	ChildID                int64
	Numerator, Denominator float64
}

// result computes one indicator, split or not.
func (e *eval) result(in Indicator, split Split) Result {
	r := Result{Indicator: in, AsAt: TimeOf(e.to), From: TimeOf(e.from)}
	if in.Period == ThreeYearsTo {
		r.From = calendar.AddMonths(r.AsAt, -36).AddDate(0, 0, 1)
	}
	if in.Unavailable != "" {
		r.Reason = "not available: " + in.Unavailable
		return r
	}
	keep := in.Unit == WorkingDays
	all := tally{keep: keep}
	var g grouping
	var groups []tally // by group of g
	if split != ByNone && in.ChildSplits {
		g = e.groupOf(split)
		groups = make([]tally, len(g.names))
	}
	in.rule(e, func(ci int32, num, den float64) {
		all.add(num, den)
		if groups != nil && ci >= 0 {
			t := &groups[g.of(ci)]
			t.used, t.keep = true, keep
			t.add(num, den)
		}
	})
	r.Numerator, r.Denominator, r.Value, r.Reason = e.figure(in, &all, true)
	if in.Unit == WorkingDays {
		r.Bands = durationBands(all.values)
	}
	if groups == nil {
		if split != ByNone {
			r.Reason = joinReason(r.Reason, "not split: a figure about staff, not children")
		}
		return r
	}
	for k := range groups {
		if !groups[k].used {
			continue
		}
		gr := Group{Name: g.names[k]}
		gr.Numerator, gr.Denominator, gr.Value, _ = e.figure(in, &groups[k], false)
		r.Groups = append(r.Groups, gr)
	}
	slices.SortFunc(r.Groups, func(a, b Group) int { return cmp.Compare(a.Name, b.Name) })
	return r
}

func joinReason(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// tally sums the parts of a figure; for a median it keeps the values.
type tally struct {
	num, den float64
	keep     bool // keep each value (for a median)
	used     bool // something was added (a group with no children is not shown)
	values   []float64
}

func (t *tally) add(num, den float64) {
	t.num += num
	t.den += den
	if t.keep {
		t.values = append(t.values, num)
	}
}

// figure turns a tally into the published numbers. whole is the whole
// authority: only it has a population to divide by.
func (e *eval) figure(in Indicator, t *tally, whole bool) (num float64, den *float64, value *float64, reason string) {
	ratio := func(n, d, scale float64) (*float64, *float64, string) {
		if d <= 0 {
			return nil, &d, "no value: nothing to divide by"
		}
		v := n / d * scale
		return &v, &d, ""
	}
	switch in.Unit {
	case Count, Pounds:
		v := t.num
		return t.num, nil, &v, ""
	case Per10k:
		if !whole {
			return t.num, nil, nil, ""
		}
		if e.d.Org.Population <= 0 {
			return t.num, nil, nil, "no value: the child population is not recorded (setting " + KeyChildPopulation + ")"
		}
		value, den, reason = ratio(t.num, float64(e.d.Org.Population), 10000)
		return t.num, den, value, reason
	case Percent:
		value, den, reason = ratio(t.num, t.den, 100)
	case WorkingDays:
		d := float64(len(t.values))
		if len(t.values) == 0 {
			return 0, &d, nil, "no value: nothing in the period"
		}
		m := median(t.values)
		return m, &d, &m, ""
	default:
		value, den, reason = ratio(t.num, t.den, 1)
	}
	return t.num, den, value, reason
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// durationBands are the DfE's bands of assessment duration (C2).
func durationBands(wds []float64) []Band {
	bands := []Band{{Label: "same day"}, {Label: "1–10"}, {Label: "11–20"}, {Label: "21–30"}, {Label: "31–40"},
		{Label: "41–45"}, {Label: "46–50"}, {Label: "51–60"}, {Label: "61 or more"}}
	upper := []float64{0, 10, 20, 30, 40, 45, 50, 60, math.Inf(1)}
	for _, w := range wds {
		i, _ := slices.BinarySearch(upper, w)
		bands[i].Count++
	}
	return bands
}
