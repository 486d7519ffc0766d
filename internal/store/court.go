package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

const ploColumns = `id, child_id, start_date, end_date, outcome, version`

func scanPLO(r rowScanner) (casework.PreProceedings, error) {
	var p casework.PreProceedings
	var start, end dateCol
	err := r.Scan(&p.ID, &p.ChildID, &start, &end, &p.Outcome, &p.Version)
	p.StartDate, p.EndDate = start.t, end.ptr()
	return p, err
}

const ploEventColumns = `id, child_id, plo_id, kind, held_on, notes, version`

func scanPLOEvent(r rowScanner) (casework.PLOEvent, error) {
	var e casework.PLOEvent
	var on dateCol
	err := r.Scan(&e.ID, &e.ChildID, &e.PLOID, &e.Kind, &on, &e.Notes, &e.Version)
	e.Date = on.t
	return e, err
}

const proceedingsColumns = `id, child_id, plo_id, issued_on, court, application, expected_final, final_hearing,
	final_order, version`

func scanProceedings(r rowScanner) (casework.Proceedings, error) {
	var p casework.Proceedings
	var issued, expected, final dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.PLOID, &issued, &p.Court, &p.Application, &expected, &final, &p.FinalOrder, &p.Version)
	p.IssuedOn, p.ExpectedFinal, p.FinalHearing = issued.t, expected.ptr(), final.ptr()
	return p, err
}

const hearingColumns = `id, child_id, proceedings_id, kind, held_on, outcome, final_order, version`

func scanHearing(r rowScanner) (casework.Hearing, error) {
	var h casework.Hearing
	var on dateCol
	err := r.Scan(&h.ID, &h.ChildID, &h.ProceedingsID, &h.Kind, &on, &h.Outcome, &h.FinalOrder, &h.Version)
	h.Date = on.t
	return h, err
}

