package cli_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/store"
)

var passwordLine = regexp.MustCompile(`(?m)^one-time password: (\S+)$`)

// passwordIn finds the one-time password a command printed.
func passwordIn(t *testing.T, stdout string) string {
	t.Helper()
	m := passwordLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no one-time password printed:\n%s", stdout)
	}
	return m[1]
}

// signIn checks a password through the store, as the sign-in page does.
func signIn(t *testing.T, db, username, password string) (store.User, error) {
	t.Helper()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.Authenticate(ctx, username, password, "cli-test")
}

func TestUserAddPrintsAPasswordThatSignsIn(t *testing.T) {
	db := migratedDB(t)
	r := mustRun(t, "user", "add", "--db", db, "--username", "amira", "--name", "Amira Khan", "--role", "social worker")
	if !strings.Contains(r.stdout, "added user amira: Amira Khan, Social worker") {
		t.Errorf("user add printed:\n%s", r.stdout)
	}
	pw := passwordIn(t, r.stdout)
	u, err := signIn(t, db, "amira", pw)
	if err != nil {
		t.Fatalf("sign in with the printed password: %v", err)
	}
	if u.Role != auth.SocialWorker || u.DisplayName != "Amira Khan" {
		t.Errorf("signed in as %+v", u)
	}
}

func TestUserAddReadsThePasswordFromStdin(t *testing.T) {
	db := migratedDB(t)
	r := run(t, "a long enough passphrase\r\n", "user", "add", "--db", db, "--username", "dan",
		"--name", "Dan Whitfield", "--role", "team_manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "a long enough passphrase") || strings.Contains(r.stdout, "one-time password") {
		t.Errorf("a password from stdin was echoed:\n%s", r.stdout)
	}
	if _, err := signIn(t, db, "dan", "a long enough passphrase"); err != nil {
		t.Fatalf("sign in with the password from stdin: %v", err)
	}
}

func TestUserAddValidationErrorsAreFieldLines(t *testing.T) {
	db := migratedDB(t)
	r := run(t, "short\n", "user", "add", "--db", db, "--username", "Not Valid!", "--name", "X",
		"--role", "auditor", "--password-stdin")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	for _, want := range []string{"username: Username must be", "password: Enter a password of at least 12 characters"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	addUser(t, db, "amira", "social_worker")
	r = run(t, "", "user", "add", "--db", db, "--username", "amira", "--name", "Someone Else", "--role", "auditor")
	if r.code != 1 || r.stderr != "username: A user with this username already exists\n" {
		t.Errorf("duplicate username: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestUserAddChecksTheWorkerAndTeam(t *testing.T) {
	db := migratedDB(t)
	for _, flag := range []string{"--worker-id", "--team-id"} {
		r := run(t, "", "user", "add", "--db", db, "--username", "amira", "--name", "Amira Khan",
			"--role", "social_worker", flag, "42")
		if r.code != 1 || !strings.Contains(r.stderr, flag+": no") {
			t.Errorf("%s 42: exit %d, stderr %q", flag, r.code, r.stderr)
		}
	}
}

func TestUserRoleRefusesAnUnknownRoleListingTheRoles(t *testing.T) {
	db := migratedDB(t)
	addUser(t, db, "amira", "social_worker")
	r := run(t, "", "user", "role", "--db", db, "--username", "amira", "--role", "boss")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2", r.code)
	}
	for _, role := range auth.Roles() {
		if !strings.Contains(r.stderr, string(role)) {
			t.Errorf("the message does not list %s: %s", role, r.stderr)
		}
	}
	r = mustRun(t, "user", "role", "--db", db, "--username", "amira", "--role", "Team manager")
	if r.stdout != "amira is now: Team manager\n" {
		t.Errorf("user role printed %q", r.stdout)
	}
}

func TestUserListShowsEveryUser(t *testing.T) {
	db := migratedDB(t)
	r := mustRun(t, "user", "list", "--db", db)
	if !strings.Contains(r.stdout, "no users yet") {
		t.Errorf("empty list printed %q", r.stdout)
	}
	addUser(t, db, "amira", "social_worker")
	addUser(t, db, "grace", "auditor")
	mustRun(t, "user", "disable", "--db", db, "--username", "grace")
	r = mustRun(t, "user", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and 2 users:\n%s", r.stdout)
	}
	for i, want := range [][]string{
		{"USERNAME", "NAME", "ROLE", "DISABLED"},
		{"amira", "Test", "amira", "social_worker", "no"},
		{"grace", "Test", "grace", "auditor", "yes"},
	} {
		if got := strings.Fields(lines[i]); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("line %d = %q, want fields %q", i, lines[i], want)
		}
	}
}

func TestUserDisableStopsSignInAndEnableRestoresIt(t *testing.T) {
	db := migratedDB(t)
	pw := addUser(t, db, "amira", "social_worker")
	mustRun(t, "user", "disable", "--db", db, "--username", "amira")
	if _, err := signIn(t, db, "amira", pw); !errors.Is(err, store.ErrBadCredentials) {
		t.Fatalf("disabled user signed in: %v", err)
	}
	mustRun(t, "user", "enable", "--db", db, "--username", "amira")
	if _, err := signIn(t, db, "amira", pw); err != nil {
		t.Fatalf("enabled user cannot sign in: %v", err)
	}
}

func TestUserPasswdReplacesThePassword(t *testing.T) {
	db := migratedDB(t)
	old := addUser(t, db, "amira", "social_worker")
	r := mustRun(t, "user", "passwd", "--db", db, "--username", "amira")
	pw := passwordIn(t, r.stdout)
	if pw == old {
		t.Fatal("the new password is the old one")
	}
	if _, err := signIn(t, db, "amira", pw); err != nil {
		t.Fatalf("new password: %v", err)
	}
	r = run(t, "", "user", "passwd", "--db", db, "--username", "nobody")
	if r.code != 1 || !strings.Contains(r.stderr, `no user called "nobody"`) {
		t.Errorf("unknown user: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, "", "user", "passwd", "--db", db, "--username", "amira", "--password-stdin")
	if r.code != 2 || !strings.Contains(r.stderr, "standard input was empty") {
		t.Errorf("empty stdin: exit %d, stderr %q", r.code, r.stderr)
	}
}
