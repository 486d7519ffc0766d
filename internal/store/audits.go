package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// CurrentAuditTemplate returns the audit template in use, with its
// questions in order. Migration 0004 puts a default one in use.
func (s *Store) CurrentAuditTemplate(ctx context.Context) (casework.AuditTemplate, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM audit_templates WHERE in_use ORDER BY id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return casework.AuditTemplate{}, fmt.Errorf("store: no audit template in use: %w", casework.ErrNotFound)
	}
	if err != nil {
		return casework.AuditTemplate{}, fmt.Errorf("store: audit template in use: %w", err)
	}
	return s.AuditTemplate(ctx, id)
}

// AuditTemplate returns one template with its questions.
func (s *Store) AuditTemplate(ctx context.Context, id int64) (casework.AuditTemplate, error) {
	t, err := auditTemplate(ctx, s, id)
	if err != nil {
		return t, fmt.Errorf("store: %w", err)
	}
	return t, nil
}

func auditTemplate(ctx context.Context, db querier, id int64) (casework.AuditTemplate, error) {
	var t casework.AuditTemplate
	err := db.queryRow(ctx, `SELECT id, name, in_use, version FROM audit_templates WHERE id = ?`, id).
		Scan(&t.ID, &t.Name, &t.InUse, &t.Version)
	if err != nil {
		return t, notFound(err, "audit template", id)
	}
	err = eachRow(ctx, db, func(r rowScanner) (casework.AuditQuestion, error) {
		var q casework.AuditQuestion
		return q, r.Scan(&q.ID, &q.Position, &q.Theme, &q.Text)
	}, func(q casework.AuditQuestion) { t.Questions = append(t.Questions, q) },
		`SELECT id, position, theme, text FROM audit_questions WHERE template_id = ? ORDER BY position`, id)
	if err != nil {
		return t, fmt.Errorf("questions of audit template %d: %w", id, err)
	}
	return t, nil
}

// SaveAuditTemplate saves a new template and puts it in use in place of
// the one before, which stays with the audits graded against it. The
// questions are numbered in the order given.
func (s *Store) SaveAuditTemplate(ctx context.Context, actor Actor, t casework.AuditTemplate) (casework.AuditTemplate, error) {
	return s.saveAuditTemplate(ctx, actor, t, 0)
}

// ReviseAuditTemplate saves the questions of the template in use as the
// user changed them (reworded, added, retired) as a new template, as
// SaveAuditTemplate does, if the template they read (readID) is still the
// one in use: a revision of a template someone else has replaced since is
// refused with a *casework.ConflictError, and nothing is saved.
func (s *Store) ReviseAuditTemplate(ctx context.Context, actor Actor, readID int64, t casework.AuditTemplate) (casework.AuditTemplate, error) {
	return s.saveAuditTemplate(ctx, actor, t, readID)
}

