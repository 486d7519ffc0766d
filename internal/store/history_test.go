package store_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// randomWrites makes n writes of every kind the history records, chosen by
// a seeded generator so that a failure can be reproduced.
func randomWrites(t testing.TB, s *store.Store, n int, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	author := newUser(t, s, "writer", auth.SocialWorker).Actor()
	team, err := s.CreateTeam(ctx, store.System, casework.Team{Name: "Assessment", Kind: "assessment"})
	if err != nil {
		t.Fatal(err)
	}
	var workers []int64
	for _, name := range []string{"Wendy", "Will", "Wu"} {
		w, err := s.CreateWorker(ctx, store.System, casework.Worker{Name: name, TeamID: &team.ID, FTE: 1,
			EmploymentType: casework.Permanent, StartDate: d(2020, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		workers = append(workers, w.ID)
	}
	type versioned struct {
		id      int64
		version int
	}
	var children []casework.Child
	var notes, involvements []versioned
	pick := func(n int) int { return r.IntN(n) }
	day := func() time.Time { return d(2026, 1, 1).AddDate(0, 0, pick(320)) }

	for i := 0; i < n; i++ {
		op := pick(10)
		switch {
		case op == 0 || len(children) == 0: // create a child
			c, err := s.CreateChild(ctx, author, casework.Child{LAChildID: fmt.Sprintf("R%06d", i),
				FirstName: "Rand", LastName: fmt.Sprintf("Child%d", i), DateOfBirth: ptr(d(2010+pick(15), 1+time.Month(pick(12)), 1+pick(28))),
				Sex: "F"})
			if err != nil {
				t.Fatalf("write %d: create child: %v", i, err)
			}
			children = append(children, c)
		case op == 1: // update a child
			k := pick(len(children))
			c := children[k]
			c.KnownAs = fmt.Sprintf("Nick%d", pick(1000))
			c, err := s.UpdateChild(ctx, author, c)
			if err != nil {
				t.Fatalf("write %d: update child: %v", i, err)
			}
			children[k] = c
		case op <= 5: // add a note
			c := children[pick(len(children))]
			nt, err := s.AddNote(ctx, author, note(c.ID, fmt.Sprintf("Note %d", i), day()))
			if err != nil {
				t.Fatalf("write %d: add note: %v", i, err)
			}
			notes = append(notes, versioned{nt.ID, nt.Version})
		case op == 6 && len(notes) > 0: // mark a note in error
			k := pick(len(notes))
			if err := s.MarkNoteInError(ctx, author, notes[k].id, notes[k].version, "Wrong child"); err != nil {
				t.Fatalf("write %d: mark note in error: %v", i, err)
			}
			notes[k].version++
		case op <= 8 || len(involvements) == 0: // open an involvement
			c := children[pick(len(children))]
			inv, err := s.OpenInvolvement(ctx, author, casework.Involvement{ChildID: c.ID, StartDate: day(),
				TeamID: &team.ID, WorkerID: &workers[pick(len(workers))]})
			if err != nil {
				t.Fatalf("write %d: open involvement: %v", i, err)
			}
			involvements = append(involvements, versioned{inv.ID, inv.Version})
		default: // reallocate
			k := pick(len(involvements))
			err := s.Allocate(ctx, author, involvements[k].id, involvements[k].version, workers[pick(len(workers))], day(), "MANAGE", "Caseload")
			if err != nil {
				t.Fatalf("write %d: allocate: %v", i, err)
			}
			involvements[k].version++
		}
	}
}

func wantWholeChain(t testing.TB, s *store.Store) store.ChainReport {
	t.Helper()
	rep, err := s.VerifyHistory(ctx)
	if err != nil || rep.BrokenAt != 0 || rep.Problem != "" {
		t.Fatalf("VerifyHistory = %+v, %v; want a whole chain", rep, err)
	}
	if n := historyLen(t, s); rep.Events != n {
		t.Fatalf("VerifyHistory walked %d events, the history has %d", rep.Events, n)
	}
	return rep
}

func wantBrokenAt(t testing.TB, s *store.Store, seq int64, problem string) {
	t.Helper()
	rep, err := s.VerifyHistory(ctx)
	if !errors.Is(err, store.ErrChainBroken) {
		t.Fatalf("VerifyHistory = %+v, %v; want ErrChainBroken", rep, err)
	}
	if rep.BrokenAt != seq || !strings.Contains(rep.Problem, problem) {
		t.Errorf("VerifyHistory broken at %d (%q), want at %d with a problem mentioning %q", rep.BrokenAt, rep.Problem, seq, problem)
	}
}

// The history is whole after thousands of writes of every kind, and any
// change to it — an altered event, the last event or a middle one removed —
// is found at the right place.
func TestTheHistoryChainHoldsAfterManyWritesAndShowsTampering(t *testing.T) {
	writes := 10_000
	if testing.Short() {
		writes = 1_000
	}
	each(t, func(t *testing.T, s *store.Store) {
		start := time.Now()
		randomWrites(t, s, writes, 2026)
		wrote := time.Since(start)
		rep := wantWholeChain(t, s)
		t.Logf("%s: %d random writes in %v (%.0f/s), %d events, verified in %v",
			s.Backend(), writes, wrote.Round(time.Millisecond), float64(writes)/wrote.Seconds(), rep.Events,
			(time.Since(start) - wrote).Round(time.Millisecond))
		if rep.Events < int64(writes) {
			t.Fatalf("%d events for %d writes: every write must be in the history", rep.Events, writes)
		}

		t.Run("an altered event", func(t *testing.T) {
			seq := count(t, s, fmt.Sprintf(`SELECT min(seq) FROM history WHERE entity = 'case_note' AND action = 'create' AND seq > %d`, rep.Events/2))
			rawExec(t, s, fmt.Sprintf(`UPDATE history SET after_json = replace(after_json, 'Seen at home.', 'Not seen.') WHERE seq = %d`, seq))
			wantBrokenAt(t, s, seq, "altered")
			rawExec(t, s, fmt.Sprintf(`UPDATE history SET after_json = replace(after_json, 'Not seen.', 'Seen at home.') WHERE seq = %d`, seq))
			wantWholeChain(t, s) // put back exactly, the chain holds again
			rawExec(t, s, fmt.Sprintf(`UPDATE history SET actor_name = 'someone else' WHERE seq = %d`, seq+1))
			wantBrokenAt(t, s, seq+1, "altered")
		})

		small := func(t *testing.T) *store.Store {
			fresh := storetest.Open(t, s.Backend(), clock())
			u := newUser(t, fresh, "alice", auth.SocialWorker)
			c := newChild(t, fresh, "LA1", "Ada", "Lovelace")
			for i := range 8 {
				if _, err := fresh.AddNote(ctx, u.Actor(), note(c.ID, fmt.Sprintf("Visit %d", i), d(2026, 11, 1+i))); err != nil {
					t.Fatal(err)
				}
			}
			if rep := wantWholeChain(t, fresh); rep.Events != 10 {
				t.Fatalf("%d events, want 10", rep.Events)
			}
			return fresh
		}
		t.Run("the last event removed", func(t *testing.T) {
			fresh := small(t)
			rawExec(t, fresh, `DELETE FROM history WHERE seq = 10`)
			wantBrokenAt(t, fresh, 10, "head")
		})
		t.Run("a middle event removed", func(t *testing.T) {
			fresh := small(t)
			rawExec(t, fresh, `DELETE FROM history WHERE seq = 5`)
			wantBrokenAt(t, fresh, 5, "missing")
		})
		t.Run("the first event removed", func(t *testing.T) {
			fresh := small(t)
			rawExec(t, fresh, `DELETE FROM history WHERE seq = 1`)
			wantBrokenAt(t, fresh, 1, "missing")
		})
		t.Run("a link altered", func(t *testing.T) {
			fresh := small(t)
			rawExec(t, fresh, `UPDATE history SET prev_hash = 'x' WHERE seq = 7`)
			wantBrokenAt(t, fresh, 7, "link")
		})
	})
}
