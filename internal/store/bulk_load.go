package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Settings of the SQLite connection a bulk load holds (BulkWriter). A
// batch inserts tens of thousands of rows into tables whose date indexes
// take them all over their length, so each batch dirties pages throughout
// every such index; with SQLite's default 2 MiB page cache those pages are
// spilled to the WAL in the middle of the transaction, read back and
// written again. And each multi-row INSERT inside a transaction keeps a
// statement journal (to undo that statement alone on a constraint
// failure), by default in a temporary file: a write system call for every
// page the statement changes.
const (
	bulkCacheKiB = 512 << 10 // the page cache: 512 MiB, allocated as pages are used
	// bulkCheckpointPages lets the WAL grow to 64 MiB before it is copied
	// into the database, so an index page changed by several batches in a
	// row is copied once rather than after each of them.
	bulkCheckpointPages = 16384
)

// BulkWriter returns a SyntheticWriter for writing many batches in a row
// (a generated authority, area after area). On SQLite it holds one
// connection for every batch, with a page cache big enough for a batch's
// pages, statement journals in memory and a longer WAL between
// checkpoints; Close gives the connection back with its settings as they
// were. On PostgreSQL it is SyntheticWriter: each batch takes a
// connection for its COPY. Like any writer, it writes one batch at a time.
func (s *Store) BulkWriter(ctx context.Context) (*SyntheticWriter, error) {
	sw := s.SyntheticWriter()
	if s.d.name() != "sqlite" {
		return sw, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: bulk writer: connect: %w", err)
	}
	var cache, temp, checkpoint int64
	for _, p := range []struct {
		name string
		into *int64
	}{{"cache_size", &cache}, {"temp_store", &temp}, {"wal_autocheckpoint", &checkpoint}} {
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.into); err != nil {
			conn.Close()
			return nil, fmt.Errorf("store: bulk writer: read %s: %w", p.name, err)
		}
	}
	if err := pragmas(ctx, conn, -bulkCacheKiB, 2, bulkCheckpointPages); err != nil {
		conn.Close()
		return nil, fmt.Errorf("store: bulk writer: %w", err)
	}
	sw.held = conn
	sw.release = func() error {
		err := pragmas(context.Background(), conn, cache, temp, checkpoint)
		return errors.Join(err, conn.Close())
	}
	return sw, nil
}

// pragmas sets a connection's page cache (negative: KiB), where it keeps
// temporary files (2: memory) and the WAL pages that trigger a checkpoint.
func pragmas(ctx context.Context, conn *sql.Conn, cache, temp, checkpoint int64) error {
	for _, q := range []string{
		fmt.Sprintf("PRAGMA cache_size = %d", cache),
		fmt.Sprintf("PRAGMA temp_store = %d", temp),
		fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", checkpoint),
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}
