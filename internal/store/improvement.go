package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The improvement plan: recommendations, their actions, the evidence
// linked to each action and progress notes, read as one plan; and the
// board's commentary per report date. Every change is versioned and goes
// into the history; nothing is deleted, a row entered in error keeps its
// reason and drops out of the plan.

// ImprovementPlan returns the recommendations not entered in error, in
// inspection order, each with its actions (by due date) and their
// evidence and notes.
func (s *Store) ImprovementPlan(ctx context.Context) ([]casework.Recommendation, map[int64][]casework.Action, error) {
	var recs []casework.Recommendation
	err := eachRow(ctx, s, scanRecommendation, func(r casework.Recommendation) { recs = append(recs, r) },
		`SELECT `+recColumns+` FROM improvement_recommendations WHERE error_reason = '' ORDER BY inspection_date, id`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: improvement recommendations: %w", err)
	}
	var acts []casework.Action
	err = eachRow(ctx, s, scanAction, func(a casework.Action) { acts = append(acts, a) },
		`SELECT `+actionColumns+` FROM improvement_actions WHERE error_reason = '' ORDER BY due_date, id`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: improvement actions: %w", err)
	}
	idx := map[int64]int{}
	for i, a := range acts {
		idx[a.ID] = i
	}
	err = eachRow(ctx, s, scanEvidence, func(e casework.Evidence) {
		if i, ok := idx[e.ActionID]; ok {
			acts[i].Evidence = append(acts[i].Evidence, e)
		}
	}, `SELECT `+evidenceColumns+` FROM improvement_evidence WHERE error_reason = '' ORDER BY id`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: improvement evidence: %w", err)
	}
	err = eachRow(ctx, s, scanProgressNote, func(n casework.ProgressNote) {
		if i, ok := idx[n.ActionID]; ok {
			acts[i].Notes = append(acts[i].Notes, n)
		}
	}, `SELECT `+progressColumns+` FROM improvement_notes WHERE error_reason = '' ORDER BY note_date DESC, id DESC`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: improvement notes: %w", err)
	}
	byRec := map[int64][]casework.Action{}
	for _, a := range acts {
		byRec[a.RecommendationID] = append(byRec[a.RecommendationID], a)
	}
	return recs, byRec, nil
}

const recColumns = `id, text, source, inspection_date, theme, error_reason, version`

func scanRecommendation(r rowScanner) (casework.Recommendation, error) {
	var rec casework.Recommendation
	var d dateCol
	err := r.Scan(&rec.ID, &rec.Text, &rec.Source, &d, &rec.Theme, &rec.ErrorReason, &rec.Version)
	rec.InspectionDate = d.t
	return rec, err
}

// Recommendation returns one recommendation.
func (s *Store) Recommendation(ctx context.Context, id int64) (casework.Recommendation, error) {
	r, err := scanRecommendation(s.queryRow(ctx, `SELECT `+recColumns+` FROM improvement_recommendations WHERE id = ?`, id))
	if err != nil {
		return r, fmt.Errorf("store: %w", notFound(err, "recommendation", id))
	}
	return r, nil
}

// SaveRecommendation adds a recommendation (ID 0) or changes one, refusing
// a stale version.
func (s *Store) SaveRecommendation(ctx context.Context, actor Actor, r casework.Recommendation) (casework.Recommendation, error) {
	r.Text, r.Source, r.Theme = strings.TrimSpace(r.Text), strings.TrimSpace(r.Source), strings.TrimSpace(r.Theme)
	if err := r.Validate(); err != nil {
		return r, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if r.ID == 0 {
			id, err := tx.insert(ctx, `INSERT INTO improvement_recommendations (text, source, inspection_date, theme, updated_at, updated_by)
				VALUES (?,?,?,?,?,?)`, r.Text, r.Source, day(r.InspectionDate), r.Theme, tx.s.d.ts(tx.now), actor.Name)
			if err != nil {
				return fmt.Errorf("insert recommendation: %w", err)
			}
			r.ID, r.Version = id, 1
			return tx.record("improvement_recommendation", id, "create", nil, r, "")
		}
		before, err := scanRecommendation(tx.queryRow(ctx, `SELECT `+recColumns+` FROM improvement_recommendations WHERE id = ?`, r.ID))
		if err != nil {
			return notFound(err, "recommendation", r.ID)
		}
		if err := tx.updateVersioned(ctx, "improvement_recommendations", "recommendation", r.ID, r.Version,
			`text = ?, source = ?, inspection_date = ?, theme = ?`, r.Text, r.Source, day(r.InspectionDate), r.Theme); err != nil {
			return err
		}
		r.Version++
		return tx.record("improvement_recommendation", r.ID, "update", before, r, "")
	})
	if err != nil {
		return r, fmt.Errorf("store: save recommendation: %w", err)
	}
	return r, nil
}

const actionColumns = `id, recommendation_id, description, COALESCE(owner_user_id, 0), owner_name, due_date, status,
	completed_on, rag_override, override_reason, error_reason, version`