// saveAuditTemplate saves t in place of the template in use; readID, when
// not 0, is the template the change was made from.
func (s *Store) saveAuditTemplate(ctx context.Context, actor Actor, t casework.AuditTemplate, readID int64) (casework.AuditTemplate, error) {
	t.Name = strings.TrimSpace(t.Name)
	for i := range t.Questions {
		q := &t.Questions[i]
		q.Position, q.Theme, q.Text = i+1, strings.TrimSpace(q.Theme), strings.TrimSpace(q.Text)
	}
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if readID != 0 {
			if err := tx.auditTemplateStillInUse(ctx, readID); err != nil {
				return err
			}
		}
		if err := tx.retireAuditTemplates(ctx); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO audit_templates (name, in_use, updated_at, updated_by) VALUES (?,?,?,?)`,
			t.Name, true, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert audit template: %w", err)
		}
		t.ID, t.InUse, t.Version = id, true, 1
		for i := range t.Questions {
			q := &t.Questions[i]
			if q.ID, err = tx.insert(ctx, `INSERT INTO audit_questions (template_id, position, theme, text) VALUES (?,?,?,?)`,
				id, q.Position, q.Theme, q.Text); err != nil {
				return fmt.Errorf("insert audit question: %w", err)
			}
		}
		return tx.record("audit_template", id, "create", nil, t, "")
	})
	if err != nil {
		return t, fmt.Errorf("store: save audit template: %w", err)
	}
	return t, nil
}

// auditTemplateStillInUse refuses a change made from template readID when
// another template has been put in use since.
func (t *Tx) auditTemplateStillInUse(ctx context.Context, readID int64) error {
	var id int64
	var by string
	var at tsCol
	err := t.queryRow(ctx, `SELECT id, updated_by, updated_at FROM audit_templates WHERE in_use ORDER BY id DESC LIMIT 1`).
		Scan(&id, &by, &at)
	if err != nil {
		return fmt.Errorf("audit template in use: %w", err)
	}
	if id != readID {
		return &casework.ConflictError{Entity: "audit template", ChangedBy: by, ChangedAt: at.t}
	}
	return nil
}

// retireAuditTemplates takes the templates in use out of use.
func (t *Tx) retireAuditTemplates(ctx context.Context) error {
	var olds []casework.AuditTemplate
	err := eachRow(ctx, t, func(r rowScanner) (casework.AuditTemplate, error) {
		var o casework.AuditTemplate
		return o, r.Scan(&o.ID, &o.Name, &o.Version)
	}, func(o casework.AuditTemplate) { olds = append(olds, o) },
		`SELECT id, name, version FROM audit_templates WHERE in_use`)
	if err != nil {
		return fmt.Errorf("read audit templates in use: %w", err)
	}
	for _, o := range olds {
		if err := t.updateVersioned(ctx, "audit_templates", "audit template", o.ID, o.Version, `in_use = ?`, false); err != nil {
			return err
		}
		before, after := o, o
		before.InUse, after.Version = true, o.Version+1
		if err := t.record("audit_template", o.ID, "retire", before, after, "replaced by a new template"); err != nil {
			return err
		}
	}
	return nil
}

// AuditOwners lists who may own an audit action or a hand-back: staff who
// can sign in and work on cases (or audit them), by name.
func (s *Store) AuditOwners(ctx context.Context) ([]User, error) {
	users, err := s.Users(ctx)
	if err != nil {
		return nil, err
	}
	var out []User
	for _, u := range users {
		if canOwnAuditWork(u) {
			out = append(out, u)
		}
	}
	return out, nil
}

func canOwnAuditWork(u User) bool {
	return !u.Disabled && (auth.Allowed(u.Role, auth.PermEditChildren) || auth.Allowed(u.Role, auth.PermAudit))
}

// RecordAudit validates and saves an audit of a child's case by actor,
// with its answers, actions and any hand-back, in one write. The audit is
// graded against the template it names (the one in use when none). The
// audited team is the sample's, or else the team holding the child's open
// case.
func (s *Store) RecordAudit(ctx context.Context, actor Actor, a casework.Audit) (casework.Audit, error) {
	tidyAudit(&a)
	tpl, err := s.auditTemplateFor(ctx, a.TemplateID)
	if err != nil {
		return a, err
	}
	a.TemplateID = tpl.ID
	if err := a.Validate(calendar.Today(s.Now()), tpl); err != nil {
		return a, err
	}
	err = s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.checkAudit(ctx, &a); err != nil {
			return err
		}
		return tx.insertAudit(ctx, &a, tpl)
	})
	if err != nil {
		return a, fmt.Errorf("store: record audit of child %d: %w", a.ChildID, err)
	}
	return a, nil
}

func (s *Store) auditTemplateFor(ctx context.Context, id int64) (casework.AuditTemplate, error) {
	if id == 0 {
		return s.CurrentAuditTemplate(ctx)
	}
	return s.AuditTemplate(ctx, id)
}

// tidyAudit trims what was typed.
func tidyAudit(a *casework.Audit) {
	a.Summary = strings.TrimSpace(a.Summary)
	for i := range a.Answers {
		a.Answers[i].Comment = strings.TrimSpace(a.Answers[i].Comment)
	}
	for i := range a.Actions {
		a.Actions[i].Text = strings.TrimSpace(a.Actions[i].Text)
	}
	if a.HandBack != nil {
		a.HandBack.Reason = strings.TrimSpace(a.HandBack.Reason)
	}
}

// checkAudit applies the rules that need the database: the child exists,
// a sample holds the child and has not had it audited yet, every owner
// may own the work. It sets the audited team.
func (t *Tx) checkAudit(ctx context.Context, a *casework.Audit) error {
	c, err := t.child(ctx, a.ChildID)
	if err != nil {
		return err
	}
	a.ChildName = c.FullName()
	if err := t.checkSampleChild(ctx, a); err != nil {
		return err
	}
	v := &casework.ValidationError{}
	for i := range a.Actions {
		t.checkOwner(ctx, v, fmt.Sprintf("action-%d-owner", i+1), a.Actions[i].OwnerID)
	}
	if a.HandBack != nil {
		t.checkOwner(ctx, v, "handback_owner", a.HandBack.OwnerID)
	}
	return v.Err()
}

// checkSampleChild checks the sample and sets the team audited.
func (t *Tx) checkSampleChild(ctx context.Context, a *casework.Audit) error {
	if a.SampleID == nil {
		a.TeamID = t.openTeam(ctx, a.ChildID)
		return nil
	}
	var teamID int64
	var in, done int
	err := t.queryRow(ctx, `SELECT s.team_id,
		(SELECT count(*) FROM audit_sample_children sc WHERE sc.sample_id = s.id AND sc.child_id = ?),
		(SELECT count(*) FROM audits x WHERE x.sample_id = s.id AND x.child_id = ?)
		FROM audit_samples s WHERE s.id = ?`, a.ChildID, a.ChildID, *a.SampleID).Scan(&teamID, &in, &done)
	if err != nil {
		return notFound(err, "audit sample", *a.SampleID)
	}
	switch {
	case in == 0:
		return casework.Invalid("form", "This child is not in the sample: go back to the sample and choose a child from it")
	case done > 0:
		return casework.Invalid("form", "This child's case has already been audited in this sample")
	}
	a.TeamID = &teamID
	return nil
}

// openTeam is the team holding the child's open case, or nil.
func (t *Tx) openTeam(ctx context.Context, childID int64) *int64 {
	var id *int64
	err := t.queryRow(ctx, `SELECT team_id FROM involvements WHERE child_id = ? AND end_date IS NULL AND error_reason = ''
		ORDER BY start_date DESC, id DESC LIMIT 1`, childID).Scan(&id)
	if err != nil {
		return nil
	}
	return id
}

// checkOwner adds an error on field unless id is a user who may own work.
func (t *Tx) checkOwner(ctx context.Context, v *casework.ValidationError, field string, id int64) {
	u, err := scanUser(t.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	if err != nil || !canOwnAuditWork(u) {
		v.Add(field, "Choose an owner from the list: a member of staff who can sign in")
	}
}

// insertAudit writes the audit, its answers, actions and hand-back, each
// with its history event.
func (t *Tx) insertAudit(ctx context.Context, a *casework.Audit, tpl casework.AuditTemplate) error {
	id, err := t.insert(ctx, `INSERT INTO audits (child_id, sample_id, template_id, team_id, auditor_id, audit_date,
		overall_grade, summary, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		a.ChildID, a.SampleID, a.TemplateID, a.TeamID, t.actor.UserID, day(a.Date), a.Overall, a.Summary,
		t.s.d.ts(t.now), t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert audit: %w", err)
	}
	a.ID, a.Version, a.AuditorID, a.AuditorName, a.CreatedAt = id, 1, t.actor.UserID, t.actor.Name, t.now
	if err := t.insertAnswers(ctx, a, tpl); err != nil {
		return err
	}
	for i := range a.Actions {
		if err := t.insertAction(ctx, a, &a.Actions[i]); err != nil {
			return err
		}
	}
	if a.HandBack != nil {
		if err := t.insertHandBack(ctx, a, a.HandBack); err != nil {
			return err
		}
	}
	return t.record("audit", id, "create", nil, a, "")
}

