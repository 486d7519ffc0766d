package cin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// otherYears names elements of other years' formats, so a file in the
// wrong year's shape is told so rather than "unknown element".
var otherYears = map[string]string{
	"GenderCurrent":         "is the 2023 to 2024 format: from 2024 to 2025 the census records Sex (M, F or U) instead",
	"PreProceedingsandFGDM": "belongs to the 2026 to 2027 census, not 2025 to 2026: export this year's format",
	"UPNunknownReason":      "is not a CIN census element: the reason for no UPN is UPNunknown",
}

// scope reads the children of one element, each at most once unless
// asked for as a list, and reports the rest as unknown.
type scope struct {
	rd    *reader
	child string // LAchildID, for problems
	n     *node
	used  []bool // by the index of n.kids
}

func (rd *reader) scope(n *node, child string) *scope {
	t := &rd.trees
	from := len(t.bools)
	t.bools = append(t.bools, make([]bool, len(n.kids))...)
	return &scope{rd: rd, child: child, n: n, used: t.bools[from:len(t.bools):len(t.bools)]}
}

type check func(string) string // "" when the value is good, else why not

// value is the text of the single child element name, checked; "" when
// absent (a problem if required).
func (s *scope) value(name string, required bool, ok check) string {
	var found *node
	for i, k := range s.n.kids {
		if k.name != name {
			continue
		}
		s.used[i] = true
		if found != nil {
			s.rd.add(k.line, s.child, name, "appears more than once in <"+s.n.name+">: give it once")
			continue
		}
		found = k
	}
	if found == nil {
		if required {
			s.rd.add(s.n.line, s.child, name, "missing from <"+s.n.name+">: it is required")
		}
		return ""
	}
	if len(found.kids) > 0 {
		s.rd.add(found.line, s.child, name, "holds elements but should hold a value")
	}
	if found.text == "" && required {
		s.rd.add(found.line, s.child, name, "is empty: it is required")
	} else if found.text != "" && ok != nil {
		if why := ok(found.text); why != "" {
			s.rd.add(found.line, s.child, name, why)
		}
	}
	return found.text
}

// all is every child element called name, in file order (in the trees'
// buffers: valid until the next tree is read).
func (s *scope) all(name string) []*node {
	t := &s.rd.trees
	from := len(t.found)
	for i, k := range s.n.kids {
		if k.name == name {
			s.used[i] = true
			t.found = append(t.found, k)
		}
	}
	return t.found[from:len(t.found):len(t.found)]
}

// done reports the children no one asked for.
func (s *scope) done() {
	for i, k := range s.n.kids {
		if s.used[i] {
			continue
		}
		if why, ok := otherYears[k.name]; ok {
			s.rd.add(k.line, s.child, k.name, why)
			continue
		}
		s.rd.add(k.line, s.child, k.name, "not an element of <"+s.n.name+"> in the 2025 to 2026 schema")
	}
}

func isDate(v string) string {
	if _, ok := day(v); !ok { // as time.Parse(time.DateOnly) reads it, without allocating
		return fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD, a day that exists", v)
	}
	return ""
}

// code checks a value against one of the schema's code lists.
func code(list string) check {
	return func(v string) string {
		if !ValidCode(list, v) {
			return fmt.Sprintf("%q is not a code of the %s list (%s)", v, list, strings.Join(Codes(list), ", "))
		}
		return ""
	}
}

var upnPattern = regexp.MustCompile(`^[A-Za-z]\d{11}(\d|[A-Za-z])$`)

func isUPN(v string) string {
	if !upnPattern.MatchString(v) {
		return fmt.Sprintf("%q is not a UPN: a letter, 11 digits, then a digit or a letter", v)
	}
	return ""
}

func isCount(v string) string {
	if n, err := strconv.Atoi(v); err != nil || n < 0 {
		return fmt.Sprintf("%q is not a whole number of 0 or more", v)
	}
	return ""
}

