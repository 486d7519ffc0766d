package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

const password = "correct horse battery" // newUser's password

func TestAnInvalidUserIsRefusedFieldByField(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newUser(t, s, "alice", auth.SocialWorker)
		good := func() store.NewUser {
			return store.NewUser{Username: "bob", DisplayName: "Bob Ng", Password: password, Role: auth.SocialWorker}
		}
		cases := []struct {
			name   string
			change func(*store.NewUser)
			fields []string
		}{
			{"username with a space", func(u *store.NewUser) { u.Username = "bob ng" }, []string{"username"}},
			{"username of one letter", func(u *store.NewUser) { u.Username = "b" }, []string{"username"}},
			{"username with a symbol", func(u *store.NewUser) { u.Username = "bob@council" }, []string{"username"}},
			{"username starting with a dot", func(u *store.NewUser) { u.Username = ".bob" }, []string{"username"}},
			{"username taken", func(u *store.NewUser) { u.Username = "alice" }, []string{"username"}},
			{"username taken in capitals", func(u *store.NewUser) { u.Username = " ALICE " }, []string{"username"}},
			{"short password", func(u *store.NewUser) { u.Password = "short" }, []string{"password"}},
			{"common password", func(u *store.NewUser) { u.Password = "Password1234" }, []string{"password"}},
			{"one character repeated", func(u *store.NewUser) { u.Password = "aaaaaaaaaaaaaaaa" }, []string{"password"}},
			{"no password", func(u *store.NewUser) { u.Password = "" }, []string{"password"}},
			{"no name", func(u *store.NewUser) { u.DisplayName = "  " }, []string{"display_name"}},
			{"no role", func(u *store.NewUser) { u.Role = "" }, []string{"role"}},
			{"unknown role", func(u *store.NewUser) { u.Role = "superuser" }, []string{"role"}},
			{"everything wrong", func(u *store.NewUser) { *u = store.NewUser{Username: "?"} },
				[]string{"display_name", "password", "role", "username"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				events, users := historyLen(t, s), count(t, s, `SELECT count(*) FROM users`)
				nu := good()
				tc.change(&nu)
				_, err := s.CreateUser(ctx, store.System, nu)
				wantFields(t, err, tc.fields...)
				if historyLen(t, s) != events || count(t, s, `SELECT count(*) FROM users`) != users {
					t.Error("a refused user was written")
				}
			})
		}
		t.Run("a good user is stored with a lower-case username", func(t *testing.T) {
			nu := good()
			nu.Username = "  Bob.Ng-2 "
			u, err := s.CreateUser(ctx, store.System, nu)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.UserByUsername(ctx, "BOB.NG-2")
			if err != nil || got != u || got.Username != "bob.ng-2" || got.Version != 1 {
				t.Errorf("UserByUsername = %+v, %v; want %+v", got, err, u)
			}
			if _, err := s.UserByUsername(ctx, "nobody"); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("UserByUsername(nobody) = %v, want casework.ErrNotFound", err)
			}
		})
	})
}

func TestSignInChecksThePasswordAndNeverSaysWhichPartWasWrong(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		cases := []struct {
			name, username, password string
			want                     error
		}{
			{"right password", "alice", password, nil},
			{"username in capitals", " ALICE ", password, nil},
			{"wrong password", "alice", "correct horse battery!", store.ErrBadCredentials},
			{"password in capitals", "alice", strings.ToUpper(password), store.ErrBadCredentials},
			{"no password", "alice", "", store.ErrBadCredentials},
			{"unknown user", "mallory", password, store.ErrBadCredentials},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				u, err := s.Authenticate(ctx, tc.username, tc.password, "10.0.0."+fmt.Sprint(len(tc.name)))
				if !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
					t.Fatalf("Authenticate(%q) = %v, want %v", tc.username, err, tc.want)
				}
				if tc.want == nil && u != alice {
					t.Errorf("signed in as %+v, want %+v", u, alice)
				}
				if tc.want != nil && u.ID != 0 {
					t.Errorf("a failed sign-in returned user %d", u.ID)
				}
			})
		}
		t.Run("a disabled user cannot sign in", func(t *testing.T) {
			if err := s.SetDisabled(ctx, store.System, "alice", true); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Authenticate(ctx, "alice", password, "10.9.9.9"); !errors.Is(err, store.ErrBadCredentials) {
				t.Errorf("disabled user's sign-in = %v, want ErrBadCredentials", err)
			}
			if err := s.SetDisabled(ctx, store.System, "alice", false); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Authenticate(ctx, "alice", password, "10.9.9.9"); err != nil {
				t.Errorf("re-enabled user's sign-in = %v", err)
			}
		})
	})
}

