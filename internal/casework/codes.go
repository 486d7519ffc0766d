package casework

import "strings"

// Code is one value of a government code set with its label.
type Code struct {
	Code  string
	Label string
}

// Sexes is CIN census N00783: U is required for an unborn child.
var sexes = []Code{{"M", "Male"}, {"F", "Female"}, {"U", "Not known"}}

// Sexes returns the sex code set.
func Sexes() []Code { return append([]Code(nil), sexes...) }

// ValidSex reports whether s is a CIN census sex code.
func ValidSex(s string) bool { return inCodes(sexes, s) }

// ethnicities is the CIN census / SSDA903 ethnicity code set (N00177).
var ethnicities = []Code{
	{"WBRI", "White British"}, {"WIRI", "White Irish"}, {"WIRT", "Traveller of Irish heritage"},
	{"WOTH", "Any other White background"}, {"WROM", "Gypsy/Roma"},
	{"MWBC", "White and Black Caribbean"}, {"MWBA", "White and Black African"},
	{"MWAS", "White and Asian"}, {"MOTH", "Any other mixed background"},
	{"AIND", "Indian"}, {"APKN", "Pakistani"}, {"ABAN", "Bangladeshi"}, {"AOTH", "Any other Asian background"},
	{"BCRB", "Caribbean"}, {"BAFR", "African"}, {"BOTH", "Any other Black background"},
	{"CHNE", "Chinese"}, {"OOTH", "Any other ethnic group"},
	{"REFU", "Refused"}, {"NOBT", "Information not yet obtained"},
}

// Ethnicities returns the ethnicity code set in census order.
func Ethnicities() []Code { return append([]Code(nil), ethnicities...) }

// ValidEthnicity reports whether s is a census ethnicity code.
func ValidEthnicity(s string) bool { return inCodes(ethnicities, s) }

// disabilities is the CIN census disability code set (N00099).
var disabilities = []Code{
	{"NONE", "No disability"}, {"MOB", "Mobility"}, {"HAND", "Hand function"}, {"PC", "Personal care"},
	{"INC", "Incontinence"}, {"COMM", "Communication"}, {"LD", "Learning"}, {"HEAR", "Hearing"},
	{"VIS", "Vision"}, {"BEH", "Behaviour"}, {"CON", "Consciousness"}, {"AUT", "Autism"}, {"DDA", "Other"},
}

// Disabilities returns the disability code set.
func Disabilities() []Code { return append([]Code(nil), disabilities...) }

// checkDisabilities applies CIN rules 8790 (NONE stands alone) and 8794 (no
// duplicates) and rejects unknown codes.
func checkDisabilities(codes []string) string {
	seen := map[string]bool{}
	for _, c := range codes {
		if !inCodes(disabilities, c) {
			return "Select disabilities from the list"
		}
		if seen[c] {
			return "Select each disability once"
		}
		seen[c] = true
	}
	if seen["NONE"] && len(codes) > 1 {
		return "Select either 'No disability' or the child's disabilities, not both"
	}
	return ""
}

// closureReasons is CIN census ReasonForClosure (N00103), RC1–RC9.
var closureReasons = []Code{
	{"RC1", "Adopted"}, {"RC2", "Died"}, {"RC3", "Child arrangements order"},
	{"RC4", "Special guardianship order"}, {"RC5", "Transferred to another local authority"},
	{"RC6", "Transferred to adult social care"},
	{"RC7", "Services ceased for any other reason, including child no longer in need"},
	{"RC8", "Case closed after assessment, no further action"},
	{"RC9", "Case closed after assessment, referred to early help"},
}

// ClosureReasons returns the CIN reasons for closing a case.
func ClosureReasons() []Code { return append([]Code(nil), closureReasons...) }

// ValidClosureReason reports whether s is RC1–RC9.
func ValidClosureReason(s string) bool { return inCodes(closureReasons, s) }

// LabelOf returns the label of code in set, or the code itself.
func LabelOf(set []Code, code string) string {
	for _, c := range set {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}

func inCodes(set []Code, s string) bool {
	for _, c := range set {
		if c.Code == s {
			return true
		}
	}
	return false
}

// NormaliseCode upper-cases and trims a code typed or imported by a person.
func NormaliseCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
