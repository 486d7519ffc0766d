package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// SyntheticBatch is one slice of a generated (synthetic) authority, written
// by WriteSyntheticBatch in one transaction. Every record carries the id
// the generator gave it (see NextIDs), so records in the batch can refer to
// each other and to earlier batches. Typed data goes through the per-record
// methods, which check each record against the rules as it is saved; a
// batch is trusted to obey the same rules (package synth tests that it does)
// and is not checked record by record here.
type SyntheticBatch struct {
	Seq              int64 // the batch's number, the history event's entity id
	Teams            []casework.Team
	Posts            []casework.Post        // the establishment: funded posts with their budgeted pay
	Workers          []casework.StaffRecord // written as synthetic staff, with their register entries
	Users            []SyntheticUser
	Children         []casework.Child // each must be Synthetic
	Addresses        []casework.Address
	Relationships    []casework.Relationship
	Involvements     []casework.Involvement
	Allocations      []AllocationRow
	Contacts         []casework.Contact
	Referrals        []casework.Referral
	Assessments      []casework.Assessment
	Strategies       []casework.StrategyDiscussion
	S47s             []casework.S47Enquiry
	Plans            []casework.CPPlan
	Conferences      []casework.Conference
	CoreGroups       []casework.CoreGroup
	Visits           []casework.Visit
	CINPlans         []casework.CINPlan
	CINReviews       []casework.CINPlanReview
	Notes            []casework.Note // AuthorID is a user of this or an earlier batch
	syntheticCare                    // children in care (bulk_care.go)
	syntheticMissing                 // missing episodes and exploitation (bulk_missing.go)
	syntheticCourt                   // pre-proceedings and court work (bulk_missing.go)
	syntheticLeavers                 // care leavers (bulk_leaver.go)
}

// SyntheticUser is a user made with its password hash (a generated staff
// member's sign-in is disabled and its hash matches no known password).
type SyntheticUser struct {
	User
	PasswordHash string
}

// AllocationRow is one dated period in which an involvement was held by a
// team and (if allocated) a worker: a row of the allocations table.
type AllocationRow struct {
	ID            int64
	InvolvementID int64
	TeamID        *int64
	WorkerID      *int64 // nil: unallocated
	StartDate     time.Time
	EndDate       *time.Time
	ReasonCode    string // SW_REASON (casework.SocialWorkerReasons), "" when not known
	Reason        string
}

// TableRows is how many rows a batch wrote to one table.
type TableRows struct {
	Table string `json:"table"`
	Rows  int    `json:"rows"`
}

// BatchSummary is what the history records of a batch: the rows written
// to each table and the SHA-256 of their values, in the order written (see
// rowHasher), so that the batch's contents can be checked against the
// chain.
type BatchSummary struct {
	Batch  int64       `json:"batch"`
	Tables []TableRows `json:"tables"`
	Rows   int         `json:"rows"`
	SHA256 string      `json:"sha256"`
}

// ErrNotSynthetic refuses a batch holding a child not marked synthetic:
// the bulk path is for generated authorities only.
var ErrNotSynthetic = errors.New("a synthetic batch may hold only synthetic children")

// NextIDs is the first free id of each table a batch writes, read before
// generating so that generated ids follow any rows already there.
type NextIDs struct {
	Team, Post, Worker, User, Child, Address, Relationship, Involvement, Allocation int64
	Contact, Referral, Assessment, Strategy, S47, Plan, Conference, CoreGroup       int64
	Visit, CINPlan, CINReview, Note                                                 int64
	CareEpisode, LegalStatus, Placement, CareEvent, FamilyTime, Permanence, Outcome int64
	Provider                                                                        int64
	Missing, ReturnInterview, Screening, PLO, PLOEvent, Proceedings, Hearing        int64
	CareLeaver, Pathway, LeaverContact                                              int64
}

