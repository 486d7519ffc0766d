package web

import (
	"fmt"
	"strings"

	ind "sightline/internal/metrics"
	"sightline/internal/neighbours"
)

// neighbourFigure is the statistical neighbours' figure for one indicator
// as shown: their average, range, and how many of them publish it.
type neighbourFigure struct {
	Mean, Range, Count, Year string
	raw                      neighbours.Comparison
}

// neighboursFor is the neighbours' figure for an indicator, ok false when
// none of them publishes one.
func neighboursFor(in ind.Indicator) (neighbourFigure, bool) {
	c, ok := neighbours.Default().Compare(in.ID)
	if !ok {
		return neighbourFigure{}, false
	}
	f := neighbourFigure{Mean: formatValue(in.Unit, c.Mean), Year: c.Period, raw: c,
		Range: formatValue(in.Unit, c.Min) + " to " + formatValue(in.Unit, c.Max)}
	if c.Published < c.Of {
		f.Count = fmt.Sprintf("%d of %d publish it", c.Published, c.Of)
	}
	return f, true
}

// neighbourSources is the note under the tiles naming the neighbours and
// how they were chosen.
func neighbourSources() string {
	s := neighbours.Default()
	return fmt.Sprintf("Statistical neighbours: the plain average and range of %d North East authorities' published figures "+
		"(DfE Children in need, Children looked after and Children's social work workforce statistics, 2024; Open Government "+
		"Licence v3.0): %s. Brackenmoor is fictional; its history is modelled on %s, and its neighbours are the %d authorities "+
		"of %s's region most like it in number of children and in rates of children in need and in care.",
		len(s.Members), strings.Join(s.Members, ", "), s.Model, len(s.Members), s.Model)
}
