package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestWriteSyntheticLeavers: a batch's care leaver records, pathway plans,
// OC3 birthday contacts and permanence plans are written on both backends, read back in
// the case file as given (the latest leaver record wins), and NextIDs
// moves past them.
func TestWriteSyntheticLeavers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := smallBatch(next)
		child, l := next.Child, next.CareLeaver
		b.Leavers = []casework.CareLeaver{
			{ID: l, ChildID: child, Category: casework.LeaverRelevant, From: d(2025, 2, 1),
				Adviser: "Sam Pryce", AdviserFrom: ptr(d(2025, 2, 1))},
			{ID: l + 1, ChildID: child, Category: casework.LeaverFormerRelevant, From: d(2025, 9, 1),
				Adviser: "Sam Pryce", AdviserFrom: ptr(d(2025, 2, 1))}}
		b.Pathway = []casework.PathwayRecord{{ID: next.Pathway, ChildID: child, Kind: casework.PathwayPlan, Date: d(2025, 1, 6)},
			{ID: next.Pathway + 1, ChildID: child, Kind: casework.PathwayReview, Date: d(2025, 7, 7)}}
		b.LeaverContacts = []casework.LeaverContact{{ID: next.LeaverContact, ChildID: child, Date: d(2025, 9, 3),
			Birthday: 18, InTouch: "YES", Activity: "F2", Accom: "D1"}}
		b.Permanence = []casework.PermanencePlan{{ID: next.Permanence, ChildID: child, Plan: casework.PermAdoption,
			DecidedOn: d(2024, 3, 1), ShouldBePlaced: ptr(d(2024, 3, 1)), Matched: ptr(d(2024, 9, 2)),
			AdoptionOrder: ptr(d(2025, 1, 20)), Reversed: nil}}
		sum, err := s.WriteSyntheticBatch(ctx, store.System, b)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 17+6 {
			t.Errorf("summary = %+v, want 23 rows", sum)
		}
		cf, err := s.CaseFile(ctx, child)
		if err != nil {
			t.Fatal(err)
		}
		if cf.Leaver == nil || cf.Leaver.ID != l+1 || cf.Leaver.Category != casework.LeaverFormerRelevant ||
			cf.Leaver.Adviser != "Sam Pryce" {
			t.Errorf("leaver read back = %+v", cf.Leaver)
		}
		if len(cf.Pathway) != 2 || cf.Pathway[0].Kind != casework.PathwayPlan || !cf.Pathway[1].Date.Equal(d(2025, 7, 7)) {
			t.Errorf("pathway read back = %+v", cf.Pathway)
		}
		if len(cf.LeaverContacts) != 1 || cf.LeaverContacts[0].Birthday != 18 || cf.LeaverContacts[0].Accom != "D1" ||
			cf.LeaverContacts[0].Activity != "F2" {
			t.Errorf("contacts read back = %+v", cf.LeaverContacts)
		}
		if len(cf.Permanence) != 1 || !cf.Permanence[0].Matched.Equal(d(2024, 9, 2)) ||
			!cf.Permanence[0].AdoptionOrder.Equal(d(2025, 1, 20)) || cf.Permanence[0].Reversed != nil {
			t.Errorf("permanence read back = %+v", cf.Permanence)
		}
		after, err := s.NextIDs(ctx)
		if err != nil || after.CareLeaver != l+2 || after.Pathway != next.Pathway+2 ||
			after.LeaverContact != next.LeaverContact+1 || after.Permanence != next.Permanence+1 {
			t.Errorf("NextIDs after = %+v, %v; want past the leaver records", after, err)
		}
	})
}
