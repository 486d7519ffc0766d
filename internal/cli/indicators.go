package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sightline/internal/calendar"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
)

// runIndicators is `sightline indicators`: every indicator as at a date.
func runIndicators(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "indicators", "--db DB --as-at YYYY-MM-DD [--from YYYY-MM-DD] [--format table|csv|json]",
		"Prints every indicator of the catalogue as at a date: snapshots at the end of that day and\n"+
			"counts over the period to it (by default the 12 months to it). Percentages are 0 to 100.\n"+
			"An indicator whose records sightline does not hold yet is listed with no value and the reason.")
	db := f.dbFlag()
	asAt := f.String("as-at", "", "the date, YYYY-MM-DD (required)")
	from := f.String("from", "", "the first day of the period, YYYY-MM-DD (default: 12 months to --as-at)")
	format := f.String("format", "table", "table, csv or json")
	if err := f.parse(args); err != nil {
		return err
	}
	q, err := indicatorQuery(*asAt, *from, *format)
	if err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	results, err := engine.New(st).Compute(ctx, q)
	if err != nil {
		if isQueryError(err) {
			return usagef("indicators: %v", err)
		}
		return err
	}
	return writeIndicators(e.stdout, *format, results)
}

// indicatorQuery checks the flags.
func indicatorQuery(asAt, from, format string) (metrics.Query, error) {
	var q metrics.Query
	switch format {
	case "table", "csv", "json":
	default:
		return q, usagef("indicators: --format %q: use table, csv or json", format)
	}
	if strings.TrimSpace(asAt) == "" {
		return q, usagef("indicators: --as-at is required (YYYY-MM-DD)")
	}
	d, err := calendar.ParseDate(asAt)
	if err != nil {
		return q, usagef("indicators: --as-at %q: %v", asAt, err)
	}
	q.AsAt = d
	if strings.TrimSpace(from) != "" {
		if q.From, err = calendar.ParseDate(from); err != nil {
			return q, usagef("indicators: --from %q: %v", from, err)
		}
	}
	return q, nil
}

// isQueryError reports a query the records cannot answer.
func isQueryError(err error) bool {
	for _, target := range []error{metrics.ErrBeforeData, metrics.ErrFuture, metrics.ErrPeriod, metrics.ErrSplit, metrics.ErrIndicator} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// indicatorJSON is one indicator in the JSON output.
type indicatorJSON struct {
	ID          string   `json:"id"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	AsAt        string   `json:"as_at"`
	From        string   `json:"from,omitempty"`
	Title       string   `json:"title"`
	Unit        string   `json:"unit"`
	Reason      string   `json:"reason,omitempty"`
}

func writeIndicators(w io.Writer, format string, results []metrics.Result) error {
	switch format {
	case "json":
		out := make([]indicatorJSON, 0, len(results))
		for _, r := range results {
			j := indicatorJSON{ID: r.Indicator.ID, Value: r.Value, Denominator: r.Denominator,
				AsAt: calendar.FormatDate(r.AsAt), Title: r.Indicator.Title, Unit: string(r.Indicator.Unit), Reason: r.Reason}
			if p := r.Indicator.Period; p == metrics.InPeriod || p == metrics.YearTo || p == metrics.ThreeYearsTo {
				j.From = calendar.FormatDate(r.From)
			}
			if r.Indicator.Unavailable == "" {
				n := r.Numerator
				j.Numerator = &n
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"id", "title", "value", "numerator", "denominator", "unit", "as_at", "from", "reason"})
		for _, r := range results {
			_ = cw.Write([]string{r.Indicator.ID, r.Indicator.Title, number(r.Value, -1), numerator(r, -1),
				number(r.Denominator, -1), string(r.Indicator.Unit), calendar.FormatDate(r.AsAt), calendar.FormatDate(r.From), r.Reason})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tvalue\tnumerator\tdenominator\tas at\tnote")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Indicator.ID, number(r.Value, 1), numerator(r, 2), number(r.Denominator, 2),
			calendar.FormatDate(r.AsAt), r.Reason)
	}
	return tw.Flush()
}

func numerator(r metrics.Result, prec int) string {
	if r.Indicator.Unavailable != "" {
		return ""
	}
	n := r.Numerator
	return number(&n, prec)
}

// number formats a figure: blank for none; prec -1 for full precision,
// otherwise at most prec decimals with trailing zeros dropped.
func number(v *float64, prec int) string {
	if v == nil {
		return ""
	}
	s := strconv.FormatFloat(*v, 'f', prec, 64)
	if prec > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
