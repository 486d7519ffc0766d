package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const noteColumns = `n.id, n.child_id, n.involvement_id, n.note_date, n.kind, n.subject, n.body, n.author_id,
	COALESCE(u.display_name, ''), n.created_at, n.version, n.error_reason`

func scanNote(r rowScanner) (casework.Note, error) {
	var n casework.Note
	var d dateCol
	var created tsCol
	err := r.Scan(&n.ID, &n.ChildID, &n.InvolvementID, &d, &n.Kind, &n.Subject, &n.Body, &n.AuthorID,
		&n.AuthorName, &created, &n.Version, &n.ErrorReason)
	n.Date, n.CreatedAt = d.t, created.t
	return n, err
}

// AddNote validates and saves a case note written by actor. The note is
// linked to the child's open involvement, if there is one.
func (s *Store) AddNote(ctx context.Context, actor Actor, n casework.Note) (casework.Note, error) {
	n.Subject, n.Body = strings.TrimSpace(n.Subject), strings.TrimRight(n.Body, " \t\r\n")
	if err := n.Validate(calendar.Today(s.Now())); err != nil {
		return n, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.child(ctx, n.ChildID); err != nil {
			return err
		}
		if n.InvolvementID == nil {
			n.InvolvementID = tx.openInvolvementID(ctx, n.ChildID)
		}
		id, err := tx.insert(ctx, `INSERT INTO case_notes (child_id, involvement_id, note_date, kind, subject, body,
			author_id, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			n.ChildID, n.InvolvementID, day(n.Date), n.Kind, n.Subject, n.Body, actor.UserID,
			tx.s.d.ts(tx.now), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert note: %w", err)
		}
		n.ID, n.Version, n.AuthorID, n.AuthorName, n.CreatedAt = id, 1, actor.UserID, actor.Name, tx.now
		return tx.record("case_note", id, "create", nil, n, "")
	})
	if err != nil {
		return n, fmt.Errorf("store: add note for child %d: %w", n.ChildID, err)
	}
	return n, nil
}

// openInvolvementID is the child's current involvement, or nil.
func (t *Tx) openInvolvementID(ctx context.Context, childID int64) *int64 {
	var id int64
	err := t.queryRow(ctx, `SELECT id FROM involvements WHERE child_id = ? AND end_date IS NULL AND error_reason = ''
		ORDER BY start_date DESC LIMIT 1`, childID).Scan(&id)
	if err != nil {
		return nil
	}
	return &id
}

// Note returns one case note.
func (s *Store) Note(ctx context.Context, id int64) (casework.Note, error) {
	n, err := scanNote(s.queryRow(ctx, `SELECT `+noteColumns+` FROM case_notes n LEFT JOIN users u ON u.id = n.author_id
		WHERE n.id = ?`, id))
	if err != nil {
		return n, fmt.Errorf("store: %w", notFound(err, "case note", id))
	}
	return n, nil
}

// MarkNoteInError marks a note as entered in error: it stays on the record,
// struck through, with the reason, and nothing is deleted.
func (s *Store) MarkNoteInError(ctx context.Context, actor Actor, id int64, version int, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return casework.Invalid("reason", "Enter why the note was entered in error")
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := scanNote(tx.queryRow(ctx, `SELECT `+noteColumns+` FROM case_notes n
			LEFT JOIN users u ON u.id = n.author_id WHERE n.id = ?`, id))
		if err != nil {
			return notFound(err, "case note", id)
		}
		if err := tx.updateVersioned(ctx, "case_notes", "case note", id, version, `error_reason = ?`, reason); err != nil {
			return err
		}
		after := before
		after.ErrorReason, after.Version = reason, version+1
		return tx.record("case_note", id, "error", before, after, reason)
	})
	if err != nil {
		return fmt.Errorf("store: mark note %d in error: %w", id, err)
	}
	return nil
}

// NotesBy returns which of the notes ids were written by one user, for the
// rule on who may mark a note as entered in error.
func (s *Store) NotesBy(ctx context.Context, userID int64, ids []int64) (map[int64]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = strconv.FormatInt(id, 10)
	}
	// The list holds integers formatted here, never user input.
	rows, err := s.query(ctx, `SELECT id FROM case_notes WHERE author_id = ? AND id IN (`+strings.Join(list, ",")+`)`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: notes by user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
