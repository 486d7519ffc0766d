package ssda903_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// oc2Return is a return of children looked after since before the year
// with the OC2 rows given, in order K1, K2, ….
func oc2Return(rows ...string) fstest.MapFS {
	var header, eps []string
	for _, r := range rows {
		f := strings.Split(r, ",")
		header = append(header, f[0]+",M,"+f[1]+",WBRI,UN2,,")
		eps = append(eps, f[0]+",01/02/2024,S,C2,N1,U1,PR1,,,,,AB1 2CD,")
	}
	return fstest.MapFS{"Header.csv": csvFile(ssda903.Header, header...), "Episodes.csv": csvFile(ssda903.Episodes, eps...),
		"OC2.csv": csvFile(ssda903.OC2, rows...)}
}

// TestImportOC2Outcomes: the SDQ, conviction, immunisations and substance
// misuse of OC2 are kept and exported again as given; a reason beside a
// score, a conviction item of a child under 10 and an intervention
// without misuse are reported as not kept; an SDQ score over 40 refuses the child.
func TestImportOC2Outcomes(t *testing.T) {
	ctx := context.Background()
	r, problems, err := ssda903.ReadFS(oc2Return(
		"K1,01/05/2012,14,SDQ4,1,,1,1,1,1,0,1",
		"K2,01/06/2009,,SDQ5,0,,0,0,1,1,1,",
		"K3,01/06/2018,,SDQ2,0,,1,1,1,0,1,",
		"K4,01/06/2012,41,,0,,1,1,1,0,,"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("read: %v %v", err, problems)
	}
	st := storetest.Open(t, "sqlite")
	rep, err := ssda903.Import(ctx, st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"},
		Partial: true})
	if err != nil || !rep.Written {
		t.Fatalf("import: %v %+v", err, rep)
	}
	if len(rep.Refused) != 1 || rep.Refused[0].Child != "K4" || rep.Refused[0].Field != "SDQ_SCORE" {
		t.Errorf("refused: %+v, want K4's SDQ_SCORE", rep.Refused)
	}
	var notKept []string
	for _, n := range rep.NotKept {
		notKept = append(notKept, n.Child+" "+n.Field)
	}
	if strings.Join(notKept, "; ") != "K1 SDQ_REASON; K3 CONVICTED; K3 INTERVENTION_RECEIVED" {
		t.Errorf("not kept: %q", notKept)
	}
	ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(string(asFS(t, ex)["OC2.csv"].Data)), "\n")[1:]
	want := []string{"K1,01/05/2012,14,,1,,1,1,1,1,0,1", "K2,01/06/2009,,SDQ5,0,,0,0,1,1,1,", "K3,01/06/2018,,SDQ2,,,1,1,1,0,,"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("OC2 after import:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// recordOffending records, on the first two children 12 or over looked
// after for all of the year to 31 March 2026, a caution and substance
// misuse with an intervention received, and substance misuse with one
// offered and refused, so that a round trip of a small authority (which
// may have none) carries each OC2 value.
func recordOffending(t *testing.T, st *store.Store) {
	t.Helper()
	y := ssda903.Year(2026)
	files, err := st.CareCaseFiles(context.Background(), y.Start(), y.End())
	if err != nil {
		t.Fatal(err)
	}
	on := calendar.Date(2026, time.January, 5)
	var outcomes = [][]casework.CareOutcome{
		{{Kind: casework.OutcomeConviction, Date: on, Notes: "Youth caution"},
			{Kind: casework.OutcomeSubstanceMisuse, Date: on, Offered: true, Received: true}},
		{{Kind: casework.OutcomeSubstanceMisuse, Date: on, Offered: true}}}
	for _, cf := range files {
		age, ok := cf.Child.AgeOn(y.Start())
		if len(outcomes) == 0 || !ok || age < 12 || cf.LookedAfter.Start == nil || cf.LookedAfter.Start.After(y.Start()) ||
			(cf.LookedAfter.End != nil && !cf.LookedAfter.End.After(y.End())) {
			continue
		}
		for _, o := range outcomes[0] {
			o.ChildID = cf.Child.ID
			if _, err := st.RecordOutcome(context.Background(), store.Actor{Name: "test"}, o); err != nil {
				t.Fatal(err)
			}
		}
		outcomes = outcomes[1:]
	}
	if len(outcomes) > 0 {
		t.Fatal("fewer than two children of 12 or over looked after for the year")
	}
}
