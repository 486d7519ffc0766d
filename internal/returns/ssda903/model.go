// Package ssda903 is the children looked after return (SSDA903): the CSV
// files of a collection year built from the record, read from any system,
// and checked with the DfE's validation rules.
package ssda903

import (
	"fmt"
	"slices"
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

// Row is one line of a file: its values in the order of the file's
// columns, the line it was read from (0 for an export) and sightline's id
// of the child (0 when read).
type Row struct {
	Line    int
	ChildID int64
	// cols finds a column among the file's (shared by its rows) and vals
	// are the values in the order of Columns[file]. Every rule reads rows
	// by column name, most of them many times: a map of its own for each
	// row made that about half of validating a return.
	cols *columnIndex
	vals []string
}

// columnIndex finds a file's columns by name: a slot worked out from the
// name's length and first and last letters (which tell the columns of
// every file apart) holds the column's place, checked against the name.
type columnIndex struct {
	names []string
	slot  [64]int8 // place in names + 1; 0 for none
}

// columnIndexes are the files' column indexes, made once.
var columnIndexes = func() map[string]*columnIndex {
	out := map[string]*columnIndex{}
	for file, cols := range Columns {
		if file == Episodes { // the fields the DfE works out ride along, unwritten
			cols = append(slices.Clip(cols), DerivedColumns...)
		}
		ix := &columnIndex{names: cols}
		for i, c := range cols {
			if s := columnSlot(c); ix.slot[s] == 0 {
				ix.slot[s] = int8(i + 1)
			}
		}
		out[file] = ix
	}
	return out
}()

// columnSlot is the slot of a column name in a columnIndex.
func columnSlot(col string) int {
	if col == "" {
		return 0
	}
	return (len(col) + int(col[0])*2 + int(col[len(col)-1])*17) & 63
}

// at is the place of column col, -1 when it is no column of the file.
func (ix *columnIndex) at(col string) int {
	if i := int(ix.slot[columnSlot(col)]) - 1; i >= 0 && ix.names[i] == col {
		return i
	}
	// Two columns sharing a slot (none do; TestColumnSlotsAreDistinct)
	// would still be found.
	for i, c := range ix.names {
		if c == col {
			return i
		}
	}
	return -1
}

// NewRow is a row of file with no values yet, read from line.
func NewRow(file string, line int) *Row {
	ix := columnIndexes[file]
	if ix == nil {
		ix = &columnIndex{}
	}
	return &Row{Line: line, cols: ix, vals: make([]string, len(ix.names))}
}

// Get is the value of column col, "" when blank or not a column of the
// row's file.
func (r *Row) Get(col string) string {
	if i := r.cols.at(col); i >= 0 {
		return r.vals[i]
	}
	return ""
}

// Set gives column col the value v; a name that is no column of the
// row's file is ignored.
func (r *Row) Set(col, v string) {
	if i := r.cols.at(col); i >= 0 {
		r.vals[i] = v
	}
}

// Return is the files of one return, by name; a file not held is empty.
type Return struct {
	Files map[string][]*Row
	// byChild keeps, while the return is validated, each file's rows by
	// child in the order of a date field, which many rules ask for: built
	// once rather than by every rule (nil outside Validate).
	byChild map[[2]string]map[string][]*Row
	// children and dobs keep, while the return is validated, the children
	// of each file and the dates of birth of the Header, which many rules
	// ask for (nil outside Validate).
	children map[string]map[string]bool
	dobs     map[string]time.Time
	header   map[string]*Row // each child's Header row (the last, when there are two)
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
	row := NewRow(name, 0)
	row.ChildID = childID
	copy(row.vals, values)
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
// It gives what time.Parse(dateLayout, s) gives (TestParseDateIsTimeParse)
// without its general machinery: the rules read dates millions of times.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(dateLayout) || s[2] != '/' || s[5] != '/' {
		return time.Time{}, false
	}
	d, okD := digits(s[0:2])
	m, okM := digits(s[3:5])
	y, okY := digits(s[6:10])
	if !okD || !okM || !okY || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// digits is the number s spells in decimal digits alone.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// daysIn is the number of days of month m (1 to 12) in year y.
func daysIn(m time.Month, y int) int {
	if m == time.February && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return monthDays[m-1]
}

// monthDays are the days of each month in a year that is not a leap year.
var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
