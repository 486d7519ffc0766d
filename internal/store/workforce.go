package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"sightline/internal/casework"
)

// The workforce register: posts, staff records (the workers table with its
// census columns) and absences. Every change is one write with history.

const postColumns = `p.id, p.team_id, t.name, p.title, p.org_role, p.fte, p.funded_from, p.funded_to,
	p.salary_pence, p.oncost_pct, p.version`

const postFrom = ` FROM posts p JOIN teams t ON t.id = p.team_id`

func scanPost(r rowScanner) (casework.Post, error) {
	var p casework.Post
	var from, to dateCol
	err := r.Scan(&p.ID, &p.TeamID, &p.TeamName, &p.Title, &p.OrgRole, &p.FTE, &from, &to,
		&p.SalaryPence, &p.OnCostPct, &p.Version)
	p.FundedFrom, p.FundedTo = from.t, to.ptr()
	return p, err
}

// CreatePost adds a funded post to the establishment.
func (s *Store) CreatePost(ctx context.Context, actor Actor, p casework.Post) (casework.Post, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.queryRow(ctx, `SELECT name FROM teams WHERE id = ?`, p.TeamID).Scan(&p.TeamName); err != nil {
			return teamMissing(err)
		}
		id, err := tx.insert(ctx, `INSERT INTO posts (team_id, title, org_role, fte, funded_from, funded_to,
			salary_pence, oncost_pct, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			p.TeamID, p.Title, p.OrgRole, p.FTE, day(p.FundedFrom), dayPtr(p.FundedTo),
			p.SalaryPence, p.OnCostPct, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert post: %w", err)
		}
		p.ID, p.Version = id, 1
		return tx.record("post", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: create post %q: %w", p.Title, err)
	}
	return p, nil
}

// teamMissing turns an unknown team into a field error.
func teamMissing(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return casework.Invalid("team_id", "Select the team")
	}
	return err
}

// UpdatePost changes a post (its funding dates, FTE or pay) if p.Version
// is current.
func (s *Store) UpdatePost(ctx context.Context, actor Actor, p casework.Post) (casework.Post, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := scanPost(tx.queryRow(ctx, `SELECT `+postColumns+postFrom+` WHERE p.id = ?`, p.ID))
		if err != nil {
			return notFound(err, "post", p.ID)
		}
		if err := tx.queryRow(ctx, `SELECT name FROM teams WHERE id = ?`, p.TeamID).Scan(&p.TeamName); err != nil {
			return teamMissing(err)
		}
		if err := tx.updateVersioned(ctx, "posts", "post", p.ID, p.Version,
			`team_id = ?, title = ?, org_role = ?, fte = ?, funded_from = ?, funded_to = ?, salary_pence = ?, oncost_pct = ?`,
			p.TeamID, p.Title, p.OrgRole, p.FTE, day(p.FundedFrom), dayPtr(p.FundedTo), p.SalaryPence, p.OnCostPct); err != nil {
			return err
		}
		p.Version++
		return tx.record("post", p.ID, "update", before, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: update post %d: %w", p.ID, err)
	}
	return p, nil
}

// Post returns one post.
func (s *Store) Post(ctx context.Context, id int64) (casework.Post, error) {
	p, err := scanPost(s.queryRow(ctx, `SELECT `+postColumns+postFrom+` WHERE p.id = ?`, id))
	if err != nil {
		return p, fmt.Errorf("store: %w", notFound(err, "post", id))
	}
	return p, nil
}

const staffColumns = workerColumns + `, w.post_id, COALESCE(p.title, ''), w.org_role, w.swe_no, w.start_origin,
	w.leaving_reason, w.leaver_destination, w.agency_name, w.day_rate_pence, w.salary_pence, w.oncost_pct`

const staffFrom = ` FROM workers w LEFT JOIN teams t ON t.id = w.team_id LEFT JOIN posts p ON p.id = w.post_id`

func scanStaff(r rowScanner) (casework.StaffRecord, error) {
	var s casework.StaffRecord
	var start, end dateCol
	w := &s.Worker
	err := r.Scan(&w.ID, &w.Name, &w.Email, &w.JobRole, &w.TeamID, &w.TeamName, &w.FTE, &w.EmploymentType,
		&w.NewlyQualified, &start, &end, &w.Version,
		&s.PostID, &s.PostTitle, &s.OrgRole, &s.SWENo, &s.StartOrigin, &s.LeavingReason, &s.LeaverDestination,
		&s.AgencyName, &s.DayRatePence, &s.SalaryPence, &s.OnCostPct)
	w.StartDate, w.EndDate = start.t, end.ptr()
	return s, err
}

// StaffRecord returns one worker's register entry.
func (s *Store) StaffRecord(ctx context.Context, id int64) (casework.StaffRecord, error) {
	r, err := scanStaff(s.queryRow(ctx, `SELECT `+staffColumns+staffFrom+` WHERE w.id = ?`, id))
	if err != nil {
		return r, fmt.Errorf("store: %w", notFound(err, "worker", id))
	}
	return r, nil
}

func (t *Tx) staff(ctx context.Context, id int64) (casework.StaffRecord, error) {
	r, err := scanStaff(t.queryRow(ctx, `SELECT `+staffColumns+staffFrom+` WHERE w.id = ?`, id))
	if err != nil {
		return r, notFound(err, "worker", id)
	}
	return r, nil
}

// placeInPost puts the worker in the post's team: the post decides the
// team, so the register cannot hold a worker in one team and a post in
// another.
func (t *Tx) placeInPost(ctx context.Context, r *casework.StaffRecord) error {
	if r.PostID == nil {
		return nil
	}
	var teamID int64
	err := t.queryRow(ctx, `SELECT p.team_id, t.name, p.title FROM posts p JOIN teams t ON t.id = p.team_id WHERE p.id = ?`,
		*r.PostID).Scan(&teamID, &r.TeamName, &r.PostTitle)
	if errors.Is(err, sql.ErrNoRows) {
		return casework.Invalid("post_id", "Select a post from the list")
	}
	r.TeamID = &teamID
	return err
}

// CreateStaff adds a worker with their register entry.
func (s *Store) CreateStaff(ctx context.Context, actor Actor, r casework.StaffRecord) (casework.StaffRecord, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.placeInPost(ctx, &r); err != nil {
			return err
		}
		w := r.Worker
		id, err := tx.insert(ctx, `INSERT INTO workers (name, email, job_role, team_id, fte, employment_type,
			newly_qualified, start_date, end_date, post_id, org_role, swe_no, start_origin, leaving_reason,
			leaver_destination, agency_name, day_rate_pence, salary_pence, oncost_pct, updated_at, updated_by)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			w.Name, w.Email, w.JobRole, w.TeamID, w.FTE, w.EmploymentType, w.NewlyQualified, day(w.StartDate),
			dayPtr(w.EndDate), r.PostID, r.OrgRole, r.SWENo, r.StartOrigin, r.LeavingReason, r.LeaverDestination,
			r.AgencyName, r.DayRatePence, r.SalaryPence, r.OnCostPct, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert worker: %w", err)
		}
		r.ID, r.Version = id, 1
		return tx.record("worker", id, "create", nil, r, "")
	})
	if err != nil {
		return r, fmt.Errorf("store: create worker %q: %w", r.Name, err)
	}
	return r, nil
}

