package ssda903_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// uascAndPrevPerm is a return of two children who came into care in the
// year: U1, an unaccompanied asylum-seeking boy whose status ceased on
// his 18th birthday in March; P2, adopted before, back in care under an
// order of another authority in June 2019 (day not known).
func uascAndPrevPerm(uasc, prevPerm string) fstest.MapFS {
	return fstest.MapFS{
		"Header.csv": csvFile(ssda903.Header, "U1,M,02/03/2008,BAFR,UN2,,", "P2,F,10/10/2015,WBRI,UN1,,"),
		"Episodes.csv": csvFile(ssda903.Episodes,
			"U1,01/06/2025,S,V2,N8,U6,PR4,02/03/2026,E17,,,AB1 2CD,",
			"P2,01/07/2025,S,C1,N1,U4,PR1,,,,,AB3 4EF,"),
		"UASC.csv":     csvFile(ssda903.UASC, uasc),
		"PrevPerm.csv": csvFile(ssda903.PrevPerm, "U1,02/03/2008,Z1,,", prevPerm),
	}
}

// TestImportUASCAndPreviousPermanence: the UASC row and an order before
// care are kept on the record, and exported again give the same rows.
func TestImportUASCAndPreviousPermanence(t *testing.T) {
	ctx := context.Background()
	st, rep := imported(t, "sqlite", uascAndPrevPerm("U1,M,02/03/2008,02/03/2026", "P2,10/10/2015,P1,316,ZZ/06/2019"))
	if len(rep.NotKept) > 0 || len(rep.NotRead) > 0 {
		t.Fatalf("import: %+v", rep)
	}
	if rep.UASC != 1 {
		t.Errorf("UASC rows imported = %d, want 1", rep.UASC)
	}
	u1, err := st.ChildByLAID(ctx, "U1")
	if err != nil {
		t.Fatal(err)
	}
	if !u1.UASC || u1.UASCCeased == nil || u1.UASCCeased.Format("2006-01-02") != "2026-03-02" {
		t.Errorf("U1 = UASC %v ceased %v, want UASC ceased 2 March 2026", u1.UASC, u1.UASCCeased)
	}
	ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	got := asFS(t, ex)
	for file, want := range map[string]string{
		ssda903.UASC:     "U1,M,02/03/2008,02/03/2026",
		ssda903.PrevPerm: "P2,10/10/2015,P1,316,ZZ/06/2019\nU1,02/03/2008,Z1,,",
	} {
		if lines := strings.SplitN(strings.TrimSpace(string(got[file+".csv"].Data)), "\n", 2); len(lines) < 2 || lines[1] != want {
			t.Errorf("%s after import: %q, want %q", file, lines[1:], want)
		}
	}
}

// TestImportRefusesBadUASCAndPreviousPermanence: a DUC after the 18th
// birthday (rule 304), an order with no authority (633) or dated after
// care began (632) refuses the child with file, line and field.
func TestImportRefusesBadUASCAndPreviousPermanence(t *testing.T) {
	ctx := context.Background()
	for name, c := range map[string]struct {
		uasc, prevPerm, file, field string
	}{
		"DUC after the 18th birthday": {"U1,M,02/03/2008,03/03/2026", "P2,10/10/2015,Z1,,", ssda903.UASC, "DUC"},
		"order without authority":     {"U1,M,02/03/2008,", "P2,10/10/2015,P2,,01/06/2019", ssda903.PrevPerm, "LA_PERM"},
		"order after care began":      {"U1,M,02/03/2008,", "P2,10/10/2015,P2,316,ZZ/07/2025", ssda903.PrevPerm, "DATE_PERM"},
	} {
		r, problems, err := ssda903.ReadFS(uascAndPrevPerm(c.uasc, c.prevPerm))
		if err != nil {
			t.Fatal(err)
		}
		st := storetest.Open(t, "sqlite")
		rep, err := ssda903.Import(ctx, st, r, problems, ssda903.ImportOptions{Source: "dir", Actor: store.Actor{Name: "test"}})
		if err != nil || rep.Written || len(rep.Refused) != 1 || rep.Refused[0].File != c.file ||
			rep.Refused[0].Field != c.field || rep.Refused[0].Line != 2 && rep.Refused[0].Line != 3 {
			t.Errorf("%s: %v %+v, want %s %s refused and nothing written", name, err, rep, c.file, c.field)
		}
	}
}
