package casework

// Care leaver code sets. The OC3 codes (IN_TOUCH, ACTIV, ACCOM) are those
// of the SSDA903 return for 2025 to 2026, as the community validator
// (data-to-insight csc-validator-be-903, MIT) checks them in rules 131–133;
// the eligibility categories are Ofsted Annex A list 9's.

// Care leaver eligibility categories (Children Act 1989).
const (
	LeaverEligible       = "eligible"
	LeaverRelevant       = "relevant"
	LeaverFormerRelevant = "former_relevant"
	LeaverQualifying     = "qualifying"
)

var leaverCategories = []Code{
	{LeaverEligible, "Eligible child"}, {LeaverRelevant, "Relevant child"},
	{LeaverFormerRelevant, "Former relevant child"}, {LeaverQualifying, "Qualifying care leaver"},
}

// leaverRules is the rule that makes a young person each category, in
// words a worker can check against the record.
var leaverRules = map[string]string{
	LeaverEligible: "Aged 16 or 17 and still looked after, having been looked after for at least 13 weeks " +
		"in total after the age of 14, a period ending after the 16th birthday (Children Act 1989 Sch 2 " +
		"para 19B; Care Planning, Placement and Case Review (England) Regulations 2010 reg 40)",
	LeaverRelevant: "Aged 16 or 17, no longer looked after, and an eligible child when they stopped being " +
		"looked after (Children Act 1989 s.23A)",
	LeaverFormerRelevant: "Aged 18 to 21 (to 25 while in education or training or asking for help), and a " +
		"relevant child, or eligible when they turned 18 (Children Act 1989 s.23C)",
	LeaverQualifying: "Aged 16 to 21 (to 25 in education or training), looked after at some time after the " +
		"16th birthday but not an eligible child, for example looked after for less than 13 weeks, or under " +
		"a special guardianship order made while looked after (Children Act 1989 s.24)",
}

// LeaverCategories returns the eligibility categories.
func LeaverCategories() []Code { return append([]Code(nil), leaverCategories...) }

// LeaverCategoryRule returns the rule text of a category, or "".
func LeaverCategoryRule(category string) string { return leaverRules[category] }

// inTouch is OC3 IN_TOUCH.
var inTouch = []Code{
	{"YES", "In touch"}, {"NO", "Not in touch"}, {"REFU", "Young person refuses contact"},
	{"NREQ", "Authority no longer required to be in touch"},
	{"RHOM", "Returned home to parents for 6 months or more"}, {"DIED", "Died"},
}

// InTouchCodes returns the OC3 "in touch" codes.
func InTouchCodes() []Code { return append([]Code(nil), inTouch...) }

// activities is OC3 ACTIV (since 2021 to 2022).
var activities = []Code{
	{"F1", "Full-time higher education"}, {"P1", "Part-time higher education"},
	{"F2", "Full-time education other than higher"}, {"P2", "Part-time education other than higher"},
	{"F4", "Full-time apprenticeship"}, {"P4", "Part-time apprenticeship"},
	{"F5", "Full-time training or employment"}, {"P5", "Part-time training or employment"},
	{"G4", "Not in education, employment or training: illness or disability"},
	{"G5", "Not in education, employment or training: other"},
	{"G6", "Not in education, employment or training: pregnancy or parenting"},
	{"0", "Not applicable"},
}

// Activities returns the OC3 education, employment or training codes.
func Activities() []Code { return append([]Code(nil), activities...) }

// InEET reports whether an OC3 activity is education, employment or
// training (the care_leavers_eet_pct numerator: F1, P1, F2, P2, F4, P4,
// F5, P5).
func InEET(activity string) bool {
	return activity != "" && (activity[0] == 'F' || activity[0] == 'P')
}

// accommodations is the letter of OC3 ACCOM; the digit says whether it is
// suitable (1) or not (2).
var accommodations = []Code{
	{"B", "With parents or relatives"}, {"C", "Community home or other residential care"},
	{"D", "Semi-independent, transitional or self-contained accommodation"}, {"E", "Supported lodgings"},
	{"G", "Abroad"}, {"H", "Deported"}, {"K", "Ordinary lodgings, without formal support"},
	{"R", "Residence not known"}, {"S", "No fixed abode or homeless"},
	{"T", "Foyers and similar supported accommodation"}, {"U", "Independent living"},
	{"V", "Emergency accommodation"}, {"W", "Bed and breakfast"}, {"X", "In custody"},
	{"Y", "Other accommodation"}, {"Z", "With former foster carers"},
}

// Accommodations returns the OC3 accommodation types (the ACCOM letter).
func Accommodations() []Code { return append([]Code(nil), accommodations...) }

// alwaysUnsuitable are the types validator rule 133 allows only with the
// suffix 2: no fixed abode and custody.
const alwaysUnsuitable = "SX"

// AccomCode joins an accommodation type and its suitability into the OC3
// ACCOM code ("D1"), or "" when the type is not known.
func AccomCode(kind string, suitable bool) string {
	if !inCodes(accommodations, kind) {
		return ""
	}
	if suitable {
		return kind + "1"
	}
	return kind + "2"
}

// AccomSuitable reports whether an ACCOM code says the accommodation is
// suitable (the digit 1). Sources disagree on nothing here but the DfE
// guide was not read: 1 = suitable is consistent with rule 133.
func AccomSuitable(code string) bool { return len(code) == 2 && code[1] == '1' }

// AccomLabel names an ACCOM code: "Supported lodgings (suitable)".
func AccomLabel(code string) string {
	if len(code) != 2 {
		return LabelOf(activities, code) // "0": not applicable
	}
	s := " (not suitable)"
	if AccomSuitable(code) {
		s = " (suitable)"
	}
	return LabelOf(accommodations, code[:1]) + s
}
