package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const auditActionColumns = `x.id, x.audit_id, x.child_id, c.first_name, c.last_name, x.text, x.owner_id,
	COALESCE(o.display_name, ''), x.due_date, x.status, x.done_on, x.done_by, x.done_note, x.version`

const auditActionFrom = ` FROM audit_actions x JOIN children c ON c.id = x.child_id LEFT JOIN users o ON o.id = x.owner_id`

func scanAuditAction(r rowScanner) (casework.AuditAction, error) {
	var x casework.AuditAction
	var first, last string
	var due, done dateCol
	err := r.Scan(&x.ID, &x.AuditID, &x.ChildID, &first, &last, &x.Text, &x.OwnerID, &x.OwnerName, &due,
		&x.Status, &done, &x.DoneBy, &x.DoneNote, &x.Version)
	x.ChildName, x.Due, x.DoneOn = fullName(first, last), due.t, done.ptr()
	return x, err
}

// auditActions lists the actions that where (a condition on x, the
// actions, with placeholders for args) selects, soonest due first.
func (s *Store) auditActions(ctx context.Context, where string, args ...any) ([]casework.AuditAction, error) {
	var out []casework.AuditAction
	err := eachRow(ctx, s, scanAuditAction, func(x casework.AuditAction) { out = append(out, x) },
		`SELECT `+auditActionColumns+auditActionFrom+` WHERE `+where+` ORDER BY x.due_date, x.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: audit actions: %w", err)
	}
	return out, nil
}

// OutstandingAuditActions lists every open audit action, soonest due (so
// the overdue) first.
func (s *Store) OutstandingAuditActions(ctx context.Context) ([]casework.AuditAction, error) {
	return s.auditActions(ctx, `x.status = ?`, casework.ActionOpen)
}

// AuditAction returns one audit action.
func (s *Store) AuditAction(ctx context.Context, id int64) (casework.AuditAction, error) {
	x, err := getRow(ctx, s, scanAuditAction, "audit action", `SELECT `+auditActionColumns+auditActionFrom+` WHERE x.id = ?`, id)
	if err != nil {
		return x, fmt.Errorf("store: %w", err)
	}
	return x, nil
}

// CompleteAuditAction marks an open action as done, recording when, by
// whom (actor) and what was done, if version is current.
func (s *Store) CompleteAuditAction(ctx context.Context, actor Actor, id int64, version int, res casework.Resolution) error {
	res.Note = strings.TrimSpace(res.Note)
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanAuditAction, "audit action", `SELECT `+auditActionColumns+auditActionFrom+` WHERE x.id = ?`, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return tx.conflict(ctx, "audit_actions", "audit action", id)
		}
		if err := tx.checkResolution(ctx, before.AuditID, before.Status != casework.ActionOpen, res); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "audit_actions", "audit action", id, version,
			`status = ?, done_on = ?, done_by_id = ?, done_by = ?, done_note = ?`,
			casework.ActionDone, day(res.On), actor.UserID, actor.Name, res.Note); err != nil {
			return err
		}
		after := before
		after.Status, after.DoneOn, after.DoneBy, after.DoneNote, after.Version = casework.ActionDone, &res.On, actor.Name, res.Note, version+1
		return tx.record("audit_action", id, "done", before, after, res.Note)
	})
	if err != nil {
		return fmt.Errorf("store: complete audit action %d: %w", id, err)
	}
	return nil
}

// checkResolution refuses closing what is closed already, and checks the
// resolution against the date of the audit that raised it.
func (t *Tx) checkResolution(ctx context.Context, auditID int64, closed bool, res casework.Resolution) error {
	if closed {
		return casework.Invalid("form", "This has already been recorded as done")
	}
	var on dateCol
	if err := t.queryRow(ctx, `SELECT audit_date FROM audits WHERE id = ?`, auditID).Scan(&on); err != nil {
		return notFound(err, "audit", auditID)
	}
	return res.Validate(calendar.Today(t.now), on.t, "resolution")
}

const handBackColumns = `h.id, h.audit_id, h.child_id, c.first_name, c.last_name, COALESCE(t.name, ''), a.audit_date,
	h.reason, h.owner_id, COALESCE(o.display_name, ''), h.due_date, h.resolved_on, h.resolved_by, h.resolution, h.version`

const handBackFrom = ` FROM audit_handbacks h JOIN audits a ON a.id = h.audit_id JOIN children c ON c.id = h.child_id
	LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN users o ON o.id = h.owner_id`

func scanHandBack(r rowScanner) (casework.HandBack, error) {
	var h casework.HandBack
	var first, last string
	var raised, due, resolved dateCol
	err := r.Scan(&h.ID, &h.AuditID, &h.ChildID, &first, &last, &h.TeamName, &raised, &h.Reason, &h.OwnerID,
		&h.OwnerName, &due, &resolved, &h.ResolvedBy, &h.Resolution, &h.Version)
	h.ChildName, h.Raised, h.Due, h.ResolvedOn = fullName(first, last), raised.t, due.t, resolved.ptr()
	return h, err
}

// handBacks lists the hand-backs that where selects, soonest due first.
func (s *Store) handBacks(ctx context.Context, where string, args ...any) ([]casework.HandBack, error) {
	var out []casework.HandBack
	err := eachRow(ctx, s, scanHandBack, func(h casework.HandBack) { out = append(out, h) },
		`SELECT `+handBackColumns+handBackFrom+` WHERE `+where+` ORDER BY h.due_date, h.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: hand-backs: %w", err)
	}
	return out, nil
}