// NextIDs reads max(id)+1 of every table a SyntheticBatch writes. It is
// meant for a database no one else is writing to (generate refuses any
// database that already holds children).
func (s *Store) NextIDs(ctx context.Context) (NextIDs, error) {
	var n NextIDs
	for _, f := range append(slices.Concat(careIDTables(&n), missingIDTables(&n), courtIDTables(&n), leaverIDTables(&n)), []struct {
		table string
		into  *int64
	}{{"teams", &n.Team}, {"posts", &n.Post}, {"workers", &n.Worker}, {"users", &n.User}, {"children", &n.Child},
		{"addresses", &n.Address}, {"relationships", &n.Relationship}, {"involvements", &n.Involvement},
		{"allocations", &n.Allocation}, {"contacts", &n.Contact}, {"referrals", &n.Referral},
		{"assessments", &n.Assessment}, {"strategy_discussions", &n.Strategy}, {"s47_enquiries", &n.S47},
		{"cp_plans", &n.Plan}, {"conferences", &n.Conference}, {"core_groups", &n.CoreGroup}, {"visits", &n.Visit},
		{"cin_plans", &n.CINPlan}, {"cin_plan_reviews", &n.CINReview}, {"case_notes", &n.Note}}...) {
		if err := s.queryRow(ctx, `SELECT COALESCE(max(id), 0) + 1 FROM `+f.table).Scan(f.into); err != nil {
			return n, fmt.Errorf("store: next id of %s: %w", f.table, err)
		}
	}
	return n, nil
}

// WriteSyntheticBatch writes one batch with a writer of its own (see
// SyntheticWriter, which keeps its statements for the next batch).
func (s *Store) WriteSyntheticBatch(ctx context.Context, actor Actor, b *SyntheticBatch) (BatchSummary, error) {
	sw := s.SyntheticWriter()
	defer sw.Close()
	return sw.Write(ctx, actor, b)
}

// SyntheticWriter writes synthetic batches. On SQLite it keeps the
// multi-row INSERTs it prepares from one batch to the next (a few hundred
// rows of VALUES take SQLite longer to parse than to run); on PostgreSQL
// it copies rows in with COPY (bulk_copy.go). A writer writes one batch at
// a time: batches written side by side need a writer each.
type SyntheticWriter struct {
	s       *Store
	stmts   map[string]*sql.Stmt // by table and rows per statement
	conn    *sql.Conn            // the connection of the batch being written (PostgreSQL, or held)
	held    *sql.Conn            // the connection every batch uses (BulkWriter on SQLite), or nil
	release func() error         // gives held back
}

// SyntheticWriter returns a writer of synthetic batches; Close it after.
func (s *Store) SyntheticWriter() *SyntheticWriter {
	return &SyntheticWriter{s: s, stmts: map[string]*sql.Stmt{}}
}

// Close releases the writer's prepared statements and any connection it
// holds.
func (sw *SyntheticWriter) Close() error {
	var errs []error
	for _, st := range sw.stmts {
		errs = append(errs, st.Close())
	}
	clear(sw.stmts)
	if sw.release != nil {
		errs = append(errs, sw.release())
		sw.held, sw.release = nil, nil
	}
	return errors.Join(errs...)
}

// Write inserts a whole generated batch in one transaction, table by table
// in an order that keeps every foreign key satisfied, with prepared
// multi-row INSERTs on SQLite and COPY on PostgreSQL (the per-record
// methods would cost one transaction per record). It appends ONE history event for the batch (entity
// "synth_batch", the batch's Seq), whose after is the BatchSummary: the
// chain stays whole and verifiable without an event per row. Children and
// workers are written as synthetic.
func (sw *SyntheticWriter) Write(ctx context.Context, actor Actor, b *SyntheticBatch) (BatchSummary, error) {
	for _, c := range b.Children {
		if !c.Synthetic {
			return BatchSummary{}, fmt.Errorf("store: write synthetic batch %d: child %s: %w", b.Seq, c.LAChildID, ErrNotSynthetic)
		}
	}
	return sw.write(ctx, actor, b, "synth_batch", "generate", "synthetic records made by the generator")
}

// WriteImported writes a batch of records read from another system's
// return (a CIN census being migrated in) the way Write writes a generated
// one: in one transaction, with one history event (entity "import_batch")
// whose reason names the file. Its children are real, not synthetic.
func (sw *SyntheticWriter) WriteImported(ctx context.Context, actor Actor, b *SyntheticBatch, source string) (BatchSummary, error) {
	for _, c := range b.Children {
		if c.Synthetic {
			return BatchSummary{}, fmt.Errorf("store: write imported batch %d: child %s is marked synthetic", b.Seq, c.LAChildID)
		}
	}
	return sw.write(ctx, actor, b, "import_batch", "import", "imported from "+source)
}

