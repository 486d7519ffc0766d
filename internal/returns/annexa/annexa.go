// Package annexa builds the child-level lists of Ofsted's Annex A (ILACS
// inspections) as at a date, as an .xlsx workbook with one sheet per list
// whose columns are named as the Annex A template names them
// (schema/columns.txt). Restricted children are included: the lists go to
// inspectors, and who may download them is the returns permission's
// business, not this package's.
package annexa

import (
	"strconv"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// List is one Annex A list: its sheet name, its title, its columns and
// one row per record, each cell nil (blank), a string, an int or a date.
type List struct {
	Number  int
	Sheet   string
	Title   string
	Period  string
	Columns []string
	Rows    [][]any
}

// Workbook is every list sightline can fill as at a date.
type Workbook struct {
	AsAt       time.Time
	SixMonths  time.Time // the first day of the six months the lists 1 and 3–8 cover
	TwelveFrom time.Time // the first day of the twelve months of list 10 and the counts
	Lists      []List
	Restricted int // restricted children on some list
}

// Period works out the two periods Annex A asks for as at a date: the six
// months before it (lists 1, 3–8) and the twelve months (list 10 and the
// "in the last 12 months" counts), each from the same day of the month
// back to the as-at day, both included.
func Period(asAt time.Time) (six, twelve time.Time) {
	return calendar.AddMonths(asAt, -6), calendar.AddMonths(asAt, -12)
}

// Build picks each list's records from the case files.
func Build(files []casework.CaseFile, asAt time.Time) Workbook {
	six, twelve := Period(asAt)
	p := period{asAt: asAt, six: six, twelve: twelve}
	wb := Workbook{AsAt: asAt, SixMonths: six, TwelveFrom: twelve}
	builders := []struct {
		n           int
		title, span string
		cols        []string
		rows        func(casework.CaseFile) [][]any
	}{
		{1, "Contacts", "contacts received in the six months", list1Columns, p.contacts},
		{3, "Referrals", "referrals received in the six months", list3Columns, p.referrals},
		{4, "Assessments", "assessments open at some time in the six months", list4Columns, p.assessments},
		{5, "Section 47 enquiries and ICPCs", "section 47 enquiries open at some time in the six months", list5Columns, p.s47s},
		{6, "Children in need", "episodes of need open at some time in the six months (not those closed with no further action at referral)", list6Columns, p.childrenInNeed},
		{7, "Child protection", "child protection plans in force at some time in the six months", list7Columns, p.protection},
		{8, "Children in care", "children in care at some time in the six months, one row each", list8Columns, p.inCare},
		{9, "Care leavers", "care leavers entitled to services on the day", list9Columns, p.leavers},
		{10, "Adoption", "children with a decision to place for adoption, adopted or reversed in the twelve months, or still waiting", list10Columns, p.adoption},
	}
	for _, b := range builders {
		l := List{Number: b.n, Sheet: sheetName(b.n), Title: b.title, Period: b.span, Columns: b.cols}
		wb.Lists = append(wb.Lists, l)
	}
	restricted := map[int64]bool{}
	for _, cf := range files {
		for i, b := range builders {
			rows := b.rows(cf)
			if len(rows) > 0 && cf.Child.Restricted {
				restricted[cf.Child.ID] = true
			}
			wb.Lists[i].Rows = append(wb.Lists[i].Rows, rows...)
		}
	}
	wb.Restricted = len(restricted)
	return wb
}

func sheetName(n int) string { return "List " + strconv.Itoa(n) }

// period is the as-at day and the first days of the six and twelve months.
type period struct{ asAt, six, twelve time.Time }

// common is the first five columns of lists 1–9: the child.
func (p period) common(c casework.Child) []any {
	id := c.LAChildID
	if id == "" {
		id = strconv.FormatInt(c.ID, 10)
	}
	var age any
	if n, ok := c.AgeOn(p.asAt); ok {
		age = n
	}
	return []any{id, code(genders, c.Sex), code(ethnicities, c.Ethnicity), date(c.DateOfBirth), age}
}

// allocated is the team and worker holding the child's open involvement.
func allocated(cf casework.CaseFile) []any {
	if cf.Involvement == nil {
		return []any{nil, nil}
	}
	return []any{blank(cf.Involvement.TeamName), blank(cf.Involvement.WorkerName)}
}

func blank(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func row(parts ...[]any) []any {
	var r []any
	for _, p := range parts {
		r = append(r, p...)
	}
	return r
}

// Summary is each list's row count, "List 1: 12 rows, …".
func Summary(wb Workbook) string {
	parts := make([]string, len(wb.Lists))
	for i, l := range wb.Lists {
		parts[i] = l.Sheet + ": " + strconv.Itoa(len(l.Rows))
	}
	return strings.Join(parts, ", ")
}
