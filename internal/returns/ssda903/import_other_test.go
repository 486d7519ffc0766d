package ssda903_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// csvFile is a file of the return from its rows, the header row added.
func csvFile(name string, rows ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(strings.Join(ssda903.Columns[name], ",") + "\n" + strings.Join(rows, "\n") + "\n")}
}

// adoptedAndLeaver is a return of two children: A1, looked after since
// before the year, placed with adopters and adopted in it, missing once;
// B2, a care leaver who turned 19 in the year.
func adoptedAndLeaver() fstest.MapFS {
	return fstest.MapFS{
		"Header.csv": csvFile(ssda903.Header, "A1,F,01/05/2020,WBRI,UN2,0,", "B2,M,10/10/2006,WBRI,UN1,0,"),
		"Episodes.csv": csvFile(ssda903.Episodes,
			"A1,01/02/2025,P,E1,N1,U1,PR1,01/09/2025,X1,CARPL,,AB1 2CD,",
			"A1,01/09/2025,P,E1,N1,A4,PR1,10/02/2026,E11,,,AB3 4EF,"),
		"Reviews.csv":        csvFile(ssda903.Reviews),
		"OC2.csv":            csvFile(ssda903.OC2),
		"OC3.csv":            csvFile(ssda903.OC3, "B2,10/10/2006,YES,F2,D1"),
		"AD1.csv":            csvFile(ssda903.AD1, "A1,01/05/2020,01/03/2025,15/07/2025,0,2,MF,L3"),
		"PlacedAdoption.csv": csvFile(ssda903.PlacedAdoption, "A1,01/05/2020,01/03/2025,,"),
		"PrevPerm.csv":       csvFile(ssda903.PrevPerm),
		"Missing.csv":        csvFile(ssda903.Missing, "A1,01/05/2020,A,03/06/2025,04/06/2025"),
	}
}

// TestImportAdoptionLeaverAndMissing: AD1 and PlacedAdoption become one
// adoption plan, OC3 a care leaver's birthday record, Missing a missing
// period, Header's MOTHER the girl's motherhood; exported again they give
// the same rows, and what sightline cannot keep (a boy's MOTHER) is
// reported, not dropped in silence.
func TestImportAdoptionLeaverAndMissing(t *testing.T) {
	ctx := context.Background()
	dir := adoptedAndLeaver()
	st, rep := imported(t, "sqlite", dir)
	if rep.Adoptions != 1 || rep.Leavers != 1 || rep.Missing != 1 {
		t.Errorf("counts: %+v", rep)
	}
	if len(rep.NotKept) != 1 || rep.NotKept[0].File != ssda903.Header || rep.NotKept[0].Field != "MOTHER" || rep.NotKept[0].Line != 3 {
		t.Errorf("not kept: %+v, want Header line 3 MOTHER", rep.NotKept)
	}
	ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		ssda903.AD1:            "A1,01/05/2020,01/03/2025,15/07/2025,0,2,MF,L3",
		ssda903.Header:         "A1,F,01/05/2020,WBRI,UN2,0,",
		ssda903.PlacedAdoption: "A1,01/05/2020,01/03/2025,,",
		ssda903.OC3:            "B2,10/10/2006,YES,F2,D1",
		ssda903.Missing:        "A1,01/05/2020,A,03/06/2025,04/06/2025",
		ssda903.Episodes:       "A1,01/02/2025,P,E1,N1,U1,PR1,01/09/2025,X1,CARPL,,AB1 2CD,",
	}
	got := asFS(t, ex)
	for file, row := range want {
		if lines := strings.Split(string(got[file+".csv"].Data), "\n"); len(lines) < 2 || lines[1] != row {
			t.Errorf("%s after import: %q, want %q", file, lines[1:], row)
		}
	}
}

// TestImportRefusesRowsOfOtherFiles: a row of OC2, OC3, AD1, Missing or
// PlacedAdoption that cannot be placed refuses its child with file, line,
// field and why, and nothing is written.
func TestImportRefusesRowsOfOtherFiles(t *testing.T) {
	cases := []struct {
		name, file, row, want string
	}{
		{"OC2 of a child not looked after on 31 March", ssda903.OC2, "A1,01/05/2020,,,,,,1,1,,,", "OC2:2:CHILD"},
		{"OC3 of a child who was not 17 to 21", ssda903.OC3, "A1,01/05/2020,YES,F2,D1", "OC3:2:DOB"},
		{"a second AD1 row", ssda903.AD1, "A1,01/05/2020,01/03/2025,15/07/2025,,,,\nA1,01/05/2020,,,,,,", "AD1:3:CHILD"},
		{"back before going missing", ssda903.Missing, "A1,01/05/2020,M,03/06/2025,01/06/2025", "Missing:2:MIS_END"},
		{"a decision reversed before it was made", ssda903.PlacedAdoption, "A1,01/05/2020,01/03/2025,01/02/2025,RD1",
			"PlacedAdoption:2:DATE_PLACED_CEASED"},
		{"adopters that do not agree", ssda903.AD1, "A1,01/05/2020,01/03/2025,15/07/2025,0,1,MF,L0", "AD1:2:SEX_ADOPTR"},
		{"a number of adopters not 1 or 2", ssda903.AD1, "A1,01/05/2020,01/03/2025,15/07/2025,0,3,MF,L11", "AD1:2:NB_ADOPTR"},
		{"adopters in part", ssda903.AD1, "A1,01/05/2020,01/03/2025,15/07/2025,0,,MF,", "AD1:2:NB_ADOPTR"},
		{"adopted by foster carers from a placement with others (A4)", ssda903.AD1,
			"A1,01/05/2020,01/03/2025,15/07/2025,1,2,MF,L3", "AD1:2:FOSTER_CARE"},
		{"a child not in Header", ssda903.Missing, "Z9,01/05/2020,M,03/06/2025,04/06/2025", "Missing:2:CHILD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := adoptedAndLeaver()
			dir[c.file+".csv"] = csvFile(c.file, c.row)
			r, problems, err := ssda903.ReadFS(dir)
			if err != nil || len(problems) > 0 {
				t.Fatalf("read: %v %v", err, problems)
			}
			st := storetest.Open(t, "sqlite")
			rep, err := ssda903.Import(context.Background(), st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"}})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Written || len(rep.Refused) != 1 {
				t.Fatalf("want one refusal and nothing written: %+v", rep)
			}
			f := rep.Refused[0]
			if got := f.File + ":" + itoa(f.Line) + ":" + f.Field; got != c.want || f.Why == "" {
				t.Errorf("refusal %s (%s), want %s", got, f.Why, c.want)
			}
		})
	}
}

// imported reads the return in dir and imports it into a new store of
// backend b, failing the test on a problem reading it, an error, or a
// child refused.
func imported(t *testing.T, b string, dir fs.FS) (*store.Store, ssda903.ImportReport) {
	t.Helper()
	r, problems, err := ssda903.ReadFS(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("reading: %v %v", err, problems)
	}
	st := storetest.Open(t, b)
	rep, err := ssda903.Import(context.Background(), st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"}})
	if err != nil || !rep.Written || len(rep.Refused) > 0 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	return st, rep
}