// insertAnswers writes one grade per question, in the template's order.
func (t *Tx) insertAnswers(ctx context.Context, a *casework.Audit, tpl casework.AuditTemplate) error {
	given := map[int64]casework.AuditAnswer{}
	for _, ans := range a.Answers {
		given[ans.QuestionID] = ans
	}
	a.Answers = a.Answers[:0]
	for _, q := range tpl.Questions {
		ans := given[q.ID]
		ans.Position, ans.Theme, ans.Question = q.Position, q.Theme, q.Text
		if _, err := t.exec(ctx, `INSERT INTO audit_answers (audit_id, question_id, grade, comment) VALUES (?,?,?,?)`,
			a.ID, q.ID, ans.Grade, ans.Comment); err != nil {
			return fmt.Errorf("insert audit answer: %w", err)
		}
		a.Answers = append(a.Answers, ans)
	}
	return nil
}

func (t *Tx) insertAction(ctx context.Context, a *casework.Audit, x *casework.AuditAction) error {
	x.AuditID, x.ChildID, x.ChildName, x.Status, x.Version = a.ID, a.ChildID, a.ChildName, casework.ActionOpen, 1
	id, err := t.insert(ctx, `INSERT INTO audit_actions (audit_id, child_id, text, owner_id, due_date, status,
		updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, a.ID, a.ChildID, x.Text, x.OwnerID, day(x.Due), x.Status,
		t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert audit action: %w", err)
	}
	x.ID = id
	return t.record("audit_action", id, "create", nil, *x, "")
}

func (t *Tx) insertHandBack(ctx context.Context, a *casework.Audit, h *casework.HandBack) error {
	h.AuditID, h.ChildID, h.ChildName, h.Raised, h.Version = a.ID, a.ChildID, a.ChildName, a.Date, 1
	id, err := t.insert(ctx, `INSERT INTO audit_handbacks (audit_id, child_id, reason, owner_id, due_date,
		updated_at, updated_by) VALUES (?,?,?,?,?,?,?)`, a.ID, a.ChildID, h.Reason, h.OwnerID, day(h.Due),
		t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert hand-back: %w", err)
	}
	h.ID = id
	return t.record("audit_handback", id, "create", nil, *h, "handed back for urgent action")
}

const auditColumns = `a.id, a.child_id, c.first_name, c.last_name, a.sample_id, a.template_id, a.team_id,
	COALESCE(t.name, ''), a.auditor_id, COALESCE(u.display_name, ''), a.audit_date, a.overall_grade, a.summary,
	a.created_at, a.version`

const auditFrom = ` FROM audits a JOIN children c ON c.id = a.child_id LEFT JOIN teams t ON t.id = a.team_id
	LEFT JOIN users u ON u.id = a.auditor_id`

func scanAudit(r rowScanner) (casework.Audit, error) {
	var a casework.Audit
	var first, last string
	var on dateCol
	var created tsCol
	err := r.Scan(&a.ID, &a.ChildID, &first, &last, &a.SampleID, &a.TemplateID, &a.TeamID, &a.TeamName,
		&a.AuditorID, &a.AuditorName, &on, &a.Overall, &a.Summary, &created, &a.Version)
	a.ChildName, a.Date, a.CreatedAt = fullName(first, last), on.t, created.t
	return a, err
}

func fullName(first, last string) string {
	return casework.Child{FirstName: first, LastName: last}.FullName()
}

// Audit returns one audit with its answers, actions and hand-back.
func (s *Store) Audit(ctx context.Context, id int64) (casework.Audit, error) {
	a, err := getRow(ctx, s, scanAudit, "audit", `SELECT `+auditColumns+auditFrom+` WHERE a.id = ?`, id)
	if err != nil {
		return a, fmt.Errorf("store: %w", err)
	}
	err = eachRow(ctx, s, func(r rowScanner) (casework.AuditAnswer, error) {
		var x casework.AuditAnswer
		return x, r.Scan(&x.QuestionID, &x.Position, &x.Theme, &x.Question, &x.Grade, &x.Comment)
	}, func(x casework.AuditAnswer) { a.Answers = append(a.Answers, x) },
		`SELECT q.id, q.position, q.theme, q.text, x.grade, x.comment FROM audit_answers x
		JOIN audit_questions q ON q.id = x.question_id WHERE x.audit_id = ? ORDER BY q.position`, id)
	if err != nil {
		return a, fmt.Errorf("store: answers of audit %d: %w", id, err)
	}
	if a.Actions, err = s.auditActions(ctx, `x.audit_id = ?`, id); err != nil {
		return a, err
	}
	hbs, err := s.handBacks(ctx, `h.audit_id = ?`, id)
	if len(hbs) > 0 {
		a.HandBack = &hbs[0]
	}
	return a, err
}

// AuditsBetween lists the audits dated from from to to inclusive, newest
// first, without their answers.
func (s *Store) AuditsBetween(ctx context.Context, from, to time.Time) ([]casework.Audit, error) {
	var out []casework.Audit
	err := eachRow(ctx, s, scanAudit, func(a casework.Audit) { out = append(out, a) },
		`SELECT `+auditColumns+auditFrom+` WHERE a.audit_date >= ? AND a.audit_date <= ?
		ORDER BY a.audit_date DESC, a.id DESC`, day(from), day(to))
	if err != nil {
		return nil, fmt.Errorf("store: audits from %s: %w", day(from), err)
	}
	return out, nil
}
