package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sightline/internal/cli"
)

var ctx = context.Background()

// result is what one run of sightline printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// run runs sightline in-process with stdin.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.RunWithInput(ctx, args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// mustRun runs sightline and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, "", args...)
	if r.code != 0 {
		t.Fatalf("sightline %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// migratedDB returns a fresh SQLite file migrated by `sightline migrate`.
func migratedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "sightline.db")
	mustRun(t, "migrate", "--db", db)
	return db
}

func TestHelpListsEverySubcommand(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		r := run(t, "", arg)
		if r.code != 0 {
			t.Fatalf("%s: exit %d, want 0", arg, r.code)
		}
		for _, sub := range []string{"serve", "migrate", "user", "history", "demo"} {
			if !strings.Contains(r.stdout, "  "+sub+" ") {
				t.Errorf("%s: help does not list %q:\n%s", arg, sub, r.stdout)
			}
		}
	}
}

func TestNoArgumentsIsAUsageError(t *testing.T) {
	r := run(t, "")
	if r.code != 2 || !strings.Contains(r.stderr, "Subcommands:") {
		t.Fatalf("no arguments: exit %d, stderr %q; want 2 with help", r.code, r.stderr)
	}
}

func TestUnknownSubcommandIsAUsageErrorWithHelp(t *testing.T) {
	r := run(t, "", "frobnicate")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2", r.code)
	}
	if !strings.Contains(r.stderr, `unknown subcommand "frobnicate"`) || !strings.Contains(r.stderr, "Subcommands:") {
		t.Fatalf("stderr does not name the subcommand and list the others:\n%s", r.stderr)
	}
}

func TestMissingDatabaseIsAUsageErrorNamingBothWays(t *testing.T) {
	t.Setenv("SIGHTLINE_DB", "")
	for _, args := range [][]string{
		{"migrate"}, {"serve"}, {"history", "verify"}, {"user", "list"},
		{"user", "add", "--username", "amira", "--name", "Amira Khan", "--role", "social_worker"},
	} {
		r := run(t, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "--db") || !strings.Contains(r.stderr, "SIGHTLINE_DB") {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming --db and SIGHTLINE_DB", args, r.code, r.stderr)
		}
	}
}

func TestSIGHTLINE_DBNamesTheDatabase(t *testing.T) {
	db := migratedDB(t)
	t.Setenv("SIGHTLINE_DB", db)
	r := mustRun(t, "migrate", "--status")
	if !strings.Contains(r.stdout, "pending:         none") {
		t.Fatalf("status through SIGHTLINE_DB:\n%s", r.stdout)
	}
}

func TestBadFlagsAreOneLineUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"migrate", "--nope"}, {"migrate", "extra"}, {"serve", "--log-format", "xml", "--db", "x.db"},
		{"user", "frob"}, {"user"}, {"history"}, {"user", "add", "--db", "x.db"},
	} {
		r := run(t, "", args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
		if n := strings.Count(r.stderr, "\n"); n != 1 {
			t.Errorf("%v: %d lines on stderr, want one:\n%s", args, n, r.stderr)
		}
	}
}

func TestSubcommandHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "-h"}, {"migrate", "-h"}, {"user", "-h"}, {"user", "add", "-h"}, {"history", "-h"},
		{"history", "verify", "-h"}, {"demo", "-h"},
	} {
		r := run(t, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage: sightline") {
			t.Errorf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

// syncBuffer is a bytes.Buffer safe to read while a server writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
