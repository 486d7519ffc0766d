package ssda903

import (
	"slices"
	"testing"
)

// goodReturn is a small return that passes every rule: a child in care
// from before the year, moved in it, with a review, a missing period, an
// adoption decision reversed, a change of social worker, and the outcomes
// of a year looked after (OC2); and a care leaver who turned 19. Its
// episodes carry the fields the DfE works out from the postcodes, from
// goodPlaces.
func goodReturn() *Return {
	r := NewReturn()
	r.Add(Header, 1, "A1", "F", "01/05/2012", "WBRI", "A123456789012", "0", "")
	r.Add(Episodes, 1, "A1", "10/02/2025", "S", "V2", "N1", "U6", "PR1", "01/06/2025", "X1", "CARPL", "AB2 1EF", "AB1 2CD", "SC100001")
	r.Add(Episodes, 1, "A1", "01/06/2025", "B", "C2", "N1", "K2", "PR4", "", "", "", "AB2 1EF", "AB1 3CD", "SC200002")
	r.Add(Reviews, 1, "A1", "01/05/2012", "05/05/2025", "PN1")
	r.Add(Missing, 1, "A1", "01/05/2012", "M", "03/07/2025", "04/07/2025")
	r.Add(Missing, 1, "A1", "01/05/2012", "A", "09/07/2025", "")
	r.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/07/2025", "01/09/2025", "RD1")
	r.Add(PrevPerm, 1, "A1", "01/05/2012", "Z1", "", "")
	r.Add(AD1, 1, "A1", "01/05/2012", "", "", "", "", "", "")
	r.Add(OC2, 1, "A1", "01/05/2012", "14", "", "0", "", "1", "1", "1", "0", "", "")
	r.Add(Header, 2, "B2", "M", "12/12/2006", "BAFR", "UN2", "", "")
	r.Add(OC3, 2, "B2", "12/12/2006", "YES", "F2", "D1")
	r.Add(SWEpisodes, 1, "A1", "01/05/2012", "SW123", "10/02/2025", "01/06/2025", "FCONTA")
	r.Add(SWEpisodes, 1, "A1", "01/05/2012", "SW456", "01/06/2025", "", "LEFTRL")
	rederive(r)
	return r
}

// goodPrevious is last year's return agreeing with goodReturn: A1's
// first episode left open, the same identifiers, and B2 leaving care on
// the 18th birthday after four years; derived from goodPlaces too.
func goodPrevious() *Return {
	r := NewReturn()
	r.Add(Header, 1, "A1", "F", "01/05/2012", "WBRI", "A123456789012", "", "")
	r.Add(Episodes, 1, "A1", "10/02/2025", "S", "V2", "N1", "U6", "PR1", "", "", "", "AB2 1EF", "AB1 2CD", "SC100001")
	r.Add(Missing, 1, "A1", "01/05/2012", "M", "01/03/2025", "02/03/2025")
	r.Add(Header, 2, "B2", "M", "12/12/2006", "BAFR", "UN2", "", "")
	r.Add(Episodes, 2, "B2", "01/01/2021", "S", "C2", "N1", "U1", "PR1", "12/12/2024", "E8", "", "AB3 1GH", "AB1 4CD", "")
	rederive(r)
	return r
}

// row is the i-th row of file name in r.
func row(r *Return, name string, i int) *Row { return r.Files[name][i] }

