package cin_test

import (
	"slices"
	"testing"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/cin"
)

// goodUPN is a well-formed UPN with its check letter.
func goodUPN(rest string) string { return string(casework.UPNCheckLetter(rest)) + rest }

// goodChild is a child whose 2025 to 2026 record breaks no rule: referred
// in May, assessed, an s47 leading to a conference and a CP plan with a
// review, then a CIN plan until the case closed in March.
func goodChild() cin.Child {
	return cin.Child{
		Identifiers: cin.Identifiers{LAchildID: "C1234", UPN: goodUPN("201000000012"), PersonBirthDate: "2015-05-01", Sex: "F"},
		Characteristics: cin.Characteristics{Ethnicity: "WBRI",
			Disabilities: &cin.Disabilities{Codes: []string{"LD", "COMM"}}},
		Details: []cin.Details{{
			CINreferralDate: "2025-05-06", ReferralSource: "1A", PrimaryNeedCode: "N1",
			CINclosureDate: "2026-03-20", ReasonForClosure: "RC7", ReferralNFA: "0",
			Assessments: []cin.Assessment{{AssessmentActualStartDate: "2025-05-07", AssessmentAuthorisationDate: "2025-06-10",
				Factors: &cin.Factors{Codes: []string{"2B", "16A"}}}},
			CINPlanDates: []cin.PlanDates{{CINPlanStartDate: "2025-11-20", CINPlanEndDate: "2026-03-20"}},
			Section47: []cin.Section47{{S47ActualStartDate: "2025-05-08", InitialCPCtarget: "2025-05-29",
				DateOfInitialCPC: "2025-05-29", ICPCnotRequired: "0"}},
			ChildProtectionPlans: []cin.CPPlan{{CPPstartDate: "2025-05-29", CPPendDate: "2025-11-20",
				InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "0",
				Reviews: &cin.Reviews{Dates: []string{"2025-08-28"}}}},
		}},
	}
}

// open makes the good child's episode open at the year end, with an
// assessment still going and no plans or enquiry.
func open(c *cin.Child) *cin.Details {
	d := &c.Details[0]
	d.CINclosureDate, d.ReasonForClosure = "", ""
	d.CINPlanDates, d.Section47, d.ChildProtectionPlans = nil, nil, nil
	return d
}

// second adds a second episode after the first.
func second(c *cin.Child) *cin.Details {
	c.Details = append(c.Details, cin.Details{CINreferralDate: "2026-03-23", ReferralSource: "6", PrimaryNeedCode: "N4",
		ReferralNFA: "0"})
	return &c.Details[1]
}

