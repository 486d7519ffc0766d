package ssda903

import (
	"maps"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// goodLA is the good return's authority.
const goodLA = "999"

// goodProviders is the provider information the good return agrees with:
// A1 is fostered through this authority's fostering service, then lives
// in Oak House (AB1 3CD); two homes of the same street closed, one before
// the year and one in it.
func goodProviders() map[string]casework.Provider {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	closed := func(t time.Time) *time.Time { return &t }
	home := func(urn string, shut *time.Time) casework.Provider {
		return casework.Provider{URN: urn, Name: "Oak House", Type: "CH", PlaceCodes: []string{"K2"},
			ProviderCodes: []string{"PR4"}, Postcode: "AB1 3CD", LACode: goodLA, Registered: day(2015, 1, 1), Closed: shut}
	}
	return ProvidersByURN([]casework.Provider{
		{URN: "SC100001", Name: "Fostering service", Type: "LAF", PlaceCodes: []string{"U1", "U2", "U3", "U4", "U5", "U6"},
			ProviderCodes: []string{"PR1"}, Postcode: "AB9 9ZZ", LACode: goodLA, Registered: day(2010, 1, 1)},
		{URN: "SC500005", Name: "Next door's fostering service", Type: "LAF", PlaceCodes: []string{"U6"},
			ProviderCodes: []string{"PR2"}, Postcode: "AB8 8ZZ", LACode: "998", Registered: day(2010, 1, 1)},
		home("SC200002", nil),
		home("SC300003", closed(day(2025, 5, 1))),
		home("SC300004", closed(day(2026, 1, 1))),
	})
}

// goodContext is the context the good return passes every rule in: with
// provider information, and the fields worked out from the postcodes in
// the good authority's area.
func goodContext(last *Return) *Context {
	return &Context{Year: 2026, Previous: last, Providers: goodProviders(), LACode: goodLA, Derived: true, Area: goodArea}
}

// urnBreaks break the URN rules of rules_urn.go from the good return.
var urnBreaks = map[string]func(r, last *Return){
	"218":  func(r, last *Return) { row(r, Episodes, 1).Set("URN", "") },
	"222":  func(r, last *Return) { row(r, Episodes, 1).Set("PLACE", "R1") },
	"219":  func(r, last *Return) { row(r, Episodes, 1).Set("PLACE", "S1") },
	"221":  func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "AB1 4CD") },
	"224":  func(r, last *Return) { row(r, Episodes, 1).Set("PLACE_PROVIDER", "PR5") },
	"227":  func(r, last *Return) { row(r, Episodes, 1).Set("URN", "SC300003") }, // closed before DECOM
	"228":  func(r, last *Return) { row(r, Episodes, 1).Set("URN", "SC300004") }, // closed before 31 March, still open
	"229":  func(r, last *Return) { row(r, Episodes, 0).Set("URN", "SC500005") }, // PR1 at another authority's
	"1008": func(r, last *Return) { row(r, Episodes, 1).Set("URN", "SC999999") },
}

func init() { maps.Copy(breaks, urnBreaks) }

// TestURNRulesPassEpisodesThatMeetTheirConditions: placements the rules
// look at, each rule's conditions met, pass every rule, each by its code.
func TestURNRulesPassEpisodesThatMeetTheirConditions(t *testing.T) {
	cases := map[string]func(r, last *Return){
		"a setting not registered with Ofsted": func(r, last *Return) { row(r, Episodes, 1).Set("URN", "XXXXXXX") },
		"a home that closed after the episode ended": func(r, last *Return) {
			set(row(r, Episodes, 1), "URN", "SC300004", "DEC", "01/12/2025", "REC", "E4A")
		},
		"placed with parents, no URN": func(r, last *Return) {
			set(row(r, Episodes, 1), "PLACE", "P1", "PLACE_PROVIDER", "PR0", "URN", "")
		},
		"the postcode in any spacing": func(r, last *Return) { row(r, Episodes, 1).Set("PL_POST", "ab13cd") },
		"another authority's service as PR2": func(r, last *Return) {
			set(row(r, Episodes, 0), "URN", "SC500005", "PLACE_PROVIDER", "PR2")
			set(row(last, Episodes, 0), "URN", "SC500005", "PLACE_PROVIDER", "PR2")
		},
		"an episode ended before the year, no URN": func(r, last *Return) {
			r.Add(Header, 3, "C3", "M", "01/01/2015", "WBRI", "A123456789013", "", "")
			r.Add(Episodes, 3, "C3", "01/01/2025", "S", "V2", "N1", "K2", "PR4", "31/03/2025", "E4A", "", "AB2 1EF", "AB1 3CD", "")
		},
	}
	for name, change := range cases {
		r, last := goodReturn(), goodPrevious()
		change(r, last)
		fs := Validate(r, goodContext(last))
		for code := range urnBreaks {
			t.Run(code+"/"+name, func(t *testing.T) {
				for _, f := range fs {
					if f.Code == code {
						t.Errorf("fails: %+v", f)
					}
				}
			})
		}
	}
}

// TestURNRulesNeedProviderInfo: without provider information the rules
// checking a URN against it find nothing; 218 and 222 still run.
func TestURNRulesNeedProviderInfo(t *testing.T) {
	for code, brk := range urnBreaks {
		r, last := goodReturn(), goodPrevious()
		brk(r, last)
		codes := codesOf(Validate(r, &Context{Year: 2026, Previous: last}))
		if got, want := slices.Contains(codes, code), !slices.Contains(ProviderRules, code); got != want {
			t.Errorf("%s without provider information: fails %v", code, codes)
		}
	}
	r := goodReturn()
	urnBreaks["229"](r, goodPrevious())
	if slices.Contains(codesOf(Validate(r, &Context{Year: 2026, Providers: goodProviders()})), "229") {
		t.Errorf("229 failed without the authority's code")
	}
}
