package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"sightline/internal/casework"
)

// workforceCSV downloads one table of the workforce page, for the same
// date and team, as CSV: the same rows, with plain numbers.
func (s *Server) workforceCSV(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("table")
	p, err := s.workforceData(r)
	if err != nil {
		return err
	}
	if p.Errors != nil {
		return fmt.Errorf("workforce table as at a bad date: %w", p.Errors)
	}
	for _, t := range p.Tables {
		if t.ID+".csv" == name {
			return writeWorkforceCSV(w, t, fmt.Sprintf("workforce-%s-%s.csv", t.ID, p.AsAt.Format("2006-01-02")))
		}
	}
	return fmt.Errorf("workforce table %q: %w", name, casework.ErrNotFound)
}

// writeWorkforceCSV writes a table as an attachment, built in a buffer
// first so a failure gives an error page rather than half a file.
func writeWorkforceCSV(w http.ResponseWriter, t wfTable, filename string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(t.Head)
	for _, row := range t.Rows {
		line := make([]string, len(row.Cells))
		for i, c := range row.Cells {
			line[i] = wfSafeCell(c.Raw)
		}
		cw.Write(line)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	_, err := w.Write(buf.Bytes())
	return err
}

// wfSafeCell stops a spreadsheet reading text (a name typed as "=…") as a
// formula; plain numbers, negative ones included, are left alone.
func wfSafeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
