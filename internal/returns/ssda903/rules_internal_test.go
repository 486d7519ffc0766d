package ssda903

import "maps"

// internalBreaks break the validator's internal checks from the good
// return: a row for a child not in the Header (Z9), a date of birth or
// sex other than the Header's, a child twice in a one-row file.
var internalBreaks = map[string]func(r, last *Return){
	"INT01": func(r, last *Return) { r.Add(AD1, 9, "Z9", "01/05/2012", "", "", "", "", "", "") },
	"INT02": func(r, last *Return) { r.Add(PlacedAdoption, 9, "Z9", "01/05/2012", "01/07/2025", "", "") },
	"INT03": func(r, last *Return) {
		r.Add(Episodes, 9, "Z9", "01/05/2025", "S", "V2", "N1", "U1", "PR1", "", "", "", "AB3 1GH", "AB1 4CD", "")
	},
	"INT04": func(r, last *Return) { r.Add(Missing, 9, "Z9", "01/05/2012", "M", "03/07/2025", "04/07/2025") },
	"INT05": func(r, last *Return) { r.Add(OC2, 9, "Z9", "01/05/2012", "", "", "", "", "", "1", "1", "", "", "") },
	"INT06": func(r, last *Return) { r.Add(OC3, 9, "Z9", "12/12/2006", "YES", "F2", "D1") },
	"INT07": func(r, last *Return) { r.Add(PrevPerm, 9, "Z9", "01/05/2012", "Z1", "", "") },
	"INT08": func(r, last *Return) { r.Add(Reviews, 9, "Z9", "01/05/2012", "05/05/2025", "PN1") },
	"INT09": func(r, last *Return) { r.Add(UASC, 9, "Z9", "F", "01/05/2012", "") },
	"INT11": func(r, last *Return) { row(r, AD1, 0).Set("DOB", "02/05/2012") },
	"INT12": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("DOB", "02/05/2012") },
	"INT13": func(r, last *Return) { row(r, Missing, 0).Set("DOB", "02/05/2012") },
	"INT14": func(r, last *Return) { r.Add(OC2, 1, "A1", "02/05/2012", "", "", "", "", "", "1", "1", "", "", "") },
	"INT15": func(r, last *Return) { row(r, OC3, 0).Set("DOB", "12/12/2007") },
	"INT16": func(r, last *Return) { row(r, PrevPerm, 0).Set("DOB", "02/05/2012") },
	"INT17": func(r, last *Return) { row(r, Reviews, 0).Set("DOB", "02/05/2012") },
	"INT18": func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "02/05/2012", "") },
	"INT21": func(r, last *Return) { r.Add(UASC, 1, "A1", "M", "01/05/2012", "") },
	"INT31": func(r, last *Return) { again(r, AD1, 0) },
	"INT32": func(r, last *Return) { again(r, Header, 0) },
	"INT33": func(r, last *Return) {
		r.Add(OC2, 1, "A1", "01/05/2012", "", "", "", "", "", "1", "1", "", "", "")
		again(r, OC2, 0)
	},
	"INT34": func(r, last *Return) { again(r, OC3, 0) },
	"INT35": func(r, last *Return) { again(r, PrevPerm, 0) },
	"INT36": func(r, last *Return) {
		r.Add(UASC, 1, "A1", "F", "01/05/2012", "")
		again(r, UASC, 0)
	},
	"EPI": func(r, last *Return) { r.Add(Header, 9, "Z9", "M", "01/01/2015", "WBRI", "UN2", "", "") },
}

func init() { maps.Copy(breaks, internalBreaks) }

// again adds a copy of row i of file, as a second row of its child.
func again(r *Return, file string, i int) {
	var values []string
	for _, c := range Columns[file] {
		values = append(values, row(r, file, i).Get(c))
	}
	r.Add(file, row(r, file, i).ChildID, values...)
}
