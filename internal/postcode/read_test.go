package postcode

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// onspd is a few lines in the ONS Postcode Directory's layout (its columns
// cut down to some of those Read takes and some it skips).
const onspd = `pcd,pcd2,pcds,dointr,doterm,oscty,oslaua,oseast1m,osnrth1m,ctry
"DH1 1AA","DH1  1AA","DH1 1AA","198001","","E99999999","E06000047","427500","542500","E92000001"
"CB1 1AA","CB1  1AA","CB1 1AA","198001","","E10000003","E07000008","545500","258500","E92000001"
"EH1 1AA","EH1  1AA","EH1 1AA","198001","","S99999999","S12000036","325800","673900","S92000003"
"BT1 1AA","BT1  1AA","BT1 1AA","198001","","N99999999","N09000003","146600","529500","N92000002"
"GY1 1AA","GY1  1AA","GY1 1AA","198001","","L99999999","L99999999","","","L93000001"
`

func TestReadTakesTheUpperTierAuthorityAndGridReference(t *testing.T) {
	entries, problems, err := Read(strings.NewReader(onspd), "ONSPD.csv")
	if err != nil || len(problems) > 0 {
		t.Fatalf("read: %v, %v", problems, err)
	}
	want := []Entry{
		{"DH11AA", Place{Area: "E06000047", Easting: 427500, Northing: 542500, Grid: true}},
		{"CB11AA", Place{Area: "E10000003", Easting: 545500, Northing: 258500, Grid: true}}, // a district: its county
		{"EH11AA", Place{Area: Scotland, Easting: 325800, Northing: 673900, Grid: true}},
		{"BT11AA", Place{Area: NorthernIreland, Easting: 146600, Northing: 529500, Grid: true}},
		{"GY11AA", Place{}}, // Guernsey: no English authority, no grid reference
	}
	if !slices.Equal(entries, want) {
		t.Errorf("entries =\n%+v\nwant\n%+v", entries, want)
	}
}

func TestReadTakesTheDfEValidatorsLayout(t *testing.T) {
	entries, problems, err := Read(strings.NewReader("pcd,laua,oseast1m,osnrth1m\nNE1 4ST,E08000021,424900,564100\n"), "postcodes.csv")
	if err != nil || len(problems) > 0 || len(entries) != 1 || entries[0].Area != "E08000021" {
		t.Errorf("read = %+v, %v, %v", entries, problems, err)
	}
}

func TestReadNamesEveryBadRowAndKeepsTheGoodOnes(t *testing.T) {
	in := "pcds,oslaua,oscty,oseast1m,osnrth1m\n" +
		"DH1 1AA,E06000047,E99999999,427500,542500\n" +
		"NOT A POSTCODE,E06000047,,1,1\n" + // line 3
		"DH1 1AB,Durham,,1,1\n" + // line 4
		"CB1 1AA,E07000008,E99999999,1,1\n" + // line 5: a district with no county
		"DH1 1AD,E06000047,,427500,\n" + // line 6: half a grid reference
		"DH1 1AE,E06000047,,-5,542500\n" + // line 7
		"dh11aa,E06000047,,427500,542500\n" // line 8: the same postcode again
	entries, problems, err := Read(strings.NewReader(in), "bad.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Postcode != "DH11AA" {
		t.Errorf("entries = %+v, want DH1 1AA alone", entries)
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%s:%d:%s", p.File, p.Line, p.Field))
	}
	want := []string{"bad.csv:3:postcode", "bad.csv:4:la", "bad.csv:5:county", "bad.csv:6:northing", "bad.csv:7:easting", "bad.csv:8:postcode"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %v\nwant %v\n%v", got, want, problems)
	}
}

func TestReadRefusesAFileWithoutTheColumnsItNeeds(t *testing.T) {
	for _, in := range []string{"", "pcds,oslaua,oseast1m\nDH1 1AA,E06000047,1\n", "a,b\n"} {
		if _, _, err := Read(strings.NewReader(in), "f.csv"); err == nil || !strings.Contains(err.Error(), "f.csv") {
			t.Errorf("%q: err = %v, want one naming the file", in, err)
		}
	}
	_, _, err := Read(strings.NewReader("pcds,oslaua,oseast1m\n"), "f.csv")
	if err == nil || !strings.Contains(err.Error(), `"osnrth1m"`) {
		t.Errorf("err = %v, want it to name the missing column", err)
	}
}

func TestMilesIsTheGuidancesFormulaToATenth(t *testing.T) {
	a := Place{Easting: 427500, Northing: 542500, Grid: true}
	b := Place{Easting: 430500, Northing: 546500, Grid: true} // 5 km away
	if m, ok := Miles(a, b); !ok || m != 3.1 {
		t.Errorf("Miles = %v, %v; want 3.1 (5 km / 1.6093)", m, ok)
	}
	if _, ok := Miles(a, Place{Area: "SCO"}); ok {
		t.Error("a distance from a place with no grid reference")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(onspd)
	f.Add("pcds,oslaua,oseast1m,osnrth1m\n\"unclosed,E06000047,1,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, problems, err := Read(strings.NewReader(in), "f.csv")
		for _, e := range entries {
			if !Valid(e.Postcode) || e.Postcode != Compact(e.Postcode) || (e.Area != "" && !ValidArea(e.Area)) {
				t.Errorf("entry %+v read from %q", e, in)
			}
		}
		for _, p := range problems {
			if p.Line < 2 || p.Field == "" || p.Message == "" {
				t.Errorf("problem %+v does not say where and why", p)
			}
		}
		_ = err
	})
}

func TestReadWhereKeepsOnlyThePostcodesWanted(t *testing.T) {
	in := onspd + `"DH1 1AB","DH1  1AB","DH1 1AB","198001","","E99999999","Durham","1","1","E92000001"` + "\n"
	entries, problems, err := ReadWhere(strings.NewReader(in), "ONSPD.csv", func(pc string) bool { return pc == "EH11AA" })
	if err != nil || len(problems) > 0 || len(entries) != 1 || entries[0].Postcode != "EH11AA" {
		t.Errorf("read = %+v, %v, %v; want EH1 1AA alone, the bad row not wanted not named", entries, problems, err)
	}
	_, problems, _ = ReadWhere(strings.NewReader(in), "ONSPD.csv", func(pc string) bool { return pc == "DH11AB" })
	if len(problems) != 1 || problems[0].Field != "la" {
		t.Errorf("problems = %v; want the wanted bad row named", problems)
	}
}
