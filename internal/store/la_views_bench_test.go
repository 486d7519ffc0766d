package store_test

import (
	"os"
	"testing"

	"sightline/internal/store"
)

// BenchmarkAllocationViewsLA measures caseloads, drift and the queue on an
// `la` authority generated beforehand (generating one takes 15 to 25 s, too
// long to repeat while profiling):
//
//	sightline generate --db /tmp/la.db --scenario inadequate-2015 --size la --seed 1
//	SIGHTLINE_LA_SQLITE=/tmp/la.db SIGHTLINE_LA_POSTGRES='postgres://…&search_path=la' \
//	  go test -run '^$' -bench AllocationViewsLA -cpuprofile cpu.out ./internal/store
//
// Without those variables it is skipped; TestAllocationViewsAtLAScale
// generates its own authority instead.
func BenchmarkAllocationViewsLA(b *testing.B) {
	asAt := d(2015, 6, 30)
	for _, backend := range []struct{ name, env string }{{"sqlite", "SIGHTLINE_LA_SQLITE"}, {"postgres", "SIGHTLINE_LA_POSTGRES"}} {
		dsn := os.Getenv(backend.env)
		if dsn == "" {
			continue
		}
		b.Run(backend.name, func(b *testing.B) {
			s, err := store.Open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.Run("caseloads", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Caseloads(ctx, store.CaseloadFilter{AsAt: asAt}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("drift", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Drift(ctx, store.DriftFilter{AsAt: asAt}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("queue-all", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.UnallocatedQueue(ctx, store.QueueFilter{AsAt: asAt}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("queue-team", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: 2, AsAt: asAt}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
