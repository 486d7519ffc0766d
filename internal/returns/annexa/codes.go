package annexa

import (
	"time"

	"sightline/internal/casework"
)

// The values below are the lettered codes of Ofsted's Annex A template as
// listed among the accepted values of liia-pipeline's Annex_A_schema.yml
// (see schema/README.md); codes sightline does not hold are left blank.

var genders = map[string]string{"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}

// ethnicities are the 20 DfE codes lettered a)–s); REFU and NOBT share s).
var ethnicities = map[string]string{
	"WBRI": "a) WBRI", "WIRI": "b) WIRI", "WIRT": "c) WIRT", "WOTH": "d) WOTH", "WROM": "e) WROM",
	"MWBC": "f) MWBC", "MWBA": "g) MWBA", "MWAS": "h) MWAS", "MOTH": "i) MOTH", "AIND": "j) AIND",
	"APKN": "k) APKN", "ABAN": "l) ABAN", "AOTH": "m) AOTH", "BCRB": "n) BCRB", "BAFR": "o) BAFR",
	"BOTH": "p) BOTH", "CHNE": "q) CHNE", "OOTH": "r) OOTH", "REFU": "s) REFU", "NOBT": "s) NOBT",
}

// sources are the CIN census referral sources lettered a)–u).
var sources = map[string]string{
	"1A": "a) 1A: Individual", "1B": "b) 1B: Individual", "1C": "c) 1C: Individual", "1D": "d) 1D: Individual",
	"2A": "e) 2A: Schools", "2B": "f) 2B: Education services", "3A": "g) 3A: Health services",
	"3B": "h) 3B: Health services", "3C": "i) 3C: Health services", "3D": "j) 3D: Health services",
	"3E": "k) 3E: Health services", "3F": "l) 3F: Health services", "4": "m) 4: Housing",
	"5A": "n) 5A: LA services", "5B": "o) 5B: LA services", "5C": "p) 5C: LA services", "6": "q) 6: Police",
	"7": "r) 7: Other legal agency", "8": "s) 8: Other", "9": "t) 9: Anonymous", "10": "u) 10: Unknown",
}

var abuseCategories = map[string]string{
	"NEG": "a) Neglect", "PHY": "b) Physical Abuse", "SAB": "c) Sexual Abuse", "EMO": "d) Emotional Abuse",
	"MUL": "e) Multiple",
}

var permanencePlans = map[string]string{
	"return_home": "a) Return to family", casework.PermAdoption: "b) Adoption", casework.PermSGO: "c) SGO/CAO",
	casework.PermCAO: "c) SGO/CAO", "independence": "d) Supported living in the community",
	"long_term_fostering": "f) Long-term fostering", "other": "g) Other",
}

var leaverCategories = map[string]string{
	casework.LeaverRelevant: "a) Relevant", casework.LeaverFormerRelevant: "b) Former relevant",
	casework.LeaverQualifying: "c) Qualifying", casework.LeaverEligible: "d) Eligible",
}

// disability is Yes when the child has a disability code other than NONE,
// No for NONE, and Unknown when nothing is recorded.
func disability(c casework.Child) string {
	switch {
	case len(c.Disabilities) == 0:
		return "Unknown"
	case len(c.Disabilities) == 1 && c.Disabilities[0] == "NONE":
		return "No"
	}
	return "Yes"
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// code is m[k], or k itself when the template has no letter for it, so
// that nothing recorded is lost.
func code(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return k
}

// date is a cell for an optional date: blank when there is none.
func date(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// within reports whether d is in from..to, both included.
func within(d, from, to time.Time) bool { return !d.Before(from) && !d.After(to) }

// overlaps reports whether a record running start..end (nil: still open)
// was open at some time in from..to.
func overlaps(start time.Time, end *time.Time, from, to time.Time) bool {
	return !start.After(to) && (end == nil || !end.Before(from))
}
