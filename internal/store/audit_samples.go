package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// DrawAuditSample draws a random sample of size children with open cases
// held by a team, today, and keeps it with its seed. A seed of 0 draws a
// fresh one; the same seed over the same eligible children draws the same
// sample (casework.DrawSample). Children whose case was audited in the last
// six months are not eligible (casework.RecentAuditCutoff), nor are
// children whose only involvement was entered in error.
func (s *Store) DrawAuditSample(ctx context.Context, actor Actor, teamID int64, size int, seed int64) (casework.AuditSample, error) {
	v := &casework.ValidationError{}
	if teamID <= 0 {
		v.Add("team", "Choose the team to draw the sample from")
	}
	if err := casework.ValidateSampleSize(size); err != nil {
		mergeInto(v, err)
	}
	if seed < 0 {
		v.Add("seed", "Seed must be a whole number, 1 or more")
	}
	if err := v.Err(); err != nil {
		return casework.AuditSample{}, err
	}
	if seed == 0 {
		seed = casework.NewSampleSeed()
	}
	smp := casework.AuditSample{TeamID: teamID, Size: size, Seed: seed, DrawnOn: calendar.Today(s.Now()), DrawnBy: actor.Name}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.queryRow(ctx, `SELECT name FROM teams WHERE id = ?`, teamID).Scan(&smp.TeamName); errors.Is(err, sql.ErrNoRows) {
			return casework.Invalid("team", "Choose the team to draw the sample from")
		} else if err != nil {
			return fmt.Errorf("read team %d: %w", teamID, err)
		}
		ids, err := auditCandidates(ctx, tx, teamID, smp.DrawnOn)
		if err != nil {
			return err
		}
		smp.Eligible = len(ids)
		return tx.insertSample(ctx, &smp, casework.DrawSample(ids, size, seed))
	})
	if err != nil {
		return smp, fmt.Errorf("store: draw audit sample of team %d: %w", teamID, err)
	}
	return s.AuditSample(ctx, smp.ID)
}

// mergeInto copies the field errors of err into v.
func mergeInto(v *casework.ValidationError, err error) {
	var o *casework.ValidationError
	if errors.As(err, &o) {
		v.Errors = append(v.Errors, o.Errors...)
	}
}

// AuditCandidates lists the children a sample of a team drawn on a day
// would choose from, in ascending order of id: open cases held by the
// team, less those audited in the six months before.
func (s *Store) AuditCandidates(ctx context.Context, teamID int64, on time.Time) ([]int64, error) {
	ids, err := auditCandidates(ctx, s, teamID, on)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return ids, nil
}

func auditCandidates(ctx context.Context, db querier, teamID int64, on time.Time) ([]int64, error) {
	var ids []int64
	err := eachRow(ctx, db, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, func(id int64) { ids = append(ids, id) },
		`SELECT DISTINCT i.child_id FROM involvements i
		WHERE i.team_id = ? AND i.error_reason = '' AND i.start_date <= ? AND i.end_date IS NULL
		AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.child_id = i.child_id AND a.audit_date > ?)
		ORDER BY i.child_id`, teamID, day(on), day(casework.RecentAuditCutoff(on)))
	if err != nil {
		return nil, fmt.Errorf("audit candidates of team %d: %w", teamID, err)
	}
	return ids, nil
}

// insertSample keeps a sample and the children drawn, in drawn order.
func (t *Tx) insertSample(ctx context.Context, smp *casework.AuditSample, ids []int64) error {
	id, err := t.insert(ctx, `INSERT INTO audit_samples (team_id, size, seed, drawn_on, eligible, drawn_by, drawn_at)
		VALUES (?,?,?,?,?,?,?)`, smp.TeamID, smp.Size, smp.Seed, day(smp.DrawnOn), smp.Eligible, smp.DrawnBy, t.s.d.ts(t.now))
	if err != nil {
		return fmt.Errorf("insert audit sample: %w", err)
	}
	smp.ID = id
	for i, child := range ids {
		if _, err := t.exec(ctx, `INSERT INTO audit_sample_children (sample_id, position, child_id) VALUES (?,?,?)`,
			id, i+1, child); err != nil {
			return fmt.Errorf("insert sampled child: %w", err)
		}
	}
	return t.record("audit_sample", id, "create", nil, struct {
		casework.AuditSample
		ChildIDs []int64
	}{*smp, ids}, "")
}

