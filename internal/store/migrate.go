package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// Migration is one numbered schema step.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ErrSchemaOutOfDate means the database needs `sightline migrate` before the
// app may serve it: serving an old schema would fail in odd places later.
var ErrSchemaOutOfDate = errors.New("the database schema is out of date: run `sightline migrate`")

// Migrations returns the embedded steps for a backend ("sqlite" or
// "postgres") in order.
func Migrations(backend string) ([]Migration, error) {
	dir := "migrations/" + backend
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		m, err := readMigration(dir, e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// readMigration reads "NNNN_name.sql".
func readMigration(dir, file string) (Migration, error) {
	num, name, ok := strings.Cut(strings.TrimSuffix(file, ".sql"), "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil {
		return Migration{}, fmt.Errorf("store: migration file %s is not named NNNN_name.sql", file)
	}
	b, err := migrationFS.ReadFile(path.Join(dir, file))
	if err != nil {
		return Migration{}, fmt.Errorf("store: read migration %s: %w", file, err)
	}
	return Migration{Version: v, Name: name, SQL: string(b)}, nil
}

// SchemaStatus says which migrations are applied and which are pending.
type SchemaStatus struct {
	Current int
	Latest  int
	Pending []Migration
}

// Status reads the applied version without changing anything.
func (s *Store) Status(ctx context.Context) (SchemaStatus, error) {
	all, err := Migrations(s.d.name())
	if err != nil {
		return SchemaStatus{}, err
	}
	if err := s.ensureMigrationsTable(ctx); err != nil {
		return SchemaStatus{}, err
	}
	applied := map[int]bool{}
	rows, err := s.query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return SchemaStatus{}, fmt.Errorf("store: read schema version: %w", err)
	}
	defer rows.Close()
	st := SchemaStatus{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return SchemaStatus{}, err
		}
		applied[v] = true
		st.Current = max(st.Current, v)
	}
	if err := rows.Err(); err != nil {
		return SchemaStatus{}, err
	}
	for _, m := range all {
		st.Latest = max(st.Latest, m.Version)
		if !applied[m.Version] {
			st.Pending = append(st.Pending, m)
		}
	}
	return st, nil
}

// CheckSchema returns ErrSchemaOutOfDate when migrations are pending.
func (s *Store) CheckSchema(ctx context.Context) error {
	st, err := s.Status(ctx)
	if err != nil {
		return err
	}
	if len(st.Pending) > 0 {
		return fmt.Errorf("%w (at version %d of %d)", ErrSchemaOutOfDate, st.Current, st.Latest)
	}
	return nil
}

func (s *Store) ensureMigrationsTable(ctx context.Context) error {
	_, err := s.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
	if err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	return nil
}

// Migrate applies every pending migration, each in its own transaction, and
// records it. A failing step rolls back and the error names it; the steps
// before it stay applied. It returns the steps applied.
func (s *Store) Migrate(ctx context.Context) ([]Migration, error) {
	st, err := s.Status(ctx)
	if err != nil {
		return nil, err
	}
	var done []Migration
	for _, m := range st.Pending {
		if err := s.apply(ctx, m); err != nil {
			return done, err
		}
		done = append(done, m)
	}
	return done, nil
}

// apply runs one migration in a transaction. On PostgreSQL an advisory lock
// stops two instances starting together from applying the same step twice.
func (s *Store) apply(ctx context.Context, m Migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %04d %s: begin: %w", m.Version, m.Name, err)
	}
	defer tx.Rollback()
	if s.d.name() == "postgres" {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7261001)`); err != nil {
			return fmt.Errorf("store: migration %04d %s: lock: %w", m.Version, m.Name, err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&n); err != nil || n > 0 {
			return err // applied by another instance meanwhile, or a real error
		}
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("store: migration %04d %s failed and was rolled back: %w", m.Version, m.Name, err)
	}
	_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.Version, m.Name, s.Now().Format(tsLayout))
	if err != nil {
		return fmt.Errorf("store: migration %04d %s: record: %w", m.Version, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %04d %s: commit: %w", m.Version, m.Name, err)
	}
	return nil
}
