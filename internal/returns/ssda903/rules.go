package ssda903

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"sightline/internal/casework"
)

// Rule is one DfE validation rule of the return: its code, whether it is
// a query rather than an error, the DfE's message, and the check, which
// returns a Hit for each row (and field) that breaks it.
type Rule struct {
	Code    string
	Query   bool
	Message string
	check   func(x *Context, r *Return) []Hit
}

// Hit is one row breaking a rule: the file, the row and the field.
type Hit struct {
	File  string
	Row   *Row
	Field string
}

// Failure is a rule broken by one row of a file.
type Failure struct {
	Code    string
	Query   bool
	Child   string // CHILD
	ChildID int64  // sightline's id when the return is sightline's export
	File    string
	Line    int // the line read, 0 for an export
	Field   string
	Message string
}

// Kind is "error" or "query".
func (f Failure) Kind() string {
	if f.Query {
		return "query"
	}
	return "error"
}

// Context is what the rules know besides the return: the collection year
// and, for the rules that compare with it, last year's return (nil when
// not given: those rules then find nothing); for the rules that check a
// URN (ProviderRules), the DfE's provider information by URN (nil when
// not given: those rules then find nothing) and the authority's
// three-digit DfE number (rule 229; blank: it finds nothing); for the
// rules on the fields the DfE works out from the postcodes (DerivedRules),
// whether Derive has filled them, in the return and in last year's when
// given (false: those rules find nothing), and the authority's ONS area
// code they were worked out against (blank: 411 and 1015 find nothing).
type Context struct {
	Year      Year
	Previous  *Return
	Providers map[string]casework.Provider
	LACode    string
	Derived   bool
	Area      string
}

// ProvidersByURN is provider information by URN, for Context.Providers
// (never nil: an empty register holds no URN).
func ProvidersByURN(ps []casework.Provider) map[string]casework.Provider {
	out := make(map[string]casework.Provider, len(ps))
	for _, p := range ps {
		out[p.URN] = p
	}
	return out
}

// Rules are the rules of a collection year, in code order.
func Rules(y Year) []Rule {
	if y != 2026 {
		return nil
	}
	out := slices.Concat(headerRules, episodeRules, episodeChainRules, otherRules, valueRules, adopterRules, careRules,
		leaverMissingRules, previousRules, lastYearRules, crossRules, cohortRules,
		leaverRules, postcodeRules, moreRules, linkRules, internalRules, motherRules,
		adoptionChainRules, adoptionDecisionRules, respiteRules, swRules, uascRules, oc2Rules, urnRules, derivedRules)
	slices.SortFunc(out, func(a, b Rule) int { return compareCodes(a.Code, b.Code) })
	return out
}

// compareCodes orders rule codes by their number (503A after 502, 1004
// after 633), then as text; codes without a number (SW02STG1) come last.
func compareCodes(a, b string) int {
	na, nb := codeNumber(a), codeNumber(b)
	if na != nb {
		return cmp.Compare(na, nb)
	}
	return strings.Compare(a, b)
}

// codeNumber is the number a code starts with, or a number above every
// code's when it starts with none.
func codeNumber(code string) int {
	n, digits := 0, 0
	for ; digits < len(code) && code[digits] >= '0' && code[digits] <= '9'; digits++ {
		n = n*10 + int(code[digits]-'0')
	}
	if digits == 0 {
		return 1 << 30
	}
	return n
}