func wantThrottled(t testing.TB, err error, retry time.Duration) {
	t.Helper()
	var te *store.ThrottledError
	if !errors.As(err, &te) {
		t.Fatalf("Authenticate = %v, want a *store.ThrottledError", err)
	}
	if te.RetryAfter != retry {
		t.Errorf("RetryAfter = %v, want %v", te.RetryAfter, retry)
	}
}

func TestRepeatedFailedSignInsAreThrottled(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			t.Run("five failures for an account stop the sixth attempt, even with the right password", func(t *testing.T) {
				clk := newMovingClock(fixedNow)
				s := storetest.Open(t, backend, clk.option())
				newUser(t, s, "alice", auth.SocialWorker)
				for i := range 5 {
					// different addresses: it is the account that is limited
					if _, err := s.Authenticate(ctx, "alice", "wrong password!", fmt.Sprintf("10.0.0.%d", i)); !errors.Is(err, store.ErrBadCredentials) {
						t.Fatalf("failure %d = %v", i+1, err)
					}
				}
				_, err := s.Authenticate(ctx, "alice", password, "10.0.1.1")
				wantThrottled(t, err, 15*time.Minute)
				clk.advance(15*time.Minute + time.Second)
				if _, err := s.Authenticate(ctx, "alice", password, "10.0.1.1"); err != nil {
					t.Errorf("sign-in after the failures have left the window = %v", err)
				}
			})
			t.Run("failures older than 15 minutes do not count", func(t *testing.T) {
				clk := newMovingClock(fixedNow)
				s := storetest.Open(t, backend, clk.option())
				newUser(t, s, "alice", auth.SocialWorker)
				fail := func() {
					t.Helper()
					if _, err := s.Authenticate(ctx, "alice", "wrong password!", "10.0.0.1"); !errors.Is(err, store.ErrBadCredentials) {
						t.Fatalf("failure = %v", err)
					}
				}
				for range 4 {
					fail()
				}
				clk.advance(10 * time.Minute)
				fail() // five within 15 minutes
				_, err := s.Authenticate(ctx, "alice", password, "10.0.0.1")
				wantThrottled(t, err, 5*time.Minute) // until the first four are 15 minutes old
				clk.advance(5*time.Minute + time.Second)
				if _, err := s.Authenticate(ctx, "alice", password, "10.0.0.1"); err != nil {
					t.Errorf("with only one failure in the window, sign-in = %v", err)
				}
			})
			t.Run("twenty failures from one address across accounts stop that address", func(t *testing.T) {
				clk := newMovingClock(fixedNow)
				s := storetest.Open(t, backend, clk.option())
				newUser(t, s, "alice", auth.SocialWorker)
				for i := range 20 {
					clk.advance(time.Second)
					if _, err := s.Authenticate(ctx, fmt.Sprintf("guess%02d", i), password, "203.0.113.7"); !errors.Is(err, store.ErrBadCredentials) {
						t.Fatalf("failure %d = %v", i+1, err)
					}
				}
				_, err := s.Authenticate(ctx, "alice", password, "203.0.113.7")
				wantThrottled(t, err, 15*time.Minute-19*time.Second)
				if _, err := s.Authenticate(ctx, "alice", password, "198.51.100.1"); err != nil {
					t.Errorf("sign-in from another address = %v, want success", err)
				}
			})
		})
	}
}

