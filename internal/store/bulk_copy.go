package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// writeOnConn is write (history.go) on one connection held for the whole
// transaction, so that COPY can run on that connection inside it: the
// batch's rows and its history event still commit together or not at all.
// A writer that holds a connection (BulkWriter) writes on that one.
func (sw *SyntheticWriter) writeOnConn(ctx context.Context, actor Actor, fn func(*Tx) error) error {
	conn := sw.held
	if conn == nil {
		var err error
		if conn, err = sw.s.db.Conn(ctx); err != nil {
			return fmt.Errorf("connect: %w", err)
		}
		defer conn.Close()
	}
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer sqlTx.Rollback()
	sw.conn = conn
	defer func() { sw.conn = nil }()
	tx := &Tx{s: sw.s, tx: sqlTx, now: sw.s.Now(), actor: actor}
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.appendEvents(ctx); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// copy writes every row of t with PostgreSQL's COPY, streaming the rows
// from the batch (and hashing them as the INSERT path does).
func (w *bulkWriter) copy(ctx context.Context, t bulkTable) error {
	cols := strings.Split(t.cols, ",")
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	w.h.table(t.name)
	src := &copySource{t: t, h: &w.h}
	err := w.sw.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("COPY needs the pgx driver, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{t.name}, cols, src)
		return err
	})
	if err != nil {
		return fmt.Errorf("copy into %s: %w", t.name, err)
	}
	w.written(t)
	return nil
}

// copySource hands COPY one row at a time, civil dates as time.Time.
type copySource struct {
	t   bulkTable
	i   int
	row []any
	h   *rowHasher
}

func (c *copySource) Next() bool {
	if c.i >= c.t.n {
		return false
	}
	c.row = c.t.row(c.i, c.row[:0])
	c.h.row(c.row)
	for j, v := range c.row {
		if d, ok := v.(civil); ok {
			c.row[j] = time.Time(d)
		}
	}
	c.i++
	return true
}

func (c *copySource) Values() ([]any, error) { return c.row, nil }

func (c *copySource) Err() error { return nil }