func (rd *reader) header(n *node) *Header {
	s := rd.scope(n, "")
	h := &Header{}
	if cds := s.all("CollectionDetails"); len(cds) > 0 {
		c := rd.scope(cds[0], "")
		h.Collection = CollectionDetails{Collection: c.value("Collection", false, nil), Year: c.value("Year", false, nil),
			ReferenceDate: c.value("ReferenceDate", false, isDate)}
		c.done()
	}
	if srcs := s.all("Source"); len(srcs) > 0 {
		c := rd.scope(srcs[0], "")
		h.Source = &Source{SourceLevel: c.value("SourceLevel", false, nil), LEA: c.value("LEA", true, nil),
			SoftwareCode: c.value("SoftwareCode", false, nil), Release: c.value("Release", false, nil),
			SerialNo: c.value("SerialNo", false, nil), DateTime: c.value("DateTime", false, nil)}
		c.done()
	}
	s.done()
	return h
}

func (rd *reader) child(n *node) Child {
	ch := Child{Line: n.line}
	s := rd.scope(n, "")
	ids := s.all("ChildIdentifiers")
	if len(ids) == 0 {
		rd.add(n.line, "", "ChildIdentifiers", "missing from <Child>: it is required")
	} else {
		ch.Identifiers = rd.identifiers(ids[0])
	}
	id := ch.Identifiers.LAchildID
	s.child = id
	if cs := s.all("ChildCharacteristics"); len(cs) == 0 {
		rd.add(n.line, id, "ChildCharacteristics", "missing from <Child>: it is required")
	} else {
		c := rd.scope(cs[0], id)
		ch.Characteristics.Ethnicity = c.value("Ethnicity", true, code("ethnicitytype"))
		for _, ds := range c.all("Disabilities") {
			d := rd.scope(ds, id)
			codes := d.all("Disability")
			if len(codes) > 0 && ch.Characteristics.Disabilities == nil {
				ch.Characteristics.Disabilities = &Disabilities{Codes: make([]string, 0, len(codes))}
			}
			for _, x := range codes {
				if why := code("disabilitytype")(x.text); why != "" {
					rd.add(x.line, id, "Disability", why)
				}
				if ch.Characteristics.Disabilities == nil {
					ch.Characteristics.Disabilities = &Disabilities{}
				}
				ch.Characteristics.Disabilities.Codes = append(ch.Characteristics.Disabilities.Codes, x.text)
			}
			d.done()
		}
		c.done()
	}
	details := s.all("CINdetails")
	if len(details) == 0 {
		rd.add(n.line, id, "CINdetails", "missing from <Child>: a child has at least one episode")
	}
	if len(details) > 0 {
		ch.Details = make([]Details, 0, len(details))
	}
	for _, d := range details {
		ch.Details = append(ch.Details, rd.details(d, id))
	}
	s.done()
	return ch
}

func (rd *reader) identifiers(n *node) Identifiers {
	s := rd.scope(n, "")
	id := Identifiers{LAchildID: s.value("LAchildID", true, nil)}
	s.child = id.LAchildID
	id.UPN = s.value("UPN", false, isUPN)
	id.FormerUPN = s.value("FormerUPN", false, isUPN)
	id.UPNunknown = s.value("UPNunknown", false, code("unknownupntype"))
	id.PersonBirthDate = s.value("PersonBirthDate", false, isDate)
	id.ExpectedPersonBirthDate = s.value("ExpectedPersonBirthDate", false, isDate)
	id.Sex = s.value("Sex", !hasKid(n, "GenderCurrent"), code("sextype"))
	id.PersonDeathDate = s.value("PersonDeathDate", false, isDate)
	s.done()
	return id
}

func hasKid(n *node, name string) bool {
	for _, k := range n.kids {
		if k.name == name {
			return true
		}
	}
	return false
}

