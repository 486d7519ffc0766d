package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const outcomeColumns = `id, child_id, kind, event_date, sdq_score, sdq_reason, up_to_date, offered, offered_on,
	received, received_on, notes, version`

func scanOutcome(r rowScanner) (casework.CareOutcome, error) {
	var o casework.CareOutcome
	var on, offered, received dateCol
	var score sql.NullInt64
	err := r.Scan(&o.ID, &o.ChildID, &o.Kind, &on, &score, &o.SDQReason, &o.UpToDate, &o.Offered, &offered,
		&o.Received, &received, &o.Notes, &o.Version)
	o.Date, o.OfferedOn, o.ReceivedOn = on.t, offered.ptr(), received.ptr()
	if score.Valid {
		n := int(score.Int64)
		o.SDQScore = &n
	}
	return o, err
}

// outcomesPart loads a child's outcome records (casework.CareOutcome) not
// entered in error, in date order: with one child's case file and for
// the SSDA903 return, not for lists of case files, which never read them.
var outcomesPart = part("care_outcomes", outcomeColumns, "event_date, id", scanOutcome,
	func(o casework.CareOutcome) int64 { return o.ChildID },
	func(cf *casework.CaseFile, o casework.CareOutcome) { cf.Outcomes = append(cf.Outcomes, o) })

// childCaseFileParts load one child's case file: every record.
var childCaseFileParts = append(append([]partLoader(nil), caseFileParts...), outcomesPart)

// tidyOutcome trims what was typed.
func tidyOutcome(o *casework.CareOutcome) {
	o.Kind, o.SDQReason = strings.TrimSpace(o.Kind), casework.NormaliseCode(o.SDQReason)
	o.Notes = strings.TrimRight(o.Notes, " \t\r\n")
}

// outcomeValues are the columns an outcome record saves, in the order of
// the INSERT and UPDATE below.
func outcomeValues(o casework.CareOutcome) []any {
	var score any
	if o.SDQScore != nil {
		score = *o.SDQScore
	}
	return []any{o.Kind, day(o.Date), score, o.SDQReason, o.UpToDate, o.Offered, dayPtr(o.OfferedOn), o.Received,
		dayPtr(o.ReceivedOn), o.Notes}
}

// RecordOutcome records an SDQ, a conviction, an immunisation check or
// substance misuse of a child looked after (casework.CheckOutcome).
func (s *Store) RecordOutcome(ctx context.Context, actor Actor, o casework.CareOutcome) (casework.CareOutcome, error) {
	tidyOutcome(&o)
	o.Version = 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, o.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckOutcome(o, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO care_outcomes (kind, event_date, sdq_score, sdq_reason, up_to_date, offered,
			offered_on, received, received_on, notes, child_id, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			append(outcomeValues(o), o.ChildID, tx.s.d.ts(tx.now), actor.Name)...)
		if err != nil {
			return fmt.Errorf("insert outcome: %w", err)
		}
		o.ID = id
		return tx.record("care_outcome", id, "create", nil, o, o.Summary())
	})
	if err != nil {
		return o, fmt.Errorf("store: record %s for child %d: %w", o.Kind, o.ChildID, err)
	}
	return o, nil
}

// CorrectOutcome saves a changed outcome record (an intervention received
// since the misuse was found, a score typed wrongly) at o.Version, as the
// user read it: a save over someone else's change is refused naming them.
// Its kind stays what it was.
func (s *Store) CorrectOutcome(ctx context.Context, actor Actor, o casework.CareOutcome) (casework.CareOutcome, error) {
	tidyOutcome(&o)
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, o.ChildID)
		if err != nil {
			return err
		}
		before := cf.FindOutcome(o.ID)
		if before == nil {
			return fmt.Errorf("outcome record %d of child %d: %w", o.ID, o.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "care_outcomes", "record", o.ID, o.Version, before.Version); err != nil {
			return err
		}
		o.Kind = before.Kind
		if err := cf.CheckOutcome(o, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_outcomes", "record", o.ID, o.Version, `kind = ?, event_date = ?,
			sdq_score = ?, sdq_reason = ?, up_to_date = ?, offered = ?, offered_on = ?, received = ?, received_on = ?,
			notes = ?`, outcomeValues(o)...); err != nil {
			return err
		}
		o.Version++
		return tx.record("care_outcome", o.ID, "correct", *before, o, o.Summary())
	})
	if err != nil {
		return o, fmt.Errorf("store: correct outcome record %d: %w", o.ID, err)
	}
	return o, nil
}