// breaks are one way to break each rule, named by its code.
var breaks = map[string]func(r, last *Return){
	"101": func(r, last *Return) { row(r, Header, 0).Set("SEX", "1") },
	"102": func(r, last *Return) { row(r, Header, 0).Set("DOB", "31/02/2012") },
	"103": func(r, last *Return) { row(r, Header, 0).Set("ETHNIC", "WHITE") },
	"104": func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "2025-01-01") },
	"112": func(r, last *Return) { row(r, AD1, 0).Set("DATE_INT", "1/1/25") },
	"113": func(r, last *Return) { row(r, AD1, 0).Set("DATE_MATCH", "00/01/2025") },
	"115": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("DATE_PLACED", "") },
	"116": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("DATE_PLACED_CEASED", "32/01/2025") },
	"119": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("REASON_PLACED_CEASED", "") },
	"120": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("REASON_PLACED_CEASED", "RD9") },
	"131": func(r, last *Return) { row(r, OC3, 0).Set("IN_TOUCH", "Y") },
	"132": func(r, last *Return) { row(r, OC3, 0).Set("ACTIV", "F3") },
	"133": func(r, last *Return) { row(r, OC3, 0).Set("ACCOM", "Q1") },
	"142": func(r, last *Return) { row(r, Episodes, 0).Set("DEC", ""); row(r, Episodes, 0).Set("REC", "") },
	"144": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "V1") },
	"145": func(r, last *Return) { row(r, Episodes, 1).Set("CIN", "N9") },
	"146": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE", "Z1") },
	"147": func(r, last *Return) { row(r, Episodes, 0).Set("DEC", "2025-06-01") },
	"148": func(r, last *Return) { row(r, Episodes, 1).Set("REC", "E4A") },
	"149": func(r, last *Return) { row(r, Episodes, 0).Set("REC", "E99") },
	"151": func(r, last *Return) { row(r, AD1, 0).Set("DATE_MATCH", "01/08/2025") },
	"153": func(r, last *Return) { row(r, OC3, 0).Set("ACCOM", "") },
	"166": func(r, last *Return) { row(r, Reviews, 0).Set("REVIEW", "") },
	"167": func(r, last *Return) { row(r, Reviews, 0).Set("REVIEW_CODE", "PN8") },
	"168": func(r, last *Return) { row(r, Header, 0).Set("UPN", "I123456789012") },
	"178": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR7") },
	"184": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("DATE_PLACED", "01/01/2011") },
	"213": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE", "T1") },
	"225": func(r, last *Return) { row(r, Episodes, 0).Set("REASON_PLACE_CHANGE", "") },
	"226": func(r, last *Return) {
		row(r, Episodes, 0).Set("PLACE", "T0")
		row(r, Episodes, 0).Set("PLACE_PROVIDER", "")
	},
	"233": func(r, last *Return) { row(r, Episodes, 1).Set("REASON_PLACE_CHANGE", "OTHER") },
	"352": func(r, last *Return) { row(r, Header, 0).Set("DOB", "01/01/2007") },
	"354": func(r, last *Return) {
		row(r, Episodes, 1).Set("DEC", "01/04/2026")
		row(r, Episodes, 1).Set("REC", "E4A")
	},
	"355": func(r, last *Return) {
		row(r, Episodes, 1).Set("DEC", "01/06/2025")
		row(r, Episodes, 1).Set("REC", "E4A")
	},
	"357": func(r, last *Return) { r.Files[Episodes] = r.Files[Episodes][1:] },
	"358": func(r, last *Return) {
		row(r, Header, 0).Set("DOB", "01/05/2017")
		row(r, Episodes, 1).Set("LS", "J1")
	},
	"361": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "L1") },
	"362": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "L2") },
	"363": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "L3") },
	"373": func(r, last *Return) {
		row(r, Header, 0).Set("DOB", "01/05/2022")
		row(r, Episodes, 1).Set("PLACE", "S1")
	},
	"388": func(r, last *Return) { row(r, Episodes, 1).Set("DECOM", "02/06/2025") },
	"391": func(r, last *Return) { row(r, OC3, 0).Set("DOB", "12/12/2003") },
	"433": func(r, last *Return) { row(r, Episodes, 0).Set("DEC", "31/05/2025") },
	"501": func(r, last *Return) { row(r, Episodes, 0).Set("DEC", "02/06/2025") },
	"504": func(r, last *Return) { row(r, Episodes, 1).Set("CIN", "N2") },
	"526": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "") },
	"527": func(r, last *Return) {
		row(r, Episodes, 1).Set("PLACE", "R2")
		row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR1")
	},
	"528": func(r, last *Return) {
		row(r, Episodes, 1).Set("PLACE", "R5")
		row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR2")
	},
	"529": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR3") },
	"530": func(r, last *Return) { row(r, Episodes, 1).Set("PLACE", "P1") },
	"531": func(r, last *Return) {
		row(r, Episodes, 1).Set("PLACE", "P1")
		row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR5")
	},
	"550":      func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR0") },
	"566":      func(r, last *Return) { row(r, Missing, 0).Set("MISSING", "") },
	"574":      func(r, last *Return) { row(r, Missing, 0).Set("MIS_END", "") },
	"633":      func(r, last *Return) { row(r, PrevPerm, 0).Set("LA_PERM", "ENG") },
	"SW02STG1": func(r, last *Return) { row(r, SWEpisodes, 0).Set("SW_ID", "123") },
	"141":      func(r, last *Return) { row(r, Episodes, 0).Set("DECOM", "2025-02-10") },
	"143":      func(r, last *Return) { row(r, Episodes, 1).Set("RNE", "Q") },
	"1009":     func(r, last *Return) { row(r, Episodes, 0).Set("REASON_PLACE_CHANGE", "MOVED") },
	"114":      func(r, last *Return) { row(r, AD1, 0).Set("FOSTER_CARE", "2") },
	"175":      func(r, last *Return) { row(r, AD1, 0).Set("NB_ADOPTR", "3") },
	"176":      func(r, last *Return) { row(r, AD1, 0).Set("SEX_ADOPTR", "XY") },
	"177":      func(r, last *Return) { row(r, AD1, 0).Set("LS_ADOPTR", "L9") },
	"631":      func(r, last *Return) { row(r, PrevPerm, 0).Set("PREV_PERM", "P9") },
	"196": func(r, last *Return) {
		r.Add(OC2, 1, "A1", "01/05/2012", "", "SDQ9", "0", "", "1", "1", "1", "0", "", "")
	},
	"180": func(r, last *Return) {
		r.Add(OC2, 1, "A1", "01/05/2012", "41", "", "0", "", "1", "1", "1", "0", "", "")
	},
	"181": func(r, last *Return) {
		r.Add(OC2, 1, "A1", "01/05/2012", "12", "", "0", "", "1", "2", "1", "0", "", "")
	},
	"171": func(r, last *Return) { row(r, Header, 0).Set("MC_DOB", "31/02/2020") },
	"174": func(r, last *Return) { row(r, Header, 1).Set("MC_DOB", "01/01/2024") },
	"301": func(r, last *Return) { row(r, Header, 0).Set("DOB", "01/05/2026") },
	"351": func(r, last *Return) { row(r, Header, 1).Set("DOB", "01/01/1999") },
	"353": func(r, last *Return) { row(r, Episodes, 0).Set("DECOM", "01/01/1990") },
	"356": func(r, last *Return) {
		row(r, Episodes, 1).Set("DEC", "01/05/2025")
		row(r, Episodes, 1).Set("REC", "E4A")
	},
	"302": func(r, last *Return) { row(r, Header, 0).Set("DOB", "01/03/2025") },
	"333": func(r, last *Return) {
		row(r, AD1, 0).Set("DATE_INT", "01/08/2025")
		row(r, AD1, 0).Set("DATE_MATCH", "01/07/2025")
	},
	"522": func(r, last *Return) { row(r, PlacedAdoption, 0).Set("DATE_PLACED_CEASED", "01/06/2025") },
	"511": func(r, last *Return) { adoptedBy(r, "2", "M1", "") },
	"514": func(r, last *Return) { adoptedBy(r, "2", "MF", "L0") },
	"517": func(r, last *Return) { adoptedBy(r, "2", "MM", "L3") },
	"518": func(r, last *Return) { adoptedBy(r, "2", "MF", "L4") },
	"520": func(r, last *Return) { adoptedBy(r, "2", "FF", "L11") },
	"524": func(r, last *Return) { adoptedBy(r, "2", "MF", "L12") },
	"431": func(r, last *Return) { row(r, Episodes, 1).Set("RNE", "S") },
	"432": func(r, last *Return) { row(r, Episodes, 0).Set("REC", "E4A") },
	"434": func(r, last *Return) { row(r, Episodes, 1).Set("RNE", "L") },
	"435": func(r, last *Return) { row(r, Episodes, 1).Set("RNE", "P") },
	"436": func(r, last *Return) { row(r, Episodes, 1).Set("LS", "V2") },
	"437": func(r, last *Return) { row(r, Episodes, 0).Set("REC", "E2") },
	"380": func(r, last *Return) { placed(r, 0, "T1", "") },
	"381": func(r, last *Return) {
		placed(r, 1, "T0", "")
		row(r, Episodes, 1).Set("DEC", "01/07/2025")
		row(r, Episodes, 1).Set("REC", "E4A")
	},
	"375": func(r, last *Return) { placed(r, 1, "T1", "") },
	"376": func(r, last *Return) { placed(r, 1, "T3", "") },
	"379": func(r, last *Return) { placed(r, 1, "T4", "") },
	"378": func(r, last *Return) {
		placed(r, 1, "P1", "PR0")
		row(r, Episodes, 1).Set("LS", "V2")
	},
	"371": func(r, last *Return) { placed(r, 1, "K3", "PR4") },
	"372": func(r, last *Return) {
		placed(r, 1, "R5", "PR3")
		row(r, Header, 0).Set("DOB", "01/05/2017")
	},
	"374": func(r, last *Return) { placed(r, 1, "P3", "PR4") },
	"386": func(r, last *Return) {
		row(r, Header, 0).Set("DOB", "01/05/2006")
		row(r, Episodes, 1).Set("DEC", "01/09/2025")
		row(r, Episodes, 1).Set("REC", "E11")
	},
	"440":  func(r, last *Return) { row(r, Reviews, 0).Set("REVIEW_CODE", "PN0") },
	"441":  func(r, last *Return) { row(r, Reviews, 0).Set("DOB", "01/05/2022") },
	"344":  func(r, last *Return) { row(r, OC3, 0).Set("IN_TOUCH", "DIED") },
	"345":  func(r, last *Return) { row(r, OC3, 0).Set("ACTIV", "0") },
	"564":  func(r, last *Return) { row(r, Missing, 0).Set("MIS_START", "") },
	"565":  func(r, last *Return) { row(r, Missing, 0).Set("MISSING", "") },
	"567":  func(r, last *Return) { row(r, Missing, 0).Set("MIS_END", "01/07/2025") },
	"570":  func(r, last *Return) { row(r, Missing, 1).Set("MIS_START", "01/04/2026") },
	"571":  func(r, last *Return) { row(r, Missing, 0).Set("MIS_END", "01/04/2026") },
	"586":  func(r, last *Return) { row(r, Missing, 0).Set("DOB", "01/08/2025") },
	"1004": func(r, last *Return) { row(r, Missing, 0).Set("MIS_START", "2025-07-03") },
	"1005": func(r, last *Return) { row(r, Missing, 0).Set("MIS_END", "4/7/25") },
	"1006": func(r, last *Return) { row(r, Missing, 0).Set("MISSING", "X") },
	"577": func(r, last *Return) {
		row(r, Episodes, 1).Set("DEC", "01/10/2025")
		row(r, Episodes, 1).Set("REC", "E4A")
	},
	"502":  func(r, last *Return) { row(last, Episodes, 0).Set("DECOM", "11/02/2025") },
	"503A": func(r, last *Return) { row(last, Episodes, 0).Set("RNE", "P") },
	"503B": func(r, last *Return) { row(last, Episodes, 0).Set("LS", "C1") },
	"503C": func(r, last *Return) { row(last, Episodes, 0).Set("CIN", "N2") },
	"503D": func(r, last *Return) { row(last, Episodes, 0).Set("PLACE", "U4") },
	"503E": func(r, last *Return) { row(last, Episodes, 0).Set("PLACE_PROVIDER", "PR4") },
	"576":  func(r, last *Return) { row(last, Missing, 0).Set("MIS_END", "") },
	"202":  func(r, last *Return) { row(last, Header, 0).Set("SEX", "M") },
	"203":  func(r, last *Return) { row(last, Header, 0).Set("DOB", "02/05/2012") },
	"204":  func(r, last *Return) { row(last, Header, 0).Set("ETHNIC", "WIRI") },
	"208":  func(r, last *Return) { row(last, Header, 0).Set("UPN", "A123456789013") },
	"503F": func(r, last *Return) { row(last, Episodes, 0).Set("URN", "SC123456") },
	"199": func(r, last *Return) {
		last.Add(Episodes, 1, "A1", "01/01/2016", "S", "C2", "N1", "A4", "PR1", "01/06/2018", "E11", "", "AB2 1EF", "AB1 5CD", "")
	},
	"560": func(r, last *Return) { last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/03/2025", "", "") },
	"561": func(r, last *Return) {
		last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/07/2025", "20/03/2025", "RD1")
	},
	"562": func(r, last *Return) {
		last.Add(Episodes, 1, "A1", "01/03/2025", "P", "V2", "N1", "U4", "PR1", "", "", "", "AB2 1EF", "AB1 6CD", "")
	},
	"584": func(r, last *Return) {
		last.Add(PlacedAdoption, 1, "A1", "01/05/2012", "01/03/2025", "20/03/2025", "RD1")
		row(r, PlacedAdoption, 0).Set("DATE_PLACED", "01/03/2025")
	},
	"1010": func(r, last *Return) {
		row(last, Episodes, 1).Set("DEC", "")
		row(last, Episodes, 1).Set("REC", "")
	},
	"NoE": func(r, last *Return) { last.Files[Episodes] = last.Files[Episodes][1:] },
	"217": func(r, last *Return) { placed(r, 1, "A3", "PR1") },
	"390": func(r, last *Return) {
		row(r, Episodes, 1).Set("DEC", "01/10/2025")
		row(r, Episodes, 1).Set("REC", "E11")
	},
	"601": func(r, last *Return) {
		placed(r, 1, "A4", "PR1")
		row(r, Episodes, 1).Set("DEC", "01/10/2025")
		row(r, Episodes, 1).Set("REC", "E11")
	},
	"602": func(r, last *Return) { adoptedBy(r, "2", "MF", "L11") },
	"525": func(r, last *Return) { adoptedBy(r, "2", "MF", "L11") },
	"134": func(r, last *Return) {
		r.Add(AD1, 2, "B2", "12/12/2006", "01/03/2025", "01/04/2025", "0", "1", "F1", "L0")
	},
	"3001": func(r, last *Return) {
		row(r, OC3, 0).Set("DOB", "12/12/2008")
		row(r, OC3, 0).Set("ACCOM", "Z1")
	},
	"234": func(r, last *Return) {
		row(r, Episodes, 0).Set("REASON_PLACE_CHANGE", "CUSTOD")
		row(r, Header, 0).Set("DOB", "01/05/2017")
	},
	"444":  func(r, last *Return) { r.Add(Header, 3, "C3", "M", "01/01/2015", "WBRI", "A123456789012", "", "") },
	"209":  func(r, last *Return) { row(r, Header, 1).Set("UPN", "UN1") },
	"210":  func(r, last *Return) { row(r, Header, 0).Set("UPN", "UN4") },
	"187":  func(r, last *Return) { r.Add(OC2, 2, "B2", "12/12/2006", "", "", "0", "", "1", "1", "1", "0", "", "") },
	"215":  func(r, last *Return) { r.Add(OC2, 2, "B2", "12/12/2006", "", "", "0", "", "1", "1", "1", "0", "", "") },
	"1014": func(r, last *Return) { r.Add(UASC, 2, "B2", "M", "12/12/2006", "") },
	"304":  func(r, last *Return) { r.Add(UASC, 1, "A1", "F", "01/05/2012", "02/05/2030") },
	"635":  func(r, last *Return) { row(r, PrevPerm, 0).Set("LA_PERM", "316") },
}

