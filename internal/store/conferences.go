package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const conferenceColumns = `id, child_id, kind, s47_id, plan_id, held_on, decision, category, version`

func scanConference(r rowScanner) (casework.Conference, error) {
	var c casework.Conference
	var on dateCol
	err := r.Scan(&c.ID, &c.ChildID, &c.Kind, &c.S47ID, &c.PlanID, &on, &c.Decision, &c.Category, &c.Version)
	c.Date = on.t
	return c, err
}

const planColumns = `id, child_id, referral_id, conference_id, start_date, end_date, initial_category, latest_category,
	end_reason, previous_plans, version`

func scanPlan(r rowScanner) (casework.CPPlan, error) {
	var p casework.CPPlan
	var start, end dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.ReferralID, &p.ConferenceID, &start, &end, &p.InitialCategory,
		&p.LatestCategory, &p.EndReason, &p.PreviousPlans, &p.Version)
	p.StartDate, p.EndDate = start.t, end.ptr()
	return p, err
}

// RecordConference records a child protection conference.
//
// An initial conference follows a section 47 enquiry (S47ID, rule 8615);
// the enquiry, if still open, ends that day with outcome "icpc". With
// Decision "plan" it makes a child protection plan starting that day (CIN
// rule 2885) in Category, counting the child's earlier plans
// (NumberOfPreviousCPP); the conference's PlanID is set.
//
// A review conference reviews the plan in force (PlanID is set to it): a
// Category other than the plan's latest becomes its latest, and Decision
// "end" ends the plan that day.
func (s *Store) RecordConference(ctx context.Context, actor Actor, c casework.Conference) (casework.Conference, error) {
	c.Kind, c.Decision = strings.TrimSpace(c.Kind), strings.TrimSpace(c.Decision)
	c.Category, c.Version = casework.NormaliseCode(c.Category), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, c.ChildID)
		if err != nil {
			return err
		}
		today := calendar.Today(tx.now)
		switch c.Kind {
		case casework.InitialConference:
			return tx.initialConference(ctx, cf, &c, today)
		case casework.ReviewConference:
			return tx.reviewConference(ctx, cf, &c, today)
		}
		return casework.Invalid("kind", "Select an initial or a review conference")
	})
	if err != nil {
		return c, fmt.Errorf("store: record conference for child %d: %w", c.ChildID, err)
	}
	return c, nil
}

func (t *Tx) initialConference(ctx context.Context, cf casework.CaseFile, c *casework.Conference, today time.Time) error {
	c.PlanID = nil
	if c.Decision != "plan" {
		c.Category = ""
	}
	if err := cf.CheckInitialConference(*c, today); err != nil {
		return err
	}
	var s47 casework.S47Enquiry
	for _, e := range cf.S47s {
		if e.ID == *c.S47ID { // CheckInitialConference found it
			s47 = e
		}
	}
	if err := t.insertConference(ctx, c); err != nil {
		return err
	}
	if s47.EndDate == nil {
		if err := t.endS47AtConference(ctx, s47, c.Date); err != nil {
			return err
		}
	}
	if c.Decision == "plan" {
		plan, err := t.startPlan(ctx, cf, *c, s47.ReferralID)
		if err != nil {
			return err
		}
		c.PlanID = &plan.ID
		if _, err := t.exec(ctx, `UPDATE conferences SET plan_id = ? WHERE id = ?`, plan.ID, c.ID); err != nil {
			return fmt.Errorf("link conference to plan: %w", err)
		}
	}
	return t.record("conference", c.ID, "create", nil, *c, "")
}

func (t *Tx) insertConference(ctx context.Context, c *casework.Conference) error {
	id, err := t.insert(ctx, `INSERT INTO conferences (child_id, kind, s47_id, plan_id, held_on, decision, category,
		updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, c.ChildID, c.Kind, c.S47ID, c.PlanID, day(c.Date),
		c.Decision, c.Category, t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert conference: %w", err)
	}
	c.ID = id
	return nil
}

// endS47AtConference ends an open enquiry on the day of its conference.
func (t *Tx) endS47AtConference(ctx context.Context, before casework.S47Enquiry, on time.Time) error {
	after := before
	after.EndDate, after.Outcome, after.Version = &on, "icpc", before.Version+1
	if err := t.updateVersioned(ctx, "s47_enquiries", "section 47 enquiry", before.ID, before.Version,
		`end_date = ?, outcome = ?`, day(on), after.Outcome); err != nil {
		return err
	}
	return t.record("s47_enquiry", before.ID, "complete", before, after, "Initial child protection conference held")
}

// startPlan makes the plan an initial conference decided on.
func (t *Tx) startPlan(ctx context.Context, cf casework.CaseFile, c casework.Conference, referralID int64) (casework.CPPlan, error) {
	p := casework.CPPlan{ChildID: c.ChildID, ReferralID: referralID, ConferenceID: &c.ID, StartDate: c.Date,
		InitialCategory: c.Category, LatestCategory: c.Category, PreviousPlans: len(cf.Plans), Version: 1}
	id, err := t.insert(ctx, `INSERT INTO cp_plans (child_id, referral_id, conference_id, start_date, initial_category,
		latest_category, previous_plans, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, p.ChildID, p.ReferralID,
		p.ConferenceID, day(p.StartDate), p.InitialCategory, p.LatestCategory, p.PreviousPlans, t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return p, fmt.Errorf("insert child protection plan: %w", err)
	}
	p.ID = id
	return p, t.record("cp_plan", id, "create", nil, p, "")
}

func (t *Tx) reviewConference(ctx context.Context, cf casework.CaseFile, c *casework.Conference, today time.Time) error {
	c.S47ID = nil
	if err := cf.CheckReviewConference(*c, today); err != nil {
		return err
	}
	plan := *cf.OpenPlan() // CheckReviewConference refuses a child without one
	if c.PlanID != nil && *c.PlanID != plan.ID {
		return casework.Invalid("plan_id", "A review conference reviews the child protection plan in force")
	}
	c.PlanID = &plan.ID
	if err := t.insertConference(ctx, c); err != nil {
		return err
	}
	after := plan
	if c.Category != "" {
		after.LatestCategory = c.Category
	}
	if c.Decision == "end" {
		after.EndDate, after.EndReason = &c.Date, "Review conference ended the plan"
	}
	if err := t.updatePlan(ctx, plan, after, "review"); err != nil {
		return err
	}
	return t.record("conference", c.ID, "create", nil, *c, "")
}

// updatePlan saves a plan's end and latest category if they changed.
func (t *Tx) updatePlan(ctx context.Context, before, after casework.CPPlan, action string) error {
	if after.LatestCategory == before.LatestCategory && after.EndDate == before.EndDate {
		return nil
	}
	if err := t.updateVersioned(ctx, "cp_plans", "child protection plan", before.ID, before.Version,
		`end_date = ?, end_reason = ?, latest_category = ?`, dayPtr(after.EndDate), after.EndReason,
		after.LatestCategory); err != nil {
		return err
	}
	after.Version = before.Version + 1
	if after.EndDate != nil && before.EndDate == nil {
		action = "end"
	}
	return t.record("cp_plan", before.ID, action, before, after, after.EndReason)
}
