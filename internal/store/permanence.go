package store

import (
	"context"
	"fmt"
	"slices"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const permanenceColumns = `id, child_id, plan, decided_on, care_started, should_be_placed, placement_order, matched,
	placed, adoption_order, reversed, reversed_reason, order_made, order_reason, adopters_foster_carers,
	adopters_number, adopters_sex, adopters_status, version`

func scanPermanence(r rowScanner) (casework.PermanencePlan, error) {
	var p casework.PermanencePlan
	var decided, care, adm, po, match, placed, order, rev, made dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.Plan, &decided, &care, &adm, &po, &match, &placed, &order, &rev, &p.ReversedReason,
		&made, &p.OrderReason, &p.Adopters.FosterCarers, &p.Adopters.Number, &p.Adopters.Sexes, &p.Adopters.LegalStatus,
		&p.Version)
	p.DecidedOn, p.CareStarted, p.ShouldBePlaced, p.PlacementOrder = decided.t, care.ptr(), adm.ptr(), po.ptr()
	p.Matched, p.Placed, p.AdoptionOrder, p.Reversed, p.OrderMade = match.ptr(), placed.ptr(), order.ptr(), rev.ptr(), made.ptr()
	return p, err
}

// RecordPermanencePlan records a new permanence plan; a child has one
// plan at a time.
func (s *Store) RecordPermanencePlan(ctx context.Context, actor Actor, p casework.PermanencePlan) (casework.PermanencePlan, error) {
	p.ID = 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckNewPermanencePlan(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO permanence_plans (child_id, plan, decided_on, care_started, should_be_placed,
			placement_order, matched, placed, adoption_order, reversed, reversed_reason, order_made, order_reason,
			adopters_foster_carers, adopters_number, adopters_sex, adopters_status,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, append([]any{p.ChildID}, append(permanenceValues(p),
			tx.s.d.ts(tx.now), actor.Name)...)...)
		if err != nil {
			return fmt.Errorf("insert permanence plan: %w", err)
		}
		p.ID, p.Version = id, 1
		return tx.record("permanence_plan", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: permanence plan of child %d: %w", p.ChildID, err)
	}
	return p, nil
}

// permanenceValues are the plan's columns after child_id, in the order of
// the INSERT and the UPDATE.
func permanenceValues(p casework.PermanencePlan) []any {
	return []any{p.Plan, day(p.DecidedOn), dayPtr(p.CareStarted), dayPtr(p.ShouldBePlaced), dayPtr(p.PlacementOrder),
		dayPtr(p.Matched), dayPtr(p.Placed), dayPtr(p.AdoptionOrder), dayPtr(p.Reversed), p.ReversedReason,
		dayPtr(p.OrderMade), p.OrderReason, p.Adopters.FosterCarers, p.Adopters.Number, p.Adopters.Sexes,
		p.Adopters.LegalStatus}
}

// UpdatePermanencePlan saves a stage of a plan (the decision to place for
// adoption, the placement order, the match, the order…): the whole plan at
// p.Version, checked again as a whole, refused if someone saved it since.
func (s *Store) UpdatePermanencePlan(ctx context.Context, actor Actor, p casework.PermanencePlan) (casework.PermanencePlan, error) {
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		var before *casework.PermanencePlan
		for i := range cf.Permanence {
			if cf.Permanence[i].ID == p.ID {
				before = &cf.Permanence[i]
			}
		}
		if before == nil {
			return fmt.Errorf("permanence plan %d of child %d: %w", p.ID, p.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "permanence_plans", "permanence plan", p.ID, p.Version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckNewPermanencePlan(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "permanence_plans", "permanence plan", p.ID, p.Version,
			`plan = ?, decided_on = ?, care_started = ?, should_be_placed = ?, placement_order = ?, matched = ?, placed = ?,
			adoption_order = ?, reversed = ?, reversed_reason = ?, order_made = ?, order_reason = ?,
			adopters_foster_carers = ?, adopters_number = ?, adopters_sex = ?, adopters_status = ?`, permanenceValues(p)...); err != nil {
			return err
		}
		p.Version++
		return tx.record("permanence_plan", p.ID, "update", *before, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: permanence plan %d: %w", p.ID, err)
	}
	return p, nil
}

// lookedAfterSQL selects, for the children "IN (…)" names, the periods of
// care their records give, the one to use last for each child.
//
// This is the one place that says when a child was looked after. The
// children-in-care episodes (care_episodes) are the record; a period the
// worker typed on the care leaver record or the permanence plan fills the
// gap for a child whose care began before the authority kept episodes
// here (a young person who came with the history of another system). For
// the same start day the episode wins.
const lookedAfterSQL = `SELECT child_id, started, ended FROM (
	SELECT child_id, care_started AS started, care_ended AS ended, 1 AS src, id FROM care_leavers
	WHERE error_reason = '' AND care_started IS NOT NULL AND child_id%[1]s
	UNION ALL
	SELECT child_id, care_started, NULLIF(care_started, care_started), 0, id FROM permanence_plans
	WHERE error_reason = '' AND care_started IS NOT NULL AND child_id%[1]s
	UNION ALL
	SELECT child_id, start_date, end_date, 2, id FROM care_episodes
	WHERE error_reason = '' AND child_id%[1]s) AS p
	ORDER BY started, src, id`

// loadLookedAfter sets each case file's LookedAfter: the latest period.
func loadLookedAfter(ctx context.Context, db querier, in string, args []any, files map[int64]*casework.CaseFile) error {
	type period struct {
		child int64
		p     casework.CarePeriod
	}
	scan := func(r rowScanner) (period, error) {
		var pd period
		var start, end dateCol
		err := r.Scan(&pd.child, &start, &end)
		pd.p = casework.CarePeriod{Start: start.ptr(), End: end.ptr()}
		return pd, err
	}
	return eachRow(ctx, db, scan, func(pd period) {
		if cf := files[pd.child]; cf != nil {
			cf.LookedAfter = pd.p
		}
	}, fmt.Sprintf(lookedAfterSQL, in), slices.Concat(args, args, args)...)
}

// LookedAfterDates returns the latest period of care of a child as the
// record knows it (see lookedAfterSQL); zero when none is recorded.
func (s *Store) LookedAfterDates(ctx context.Context, childID int64) (casework.CarePeriod, error) {
	files := map[int64]*casework.CaseFile{childID: {}}
	if err := loadLookedAfter(ctx, s, ` IN (?)`, []any{childID}, files); err != nil {
		return casework.CarePeriod{}, fmt.Errorf("store: period of care of child %d: %w", childID, err)
	}
	return files[childID].LookedAfter, nil
}

// CareLeaverFiles loads the case file of every young person with a care
// leaver record, for the care leavers list; PermanenceFiles those with a
// permanence plan, for the adoption tracker. Each runs the case file's
// constant number of queries.
func (s *Store) CareLeaverFiles(ctx context.Context) ([]casework.CaseFile, error) {
	files, err := loadCaseFiles(ctx, s, `SELECT child_id FROM care_leavers WHERE error_reason = ''`)
	if err != nil {
		return nil, fmt.Errorf("store: care leavers: %w", err)
	}
	return files, nil
}

// PermanenceFiles: see CareLeaverFiles.
func (s *Store) PermanenceFiles(ctx context.Context) ([]casework.CaseFile, error) {
	files, err := loadCaseFiles(ctx, s, `SELECT child_id FROM permanence_plans WHERE error_reason = ''`)
	if err != nil {
		return nil, fmt.Errorf("store: permanence plans: %w", err)
	}
	return files, nil
}