// write inserts the batch and records one history event for it.
func (sw *SyntheticWriter) write(ctx context.Context, actor Actor, b *SyntheticBatch, entity, action, reason string) (BatchSummary, error) {
	var sum BatchSummary
	err := sw.transact(ctx, actor, func(tx *Tx, w *bulkWriter) error {
		for _, t := range b.tables(tx, entity == "synth_batch") {
			if err := w.insert(ctx, t); err != nil {
				return err
			}
		}
		if err := w.advanceSequences(ctx); err != nil {
			return err
		}
		sum = BatchSummary{Batch: b.Seq, Tables: w.counts, Rows: w.rows, SHA256: w.digest()}
		return tx.record(entity, b.Seq, action, nil, sum, reason)
	})
	if err != nil {
		return sum, fmt.Errorf("store: write %s %d: %w", entity, b.Seq, err)
	}
	return sum, nil
}

// transact runs fn in one write, with a bulk writer, on the connection
// bulk writes need: PostgreSQL's COPY runs on one connection, and SQLite
// keeps to the connection held (BulkWriter) when there is one.
func (sw *SyntheticWriter) transact(ctx context.Context, actor Actor, fn func(*Tx, *bulkWriter) error) error {
	write := sw.s.write
	if sw.s.d.name() == "postgres" || sw.held != nil {
		write = sw.writeOnConn
	}
	return write(ctx, actor, func(tx *Tx) error {
		return fn(tx, &bulkWriter{tx: tx, sw: sw, h: rowHasher{h: sha256.New()}})
	})
}

// digest is the hash of every row written so far, in hex.
func (w *bulkWriter) digest() string { return hex.EncodeToString(w.h.h.Sum(nil)) }

// bulkTable is one table of a batch: its columns and a function that
// appends row i's values in column order.
type bulkTable struct {
	name string
	cols string
	n    int
	row  func(i int, args []any) []any
}

// Limits on one multi-row INSERT: SQLite allows 32,766 bound values and
// PostgreSQL 65,535; a few hundred rows a statement is where the gain of
// fewer round trips levels off.
const (
	maxBoundValues = 30000
	maxRowsPerStmt = 500
)

// bulkWriter inserts tables within one write, hashing every row written.
type bulkWriter struct {
	tx     *Tx
	sw     *SyntheticWriter
	h      rowHasher
	counts []TableRows
	rows   int
	tables []string // written with an id, for the PostgreSQL identity sequences
}

// insert writes every row of t, in statements of up to maxRowsPerStmt rows
// and the rest in statements of a power of two rows, so that a few
// statements a table serve every batch (on PostgreSQL, with COPY). The
// rows of the next statement are built, hashed and turned into the
// driver's values while SQLite runs the last.
func (w *bulkWriter) insert(ctx context.Context, t bulkTable) error {
	if t.n == 0 {
		return nil
	}
	if w.tx.s.d.name() == "postgres" {
		return w.copy(ctx, t)
	}
	ncol := strings.Count(t.cols, ",") + 1
	w.h.table(t.name)
	chunks, recycle, stop := w.produce(t, ncol)
	defer stop()
	for c := range chunks {
		st, err := w.stmt(ctx, t, ncol, c.hi-c.lo)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, c.args...); err != nil {
			return fmt.Errorf("insert %s rows %d to %d: %w", t.name, c.lo+1, c.hi, err)
		}
		recycle <- c.args
	}
	w.written(t)
	return nil
}

// written counts t's rows, and keeps its name for advanceSequences when it
// has an id (the postcode directory is keyed by the postcode).
func (w *bulkWriter) written(t bulkTable) {
	w.counts = append(w.counts, TableRows{Table: t.name, Rows: t.n})
	w.rows += t.n
	if strings.HasPrefix(strings.TrimSpace(t.cols), "id,") {
		w.tables = append(w.tables, t.name)
	}
}

// chunk is the values of rows [lo, hi) of a table, for one statement.
type chunk struct {
	args   []any
	lo, hi int
}

// produce builds and hashes t's rows chunk by chunk in a goroutine of its
// own, reusing the buffers handed back on recycle. stop ends it early and
// waits for it, so the hasher is free again when insert returns.
func (w *bulkWriter) produce(t bulkTable, ncol int) (chunks <-chan chunk, recycle chan<- []any, stop func()) {
	per := max(1, min(maxRowsPerStmt, maxBoundValues/ncol))
	out, free, done := make(chan chunk, 1), make(chan []any, 3), make(chan struct{})
	for range 3 {
		free <- make([]any, 0, per*ncol)
	}
	go func() {
		defer close(out)
		for lo := 0; lo < t.n; {
			n := per
			if left := t.n - lo; left < per {
				n = 1 << (bits.Len(uint(left)) - 1)
			}
			var args []any
			select {
			case args = <-free:
			case <-done:
				return
			}
			args = args[:0]
			for i := lo; i < lo+n; i++ {
				start := len(args)
				args = t.row(i, args)
				w.h.row(args[start:])
				for j := start; j < len(args); j++ {
					args[j] = driverValue(args[j])
				}
			}
			select {
			case out <- chunk{args, lo, lo + n}:
			case <-done:
				return
			}
			lo += n
		}
	}()
	return out, free, func() {
		close(done)
		for range out {
		}
	}
}

