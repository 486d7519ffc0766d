package ssda903_test

import (
	"strings"
	"testing"

	"sightline/internal/returns/ssda903"
)

const providerHeader = "URN,Setting name,Provider type,Placement code,Placement provider code,Setting address postcode," +
	"Local authority code,Registration date,Deregistration date\n"

// TestAProviderListIsReadRowByRow: good rows become providers; each bad
// field of a row is a problem naming the file, line and field; a list
// without one of the columns the rules need is refused whole.
func TestAProviderListIsReadRowByRow(t *testing.T) {
	list := providerHeader +
		"sc123456,Oak House,Children's home,K2,PR4,dh1 1aa,840,01/05/2019,\n" +
		"SC654321,Elm Lodge,CH,K2,PR4,NE1 4AB,391,2018-02-01,30/06/2025\n" +
		"SC111111,Ash Court,Children's home,K2,PR4,DH1 1AA,840,31/02/2019,\n" +
		"SC123456,Oak House again,CH,K2,PR4,DH1 1AA,840,01/05/2019,not a date\n"
	ps, problems, err := ssda903.ReadProviders(strings.NewReader(list), "providers.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].URN != "SC123456" || ps[0].Postcode != "DH1 1AA" || ps[1].Closed == nil {
		t.Errorf("providers read: %+v", ps)
	}
	var got []string
	for _, p := range problems {
		if p.File != "providers.csv" || p.Message == "" {
			t.Errorf("problem without its file or why: %+v", p)
		}
		got = append(got, itoa(p.Line)+":"+p.Field)
	}
	if want := "4:Registration date 5:Deregistration date 5:URN"; // the columns as the file names them
	strings.Join(got, " ") != want {
		t.Errorf("problems at %q, want %q\n%v", strings.Join(got, " "), want, problems)
	}
	_, _, err = ssda903.ReadProviders(strings.NewReader("URN,Setting name\nSC123456,Oak House\n"), "short.csv")
	if err == nil || !strings.Contains(err.Error(), "short.csv") || !strings.Contains(err.Error(), `"provider type"`) {
		t.Errorf("a list without the columns: %v", err)
	}
}

// FuzzReadProviders: whatever the bytes, ReadProviders returns providers,
// problems or an error, never panics, and every problem names its line
// and field.
func FuzzReadProviders(f *testing.F) {
	f.Add([]byte(providerHeader + "SC123456,Oak House,CH,K2,PR4,DH1 1AA,840,01/05/2019,\n"))
	f.Add([]byte(providerHeader + "x,,,,,,,,\n\"unclosed"))
	f.Add([]byte("\ufeffurn,name\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, problems, err := ssda903.ReadProviders(strings.NewReader(string(b)), "f.csv")
		if err != nil {
			return
		}
		for _, p := range problems {
			if p.Line < 2 || p.Field == "" || p.Message == "" {
				t.Fatalf("problem without a line, field or why: %+v", p)
			}
		}
	})
}
