package store_test

import (
	"fmt"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// BenchmarkCareLeaverFiles loads the case files of 1,000 care leavers
// (each with a pathway plan, a review and two contacts) per op: the care leavers list's read.
//
//	go test -run '^$' -bench CareLeaverFiles ./internal/store
func BenchmarkCareLeaverFiles(b *testing.B) {
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			s := storetest.Open(b, backend, clock())
			for i := range 1000 {
				c := must[casework.Child](b)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: fmt.Sprintf("CL%d", i),
					FirstName: "Young", LastName: fmt.Sprint(i), DateOfBirth: ptr(d(2007, time.Month(1+i%12), 1+i%28)), Sex: "F", Ethnicity: "WBRI"}))
				must[casework.CareLeaver](b)(s.SaveCareLeaver(ctx, store.System, casework.CareLeaver{ChildID: c.ID,
					Category: casework.LeaverFormerRelevant, From: d(2025, 12, 31), CareStarted: ptr(d(2019, 1, 1)), CareEnded: ptr(d(2024, 12, 1))}))
				for i, k := range []string{casework.PathwayPlan, casework.PathwayReview} {
					must[casework.PathwayRecord](b)(s.RecordPathway(ctx, store.System, casework.PathwayRecord{ChildID: c.ID, Kind: k,
						Date: d(2026, time.Month(1+5*i), 5)}))
				}
				for _, on := range []int{3, 9} {
					must[casework.LeaverContact](b)(s.RecordLeaverContact(ctx, store.System, casework.LeaverContact{ChildID: c.ID,
						Date: d(2026, time.Month(1+on), 10), InTouch: "YES", Activity: "F5", Accom: "D1"}))
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				files, err := s.CareLeaverFiles(ctx)
				if err != nil || len(files) != 1000 {
					b.Fatalf("%d case files, %v", len(files), err)
				}
			}
		})
	}
}
