package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestCareCaseFilesHoldTheChildsAddresses: the SSDA903 case files carry
// the child's addresses in start-date order (however they were entered),
// without one entered in error; other case files do not load them.
func TestCareCaseFilesHoldTheChildsAddresses(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		w.intoCare(child.ID, d(2026, 11, 9))
		for _, a := range []casework.Address{
			{ChildID: child.ID, Line1: "2 New Street", Postcode: "ls2 2bb", StartDate: d(2026, 6, 1)},
			{ChildID: child.ID, Line1: "1 Old Road", Postcode: "LS1 1AA", StartDate: d(2020, 1, 1), EndDate: ptr(d(2026, 6, 1))},
			{ChildID: child.ID, Line1: "9 Wrong Child", Postcode: "LS9 9ZZ", StartDate: d(2026, 10, 1)},
		} {
			must[casework.Address](t)(s.AddAddress(ctx, w.sw, a))
		}
		rawExec(t, s, `UPDATE addresses SET error_reason = 'another child''s address' WHERE postcode = 'LS9 9ZZ'`)
		files := must[[]casework.CaseFile](t)(s.CareCaseFiles(ctx, d(2026, 4, 1), d(2027, 3, 31)))
		if len(files) != 1 {
			t.Fatalf("%d case files, want the child in care", len(files))
		}
		var got []string
		for _, a := range files[0].Addresses {
			got = append(got, a.Postcode+" "+a.Line1+" "+a.StartDate.Format("2006-01-02"))
		}
		if want := []string{"LS1 1AA 1 Old Road 2020-01-01", "LS2 2BB 2 New Street 2026-06-01"}; !slices.Equal(got, want) {
			t.Errorf("addresses = %q, want %q", got, want)
		}
		if cf := w.caseFile(child.ID); cf.Addresses != nil {
			t.Errorf("a case file outside the return loads addresses: %+v", cf.Addresses)
		}
	})
}
