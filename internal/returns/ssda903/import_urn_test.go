package ssda903_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store/storetest"
)

// TestImportKeepsPlacementURNs: a placement keeps the URN of the episode
// it began, XXXXXXX too; a URN on a type that takes none, one of no Ofsted
// shape, or another URN on a later episode of the same placement is
// reported as not kept; the export gives each episode its URN again.
func TestImportKeepsPlacementURNs(t *testing.T) {
	ctx := context.Background()
	const cols = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
	dir := fstest.MapFS{
		"Header.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,01/05/2012,WBRI,UN2,,\n")},
		"Episodes.csv": {Data: []byte(cols +
			"A1,01/05/2025,S,V2,N1,U6,PR1,01/06/2025,X1,,LS1 1AA,AB1 2CD,sc100001\n" +
			"A1,01/06/2025,L,C2,N1,U6,PR1,01/07/2025,X1,CARPL,LS1 1AA,AB1 2CD,SC100002\n" +
			"A1,01/07/2025,P,C2,N1,K2,PR4,01/08/2025,X1,CHILD,LS1 1AA,AB3 4EF,XXXXXXX\n" +
			"A1,01/08/2025,P,C2,N1,P1,PR0,01/09/2025,X1,CARPL,LS1 1AA,LS1 1AA,SC100003\n" +
			"A1,01/09/2025,P,C2,N1,K2,PR4,,,,LS1 1AA,AB3 4EF,HOME1\n")},
	}
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			st, rep := imported(t, b, dir)
			var notKept []string
			for _, n := range rep.NotKept {
				notKept = append(notKept, strings.Join([]string{itoa(n.Line), n.Field}, ":"))
			}
			if want := []string{"3:URN", "5:URN", "6:URN"}; !slices.Equal(notKept, want) {
				t.Errorf("not kept: %v, want %v", notKept, want)
			}
			again, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			var urns []string
			for _, row := range again.Files[ssda903.Episodes] {
				urns = append(urns, row.Get("URN"))
			}
			if want := []string{"SC100001", "SC100001", "XXXXXXX", "", ""}; !slices.Equal(urns, want) {
				t.Errorf("exported URNs %q, want %q", urns, want)
			}
		})
	}
}
