package store_test

import (
	"fmt"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// benchStore is a migrated store with one author and one child to write on.
func benchStore(b *testing.B, backend string) (*store.Store, store.Actor, int64) {
	b.Helper()
	s := storetest.Open(b, backend, clock())
	u := newUser(b, s, "author", auth.SocialWorker)
	c := newChild(b, s, "LA1", "Ada", "Lovelace")
	return s, u.Actor(), c.ID
}

// BenchmarkAddNote measures one case note insert (validation, the row and
// its history event in one transaction) per op.
func BenchmarkAddNote(b *testing.B) {
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			s, author, childID := benchStore(b, backend)
			n := note(childID, "Home visit", d(2026, 11, 20))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.AddNote(ctx, author, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInsert100kNotes writes 100,000 notes one transaction each, as
// workers would, into a fresh database per iteration and reports the rate.
// It takes a while: run it once with
//
//	go test -run '^$' -bench Insert100kNotes -benchtime 1x ./internal/store
func BenchmarkInsert100kNotes(b *testing.B) {
	const notes = 100_000
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			var total time.Duration
			for range b.N {
				b.StopTimer()
				s, author, childID := benchStore(b, backend)
				b.StartTimer()
				start := time.Now()
				for i := range notes {
					if _, err := s.AddNote(ctx, author, note(childID, fmt.Sprintf("Note %d", i), d(2026, 11, 1+i%24))); err != nil {
						b.Fatal(err)
					}
				}
				total += time.Since(start)
				b.StopTimer()
				if rep, err := s.VerifyHistory(ctx); err != nil || rep.Events != notes+2 {
					b.Fatalf("history after the inserts = %+v, %v", rep, err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(notes*b.N)/total.Seconds(), "notes/s")
		})
	}
}
