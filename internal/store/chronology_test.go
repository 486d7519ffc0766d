package store_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestTheChronologyListsEveryDatedEventNewestFirst(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		u := newUser(t, s, "alice", auth.SocialWorker)
		team, err := s.CreateTeam(ctx, store.System, casework.Team{Name: "Assessment", Kind: "assessment"})
		if err != nil {
			t.Fatal(err)
		}
		worker := func(name string) int64 {
			w, err := s.CreateWorker(ctx, store.System, casework.Worker{Name: name, TeamID: &team.ID, FTE: 1,
				EmploymentType: casework.Permanent, StartDate: d(2020, 1, 1)})
			if err != nil {
				t.Fatal(err)
			}
			return w.ID
		}
		wendy, will := worker("Wendy"), worker("Will")
		c := newChild(t, s, "LA1", "Ada", "Lovelace")
		other := newChild(t, s, "LA2", "Ben", "Ng")

		inv, err := s.OpenInvolvement(ctx, u.Actor(), casework.Involvement{ChildID: c.ID, StartDate: d(2026, 9, 1),
			TeamID: &team.ID, WorkerID: &wendy})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Allocate(ctx, u.Actor(), inv.ID, inv.Version, will, d(2026, 10, 1), "MANAGE", "Wendy on leave"); err != nil {
			t.Fatal(err)
		}
		add := func(childID int64, subject string, on time.Time) casework.Note {
			n, err := s.AddNote(ctx, u.Actor(), note(childID, subject, on))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		add(c.ID, "Visit", d(2026, 9, 15))
		wrong := add(c.ID, "Call", d(2026, 10, 15))
		add(c.ID, "Review", d(2026, 11, 20))
		add(other.ID, "Not this child", d(2026, 11, 21))
		if err := s.MarkNoteInError(ctx, u.Actor(), wrong.ID, wrong.Version, "Wrong child"); err != nil {
			t.Fatal(err)
		}
		// No store method closes an involvement yet: close it as the closing
		// screen will, so the chronology's closing arm is exercised.
		rawExec(t, s, fmt.Sprintf(`UPDATE involvements SET end_date = '2026-11-22', end_reason = 'RC8' WHERE id = %d`, inv.ID))

		type entry struct {
			Date    time.Time
			Kind    string
			Summary string
			InError bool
		}
		all := []entry{
			{d(2026, 11, 22), "involvement", "Involvement closed", false},
			{d(2026, 11, 20), "note", "Review", false},
			{d(2026, 10, 15), "note", "Call", true},
			{d(2026, 10, 1), "allocation", "Allocated to Will", false},
			{d(2026, 9, 15), "note", "Visit", false},
			// the opening and its first allocation share a day
			{d(2026, 9, 1), "involvement", "Involvement opened", false},
			{d(2026, 9, 1), "allocation", "Allocated to Wendy", false},
		}
		filter := func(kind string) []entry {
			var out []entry
			for _, e := range all {
				if e.Kind == kind {
					out = append(out, e)
				}
			}
			return out
		}
		cases := []struct {
			name  string
			kinds []string
			limit int
			want  []entry
		}{
			{"everything", nil, 100, all},
			{"notes", []string{"note"}, 100, filter("note")},
			{"involvements", []string{"involvement"}, 100, filter("involvement")},
			{"allocations", []string{"allocation"}, 100, filter("allocation")},
			{"notes and allocations", []string{"note", "allocation"}, 100,
				[]entry{all[1], all[2], all[3], all[4], all[6]}},
			{"addresses (none)", []string{"address"}, 100, nil},
			{"limit 2", nil, 2, all[:2]},
			{"limit 1 of notes", []string{"note"}, 1, all[1:2]},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.Chronology(ctx, c.ID, tc.kinds, tc.limit)
				if err != nil {
					t.Fatal(err)
				}
				var simple []entry
				for i, e := range got {
					simple = append(simple, entry{e.Date, e.Kind, e.Summary, e.InError})
					if i > 0 && e.Date.After(got[i-1].Date) {
						t.Errorf("entry %d (%v) is newer than entry %d (%v)", i, e.Date, i-1, got[i-1].Date)
					}
					if e.KindName == "" || e.KindName == e.Kind {
						t.Errorf("entry %d has kind name %q", i, e.KindName)
					}
				}
				// Entries of one day may come in either order.
				sameDay := func(es []entry) []entry {
					es = append([]entry(nil), es...)
					for i := 1; i < len(es); i++ {
						if es[i].Date.Equal(es[i-1].Date) && es[i].Kind < es[i-1].Kind {
							es[i], es[i-1] = es[i-1], es[i]
						}
					}
					return es
				}
				if !reflect.DeepEqual(sameDay(simple), sameDay(tc.want)) {
					t.Errorf("chronology =\n %v\nwant\n %v", simple, tc.want)
				}
			})
		}
		t.Run("a note's entry says who wrote it and what it said", func(t *testing.T) {
			got, err := s.Chronology(ctx, c.ID, []string{"note"}, 1)
			if err != nil || len(got) != 1 {
				t.Fatalf("Chronology = %v, %v", got, err)
			}
			if e := got[0]; e.By != u.DisplayName || e.Detail != "Seen at home." || e.RecordID == 0 || e.KindName != "Case note" {
				t.Errorf("note entry = %+v", e)
			}
		})
		t.Run("a child with nothing recorded", func(t *testing.T) {
			empty := newChild(t, s, "LA3", "Cy", "Dee")
			got, err := s.Chronology(ctx, empty.ID, nil, 100)
			if err != nil || len(got) != 0 {
				t.Errorf("Chronology of a new child = %v, %v; want none", got, err)
			}
		})
	})
}
