package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Every row a batch inserts has each of its foreign keys checked as it
// goes in: on PostgreSQL a lookup and a row lock on the parent row for
// every key of every row (5.7 µs a row a key in a 500,000-row test, against
// 3.2 µs a row to check the key over the whole table afterwards), on
// SQLite a lookup of the parent. DeferForeignKeys takes those checks away
// for a load of generated batches, and the function it returns puts them
// back and checks every row at once.

// bulkForeignKey is a foreign key taken away for a bulk load (PostgreSQL):
// its name, its table, its definition and whether it had been validated.
type bulkForeignKey struct {
	name, table, def string
	validated        bool
}

// DeferForeignKeys stops the foreign keys of the tables a synthetic batch
// writes from being checked row by row while sw writes, and returns the
// function that restores them and checks every row written against them.
// Call it, error or not, once the load is over. On PostgreSQL it drops
// the constraints (in one transaction: all go or none) and restore adds
// each again NOT VALID, then validates it: a row that breaks one is
// reported, and the constraint stays in place, checking new rows, but not
// validated. On SQLite it turns checking off on the writer's connection
// (BulkWriter; the schema is untouched), and restore turns it on and runs
// the foreign key check over the tables on a connection of its own; Close
// turns it on too, however the load ended. Either way restore may run
// beside the function that builds the indexes again (DropIndexes).
func (sw *SyntheticWriter) DeferForeignKeys(ctx context.Context) (restore func(context.Context) error, err error) {
	if sw.s.d.name() == "sqlite" {
		return sw.deferSQLiteForeignKeys(ctx)
	}
	conn, err := sw.s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: drop foreign keys: connect: %w", err)
	}
	defer conn.Close()
	fks, err := sw.s.bulkForeignKeys(ctx, conn)
	if err != nil {
		return nil, err
	}
	if err := dropForeignKeys(ctx, conn, fks); err != nil {
		return nil, err
	}
	return func(ctx context.Context) error { return sw.s.addForeignKeys(ctx, fks) }, nil
}

// deferSQLiteForeignKeys turns foreign key checks off on the writer's held
// connection (a setting of the connection, which SQLite ignores inside a
// transaction: none is open between batches).
func (sw *SyntheticWriter) deferSQLiteForeignKeys(ctx context.Context) (func(context.Context) error, error) {
	conn := sw.held
	if conn == nil {
		return nil, errors.New("store: defer foreign keys: SQLite needs the connection of a bulk writer")
	}
	on := func(ctx context.Context) error {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
			return fmt.Errorf("store: turn foreign keys on: %w", err)
		}
		return nil
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return nil, fmt.Errorf("store: turn foreign keys off: %w", err)
	}
	release := sw.release
	sw.release = func() error { return errors.Join(on(context.Background()), release()) }
	return func(ctx context.Context) error {
		if err := on(ctx); err != nil {
			return err
		}
		// A connection of its own reads what the load committed, so that
		// the check can run beside the index build on the writer's.
		check, err := sw.s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("store: foreign key check: connect: %w", err)
		}
		defer check.Close()
		return checkSQLiteForeignKeys(ctx, check, bulkTableNames(sw.s))
	}, nil
}

// checkSQLiteForeignKeys runs SQLite's foreign key check on each table,
// reporting the rows whose parent is missing, by table and parent.
func checkSQLiteForeignKeys(ctx context.Context, conn *sql.Conn, tables []string) error {
	var errs []error
	for _, t := range tables {
		bad, err := sqliteForeignKeyFaults(ctx, conn, t)
		if err != nil {
			return err
		}
		errs = append(errs, bad...)
	}
	return errors.Join(errs...)
}

