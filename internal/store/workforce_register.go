package store

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/casework"
)

// WorkforceRegister reads the whole dated register of one team (or of the
// service when teamID is 0): every post, staff record and absence, in
// three queries however large it is. Every workforce figure, as at any
// date, is worked out from it.
func (s *Store) WorkforceRegister(ctx context.Context, teamID int64) (casework.Register, error) {
	return s.readRegister(ctx, teamID, nil)
}

// RegisterAsAt reads the register as it stood on day d: posts funded,
// staff in post and absences under way that day.
func (s *Store) RegisterAsAt(ctx context.Context, teamID int64, d time.Time) (casework.Register, error) {
	return s.readRegister(ctx, teamID, &d)
}

// readRegister runs the three queries, each narrowed to the team and, when
// asAt is given, to the rows current on that day.
func (s *Store) readRegister(ctx context.Context, teamID int64, asAt *time.Time) (casework.Register, error) {
	var r casework.Register
	var err error
	team := []any{teamID, teamID}
	on := func(start, end string) (string, []any) {
		if asAt == nil {
			return "", team
		}
		return ` AND ` + start + ` <= ? AND (` + end + ` IS NULL OR ` + end + ` >= ?)`, append(team, day(*asAt), day(*asAt))
	}
	where, args := on("p.funded_from", "p.funded_to")
	if r.Posts, err = registerRows(s, ctx, scanPost, `SELECT `+postColumns+postFrom+
		` WHERE (? = 0 OR p.team_id = ?)`+where+` ORDER BY t.name, p.title, p.id`, args...); err != nil {
		return r, fmt.Errorf("store: register posts: %w", err)
	}
	where, args = on("w.start_date", "w.end_date")
	if r.Staff, err = registerRows(s, ctx, scanStaff, `SELECT `+staffColumns+staffFrom+
		` WHERE (? = 0 OR w.team_id = ?)`+where+` ORDER BY w.name, w.id`, args...); err != nil {
		return r, fmt.Errorf("store: register staff: %w", err)
	}
	where, args = on("a.start_date", "a.end_date")
	if r.Absences, err = registerRows(s, ctx, scanAbsence, `SELECT `+absenceColumns+absenceFrom+
		` WHERE (? = 0 OR w.team_id = ?)`+where+` ORDER BY a.start_date, a.id`, args...); err != nil {
		return r, fmt.Errorf("store: register absences: %w", err)
	}
	return r, nil
}

// registerRows runs a query and scans every row with scan.
func registerRows[T any](s *Store, ctx context.Context, scan func(rowScanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// CasesHeld counts, for each worker, the open cases (involvements, not
// entered in error) allocated to them on day d, from the dated allocations:
// the census item Cases30 when d is 30 September. An allocation ends on
// the day the next one starts.
func (s *Store) CasesHeld(ctx context.Context, d time.Time) (map[int64]int, error) {
	rows, err := s.query(ctx, `SELECT a.worker_id, COUNT(DISTINCT i.id) FROM allocations a
		JOIN involvements i ON i.id = a.involvement_id
		WHERE a.worker_id IS NOT NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date > ?)
		AND i.start_date <= ? AND (i.end_date IS NULL OR i.end_date >= ?) AND i.error_reason = ''
		GROUP BY a.worker_id`, day(d), day(d), day(d), day(d))
	if err != nil {
		return nil, fmt.Errorf("store: cases held on %s: %w", day(d), err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
