package ssda903

import (
	"maps"
	"testing"
)

// moreBreaks break the rules of rules_more.go and rules_more_links.go
// from the good return: A1 (born 1 May 2012) in care from 10 February
// 2025, placed again on 1 June 2025 (episode 1, open); missing 3 to 4
// July 2025 and away from 9 July 2025 (open); Z1 previous permanence.
var moreBreaks = map[string]func(r, last *Return){
	"232": func(r, last *Return) { row(r, Header, 0).Set("SEX", "U") },
	"442": func(r, last *Return) { row(r, Header, 0).Set("UPN", "") },
	"385": func(r, last *Return) { ended(r, 1, "01/04/2026", "E4A") },
	"446": func(r, last *Return) {
		row(r, Episodes, 0).Set("DECOM", "10/02/2005")
		row(r, Episodes, 0).Set("LS", "E1")
	},
	"387": func(r, last *Return) { ended(r, 1, "01/10/2025", "E5") },
	"389": func(r, last *Return) { ended(r, 1, "01/10/2025", "E7") },
	"460": func(r, last *Return) { ended(r, 1, "01/10/2025", "E17") },
	"407": func(r, last *Return) {
		row(r, Header, 0).Set("DOB", "01/05/2007")
		ended(r, 1, "01/10/2025", "E45")
	},
	"359": func(r, last *Return) { row(r, Header, 0).Set("DOB", "01/05/2007") },
	"364": func(r, last *Return) { row(r, Episodes, 1).Set("LS", "J2") },
	"377": func(r, last *Return) {
		ended(r, 1, "01/07/2025", "X1")
		placed(r, 1, "T3", "")
		r.Add(Episodes, 1, "A1", "01/07/2025", "P", "C2", "N1", "T3", "", "10/07/2025", "X1", "", "AB2 1EF", "AB1 3CD", "")
		r.Add(Episodes, 1, "A1", "10/07/2025", "P", "C2", "N1", "T3", "", "", "", "", "AB2 1EF", "AB1 3CD", "")
	},
	// Back from a hospital stay to another placement.
	"383": func(r, last *Return) {
		ended(r, 1, "01/07/2025", "X1")
		placed(r, 1, "T1", "")
		r.Add(Episodes, 1, "A1", "01/07/2025", "P", "C2", "N1", "U4", "PR1", "", "", "", "AB2 1EF", "AB9 9ZZ", "")
	},
	"214": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "V3") },
	"382": func(r, last *Return) {
		row(r, Episodes, 0).Set("LS", "V3")
		placed(r, 0, "T0", "")
	},
	"398": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "V4") },
	"399": func(r, last *Return) { row(r, Episodes, 0).Set("LS", "V3"); row(r, Episodes, 1).Set("LS", "V4") },
	// Still away when the placement ended.
	"575": func(r, last *Return) { ended(r, 1, "01/10/2025", "E4A") },
	"578": func(r, last *Return) { row(r, Missing, 0).Set("MIS_START", "03/07/2024") },
	"581": func(r, last *Return) { row(r, Missing, 0).Set("MIS_START", "01/01/2025") },
	// Back on the 18th birthday, the day care ended other than E8.
	"580": func(r, last *Return) {
		row(r, Missing, 0).Set("DOB", "04/07/2007")
		ended(r, 1, "04/07/2025", "E4A")
	},
	// A period of care started in the year without previous permanence.
	"630": func(r, last *Return) {
		r.Add(Episodes, 2, "B2", "01/05/2025", "S", "V2", "N1", "U1", "PR1", "01/06/2025", "E8", "", "AB3 1GH", "AB1 4CD", "")
	},
	"632": func(r, last *Return) { row(r, PrevPerm, 0).Set("DATE_PERM", "ZZ/13/2020") },
	"634": func(r, last *Return) { r.Files[Episodes] = r.Files[Episodes][:1] },
}

func init() { maps.Copy(breaks, moreBreaks) }

// ended ends episode i of the return on dec with reason rec.
func ended(r *Return, i int, dec, rec string) {
	row(r, Episodes, i).Set("DEC", dec)
	row(r, Episodes, i).Set("REC", rec)
}

// TestRulesOnEndingsAtAges: a child moves to independent living at 14,
// to adult services at 16, and leaves by an order or stays put at 18,
// on the birthday itself.
func TestRulesOnEndingsAtAges(t *testing.T) {
	for _, c := range []struct {
		code, dob, rec string
	}{{"387", "01/10/2011", "E5"}, {"389", "01/10/2009", "E7"}, {"407", "01/10/2007", "E46"}, {"460", "01/10/2007", "E17"}} {
		r := goodReturn()
		row(r, Header, 0).Set("DOB", c.dob)
		ended(r, 1, "01/10/2025", c.rec)
		if fails(r, goodPrevious(), c.code) {
			t.Errorf("%s: ending with %s on the birthday fails", c.code, c.rec)
		}
	}
}

// TestRule364CountsARunOfEpisodes: J2 episodes one after another make one
// stay of more than 21 days; a J2 episode after a gap starts again.
func TestRule364CountsARunOfEpisodes(t *testing.T) {
	r := goodReturn()
	row(r, Episodes, 0).Set("DECOM", "20/05/2025")
	row(r, Episodes, 0).Set("LS", "J2")
	ended(r, 1, "05/06/2025", "X1")
	row(r, Episodes, 1).Set("LS", "J2")
	r.Add(Episodes, 1, "A1", "05/06/2025", "L", "C2", "N1", "K2", "PR4", "", "", "", "AB2 1EF", "AB1 3CD", "")
	if fails(r, goodPrevious(), "364") {
		t.Error("16 days under J2 in two episodes fails 364")
	}
	ended(r, 1, "20/06/2025", "X1")
	row(r, Episodes, 2).Set("DECOM", "20/06/2025")
	if !fails(r, goodPrevious(), "364") {
		t.Error("31 days under J2 in two episodes passes 364")
	}
}

// TestPermDateReadsUnknownParts: ZZ and ZZZZ stand for what is not known,
// read as the latest day they can be.
func TestPermDateReadsUnknownParts(t *testing.T) {
	for s, want := range map[string]string{
		"05/06/2020": "05/06/2020", "ZZ/02/2024": "29/02/2024", "ZZ/ZZ/2020": "31/12/2020", "ZZ/ZZ/ZZZZ": "31/12/2000",
		"5/6/2020": "05/06/2020", "ZZ/13/2020": "", "2020-06-05": "", "01/01/20": "",
	} {
		d, ok := permDate(s)
		if got := date(d); (want == "" && ok) || (want != "" && got != want) {
			t.Errorf("permDate(%q) = %s %v, want %q", s, got, ok, want)
		}
	}
}
