package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Actor is who makes a change: a signed-in user, or the system itself
// (ID 0) for the CLI and generator.
type Actor struct {
	UserID int64
	Name   string
}

// System is the actor for changes made by sightline's own commands.
var System = Actor{UserID: 0, Name: "sightline"}

// Tx is one write: the changes to current tables and the history events
// that describe them commit together or not at all.
type Tx struct {
	s      *Store
	tx     *sql.Tx
	now    time.Time
	actor  Actor
	events []Event
}

// Event is one entry of the history: who changed what, when, from what to
// what, and why.
type Event struct {
	Seq      int64
	At       string // UTC instant, microseconds, as hashed
	ActorID  int64
	Actor    string
	Entity   string
	EntityID int64
	Action   string // create, update, error (entered in error), allocate…
	Before   string // JSON, "null" for a create
	After    string // JSON
	Reason   string
	PrevHash string
	Hash     string
}

// write runs fn in one transaction and appends its events to the chain.
func (s *Store) write(ctx context.Context, actor Actor, fn func(*Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer sqlTx.Rollback()
	tx := &Tx{s: s, tx: sqlTx, now: s.Now(), actor: actor}
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

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.s.d.rebind(q), args...)
}

func (t *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.s.d.rebind(q), args...)
}

func (t *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.s.d.rebind(q), args...)
}

// insert runs an INSERT … RETURNING id (both backends accept it).
func (t *Tx) insert(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := t.queryRow(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// record queues a history event; it is hashed and written at commit.
func (t *Tx) record(entity string, id int64, action string, before, after any, reason string) error {
	b, err := json.Marshal(before)
	if err != nil {
		return fmt.Errorf("history: encode before: %w", err)
	}
	a, err := json.Marshal(after)
	if err != nil {
		return fmt.Errorf("history: encode after: %w", err)
	}
	t.events = append(t.events, Event{
		At: t.now.Format(tsLayout), ActorID: t.actor.UserID, Actor: t.actor.Name,
		Entity: entity, EntityID: id, Action: action, Before: string(b), After: string(a), Reason: reason,
	})
	return nil
}

// appendEvents links the queued events to the head of the chain. Locking
// the head row last keeps the time it is held short.
func (t *Tx) appendEvents(ctx context.Context) error {
	if len(t.events) == 0 {
		return nil
	}
	var seq int64
	var prev string
	if err := t.queryRow(ctx, `SELECT seq, hash FROM history_head WHERE id = 1`+t.s.d.forUpdate()).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("history: read head: %w", err)
	}
	for i := range t.events {
		e := &t.events[i]
		seq++
		e.Seq, e.PrevHash = seq, prev
		e.Hash = e.computeHash()
		prev = e.Hash
		if _, err := t.exec(ctx, `INSERT INTO history (seq, at, actor_id, actor_name, entity, entity_id, action,
			before_json, after_json, reason, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			e.Seq, e.At, e.ActorID, e.Actor, e.Entity, e.EntityID, e.Action, e.Before, e.After, e.Reason, e.PrevHash, e.Hash); err != nil {
			return fmt.Errorf("history: append: %w", err)
		}
	}
	if _, err := t.exec(ctx, `UPDATE history_head SET seq = ?, hash = ? WHERE id = 1`, seq, prev); err != nil {
		return fmt.Errorf("history: move head: %w", err)
	}
	return nil
}

// Time is when the event was written.
func (e Event) Time() time.Time {
	t, _ := time.Parse(tsLayout, e.At)
	return t
}

// computeHash is SHA-256 over the event's fields and the previous hash,
// encoded as a JSON array so that no two different events share an input.
func (e Event) computeHash() string {
	b, _ := json.Marshal([]any{e.Seq, e.At, e.ActorID, e.Actor, e.Entity, e.EntityID, e.Action,
		e.Before, e.After, e.Reason, e.PrevHash})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ChainReport is the result of walking the history.
type ChainReport struct {
	Events   int64
	BrokenAt int64  // 0 when the chain is whole
	Problem  string // what is wrong at BrokenAt
}

// ErrChainBroken means the history has been altered.
var ErrChainBroken = errors.New("history chain broken")

// VerifyHistory walks the whole chain in order and reports the first event
// whose hash, link or sequence does not hold (for a missing event, the seq
// that is missing), and a head that does not match the last event.
func (s *Store) VerifyHistory(ctx context.Context) (ChainReport, error) {
	rows, err := s.query(ctx, `SELECT seq, at, actor_id, actor_name, entity, entity_id, action,
		before_json, after_json, reason, prev_hash, hash FROM history ORDER BY seq`)
	if err != nil {
		return ChainReport{}, fmt.Errorf("history: read: %w", err)
	}
	defer rows.Close()
	var rep ChainReport
	prev, want := "", int64(1)
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.Seq, &e.At, &e.ActorID, &e.Actor, &e.Entity, &e.EntityID, &e.Action,
			&e.Before, &e.After, &e.Reason, &e.PrevHash, &e.Hash); err != nil {
			return rep, fmt.Errorf("history: scan: %w", err)
		}
		rep.Events++
		if p := e.check(want, prev); p != "" {
			// A gap is reported at the first missing event, as a removed
			// tail is (below); anything else at the event that fails.
			rep.BrokenAt, rep.Problem = e.Seq, p
			if e.Seq != want {
				rep.BrokenAt = want
			}
			return rep, ErrChainBroken
		}
		prev, want = e.Hash, e.Seq+1
	}
	if err := rows.Err(); err != nil {
		return rep, err
	}
	problem, err := s.checkHead(ctx, want-1, prev)
	if err != nil || problem == "" {
		return rep, err
	}
	rep.BrokenAt, rep.Problem = want, problem
	return rep, ErrChainBroken
}

// check names what is wrong with one event, or returns "".
func (e Event) check(wantSeq int64, prevHash string) string {
	switch {
	case e.Seq != wantSeq:
		return fmt.Sprintf("expected event %d, found %d: an event is missing", wantSeq, e.Seq)
	case e.PrevHash != prevHash:
		return "its link to the previous event does not match"
	case e.computeHash() != e.Hash:
		return "its contents do not match its hash: the event was altered"
	}
	return ""
}

// checkHead compares the head row with the last event walked.
func (s *Store) checkHead(ctx context.Context, lastSeq int64, lastHash string) (string, error) {
	var seq int64
	var hash string
	if err := s.queryRow(ctx, `SELECT seq, hash FROM history_head WHERE id = 1`).Scan(&seq, &hash); err != nil {
		return "", fmt.Errorf("history: read head: %w", err)
	}
	if seq != lastSeq || hash != lastHash {
		return "the head of the chain does not match its last event: events were removed from the end", nil
	}
	return "", nil
}

// History returns the events of one record, oldest first.
func (s *Store) History(ctx context.Context, entity string, id int64) ([]Event, error) {
	rows, err := s.query(ctx, `SELECT seq, at, actor_id, actor_name, entity, entity_id, action,
		before_json, after_json, reason, prev_hash, hash FROM history WHERE entity = ? AND entity_id = ? ORDER BY seq`, entity, id)
	if err != nil {
		return nil, fmt.Errorf("history: read %s %d: %w", entity, id, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.Seq, &e.At, &e.ActorID, &e.Actor, &e.Entity, &e.EntityID, &e.Action,
			&e.Before, &e.After, &e.Reason, &e.PrevHash, &e.Hash); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
