package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const strategyColumns = `id, child_id, referral_id, held_on, initiated_s47, attendees, notes, version`

func scanStrategy(r rowScanner) (casework.StrategyDiscussion, error) {
	var sd casework.StrategyDiscussion
	var on dateCol
	err := r.Scan(&sd.ID, &sd.ChildID, &sd.ReferralID, &on, &sd.InitiatedS47, &sd.Attendees, &sd.Notes, &sd.Version)
	sd.Date = on.t
	return sd, err
}

const s47Columns = `id, child_id, referral_id, strategy_id, start_date, end_date, outcome, icpc_not_required, version`

func scanS47(r rowScanner) (casework.S47Enquiry, error) {
	var e casework.S47Enquiry
	var start, end dateCol
	err := r.Scan(&e.ID, &e.ChildID, &e.ReferralID, &e.StrategyID, &start, &end, &e.Outcome, &e.ICPCNotRequired, &e.Version)
	e.StartDate, e.EndDate = start.t, end.ptr()
	return e, err
}

const coreGroupColumns = `id, plan_id, child_id, held_on, version`

func scanCoreGroup(r rowScanner) (casework.CoreGroup, error) {
	var g casework.CoreGroup
	var on dateCol
	err := r.Scan(&g.ID, &g.PlanID, &g.ChildID, &on, &g.Version)
	g.Date = on.t
	return g, err
}

// checkLength refuses text longer than a note may be, so one paste cannot
// fill the database.
func checkLength(field, text string) error {
	if utf8.RuneCountInString(text) > casework.MaxBody {
		return casework.Invalid(field, "This must be 20,000 characters or fewer")
	}
	return nil
}

// RecordStrategy records a strategy discussion about a referral (the open
// one when ReferralID is 0). One that decided to start a section 47
// enquiry (InitiatedS47) is what StartS47 follows.
func (s *Store) RecordStrategy(ctx context.Context, actor Actor, sd casework.StrategyDiscussion) (casework.StrategyDiscussion, error) {
	sd.Attendees, sd.Notes, sd.Version = strings.TrimSpace(sd.Attendees), strings.TrimRight(sd.Notes, " \t\r\n"), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, sd.ChildID)
		if err != nil {
			return err
		}
		ref, err := referralOf(cf, sd.ReferralID)
		if err != nil {
			return err
		}
		sd.ReferralID = ref.ID
		if err := cf.CheckStrategy(sd, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := checkLength("notes", sd.Notes); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO strategy_discussions (child_id, referral_id, held_on, initiated_s47,
			attendees, notes, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, sd.ChildID, sd.ReferralID,
			day(sd.Date), sd.InitiatedS47, sd.Attendees, sd.Notes, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert strategy discussion: %w", err)
		}
		sd.ID = id
		return tx.record("strategy_discussion", id, "create", nil, sd, "")
	})
	if err != nil {
		return sd, fmt.Errorf("store: record strategy discussion for child %d: %w", sd.ChildID, err)
	}
	return sd, nil
}

// StartS47 starts a section 47 enquiry from the strategy discussion that
// decided to start one (StrategyID); its referral is the discussion's.
func (s *Store) StartS47(ctx context.Context, actor Actor, e casework.S47Enquiry) (casework.S47Enquiry, error) {
	e.Outcome, e.Version = strings.TrimSpace(e.Outcome), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckS47(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		for _, sd := range cf.Strategies {
			if sd.ID == *e.StrategyID { // CheckS47 found it
				e.ReferralID = sd.ReferralID
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO s47_enquiries (child_id, referral_id, strategy_id, start_date, end_date,
			outcome, icpc_not_required, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, e.ChildID, e.ReferralID,
			e.StrategyID, day(e.StartDate), dayPtr(e.EndDate), e.Outcome, e.ICPCNotRequired, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert section 47 enquiry: %w", err)
		}
		e.ID = id
		return tx.record("s47_enquiry", id, "create", nil, e, "")
	})
	if err != nil {
		return e, fmt.Errorf("store: start section 47 enquiry for child %d: %w", e.ChildID, err)
	}
	return e, nil
}

// CompleteS47 ends a section 47 enquiry with its outcome, and whether an
// initial conference is not required (ICPCnotRequired, which lets the case
// close without one, rule 8868).
func (s *Store) CompleteS47(ctx context.Context, actor Actor, id int64, version int, ended time.Time, outcome string,
	icpcNotRequired bool) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanS47, "section 47 enquiry", `SELECT `+s47Columns+` FROM s47_enquiries WHERE id = ?`, id)
		if err != nil {
			return err
		}
		cf, err := tx.caseFile(ctx, before.ChildID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "s47_enquiries", "section 47 enquiry", id, version, before.Version); err != nil {
			return err
		}
		after := before
		after.EndDate, after.Outcome, after.ICPCNotRequired = &ended, strings.TrimSpace(outcome), icpcNotRequired
		switch {
		case before.EndDate != nil:
			return casework.Invalid("end_date", "The enquiry has already ended")
		case ended.IsZero():
			return casework.Invalid("end_date", "Enter the date the enquiry ended")
		case after.Outcome == "icpc" && icpcNotRequired:
			return casework.Invalid("icpc_not_required", "An enquiry that leads to a conference cannot be marked 'conference not required'")
		}
		if err := cf.CheckS47(after, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "s47_enquiries", "section 47 enquiry", id, version,
			`end_date = ?, outcome = ?, icpc_not_required = ?`, day(ended), after.Outcome, icpcNotRequired); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("s47_enquiry", id, "complete", before, after, "")
	})
	if err != nil {
		return fmt.Errorf("store: complete section 47 enquiry %d: %w", id, err)
	}
	return nil
}

// RecordCoreGroup records a core group meeting under the child protection
// plan in force (PlanID 0 means that plan; another plan is refused).
func (s *Store) RecordCoreGroup(ctx context.Context, actor Actor, g casework.CoreGroup) (casework.CoreGroup, error) {
	g.Version = 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, g.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckCoreGroup(g, calendar.Today(tx.now)); err != nil {
			return err
		}
		plan := cf.OpenPlan() // CheckCoreGroup refuses a child without one
		if g.PlanID != 0 && g.PlanID != plan.ID {
			return casework.Invalid("plan_id", "A core group meets under the child protection plan in force")
		}
		g.PlanID = plan.ID
		id, err := tx.insert(ctx, `INSERT INTO core_groups (child_id, plan_id, held_on, updated_at, updated_by)
			VALUES (?,?,?,?,?)`, g.ChildID, g.PlanID, day(g.Date), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert core group: %w", err)
		}
		g.ID = id
		return tx.record("core_group", id, "create", nil, g, "")
	})
	if err != nil {
		return g, fmt.Errorf("store: record core group for child %d: %w", g.ChildID, err)
	}
	return g, nil
}
