package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const involvementColumns = `i.id, i.child_id, i.start_date, i.end_date, i.end_reason, i.team_id, COALESCE(t.name, ''),
	i.worker_id, COALESCE(w.name, ''), i.allocated_on, i.version, i.error_reason`

const involvementFrom = ` FROM involvements i LEFT JOIN teams t ON t.id = i.team_id LEFT JOIN workers w ON w.id = i.worker_id`

func scanInvolvement(r rowScanner) (casework.Involvement, error) {
	var i casework.Involvement
	var start, end, alloc dateCol
	err := r.Scan(&i.ID, &i.ChildID, &start, &end, &i.EndReason, &i.TeamID, &i.TeamName, &i.WorkerID,
		&i.WorkerName, &alloc, &i.Version, &i.EnteredError)
	i.StartDate, i.EndDate, i.AllocatedOn = start.t, end.ptr(), alloc.ptr()
	return i, err
}

// OpenInvolvement starts a period in which the child is known to the
// service, held by a team and (if allocated) a worker.
func (s *Store) OpenInvolvement(ctx context.Context, actor Actor, inv casework.Involvement) (casework.Involvement, error) {
	if inv.StartDate.IsZero() {
		return inv, casework.Invalid("start_date", "Enter the date the involvement started")
	}
	if inv.StartDate.After(calendar.Today(s.Now())) {
		return inv, casework.Invalid("start_date", "Start date must be today or in the past")
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.child(ctx, inv.ChildID); err != nil {
			return err
		}
		return tx.openInvolvement(ctx, &inv)
	})
	if err != nil {
		return inv, fmt.Errorf("store: open involvement: %w", err)
	}
	return inv, nil
}

// openInvolvement inserts an involvement with its first allocation and its
// history event, setting inv's id and version. The caller has checked the
// child exists.
func (t *Tx) openInvolvement(ctx context.Context, inv *casework.Involvement) error {
	if inv.WorkerID != nil {
		inv.AllocatedOn = &inv.StartDate
	}
	id, err := t.insert(ctx, `INSERT INTO involvements (child_id, start_date, team_id, worker_id, allocated_on,
		updated_at, updated_by) VALUES (?,?,?,?,?,?,?)`, inv.ChildID, day(inv.StartDate), inv.TeamID,
		inv.WorkerID, dayPtr(inv.AllocatedOn), t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert involvement: %w", err)
	}
	inv.ID, inv.Version = id, 1
	if err := t.addAllocation(ctx, *inv, inv.StartDate, "FCONTA", "Case opened"); err != nil {
		return err
	}
	return t.record("involvement", id, "create", nil, *inv, "")
}

// addAllocation dates who holds the involvement from day on, and why: an
// SW_REASON code and a note.
func (t *Tx) addAllocation(ctx context.Context, inv casework.Involvement, on time.Time, code, reason string) error {
	_, err := t.exec(ctx, `INSERT INTO allocations (involvement_id, team_id, worker_id, start_date, reason_code, reason)
		VALUES (?,?,?,?,?,?)`, inv.ID, inv.TeamID, inv.WorkerID, day(on), code, reason)
	if err != nil {
		return fmt.Errorf("insert allocation: %w", err)
	}
	return nil
}

// Allocate gives an involvement to a worker (and the worker's team) from
// day on, if the version is current, with why the case changes hands: an
// SW_REASON code (casework.SocialWorkerReasons), which the SSDA903
// return writes as it is, and a note, which "Other" needs.
func (s *Store) Allocate(ctx context.Context, actor Actor, invID int64, version int, workerID int64, on time.Time,
	code, reason string) error {
	if err := checkAllocationReason(code, reason); err != nil {
		return fmt.Errorf("store: allocate involvement %d: %w", invID, err)
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.involvement(ctx, invID)
		if err != nil {
			return err
		}
		var teamID *int64
		var end dateCol
		if err := tx.queryRow(ctx, `SELECT team_id, end_date FROM workers WHERE id = ?`, workerID).Scan(&teamID, &end); err != nil {
			return notFound(err, "worker", workerID)
		}
		if end.valid && end.t.Before(on) {
			return casework.Invalid("worker_id", "This worker has left: choose a worker in post")
		}
		if err := tx.updateVersioned(ctx, "involvements", "involvement", invID, version,
			`worker_id = ?, team_id = ?, allocated_on = ?`, workerID, teamID, day(on)); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE allocations SET end_date = ? WHERE involvement_id = ? AND end_date IS NULL`,
			day(on), invID); err != nil {
			return err
		}
		after := before
		after.WorkerID, after.TeamID, after.AllocatedOn, after.Version = &workerID, teamID, &on, version+1
		if err := tx.addAllocation(ctx, after, on, code, reason); err != nil {
			return err
		}
		return tx.record("involvement", invID, "allocate", before, after, allocationWhy(code, reason))
	})
	if err != nil {
		return fmt.Errorf("store: allocate involvement %d: %w", invID, err)
	}
	return nil
}

// checkAllocationReason wants a code of the list, and a note for "Other".
func checkAllocationReason(code, reason string) error {
	v := &casework.ValidationError{}
	if !casework.ValidSocialWorkerReason(code) {
		v.Add("reason_code", "Choose why the case changes hands")
	} else if code == "OTHERS" && strings.TrimSpace(reason) == "" {
		v.Add("reason", "Enter a note saying why the case changes hands")
	}
	return v.Err()
}

// allocationWhy is the reason the history records for an allocation: the
// code's meaning, and the note after it.
func allocationWhy(code, reason string) string {
	why := casework.LabelOf(casework.SocialWorkerReasons(), code)
	if reason = strings.TrimSpace(reason); reason != "" {
		why += ": " + reason
	}
	return why
}

func (t *Tx) involvement(ctx context.Context, id int64) (casework.Involvement, error) {
	i, err := scanInvolvement(t.queryRow(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE i.id = ?`, id))
	if err != nil {
		return i, notFound(err, "involvement", id)
	}
	return i, nil
}

// Involvements returns a child's involvements, newest first.
func (s *Store) Involvements(ctx context.Context, childID int64) ([]casework.Involvement, error) {
	rows, err := s.query(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE i.child_id = ?
		ORDER BY i.start_date DESC, i.id DESC`, childID)
	if err != nil {
		return nil, fmt.Errorf("store: involvements of child %d: %w", childID, err)
	}
	defer rows.Close()
	var out []casework.Involvement
	for rows.Next() {
		i, err := scanInvolvement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}
