package postcode

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Problem is one fault of a directory file: where it is and why.
type Problem struct {
	File    string
	Line    int
	Field   string
	Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Field, p.Message)
}

// column is a field Read needs, the header names it may go by (the ONS
// Postcode Directory's first), and whether a file may lack it.
type column struct {
	field    string
	names    []string
	optional bool
}

// Columns are the columns Read takes from a directory file; others are
// skipped. The ONS Postcode Directory names them pcds, oslaua, oscty,
// oseast1m and osnrth1m; the DfE's validator's own file, pcd, laua,
// oseast1m and osnrth1m.
var Columns = []column{
	{"postcode", []string{"pcds", "pcd", "pcd2", "postcode"}, false},
	{"la", []string{"oslaua", "laua", "lad", "local authority"}, false},
	{"county", []string{"oscty", "cty", "county"}, true},
	{"easting", []string{"oseast1m", "easting"}, false},
	{"northing", []string{"osnrth1m", "northing"}, false},
}

// ColumnNames lists the columns a file needs, for a message.
func ColumnNames() string {
	var out []string
	for _, c := range Columns {
		n := fmt.Sprintf("%q", c.names[0])
		if c.optional {
			n += " (optional)"
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

// Grid references in metres of Great Britain's national grid (and the
// Irish grid Northern Ireland's postcodes are given on) lie within these.
const (
	maxEasting  = 800000
	maxNorthing = 1300000
)

// Read reads a postcode directory in CSV with a header row: every row's
// postcode and where it is (Place). A row with a fault is left out and
// named among the problems (file, line, field, why); the error is for a
// file that cannot be read as a directory at all (no header, a needed
// column missing, bad CSV).
//
// A postcode's Area is its upper-tier authority: the county (oscty, an
// E10 code) for a postcode in a district of a two-tier area, else its
// local authority (oslaua); SCO, WAL or NIR for one in Scotland, Wales or
// Northern Ireland; blank for the Channel Islands, the Isle of Man and a
// postcode the file places in no authority.
func Read(in io.Reader, file string) ([]Entry, []Problem, error) {
	return ReadWhere(in, file, nil)
}

// ReadWhere is Read keeping only the rows whose postcode (as Compact gives
// it) want says to keep, and naming only their problems: checking one
// return against the whole ONS directory (about 2.7 million rows) need
// hold only the return's postcodes. A nil want keeps every row.
func ReadWhere(in io.Reader, file string, want func(postcode string) bool) ([]Entry, []Problem, error) {
	cr := csv.NewReader(in)
	cr.ReuseRecord, cr.FieldsPerRecord = true, -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: the file is empty: a directory needs a header row naming %s", file, ColumnNames())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	at, err := columnsAt(header, file)
	if err != nil {
		return nil, nil, err
	}
	var entries []Entry
	var problems []Problem
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return entries, problems, fmt.Errorf("%s:%d: %w", file, pe.Line, pe.Err)
			}
			return entries, problems, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(field string) string {
			if i := at[field]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if want != nil && !want(Compact(get("postcode"))) {
			continue
		}
		e, bad := entry(get)
		if bad == nil {
			if first, ok := seen[e.Postcode]; ok {
				bad = &Problem{Field: "postcode", Message: fmt.Sprintf("%s is given twice (first on line %d)", e.Postcode, first)}
			}
		}
		if bad != nil {
			bad.File, bad.Line = file, line
			problems = append(problems, *bad)
			continue
		}
		seen[e.Postcode] = line
		entries = append(entries, e)
	}
	return entries, problems, nil
}

// columnsAt finds each column's place in the header (-1 for an optional
// column the file lacks).
func columnsAt(header []string, file string) (map[string]int, error) {
	at := map[string]int{}
	var missing []string
	for _, c := range Columns {
		at[c.field] = -1
	find:
		for _, name := range c.names {
			for i, h := range header {
				if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), name) {
					at[c.field] = i
					break find
				}
			}
		}
		if at[c.field] < 0 && !c.optional {
			missing = append(missing, fmt.Sprintf("%q (or %s)", c.names[0], strings.Join(c.names[1:], ", ")))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: line 1: no column %s: a directory needs %s", file, strings.Join(missing, ", no column "), ColumnNames())
	}
	return at, nil
}

// entry is one row as an Entry, or the problem with it (File and Line
// left to the caller).
func entry(get func(string) string) (Entry, *Problem) {
	pc := Compact(get("postcode"))
	if !Valid(pc) {
		return Entry{}, &Problem{Field: "postcode", Message: fmt.Sprintf("%q is not a UK postcode", get("postcode"))}
	}
	area, bad := upperTier(get("la"), get("county"))
	if bad != nil {
		return Entry{}, bad
	}
	e := Entry{Postcode: pc, Place: Place{Area: area}}
	east, north := get("easting"), get("northing")
	if east == "" && north == "" {
		return e, nil // the directory gives no grid reference
	}
	var err error
	if e.Easting, err = gridNumber(east, maxEasting); err != nil {
		return Entry{}, &Problem{Field: "easting", Message: err.Error()}
	}
	if e.Northing, err = gridNumber(north, maxNorthing); err != nil {
		return Entry{}, &Problem{Field: "northing", Message: err.Error()}
	}
	e.Grid = true
	return e, nil
}

// upperTier is the Area of a postcode whose local authority is la and
// county county (blank, or a pseudo-code, outside a two-tier area).
func upperTier(la, county string) (string, *Problem) {
	la, county = strings.ToUpper(la), strings.ToUpper(county)
	if la == "" { // a postcode the ONS places in no authority
		return "", nil
	}
	if !areaCode.MatchString(la) {
		return "", &Problem{Field: "la", Message: fmt.Sprintf("%q is not an ONS local authority code (a letter and eight digits, as E06000047)", la)}
	}
	switch la[0] {
	case 'S':
		return Scotland, nil
	case 'W':
		return Wales, nil
	case 'N':
		return NorthernIreland, nil
	case 'L', 'M':
		return "", nil
	}
	if strings.HasPrefix(la, "E07") { // a district: its county is the authority
		if !strings.HasPrefix(county, "E10") || !areaCode.MatchString(county) {
			return "", &Problem{Field: "county", Message: fmt.Sprintf("%s is a district council: give its county (an E10 code) in the column \"oscty\"; it is %q", la, county)}
		}
		return county, nil
	}
	return la, nil
}

// gridNumber reads one figure of a grid reference, whole metres from 0 to
// max.
func gridNumber(v string, max int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > max {
		return 0, fmt.Errorf("%q is not a grid reference in metres (a whole number from 0 to %d); leave both easting and northing blank when there is none", v, max)
	}
	return n, nil
}
