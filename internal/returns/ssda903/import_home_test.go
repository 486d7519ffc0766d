package ssda903_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store/storetest"
)

// TestImportKeepsHomePostcodes: each period of care's HOME_POST becomes
// an address held from the day the period began (the one before ending
// then), none when the child already lives there; another postcode later
// in the same period, or a value that is no postcode, is reported as not
// kept; and the export gives each episode its HOME_POST again.
func TestImportKeepsHomePostcodes(t *testing.T) {
	ctx := context.Background()
	const cols = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
	dir := fstest.MapFS{
		"Header.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,01/05/2012,WBRI,UN2,,\nB2,M,01/05/2012,WBRI,UN2,,\n")},
		"Episodes.csv": {Data: []byte(cols +
			"A1,01/05/2025,S,C2,N1,U6,PR1,01/06/2025,X1,CARPL,ls11aa,AB1 2CD,\n" +
			"A1,01/06/2025,P,C2,N1,K2,PR4,01/07/2025,E4A,,LS2 2BB,AB3 4EF,\n" +
			"A1,01/09/2025,S,C2,N1,U6,PR1,01/10/2025,E4A,,LS1 1AA,AB1 2CD,\n" +
			"A1,01/11/2025,S,C2,N1,U6,PR1,,,,LS3 3CC,AB1 2CD,\n" +
			"B2,01/05/2025,S,C2,N1,U6,PR1,,,,NOPE1,AB1 2CD,\n")},
	}
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			st, rep := imported(t, b, dir)
			var notKept []string
			for _, n := range rep.NotKept {
				notKept = append(notKept, strings.Join([]string{n.File, itoa(n.Line), n.Child, n.Field}, ":"))
			}
			if want := []string{"Episodes:3:A1:HOME_POST", "Episodes:6:B2:HOME_POST"}; !slices.Equal(notKept, want) {
				t.Errorf("not kept: %v, want %v", notKept, want)
			}
			keys, err := st.ChildKeys(ctx)
			if err != nil || len(keys) != 2 {
				t.Fatalf("children: %v %+v", err, keys)
			}
			var homes []string
			for _, k := range keys {
				as, err := st.Addresses(ctx, k.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range as {
					end := "open"
					if a.EndDate != nil {
						end = a.EndDate.Format(time.DateOnly)
					}
					homes = append(homes, k.LAChildID+" "+a.Postcode+" "+a.StartDate.Format(time.DateOnly)+" "+end+" "+a.Line1)
				}
			}
			want := []string{ // the current one first
				"A1 LS3 3CC 2025-11-01 open Home postcode from the SSDA903 return",
				"A1 LS1 1AA 2025-05-01 2025-11-01 Home postcode from the SSDA903 return"}
			if !slices.Equal(homes, want) {
				t.Errorf("addresses:\n%s\nwant\n%s", strings.Join(homes, "\n"), strings.Join(want, "\n"))
			}
			ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range ex.Files[ssda903.Episodes] {
				got = append(got, e.Get("CHILD")+" "+e.Get("DECOM")+" "+e.Get("HOME_POST"))
			}
			if want := []string{"A1 01/05/2025 LS1 1AA", "A1 01/06/2025 LS1 1AA", "A1 01/09/2025 LS1 1AA", "A1 01/11/2025 LS3 3CC",
				"B2 01/05/2025 "}; !slices.Equal(got, want) {
				t.Errorf("exported HOME_POST:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
