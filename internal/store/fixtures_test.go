package store_test

import (
	"context"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// fixedNow is the clock of every store test: Tuesday 24 November 2026, 10:00.
var fixedNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func clock() store.Option { return store.WithClock(func() time.Time { return fixedNow }) }

// each runs a test on both backends with the fixed clock.
func each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	storetest.Each(t, fn, clock())
}

func d(y int, m time.Month, day int) time.Time { return calendar.Date(y, m, day) }

func ptr[T any](v T) *T { return &v }

var ctx = context.Background()

func newChild(t testing.TB, s *store.Store, laID, first, last string) casework.Child {
	t.Helper()
	c, err := s.CreateChild(ctx, store.System, casework.Child{
		LAChildID: laID, FirstName: first, LastName: last, DateOfBirth: ptr(d(2015, 3, 14)),
		Sex: "F", Ethnicity: "WBRI",
	})
	if err != nil {
		t.Fatalf("create child %s: %v", laID, err)
	}
	return c
}

func newUser(t testing.TB, s *store.Store, username string, role auth.Role) store.User {
	t.Helper()
	u, err := s.CreateUser(ctx, store.System, store.NewUser{
		Username: username, DisplayName: "User " + username, Password: "correct horse battery", Role: role,
	})
	if err != nil {
		t.Fatalf("create user %s: %v", username, err)
	}
	return u
}

func note(childID int64, subject string, on time.Time) casework.Note {
	return casework.Note{ChildID: childID, Date: on, Kind: "case_note", Subject: subject, Body: "Seen at home."}
}
