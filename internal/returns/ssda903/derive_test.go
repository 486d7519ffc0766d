package ssda903

import (
	"slices"
	"strings"
	"testing"

	"sightline/internal/postcode"
)

// TestDeriveWorksOutTheFieldsFromTheDirectory: an episode's PL_LA is the
// placement's authority, PL_LOCATION whether that is the responsible
// authority's, PL_DISTANCE the miles from home by the DfE's formula; what
// the directory cannot tell is left blank.
func TestDeriveWorksOutTheFieldsFromTheDirectory(t *testing.T) {
	const area = "E08000035"
	at := func(area string, e, n int) postcode.Place {
		return postcode.Place{Area: area, Easting: e, Northing: n, Grid: true}
	}
	places := map[string]postcode.Place{
		"LS27AB": at(area, 430000, 433000),
		"LS61AA": at(area, 433000, 437000),        // 3 km east, 4 km north of LS2 7AB: 5 km, 3.10 miles
		"LS11AA": at(area, 431000, 433000),        // 1 km: 0.62 miles
		"LS21AA": at(area, 433000, 433000),        // 3 km: 1.864 miles
		"HG11AA": at("E06000065", 430000, 455000), // another authority
		"EH11AA": at(postcode.Scotland, 325000, 673000),
		"LS99ZZ": {Area: area},                                    // no grid reference
		"GY11AA": {Grid: true, Easting: 430000, Northing: 433000}, // no English authority
	}
	cases := []struct {
		name, home, placed     string
		la, location, distance string
	}{
		{"in the area", "LS2 7AB", "LS6 1AA", area, "IN", "3.1"},
		{"any case and spacing", "ls27ab", " LS6  1AA", area, "IN", "3.1"},
		{"rounded down to a tenth", "LS2 7AB", "LS1 1AA", area, "IN", "0.6"},
		{"rounded up to a tenth", "LS2 7AB", "LS2 1AA", area, "IN", "1.9"},
		{"at home", "LS2 7AB", "LS2 7AB", area, "IN", "0.0"},
		{"in another authority", "LS2 7AB", "HG1 1AA", "E06000065", "OUT", "13.7"},
		{"in Scotland", "LS2 7AB", "EH1 1AA", postcode.Scotland, "OUT", "162.8"},
		{"a placement postcode the directory does not hold", "LS2 7AB", "LS9 9AA", "", "", ""},
		{"no placement postcode", "LS2 7AB", "", "", "", ""},
		{"a home postcode the directory does not hold", "LS9 9AA", "LS6 1AA", area, "IN", ""},
		{"no home postcode", "", "LS6 1AA", area, "IN", ""},
		{"a home without a grid reference", "LS9 9ZZ", "LS6 1AA", area, "IN", ""},
		{"a placement without a grid reference", "LS2 7AB", "LS9 9ZZ", area, "IN", ""},
		{"a placement in no English authority", "LS2 7AB", "GY1 1AA", "", "", "0.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewReturn()
			e := r.Add(Episodes, 1, "A1", "01/06/2025", "S", "C2", "N1", "K2", "PR4", "", "", "", c.home, c.placed, "SC200002")
			set(e, "PL_LA", "stale", "PL_LOCATION", "stale", "PL_DISTANCE", "stale")
			Derive(r, places, area)
			got := []string{e.Get("PL_LA"), e.Get("PL_LOCATION"), e.Get("PL_DISTANCE")}
			if want := []string{c.la, c.location, c.distance}; !slices.Equal(got, want) {
				t.Errorf("PL_LA, PL_LOCATION, PL_DISTANCE = %q, want %q", got, want)
			}
		})
	}
}

// TestDerivedFieldsAreNotWritten: the fields ride along on the rows but
// the Episodes file keeps the DfE's columns.
func TestDerivedFieldsAreNotWritten(t *testing.T) {
	r := NewReturn()
	e := r.Add(Episodes, 1, "A1", "01/06/2025", "S", "C2", "N1", "K2", "PR4", "", "", "", "LS2 7AB", "LS6 1AA", "SC200002")
	near := postcode.Place{Area: "E08000035", Easting: 430000, Northing: 433000, Grid: true}
	Derive(r, map[string]postcode.Place{"LS27AB": near, "LS61AA": near}, "E08000035")
	if e.Get("PL_LA") != "E08000035" {
		t.Fatalf("not derived: PL_LA %q", e.Get("PL_LA"))
	}
	data := string(asFS(t, r)[Episodes+".csv"].Data)
	for _, c := range DerivedColumns {
		if strings.Contains(data, c) || strings.Contains(data, "E08000035") {
			t.Errorf("%s.csv carries the derived %s:\n%s", Episodes, c, data)
		}
	}
}

// TestPostcodesAreEachLookedUpOnce: the postcodes of both returns'
// episodes, compact, each once; a return not given is none.
func TestPostcodesAreEachLookedUpOnce(t *testing.T) {
	got := Postcodes(goodReturn(), nil, goodPrevious())
	want := []string{"AB21EF", "AB12CD", "AB13CD", "AB31GH", "AB14CD"}
	if !slices.Equal(got, want) {
		t.Errorf("Postcodes = %v, want %v", got, want)
	}
}
