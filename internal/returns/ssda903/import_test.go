package ssda903_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
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

func asFS(t testing.TB, r *ssda903.Return) fstest.MapFS {
	t.Helper()
	dir := fstest.MapFS{}
	for _, n := range ssda903.FileNames {
		var buf bytes.Buffer
		if err := r.WriteCSV(n, &buf); err != nil {
			t.Fatal(err)
		}
		dir[n+".csv"] = &fstest.MapFile{Data: buf.Bytes()}
	}
	return dir
}

// TestExportImportExportGivesTheSameFiles: a generated authority's
// return, imported into an empty database and exported again, gives the
// same bytes in every file, on both backends.
func TestExportImportExportGivesTheSameFiles(t *testing.T) {
	ctx := context.Background()
	opts := ssda903.Options{Year: 2026}
	st := generated(t, "sqlite", "small")
	makeAMother(t, st)
	recordOffending(t, st)
	first, err := ssda903.ExportStore(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	dropBlankUPNs(first)
	if !hasValue(first, ssda903.Header, "MC_DOB") || !hasValue(first, ssda903.Header, "MOTHER") ||
		!hasValue(first, ssda903.AD1, "SEX_ADOPTR") {
		t.Error("the generated return has no MOTHER, MC_DOB or who adopted: the round trip would not test them")
	}
	for _, col := range []string{"SDQ_SCORE", "SDQ_REASON", "CONVICTED", "IMMUNISATIONS", "SUBSTANCE_MISUSE",
		"INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"} {
		if !hasValue(first, ssda903.OC2, col) {
			t.Errorf("the generated return has no OC2 %s: the round trip would not test it", col)
		}
	}
	homes := 0
	for _, e := range first.Files[ssda903.Episodes] {
		if e.Get("HOME_POST") != "" {
			homes++
		}
	}
	if homes == 0 {
		t.Error("the generated return has no HOME_POST: the round trip would not test the home addresses")
	}
	orders := 0
	for _, p := range first.Files[ssda903.PrevPerm] {
		if p.Get("PREV_PERM") != "Z1" {
			orders++
		}
	}
	t.Logf("UASC rows: %d; PrevPerm rows: %d, %d with an order", len(first.Files[ssda903.UASC]),
		len(first.Files[ssda903.PrevPerm]), orders)
	for _, n := range []string{ssda903.Header, ssda903.Episodes, ssda903.Reviews, ssda903.UASC, ssda903.OC2, ssda903.OC3, ssda903.PrevPerm, ssda903.Missing, ssda903.SWEpisodes} {
		if len(first.Files[n]) == 0 {
			t.Errorf("the generated return has no %s rows: the round trip would not test them", n)
		}
	}
	dir := asFS(t, first)
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			read, problems, err := ssda903.ReadFS(dir)
			if err != nil || len(problems) > 0 {
				t.Fatalf("reading the export: %v %v", err, problems)
			}
			empty := storetest.Open(t, b)
			rep, err := ssda903.Import(ctx, empty, read, problems, ssda903.ImportOptions{Source: "first", Actor: store.Actor{Name: "test"}})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Written || len(rep.Refused) > 0 || len(rep.NotKept) > 0 || rep.Children != len(first.Files[ssda903.Header]) {
				t.Fatalf("import: %+v", rep)
			}
			second, err := ssda903.ExportStore(ctx, empty, opts)
			if err != nil {
				t.Fatal(err)
			}
			again := asFS(t, second)
			for _, n := range ssda903.FileNames {
				a, b := string(dir[n+".csv"].Data), string(again[n+".csv"].Data)
				if a != b {
					t.Errorf("%s.csv differs after the round trip: first line that differs: %s", n, firstDiff(a, b))
				}
			}
		})
	}
}

// firstDiff is the first line where a and b differ, as both.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		x, y := "", ""
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: %q, then %q", i+1, x, y)
		}
	}
	return ""
}