// StartPreProceedings records the decision to enter the public law
// outline's pre-proceedings.
func (s *Store) StartPreProceedings(ctx context.Context, actor Actor, p casework.PreProceedings) (casework.PreProceedings, error) {
	p.Version, p.ID, p.EndDate, p.Outcome = 1, 0, nil, ""
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckStartPLO(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO pre_proceedings (child_id, start_date, updated_at, updated_by) VALUES (?,?,?,?)`,
			p.ChildID, day(p.StartDate), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert pre-proceedings: %w", err)
		}
		p.ID = id
		return tx.record("pre_proceedings", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: start pre-proceedings for child %d: %w", p.ChildID, err)
	}
	return p, nil
}

// RecordPLOEvent records a letter before proceedings or a meeting in the
// pre-proceedings running.
func (s *Store) RecordPLOEvent(ctx context.Context, actor Actor, e casework.PLOEvent) (casework.PLOEvent, error) {
	e.Kind, e.Notes, e.Version, e.ID = strings.TrimSpace(e.Kind), strings.TrimRight(e.Notes, " \t\r\n"), 1, 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckPLOEvent(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		e.PLOID = cf.OpenPLO().ID // CheckPLOEvent refuses a child without one
		id, err := tx.insert(ctx, `INSERT INTO plo_events (child_id, plo_id, kind, held_on, notes, updated_at, updated_by)
			VALUES (?,?,?,?,?,?,?)`, e.ChildID, e.PLOID, e.Kind, day(e.Date), e.Notes, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert pre-proceedings event: %w", err)
		}
		e.ID = id
		return tx.record("plo_event", id, "create", nil, e, "")
	})
	if err != nil {
		return e, fmt.Errorf("store: record pre-proceedings %s for child %d: %w", e.Kind, e.ChildID, err)
	}
	return e, nil
}

// EndPreProceedings ends pre-proceedings without proceedings: the
// concerns reduced.
func (s *Store) EndPreProceedings(ctx context.Context, actor Actor, childID int64, version int, ended time.Time) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, childID)
		if err != nil {
			return err
		}
		if err := cf.CheckEndPLO(ended, calendar.Today(tx.now)); err != nil {
			return err
		}
		before := *cf.OpenPLO()
		if err := tx.fresh(ctx, "pre_proceedings", "pre-proceedings", before.ID, version, before.Version); err != nil {
			return err
		}
		return tx.endPLO(ctx, before, ended, casework.PLOStepDown)
	})
	if err != nil {
		return fmt.Errorf("store: end pre-proceedings of child %d: %w", childID, err)
	}
	return nil
}

func (t *Tx) endPLO(ctx context.Context, before casework.PreProceedings, ended time.Time, outcome string) error {
	if err := t.updateVersioned(ctx, "pre_proceedings", "pre-proceedings", before.ID, before.Version,
		`end_date = ?, outcome = ?`, day(ended), outcome); err != nil {
		return err
	}
	after := before
	after.EndDate, after.Outcome, after.Version = &ended, outcome, before.Version+1
	return t.record("pre_proceedings", before.ID, "end", before, after, casework.LabelOf(casework.PLOOutcomes(), outcome))
}

// IssueProceedings records care proceedings issued. Pre-proceedings
// running end that day with outcome "proceedings" and the proceedings
// link to them. Without an expected final hearing, the 26-week date is
// expected.
func (s *Store) IssueProceedings(ctx context.Context, actor Actor, p casework.Proceedings) (casework.Proceedings, error) {
	p.Court, p.Application = strings.TrimSpace(p.Court), strings.TrimSpace(p.Application)
	p.Version, p.ID, p.FinalHearing, p.FinalOrder, p.PLOID = 1, 0, nil, "", nil
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckIssueProceedings(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		if p.ExpectedFinal == nil {
			due := timescale.FinalHearingDue(p.IssuedOn)
			p.ExpectedFinal = &due
		}
		if plo := cf.OpenPLO(); plo != nil {
			p.PLOID = &plo.ID
			if err := tx.endPLO(ctx, *plo, p.IssuedOn, casework.PLOToProceedings); err != nil {
				return err
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO proceedings (child_id, plo_id, issued_on, court, application, expected_final,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, p.ChildID, p.PLOID, day(p.IssuedOn), p.Court, p.Application,
			dayPtr(p.ExpectedFinal), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert proceedings: %w", err)
		}
		p.ID = id
		return tx.record("proceedings", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: issue proceedings for child %d: %w", p.ChildID, err)
	}
	return p, nil
}

// RecordHearing records a hearing in the proceedings. A final hearing
// ends them with its order (recorded once). expected, if set, is the
// final hearing now listed or expected after this hearing.
func (s *Store) RecordHearing(ctx context.Context, actor Actor, h casework.Hearing, expected *time.Time) (casework.Hearing, error) {
	h.Kind, h.Outcome, h.FinalOrder = strings.TrimSpace(h.Kind), strings.TrimRight(h.Outcome, " \t\r\n"), strings.TrimSpace(h.FinalOrder)
	h.Version, h.ID = 1, 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, h.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckHearing(h, calendar.Today(tx.now)); err != nil {
			return err
		}
		var before casework.Proceedings
		for _, p := range cf.Proceedings {
			if p.ID == h.ProceedingsID { // CheckHearing found it
				before = p
			}
		}
		if h.Kind != casework.HearingFinal && expected != nil {
			if err := cf.CheckExpectedFinal(before, *expected); err != nil {
				return err
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO hearings (child_id, proceedings_id, kind, held_on, outcome, final_order,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, h.ChildID, h.ProceedingsID, h.Kind, day(h.Date), h.Outcome,
			h.FinalOrder, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert hearing: %w", err)
		}
		h.ID = id
		if err := tx.record("hearing", id, "create", nil, h, ""); err != nil {
			return err
		}
		return tx.updateProceedings(ctx, before, h, expected)
	})
	if err != nil {
		return h, fmt.Errorf("store: record hearing for child %d: %w", h.ChildID, err)
	}
	return h, nil
}

// updateProceedings ends proceedings at their final hearing, or moves the
// expected final hearing.
func (t *Tx) updateProceedings(ctx context.Context, before casework.Proceedings, h casework.Hearing, expected *time.Time) error {
	after := before
	action := "expect"
	switch {
	case h.Kind == casework.HearingFinal:
		after.FinalHearing, after.FinalOrder, action = &h.Date, h.FinalOrder, "final"
	case expected != nil:
		after.ExpectedFinal = expected
	default:
		return nil
	}
	if err := t.updateVersioned(ctx, "proceedings", "proceedings", before.ID, before.Version,
		`final_hearing = ?, final_order = ?, expected_final = ?`, dayPtr(after.FinalHearing), after.FinalOrder,
		dayPtr(after.ExpectedFinal)); err != nil {
		return err
	}
	after.Version = before.Version + 1
	return t.record("proceedings", before.ID, action, before, after, "")
}
