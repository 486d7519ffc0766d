package cli_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// signInRow is a line of the demo's sign-in table: username … password.
var signInRow = regexp.MustCompile(`(?m)^  ([a-z]+)\s.*\s(\S{4}-\S{4}-\S{4}-\S{4})$`)

func demoPasswords(out string) map[string]string {
	pw := map[string]string{}
	for _, m := range signInRow.FindAllStringSubmatch(out, -1) {
		pw[m[1]] = m[2]
	}
	return pw
}

func TestDemoLoadsServesAndReusesItsFile(t *testing.T) {
	t.Setenv("SIGHTLINE_DB", "postgres://nobody@127.0.0.1:1/never") // the demo must not use it
	db := filepath.Join(t.TempDir(), "demo.db")

	s := startServer(t, "demo", "--db", db, "--addr", "127.0.0.1:0", "--size", "small")
	url := s.waitURL(t)
	if code := httpStatus(t, url+"/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d", code)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, s.errOut.String())
	}
	out := s.out.String()
	if !strings.Contains(out, "loaded the demo authority into "+db) {
		t.Errorf("first run did not load:\n%s", out)
	}
	for _, r := range auth.Roles() {
		if !strings.Contains(out, r.Label()) {
			t.Errorf("no sign-in with role %s:\n%s", r.Label(), out)
		}
	}
	first := demoPasswords(out)
	for _, u := range []string{"amira", "priya", "dan", "sue", "jo", "grace", "pat", "admin"} {
		if first[u] == "" {
			t.Errorf("no password printed for %s:\n%s", u, out)
		}
	}
	if _, err := signIn(t, db, "amira", first["amira"]); err != nil {
		t.Fatalf("amira cannot sign in with the printed password: %v", err)
	}

	s = startServer(t, "demo", "--db", db, "--addr", "127.0.0.1:0")
	s.waitURL(t)
	s.stop(t)
	out = s.out.String()
	if !strings.Contains(out, "using the demo authority in "+db) || strings.Contains(out, "applied") ||
		strings.Contains(out, "generating") {
		t.Errorf("second run did not reuse the file:\n%s", out)
	}
	if second := demoPasswords(out); second["amira"] == first["amira"] || second["amira"] == "" {
		t.Errorf("passwords were not renewed: %q then %q", first["amira"], second["amira"])
	}

	s = startServer(t, "demo", "--db", db, "--addr", "127.0.0.1:0", "--fresh", "--size", "small")
	s.waitURL(t)
	s.stop(t)
	if out := s.out.String(); !strings.Contains(out, "applied 0001 core") || !strings.Contains(out, "loaded the demo authority") {
		t.Errorf("--fresh did not start again:\n%s", out)
	}
}

func TestDemoRefusesPostgreSQL(t *testing.T) {
	r := run(t, "", "demo", "--db", "postgres://localhost/sightline")
	if r.code != 2 || !strings.Contains(r.stderr, "SQLite") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDemoLeavesADatabaseWithRealChildrenAlone(t *testing.T) {
	db := migratedDB(t)
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	dob := calendar.Date(2015, 3, 14)
	_, err = st.CreateChild(ctx, store.System, casework.Child{LAChildID: "REAL1", FirstName: "Real", LastName: "Child",
		Sex: "F", DateOfBirth: &dob})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"demo", "--db", db, "--addr", "127.0.0.1:0"},
		{"demo", "--db", db, "--addr", "127.0.0.1:0", "--fresh"},
	} {
		r := run(t, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, "1 real (not synthetic) children") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the database is gone: %v", err)
	}
}

func TestDemoFreshRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("my important notes, not a database at all\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "demo", "--db", path, "--fresh", "--addr", "127.0.0.1:0")
	if r.code != 1 || !strings.Contains(r.stderr, "refusing to remove") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "my important notes") {
		t.Fatalf("the file was changed: %q, %v", b, err)
	}
}
