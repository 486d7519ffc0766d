package store_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

func TestViewingAChildIsWrittenToTheAccessLog(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			clk := newMovingClock(fixedNow)
			s := storetest.Open(t, backend, clk.option())
			alice := newUser(t, s, "alice", auth.SocialWorker)
			bob := newUser(t, s, "bob", auth.Auditor)
			c := newChild(t, s, "LA1", "Ada", "Lovelace")
			other := newChild(t, s, "LA2", "Ben", "Ng")

			log := func(u store.User, childID int64, path string) {
				t.Helper()
				err := s.LogChildAccess(ctx, store.AccessEntry{UserID: u.ID, ChildID: childID, Action: "view",
					Address: "10.1.2.3", Path: path, At: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)})
				if err != nil {
					t.Fatal(err)
				}
			}
			log(alice, c.ID, "/children/1")
			clk.advance(time.Minute)
			log(bob, c.ID, "/children/1/chronology")
			log(alice, other.ID, "/children/2")

			got, err := s.AccessLog(ctx, c.ID, fixedNow.Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			want := []store.AccessEntry{
				{At: fixedNow.Add(time.Minute), UserID: bob.ID, User: bob.DisplayName, ChildID: c.ID, Action: "view",
					Address: "10.1.2.3", Path: "/children/1/chronology"},
				{At: fixedNow, UserID: alice.ID, User: alice.DisplayName, ChildID: c.ID, Action: "view",
					Address: "10.1.2.3", Path: "/children/1"},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("AccessLog =\n %+v\nwant (newest first, stamped by the store's clock)\n %+v", got, want)
			}
			since, err := s.AccessLog(ctx, c.ID, fixedNow.Add(time.Second))
			if err != nil || len(since) != 1 || since[0].UserID != bob.ID {
				t.Errorf("AccessLog since a later time = %+v, %v; want bob's view only", since, err)
			}
		})
	}
}

func TestARestrictedChildIsOpenOnlyToNamedUsers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		bob := newUser(t, s, "bob", auth.TeamManager)
		newUser(t, s, "carol", auth.SocialWorker)
		open := newChild(t, s, "LA1", "Ada", "Lovelace")
		restricted, err := s.CreateChild(ctx, store.System, casework.Child{LAChildID: "LA2", FirstName: "Ben",
			LastName: "Ng", DateOfBirth: ptr(d(2016, 5, 5)), Sex: "M", Restricted: true})
		if err != nil {
			t.Fatal(err)
		}

		got, err := s.ChildAccess(ctx, restricted.ID)
		if err != nil || !got.Restricted || len(got.NamedUsers) != 0 {
			t.Errorf("restricted child before any grant = %+v, %v; want restricted to nobody", got, err)
		}
		for _, u := range []store.User{bob, alice, bob} { // granting twice is harmless
			if err := s.GrantChildAccess(ctx, store.System, restricted.ID, u.ID); err != nil {
				t.Fatal(err)
			}
		}
		got, err = s.ChildAccess(ctx, restricted.ID)
		if err != nil || !got.Restricted || !reflect.DeepEqual(got.NamedUsers, []int64{alice.ID, bob.ID}) {
			t.Errorf("ChildAccess = %+v, %v; want restricted to %d and %d", got, err, alice.ID, bob.ID)
		}
		hist, err := s.History(ctx, "child_access", restricted.ID)
		if err != nil || len(hist) == 0 || hist[0].Action != "grant" {
			t.Errorf("grants in the history = %+v, %v", hist, err)
		}

		got, err = s.ChildAccess(ctx, open.ID)
		if err != nil || got.Restricted || got.NamedUsers != nil {
			t.Errorf("unrestricted child = %+v, %v; want Restricted false", got, err)
		}
		if _, err := s.ChildAccess(ctx, 9999); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("ChildAccess(9999) = %v, want casework.ErrNotFound", err)
		}
	})
}
