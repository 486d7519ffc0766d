package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A load of many batches (national, area after area) meets indexes that
// take each batch's rows all over their length: dates (visit_date,
// received_at, start and end dates), decisions. Every batch then changes
// pages throughout every such index, and each page changed is written to
// the WAL at commit and again at the checkpoint, so a batch costs more the
// more is already loaded (at 34 million rows a batch was writing several
// times its own size). DropIndexes takes those indexes away for the load,
// and the function it returns builds them again, each in one sort.

// bulkIndex is a secondary index dropped for a bulk load, with the
// statement that makes it.
type bulkIndex struct {
	name, table, create string
}

// DropIndexes drops the secondary indexes (not primary keys, not unique
// indexes: those keep their rules) of every table a synthetic batch
// writes, and returns a function that creates them again. Call it, error
// or not, once the load is over: until then the tables have no indexes
// but their keys, so every read by anything but id is a full scan. It
// builds every index it can and reports those it could not. On SQLite the
// writer's connection does the work, with its bulk page cache as the
// sort's memory (BulkWriter); on PostgreSQL a connection of its own with
// more maintenance memory than the default.
func (sw *SyntheticWriter) DropIndexes(ctx context.Context) (restore func(context.Context) error, err error) {
	conn := sw.held
	if conn == nil {
		if conn, err = sw.s.db.Conn(ctx); err != nil {
			return nil, fmt.Errorf("store: drop indexes: connect: %w", err)
		}
		defer conn.Close()
	}
	idx, err := sw.s.bulkIndexes(ctx, conn)
	if err != nil {
		return nil, err
	}
	for i, x := range idx {
		if _, err := conn.ExecContext(ctx, `DROP INDEX `+x.name); err != nil {
			err = fmt.Errorf("store: drop index %s: %w", x.name, err)
			return nil, errors.Join(err, sw.createIndexes(context.WithoutCancel(ctx), idx[:i]))
		}
	}
	return func(ctx context.Context) error { return sw.createIndexes(ctx, idx) }, nil
}

// createIndexes makes each index again, carrying on past a failure so that
// as many as possible are back.
func (sw *SyntheticWriter) createIndexes(ctx context.Context, idx []bulkIndex) error {
	conn := sw.held
	if conn == nil {
		var err error
		if conn, err = sw.s.db.Conn(ctx); err != nil {
			return fmt.Errorf("store: create indexes: connect: %w", err)
		}
		defer conn.Close()
		if sw.s.d.name() == "postgres" {
			if _, err := conn.ExecContext(ctx, `SET maintenance_work_mem = '512MB'`); err != nil {
				return fmt.Errorf("store: create indexes: %w", err)
			}
			defer conn.ExecContext(context.WithoutCancel(ctx), `RESET maintenance_work_mem`)
		}
	}
	var errs []error
	for _, x := range idx {
		if _, err := conn.ExecContext(ctx, x.create); err != nil {
			errs = append(errs, fmt.Errorf("store: create index %s on %s: %w", x.name, x.table, err))
		}
	}
	return errors.Join(errs...)
}

// bulkIndexes lists the secondary indexes of the tables a batch writes,
// table by table, each with the statement that makes it.
func (s *Store) bulkIndexes(ctx context.Context, conn *sql.Conn) ([]bulkIndex, error) {
	tables := bulkTableNames(s)
	q := `SELECT name, tbl_name, sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE%'
		ORDER BY tbl_name, name`
	if s.d.name() == "postgres" {
		q = `SELECT c.relname, t.relname, pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
			WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
			ORDER BY t.relname, c.relname`
	}
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: list indexes: %w", err)
	}
	defer rows.Close()
	var out []bulkIndex
	for rows.Next() {
		var x bulkIndex
		if err := rows.Scan(&x.name, &x.table, &x.create); err != nil {
			return nil, fmt.Errorf("store: list indexes: %w", err)
		}
		if slices.Contains(tables, x.table) {
			out = append(out, x)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list indexes: %w", err)
	}
	return out, nil
}

// bulkTableNames names the tables a synthetic batch writes.
func bulkTableNames(s *Store) []string {
	var names []string
	for _, t := range (&SyntheticBatch{}).tables(&Tx{s: s}, true) {
		names = append(names, strings.TrimSpace(t.name))
	}
	return names
}
