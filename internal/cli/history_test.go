package cli_test

import (
	"strings"
	"testing"

	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

func TestHistoryVerifyOnBothBackends(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			db := storetest.DSN(t, backend)
			r := mustRun(t, "migrate", "--db", db)
			if !strings.Contains(r.stdout, "applied 0001 core") {
				t.Fatalf("migrate on %s:\n%s", backend, r.stdout)
			}
			addUser(t, db, "amira", "social_worker")
			addUser(t, db, "dan", "team_manager")
			mustRun(t, "user", "role", "--db", db, "--username", "amira", "--role", "auditor")

			r = mustRun(t, "history", "verify", "--db", db)
			if r.stdout != "history verified: 3 events, chain intact\n" {
				t.Fatalf("verify on a good database printed %q", r.stdout)
			}

			tamper(t, db, `UPDATE history SET reason = 'nothing to see here' WHERE seq = 2`)
			r = run(t, "", "history", "verify", "--db", db)
			if r.code != 1 {
				t.Fatalf("verify after tampering: exit %d, want 1 (stdout %q)", r.code, r.stdout)
			}
			if !strings.Contains(r.stderr, "history broken at event 2: ") || !strings.Contains(r.stderr, "altered") {
				t.Fatalf("verify after tampering does not name the event:\n%s", r.stderr)
			}
		})
	}
}

func TestHistoryVerifyNoticesEventsRemovedFromTheEnd(t *testing.T) {
	db := migratedDB(t)
	addUser(t, db, "amira", "social_worker")
	addUser(t, db, "dan", "team_manager")
	tamper(t, db, `DELETE FROM history WHERE seq = 2`)
	r := run(t, "", "history", "verify", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "history broken at event 2: ") {
		t.Fatalf("exit %d, stderr %q; want 1 naming event 2", r.code, r.stderr)
	}
}

// addUser adds a user through the CLI.
func addUser(t *testing.T, db, username, role string) string {
	t.Helper()
	r := mustRun(t, "user", "add", "--db", db, "--username", username, "--name", "Test "+username, "--role", role)
	return passwordIn(t, r.stdout)
}

// tamper changes the database behind the store's back, as an attacker with
// the file or a superuser could.
func tamper(t *testing.T, db, query string) {
	t.Helper()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.DB().ExecContext(ctx, query); err != nil {
		t.Fatalf("tamper: %v", err)
	}
}
