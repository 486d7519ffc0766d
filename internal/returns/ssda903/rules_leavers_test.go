package ssda903

import (
	"maps"
	"testing"
)

// leaverBreaks break the care leaver rules of rules_leavers.go from the
// good return. B2 is a care leaver who turned 19 in the year and left
// care on the 18th birthday, last year.
var leaverBreaks = map[string]func(r, last *Return){
	"347": func(r, last *Return) {
		row(r, OC3, 0).Set("DOB", "12/12/2007")
		row(r, OC3, 0).Set("ACCOM", "T1")
	},
	"348":  func(r, last *Return) { last.Add(OC3, 2, "B2", "12/12/2006", "DIED", "0", "0") },
	"1000": func(r, last *Return) { row(last, Episodes, 1).Set("REC", "E2") },
	// In care only from a month before the 18th birthday.
	"1001": func(r, last *Return) { row(last, Episodes, 1).Set("DECOM", "12/11/2024") },
	"1002": func(r, last *Return) { last.Files[Episodes] = last.Files[Episodes][:1] },
	// Turned 18 in the year, still looked after.
	"1007": func(r, last *Return) {
		turned18InCare(r, "")
	},
	// Turned 18 in the year and left care after the birthday.
	"1016": func(r, last *Return) { turned18InCare(r, "01/01/2026") },
	"1011": func(r, last *Return) {
		r.Add(Episodes, 2, "B2", "01/03/2025", "S", "V2", "N1", "U1", "PR1", "01/05/2025", "E3", "", "AB3 1GH", "AB1 4CD", "")
	},
	"1012": func(r, last *Return) { r.Add(Reviews, 2, "B2", "12/12/2006", "05/05/2025", "PN1") },
}

func init() { maps.Copy(breaks, leaverBreaks) }

// turned18InCare makes B2 a young person who turned 18 on 12 December
// 2025, looked after from 1 March 2025 and leaving care on end ("" for
// still looked after).
func turned18InCare(r *Return, end string) {
	row(r, Header, 1).Set("DOB", "12/12/2007")
	row(r, OC3, 0).Set("DOB", "12/12/2007")
	rec := ""
	if end != "" {
		rec = "E8"
	}
	r.Add(Episodes, 2, "B2", "01/03/2025", "S", "V2", "N1", "U1", "PR1", end, rec, "", "AB3 1GH", "AB1 4CD", "")
}

// fails says whether r fails rule code with last year's return last.
func fails(r, last *Return, code string) bool {
	for _, f := range Validate(r, &Context{Year: 2026, Previous: last}) {
		if f.Code == code {
			return true
		}
	}
	return false
}

// TestCareLeaverRulesOnLastYearNeedIt: 348, 1001 and 1002 look at last
// year's return and find nothing without it.
func TestCareLeaverRulesOnLastYearNeedIt(t *testing.T) {
	for _, code := range []string{"348", "1001", "1002"} {
		r, last := goodReturn(), goodPrevious()
		leaverBreaks[code](r, last)
		if !fails(r, last, code) {
			t.Errorf("%s: broken, with last year's return, the return passes", code)
		}
		if fails(r, nil, code) {
			t.Errorf("%s failed without last year's return", code)
		}
	}
}

// TestCareLeaverRulesOnTheBirthday: a young person who leaves care on the
// 18th birthday was not looked after on it (1007) nor left after it
// (1016); a day later is both. An OC3 row that says nothing breaks
// neither, and a 19-year-old is not checked.
func TestCareLeaverRulesOnTheBirthday(t *testing.T) {
	cases := []struct {
		name, end string
		blank     bool
		dob       string
		want      bool
	}{
		{"left on the birthday", "12/12/2025", false, "", false},
		{"left the day after", "13/12/2025", false, "", true},
		{"still looked after, row blank", "", true, "", false},
		{"left after the 19th birthday", "13/12/2025", false, "12/12/2006", false},
	}
	for _, c := range cases {
		for _, code := range []string{"1007", "1016"} {
			r := goodReturn()
			turned18InCare(r, c.end)
			if c.blank {
				set(row(r, OC3, 0), "IN_TOUCH", "", "ACTIV", "", "ACCOM", "")
			}
			if c.dob != "" {
				row(r, Header, 1).Set("DOB", c.dob)
				row(r, OC3, 0).Set("DOB", c.dob)
			}
			want := c.want
			if code == "1016" && c.end == "" {
				want = false // not left at all
			}
			if got := fails(r, goodPrevious(), code); got != want {
				t.Errorf("%s, %s: fails %v, want %v", c.name, code, got, want)
			}
		}
	}
}

// TestRule1001CountsTimeInCare: 91 days after the 14th birthday and one
// after the 16th make a relevant child; short breaks (V3, V4) do not
// count; an adoption as the last episode is never relevant.
func TestRule1001CountsTimeInCare(t *testing.T) {
	cases := []struct {
		name, decom, dec, ls, rec string
		want                      bool
	}{
		{"four years to the 18th birthday", "01/01/2021", "12/12/2024", "C2", "E8", false},
		{"91 days, all after the 16th birthday", "12/12/2022", "13/03/2023", "C2", "E8", false},
		{"90 days, all after the 16th birthday", "12/12/2022", "12/03/2023", "C2", "E8", true},
		{"a year before the 16th birthday", "12/12/2021", "12/12/2022", "C2", "E8", true},
		{"four years of short breaks", "01/01/2021", "12/12/2024", "V3", "E8", true},
		{"adopted", "01/01/2021", "12/12/2024", "E1", "E11", true},
	}
	for _, c := range cases {
		r, last := goodReturn(), goodPrevious()
		set(row(last, Episodes, 1), "DECOM", c.decom, "DEC", c.dec, "LS", c.ls, "REC", c.rec)
		if got := fails(r, last, "1001"); got != c.want {
			t.Errorf("%s: fails %v, want %v", c.name, got, c.want)
		}
	}
}

// TestRule1000LooksAtThisYearToo: a death in care this year is found
// without last year's return.
func TestRule1000LooksAtThisYearToo(t *testing.T) {
	r := goodReturn()
	r.Add(Episodes, 2, "B2", "01/03/2025", "S", "V2", "N1", "U1", "PR1", "01/05/2025", "E2", "", "AB3 1GH", "AB1 4CD", "")
	if !fails(r, nil, "1000") {
		t.Error("a care leaver who died in care this year passes 1000")
	}
}

// TestRule391CountsABirthdayOnTheFirstDay: a care leaver who turned 17 on
// 1 April, the year's first day, or 21 on 31 March, its last, turned 17 to
// 21 in the year; one who turned 22 on 1 April did not.
func TestRule391CountsABirthdayOnTheFirstDay(t *testing.T) {
	for dob, fails := range map[string]bool{"01/04/2008": false, "31/03/2005": false, "01/04/2003": true, "01/04/2009": true} {
		r := goodReturn()
		row(r, OC3, 0).Set("DOB", dob)
		got := false
		for _, f := range Validate(r, &Context{Year: 2026}) {
			got = got || f.Code == "391"
		}
		if got != fails {
			t.Errorf("OC3 DOB %s: rule 391 fails %v, want %v", dob, got, fails)
		}
	}
}
