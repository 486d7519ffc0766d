package store_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAnInvalidNoteIsRefusedFieldByFieldAndNothingIsWritten(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "alice", auth.SocialWorker)
		c := newChild(t, s, "LA1", "Ada", "Lovelace")
		cases := []struct {
			name   string
			change func(*casework.Note)
			fields []string
		}{
			{"date tomorrow", func(n *casework.Note) { n.Date = d(2026, 11, 25) }, []string{"date"}},
			{"no date", func(n *casework.Note) { n.Date = time.Time{} }, []string{"date"}},
			{"no subject", func(n *casework.Note) { n.Subject = "  " }, []string{"subject"}},
			{"subject too long", func(n *casework.Note) { n.Subject = strings.Repeat("s", casework.MaxSubject+1) }, []string{"subject"}},
			{"no body", func(n *casework.Note) { n.Body = " \n\t" }, []string{"body"}},
			{"body too long", func(n *casework.Note) { n.Body = strings.Repeat("é", casework.MaxBody+1) }, []string{"body"}},
			{"unknown kind", func(n *casework.Note) { n.Kind = "gossip" }, []string{"kind"}},
			{"no kind", func(n *casework.Note) { n.Kind = "" }, []string{"kind"}},
			{"everything wrong", func(n *casework.Note) { *n = casework.Note{ChildID: n.ChildID} }, []string{"body", "date", "kind", "subject"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				events := historyLen(t, s)
				n := note(c.ID, "Home visit", d(2026, 11, 24))
				tc.change(&n)
				_, err := s.AddNote(ctx, u.Actor(), n)
				wantFields(t, err, tc.fields...)
				if got := historyLen(t, s); got != events {
					t.Errorf("history grew from %d to %d on a refused note", events, got)
				}
				if got := count(t, s, `SELECT count(*) FROM case_notes`); got != 0 {
					t.Errorf("%d notes stored after refused notes", got)
				}
			})
		}
		t.Run("a note of the longest allowed size is kept whole", func(t *testing.T) {
			n := note(c.ID, strings.Repeat("s", casework.MaxSubject), d(2026, 11, 24))
			n.Body = strings.Repeat("é", casework.MaxBody)
			saved, err := s.AddNote(ctx, u.Actor(), n)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Note(ctx, saved.ID)
			if err != nil || got.Body != n.Body || got.Subject != n.Subject {
				t.Errorf("longest note read back with %d-byte body, %v", len(got.Body), err)
			}
		})
		t.Run("a note for a child who does not exist", func(t *testing.T) {
			if _, err := s.AddNote(ctx, u.Actor(), note(9999, "Visit", d(2026, 11, 24))); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("AddNote for child 9999 = %v, want casework.ErrNotFound", err)
			}
		})
	})
}

func TestANoteIsLinkedToTheChildsOpenInvolvement(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "alice", auth.SocialWorker)
		open := newChild(t, s, "LA1", "Ada", "Lovelace")
		unknown := newChild(t, s, "LA2", "Ben", "Ng")
		inv, err := s.OpenInvolvement(ctx, u.Actor(), casework.Involvement{ChildID: open.ID, StartDate: d(2026, 9, 1)})
		if err != nil {
			t.Fatal(err)
		}

		n := note(open.ID, "  Home visit  ", d(2026, 11, 20))
		n.Body = "Seen at home with mother.\n\n"
		saved, err := s.AddNote(ctx, u.Actor(), n)
		if err != nil {
			t.Fatal(err)
		}
		if saved.InvolvementID == nil || *saved.InvolvementID != inv.ID {
			t.Errorf("note linked to involvement %v, want %d", saved.InvolvementID, inv.ID)
		}
		if saved.Subject != "Home visit" || saved.Body != "Seen at home with mother." {
			t.Errorf("note saved as %q / %q, want trimmed", saved.Subject, saved.Body)
		}
		if saved.Version != 1 || saved.AuthorID != u.ID || saved.AuthorName != u.DisplayName || !saved.CreatedAt.Equal(fixedNow) {
			t.Errorf("note saved with version %d, author %d %q at %v", saved.Version, saved.AuthorID, saved.AuthorName, saved.CreatedAt)
		}
		got, err := s.Note(ctx, saved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, saved) {
			t.Errorf("note read back differs:\n got  %+v\n want %+v", got, saved)
		}

		loose, err := s.AddNote(ctx, u.Actor(), note(unknown.ID, "Phone call", d(2026, 11, 24)))
		if err != nil {
			t.Fatal(err)
		}
		if loose.InvolvementID != nil {
			t.Errorf("note for a child with no involvement linked to %d", *loose.InvolvementID)
		}
		if _, err := s.Note(ctx, 9999); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Note(9999) = %v, want casework.ErrNotFound", err)
		}
	})
}

func TestANoteMarkedInErrorStaysWithItsReason(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		bob := newUser(t, s, "bob", auth.TeamManager)
		c := newChild(t, s, "LA1", "Ada", "Lovelace")
		n, err := s.AddNote(ctx, alice.Actor(), note(c.ID, "Home visit", d(2026, 11, 20)))
		if err != nil {
			t.Fatal(err)
		}

		for _, reason := range []string{"", "   "} {
			events := historyLen(t, s)
			wantFields(t, s.MarkNoteInError(ctx, bob.Actor(), n.ID, n.Version, reason), "reason")
			if got := historyLen(t, s); got != events {
				t.Errorf("history grew on a refused mark in error")
			}
		}

		if err := s.MarkNoteInError(ctx, bob.Actor(), n.ID, n.Version, "  Written on the wrong child  "); err != nil {
			t.Fatal(err)
		}
		got, err := s.Note(ctx, n.ID)
		if err != nil {
			t.Fatalf("the note is gone after being marked in error: %v", err)
		}
		if got.ErrorReason != "Written on the wrong child" || got.Version != n.Version+1 || got.Body != n.Body {
			t.Errorf("marked note has reason %q, version %d, body %q", got.ErrorReason, got.Version, got.Body)
		}
		hist, err := s.History(ctx, "case_note", n.ID)
		if err != nil || len(hist) != 2 {
			t.Fatalf("note history = %d events, %v; want create and error", len(hist), err)
		}
		last := hist[1]
		if last.Action != "error" || last.Reason != "Written on the wrong child" || last.Actor != bob.DisplayName ||
			last.ActorID != bob.ID || !strings.Contains(last.After, "Written on the wrong child") || strings.Contains(last.Before, "wrong child") {
			t.Errorf("history of the marking = %+v", last)
		}

		events := historyLen(t, s)
		err = s.MarkNoteInError(ctx, alice.Actor(), n.ID, n.Version, "Duplicate")
		wantConflict(t, err, bob.DisplayName)
		if got, _ := s.Note(ctx, n.ID); got.ErrorReason != "Written on the wrong child" {
			t.Errorf("a stale marking changed the reason to %q", got.ErrorReason)
		}
		if got := historyLen(t, s); got != events {
			t.Errorf("history grew on a stale marking")
		}
		if err := s.MarkNoteInError(ctx, alice.Actor(), 9999, 1, "Duplicate"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("marking note 9999 = %v, want casework.ErrNotFound", err)
		}
	})
}
