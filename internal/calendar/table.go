package calendar

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// englandWalesCSV is the bank holiday table for England and Wales,
// 2010–2030, from GOV.UK bank-holidays.json (Open Government Licence
// v3.0); 2010–2011 computed historically, 2029–2030 projected. It is
// embedded so that the binary never depends on a file at run time.
//
//go:embed bank_holidays_england_wales.csv
var englandWalesCSV []byte

// csvHeader is the header ReadCSV requires, as in the embedded table.
const csvHeader = "date,weekday,name,status"

// defaultCalendar parses the embedded table once, on first use.
var defaultCalendar = sync.OnceValue(func() *Calendar {
	hs, err := ReadCSV(bytes.NewReader(englandWalesCSV))
	if err != nil {
		// Only a corrupt build can get here; TestEmbeddedTable guards it.
		panic("calendar: embedded bank holiday table: " + err.Error())
	}
	return New(hs)
})

// Default returns the calendar of the embedded England and Wales bank
// holiday table, covering 2010–2030. Add days proclaimed later with With.
func Default() *Calendar {
	return defaultCalendar()
}

// ReadCSV reads a holiday table in the embedded file's format: a header
// "date,weekday,name,status", then one row per holiday such as
// "2025-12-26,Fri,Boxing Day,published (GOV.UK bank-holidays.json)".
// The weekday must match the date, a date may appear only once, the year
// must be within MinYear..MaxYear, and the status must begin with a Source
// word. It lets an administrator load a
// newer GOV.UK table without a release.
func ReadCSV(r io.Reader) ([]Holiday, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 4
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("calendar: read holiday table header: %w", err)
	}
	if strings.Join(header, ",") != csvHeader {
		return nil, fmt.Errorf("calendar: holiday table header is %q, want %q", strings.Join(header, ","), csvHeader)
	}
	var hs []Holiday
	seen := make(map[time.Time]bool)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return hs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("calendar: read holiday table: %w", err)
		}
		line, _ := cr.FieldPos(0)
		h, err := parseRow(rec)
		if err == nil && seen[h.Date] {
			err = errors.New("date appears twice")
		}
		if err != nil {
			return nil, fmt.Errorf("calendar: holiday table line %d: %w", line, err)
		}
		seen[h.Date] = true
		hs = append(hs, h)
	}
}

// parseRow checks and converts one row of the holiday table.
func parseRow(rec []string) (Holiday, error) {
	d, err := time.Parse(time.DateOnly, rec[0])
	if err != nil {
		return Holiday{}, fmt.Errorf("date %q is not YYYY-MM-DD", rec[0])
	}
	if d.Year() < MinYear || d.Year() > MaxYear {
		return Holiday{}, fmt.Errorf("%s is outside the years %d to %d", rec[0], MinYear, MaxYear)
	}
	if wd := d.Format("Mon"); rec[1] != wd {
		return Holiday{}, fmt.Errorf("%s is a %s, not %q", rec[0], wd, rec[1])
	}
	name := strings.TrimSpace(rec[2])
	if name == "" {
		return Holiday{}, fmt.Errorf("%s has no name", rec[0])
	}
	source := strings.ToLower(strings.TrimSpace(rec[3]))
	source, _, _ = strings.Cut(source, " ")
	switch source {
	case SourcePublished, SourceHistorical, SourceProjected, SourceAdded:
	default:
		return Holiday{}, fmt.Errorf("%s has status %q, want published, historical, projected or added", rec[0], rec[3])
	}
	return Holiday{Date: d, Name: name, Source: source}, nil
}
