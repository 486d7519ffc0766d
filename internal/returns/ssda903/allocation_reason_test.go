package ssda903_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// TestTheAllocationsReasonCodeIsTheReturnsSWReason: a case given to a
// worker with a code (the allocation form's choice) is exported with that
// code as SW_REASON, whatever the note says; a code not of the list, or
// Other without a note, is refused with the field named.
func TestTheAllocationsReasonCodeIsTheReturnsSWReason(t *testing.T) {
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, b)
			importDir(t, st, lookedAfter("A1", "A1,01/05/2015,SW123,01/05/2025,01/08/2025,FCONTA",
				"A1,01/05/2015,SW456,01/08/2025,,LEFTRL"))
			child, inv, first := importedCase(t, st)
			on := time.Date(2025, time.September, 1, 0, 0, 0, 0, time.UTC)
			for _, c := range []struct{ code, note, field string }{{"", "Review", "reason_code"}, {"CHILD", "", "reason_code"}, {"OTHERS", " ", "reason"}} {
				err := st.Allocate(ctx, store.System, inv.ID, inv.Version, first, on, c.code, c.note)
				var v *casework.ValidationError
				if !errors.As(err, &v) || !v.Has(c.field) {
					t.Errorf("allocating with code %q and note %q: %v, want a refusal on %s", c.code, c.note, err, c.field)
				}
			}
			if err := st.Allocate(ctx, store.System, inv.ID, inv.Version, first, on, "CHCHAN", "Asked at her review for the worker she knew"); err != nil {
				t.Fatal(err)
			}
			ex, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, row := range ex.Files[ssda903.SWEpisodes] {
				got = append(got, row.Get("SW_DECOM")+" "+row.Get("SW_REASON"))
			}
			if want := "[01/05/2025 FCONTA 01/08/2025 LEFTRL 01/09/2025 CHCHAN]"; fmt.Sprint(got) != want {
				t.Errorf("child %d's SW_REASONs: %v, want %s", child, got, want)
			}
		})
	}
}

// importedCase is the imported child's id, open case and the worker of
// its first social worker episode (SW123).
func importedCase(t *testing.T, st *store.Store) (int64, casework.Involvement, int64) {
	t.Helper()
	ctx := context.Background()
	byNo, err := st.WorkersBySWENo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files, err := st.CareCaseFiles(ctx, ssda903.Year(2026).Start(), ssda903.Year(2026).End())
	if err != nil || len(files) != 1 {
		t.Fatalf("case files: %d, %v", len(files), err)
	}
	invs, err := st.Involvements(ctx, files[0].Child.ID)
	if err != nil || len(invs) != 1 {
		t.Fatalf("involvements: %v, %v", invs, err)
	}
	return files[0].Child.ID, invs[0], byNo["SW123"]
}
