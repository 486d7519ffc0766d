package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const assessmentColumns = `id, child_id, referral_id, start_date, factors, outcome, completed_date, authorised_date,
	authorised_by, version`

func scanAssessment(r rowScanner) (casework.Assessment, error) {
	var a casework.Assessment
	var start, completed, authorised dateCol
	var factors string
	err := r.Scan(&a.ID, &a.ChildID, &a.ReferralID, &start, &factors, &a.Outcome, &completed, &authorised,
		&a.AuthorisedBy, &a.Version)
	a.StartDate, a.CompletedDate, a.AuthorisedDate = start.t, completed.ptr(), authorised.ptr()
	a.Factors = splitCodes(factors)
	return a, err
}

// splitCodes reads a comma-separated code list; "" is none.
func splitCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// normaliseCodes tidies codes chosen on a form, dropping blanks.
func normaliseCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		if c = casework.NormaliseCode(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func (t *Tx) assessment(ctx context.Context, id int64) (casework.Assessment, error) {
	return getRow(ctx, t, scanAssessment, "assessment", `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, id)
}

// referralOf finds a referral of the case file for a new record: the one
// given, or the open one when id is 0. It must be the child's and open.
func referralOf(cf casework.CaseFile, id int64) (casework.Referral, error) {
	if id == 0 {
		if open := cf.OpenReferral(); open != nil {
			return *open, nil
		}
	}
	for _, r := range cf.Referrals {
		if r.ID == id && id != 0 {
			if r.ClosureDate != nil || r.NFA {
				return r, casework.Invalid("referral_id", "This referral's episode is closed: record a new referral first")
			}
			return r, nil
		}
	}
	return casework.Referral{}, casework.Invalid("referral_id", "There is no open referral for this child: record a referral first")
}

// StartAssessment starts a child and family assessment of a referral (the
// open referral when ReferralID is 0). It cannot start before the referral
// (rule 1103). Completion and authorisation given here are ignored: they
// are recorded by CompleteAssessment and AuthoriseAssessment.
func (s *Store) StartAssessment(ctx context.Context, actor Actor, a casework.Assessment) (casework.Assessment, error) {
	a.Factors, a.Outcome = normaliseCodes(a.Factors), strings.TrimSpace(a.Outcome)
	a.CompletedDate, a.AuthorisedDate, a.AuthorisedBy, a.Version = nil, nil, "", 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, a.ChildID)
		if err != nil {
			return err
		}
		ref, err := referralOf(cf, a.ReferralID)
		if err != nil {
			return err
		}
		a.ReferralID = ref.ID
		if err := a.Validate(ref, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO assessments (child_id, referral_id, start_date, factors, outcome,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?)`, a.ChildID, a.ReferralID, day(a.StartDate),
			strings.Join(a.Factors, ","), a.Outcome, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert assessment: %w", err)
		}
		a.ID = id
		return tx.record("assessment", id, "create", nil, a, "")
	})
	if err != nil {
		return a, fmt.Errorf("store: start assessment for child %d: %w", a.ChildID, err)
	}
	return a, nil
}

// changeAssessment is the shape of completing and authorising: read the
// assessment and its referral in the write, change it with fn (which
// validates), save the columns set names, and record the event.
func (s *Store) changeAssessment(ctx context.Context, actor Actor, id int64, version int, action string,
	fn func(a *casework.Assessment, ref casework.Referral, today time.Time) error, set string, args func(casework.Assessment) []any) error {
	return s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.assessment(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.lockChild(ctx, before.ChildID); err != nil {
			return err
		}
		if err := tx.fresh(ctx, "assessments", "assessment", id, version, before.Version); err != nil {
			return err
		}
		ref, err := tx.referral(ctx, before.ReferralID)
		if err != nil {
			return err
		}
		after := before
		if err := fn(&after, ref, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "assessments", "assessment", id, version, set, args(after)...); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("assessment", id, action, before, after, "")
	})
}

// CompleteAssessment records that the worker finished the assessment, with
// the factors identified (rule 8869: "21", no factors, stands alone; rule
// 8897Q: at least one) and the outcome, and sends it for sign-off. It can
// be completed again until a manager authorises it.
func (s *Store) CompleteAssessment(ctx context.Context, actor Actor, id int64, version int, completed time.Time,
	factors []string, outcome string) error {
	err := s.changeAssessment(ctx, actor, id, version, "complete",
		func(a *casework.Assessment, ref casework.Referral, today time.Time) error {
			switch {
			case a.AuthorisedDate != nil:
				return casework.Invalid("completed_date", "The assessment has been authorised: it can no longer be changed")
			case completed.IsZero():
				return casework.Invalid("completed_date", "Enter the date the assessment was completed")
			}
			a.CompletedDate, a.Factors, a.Outcome = &completed, normaliseCodes(factors), strings.TrimSpace(outcome)
			return a.Validate(ref, today)
		},
		`completed_date = ?, factors = ?, outcome = ?`,
		func(a casework.Assessment) []any {
			return []any{dayPtr(a.CompletedDate), strings.Join(a.Factors, ","), a.Outcome}
		})
	if err != nil {
		return fmt.Errorf("store: complete assessment %d: %w", id, err)
	}
	return nil
}

// AuthoriseAssessment records a manager's sign-off of a completed
// assessment on day on (CIN census AssessmentAuthorisationDate), by the
// actor. Who may authorise is the web layer's access rule.
func (s *Store) AuthoriseAssessment(ctx context.Context, actor Actor, id int64, version int, on time.Time) error {
	err := s.changeAssessment(ctx, actor, id, version, "authorise",
		func(a *casework.Assessment, ref casework.Referral, today time.Time) error {
			switch {
			case a.AuthorisedDate != nil:
				return casework.Invalid("authorised_date", "The assessment has already been authorised")
			case on.IsZero():
				return casework.Invalid("authorised_date", "Enter the date the assessment was authorised")
			}
			a.AuthorisedDate, a.AuthorisedBy = &on, actor.Name
			return a.Validate(ref, today)
		},
		`authorised_date = ?, authorised_by = ?`,
		func(a casework.Assessment) []any { return []any{dayPtr(a.AuthorisedDate), a.AuthorisedBy} })
	if err != nil {
		return fmt.Errorf("store: authorise assessment %d: %w", id, err)
	}
	return nil
}