// UpdateStaff changes a worker's register entry if r.Version is current.
func (s *Store) UpdateStaff(ctx context.Context, actor Actor, r casework.StaffRecord) (casework.StaffRecord, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.staff(ctx, r.ID)
		if err != nil {
			return err
		}
		if err := tx.placeInPost(ctx, &r); err != nil {
			return err
		}
		w := r.Worker
		if err := tx.updateVersioned(ctx, "workers", "worker", r.ID, r.Version, `name = ?, email = ?, job_role = ?,
			team_id = ?, fte = ?, employment_type = ?, newly_qualified = ?, start_date = ?, end_date = ?, post_id = ?,
			org_role = ?, swe_no = ?, start_origin = ?, leaving_reason = ?, leaver_destination = ?, agency_name = ?,
			day_rate_pence = ?, salary_pence = ?, oncost_pct = ?`,
			w.Name, w.Email, w.JobRole, w.TeamID, w.FTE, w.EmploymentType, w.NewlyQualified, day(w.StartDate),
			dayPtr(w.EndDate), r.PostID, r.OrgRole, r.SWENo, r.StartOrigin, r.LeavingReason, r.LeaverDestination,
			r.AgencyName, r.DayRatePence, r.SalaryPence, r.OnCostPct); err != nil {
			return err
		}
		r.Version++
		return tx.record("worker", r.ID, "update", before, r, "")
	})
	if err != nil {
		return r, fmt.Errorf("store: update worker %d: %w", r.ID, err)
	}
	return r, nil
}