const sampleColumns = `s.id, s.team_id, COALESCE(t.name, ''), s.size, s.seed, s.drawn_on, s.drawn_by, s.eligible`

func scanSample(r rowScanner) (casework.AuditSample, error) {
	var smp casework.AuditSample
	var on dateCol
	err := r.Scan(&smp.ID, &smp.TeamID, &smp.TeamName, &smp.Size, &smp.Seed, &on, &smp.DrawnBy, &smp.Eligible)
	smp.DrawnOn = on.t
	return smp, err
}

// AuditSample returns a sample with its children in drawn order, each with
// their worker now, the audit made from the sample (if any) and whether
// they are flagged as handed back.
func (s *Store) AuditSample(ctx context.Context, id int64) (casework.AuditSample, error) {
	smp, err := getRow(ctx, s, scanSample, "audit sample", `SELECT `+sampleColumns+
		` FROM audit_samples s LEFT JOIN teams t ON t.id = s.team_id WHERE s.id = ?`, id)
	if err != nil {
		return smp, fmt.Errorf("store: %w", err)
	}
	err = eachRow(ctx, s, scanSampledChild, func(c casework.SampledChild) { smp.Children = append(smp.Children, c) },
		`SELECT sc.position, c.id, c.la_child_id, c.first_name, c.last_name, c.restricted,
		COALESCE((SELECT w.name FROM involvements i JOIN workers w ON w.id = i.worker_id
			WHERE i.child_id = c.id AND i.end_date IS NULL AND i.error_reason = ''
			ORDER BY i.start_date DESC, i.id DESC LIMIT 1), ''),
		a.id, COALESCE(a.overall_grade, ''),
		EXISTS (SELECT 1 FROM audit_handbacks h WHERE h.child_id = c.id AND h.resolved_on IS NULL)
		FROM audit_sample_children sc JOIN children c ON c.id = sc.child_id
		LEFT JOIN audits a ON a.sample_id = sc.sample_id AND a.child_id = sc.child_id
		WHERE sc.sample_id = ? ORDER BY sc.position`, id)
	if err != nil {
		return smp, fmt.Errorf("store: children of audit sample %d: %w", id, err)
	}
	return smp, nil
}

func scanSampledChild(r rowScanner) (casework.SampledChild, error) {
	var c casework.SampledChild
	var first, last string
	err := r.Scan(&c.Position, &c.ChildID, &c.LAChildID, &first, &last, &c.Restricted, &c.WorkerName,
		&c.AuditID, &c.Grade, &c.HandedBack)
	c.Name = fullName(first, last)
	return c, err
}

// SampleSummary is one sample in a list: how many were drawn and how many
// of them have been audited.
type SampleSummary struct {
	casework.AuditSample
	Drawn   int
	Audited int
}

// RecentAuditSamples lists the latest samples, newest first.
func (s *Store) RecentAuditSamples(ctx context.Context, limit int) ([]SampleSummary, error) {
	var out []SampleSummary
	err := eachRow(ctx, s, func(r rowScanner) (SampleSummary, error) {
		var x SampleSummary
		var on dateCol
		err := r.Scan(&x.ID, &x.TeamID, &x.TeamName, &x.Size, &x.Seed, &on, &x.DrawnBy, &x.Eligible, &x.Drawn, &x.Audited)
		x.DrawnOn = on.t
		return x, err
	}, func(x SampleSummary) { out = append(out, x) },
		`SELECT `+sampleColumns+`,
		(SELECT count(*) FROM audit_sample_children sc WHERE sc.sample_id = s.id),
		(SELECT count(*) FROM audits a WHERE a.sample_id = s.id)
		FROM audit_samples s LEFT JOIN teams t ON t.id = s.team_id ORDER BY s.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: recent audit samples: %w", err)
	}
	return out, nil
}