// TestImportRefusesBadRowsAndWritesNothing: a row with a problem refuses
// its child with file, line, field and why; without --partial nothing is
// written, with it the good child is.
func TestImportRefusesBadRowsAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	dir := fstest.MapFS{
		"Header.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,01/05/2012,WBRI,UN2,,\nB2,X,01/05/2012,WBRI,UN2,,\n")},
		"Episodes.csv": {Data: []byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
			"A1,01/05/2025,S,V2,N1,U6,PR1,01/06/2025,X1,CARPL,,AB1 2CD,\nA1,01/06/2025,P,V2,N1,K2,PR4,,,,,AB3 4EF,\n" +
			"B2,01/05/2025,S,V2,N1,U6,PR1,,,,,AB1 2CD,\n")},
		"Reviews.csv": {Data: []byte("CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/05/2012,30/02/2025,PN1\n")},
	}
	r, problems, err := ssda903.ReadFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t, "sqlite")
	rep, err := ssda903.Import(ctx, st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Written || len(rep.Refused) != 2 {
		t.Fatalf("want two refusals and nothing written: %+v", rep)
	}
	for _, want := range []string{"Header:3:B2:SEX", "Reviews:2:A1:REVIEW"} {
		found := false
		for _, f := range rep.Refused {
			found = found || strings.Join([]string{f.File, itoa(f.Line), f.Child, f.Field}, ":") == want && f.Why != ""
		}
		if !found {
			t.Errorf("no refusal %s in %+v", want, rep.Refused)
		}
	}
	if ex, _ := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026}); len(ex.Files[ssda903.Header]) != 0 {
		t.Fatal("a refused import wrote children")
	}
	dir["Reviews.csv"] = &fstest.MapFile{Data: []byte("CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/05/2012,20/06/2025,PN1\n")}
	r, problems, _ = ssda903.ReadFS(dir)
	rep, err = ssda903.Import(ctx, st, r, problems, ssda903.ImportOptions{Source: "dir", Partial: true, Actor: store.Actor{Name: "test"}})
	if err != nil || !rep.Written || rep.Children != 1 || rep.Periods != 1 || rep.Reviews != 1 {
		t.Fatalf("partial import: %v %+v", err, rep)
	}
	ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if got := ex.Files[ssda903.Episodes]; len(got) != 2 || got[1].Get("RNE") != "P" || got[0].Get("REASON_PLACE_CHANGE") != "CARPL" {
		t.Errorf("episodes after import: %d", len(got))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// dropBlankUPNs leaves out the children whose record holds neither a UPN
// nor the reason there is none: import refuses them (UPN may not be
// blank), as TestImportRefusesBadRowsAndWritesNothing shows for such rows.
func dropBlankUPNs(r *ssda903.Return) {
	drop := map[string]bool{}
	for _, h := range r.Files[ssda903.Header] {
		if h.Get("UPN") == "" {
			drop[h.Get("CHILD")] = true
		}
	}
	for n, rows := range r.Files {
		var keep []*ssda903.Row
		for _, row := range rows {
			if !drop[row.Get("CHILD")] {
				keep = append(keep, row)
			}
		}
		r.Files[n] = keep
	}
}

// hasValue: some row of file has a value in col.
func hasValue(r *ssda903.Return, file, col string) bool {
	for _, row := range r.Files[file] {
		if row.Get(col) != "" {
			return true
		}
	}
	return false
}

// makeAMother records the first girl aged 13 or over still looked after
// on 31 March 2026 as the mother of a child born on 1 January 2026, as
// the motherhood form would, so that MC_DOB goes round too (a small
// authority may have no mother of its own in the year).
func makeAMother(t *testing.T, st *store.Store) {
	t.Helper()
	y := ssda903.Year(2026)
	files, err := st.CareCaseFiles(context.Background(), y.Start(), y.End())
	if err != nil {
		t.Fatal(err)
	}
	born := calendar.Date(2026, time.January, 1)
	for _, cf := range files {
		c := cf.Child
		age, ok := c.AgeOn(born)
		if c.Sex != "F" || !ok || age < 13 || c.Motherhood.Mother != "0" || cf.LookedAfter.Start == nil ||
			cf.LookedAfter.Start.After(born) || (cf.LookedAfter.End != nil && !cf.LookedAfter.End.After(y.End())) {
			continue
		}
		if _, err := st.RecordMotherhood(context.Background(), store.Actor{Name: "test"}, c.ID, c.Version,
			casework.Motherhood{Mother: "1", FirstChildBorn: &born}); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("no girl of 13 or over looked after on 31 March 2026 to make a mother")
}
