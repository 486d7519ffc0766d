package ssda903

import (
	"slices"
	"testing"
)

// goodReturn is a small return that passes every rule: a child in care
// from before the year, moved in it, with a review, a missing period, an
// adoption decision reversed; and a care leaver who turned 19.
func goodReturn() *Return {
	r := NewReturn()
	r.Add(Header, 1, "A1", "F", "01/05/2012", "WBRI", "A123456789012", "", "")
	r.Add(Episodes, 1, "A1", "10/02/2025", "S", "V2", "N1", "U6", "PR1", "01/06/2025", "X1", "CARPL", "", "AB1 2CD", "")
	r.Add(Episodes, 1, "A1", "01/06/2025", "B", "C2", "N1", "K2", "PR4", "", "", "", "", "AB1 3CD", "")
	r.Add(Reviews, 1, "A1", "01/05/2012", "05/05/2025", "PN1")
	r.Add(Missing, 1, "A1", "01/05/2012", "M", "03/07/2025", "04/07/2025")
	r.Add(Missing, 1, "A1", "01/05/2012", "A", "09/07/2025", "")
	r.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/07/2025", "01/09/2025", "RD1")
	r.Add(PrevPerm, 1, "A1", "01/05/2012", "Z1", "", "")
	r.Add(AD1, 1, "A1", "01/05/2012", "", "", "", "", "", "")
	r.Add(Header, 2, "B2", "M", "12/12/2006", "BAFR", "UN2", "", "")
	r.Add(OC3, 2, "B2", "12/12/2006", "YES", "F2", "D1")
	r.Add(SWEpisodes, 1, "A1", "01/05/2012", "SW123", "10/02/2025", "", "")
	return r
}

// row is the i-th row of file name in r.
func row(r *Return, name string, i int) *Row { return r.Files[name][i] }

