package ssda903

import "strings"

// swReasonLabels say what each SW_REASON code means (the validator's rule
// SW13STG1 and the DfE's guide): Import writes the label as the reason of
// the allocation it makes, and the export reads it back as the code.
var swReasonLabels = map[string]string{
	"MANAGE": "Managing caseloads",
	"FCONTA": "First contact or re-referral",
	"LEFTRL": "The previous social worker left the role",
	"ORGRST": "New social worker after an organisational restructure",
	"TSPROC": "Transfer under the standard process",
	"ABSENC": "Absence cover or return from absence",
	"CHCHAN": "The child asked for a change of social worker",
	"PCCHAN": "A parent or carer asked for a change of social worker",
	"SWDIED": "The previous social worker died",
	"OTHERS": "Other",
}

// sightlineReasons are the reasons sightline itself writes when a case
// changes hands (store: opening a case; the generator: a stretch of
// assessment or a plan goes to another team, a child comes into care, a
// worker leaves; a case passed back when care ends, "Care ended:
// transferred back to …", is a transfer by its words).
var sightlineReasons = map[string]string{
	"case opened":                                 "FCONTA",
	"allocated for assessment":                    "TSPROC",
	"transferred for the plan":                    "TSPROC",
	"transferred to the disabled children's team": "TSPROC",
	"transferred to the children in care team":    "TSPROC",
	"worker left: case passed to their successor": "LEFTRL",
}

// swReasonWords map words of a reason typed in the allocation form to a
// code, tried in this order; a reason with none of them is OTHERS.
var swReasonWords = []struct{ word, code string }{
	{"died", "SWDIED"}, {"restructur", "ORGRST"}, {"caseload", "MANAGE"},
	{"absen", "ABSENC"}, {"sick", "ABSENC"}, {"maternity", "ABSENC"}, {"cover", "ABSENC"},
	{"child asked", "CHCHAN"}, {"child request", "CHCHAN"}, {"young person asked", "CHCHAN"},
	{"parent asked", "PCCHAN"}, {"parent request", "PCCHAN"}, {"carer asked", "PCCHAN"}, {"carer request", "PCCHAN"},
	{"left", "LEFTRL"}, {"leaving", "LEFTRL"}, {"transfer", "TSPROC"}, {"re-referral", "FCONTA"}, {"first contact", "FCONTA"},
}

// swReason is the SW_REASON code of an allocation's reason: the code or
// its label as Import writes them, sightline's own reasons, then words of
// a typed reason; anything else is OTHERS.
func swReason(reason string) string {
	r := strings.ToLower(strings.TrimSpace(reason))
	for code, label := range swReasonLabels {
		if r == strings.ToLower(code) || r == strings.ToLower(label) {
			return code
		}
	}
	if code, ok := sightlineReasons[r]; ok {
		return code
	}
	for _, w := range swReasonWords {
		if strings.Contains(r, w.word) {
			return w.code
		}
	}
	return "OTHERS"
}
