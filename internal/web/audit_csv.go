package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// auditTable is one table of an audit page as CSV. Every table on the
// audit pages can be downloaded: the page's own address with
// ?format=csv&table=NAME gives the same rows as the page shows.
type auditTable struct {
	file   string // file name without ".csv"
	header []string
	rows   [][]string
}

// csvTableAsked is the table a request asks for as CSV, if it asks.
func csvTableAsked(r *http.Request) (string, bool) {
	q := r.URL.Query()
	return q.Get("table"), q.Get("format") == "csv"
}

// csvLink is the address of a page's table as CSV, keeping the page's
// query (its period, its filters).
func csvLink(path string, q url.Values, table string) string {
	v := url.Values{}
	for k, vals := range q {
		v[k] = vals
	}
	v.Set("format", "csv")
	v.Set("table", table)
	return path + "?" + v.Encode()
}

// serveTable writes the named table of tables as a CSV download, or
// returns casework.ErrNotFound for a table the page does not have.
func serveTable(w http.ResponseWriter, name string, tables map[string]func() auditTable) error {
	build, ok := tables[name]
	if !ok {
		return fmt.Errorf("no table %q on this page: %w", name, casework.ErrNotFound)
	}
	t := build()
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(t.header)
	for _, row := range t.rows {
		cw.Write(csvSafe(row))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write %s.csv: %w", t.file, err)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+t.file+`.csv"`)
	w.Write(buf.Bytes())
	return nil
}

// csvSafe stops a spreadsheet running text typed into sightline as a
// formula: a cell that starts with = + - @ (or a tab or carriage return) is
// prefixed with an apostrophe, as OWASP advises for CSV injection.
func csvSafe(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			c = "'" + c
		}
		out[i] = c
	}
	return out
}

// gradeColumns are the CSV columns of a count of grades.
var gradeColumns = []string{"Outstanding", "Good", "Requires improvement", "Inadequate", "Good or better (%)"}

// gradeCells are a count of grades as CSV cells.
func gradeCells(g casework.GradeCounts) []string {
	pct := ""
	if p, ok := g.GoodOrBetterPercent(); ok {
		pct = strconv.Itoa(p)
	}
	return []string{strconv.Itoa(g.Outstanding), strconv.Itoa(g.Good), strconv.Itoa(g.RequiresImprovement),
		strconv.Itoa(g.Inadequate), pct}
}

func isoPtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return calendar.FormatDate(*t)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func init() {
	funcs["auditgrade"] = func(g string) string { return casework.LabelOf(casework.Grades(), g) }
	funcs["auditgradetag"] = gradeTag
	funcs["auditpercent"] = func(g casework.GradeCounts) string {
		if p, ok := g.GoodOrBetterPercent(); ok {
			return strconv.Itoa(p) + "%"
		}
		return "–"
	}
}

// gradeTag is the GOV.UK tag colour of a grade.
func gradeTag(g string) string {
	switch g {
	case casework.GradeOutstanding:
		return "govuk-tag--green"
	case casework.GradeGood:
		return "govuk-tag--turquoise"
	case casework.GradeRequiresImprovement:
		return "govuk-tag--orange"
	case casework.GradeInadequate:
		return "govuk-tag--red"
	}
	return "govuk-tag--grey"
}
