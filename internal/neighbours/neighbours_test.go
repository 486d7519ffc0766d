package neighbours

import (
	"slices"
	"strings"
	"testing"
)

const tiny = `la_name,la_code,indicator,value,period,source
A,E1,child_population,10000,mid-2023,test
A,E1,cin_per_10k,400,31 March 2024,test
A,E1,cla_per_10k,100,31 March 2024,test
A,E1,turnover_pct,10,year,test
B,E2,child_population,10000,mid-2023,test
B,E2,cin_per_10k,410,31 March 2024,test
B,E2,cla_per_10k,100,31 March 2024,test
B,E2,turnover_pct,12.5,year,test
C,E3,child_population,10000,mid-2023,test
C,E3,cin_per_10k,600,31 March 2024,test
C,E3,cla_per_10k,100,31 March 2024,test
C,E3,turnover_pct,c,year,test
D,E4,child_population,100000,mid-2023,test
D,E4,cin_per_10k,400,31 March 2024,test
D,E4,cla_per_10k,150,31 March 2024,test
D,E4,turnover_pct,20,year,test
`

func parse(t *testing.T, s string) *Data {
	t.Helper()
	d, err := Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// B differs from A by 10 in need per 10,000, C by 200, and D by a tenfold
// population and half as many again in care: standardised, B is nearest
// and D, unlike A on two counts, is further than C.
func TestNearestAuthoritiesAreChosen(t *testing.T) {
	s, err := parse(t, tiny).Choose("A", 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Members, []string{"B", "C"}) {
		t.Errorf("neighbours of A = %v, want [B C]", s.Members)
	}
}

// The average leaves out a suppressed figure and says how many it covers.
func TestAverageAndRangeOfPublishedFigures(t *testing.T) {
	s := &Set{Model: "A", Members: []string{"B", "C", "D"}, data: parse(t, tiny)}
	c, ok := s.Compare("turnover_pct")
	if !ok {
		t.Fatal("no comparison")
	}
	if c.Mean != 16.3 || c.Min != 12.5 || c.Max != 20 || c.Published != 2 || c.Of != 3 || c.Period != "year" {
		t.Errorf("turnover comparison = %+v, want mean 16.3 (16.25 to one place), 12.5 to 20, 2 of 3", c)
	}
	if _, ok := s.Compare("agency_rate_pct"); ok {
		t.Error("a figure no neighbour publishes has a comparison")
	}
}

// A characteristic every authority shares separates none of them (and
// does not divide by a zero spread).
func TestSharedCharacteristicIsIgnored(t *testing.T) {
	d := parse(t, strings.ReplaceAll(tiny, "cla_per_10k,150", "cla_per_10k,100"))
	ds, err := d.Distances("A")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range ds {
		if x.Distance != x.Distance { // NaN
			t.Fatalf("distance of %s is not a number", x.LA)
		}
	}
	if ds[0].LA != "B" {
		t.Errorf("nearest = %s, want B", ds[0].LA)
	}
}

func TestBadFiguresAreRefused(t *testing.T) {
	for name, body := range map[string]string{
		"bad value":  "la_name,la_code,indicator,value,period,source\nA,E1,x,12%,y,z\n",
		"bad header": "la,code,indicator,value,period,source\n",
		"twice":      "la_name,la_code,indicator,value,period,source\nA,E1,x,1,y,z\nA,E1,x,2,y,z\n",
	} {
		if _, err := Parse(strings.NewReader(body)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := parse(t, tiny).Choose("A", 4); err == nil {
		t.Error("chose 4 neighbours from 3 other authorities")
	}
}

// The demo authority's set: the ten North East authorities nearest
// Sunderland, which leaves out Hartlepool (the smallest, with the highest
// rates of children in need and in care in the region).
func TestDemoNeighboursAreTheTenNearestSunderland(t *testing.T) {
	s := Default()
	if len(s.Members) != 10 || slices.Contains(s.Members, "Sunderland") || slices.Contains(s.Members, "Hartlepool") {
		t.Errorf("demo neighbours = %v", s.Members)
	}
	if s.Members[0] != "Newcastle upon Tyne" {
		t.Errorf("nearest = %s, want Newcastle upon Tyne", s.Members[0])
	}
	if len(NorthEast2024().Authorities()) != 12 {
		t.Errorf("authorities = %v, want the twelve of the North East", NorthEast2024().Authorities())
	}
}

// Children looked after per 10,000 at 31 March 2024 of the ten (Newcastle
// 100, North Tyneside 83, Northumberland 74, Gateshead 133, County Durham
// 122, South Tyneside 102, Stockton 132, Darlington 133, Middlesbrough
// 147, Redcar and Cleveland 153): mean 117.9, 74 to 153.
func TestDemoNeighboursLookedAfterRate(t *testing.T) {
	c, ok := Default().Compare("cla_per_10k")
	if !ok || c.Mean != 117.9 || c.Min != 74 || c.Max != 153 || c.Published != 10 || c.Period != "31 March 2024" {
		t.Errorf("cla_per_10k comparison = %+v %v", c, ok)
	}
}