func (rd *reader) details(n *node, id string) Details {
	s := rd.scope(n, id)
	d := Details{Line: n.line, CINreferralDate: s.value("CINreferralDate", true, isDate),
		ReferralSource:   s.value("ReferralSource", true, code("referralsourcetype")),
		PrimaryNeedCode:  s.value("PrimaryNeedCode", false, code("primaryneedcodetype")),
		CINclosureDate:   s.value("CINclosureDate", false, isDate),
		ReasonForClosure: s.value("ReasonForClosure", false, code("reasonforclosuretype")),
		DateOfInitialCPC: s.value("DateOfInitialCPC", false, isDate),
		ReferralNFA:      s.value("ReferralNFA", true, code("yesnotype"))}
	assessments := s.all("Assessments")
	if len(assessments) > 0 {
		d.Assessments = make([]Assessment, 0, len(assessments))
	}
	for _, a := range assessments {
		as := rd.scope(a, id)
		x := Assessment{AssessmentActualStartDate: as.value("AssessmentActualStartDate", true, isDate),
			AssessmentInternalReviewDate: as.value("AssessmentInternalReviewDate", false, isDate),
			AssessmentAuthorisationDate:  as.value("AssessmentAuthorisationDate", false, isDate)}
		for _, f := range as.all("FactorsIdentifiedAtAssessment") {
			fs := rd.scope(f, id)
			codes := fs.all("AssessmentFactors")
			x.Factors = &Factors{}
			if len(codes) > 0 {
				x.Factors.Codes = make([]string, 0, len(codes))
			}
			for _, c := range codes {
				if why := code("assessmentfactorstype")(c.text); why != "" {
					rd.add(c.line, id, "AssessmentFactors", why)
				}
				x.Factors.Codes = append(x.Factors.Codes, c.text)
			}
			fs.done()
		}
		as.done()
		d.Assessments = append(d.Assessments, x)
	}
	plans := s.all("CINPlanDates")
	if len(plans) > 0 {
		d.CINPlanDates = make([]PlanDates, 0, len(plans))
	}
	for _, p := range plans {
		ps := rd.scope(p, id)
		d.CINPlanDates = append(d.CINPlanDates, PlanDates{CINPlanStartDate: ps.value("CINPlanStartDate", true, isDate),
			CINPlanEndDate: ps.value("CINPlanEndDate", false, isDate)})
		ps.done()
	}
	s47s := s.all("Section47")
	if len(s47s) > 0 {
		d.Section47 = make([]Section47, 0, len(s47s))
	}
	for _, e := range s47s {
		es := rd.scope(e, id)
		d.Section47 = append(d.Section47, Section47{S47ActualStartDate: es.value("S47ActualStartDate", true, isDate),
			InitialCPCtarget: es.value("InitialCPCtarget", false, isDate),
			DateOfInitialCPC: es.value("DateOfInitialCPC", false, isDate),
			ICPCnotRequired:  es.value("ICPCnotRequired", true, code("yesnotype"))})
		es.done()
	}
	cpps := s.all("ChildProtectionPlans")
	if len(cpps) > 0 {
		d.ChildProtectionPlans = make([]CPPlan, 0, len(cpps))
	}
	for _, p := range cpps {
		ps := rd.scope(p, id)
		x := CPPlan{CPPstartDate: ps.value("CPPstartDate", true, isDate), CPPendDate: ps.value("CPPendDate", false, isDate),
			InitialCategoryOfAbuse: ps.value("InitialCategoryOfAbuse", true, code("categoryofabusetype")),
			LatestCategoryOfAbuse:  ps.value("LatestCategoryOfAbuse", true, code("categoryofabusetype")),
			NumberOfPreviousCPP:    ps.value("NumberOfPreviousCPP", true, isCount)}
		for _, r := range ps.all("Reviews") {
			rs := rd.scope(r, id)
			dates := rs.all("CPPreviewDate")
			if len(dates) > 0 && x.Reviews == nil {
				x.Reviews = &Reviews{Dates: make([]string, 0, len(dates))}
			}
			for _, c := range dates {
				if why := isDate(c.text); why != "" {
					rd.add(c.line, id, "CPPreviewDate", why)
				}
				if x.Reviews == nil {
					x.Reviews = &Reviews{}
				}
				x.Reviews.Dates = append(x.Reviews.Dates, c.text)
			}
			rs.done()
		}
		ps.done()
		d.ChildProtectionPlans = append(d.ChildProtectionPlans, x)
	}
	s.done()
	return d
}
