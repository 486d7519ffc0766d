package store_test

import (
	"errors"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

func TestSessionsExpireWhenIdleAfterTwelveHoursOrWhenEnded(t *testing.T) {
	policy := auth.DefaultSessionPolicy()
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			clk := newMovingClock(fixedNow)
			s := storetest.Open(t, backend, clk.option())
			alice := newUser(t, s, "alice", auth.SocialWorker)
			start := func(t *testing.T) string {
				t.Helper()
				tok, err := s.CreateSession(ctx, alice.ID, "10.0.0.1", "Firefox")
				if err != nil {
					t.Fatal(err)
				}
				if len(tok) < 20 {
					t.Fatalf("token %q is too short to be secret", tok)
				}
				return tok
			}
			wantLive := func(t *testing.T, tok string) {
				t.Helper()
				u, err := s.SessionUser(ctx, tok, policy)
				if err != nil || u != alice {
					t.Fatalf("SessionUser = %+v, %v; want %+v", u, err, alice)
				}
			}
			wantExpired := func(t *testing.T, tok string) {
				t.Helper()
				u, err := s.SessionUser(ctx, tok, policy)
				if !errors.Is(err, store.ErrSessionExpired) {
					t.Fatalf("SessionUser = %v, want ErrSessionExpired", err)
				}
				if u.ID != alice.ID {
					t.Errorf("an expired session gave user %d, want %d so their typing can be kept", u.ID, alice.ID)
				}
			}

			t.Run("a new session gives its user", func(t *testing.T) {
				wantLive(t, start(t))
			})
			t.Run("an unknown token is not found", func(t *testing.T) {
				if _, err := s.SessionUser(ctx, "no-such-token", policy); !errors.Is(err, casework.ErrNotFound) {
					t.Errorf("SessionUser(unknown) = %v, want casework.ErrNotFound", err)
				}
			})
			t.Run("activity keeps a session alive past the idle limit", func(t *testing.T) {
				tok := start(t)
				for range 4 {
					clk.advance(29 * time.Minute)
					wantLive(t, tok)
				}
			})
			t.Run("31 minutes idle ends it", func(t *testing.T) {
				tok := start(t)
				clk.advance(31 * time.Minute)
				wantExpired(t, tok)
			})
			t.Run("12 hours end it however busy", func(t *testing.T) {
				tok := start(t)
				for elapsed := 25 * time.Minute; elapsed < 12*time.Hour; elapsed += 25 * time.Minute {
					clk.advance(25 * time.Minute)
					wantLive(t, tok)
				}
				clk.advance(12*time.Hour - 28*25*time.Minute) // exactly 12 hours since sign-in, 20 minutes idle
				wantExpired(t, tok)
			})
			t.Run("signing out ends it", func(t *testing.T) {
				tok := start(t)
				if err := s.EndSession(ctx, tok); err != nil {
					t.Fatal(err)
				}
				wantExpired(t, tok)
				if err := s.EndSession(ctx, tok); err != nil {
					t.Errorf("ending an ended session = %v", err)
				}
			})
			t.Run("disabling the user ends it", func(t *testing.T) {
				tok := start(t)
				if err := s.SetDisabled(ctx, store.System, "alice", true); err != nil {
					t.Fatal(err)
				}
				wantExpired(t, tok)
			})
		})
	}
}

func TestADraftIsKeptUntilTakenOnce(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		bob := newUser(t, s, "bob", auth.SocialWorker)
		const path = "/children/1/notes/new"
		if err := s.SaveDraft(ctx, alice.ID, path, "subject=Visit"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDraft(ctx, alice.ID, path, "subject=Visit&body=Seen+at+home"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDraft(ctx, alice.ID, "/children/2/notes/new", "other page"); err != nil {
			t.Fatal(err)
		}
		if form, ok, err := s.TakeDraft(ctx, bob.ID, path); err != nil || ok || form != "" {
			t.Errorf("another user's TakeDraft = %q, %v, %v; want nothing", form, ok, err)
		}
		form, ok, err := s.TakeDraft(ctx, alice.ID, path)
		if err != nil || !ok || form != "subject=Visit&body=Seen+at+home" {
			t.Errorf("TakeDraft = %q, %v, %v; want the latest draft", form, ok, err)
		}
		if form, ok, err := s.TakeDraft(ctx, alice.ID, path); err != nil || ok || form != "" {
			t.Errorf("second TakeDraft = %q, %v, %v; want nothing", form, ok, err)
		}
		if form, ok, err := s.TakeDraft(ctx, alice.ID, "/children/2/notes/new"); err != nil || !ok || form != "other page" {
			t.Errorf("draft of another page = %q, %v, %v", form, ok, err)
		}
	})
}
