package ssda903

import (
	"strings"

	"sightline/internal/casework"
)

// swReasonLabels say what each SW_REASON code means
// (casework.SocialWorkerReasons): Import writes the label as the reason
// (the note) of the allocation it makes, beside the code, and the export
// reads a label back as its code for allocations without one.
var swReasonLabels = func() map[string]string {
	out := map[string]string{}
	for _, c := range casework.SocialWorkerReasons() {
		out[c.Code] = c.Label
	}
	return out
}()

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

// swReasonOf is the SW_REASON of an allocation: the code recorded, or,
// for an allocation recorded before the code was asked for (or imported
// without one), the code its typed reason reads as (swReason).
func swReasonOf(a casework.WorkerAllocation) string {
	if casework.ValidSocialWorkerReason(a.ReasonCode) {
		return a.ReasonCode
	}
	return swReason(a.Reason)
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