// sqliteForeignKeyFaults is one error for each parent table that rows of
// table refer to but that lacks the row, with their count and first rowid.
func sqliteForeignKeyFaults(ctx context.Context, conn *sql.Conn, table string) ([]error, error) {
	rows, err := conn.QueryContext(ctx, `PRAGMA foreign_key_check(`+table+`)`)
	if err != nil {
		return nil, fmt.Errorf("store: foreign key check of %s: %w", table, err)
	}
	defer rows.Close()
	type fault struct {
		n     int
		first int64
	}
	faults := map[string]*fault{}
	var parents []string
	for rows.Next() {
		var tbl, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&tbl, &rowid, &parent, &fkid); err != nil {
			return nil, fmt.Errorf("store: foreign key check of %s: %w", table, err)
		}
		if faults[parent] == nil {
			faults[parent] = &fault{first: rowid.Int64}
			parents = append(parents, parent)
		}
		faults[parent].n++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: foreign key check of %s: %w", table, err)
	}
	var out []error
	for _, p := range parents {
		out = append(out, fmt.Errorf("store: foreign keys: %d rows of %s refer to %s rows that are not there (the first: id %d)",
			faults[p].n, table, p, faults[p].first))
	}
	return out, nil
}

// bulkForeignKeys lists the foreign keys of the tables a batch writes, in
// the current schema, table by table.
func (s *Store) bulkForeignKeys(ctx context.Context, conn *sql.Conn) ([]bulkForeignKey, error) {
	rows, err := conn.QueryContext(ctx, `SELECT c.conname, t.relname, pg_get_constraintdef(c.oid), c.convalidated
		FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
		WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
		ORDER BY t.relname, c.conname`)
	if err != nil {
		return nil, fmt.Errorf("store: list foreign keys: %w", err)
	}
	defer rows.Close()
	tables := bulkTableNames(s)
	var out []bulkForeignKey
	for rows.Next() {
		var fk bulkForeignKey
		if err := rows.Scan(&fk.name, &fk.table, &fk.def, &fk.validated); err != nil {
			return nil, fmt.Errorf("store: list foreign keys: %w", err)
		}
		fk.def = strings.TrimSuffix(fk.def, " NOT VALID")
		if slices.Contains(tables, fk.table) {
			out = append(out, fk)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list foreign keys: %w", err)
	}
	return out, nil
}

// dropForeignKeys drops the keys in one transaction, so that a failure
// part-way leaves every one of them in place.
func dropForeignKeys(ctx context.Context, conn *sql.Conn, fks []bulkForeignKey) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: drop foreign keys: %w", err)
	}
	defer tx.Rollback()
	for _, fk := range fks {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+quoteIdent(fk.table)+` DROP CONSTRAINT `+quoteIdent(fk.name)); err != nil {
			return fmt.Errorf("store: drop foreign key %s of %s: %w", fk.name, fk.table, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: drop foreign keys: %w", err)
	}
	return nil
}

// addForeignKeys puts each key back NOT VALID (checking new rows at once,
// without reading the table), then validates it, each in one pass over its
// table; it carries on past a failure so that as many as possible are
// back, and reports every key it could not add or validate.
func (s *Store) addForeignKeys(ctx context.Context, fks []bulkForeignKey) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: add foreign keys: connect: %w", err)
	}
	defer conn.Close()
	var errs []error
	var added []bulkForeignKey
	for _, fk := range fks {
		q := `ALTER TABLE ` + quoteIdent(fk.table) + ` ADD CONSTRAINT ` + quoteIdent(fk.name) + ` ` + fk.def + ` NOT VALID`
		if _, err := conn.ExecContext(ctx, q); err != nil {
			errs = append(errs, fmt.Errorf("store: add foreign key %s of %s: %w", fk.name, fk.table, err))
			continue
		}
		added = append(added, fk)
	}
	for _, fk := range added {
		if !fk.validated {
			continue
		}
		if _, err := conn.ExecContext(ctx, `ALTER TABLE `+quoteIdent(fk.table)+` VALIDATE CONSTRAINT `+quoteIdent(fk.name)); err != nil {
			errs = append(errs, fmt.Errorf("store: foreign key %s of %s (%s) is in place for new rows, but rows written break it: %w",
				fk.name, fk.table, fk.def, err))
		}
	}
	return errors.Join(errs...)
}

// quoteIdent quotes a PostgreSQL identifier read from the catalogue.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
