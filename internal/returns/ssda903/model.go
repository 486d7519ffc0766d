// Package ssda903 is the children looked after return (SSDA903): the CSV
// files of a collection year built from the record, read from any system,
// and checked with the DfE's validation rules.
package ssda903

import (
	"fmt"
	"time"
)

// Year is a collection year, named by the year it ends: Year(2026) is
// 1 April 2025 to 31 March 2026.
type Year int

// Start is the first day of the collection year.
func (y Year) Start() time.Time { return time.Date(int(y)-1, time.April, 1, 0, 0, 0, 0, time.UTC) }

// End is the last day of the collection year (31 March).
func (y Year) End() time.Time { return time.Date(int(y), time.March, 31, 0, 0, 0, 0, time.UTC) }

// String is "2025 to 2026".
func (y Year) String() string { return fmt.Sprintf("%d to %d", int(y)-1, int(y)) }

// Supported are the collection years this package writes and validates.
var Supported = []Year{2026}

// The files of the 2025 to 2026 return, by the names they are written as
// (Name + ".csv").
const (
	Header         = "Header"
	Episodes       = "Episodes"
	Reviews        = "Reviews"
	UASC           = "UASC"
	OC2            = "OC2"
	OC3            = "OC3"
	AD1            = "AD1"
	PlacedAdoption = "PlacedAdoption"
	PrevPerm       = "PrevPerm"
	Missing        = "Missing"
	SWEpisodes     = "SWEpisodes"
)

// Columns are each file's columns in order (validator config.py
// column_names; types and code lists in schema/).
var Columns = map[string][]string{
	Header:   {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
	Episodes: {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
	Reviews:  {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
	UASC:     {"CHILD", "SEX", "DOB", "DUC"},
	OC2: {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
		"HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"},
	OC3:            {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"},
	AD1:            {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
	PlacedAdoption: {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
	PrevPerm:       {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
	Missing:        {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
	SWEpisodes:     {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
}

// FileNames are the files in the order they are written.
var FileNames = []string{Header, Episodes, Reviews, UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes}

// Row is one line of a file: its values by column, the line it was read
// from (0 for an export) and sightline's id of the child (0 when read).
type Row struct {
	Line    int
	ChildID int64
	Values  map[string]string
}

// Get is the value of column col, "" when blank or absent.
func (r *Row) Get(col string) string { return r.Values[col] }

// Return is the files of one return, by name; a file not held is empty.
type Return struct {
	Files map[string][]*Row
	// byChild keeps, while the return is validated, each file's rows by
	// child in the order of a date field, which many rules ask for: built
	// once rather than by every rule (nil outside Validate).
	byChild map[[2]string]map[string][]*Row
}

// NewReturn is a return with every file empty.
func NewReturn() *Return {
	r := &Return{Files: map[string][]*Row{}}
	for _, n := range FileNames {
		r.Files[n] = nil
	}
	return r
}

// Add appends a row to file name with values given in column order.
func (r *Return) Add(name string, childID int64, values ...string) *Row {
	row := &Row{ChildID: childID, Values: map[string]string{}}
	for i, c := range Columns[name] {
		if i < len(values) {
			row.Values[c] = values[i]
		}
	}
	r.Files[name] = append(r.Files[name], row)
	return row
}

// Records is the number of rows in all files.
func (r *Return) Records() int {
	n := 0
	for _, rows := range r.Files {
		n += len(rows)
	}
	return n
}

// dateLayout is the return's date format, dd/mm/yyyy.
const dateLayout = "02/01/2006"

// date formats a civil date as the return wants it.
func date(t time.Time) string { return t.Format(dateLayout) }

// dateOf formats an optional date, "" when absent.
func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return date(*t)
}

// parseDate reads a dd/mm/yyyy date; ok is false for a blank or bad one.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(dateLayout) {
		return time.Time{}, false
	}
	t, err := time.Parse(dateLayout, s)
	return t, err == nil
}