func scanAction(r rowScanner) (casework.Action, error) {
	var a casework.Action
	var due, done dateCol
	err := r.Scan(&a.ID, &a.RecommendationID, &a.Description, &a.OwnerUserID, &a.OwnerName, &due, &a.Status,
		&done, &a.RAGOverride, &a.OverrideReason, &a.ErrorReason, &a.Version)
	a.DueDate, a.CompletedOn = due.t, done.t
	return a, err
}

// Action returns one action, without its evidence and notes.
func (s *Store) Action(ctx context.Context, id int64) (casework.Action, error) {
	a, err := scanAction(s.queryRow(ctx, `SELECT `+actionColumns+` FROM improvement_actions WHERE id = ?`, id))
	if err != nil {
		return a, fmt.Errorf("store: %w", notFound(err, "action", id))
	}
	return a, nil
}

// SaveAction adds an action (ID 0) or changes one, refusing a stale
// version. An owner who is a user is named as the user is.
func (s *Store) SaveAction(ctx context.Context, actor Actor, a casework.Action) (casework.Action, error) {
	a.Description, a.OwnerName = strings.TrimSpace(a.Description), strings.TrimSpace(a.OwnerName)
	a.OverrideReason = strings.TrimSpace(a.OverrideReason)
	if a.RAGOverride == "" {
		a.OverrideReason = ""
	}
	if a.OwnerUserID != 0 {
		var name string
		if err := s.queryRow(ctx, `SELECT display_name FROM users WHERE id = ?`, a.OwnerUserID).Scan(&name); err != nil {
			return a, casework.Invalid("owner", "Choose an owner from the list")
		}
		a.OwnerName = name
	}
	if err := a.Validate(); err != nil {
		return a, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.recommendationOpen(ctx, a.RecommendationID); err != nil {
			return err
		}
		var done *time.Time
		if !a.CompletedOn.IsZero() {
			done = &a.CompletedOn
		}
		owner := sql.NullInt64{Int64: a.OwnerUserID, Valid: a.OwnerUserID != 0}
		if a.ID == 0 {
			id, err := tx.insert(ctx, `INSERT INTO improvement_actions (recommendation_id, description, owner_user_id, owner_name,
				due_date, status, completed_on, rag_override, override_reason, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
				a.RecommendationID, a.Description, owner, a.OwnerName, day(a.DueDate), a.Status, dayPtr(done),
				a.RAGOverride, a.OverrideReason, tx.s.d.ts(tx.now), actor.Name)
			if err != nil {
				return fmt.Errorf("insert action: %w", err)
			}
			a.ID, a.Version = id, 1
			return tx.record("improvement_action", id, "create", nil, a, "")
		}
		before, err := scanAction(tx.queryRow(ctx, `SELECT `+actionColumns+` FROM improvement_actions WHERE id = ?`, a.ID))
		if err != nil {
			return notFound(err, "action", a.ID)
		}
		if err := tx.updateVersioned(ctx, "improvement_actions", "action", a.ID, a.Version,
			`recommendation_id = ?, description = ?, owner_user_id = ?, owner_name = ?, due_date = ?, status = ?,
			completed_on = ?, rag_override = ?, override_reason = ?`,
			a.RecommendationID, a.Description, owner, a.OwnerName, day(a.DueDate), a.Status, dayPtr(done),
			a.RAGOverride, a.OverrideReason); err != nil {
			return err
		}
		a.Version++
		return tx.record("improvement_action", a.ID, "update", before, a, a.OverrideReason)
	})
	if err != nil {
		return a, fmt.Errorf("store: save action: %w", err)
	}
	return a, nil
}

// recommendationOpen refuses an action for a recommendation that does not
// exist or was entered in error.
func (t *Tx) recommendationOpen(ctx context.Context, id int64) error {
	var reason string
	err := t.queryRow(ctx, `SELECT error_reason FROM improvement_recommendations WHERE id = ?`, id).Scan(&reason)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && reason != "") {
		return casework.Invalid("recommendation_id", "Choose a recommendation from the plan")
	}
	if err != nil {
		return fmt.Errorf("recommendation %d: %w", id, err)
	}
	return nil
}

// actionOpen refuses evidence or a note for an action that does not exist
// or was entered in error.
func (t *Tx) actionOpen(ctx context.Context, id int64) error {
	var reason string
	err := t.queryRow(ctx, `SELECT error_reason FROM improvement_actions WHERE id = ?`, id).Scan(&reason)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && reason != "") {
		return casework.Invalid("action_id", "Choose an action from the plan")
	}
	if err != nil {
		return fmt.Errorf("action %d: %w", id, err)
	}
	return nil
}

const evidenceColumns = `id, action_id, kind, indicator_id, audit_theme, summary, error_reason, version`

func scanEvidence(r rowScanner) (casework.Evidence, error) {
	var e casework.Evidence
	return e, r.Scan(&e.ID, &e.ActionID, &e.Kind, &e.IndicatorID, &e.AuditTheme, &e.Summary, &e.ErrorReason, &e.Version)
}

// AddEvidence links evidence to an action; known says whether an
// indicator id is in the metrics catalogue.
func (s *Store) AddEvidence(ctx context.Context, actor Actor, e casework.Evidence, known func(string) bool) (casework.Evidence, error) {
	e.IndicatorID, e.AuditTheme, e.Summary = strings.TrimSpace(e.IndicatorID), strings.TrimSpace(e.AuditTheme), strings.TrimSpace(e.Summary)
	if err := e.Validate(known); err != nil {
		return e, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.actionOpen(ctx, e.ActionID); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO improvement_evidence (action_id, kind, indicator_id, audit_theme, summary, updated_at, updated_by)
			VALUES (?,?,?,?,?,?,?)`, e.ActionID, e.Kind, e.IndicatorID, e.AuditTheme, e.Summary, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert evidence: %w", err)
		}
		e.ID, e.Version = id, 1
		return tx.record("improvement_evidence", id, "create", nil, e, "")
	})
	if err != nil {
		return e, fmt.Errorf("store: add evidence to action %d: %w", e.ActionID, err)
	}
	return e, nil
}

