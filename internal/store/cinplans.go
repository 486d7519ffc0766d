package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const cinPlanColumns = `id, child_id, referral_id, start_date, end_date, version`

func scanCINPlan(r rowScanner) (casework.CINPlan, error) {
	var p casework.CINPlan
	var start, end dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.ReferralID, &start, &end, &p.Version)
	p.StartDate, p.EndDate = start.t, end.ptr()
	return p, err
}

const cinReviewColumns = `id, plan_id, child_id, held_on`

func scanCINReview(r rowScanner) (casework.CINPlanReview, error) {
	var rv casework.CINPlanReview
	var on dateCol
	err := r.Scan(&rv.ID, &rv.PlanID, &rv.ChildID, &on)
	rv.Date = on.t
	return rv, err
}

// StartCINPlan starts a child in need plan under a referral (the open one
// when ReferralID is 0). It cannot run alongside a child protection plan
// (rule 4001) or another child in need plan.
func (s *Store) StartCINPlan(ctx context.Context, actor Actor, p casework.CINPlan) (casework.CINPlan, error) {
	p.EndDate, p.Version = nil, 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		ref, err := referralOf(cf, p.ReferralID)
		if err != nil {
			return err
		}
		p.ReferralID = ref.ID
		if err := cf.CheckCINPlan(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO cin_plans (child_id, referral_id, start_date, updated_at, updated_by)
			VALUES (?,?,?,?,?)`, p.ChildID, p.ReferralID, day(p.StartDate), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert child in need plan: %w", err)
		}
		p.ID = id
		return tx.record("cin_plan", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: start child in need plan for child %d: %w", p.ChildID, err)
	}
	return p, nil
}

// ReviewCINPlan records a review of the child in need plan in force
// (PlanID 0 means that plan). Its ChildID is the plan's.
func (s *Store) ReviewCINPlan(ctx context.Context, actor Actor, r casework.CINPlanReview) (casework.CINPlanReview, error) {
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, r.ChildID)
		if err != nil {
			return err
		}
		plan, err := checkCINReview(cf, r, calendar.Today(tx.now))
		if err != nil {
			return err
		}
		r.PlanID = plan.ID
		id, err := tx.insert(ctx, `INSERT INTO cin_plan_reviews (child_id, plan_id, held_on, updated_at, updated_by)
			VALUES (?,?,?,?,?)`, r.ChildID, r.PlanID, day(r.Date), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert child in need plan review: %w", err)
		}
		r.ID = id
		return tx.record("cin_plan_review", id, "create", nil, r, "")
	})
	if err != nil {
		return r, fmt.Errorf("store: review child in need plan of child %d: %w", r.ChildID, err)
	}
	return r, nil
}

// checkCINReview: a review is of a plan in force, on or after its start,
// and not in the future. (casework has no CheckCINReview yet; this belongs
// there.)
func checkCINReview(cf casework.CaseFile, r casework.CINPlanReview, today time.Time) (casework.CINPlan, error) {
	plan := cf.OpenCINPlan()
	if r.PlanID != 0 && (plan == nil || plan.ID != r.PlanID) {
		return casework.CINPlan{}, casework.Invalid("plan_id", "A review is of the child in need plan in force")
	}
	if plan == nil {
		return casework.CINPlan{}, casework.Invalid("date", "A review needs a child in need plan in force: start one first")
	}
	if err := checkDay("date", "Date of the review", r.Date, plan.StartDate, "the plan's start", today); err != nil {
		return *plan, err
	}
	return *plan, nil
}

// checkDay: present, not future, not before the day it follows.
func checkDay(field, label string, d, notBefore time.Time, what string, today time.Time) error {
	switch {
	case d.IsZero():
		return casework.Invalid(field, "Enter the "+strings.ToLower(label[:1])+label[1:])
	case d.After(today):
		return casework.Invalid(field, label+" must be today or in the past")
	case d.Before(notBefore):
		return casework.Invalid(field, fmt.Sprintf("%s must be on or after %s (%s)", label, what, notBefore.Format("2 January 2006")))
	}
	return nil
}

// EndCINPlan ends a child in need plan on day on.
func (s *Store) EndCINPlan(ctx context.Context, actor Actor, id int64, version int, on time.Time) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanCINPlan, "child in need plan", `SELECT `+cinPlanColumns+` FROM cin_plans WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := tx.lockChild(ctx, before.ChildID); err != nil {
			return err
		}
		if err := tx.fresh(ctx, "cin_plans", "child in need plan", id, version, before.Version); err != nil {
			return err
		}
		if before.EndDate != nil {
			return casework.Invalid("end_date", "The plan has already ended")
		}
		if err := checkDay("end_date", "End date", on, before.StartDate, "the plan's start", calendar.Today(tx.now)); err != nil {
			return err
		}
		return tx.endCINPlan(ctx, before, version, on)
	})
	if err != nil {
		return fmt.Errorf("store: end child in need plan %d: %w", id, err)
	}
	return nil
}

func (t *Tx) endCINPlan(ctx context.Context, before casework.CINPlan, version int, on time.Time) error {
	if err := t.updateVersioned(ctx, "cin_plans", "child in need plan", before.ID, version, `end_date = ?`, day(on)); err != nil {
		return err
	}
	after := before
	after.EndDate, after.Version = &on, version+1
	return t.record("cin_plan", before.ID, "end", before, after, "")
}
