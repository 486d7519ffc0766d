// Package store keeps sightline's records in SQLite (embedded, the default)
// or PostgreSQL. There is one concrete Store; queries are written once in
// SQL both accept, and the few differences live in dialect.go.
//
// Every write is one transaction that changes the current tables and appends
// to the hash-chained history (history.go). Editable rows carry a version; a
// save against a stale version is refused with a *casework.ConflictError.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"sightline/internal/auth"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver: pure Go, no cgo needed
)

// Store is the database of one authority.
type Store struct {
	db     *sql.DB
	d      dialect
	now    func() time.Time
	hasher auth.Hasher // zero: auth's defaults
	stmts  sync.Map    // query text → *sql.Stmt, for the few hot queries
}

// Option changes how a Store is opened.
type Option func(*Store)

// WithClock makes the store read time from now (tests use a fixed clock).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens the database named by dsn: a postgres:// or postgresql:// URL
// for PostgreSQL, anything else a SQLite file path. It does not migrate.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("store: no database given: use --db or SIGHTLINE_DB")
	}
	s := &Store{now: time.Now}
	for _, o := range opts {
		o(s)
	}
	var err error
	if isPostgres(dsn) {
		s.d = postgresDialect{}
		s.db, err = sql.Open("pgx", dsn)
		// Several app instances share one server: keep each pool modest,
		// but keep it whole when idle, because under a burst of requests a
		// pool that closes connections past its idle limit opens a new
		// server process for nearly every request.
		s.db.SetMaxOpenConns(16)
		s.db.SetMaxIdleConns(16)
	} else {
		s.d = sqliteDialect{}
		s.db, err = sql.Open("sqlite", sqliteDSN(dsn))
		// WAL lets readers run beside the one writer; more connections than
		// cores only queue on the write lock.
		s.db.SetMaxOpenConns(8)
		s.db.SetMaxIdleConns(8)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	s.db.SetConnMaxIdleTime(5 * time.Minute)
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", s.d.name(), err)
	}
	return s, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteDSN adds the settings sightline relies on: WAL so readers never
// wait for the writer, foreign keys enforced, a busy timeout so concurrent
// writers queue instead of failing, and immediate transactions so a write
// takes the lock at BEGIN rather than failing half-way with SQLITE_BUSY.
//
// A plain path is escaped, because the driver reads the name as an SQLite
// URI in which '?' starts the query, '#' the fragment and '%' an escape:
// "cases#2.db" must open that file, not "cases". A name given as a
// "file:" URI keeps its path and loses its own query, which these
// settings replace.
func sqliteDSN(path string) string {
	if uri, ok := strings.CutPrefix(path, "file:"); ok {
		path, _, _ = strings.Cut(uri, "?")
	} else {
		path = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Close closes the kept statements and the database.
func (s *Store) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// Backend names the database in use: "sqlite" or "postgres".
func (s *Store) Backend() string { return s.d.name() }

// Now is the store's clock, truncated to microseconds (what both backends
// keep) so a value read back equals the value written.
func (s *Store) Now() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// Ping checks the database answers (for /healthz).
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// DB exposes the handle for benchmarks and cross-check tests that need raw
// SQL. Application code goes through Store methods.
func (s *Store) DB() *sql.DB { return s.db }

// prepared returns a statement for q, prepared once and kept: the long
// chronology union costs as much to parse as to run on SQLite.
func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, s.d.rebind(q))
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// exec, query and queryRow rebind "?" placeholders for the backend.
func (s *Store) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, s.d.rebind(q), args...)
}

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.d.rebind(q), args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.d.rebind(q), args...)
}

// Analyze refreshes the planner's statistics after a bulk load, so the
// first queries on a freshly generated authority are planned on real
// numbers rather than on empty tables.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}
