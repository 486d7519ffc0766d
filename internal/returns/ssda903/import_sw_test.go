package ssda903_test

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// lookedAfter is a return of one child in care from 1 May 2025 with the
// social worker episodes given.
func lookedAfter(child string, sw ...string) fstest.MapFS {
	return fstest.MapFS{
		"Header.csv":     csvFile(ssda903.Header, child+",F,01/05/2015,WBRI,UN2,,"),
		"Episodes.csv":   csvFile(ssda903.Episodes, child+",01/05/2025,S,C2,N1,U1,PR1,,,,,AB1 2CD,"),
		"SWEpisodes.csv": csvFile(ssda903.SWEpisodes, sw...),
	}
}

func importDir(t *testing.T, st *store.Store, dir fstest.MapFS) ssda903.ImportReport {
	t.Helper()
	r, problems, err := ssda903.ReadFS(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read: %v %v", err, problems)
	}
	rep, err := ssda903.Import(context.Background(), st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestImportSocialWorkerEpisodes: episodes become a case held by each
// social worker in turn; a worker is found by Social Work England number
// (made by the first import, found by the second), an "XX" worker is made
// without one and reported; exported again, the rows come back.
func TestImportSocialWorkerEpisodes(t *testing.T) {
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, b)
			rep := importDir(t, st, lookedAfter("A1", "A1,01/05/2015,SW123,01/05/2025,01/08/2025,FCONTA",
				"A1,01/05/2015,XX77,20/08/2025,,ABSENC"))
			if !rep.Written || len(rep.Refused) > 0 || rep.SocialWorkers != 2 {
				t.Fatalf("import: %+v", rep)
			}
			if len(rep.NotKept) != 1 || rep.NotKept[0].Field != "SW_ID" || rep.NotKept[0].Line != 3 {
				t.Errorf("not kept: %+v, want the XX77 of line 3", rep.NotKept)
			}
			if rep := importDir(t, st, lookedAfter("B2", "B2,01/05/2015,sw123,01/05/2025,,FCONTA")); !rep.Written || len(rep.Refused) > 0 {
				t.Fatalf("second import: %+v", rep)
			}
			workers, err := st.Workers(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, w := range workers {
				names = append(names, w.Name+" in "+w.TeamName)
			}
			if fmt.Sprint(names) != "[Social worker SW123 in Imported social workers Social worker XX77 in Imported social workers]" {
				t.Errorf("workers: %v", names)
			}
			ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, row := range ex.Files[ssda903.SWEpisodes] {
				got = append(got, fmt.Sprint(row.Get("CHILD"), " ", row.Get("SW_ID"), " ", row.Get("SW_DECOM"), "-", row.Get("SW_DEC"), " ", row.Get("SW_REASON")))
			}
			xx := "XX"
			for _, w := range workers {
				if w.Name == "Social worker XX77" {
					xx += fmt.Sprint(w.ID)
				}
			}
			want := []string{"A1 SW123 01/05/2025-01/08/2025 FCONTA", "A1 " + xx + " 20/08/2025- ABSENC", "B2 SW123 01/05/2025- FCONTA"}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("exported again:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestImportRefusesEpisodesThatCannotBeAHistory: a social worker episode
// starting before the one before ended, or while it is open, refuses the
// child with the line and field.
func TestImportRefusesEpisodesThatCannotBeAHistory(t *testing.T) {
	for _, sw := range [][]string{
		{"A1,01/05/2015,SW1,01/05/2025,01/08/2025,FCONTA", "A1,01/05/2015,SW2,20/07/2025,,LEFTRL"},
		{"A1,01/05/2015,SW1,01/05/2025,,FCONTA", "A1,01/05/2015,SW2,20/07/2025,,LEFTRL"},
		{"A1,01/05/2015,SW1,01/05/2025,01/05/2025,FCONTA"},
	} {
		rep := importDir(t, storetest.Open(t, "sqlite"), lookedAfter("A1", sw...))
		if rep.Written || len(rep.Refused) != 1 || rep.Refused[0].File != ssda903.SWEpisodes || rep.Refused[0].Line < 2 {
			t.Errorf("%v: %+v", sw, rep)
		}
	}
}
