package store_test

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestCINCaseFilesAreTheChildrenInNeedOfTheYear: a child is in the 2025 to
// 2026 census when a referral episode of theirs is open at some time from
// 1 April 2025 to 31 March 2026; ChildKeys gives every child's identifiers
// and referral dates; an import batch holds real children only.
func TestCINCaseFilesAreTheChildrenInNeedOfTheYear(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		n, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := &store.SyntheticBatch{Seq: 1}
		add := func(la string, referred time.Time, closed *time.Time) {
			id := n.Child + int64(len(b.Children))
			b.Children = append(b.Children, casework.Child{ID: id, LAChildID: la, UPN: "", FirstName: la, Sex: "F",
				DateOfBirth: ptr(d(2015, 1, 1)), Synthetic: true})
			b.Referrals = append(b.Referrals, casework.Referral{ID: n.Referral + int64(len(b.Referrals)), ChildID: id,
				Date: referred, Source: "1A", ClosureDate: closed, ClosureReason: "RC7"})
		}
		add("CLOSEDBEFORE", d(2024, 6, 1), ptr(d(2025, 3, 31)))
		add("CLOSEDINYEAR", d(2024, 6, 1), ptr(d(2025, 4, 1)))
		add("OPEN", d(2023, 1, 9), nil)
		add("REFERREDLAST", d(2026, 3, 31), nil)
		add("REFERREDAFTER", d(2026, 4, 1), nil)
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err != nil {
			t.Fatal(err)
		}
		files, err := s.CINCaseFiles(ctx, d(2025, 4, 1), d(2026, 3, 31))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, f.Child.LAChildID)
		}
		slices.Sort(got)
		if want := []string{"CLOSEDINYEAR", "OPEN", "REFERREDLAST"}; !slices.Equal(got, want) {
			t.Errorf("census children %v, want %v", got, want)
		}
		keys, err := s.ChildKeys(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 5 || keys[2].LAChildID != "OPEN" || len(keys[2].Referrals) != 1 || !keys[2].Referrals[0].Equal(d(2023, 1, 9)) {
			t.Errorf("child keys: %+v", keys)
		}
		w := s.SyntheticWriter()
		defer w.Close()
		if _, err := w.WriteImported(ctx, store.System, &store.SyntheticBatch{Seq: 2, Children: b.Children[:1]}, "x.xml"); err == nil {
			t.Error("an import batch took a child marked synthetic")
		}
	})
}