// OpenHandBacks lists every case handed back for urgent action and not yet
// resolved, soonest due first.
func (s *Store) OpenHandBacks(ctx context.Context) ([]casework.HandBack, error) {
	return s.handBacks(ctx, `h.resolved_on IS NULL`)
}

// OpenHandBacksOf lists a child's open hand-backs: while there is one, the
// child's record is flagged.
func (s *Store) OpenHandBacksOf(ctx context.Context, childID int64) ([]casework.HandBack, error) {
	return s.handBacks(ctx, `h.child_id = ? AND h.resolved_on IS NULL`, childID)
}

// HandedBackChildren is the set of children with an open hand-back, for
// flagging them in lists.
func (s *Store) HandedBackChildren(ctx context.Context) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := eachRow(ctx, s, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, func(id int64) { out[id] = true }, `SELECT DISTINCT child_id FROM audit_handbacks WHERE resolved_on IS NULL`)
	if err != nil {
		return nil, fmt.Errorf("store: handed-back children: %w", err)
	}
	return out, nil
}

// HandBack returns one hand-back.
func (s *Store) HandBack(ctx context.Context, id int64) (casework.HandBack, error) {
	h, err := getRow(ctx, s, scanHandBack, "hand-back", `SELECT `+handBackColumns+handBackFrom+` WHERE h.id = ?`, id)
	if err != nil {
		return h, fmt.Errorf("store: %w", err)
	}
	return h, nil
}

// ResolveHandBack records that the urgent action on a handed-back case was
// taken: when, by whom (actor) and what was done. The flag on the child's
// record goes with it.
func (s *Store) ResolveHandBack(ctx context.Context, actor Actor, id int64, version int, res casework.Resolution) error {
	res.Note = strings.TrimSpace(res.Note)
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanHandBack, "hand-back", `SELECT `+handBackColumns+handBackFrom+` WHERE h.id = ?`, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return tx.conflict(ctx, "audit_handbacks", "hand-back", id)
		}
		if err := tx.checkResolution(ctx, before.AuditID, !before.Open(), res); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "audit_handbacks", "hand-back", id, version,
			`resolved_on = ?, resolved_by_id = ?, resolved_by = ?, resolution = ?`,
			day(res.On), actor.UserID, actor.Name, res.Note); err != nil {
			return err
		}
		after := before
		after.ResolvedOn, after.ResolvedBy, after.Resolution, after.Version = &res.On, actor.Name, res.Note, version+1
		return tx.record("audit_handback", id, "resolve", before, after, res.Note)
	})
	if err != nil {
		return fmt.Errorf("store: resolve hand-back %d: %w", id, err)
	}
	return nil
}
