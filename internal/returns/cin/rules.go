package cin

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"sightline/internal/calendar"
)

// Rule is one DfE validation rule: its code, whether it is an error (the
// DfE refuses the return) or a query (to explain or fix), the DfE's
// message, and the check. A child rule returns the element named by each
// failure it finds in one child (one entry per failure); a file rule looks
// across children.
type Rule struct {
	Code    string
	Query   bool
	Message string
	child   func(x *Context, c *Child) []string
	file    func(x *Context, m *Message) []Hit
}

// Hit is a file rule's failure: the child (nil for the file) and element.
type Hit struct {
	Child *Child
	Field string
}

// Failure is a rule broken by a child, or by the file when Child is "".
type Failure struct {
	Code    string
	Query   bool
	Child   string // LAchildID
	ChildID int64  // sightline's id when the message is sightline's export
	Line    int    // where the child starts in the file read, 0 for an export
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

// Context is what the rules know besides the child: the collection year,
// working days, last year's return for rules that compare with it, and
// (set by Validate from the message's header) the authority making the
// return.
type Context struct {
	Year     Year
	start    int // the year's first day, as a day number
	end      int // the reference date
	Calendar interface {
		AddWorkingDays(d time.Time, n int) time.Time
	}
	// Previous is last year's return when given. No rule of 2025 to 2026
	// compares with it; it is here for the rules of years that do.
	Previous *Message
	// ownLA is the three-digit LA code of the header's LEA, "" when the
	// header gives none (rule 1530 takes it as recognised).
	ownLA string
}

// NewContext is the context of year y, with working days from cal (nil:
// England's bank holidays as released).
func NewContext(y Year, cal interface {
	AddWorkingDays(d time.Time, n int) time.Time
}, previous *Message) *Context {
	if cal == nil {
		cal = calendar.Default()
	}
	return &Context{Year: y, start: dayNumber(y.Start()), end: dayNumber(y.End()), Calendar: cal, Previous: previous}
}

// forMessage is x with what the rules take from m's header: the LA code
// of the authority making the return. x itself is left as it is, so one
// context may validate several messages.
func (x *Context) forMessage(m *Message) *Context {
	c := *x
	c.ownLA = ""
	if m.Header != nil && m.Header.Source != nil {
		lea := strings.TrimSpace(m.Header.Source.LEA)
		if _, ok := laCode(lea); ok {
			c.ownLA = lea
		}
	}
	return &c
}

// inYear reports whether day d is in the collection year.
func (x *Context) inYear(d int) bool { return d >= x.start && d <= x.end }

// workingDaysBeforeEnd is the day n working days before the reference date.
func (x *Context) workingDaysBeforeEnd(n int) int {
	return dayNumber(x.Calendar.AddWorkingDays(x.Year.End(), -n))
}

// ruleSets are the rules of each collection year. The 2025 to 2026 set is
// the 2024 to 2025 set unchanged (DfE; cin-validator cin2025_26).
var ruleSets = map[Year][]Rule{}

func init() {
	y2025 := slices.Concat(identifierRules, characteristicRules, episodeRules, assessmentRules, cinPlanRules,
		s47Rules, cpPlanRules, fileRules)
	ruleSets[2025] = y2025
	ruleSets[2026] = y2025
}

// Rules returns the rules of collection year y in code order.
func Rules(y Year) ([]Rule, error) {
	rs, ok := ruleSets[y]
	if !ok {
		return nil, fmt.Errorf("cin census: no validation rules for the collection year %s", y)
	}
	out := slices.Clone(rs)
	slices.SortFunc(out, func(a, b Rule) int { return compareCodes(a.Code, b.Code) })
	return out, nil
}

// compareCodes orders rule codes by number, then suffix.
func compareCodes(a, b string) int {
	na, nb := 0, 0
	fmt.Sscanf(a, "%d", &na)
	fmt.Sscanf(b, "%d", &nb)
	if na != nb {
		return na - nb
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Validate applies the rules of x.Year to m: every failure, child by child
// in file order, each child's in rule order, then the file's. A big file's
// children are checked on every core, in blocks whose failures are joined
// in order.
func Validate(m *Message, x *Context) ([]Failure, error) {
	rules, err := Rules(x.Year)
	if err != nil {
		return nil, err
	}
	x = x.forMessage(m)
	var childRules, fileRules []Rule
	for _, r := range rules {
		if r.child != nil {
			childRules = append(childRules, r)
		} else {
			fileRules = append(fileRules, r)
		}
	}
	blocks := max(1, min(runtime.GOMAXPROCS(0), len(m.Children)/5000))
	parts := make([][]Failure, blocks)
	var wg sync.WaitGroup
	for b := range blocks {
		lo, hi := b*len(m.Children)/blocks, (b+1)*len(m.Children)/blocks
		wg.Go(func() { parts[b] = checkChildren(m.Children[lo:hi], childRules, x) })
	}
	wg.Wait()
	out := slices.Concat(parts...)
	for _, r := range fileRules {
		for _, h := range r.file(x, m) {
			out = append(out, r.failure(h.Child, h.Field))
		}
	}
	return out, nil
}

// checkChildren applies the child rules to each child.
func checkChildren(children []Child, rules []Rule, x *Context) []Failure {
	var out []Failure
	for i := range children {
		c := &children[i]
		for _, r := range rules {
			for _, field := range r.child(x, c) {
				out = append(out, r.failure(c, field))
			}
		}
	}
	return out
}

func (r Rule) failure(c *Child, field string) Failure {
	f := Failure{Code: r.Code, Query: r.Query, Field: field, Message: r.Message}
	if c != nil {
		f.Child, f.ChildID, f.Line = c.Identifiers.LAchildID, c.ID, c.Line
	}
	return f
}

// Errors counts the failures that are errors rather than queries.
func Errors(fs []Failure) int {
	n := 0
	for _, f := range fs {
		if !f.Query {
			n++
		}
	}
	return n
}

// dayNumber is a civil date as days since 1970-01-01.
func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

// day reads an xs:date as a day number without allocating (validation
// reads millions): ok is false for "" or anything but a real YYYY-MM-DD.
func day(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is Howard Hinnant's days_from_civil.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// weekend reports whether day number d is a Saturday or Sunday
// (1970-01-01 was a Thursday).
func weekend(d int) bool {
	wd := ((d % 7) + 7 + 4) % 7 // 0 Sunday … 6 Saturday
	return wd == 0 || wd == 6
}

// when returns field once if ok, else nothing.
func when(ok bool, field string) []string {
	if ok {
		return []string{field}
	}
	return nil
}

// Records counts the records of a message the rules look at: children,
// episodes, assessments, CIN plans, enquiries, CP plans and reviews.
func Records(m *Message) int {
	n := len(m.Children)
	for i := range m.Children {
		for _, d := range m.Children[i].Details {
			n += 1 + len(d.Assessments) + len(d.CINPlanDates) + len(d.Section47) + len(d.ChildProtectionPlans)
			for _, p := range d.ChildProtectionPlans {
				n += len(p.ReviewDates())
			}
		}
	}
	return n
}