// Validate applies the rules of x.Year to r, failures ordered by child,
// file and line.
func Validate(r *Return, x *Context) []Failure {
	for _, ret := range []*Return{r, x.Previous} {
		if ret != nil {
			ret.byChild, ret.children = map[[2]string]map[string][]*Row{}, map[string]map[string]bool{}
			defer func() { ret.byChild, ret.children, ret.dobs, ret.header = nil, nil, nil, nil }()
		}
	}
	var out []Failure
	for _, rule := range Rules(x.Year) {
		for _, h := range rule.check(x, r) {
			out = append(out, Failure{Code: rule.Code, Query: rule.Query, Child: h.Row.Get("CHILD"), ChildID: h.Row.ChildID,
				File: h.File, Line: h.Row.Line, Field: h.Field, Message: rule.Message})
		}
	}
	slices.SortStableFunc(out, func(a, b Failure) int {
		if c := strings.Compare(a.Child, b.Child); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
	return out
}

// Errors counts the failures that are errors.
func Errors(fs []Failure) int {
	n := 0
	for _, f := range fs {
		if !f.Query {
			n++
		}
	}
	return n
}

// eachRow is a rule on single rows of one file: bad says whether a row
// breaks it, field is the field named.
func eachRow(file, field string, bad func(x *Context, row *Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		var hits []Hit
		for _, row := range r.Files[file] {
			if bad(x, row) {
				hits = append(hits, Hit{File: file, Row: row, Field: field})
			}
		}
		return hits
	}
}

// notIn: the field is blank or not in codes (a required code).
func notIn(file, field string, codes []string) func(*Context, *Return) []Hit {
	return eachRow(file, field, func(_ *Context, row *Row) bool { return !in(codes, row.Get(field)) })
}

// filledNotIn: the field is filled with a value not in codes.
func filledNotIn(file, field string, codes []string) func(*Context, *Return) []Hit {
	return eachRow(file, field, func(_ *Context, row *Row) bool {
		v := row.Get(field)
		return v != "" && !in(codes, v)
	})
}

// badDate: the field is not a valid date (blank too when required).
func badDate(file, field string, mayBeBlank bool) func(*Context, *Return) []Hit {
	return eachRow(file, field, func(_ *Context, row *Row) bool {
		v := row.Get(field)
		if v == "" {
			return !mayBeBlank
		}
		_, ok := parseDate(v)
		return !ok
	})
}

// dateIn is the row's date in field, ok false when blank or bad.
func dateIn(row *Row, field string) (time.Time, bool) { return parseDate(row.Get(field)) }

// ageOn is the whole years from dob to d.
func ageOn(dob, d time.Time) int {
	age := d.Year() - dob.Year()
	if d.Month() < dob.Month() || (d.Month() == dob.Month() && d.Day() < dob.Day()) {
		age--
	}
	return age
}

// dobs are the children's dates of birth from the Header. During
// Validate they are worked out once, so the caller must not change the
// map.
func dobs(r *Return) map[string]time.Time {
	if r.dobs != nil {
		return r.dobs
	}
	out := make(map[string]time.Time, len(r.Files[Header]))
	for _, row := range r.Files[Header] {
		if d, ok := dateIn(row, "DOB"); ok {
			out[row.Get("CHILD")] = d
		}
	}
	if r.children != nil { // during Validate
		r.dobs = out
	}
	return out
}

// headerRows are the children's Header rows by CHILD (the last, when a
// child has two: INT32 reports that). During Validate they are worked out
// once, so the caller must not change the map.
func headerRows(r *Return) map[string]*Row {
	if r.header != nil {
		return r.header
	}
	out := make(map[string]*Row, len(r.Files[Header]))
	for _, row := range r.Files[Header] {
		out[row.Get("CHILD")] = row
	}
	if r.children != nil { // during Validate
		r.header = out
	}
	return out
}

// byChild groups a file's rows by CHILD, each child's rows by date in
// field (rows with a bad date keep their place at the end). During
// Validate the grouping is shared by every rule that asks for it, so the
// caller must not change the map or its slices.
func byChild(r *Return, file, field string) map[string][]*Row {
	if r.byChild != nil {
		key := [2]string{file, field}
		if out, ok := r.byChild[key]; ok {
			return out
		}
		out := groupByChild(r, file, field)
		r.byChild[key] = out
		return out
	}
	return groupByChild(r, file, field)
}

// groupByChild is byChild worked out.
func groupByChild(r *Return, file, field string) map[string][]*Row {
	out := map[string][]*Row{}
	for _, row := range r.Files[file] {
		out[row.Get("CHILD")] = append(out[row.Get("CHILD")], row)
	}
	for _, rows := range out {
		slices.SortStableFunc(rows, func(a, b *Row) int {
			da, oka := dateIn(a, field)
			db, okb := dateIn(b, field)
			switch {
			case oka && okb:
				return da.Compare(db)
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
	}
	return out
}