// breaks are one way to break each rule, named by its code.
var breaks = map[string]func(r *Return){
	"101": func(r *Return) { row(r, Header, 0).Values["SEX"] = "1" },
	"102": func(r *Return) { row(r, Header, 0).Values["DOB"] = "31/02/2012" },
	"103": func(r *Return) { row(r, Header, 0).Values["ETHNIC"] = "WHITE" },
	"104": func(r *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "2025-01-01") },
	"112": func(r *Return) { row(r, AD1, 0).Values["DATE_INT"] = "1/1/25" },
	"113": func(r *Return) { row(r, AD1, 0).Values["DATE_MATCH"] = "00/01/2025" },
	"115": func(r *Return) { row(r, PlacedAdoption, 0).Values["DATE_PLACED"] = "" },
	"116": func(r *Return) { row(r, PlacedAdoption, 0).Values["DATE_PLACED_CEASED"] = "32/01/2025" },
	"119": func(r *Return) { row(r, PlacedAdoption, 0).Values["REASON_PLACED_CEASED"] = "" },
	"120": func(r *Return) { row(r, PlacedAdoption, 0).Values["REASON_PLACED_CEASED"] = "RD9" },
	"131": func(r *Return) { row(r, OC3, 0).Values["IN_TOUCH"] = "Y" },
	"132": func(r *Return) { row(r, OC3, 0).Values["ACTIV"] = "F3" },
	"133": func(r *Return) { row(r, OC3, 0).Values["ACCOM"] = "Q1" },
	"142": func(r *Return) { row(r, Episodes, 0).Values["DEC"], row(r, Episodes, 0).Values["REC"] = "", "" },
	"144": func(r *Return) { row(r, Episodes, 0).Values["LS"] = "V1" },
	"145": func(r *Return) { row(r, Episodes, 1).Values["CIN"] = "N9" },
	"146": func(r *Return) { row(r, Episodes, 1).Values["PLACE"] = "Z1" },
	"147": func(r *Return) { row(r, Episodes, 0).Values["DEC"] = "2025-06-01" },
	"148": func(r *Return) { row(r, Episodes, 1).Values["REC"] = "E4A" },
	"149": func(r *Return) { row(r, Episodes, 0).Values["REC"] = "E99" },
	"151": func(r *Return) { row(r, AD1, 0).Values["DATE_MATCH"] = "01/08/2025" },
	"153": func(r *Return) { row(r, OC3, 0).Values["ACCOM"] = "" },
	"166": func(r *Return) { row(r, Reviews, 0).Values["REVIEW"] = "" },
	"167": func(r *Return) { row(r, Reviews, 0).Values["REVIEW_CODE"] = "PN8" },
	"168": func(r *Return) { row(r, Header, 0).Values["UPN"] = "I123456789012" },
	"178": func(r *Return) { row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "PR7" },
	"184": func(r *Return) { row(r, PlacedAdoption, 0).Values["DATE_PLACED"] = "01/01/2011" },
	"213": func(r *Return) { row(r, Episodes, 1).Values["PLACE"] = "T1" },
	"225": func(r *Return) { row(r, Episodes, 0).Values["REASON_PLACE_CHANGE"] = "" },
	"226": func(r *Return) {
		row(r, Episodes, 0).Values["PLACE"], row(r, Episodes, 0).Values["PLACE_PROVIDER"] = "T0", ""
	},
	"233": func(r *Return) { row(r, Episodes, 1).Values["REASON_PLACE_CHANGE"] = "OTHER" },
	"352": func(r *Return) { row(r, Header, 0).Values["DOB"] = "01/01/2007" },
	"354": func(r *Return) {
		row(r, Episodes, 1).Values["DEC"], row(r, Episodes, 1).Values["REC"] = "01/04/2026", "E4A"
	},
	"355": func(r *Return) {
		row(r, Episodes, 1).Values["DEC"], row(r, Episodes, 1).Values["REC"] = "01/06/2025", "E4A"
	},
	"357": func(r *Return) { r.Files[Episodes] = r.Files[Episodes][1:] },
	"358": func(r *Return) {
		row(r, Header, 0).Values["DOB"] = "01/05/2017"
		row(r, Episodes, 1).Values["LS"] = "J1"
	},
	"361": func(r *Return) { row(r, Episodes, 0).Values["LS"] = "L1" },
	"362": func(r *Return) { row(r, Episodes, 0).Values["LS"] = "L2" },
	"363": func(r *Return) { row(r, Episodes, 0).Values["LS"] = "L3" },
	"373": func(r *Return) {
		row(r, Header, 0).Values["DOB"] = "01/05/2022"
		row(r, Episodes, 1).Values["PLACE"] = "S1"
	},
	"388": func(r *Return) { row(r, Episodes, 1).Values["DECOM"] = "02/06/2025" },
	"391": func(r *Return) { row(r, OC3, 0).Values["DOB"] = "12/12/2003" },
	"433": func(r *Return) { row(r, Episodes, 0).Values["DEC"] = "31/05/2025" },
	"501": func(r *Return) { row(r, Episodes, 0).Values["DEC"] = "02/06/2025" },
	"504": func(r *Return) { row(r, Episodes, 1).Values["CIN"] = "N2" },
	"526": func(r *Return) { row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "" },
	"527": func(r *Return) {
		row(r, Episodes, 1).Values["PLACE"], row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "R2", "PR1"
	},
	"528": func(r *Return) {
		row(r, Episodes, 1).Values["PLACE"], row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "R5", "PR2"
	},
	"529": func(r *Return) { row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "PR3" },
	"530": func(r *Return) { row(r, Episodes, 1).Values["PLACE"] = "P1" },
	"531": func(r *Return) {
		row(r, Episodes, 1).Values["PLACE"], row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "P1", "PR5"
	},
	"550":      func(r *Return) { row(r, Episodes, 1).Values["PLACE_PROVIDER"] = "PR0" },
	"566":      func(r *Return) { row(r, Missing, 0).Values["MISSING"] = "" },
	"574":      func(r *Return) { row(r, Missing, 0).Values["MIS_END"] = "" },
	"633":      func(r *Return) { row(r, PrevPerm, 0).Values["LA_PERM"] = "ENG" },
	"SW02STG1": func(r *Return) { row(r, SWEpisodes, 0).Values["SW_ID"] = "123" },
}

func codesOf(fs []Failure) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.Code) {
			out = append(out, f.Code)
		}
	}
	return out
}

// TestRules checks each rule on the good return (it passes) and broken
// one way (it fails, naming a row of the child).
func TestRules(t *testing.T) {
	x := &Context{Year: 2026}
	good := Validate(goodReturn(), x)
	for _, rule := range Rules(2026) {
		t.Run(rule.Code, func(t *testing.T) {
			for _, f := range good {
				if f.Code == rule.Code {
					t.Errorf("passes: the good return fails: %+v", f)
				}
			}
			brk, ok := breaks[rule.Code]
			if !ok {
				t.Fatalf("fails: no failing case for rule %s", rule.Code)
			}
			r := goodReturn()
			brk(r)
			fs := Validate(r, x)
			if !slices.Contains(codesOf(fs), rule.Code) {
				t.Errorf("fails: broken, the return does not fail %s; it fails %v", rule.Code, codesOf(fs))
			}
			for _, f := range fs {
				if f.Code == rule.Code && (f.Child == "" || f.File == "" || f.Field == "") {
					t.Errorf("fails: the failure does not name child, file and field: %+v", f)
				}
			}
		})
	}
	if len(breaks) != len(Rules(2026)) {
		t.Errorf("%d breaks for %d rules", len(breaks), len(Rules(2026)))
	}
}
