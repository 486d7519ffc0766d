package store_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAChildReadsBackWithEveryFieldAndNormalisedIdentifiers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		cases := []struct {
			name string
			in   casework.Child
			// what the store must have made of the input
			upn, formerUPN, nhs, first string
		}{
			{
				name: "every field, identifiers typed loosely",
				in: casework.Child{
					LAChildID: "LA00123", UPN: "a123 4567 89012", FormerUPN: "p123-4567-89013",
					NHSNumber: "943 476 5919", UCI: "UCI0001", FirstName: "  Zoë ", LastName: "O'Brien",
					KnownAs: "Zo", DateOfBirth: ptr(d(2015, 3, 14)), Sex: "F", Gender: "girl",
					Ethnicity: "WBRI", Disabilities: []string{"AUT", "COMM"}, Restricted: true,
				},
				upn: "A123456789012", formerUPN: "P123456789013", nhs: "9434765919", first: "Zoë",
			},
			{
				name: "unborn child with an expected date of birth",
				in: casework.Child{
					LAChildID: "LA00124", LastName: "Baby Jones", ExpectedBirth: ptr(d(2027, 2, 1)), Sex: "U",
					UPNUnknown: "UN1", Disabilities: []string{"NONE"},
				},
			},
			{
				name: "child who has died",
				in: casework.Child{
					LAChildID: "LA00125", FirstName: "Sam", LastName: "Hart", DateOfBirth: ptr(d(2010, 1, 1)),
					DateOfDeath: ptr(d(2026, 1, 5)), Sex: "M", Ethnicity: "MWBC",
				},
				first: "Sam",
			},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c, err := s.CreateChild(ctx, store.System, tc.in)
				if err != nil {
					t.Fatalf("CreateChild: %v", err)
				}
				if c.ID == 0 || c.Version != 1 || c.UpdatedBy != store.System.Name || !c.UpdatedAt.Equal(fixedNow) {
					t.Errorf("created child has id %d, version %d, updated by %q at %v; want an id, version 1, %q, %v",
						c.ID, c.Version, c.UpdatedBy, c.UpdatedAt, store.System.Name, fixedNow)
				}
				if c.UPN != tc.upn || c.FormerUPN != tc.formerUPN || c.NHSNumber != tc.nhs || c.FirstName != tc.first {
					t.Errorf("normalised to UPN %q, former UPN %q, NHS %q, first name %q; want %q, %q, %q, %q",
						c.UPN, c.FormerUPN, c.NHSNumber, c.FirstName, tc.upn, tc.formerUPN, tc.nhs, tc.first)
				}
				got, err := s.Child(ctx, c.ID)
				if err != nil {
					t.Fatalf("Child(%d): %v", c.ID, err)
				}
				if !reflect.DeepEqual(got, c) {
					t.Errorf("read back differs from what was saved:\n got  %+v\n want %+v", got, c)
				}
				byLA, err := s.ChildByLAID(ctx, tc.in.LAChildID)
				if err != nil || byLA.ID != c.ID {
					t.Errorf("ChildByLAID(%q) = id %d, %v; want %d", tc.in.LAChildID, byLA.ID, err, c.ID)
				}
				hist, err := s.History(ctx, "child", c.ID)
				if err != nil || len(hist) != 1 || hist[0].Action != "create" || hist[0].Before != "null" {
					t.Fatalf("history of the new child = %+v, %v; want one create event", hist, err)
				}
				if tc.upn != "" && !strings.Contains(hist[0].After, tc.upn) {
					t.Errorf("history after %s does not hold the normalised UPN %s", hist[0].After, tc.upn)
				}
			})
		}
		if _, err := s.Child(ctx, 9999); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Child(9999) = %v, want casework.ErrNotFound", err)
		}
		if _, err := s.ChildByLAID(ctx, "NOSUCH"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("ChildByLAID(NOSUCH) = %v, want casework.ErrNotFound", err)
		}
	})
}

