package store_test

import (
	"fmt"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// BenchmarkCaseFilesOfATeam loads a team's 1,000 open case files (each
// with an involvement and a visit) per op: the team view's read.
//
//	go test -run '^$' -bench CaseFilesOfATeam ./internal/store
func BenchmarkCaseFilesOfATeam(b *testing.B) {
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			s := storetest.Open(b, backend, clock())
			team, err := s.CreateTeam(ctx, store.System, casework.Team{Name: "A", Kind: "assessment"})
			if err != nil {
				b.Fatal(err)
			}
			for i := range 1000 {
				c := newChild(b, s, fmt.Sprintf("LA%d", i), "Child", fmt.Sprint(i))
				if _, err := s.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
					StartDate: d(2026, 10, 1), TeamID: &team.ID}); err != nil {
					b.Fatal(err)
				}
				if _, err := s.RecordVisit(ctx, store.System, casework.Visit{ChildID: c.ID, Date: d(2026, 11, 2),
					Kind: "cin", Place: "home", Seen: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				files, err := s.CaseFiles(ctx, store.CaseFileFilter{TeamID: team.ID, OpenOnly: true})
				if err != nil || len(files) != 1000 {
					b.Fatalf("%d case files, %v", len(files), err)
				}
			}
		})
	}
}