// adoptedBy fills AD1's adopters: their number, sexes and legal status.
func adoptedBy(r *Return, number, sexes, status string) {
	set(row(r, AD1, 0), "DATE_INT", "01/03/2025", "DATE_MATCH", "01/04/2025", "FOSTER_CARE", "0",
		"NB_ADOPTR", number, "SEX_ADOPTR", sexes, "LS_ADOPTR", status)
}

// set gives a row's columns values, given as column, value, column, value….
func set(row *Row, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		row.Set(kv[i], kv[i+1])
	}
}

// placed puts episode i in placement place with provider.
func placed(r *Return, i int, place, provider string) {
	row(r, Episodes, i).Set("PLACE", place)
	row(r, Episodes, i).Set("PLACE_PROVIDER", provider)
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
	good := Validate(goodReturn(), goodContext(goodPrevious()))
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
			r, last := goodReturn(), goodPrevious()
			brk(r, last)
			fs := Validate(r, goodContext(last))
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

// TestRulesOnLastYearNeedIt: the rules that compare with last year's
// return find nothing when it is not given, however this year's differs.
func TestRulesOnLastYearNeedIt(t *testing.T) {
	for _, code := range []string{"502", "503A", "503B", "503C", "503D", "503E", "503F", "576", "202", "203", "204", "208",
		"207", "624", "626", "560", "561", "562", "584", "1010", "NoE"} {
		r, last := goodReturn(), goodPrevious()
		breaks[code](r, last)
		for _, f := range Validate(r, &Context{Year: 2026}) {
			if f.Code == code {
				t.Errorf("%s failed without last year's return: %+v", code, f)
			}
		}
	}
}
