package neighbours

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed north_east_2024.csv
var northEast2024 string

// Model is the real authority the demo authority's history is modelled on.
const Model = "Sunderland"

// Size is how many neighbours a set has.
const Size = 10

// Figure is one published figure of one authority. Value is nil when the
// figure is suppressed or not published (Published then says how: "c",
// "low").
type Figure struct {
	LA, Code, Indicator string
	Value               *float64
	Published           string
	Period, Source      string
}

// Data is every figure kept, by authority and indicator id.
type Data struct {
	figures map[string]map[string]Figure // la → indicator → figure
}

// Parse reads figures in the form of north_east_2024.csv.
func Parse(r io.Reader) (*Data, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("neighbour figures: %w", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "la_name,la_code,indicator,value,period,source" {
		return nil, fmt.Errorf("neighbour figures: header is not la_name,la_code,indicator,value,period,source")
	}
	d := &Data{figures: map[string]map[string]Figure{}}
	for i, row := range rows[1:] {
		f := Figure{LA: row[0], Code: row[1], Indicator: row[2], Published: row[3], Period: row[4], Source: row[5]}
		if v, err := strconv.ParseFloat(row[3], 64); err == nil {
			f.Value = &v
		} else if !suppressed(row[3]) {
			return nil, fmt.Errorf("neighbour figures line %d: value %q is neither a number nor a suppression code", i+2, row[3])
		}
		if d.figures[f.LA] == nil {
			d.figures[f.LA] = map[string]Figure{}
		}
		if _, dup := d.figures[f.LA][f.Indicator]; dup {
			return nil, fmt.Errorf("neighbour figures line %d: %s %s given twice", i+2, f.LA, f.Indicator)
		}
		d.figures[f.LA][f.Indicator] = f
	}
	return d, nil
}

// suppressed: DfE's codes for a figure not published (suppressed, fewer
// than 0.5%, not available, not applicable, low, unreliable).
func suppressed(s string) bool {
	switch s {
	case "c", "k", "x", "z", "low", "u":
		return true
	}
	return false
}

// NorthEast2024 is the figures kept in the repository.
func NorthEast2024() *Data {
	d, err := Parse(strings.NewReader(northEast2024))
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return d
}

// Authorities lists every authority with figures, sorted.
func (d *Data) Authorities() []string {
	out := make([]string, 0, len(d.figures))
	for la := range d.figures {
		out = append(out, la)
	}
	sort.Strings(out)
	return out
}

// Lookup returns one authority's figure.
func (d *Data) Lookup(la, indicator string) (Figure, bool) {
	f, ok := d.figures[la][indicator]
	return f, ok
}

// Likeness are the characteristics neighbours are chosen on, each with
// the scale it is compared on.
var Likeness = []struct {
	Indicator string
	Scale     func(float64) float64
}{
	{"child_population", math.Log},
	{"cin_per_10k", func(v float64) float64 { return v }},
	{"cla_per_10k", func(v float64) float64 { return v }},
}

// Distance is how far one authority is from the model.
type Distance struct {
	LA       string
	Distance float64
}

// Distances ranks every other authority by its distance from model on the
// standardised Likeness characteristics, nearest first.
func (d *Data) Distances(model string) ([]Distance, error) {
	las := d.Authorities()
	if _, ok := d.figures[model]; !ok {
		return nil, fmt.Errorf("no figures for %s", model)
	}
	z := map[string][]float64{}
	for _, c := range Likeness {
		xs := make([]float64, len(las))
		for i, la := range las {
			f, ok := d.figures[la][c.Indicator]
			if !ok || f.Value == nil {
				return nil, fmt.Errorf("%s has no published %s to compare on", la, c.Indicator)
			}
			xs[i] = c.Scale(*f.Value)
		}
		mean, sd := meanSD(xs)
		for i, la := range las {
			if sd == 0 { // every authority alike: the characteristic separates none
				z[la] = append(z[la], 0)
				continue
			}
			z[la] = append(z[la], (xs[i]-mean)/sd)
		}
	}
	var out []Distance
	for _, la := range las {
		if la == model {
			continue
		}
		var sum float64
		for i := range z[la] {
			sum += (z[la][i] - z[model][i]) * (z[la][i] - z[model][i])
		}
		out = append(out, Distance{la, math.Sqrt(sum)})
	}
	slices.SortStableFunc(out, func(a, b Distance) int { return cmpFloat(a.Distance, b.Distance) })
	return out, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// meanSD is the mean and population standard deviation.
func meanSD(xs []float64) (float64, float64) {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)))
}

// Default is the demo authority's neighbours: the Size North East
// authorities nearest Model.
var Default = sync.OnceValue(func() *Set {
	s, err := NorthEast2024().Choose(Model, Size)
	if err != nil {
		panic(err) // the embedded figures are checked by the tests
	}
	return s
})

// Set is a chosen group of neighbours and their figures.
type Set struct {
	Model   string
	Members []string // nearest first
	data    *Data
}

// Choose takes the size nearest authorities to model.
func (d *Data) Choose(model string, size int) (*Set, error) {
	ds, err := d.Distances(model)
	if err != nil {
		return nil, fmt.Errorf("choosing neighbours of %s: %w", model, err)
	}
	if len(ds) < size {
		return nil, fmt.Errorf("choosing %d neighbours of %s: only %d other authorities", size, model, len(ds))
	}
	s := &Set{Model: model, data: d}
	for _, x := range ds[:size] {
		s.Members = append(s.Members, x.LA)
	}
	return s, nil
}

// Comparison is the neighbours' figure for one indicator.
type Comparison struct {
	Mean, Min, Max float64
	Published, Of  int    // how many neighbours publish the figure, out of how many
	Period         string // the figures' date or period
}

// Compare averages the neighbours' published figures for indicator; ok is
// false when none publishes it.
func (s *Set) Compare(indicator string) (Comparison, bool) {
	c := Comparison{Of: len(s.Members), Min: math.Inf(1), Max: math.Inf(-1)}
	var sum float64
	for _, la := range s.Members {
		f, ok := s.data.figures[la][indicator]
		if !ok || f.Value == nil {
			continue
		}
		c.Published++
		sum += *f.Value
		c.Min, c.Max = math.Min(c.Min, *f.Value), math.Max(c.Max, *f.Value)
		c.Period = f.Period
	}
	if c.Published == 0 {
		return Comparison{}, false
	}
	// One decimal place, as the published figures are.
	c.Mean = math.Round(sum/float64(c.Published)*10) / 10
	return c, true
}
