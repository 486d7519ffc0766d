package ssda903

import (
	"maps"
	"testing"
)

// uascBreaks break the UASC rules of rules_uasc.go from the good return,
// in which no child is UASC either year; A1 (born 1 May 2012) was in last
// year's Header.
var uascBreaks = map[string]func(r, last *Return){
	"105": func(r, last *Return) { r.Add(UASC, 1, "A1", "", "01/05/2012", "") },
	"231": func(r, last *Return) {
		row(r, Header, 0).Set("DOB", "01/04/2015") // ten on 31 March 2026
		r.Add(UASC, 1, "A1", "F", "01/04/2015", "")
	},
	"303": func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "01/03/2025") }, // ceased before the year
	"205A": func(r, last *Return) {
		last.Add(UASC, 1, "A1", "F", "01/05/2012", "") // UASC at the end of last year, gone without a DUC
	},
	"205B": func(r, last *Return) {
		last.Add(UASC, 1, "A1", "F", "01/05/2012", "01/03/2025") // ceased last year, yet UASC again
		r.Add(UASC, 1, "A1", "F", "01/05/2012", "")
	},
	"205C": func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "01/03/2024") },
	"205D": func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "") }, // in last year's Header, not UASC
}

func init() { maps.Copy(breaks, uascBreaks) }

// TestUASCRulesPassAUASCChild: a child UASC in both years, one whose
// status ceased this year, and one whose status ceased last year and who
// is no longer in the UASC file pass every rule, each rule by its code.
func TestUASCRulesPassAUASCChild(t *testing.T) {
	cases := map[string]func(r, last *Return){
		"UASC in both years": func(r, last *Return) {
			last.Add(UASC, 1, "A1", "F", "01/05/2012", "")
			r.Add(UASC, 1, "A1", "F", "01/05/2012", "")
		},
		"status ceased this year": func(r, last *Return) {
			last.Add(UASC, 1, "A1", "F", "01/05/2012", "")
			r.Add(UASC, 1, "A1", "F", "01/05/2012", "01/03/2026")
		},
		"status ceased last year": func(r, last *Return) { last.Add(UASC, 1, "A1", "F", "01/05/2012", "01/03/2025") },
		"a care leaver, UASC last year": func(r, last *Return) {
			last.Add(UASC, 2, "B2", "M", "12/12/2006", "")
		},
	}
	for name, set := range cases {
		r, last := goodReturn(), goodPrevious()
		set(r, last)
		fs := Validate(r, &Context{Year: 2026, Previous: last})
		for code := range uascBreaks {
			t.Run(code+"/"+name, func(t *testing.T) {
				for _, f := range fs {
					if f.Code == code {
						t.Errorf("fails: %+v", f)
					}
				}
			})
		}
		if len(fs) > 0 {
			t.Errorf("%s: fails %v", name, codesOf(fs))
		}
	}
}

// TestUASCRulesOnLastYearNeedIt: 205A–205D find nothing without last
// year's return.
func TestUASCRulesOnLastYearNeedIt(t *testing.T) {
	for _, code := range []string{"205A", "205B", "205C", "205D"} {
		r, last := goodReturn(), goodPrevious()
		uascBreaks[code](r, last)
		for _, f := range Validate(r, &Context{Year: 2026}) {
			if f.Code == code {
				t.Errorf("%s failed without last year's return: %+v", code, f)
			}
		}
	}
}
