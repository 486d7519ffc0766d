// Package storetest opens real, fresh, migrated databases for tests: SQLite
// in a temporary directory and PostgreSQL in a schema of its own, so that
// every store test runs on both backends.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/store"
)

// DefaultPostgres is used when SIGHTLINE_TEST_POSTGRES is not set.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Backends are the backends every store test runs on.
var Backends = []string{"sqlite", "postgres"}

// Each runs fn as a subtest on each backend with a fresh database.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store), opts ...store.Option) {
	t.Helper()
	for _, b := range Backends {
		t.Run(b, func(t *testing.T) {
			fn(t, Open(t, b, opts...))
		})
	}
}

// CheapPasswords makes password hashing fast in tests (argon2id with 64 KiB
// instead of 64 MiB); the algorithm and code path are the real ones.
func CheapPasswords() store.Option {
	return store.WithPasswordHasher(auth.Hasher{Memory: 64, Time: 1, Threads: 1})
}

// Open returns a migrated, empty store on backend, closed (and on
// PostgreSQL dropped) when the test ends.
func Open(t testing.TB, backend string, opts ...store.Option) *store.Store {
	t.Helper()
	opts = append([]store.Option{CheapPasswords()}, opts...)
	dsn := DSN(t, backend)
	s, err := store.Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("open %s: %v", backend, err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s: %v", backend, err)
	}
	return s
}

// DSN returns a fresh database for backend: a new SQLite file, or a new
// PostgreSQL schema reached through search_path. Without PostgreSQL the
// test is skipped, or failed when CI=true.
func DSN(t testing.TB, backend string) string {
	t.Helper()
	if backend == "sqlite" {
		return filepath.Join(t.TempDir(), "test.db")
	}
	base := os.Getenv("SIGHTLINE_TEST_POSTGRES")
	if base == "" {
		base = DefaultPostgres
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		Unavailable(t, "PostgreSQL at "+base, err)
	}
	schema := "t_" + randomHex(8)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("bad SIGHTLINE_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Unavailable skips a test whose service is missing, or fails it under CI,
// where a missing service must never pass silently.
func Unavailable(t testing.TB, what string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not available (CI=true, so this is a failure): %v", what, err)
	}
	t.Skipf("%s is not available: %v (set CI=true to make this a failure)", what, err)
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