const progressColumns = `id, action_id, note_date, author, text, error_reason, version`

func scanProgressNote(r rowScanner) (casework.ProgressNote, error) {
	var n casework.ProgressNote
	var d dateCol
	err := r.Scan(&n.ID, &n.ActionID, &d, &n.Author, &n.Text, &n.ErrorReason, &n.Version)
	n.Date = d.t
	return n, err
}

// AddProgressNote adds a note to an action, written by actor.
func (s *Store) AddProgressNote(ctx context.Context, actor Actor, n casework.ProgressNote) (casework.ProgressNote, error) {
	n.Text, n.Author = strings.TrimSpace(n.Text), actor.Name
	if err := n.Validate(calendar.Today(s.Now())); err != nil {
		return n, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.actionOpen(ctx, n.ActionID); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO improvement_notes (action_id, note_date, author, text, updated_at, updated_by)
			VALUES (?,?,?,?,?,?)`, n.ActionID, day(n.Date), n.Author, n.Text, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert progress note: %w", err)
		}
		n.ID, n.Version = id, 1
		return tx.record("improvement_note", id, "create", nil, n, "")
	})
	if err != nil {
		return n, fmt.Errorf("store: add progress note to action %d: %w", n.ActionID, err)
	}
	return n, nil
}

// BoardCommentary is the improvement board's commentary for one report date.
type BoardCommentary struct {
	ReportDate time.Time
	Text       string
	Version    int // 0 when none is saved yet
	UpdatedBy  string
	UpdatedAt  time.Time
}

// Commentary returns the commentary saved for a report date, or an empty
// one (Version 0).
func (s *Store) Commentary(ctx context.Context, date time.Time) (BoardCommentary, error) {
	c := BoardCommentary{ReportDate: date}
	var at tsCol
	err := s.queryRow(ctx, `SELECT text, version, updated_by, updated_at FROM board_commentary WHERE report_date = ?`, day(date)).
		Scan(&c.Text, &c.Version, &c.UpdatedBy, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("store: board commentary for %s: %w", day(date), err)
	}
	c.UpdatedAt = at.t
	return c, nil
}

// SaveCommentary saves the commentary for a report date. version is the
// one read (0 when there was none): a stale save is refused.
func (s *Store) SaveCommentary(ctx context.Context, actor Actor, date time.Time, text string, version int) (BoardCommentary, error) {
	text = strings.TrimSpace(text)
	err := s.write(ctx, actor, func(tx *Tx) error {
		var id int64
		var cur int
		var by string
		var at tsCol
		err := tx.queryRow(ctx, `SELECT id, version, updated_by, updated_at FROM board_commentary WHERE report_date = ?`, day(date)).
			Scan(&id, &cur, &by, &at)
		switch {
		case errors.Is(err, sql.ErrNoRows) && version == 0:
			id, err = tx.insert(ctx, `INSERT INTO board_commentary (report_date, text, updated_at, updated_by) VALUES (?,?,?,?)`,
				day(date), text, tx.s.d.ts(tx.now), actor.Name)
			if err != nil {
				return fmt.Errorf("insert board commentary: %w", err)
			}
			return tx.record("board_commentary", id, "create", nil, map[string]string{"report_date": calendar.FormatDate(date), "text": text}, "")
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("board commentary for %s: %w", calendar.FormatDate(date), casework.ErrNotFound)
		case err != nil:
			return fmt.Errorf("board commentary for %s: %w", calendar.FormatDate(date), err)
		case version != cur:
			return &casework.ConflictError{Entity: "board commentary", ID: id, ChangedBy: by, ChangedAt: at.t}
		}
		if err := tx.updateVersioned(ctx, "board_commentary", "board commentary", id, version, `text = ?`, text); err != nil {
			return err
		}
		return tx.record("board_commentary", id, "update", nil, map[string]string{"report_date": calendar.FormatDate(date), "text": text}, "")
	})
	if err != nil {
		return BoardCommentary{}, fmt.Errorf("store: save board commentary: %w", err)
	}
	return s.Commentary(ctx, date)
}