// childCases break each child rule, named by its DfE code.
var childCases = map[string]func(c *cin.Child){
	"8500":  func(c *cin.Child) { c.Identifiers.LAchildID = "" },
	"1570":  func(c *cin.Child) { c.Identifiers.LAchildID = "C12345678901234567890" },
	"1580":  func(c *cin.Child) { c.Identifiers.LAchildID = "C-1234" },
	"1510":  func(c *cin.Child) { c.Identifiers.UPN = "B201000000012" },
	"1530":  func(c *cin.Child) { c.Identifiers.UPN = goodUPN("421000000012") },
	"1540":  func(c *cin.Child) { c.Identifiers.UPN = goodUPN("2010000X0012") },
	"1550":  func(c *cin.Child) { c.Identifiers.UPN = "A20100000001I" },
	"1560Q": func(c *cin.Child) { c.Identifiers.FormerUPN = "12345" },
	"4180":  func(c *cin.Child) { c.Identifiers.Sex = "1" },
	"8750": func(c *cin.Child) {
		c.Identifiers.PersonBirthDate, c.Identifiers.ExpectedPersonBirthDate = "", "2026-06-01"
		c.Details[0].CINreferralDate = "2025-12-01"
	},
	"8520":  func(c *cin.Child) { c.Identifiers.PersonBirthDate = "2026-04-02" },
	"8525Q": func(c *cin.Child) { c.Identifiers.ExpectedPersonBirthDate = "2015-05-01" },
	"8530Q": func(c *cin.Child) {
		c.Identifiers.PersonBirthDate, c.Identifiers.ExpectedPersonBirthDate, c.Identifiers.Sex = "", "2027-02-01", "U"
	},
	"8535Q": func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2014-01-01" },
	"8545Q": func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2026-04-02" },
	"8770Q": func(c *cin.Child) { c.Identifiers.UPN, c.Identifiers.UPNunknown = "", "UN1" },
	"8772":  func(c *cin.Child) { c.Identifiers.UPN, c.Identifiers.UPNunknown = "", "UN7" },
	"8775Q": func(c *cin.Child) { c.Identifiers.PersonBirthDate = "2000-01-01" },
	"8590":  func(c *cin.Child) { c.Details = nil },
	"4220":  func(c *cin.Child) { c.Characteristics.Ethnicity = "WHITE" },
	"8540":  func(c *cin.Child) { c.Characteristics.Disabilities.Codes = []string{"BLIND"} },
	"8790":  func(c *cin.Child) { c.Characteristics.Disabilities.Codes = []string{"NONE", "LD"} },
	"8794":  func(c *cin.Child) { c.Characteristics.Disabilities.Codes = []string{"LD", "LD"} },

	"8600": func(c *cin.Child) { c.Details[0].CINreferralDate = "2026-04-01" },
	"8606": func(c *cin.Child) {
		c.Identifiers.PersonBirthDate = "2025-05-06"
		second(c).CINreferralDate = "2024-07-01"
	},
	"8866": func(c *cin.Child) { c.Details[0].ReferralSource = "11" },
	"8610": func(c *cin.Child) { c.Details[0].PrimaryNeedCode = "" },
	"8650": func(c *cin.Child) { c.Details[0].PrimaryNeedCode = "N10" },
	"8620": func(c *cin.Child) { c.Details[0].CINclosureDate = "2026-04-01" },
	"8630": func(c *cin.Child) { c.Details[0].CINclosureDate = "2025-05-05" },
	"8640": func(c *cin.Child) { c.Details[0].ReasonForClosure = "RC10" },
	"8805": func(c *cin.Child) { c.Details[0].ReasonForClosure = "" },
	"8810": func(c *cin.Child) { open(c).ReasonForClosure = "RC7" },
	"8568": func(c *cin.Child) { c.Details[0].ReferralNFA = "no" },
	"8815": func(c *cin.Child) { open(c); second(c) },
	"8816": func(c *cin.Child) {
		open(c)
		second(c).CINclosureDate = "2026-03-30"
		c.Details[1].ReasonForClosure = "RC7"
	},
	"8820":  func(c *cin.Child) { second(c).CINreferralDate = "2026-03-01" },
	"8831":  func(c *cin.Child) { c.Details[0].ReferralNFA = "1" },
	"2990":  func(c *cin.Child) { c.Details[0].ReasonForClosure = "RC8" },
	"8555Q": func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2025-05-01" },
	"8585Q": func(c *cin.Child) { c.Details[0].ReasonForClosure = "RC2" },
	"8569Q": func(c *cin.Child) {
		d := open(c)
		d.CINreferralDate, d.ReferralNFA, d.PrimaryNeedCode, d.Assessments = "2025-03-20", "1", "", nil
	},
	"8825Q": func(c *cin.Child) {
		d := &c.Details[0]
		d.ReasonForClosure, d.Assessments, d.CINPlanDates, d.Section47, d.ChildProtectionPlans = "RC8", nil, nil, nil, nil
	},
	"8867": func(c *cin.Child) {
		c.Details[0].Assessments[0].AssessmentAuthorisationDate, c.Details[0].Assessments[0].Factors = "", nil
	},
	"8868":  func(c *cin.Child) { c.Details[0].Section47[0].DateOfInitialCPC = "" },
	"2991Q": func(c *cin.Child) { c.Details[0].Assessments = nil },
	"8565":  func(c *cin.Child) { c.Details[0].CINclosureDate = "2026-03-01" },

	"1103": func(c *cin.Child) { c.Details[0].Assessments[0].AssessmentActualStartDate = "2025-05-05" },
	"8608": func(c *cin.Child) { c.Details[0].Assessments[0].AssessmentAuthorisationDate = "2025-05-06" },
	"8614": func(c *cin.Child) { open(c).Assessments[0].AssessmentAuthorisationDate = "" },
	"8670Q": func(c *cin.Child) {
		a := &open(c).Assessments[0]
		a.AssessmentAuthorisationDate, a.Factors = "", nil
	},
	"8696": func(c *cin.Child) { c.Details[0].Assessments[0].AssessmentAuthorisationDate = "2026-04-01" },
	"8736": func(c *cin.Child) {
		d := open(c)
		d.CINreferralDate = "2025-03-03"
		d.Assessments[0] = cin.Assessment{AssessmentActualStartDate: "2025-03-04"}
	},
	"8863Q": func(c *cin.Child) {
		d := &c.Details[0]
		d.Assessments = append(d.Assessments, cin.Assessment{AssessmentActualStartDate: "2025-06-01",
			AssessmentAuthorisationDate: "2025-07-01", Factors: &cin.Factors{Codes: []string{"3A"}}})
	},
	"8869": func(c *cin.Child) { c.Details[0].Assessments[0].Factors.Codes = []string{"21", "2B"} },
	"8873Q": func(c *cin.Child) {
		d := &c.Details[0]
		d.Assessments[0].Factors.Codes = []string{"21"}
		d.CINPlanDates, d.Section47, d.ChildProtectionPlans = nil, nil, nil
	},
	"8896": func(c *cin.Child) {
		d := open(c)
		d.Assessments = []cin.Assessment{{AssessmentActualStartDate: "2026-02-01"}, {AssessmentActualStartDate: "2026-02-02"}}
	},
	"8897Q": func(c *cin.Child) { c.Details[0].Assessments[0].Factors = nil },
	"8898":  func(c *cin.Child) { c.Details[0].Assessments[0].Factors.Codes = []string{"2B", "2B"} },
	"8945Q": func(c *cin.Child) { c.Details[0].Assessments[0].Factors.Codes = []string{"18A"} },
	"8950Q": func(c *cin.Child) { c.Details[0].Assessments[0].Factors.Codes = []string{"19A"} },

	"4000": func(c *cin.Child) { c.Details[0].ReferralNFA = "1" },
	"4001": func(c *cin.Child) {
		c.Details[0].ChildProtectionPlans[0].CPPendDate, c.Details[0].CINPlanDates[0].CINPlanEndDate = "", ""
	},
	"4003": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].Reviews.Dates = []string{"2025-11-27"} },
	"4004": func(c *cin.Child) {
		c.Details[0].CINPlanDates = []cin.PlanDates{{CINPlanStartDate: "2025-11-20"}, {CINPlanStartDate: "2026-01-20"}}
	},
	"4008":  func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2025-11-19" },
	"4009Q": func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2026-03-19" },
	"4010":  func(c *cin.Child) { c.Details[0].CINPlanDates[0].CINPlanStartDate = "" },
	"4011":  func(c *cin.Child) { c.Details[0].CINPlanDates[0].CINPlanEndDate = "2025-11-19" },
	"4012Q": func(c *cin.Child) { c.Details[0].CINPlanDates[0].CINPlanEndDate = "2025-11-20" },
	"4013":  func(c *cin.Child) { c.Details[0].CINPlanDates[0].CINPlanEndDate = "2026-04-20" },
	"4014": func(c *cin.Child) {
		d := &c.Details[0]
		d.CINPlanDates = append(d.CINPlanDates, cin.PlanDates{CINPlanStartDate: "2026-01-01", CINPlanEndDate: "2026-02-01"})
	},
	"4015": func(c *cin.Child) {
		d := &c.Details[0]
		d.CINreferralDate = "2025-11-21"
		d.Assessments, d.Section47, d.ChildProtectionPlans = nil, nil, nil
	},
	"4016": func(c *cin.Child) { c.Details[0].CINPlanDates[0].CINPlanStartDate = "2025-11-19" },
	"4017": func(c *cin.Child) {
		d := &c.Details[0]
		d.CINPlanDates = append(d.CINPlanDates, cin.PlanDates{CINPlanStartDate: "2025-05-20", CINPlanEndDate: "2025-06-10"})
	},

	"2889": func(c *cin.Child) { c.Details[0].Section47[0].S47ActualStartDate = "2025-05-05" },
	"1104": func(c *cin.Child) {
		d := &c.Details[0]
		d.Section47[0].S47ActualStartDate, d.Section47[0].DateOfInitialCPC = "2025-05-01", "2025-05-01"
		d.ChildProtectionPlans[0].CPPstartDate = "2025-05-01"
	},
	"8615": func(c *cin.Child) { c.Details[0].Section47[0].S47ActualStartDate = "2025-05-30" },
	"8715": func(c *cin.Child) {
		d := &c.Details[0]
		d.CINreferralDate, d.Assessments[0].AssessmentActualStartDate = "2025-03-01", "2025-03-02"
		d.Section47[0].S47ActualStartDate, d.Section47[0].DateOfInitialCPC = "2025-03-03", "2025-03-20"
		d.ChildProtectionPlans[0].CPPstartDate = "2025-03-20"
	},
	"8740": func(c *cin.Child) {
		d := open(c)
		d.CINreferralDate, d.Assessments[0].AssessmentActualStartDate = "2025-03-01", "2025-03-02"
		d.Section47 = []cin.Section47{{S47ActualStartDate: "2025-03-03", ICPCnotRequired: "0"}}
	},
	"8675Q": func(c *cin.Child) {
		open(c).Section47 = []cin.Section47{{S47ActualStartDate: "2026-01-05", ICPCnotRequired: "0"}}
	},
	"8839": func(c *cin.Child) {
		open(c).Section47 = []cin.Section47{{S47ActualStartDate: "2026-03-16", ICPCnotRequired: "0"},
			{S47ActualStartDate: "2026-03-17", ICPCnotRequired: "0"}}
	},
	"8890": func(c *cin.Child) {
		d := &c.Details[0]
		d.Section47 = append(d.Section47, cin.Section47{S47ActualStartDate: "2025-05-20", ICPCnotRequired: "1"})
	},
	"2884":  func(c *cin.Child) { c.Details[0].DateOfInitialCPC = "2025-05-29" },
	"8870Q": func(c *cin.Child) { c.Details[0].Section47[0].InitialCPCtarget = "2025-05-31" },
	"8875": func(c *cin.Child) {
		d := &c.Details[0]
		d.Section47[0].DateOfInitialCPC, d.ChildProtectionPlans[0].CPPstartDate = "2025-05-31", "2025-05-31"
	},

	"1105": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].CPPstartDate = "2025-05-05" },
	"8720": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].CPPstartDate = "" },
	"8730": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].NumberOfPreviousCPP = "" },
	"8905": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].InitialCategoryOfAbuse = "ABC" },
	"8910": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].LatestCategoryOfAbuse = "" },
	"8832": func(c *cin.Child) { c.Details[0].ReferralNFA = "1" },
	"8840": func(c *cin.Child) {
		p := &c.Details[0].ChildProtectionPlans[0]
		p.CPPendDate, p.Reviews = "2025-05-29", nil
	},
	"8841":  func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].Reviews.Dates = []string{"2025-05-29"} },
	"8842Q": func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].Reviews.Dates = []string{""} },
	"8915":  func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2025-05-28" },
	"8920":  func(c *cin.Child) { c.Identifiers.PersonDeathDate = "2025-11-19" },
	"8925":  func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].CPPendDate = "2025-05-28" },
	"8930":  func(c *cin.Child) { c.Details[0].ChildProtectionPlans[0].CPPendDate = "2026-04-28" },
	"8935": func(c *cin.Child) {
		d := open(c)
		d.ChildProtectionPlans = []cin.CPPlan{{CPPstartDate: "2025-05-29", InitialCategoryOfAbuse: "NEG",
			LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "0"}, {CPPstartDate: "2025-06-29",
			InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "1"}}
	},
	"8940": func(c *cin.Child) {
		d := &c.Details[0]
		d.ChildProtectionPlans = append(d.ChildProtectionPlans, cin.CPPlan{CPPstartDate: "2025-06-29",
			CPPendDate: "2025-07-29", InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "1"})
	},
	"2885": func(c *cin.Child) {
		p := &c.Details[0].ChildProtectionPlans[0]
		p.CPPstartDate, p.Reviews = "2025-05-30", nil
	},
	"2883": func(c *cin.Child) {
		d := &c.Details[0]
		d.ChildProtectionPlans = append(d.ChildProtectionPlans, cin.CPPlan{CPPstartDate: "2025-05-29",
			CPPendDate: "2025-05-30", InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "0"})
	},
}

