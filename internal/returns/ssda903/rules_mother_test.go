package ssda903

import "maps"

// motherBreaks break the motherhood rules of rules_mother.go from the good
// return, where A1 (a girl born 1 May 2012, looked after) is not a mother.
var motherBreaks = map[string]func(r, last *Return){
	"393": func(r, last *Return) { row(r, Header, 0).Set("MOTHER", "") },
	"607": func(r, last *Return) {
		row(r, Header, 0).Set("MOTHER", "")
		ended(r, 1, "01/10/2025", "E4A")
	},
	"611": func(r, last *Return) { row(r, Header, 0).Set("MOTHER", "1") },
	"612": func(r, last *Return) { row(r, Header, 0).Set("MC_DOB", "01/01/2025") },
	"620": func(r, last *Return) { mother(r, "01/05/2015", "01/01/2026") },
	"621": func(r, last *Return) { mother(r, "01/05/2012", "01/01/2010") },
	"625": func(r, last *Return) {
		mother(r, "01/05/2012", "01/03/2026")
		ended(r, 1, "01/10/2025", "E4A")
	},
	"628": func(r, last *Return) { row(r, Header, 1).Set("MOTHER", "0") },
}

func init() { maps.Copy(breaks, motherBreaks) }

// mother makes A1, born dob, the mother of a child born first.
func mother(r *Return, dob, first string) {
	set(row(r, Header, 0), "DOB", dob, "MOTHER", "1", "MC_DOB", first)
}