// driverValue is v as database/sql would hand it to the driver: a civil
// date as its text, a pointer as what it points to (or NULL), an int as an
// int64. Done here, beside the hashing, it is not done by the connection's
// goroutine while SQLite waits.
func driverValue(v any) any {
	switch x := v.(type) {
	case civil:
		return time.Time(x).Format(time.DateOnly)
	case int:
		return int64(x)
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	case *int:
		if x == nil {
			return nil
		}
		return int64(*x)
	}
	return v
}

// stmt returns the INSERT of n rows into t for this transaction, prepared
// once for the writer.
func (w *bulkWriter) stmt(ctx context.Context, t bulkTable, ncol, n int) (*sql.Stmt, error) {
	key := t.name + "/" + strconv.Itoa(n)
	st := w.sw.stmts[key]
	if st == nil {
		one := "(" + strings.Repeat("?,", ncol-1) + "?)"
		q := "INSERT INTO " + t.name + " (" + t.cols + ") VALUES " + strings.Repeat(one+",", n-1) + one
		var err error
		if st, err = w.tx.s.db.PrepareContext(ctx, w.tx.s.d.rebind(q)); err != nil {
			return nil, fmt.Errorf("prepare insert into %s: %w", t.name, err)
		}
		w.sw.stmts[key] = st
	}
	return w.tx.tx.StmtContext(ctx, st), nil
}

// advanceSequences moves PostgreSQL's identity sequences past the ids the
// batch gave, so that records typed later get fresh ids; never back, so
// that batches written side by side cannot undo each other. (SQLite's
// INTEGER PRIMARY KEY takes max(id)+1 by itself.)
func (w *bulkWriter) advanceSequences(ctx context.Context) error {
	if w.tx.s.d.name() != "postgres" {
		return nil
	}
	for _, t := range w.tables {
		if _, err := w.tx.exec(ctx, `SELECT setval(x.s::regclass, GREATEST(x.m, COALESCE(pg_sequence_last_value(x.s::regclass), 0)))
			FROM (SELECT pg_get_serial_sequence('`+t+`', 'id') AS s, (SELECT max(id) FROM `+t+`) AS m) AS x`); err != nil {
			return fmt.Errorf("advance the id sequence of %s: %w", t, err)
		}
	}
	return nil
}

// rowHasher feeds every value written into SHA-256 in a form that does not
// depend on the backend: the table name, then each row as its values, each
// length-prefixed ("5:hello"), nil as "-", instants in UTC as SQLite keeps
// them, a row ending in a newline.
type rowHasher struct {
	h   hash.Hash
	buf []byte
}

func (r *rowHasher) table(name string) {
	r.h.Write([]byte("#" + name + "\n"))
}

func (r *rowHasher) row(vals []any) {
	b := r.buf[:0]
	for _, v := range vals {
		b = appendHashValue(b, v)
	}
	r.buf = append(b, '\n')
	r.h.Write(r.buf)
}

func appendHashValue(b []byte, v any) []byte {
	var s string
	switch x := v.(type) {
	case nil:
		return append(b, "-|"...)
	case *int64:
		if x == nil {
			return append(b, "-|"...)
		}
		s = strconv.FormatInt(*x, 10)
	case int64:
		s = strconv.FormatInt(x, 10)
	case int:
		s = strconv.Itoa(x)
	case bool:
		s = strconv.FormatBool(x)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		s = x
	case time.Time:
		s = x.UTC().Format(tsLayout)
	case civil:
		s = time.Time(x).Format(time.DateOnly)
	default:
		s = fmt.Sprint(x)
	}
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	b = append(b, s...)
	return append(b, '|')
}

// roundFTE keeps an FTE to the two decimals PostgreSQL's NUMERIC(4,2)
// keeps, so both backends hold and hash the same value.
func roundFTE(f float64) float64 { return math.Round(f*100) / 100 }

// StaffWorkers returns the batch's staff as the workers the caseload and
// indicator rules read (without their register entries).
func (b *SyntheticBatch) StaffWorkers() []casework.Worker {
	out := make([]casework.Worker, len(b.Workers))
	for i, w := range b.Workers {
		out[i] = w.Worker
	}
	return out
}