func TestAnInvalidChildIsRefusedFieldByFieldAndNothingIsWritten(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		existing := newChild(t, s, "LA1", "Ada", "Lovelace")
		valid := func() casework.Child {
			return casework.Child{LAChildID: "LA2", FirstName: "Ben", LastName: "Ng",
				DateOfBirth: ptr(d(2015, 3, 14)), Sex: "M"}
		}
		cases := []struct {
			name   string
			change func(*casework.Child)
			fields []string
		}{
			{"date of birth in the future", func(c *casework.Child) { c.DateOfBirth = ptr(d(2026, 11, 25)) }, []string{"date_of_birth"}},
			{"death before birth", func(c *casework.Child) { c.DateOfDeath = ptr(d(2014, 1, 1)) }, []string{"date_of_death"}},
			{"death in the future", func(c *casework.Child) { c.DateOfDeath = ptr(d(2027, 1, 1)) }, []string{"date_of_death"}},
			{"UPN with a wrong check letter", func(c *casework.Child) { c.UPN = "B123456789012" }, []string{"upn"}},
			{"NHS number with a wrong check digit", func(c *casework.Child) { c.NHSNumber = "943 476 5918" }, []string{"nhs_number"}},
			{"LA child ID of another child", func(c *casework.Child) { c.LAChildID = existing.LAChildID }, []string{"la_child_id"}},
			{"LA child ID with punctuation", func(c *casework.Child) { c.LAChildID = "LA-2" }, []string{"la_child_id"}},
			{"no sex", func(c *casework.Child) { c.Sex = "" }, []string{"sex"}},
			{"no disability beside a disability", func(c *casework.Child) { c.Disabilities = []string{"NONE", "AUT"} }, []string{"disabilities"}},
			{"several at once", func(c *casework.Child) {
				c.DateOfBirth, c.NHSNumber, c.UPN = ptr(d(2030, 1, 1)), "123", "X1"
			}, []string{"date_of_birth", "nhs_number", "upn"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				events, children := historyLen(t, s), count(t, s, `SELECT count(*) FROM children`)
				c := valid()
				tc.change(&c)
				_, err := s.CreateChild(ctx, store.System, c)
				wantFields(t, err, tc.fields...)
				if n := historyLen(t, s); n != events {
					t.Errorf("history grew from %d to %d events on a refused create", events, n)
				}
				if n := count(t, s, `SELECT count(*) FROM children`); n != children {
					t.Errorf("children grew from %d to %d on a refused create", children, n)
				}
			})
		}
		t.Run("update to another child's LA child ID", func(t *testing.T) {
			other := newChild(t, s, "LA3", "Cy", "Dee")
			events := historyLen(t, s)
			changed := other
			changed.LAChildID = existing.LAChildID
			_, err := s.UpdateChild(ctx, store.System, changed)
			wantFields(t, err, "la_child_id")
			if n := historyLen(t, s); n != events {
				t.Errorf("history grew from %d to %d on a refused update", events, n)
			}
			if got, _ := s.Child(ctx, other.ID); !reflect.DeepEqual(got, other) {
				t.Errorf("refused update changed the row:\n got  %+v\n want %+v", got, other)
			}
		})
	})
}

func TestChildSearchFindsByNameIdentifierOrDateOfBirth(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		mk := func(c casework.Child) {
			t.Helper()
			if c.Sex == "" {
				c.Sex = "F"
			}
			if _, err := s.CreateChild(ctx, store.System, c); err != nil {
				t.Fatalf("create %s: %v", c.LAChildID, err)
			}
		}
		mk(casework.Child{LAChildID: "LA100", FirstName: "Zoë", LastName: "Smith", UPN: "A123456789012",
			NHSNumber: "9434765919", DateOfBirth: ptr(d(2015, 3, 14))})
		mk(casework.Child{LAChildID: "LA101", FirstName: "John", LastName: "Smithson", DateOfBirth: ptr(d(2012, 6, 1)), Sex: "M"})
		mk(casework.Child{LAChildID: "LA102", FirstName: "Mary", LastName: "Jones", KnownAs: "Molly",
			DateOfBirth: ptr(d(2015, 3, 14))})
		mk(casework.Child{LAChildID: "LA103", LastName: "Baby O'Neill", ExpectedBirth: ptr(d(2027, 1, 10)), Sex: "U"})
		for _, la := range []string{"LA200", "LA201", "LA202", "LA203", "LA204"} {
			mk(casework.Child{LAChildID: la, FirstName: "Ann", LastName: "Limit", DateOfBirth: ptr(d(2020, 1, 1))})
		}

		cases := []struct {
			query string
			want  []string // LA child IDs, in the order found (by last name)
		}{
			{"smi", []string{"LA100", "LA101"}},
			{"SMITH", []string{"LA100", "LA101"}},
			{"zoe", []string{"LA100"}},
			{"ZOË", []string{"LA100"}},
			{"Zoe Smith", []string{"LA100"}},
			{"smith zoe", []string{"LA100"}},
			{"john smith", []string{"LA101"}},
			{"molly", []string{"LA102"}},
			{"oneill", []string{"LA103"}},
			{"o'neill", []string{"LA103"}},
			{"la100", []string{"LA100"}},
			{"LA101", []string{"LA101"}},
			{"a123456789012", []string{"LA100"}},
			{"9434765919", []string{"LA100"}},
			{"14/3/2015", []string{"LA102", "LA100"}},
			{"14 03 2015", []string{"LA102", "LA100"}},
			{"2015-03-14", []string{"LA102", "LA100"}},
			{"zoe 14/3/2015", []string{"LA100"}},
			{"10/1/2027", []string{"LA103"}},
			{"nobody", nil},
			{"zoe jones", nil},
			{"LA999", nil},
			{"1/1/2001", nil},
			{"", nil},
			{"  ", nil},
		}
		for _, tc := range cases {
			t.Run(tc.query, func(t *testing.T) {
				st := casework.ParseSearch(tc.query, calendar.ParseDate)
				found, err := s.SearchChildren(ctx, st, 20)
				if err != nil {
					t.Fatalf("SearchChildren(%q): %v", tc.query, err)
				}
				var got []string
				for _, c := range found {
					got = append(got, c.LAChildID)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("search %q found %v, want %v", tc.query, got, tc.want)
				}
			})
		}
		t.Run("limit", func(t *testing.T) {
			st := casework.ParseSearch("ann limit", calendar.ParseDate)
			for _, limit := range []int{1, 3, 5, 10} {
				found, err := s.SearchChildren(ctx, st, limit)
				if err != nil {
					t.Fatal(err)
				}
				if want := min(limit, 5); len(found) != want {
					t.Errorf("limit %d: found %d children, want %d", limit, len(found), want)
				}
			}
		})
	})
}

