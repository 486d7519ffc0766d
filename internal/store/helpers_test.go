package store_test

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// historyLen counts the rows of the history table.
func historyLen(t testing.TB, s *store.Store) int64 {
	t.Helper()
	return count(t, s, `SELECT count(*) FROM history`)
}

// count runs a literal counting query (no placeholders, so it needs no
// rebinding on PostgreSQL).
func count(t testing.TB, s *store.Store, q string) int64 {
	t.Helper()
	var n int64
	if err := s.DB().QueryRowContext(ctx, q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// rawExec runs literal SQL through the handle (tests only).
func rawExec(t testing.TB, s *store.Store, q string) {
	t.Helper()
	if _, err := s.DB().ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// wantFields fails unless err is a *casework.ValidationError naming
// exactly the fields given (sorted, duplicates kept once).
func wantFields(t testing.TB, err error, fields ...string) *casework.ValidationError {
	t.Helper()
	var v *casework.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error = %v (%T), want a *casework.ValidationError naming %v", err, err, fields)
	}
	if !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("errors.Is(err, casework.ErrInvalid) = false for %v", err)
	}
	got := slices.Compact(v.Fields())
	want := slices.Clone(fields)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("fields in error = %v, want %v (%v)", got, want, err)
	}
	for _, f := range v.Errors {
		if f.Message == "" {
			t.Errorf("field %s has an empty message", f.Field)
		}
	}
	return v
}

// wantConflict fails unless err is a *casework.ConflictError naming by.
func wantConflict(t testing.TB, err error, by string) *casework.ConflictError {
	t.Helper()
	var c *casework.ConflictError
	if !errors.As(err, &c) {
		t.Fatalf("error = %v (%T), want a *casework.ConflictError", err, err)
	}
	if !errors.Is(err, casework.ErrConflict) {
		t.Errorf("errors.Is(err, casework.ErrConflict) = false for %v", err)
	}
	if c.ChangedBy != by {
		t.Errorf("ConflictError.ChangedBy = %q, want %q", c.ChangedBy, by)
	}
	return c
}

// movingClock is a clock a test can move on.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func newMovingClock(t time.Time) *movingClock { return &movingClock{t: t} }

func (c *movingClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (c *movingClock) option() store.Option { return store.WithClock(c.now) }