// fileCases break each file rule.
var fileCases = map[string]func(m *cin.Message){
	"100":  func(m *cin.Message) { m.Header.Collection.ReferenceDate = "2025-03-31" },
	"8510": func(m *cin.Message) { m.Children[1].Identifiers.LAchildID = m.Children[0].Identifiers.LAchildID },
	"1520": func(m *cin.Message) { m.Children[1].Identifiers.UPN = m.Children[0].Identifiers.UPN },
	"2886Q": func(m *cin.Message) {
		for i := range m.Children[:2] {
			m.Children[i].Identifiers.Sex = "U"
		}
	},
	"2887Q": func(m *cin.Message) {
		for i := range m.Children {
			m.Children[i].Characteristics.Disabilities = &cin.Disabilities{Codes: []string{"LD"}}
		}
	},
	"2888Q": func(m *cin.Message) {
		for i := range m.Children {
			m.Children[i].Characteristics.Disabilities.Codes = m.Children[i].Characteristics.Disabilities.Codes[:1]
		}
	},
}

// goodMessage is ten good children with distinct identifiers using nine
// disability codes, several children with more than one.
func goodMessage() cin.Message {
	codes := []string{"MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH"}
	m := cin.Message{Header: &cin.Header{Collection: cin.CollectionDetails{Collection: "CIN", Year: "2026",
		ReferenceDate: "2026-03-31"}}}
	for i := range 10 {
		c := goodChild()
		c.Identifiers.LAchildID = "C" + string(rune('A'+i))
		c.Identifiers.UPN = goodUPN("20100000001" + string(rune('0'+i)))
		c.Characteristics.Disabilities.Codes = []string{codes[i%9], codes[(i+1)%9]}
		m.Children = append(m.Children, c)
	}
	return m
}