func TestChangingARoleOrPasswordEndsTheUsersSessions(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.SocialWorker)
		policy := auth.DefaultSessionPolicy()
		session := func() string {
			t.Helper()
			tok, err := s.CreateSession(ctx, alice.ID, "10.0.0.1", "test")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SessionUser(ctx, tok, policy); err != nil {
				t.Fatal(err)
			}
			return tok
		}

		tok := session()
		wantFields(t, s.SetRole(ctx, store.System, "alice", "boss"), "role")
		if err := s.SetRole(ctx, store.System, "alice", auth.TeamManager); err != nil {
			t.Fatal(err)
		}
		u, err := s.UserByUsername(ctx, "alice")
		if err != nil || u.Role != auth.TeamManager || u.Version != alice.Version+1 {
			t.Errorf("after SetRole: %+v, %v", u, err)
		}
		if _, err := s.SessionUser(ctx, tok, policy); !errors.Is(err, store.ErrSessionExpired) {
			t.Errorf("session after a role change = %v, want ErrSessionExpired", err)
		}

		tok = session()
		wantFields(t, s.SetPassword(ctx, store.System, "alice", "short"), "password")
		if _, err := s.SessionUser(ctx, tok, policy); err != nil {
			t.Errorf("a refused password change ended the session: %v", err)
		}
		const newPassword = "a much better passphrase"
		if err := s.SetPassword(ctx, store.System, "alice", newPassword); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, tok, policy); !errors.Is(err, store.ErrSessionExpired) {
			t.Errorf("session after a password change = %v, want ErrSessionExpired", err)
		}
		if _, err := s.Authenticate(ctx, "alice", password, "10.0.0.1"); !errors.Is(err, store.ErrBadCredentials) {
			t.Errorf("old password after the change = %v, want ErrBadCredentials", err)
		}
		if _, err := s.Authenticate(ctx, "alice", newPassword, "10.0.0.1"); err != nil {
			t.Errorf("new password = %v", err)
		}
		if err := s.SetRole(ctx, store.System, "nobody", auth.Auditor); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("SetRole of an unknown user = %v, want casework.ErrNotFound", err)
		}

		hist, err := s.History(ctx, "user", alice.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range hist {
			actions = append(actions, e.Action)
		}
		if got := strings.Join(actions, ","); got != "create,role,password" {
			t.Errorf("user history actions = %s, want create,role,password", got)
		}
	})
}

func TestThePasswordHashNeverEntersTheHistory(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newUser(t, s, "alice", auth.SocialWorker)
		newUser(t, s, "bob", auth.Administrator)
		if err := s.SetPassword(ctx, store.System, "alice", "another good passphrase"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRole(ctx, store.System, "bob", auth.Auditor); err != nil {
			t.Fatal(err)
		}
		if err := s.SetDisabled(ctx, store.System, "bob", true); err != nil {
			t.Fatal(err)
		}
		var hashes []string
		rows, err := s.DB().QueryContext(ctx, `SELECT password_hash FROM users`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				t.Fatal(err)
			}
			hashes = append(hashes, h)
		}
		rows.Close()
		if len(hashes) != 2 || !strings.HasPrefix(hashes[0], "$argon2id$") {
			t.Fatalf("stored hashes = %q", hashes)
		}

		rows, err = s.DB().QueryContext(ctx, `SELECT seq, before_json, after_json, reason FROM history`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var n int
		for rows.Next() {
			var seq int64
			var before, after, reason string
			if err := rows.Scan(&seq, &before, &after, &reason); err != nil {
				t.Fatal(err)
			}
			n++
			all := strings.ToLower(before + after + reason)
			for _, h := range hashes {
				if strings.Contains(before+after+reason, h) {
					t.Errorf("history event %d contains a password hash", seq)
				}
			}
			for _, leak := range []string{"argon2", "password", "correct horse", "another good"} {
				if strings.Contains(all, leak) {
					t.Errorf("history event %d contains %q: %s / %s", seq, leak, before, after)
				}
			}
		}
		if n != 5 {
			t.Errorf("%d history events, want 5", n)
		}
	})
}
