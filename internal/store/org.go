package store

import (
	"context"
	"fmt"

	"sightline/internal/casework"
)

// CreateTeam adds a team.
func (s *Store) CreateTeam(ctx context.Context, actor Actor, t casework.Team) (casework.Team, error) {
	if t.Name == "" {
		return t, casework.Invalid("name", "Enter the team's name")
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		id, err := tx.insert(ctx, `INSERT INTO teams (name, kind, updated_at, updated_by) VALUES (?,?,?,?)`,
			t.Name, t.Kind, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert team: %w", err)
		}
		t.ID, t.Version = id, 1
		return tx.record("team", id, "create", nil, t, "")
	})
	if err != nil {
		return t, fmt.Errorf("store: create team %q: %w", t.Name, err)
	}
	return t, nil
}

// Teams lists every team by name.
func (s *Store) Teams(ctx context.Context) ([]casework.Team, error) {
	rows, err := s.query(ctx, `SELECT id, name, kind, version FROM teams ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: teams: %w", err)
	}
	defer rows.Close()
	var out []casework.Team
	for rows.Next() {
		var t casework.Team
		if err := rows.Scan(&t.ID, &t.Name, &t.Kind, &t.Version); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

const workerColumns = `w.id, w.name, w.email, w.job_role, w.team_id, COALESCE(t.name, ''), w.fte, w.employment_type,
	w.newly_qualified, w.start_date, w.end_date, w.version`

func scanWorker(r rowScanner) (casework.Worker, error) {
	var w casework.Worker
	var start, end dateCol
	err := r.Scan(&w.ID, &w.Name, &w.Email, &w.JobRole, &w.TeamID, &w.TeamName, &w.FTE, &w.EmploymentType,
		&w.NewlyQualified, &start, &end, &w.Version)
	w.StartDate, w.EndDate = start.t, end.ptr()
	return w, err
}

// CreateWorker adds a member of staff.
func (s *Store) CreateWorker(ctx context.Context, actor Actor, w casework.Worker) (casework.Worker, error) {
	if err := w.Validate(); err != nil {
		return w, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		id, err := tx.insert(ctx, `INSERT INTO workers (name, email, job_role, team_id, fte, employment_type,
			newly_qualified, start_date, end_date, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			w.Name, w.Email, w.JobRole, w.TeamID, w.FTE, w.EmploymentType, w.NewlyQualified,
			day(w.StartDate), dayPtr(w.EndDate), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert worker: %w", err)
		}
		w.ID, w.Version = id, 1
		return tx.record("worker", id, "create", nil, w, "")
	})
	if err != nil {
		return w, fmt.Errorf("store: create worker %q: %w", w.Name, err)
	}
	return w, nil
}

// Worker returns one member of staff.
func (s *Store) Worker(ctx context.Context, id int64) (casework.Worker, error) {
	w, err := scanWorker(s.queryRow(ctx, `SELECT `+workerColumns+` FROM workers w LEFT JOIN teams t ON t.id = w.team_id
		WHERE w.id = ?`, id))
	if err != nil {
		return w, fmt.Errorf("store: %w", notFound(err, "worker", id))
	}
	return w, nil
}

// Workers lists the staff of a team (or all staff when teamID is 0).
func (s *Store) Workers(ctx context.Context, teamID int64) ([]casework.Worker, error) {
	rows, err := s.query(ctx, `SELECT `+workerColumns+` FROM workers w LEFT JOIN teams t ON t.id = w.team_id
		WHERE ? = 0 OR w.team_id = ? ORDER BY w.name`, teamID, teamID)
	if err != nil {
		return nil, fmt.Errorf("store: workers: %w", err)
	}
	defer rows.Close()
	var out []casework.Worker
	for rows.Next() {
		w, err := scanWorker(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
