package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A line chart drawn on the server as SVG: no script and no chart library,
// so it works without JavaScript and prints. The y-axis starts at 0 (every
// figure charted is a count, rate, percentage or duration), the target and
// England's and the statistical neighbours' figures are drawn as dashed lines, and the chart is named for
// screen readers by its <title> and <desc>; the same numbers are always in
// a table beside it.

// Plot area, in the SVG's own units.
const (
	chartW, chartH            = 760, 360
	chartLeft, chartRight     = 84, 60
	chartTop, chartBottom     = 20, 70
	plotW, plotH          int = chartW - chartLeft - chartRight, chartH - chartTop - chartBottom
	chartTicks                = 5
)

// seriesColours are GOV.UK colours, in order.
var seriesColours = []string{"#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#505a5f"}

type svgChart struct {
	ID, Title, Desc string
	XLabel, YLabel  string
	W, H            int
	Left, Top       int
	Right, Bottom   int // the plot area's right edge and base line
	Middle          int // the plot area's vertical middle, where the y-axis label is centred
	YTicks          []chartTick
	XTicks          []chartTick
	Series          []chartSeries
	Refs            []chartRef // target, England
}

type chartTick struct {
	Pos   float64
	Label string
}

type chartSeries struct {
	Name, Colour, Path string
	Points             []chartPoint
}

type chartPoint struct {
	X, Y  float64
	Label string // "31 Mar 2024: 52.0%"
	Href  string // the children behind it; "" for none
}

// chartRef is a dashed reference line.
type chartRef struct {
	Y      float64
	Label  string
	Colour string
}

// chartInput is what a chart is drawn from: one label per step and, per
// series, a value (nil: none) and a link per step.
type chartInput struct {
	ID, Title, Desc, XLabel, YLabel string
	Labels                          []string
	Series                          []seriesInput
	Format                          func(float64) string
	Target, England, Neighbours     *float64
	Cap                             float64 // the axis never goes above this (100 for percentages); 0: no cap
}

type seriesInput struct {
	Name   string
	Values []*float64
	Hrefs  []string
}

// newLineChart lays out a chart. With nothing to plot (no steps or every
// value missing) the axis runs from 0 to 1 rather than dividing by zero.
func newLineChart(in chartInput) svgChart {
	c := svgChart{ID: in.ID, Title: in.Title, Desc: in.Desc, XLabel: in.XLabel, YLabel: in.YLabel,
		W: chartW, H: chartH, Left: chartLeft, Top: chartTop, Right: chartLeft + plotW, Bottom: chartTop + plotH, Middle: chartTop + plotH/2}
	top := 0.0
	for _, s := range in.Series {
		for _, v := range s.Values {
			if v != nil {
				top = math.Max(top, *v)
			}
		}
	}
	for _, v := range []*float64{in.Target, in.England, in.Neighbours} {
		if v != nil {
			top = math.Max(top, *v)
		}
	}
	step := niceStep(top / chartTicks)
	ymax := step * math.Ceil(top/step)
	if ymax == 0 {
		ymax = step
	}
	if in.Cap > 0 && ymax > in.Cap {
		ymax = in.Cap
	}
	y := func(v float64) float64 { return float64(c.Bottom) - v/ymax*float64(plotH) }
	for v := 0.0; v <= ymax+step/1e6; v += step {
		c.YTicks = append(c.YTicks, chartTick{Pos: y(v), Label: in.Format(v)})
	}
	n := len(in.Labels)
	x := func(i int) float64 {
		if n == 1 {
			return float64(c.Left) + float64(plotW)/2
		}
		return float64(c.Left) + float64(i)*float64(plotW)/float64(n-1)
	}
	// At most about 8 labels along the bottom, always the last, and none
	// so close to it that the two would overlap.
	every := max(1, (n+7)/8)
	for i, l := range in.Labels {
		if (i%every == 0 && n-1-i >= every) || i == n-1 {
			c.XTicks = append(c.XTicks, chartTick{Pos: x(i), Label: l})
		}
	}
	for k, s := range in.Series {
		cs := chartSeries{Name: s.Name, Colour: seriesColours[k%len(seriesColours)]}
		var path strings.Builder
		move := true
		for i, v := range s.Values {
			if v == nil {
				move = true
				continue
			}
			p := chartPoint{X: x(i), Y: y(*v), Label: in.Labels[i] + ": " + in.Format(*v)}
			if len(in.Series) > 1 {
				p.Label = s.Name + ", " + p.Label
			}
			if i < len(s.Hrefs) {
				p.Href = s.Hrefs[i]
			}
			cmd := "L"
			if move {
				cmd, move = "M", false
			}
			fmt.Fprintf(&path, "%s%s,%s ", cmd, num(p.X), num(p.Y))
			cs.Points = append(cs.Points, p)
		}
		cs.Path = strings.TrimSpace(path.String())
		c.Series = append(c.Series, cs)
	}
	if in.Target != nil {
		c.Refs = append(c.Refs, chartRef{Y: y(math.Min(*in.Target, ymax)), Label: "Target " + in.Format(*in.Target), Colour: "#0b0c0c"})
	}
	if in.England != nil {
		c.Refs = append(c.Refs, chartRef{Y: y(math.Min(*in.England, ymax)), Label: "England " + in.Format(*in.England), Colour: "#505a5f"})
	}
	if in.Neighbours != nil {
		c.Refs = append(c.Refs, chartRef{Y: y(math.Min(*in.Neighbours, ymax)), Label: "Neighbours " + in.Format(*in.Neighbours), Colour: "#4c2c92"})
	}
	return c
}

// niceStep rounds a raw tick interval up to 1, 2, 2.5 or 5 times a power
// of ten (at least 1, since every figure charted counts whole things or
// tenths of a percent).
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
