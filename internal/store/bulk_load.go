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

// bulkPragma is a setting of the connection a bulk load holds, and the
// value it has during the load.
type bulkPragma struct {
	name string
	bulk int64
}

// BulkWriter returns a SyntheticWriter for writing many batches in a row
// (a generated authority). On SQLite it holds one connection for every
// batch, with a page cache big enough for a batch's pages, statement
// journals in memory and a longer WAL between checkpoints; Close gives the
// connection back with its settings as they were. fresh says the database
// is a new file made for this load, with nothing in it worth keeping
// should the machine fail part-way: SQLite then does not wait for the disk
// at checkpoints (synchronous OFF). A crash of the program still leaves
// the file whole; a power cut may not, and the load is started again in a
// new file anyway. On PostgreSQL it is SyntheticWriter: each batch takes a
// connection for its COPY. Like any writer, it writes one batch at a time.
func (s *Store) BulkWriter(ctx context.Context, fresh bool) (*SyntheticWriter, error) {
	sw := s.SyntheticWriter()
	if s.d.name() != "sqlite" {
		return sw, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: bulk writer: connect: %w", err)
	}
	set := []bulkPragma{{"cache_size", -bulkCacheKiB}, {"temp_store", 2}, {"wal_autocheckpoint", bulkCheckpointPages}}
	if fresh {
		set = append(set, bulkPragma{"synchronous", 0})
	}
	was := make([]bulkPragma, len(set))
	for i, p := range set {
		was[i].name = p.name
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(&was[i].bulk); err != nil {
			conn.Close()
			return nil, fmt.Errorf("store: bulk writer: read %s: %w", p.name, err)
		}
	}
	if err := pragmas(ctx, conn, set); err != nil {
		conn.Close()
		return nil, fmt.Errorf("store: bulk writer: %w", err)
	}
	sw.held = conn
	sw.release = func() error {
		err := pragmas(context.Background(), conn, was)
		return errors.Join(err, conn.Close())
	}
	return sw, nil
}

// pragmas sets a connection's settings: the page cache (negative: KiB),
// where it keeps temporary files (2: memory), the WAL pages that trigger a
// checkpoint, and whether it waits for the disk.
func pragmas(ctx context.Context, conn *sql.Conn, set []bulkPragma) error {
	for _, p := range set {
		q := fmt.Sprintf("PRAGMA %s = %d", p.name, p.bulk)
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// Analyze is Store.Analyze on the writer's connection where it holds one
// (SQLite), whose page cache still has the tables and indexes just
// written: a connection of the pool would read them all again from the
// file.
func (sw *SyntheticWriter) Analyze(ctx context.Context) error {
	if sw.held == nil {
		return sw.s.Analyze(ctx)
	}
	if _, err := sw.held.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}