func context2026() *cin.Context { return cin.NewContext(2026, calendar.Default(), nil) }

func codes(fs []cin.Failure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// TestGoodRecordPassesEveryRule: the good message breaks no rule, so each
// case below fails for its own mutation alone.
func TestGoodRecordPassesEveryRule(t *testing.T) {
	m := goodMessage()
	fs, err := cin.Validate(&m, context2026())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("%s %s %s: %s", f.Code, f.Child, f.Field, f.Message)
	}
}

// TestRules: each rule passes the good record and fails its case.
func TestRules(t *testing.T) {
	for code, breakIt := range childCases {
		t.Run(code, func(t *testing.T) {
			m := goodMessage()
			breakIt(&m.Children[0])
			fs, err := cin.Validate(&m, context2026())
			if err != nil {
				t.Fatal(err)
			}
			got := codes(fs)
			if !slices.Contains(got, code) {
				t.Fatalf("rule %s did not fire; failures: %v", code, got)
			}
			for _, f := range fs {
				if f.Code == code && (f.Child != m.Children[0].Identifiers.LAchildID || f.Field == "") {
					t.Errorf("failure %s names child %q field %q, want the broken child and a field", code, f.Child, f.Field)
				}
			}
		})
	}
	for code, breakIt := range fileCases {
		t.Run(code, func(t *testing.T) {
			m := goodMessage()
			breakIt(&m)
			fs, err := cin.Validate(&m, context2026())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(codes(fs), code) {
				t.Fatalf("rule %s did not fire; failures: %v", code, codes(fs))
			}
		})
	}
}

// TestEveryRuleHasACase: no rule is implemented without its cases, and
// every case names a rule.
func TestEveryRuleHasACase(t *testing.T) {
	rules, err := cin.Rules(2026)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, r := range rules {
		have[r.Code] = true
		_, c := childCases[r.Code]
		_, f := fileCases[r.Code]
		if !c && !f {
			t.Errorf("rule %s has no failing case", r.Code)
		}
	}
	for code := range childCases {
		if !have[code] {
			t.Errorf("case %s names no rule", code)
		}
	}
	if _, err := cin.Rules(2024); err == nil {
		t.Error("2023 to 2024 has no rules here (its sex is GenderCurrent), but Rules(2024) gave some")
	}
}