func TestAStaleChildSaveIsRefusedNamingWhoSavedInBetween(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		bob := newUser(t, s, "bob", auth.TeamManager)
		read := newChild(t, s, "LA1", "Ada", "Lovelace")

		bobs := read
		bobs.KnownAs = "Addie"
		saved, err := s.UpdateChild(ctx, bob.Actor(), bobs)
		if err != nil {
			t.Fatalf("first save: %v", err)
		}
		if saved.Version != read.Version+1 || saved.UpdatedBy != bob.DisplayName {
			t.Errorf("first save gave version %d by %q, want %d by %q", saved.Version, saved.UpdatedBy, read.Version+1, bob.DisplayName)
		}

		events := historyLen(t, s)
		alices := read // still at the version Alice read
		alices.LastName = "Byron"
		_, err = s.UpdateChild(ctx, alice.Actor(), alices)
		c := wantConflict(t, err, bob.DisplayName)
		if c.ID != read.ID || !c.ChangedAt.Equal(fixedNow) {
			t.Errorf("conflict names child %d changed at %v, want %d at %v", c.ID, c.ChangedAt, read.ID, fixedNow)
		}
		got, err := s.Child(ctx, read.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, saved) {
			t.Errorf("the refused save changed the row:\n got  %+v\n want %+v", got, saved)
		}
		if n := historyLen(t, s); n != events {
			t.Errorf("history grew from %d to %d on a refused save", events, n)
		}

		missing := read
		missing.ID = 9999
		if _, err := s.UpdateChild(ctx, alice.Actor(), missing); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("saving a child that does not exist = %v, want casework.ErrNotFound", err)
		}
	})
}

// Two people save the same child at the same version at the same moment:
// exactly one save wins, the other is told of the conflict, and the row is
// the winner's input, one version on.
func TestConcurrentSavesOfOneChildLoseNothing(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		users := []store.User{newUser(t, s, "alice", auth.SocialWorker), newUser(t, s, "bob", auth.SocialWorker)}
		c := newChild(t, s, "LA1", "Ada", "Lovelace")
		const rounds = 20
		for round := range rounds {
			read, err := s.Child(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			type result struct {
				saved casework.Child
				err   error
			}
			results := make([]result, 2)
			start := make(chan struct{})
			done := make(chan int)
			for i, u := range users {
				go func() {
					edit := read
					edit.KnownAs = u.Username + " round " + string(rune('a'+round))
					edit.Gender = u.Username
					<-start
					saved, err := s.UpdateChild(ctx, u.Actor(), edit)
					results[i] = result{saved, err}
					done <- i
				}()
			}
			close(start)
			<-done
			<-done

			var winners []casework.Child
			for i, r := range results {
				switch {
				case r.err == nil:
					winners = append(winners, r.saved)
				case errors.Is(r.err, casework.ErrConflict):
					var ce *casework.ConflictError
					if !errors.As(r.err, &ce) {
						t.Errorf("round %d: %s's conflict is not a *ConflictError: %v", round, users[i].Username, r.err)
					} else if ce.ChangedBy != users[1-i].DisplayName {
						t.Errorf("round %d: conflict names %q, want the winner %q", round, ce.ChangedBy, users[1-i].DisplayName)
					}
				default:
					t.Fatalf("round %d: %s's save failed with %v, want success or a conflict", round, users[i].Username, r.err)
				}
			}
			if len(winners) != 1 {
				t.Fatalf("round %d: %d saves won, want exactly 1", round, len(winners))
			}
			got, err := s.Child(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != read.Version+1 {
				t.Errorf("round %d: version %d after the saves, want %d", round, got.Version, read.Version+1)
			}
			if !reflect.DeepEqual(got, winners[0]) {
				t.Errorf("round %d: stored row is not the winner's input:\n got  %+v\n want %+v", round, got, winners[0])
			}
		}
		if rep, err := s.VerifyHistory(ctx); err != nil {
			t.Errorf("history after concurrent saves: %+v, %v", rep, err)
		}
		hist, _ := s.History(ctx, "child", c.ID)
		if len(hist) != rounds+1 {
			t.Errorf("child has %d history events, want %d (the create and one per round)", len(hist), rounds+1)
		}
	})
}
