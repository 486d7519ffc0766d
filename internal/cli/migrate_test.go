package cli_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sightline/internal/store"
)

func TestMigrateAppliesEachStepThenSaysUpToDate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	r := mustRun(t, "migrate", "--db", db)
	if !strings.Contains(r.stdout, "applied 0001 core\n") {
		t.Errorf("first migrate does not print the step applied:\n%s", r.stdout)
	}
	latest := latestVersion(t)
	want := "schema is up to date (version " + latest + ")\n"
	if !strings.HasSuffix(r.stdout, want) {
		t.Errorf("first migrate output ends %q, want %q", r.stdout, want)
	}
	r = mustRun(t, "migrate", "--db", db)
	if r.stdout != want {
		t.Errorf("second migrate printed %q, want only %q", r.stdout, want)
	}
}

func TestMigrateStatusReportsWithoutChanging(t *testing.T) {
	db := filepath.Join(t.TempDir(), "status.db")
	r := run(t, "", "migrate", "--status", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Fatalf("status of a missing file: exit %d, stderr %q; want 1 saying it does not exist", r.code, r.stderr)
	}
	mustRun(t, "migrate", "--db", db)
	r = mustRun(t, "migrate", "--status", "--db", db)
	for _, want := range []string{"current version: " + latestVersion(t), "latest version:  " + latestVersion(t), "pending:         none"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestMigrateStatusListsPendingSteps(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	st, err := store.Open(ctx, db) // an empty SQLite file, never migrated
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := mustRun(t, "migrate", "--status", "--db", db)
	if !strings.Contains(r.stdout, "current version: 0") || !strings.Contains(r.stdout, "pending:         0001 core") {
		t.Errorf("status of an empty database:\n%s", r.stdout)
	}
}

func latestVersion(t *testing.T) string {
	t.Helper()
	all, err := store.Migrations("sqlite")
	if err != nil || len(all) == 0 {
		t.Fatalf("migrations: %v", err)
	}
	return strconv.Itoa(all[len(all)-1].Version)
}

func TestMigrateNamesTheStepThatFailed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "clash.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.DB().ExecContext(ctx, `CREATE TABLE teams (something_else INTEGER)`) // in the way of step 1
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "migrate", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "migration 0001 core failed") {
		t.Fatalf("exit %d, stderr %q; want 1 naming step 0001", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "up to date") {
		t.Errorf("it claimed success:\n%s", r.stdout)
	}
}