// Leaving is a worker's last day and, for the census, why they left and
// where they went.
type Leaving struct {
	Date        time.Time
	Reason      string // census ReasonLeave
	Destination string // census LeaverDestination
}

// RecordLeaver records a worker's leaving if version is current. Only the
// leaving details are checked, so an older record with census items still
// to fill in can be closed.
func (s *Store) RecordLeaver(ctx context.Context, actor Actor, id int64, version int, l Leaving) (casework.StaffRecord, error) {
	var after casework.StaffRecord
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.staff(ctx, id)
		if err != nil {
			return err
		}
		after = before
		after.EndDate, after.LeavingReason, after.LeaverDestination = &l.Date, l.Reason, l.Destination
		if l.Date.IsZero() {
			after.EndDate = nil
		}
		if err := after.ValidateLeaving(); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "workers", "worker", id, version,
			`end_date = ?, leaving_reason = ?, leaver_destination = ?`, dayPtr(after.EndDate), l.Reason, l.Destination); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("worker", id, "leave", before, after, casework.LabelOf(casework.LeavingReasons(), l.Reason))
	})
	if err != nil {
		return after, fmt.Errorf("store: record leaver %d: %w", id, err)
	}
	return after, nil
}

const absenceColumns = `a.id, a.worker_id, w.name, a.reason, a.start_date, a.end_date, a.days_lost, a.version`

const absenceFrom = ` FROM worker_absences a JOIN workers w ON w.id = a.worker_id`

func scanAbsence(r rowScanner) (casework.Absence, error) {
	var a casework.Absence
	var start, end dateCol
	err := r.Scan(&a.ID, &a.WorkerID, &a.WorkerName, &a.Reason, &start, &end, &a.DaysLost, &a.Version)
	a.Start, a.End = start.t, end.ptr()
	return a, err
}

// RecordAbsence adds a period of absence, which must fall while the
// worker is in post.
func (s *Store) RecordAbsence(ctx context.Context, actor Actor, a casework.Absence) (casework.Absence, error) {
	if err := a.Validate(); err != nil {
		return a, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		w, err := tx.staff(ctx, a.WorkerID)
		if err != nil {
			return err
		}
		if !w.ActiveOn(a.Start) {
			return casework.Invalid("start_date", "The absence must start while the worker is in post")
		}
		if a.End != nil && w.EndDate != nil && a.End.After(*w.EndDate) {
			return casework.Invalid("end_date", "The absence cannot go on after the worker's leaving date")
		}
		a.WorkerName = w.Name
		id, err := tx.insert(ctx, `INSERT INTO worker_absences (worker_id, reason, start_date, end_date, days_lost,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?)`, a.WorkerID, a.Reason, day(a.Start), dayPtr(a.End),
			a.DaysLost, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert absence: %w", err)
		}
		a.ID, a.Version = id, 1
		return tx.record("absence", id, "create", nil, a, "")
	})
	if err != nil {
		return a, fmt.Errorf("store: record absence for worker %d: %w", a.WorkerID, err)
	}
	return a, nil
}
