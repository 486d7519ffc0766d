package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestWriteSyntheticOutcomes: a batch's SDQs, convictions, immunisation
// checks and substance misuse are written on both backends, read back in
// the case file as given, and NextIDs moves past them.
func TestWriteSyntheticOutcomes(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := smallBatch(next)
		child, o := next.Child, next.Outcome
		b.Outcomes = []casework.CareOutcome{
			{ID: o, ChildID: child, Kind: casework.OutcomeSDQ, Date: d(2025, 6, 2), SDQScore: ptr(0)},
			{ID: o + 1, ChildID: child, Kind: casework.OutcomeSDQ, Date: d(2025, 7, 2), SDQReason: "SDQ5"},
			{ID: o + 2, ChildID: child, Kind: casework.OutcomeImmunisations, Date: d(2025, 8, 2), UpToDate: true},
			{ID: o + 3, ChildID: child, Kind: casework.OutcomeSubstanceMisuse, Date: d(2025, 9, 2), Offered: true,
				OfferedOn: ptr(d(2025, 9, 3)), Received: true}}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err != nil {
			t.Fatal(err)
		}
		cf, err := s.CaseFile(ctx, child)
		if err != nil {
			t.Fatal(err)
		}
		got := cf.Outcomes
		if len(got) != 4 || got[0].SDQScore == nil || *got[0].SDQScore != 0 || got[1].SDQScore != nil ||
			got[1].SDQReason != "SDQ5" || !got[2].UpToDate || !got[3].Received || got[3].ReceivedOn != nil ||
			got[3].OfferedOn == nil || !got[3].OfferedOn.Equal(d(2025, 9, 3)) {
			t.Errorf("outcomes read back = %+v", got)
		}
		if after, err := s.NextIDs(ctx); err != nil || after.Outcome != o+4 {
			t.Errorf("NextIDs after = %+v, %v; want past the outcomes", after, err)
		}
	})
}
