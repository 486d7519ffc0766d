package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// errNoAuthor refuses a closure by sightline itself: the closing summary
// is a case note, and a case note has an author who is a user.
var errNoAuthor = errors.New("closing a case needs a signed-in user to author the closing summary")

// CloseCase closes the child's open episode on c.Date with a CIN reason
// (CaseFile.CheckClosure, with rule 8868: no section 47 enquiry left
// without a conference or "conference not required"), ends any open child
// protection or child in need plan that day, closes the open involvement,
// and adds the closing summary as a case note ("Case closed: <reason>").
func (s *Store) CloseCase(ctx context.Context, actor Actor, childID int64, c casework.Closure) error {
	c.Reason, c.Note = casework.NormaliseCode(c.Reason), strings.TrimRight(c.Note, " \t\r\n")
	if actor.UserID == 0 {
		return fmt.Errorf("store: close case of child %d: %w", childID, errNoAuthor)
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, childID)
		if err != nil {
			return err
		}
		ref, err := checkCaseClosure(cf, c, calendar.Today(tx.now))
		if err != nil {
			return err
		}
		label := casework.LabelOf(casework.ClosureReasons(), c.Reason)
		if err := tx.closeReferral(ctx, ref, c); err != nil {
			return err
		}
		if err := tx.endPlans(ctx, cf, c.Date, "Case closed: "+label); err != nil {
			return err
		}
		var invID *int64
		if cf.Involvement != nil {
			invID = &cf.Involvement.ID
			if err := tx.closeInvolvement(ctx, *cf.Involvement, c.Date, c.Reason); err != nil {
				return err
			}
		}
		return tx.addClosingNote(ctx, casework.Note{ChildID: childID, InvolvementID: invID, Date: c.Date,
			Kind: "case_note", Subject: "Case closed: " + label, Body: c.Note})
	})
	if err != nil {
		return fmt.Errorf("store: close case of child %d: %w", childID, err)
	}
	return nil
}

// checkCaseClosure applies the closure rules and returns the referral
// whose episode closes. Nothing that closes with it may start after it.
func checkCaseClosure(cf casework.CaseFile, c casework.Closure, today time.Time) (casework.Referral, error) {
	ref := cf.OpenReferral()
	if ref == nil {
		return casework.Referral{}, casework.Invalid("reason", "The child has no open referral to close")
	}
	if err := cf.CheckClosure(c, *ref, today); err != nil {
		return *ref, err
	}
	if err := checkLength("note", c.Note); err != nil {
		return *ref, err
	}
	type start struct {
		what string
		on   time.Time
	}
	var starts []start
	if p := cf.OpenPlan(); p != nil {
		starts = append(starts, start{"the child protection plan started", p.StartDate})
	}
	if p := cf.OpenCINPlan(); p != nil {
		starts = append(starts, start{"the child in need plan started", p.StartDate})
	}
	if cf.Involvement != nil {
		starts = append(starts, start{"the involvement started", cf.Involvement.StartDate})
	}
	for _, st := range starts {
		if c.Date.Before(st.on) {
			return *ref, casework.Invalid("date", fmt.Sprintf("The case cannot close before %s (%s)", st.what, st.on.Format("2 January 2006")))
		}
	}
	return *ref, nil
}

func (t *Tx) closeReferral(ctx context.Context, before casework.Referral, c casework.Closure) error {
	if err := t.updateVersioned(ctx, "referrals", "referral", before.ID, before.Version,
		`closure_date = ?, closure_reason = ?`, day(c.Date), c.Reason); err != nil {
		return err
	}
	after := before
	after.ClosureDate, after.ClosureReason, after.Version = &c.Date, c.Reason, before.Version+1
	return t.record("referral", before.ID, "close", before, after, c.Note)
}

// endPlans ends the child protection and child in need plans in force.
func (t *Tx) endPlans(ctx context.Context, cf casework.CaseFile, on time.Time, reason string) error {
	if p := cf.OpenPlan(); p != nil {
		after := *p
		after.EndDate, after.EndReason = &on, reason
		if err := t.updatePlan(ctx, *p, after, "end"); err != nil {
			return err
		}
	}
	if p := cf.OpenCINPlan(); p != nil {
		return t.endCINPlan(ctx, *p, p.Version, on)
	}
	return nil
}

// closeInvolvementIfFree closes the involvement of a closed referral
// unless another open referral still holds it.
func (t *Tx) closeInvolvementIfFree(ctx context.Context, ref casework.Referral, on time.Time, reason string) error {
	if ref.InvolvementID == nil {
		return nil
	}
	inv, err := t.involvement(ctx, *ref.InvolvementID)
	if err != nil || inv.EndDate != nil || inv.EnteredError != "" {
		return err
	}
	var others int
	if err := t.queryRow(ctx, `SELECT count(*) FROM referrals WHERE involvement_id = ? AND id <> ? AND error_reason = ''
		AND closure_date IS NULL AND NOT nfa`, inv.ID, ref.ID).Scan(&others); err != nil {
		return err
	}
	if others > 0 {
		return nil
	}
	return t.closeInvolvement(ctx, inv, on, reason)
}

// closeInvolvement ends an involvement and its current allocation on day
// on, with the CIN reason for closure.
func (t *Tx) closeInvolvement(ctx context.Context, before casework.Involvement, on time.Time, reason string) error {
	if on.Before(before.StartDate) {
		return casework.Invalid("date", "The case cannot close before the involvement started ("+before.StartDate.Format("2 January 2006")+")")
	}
	if err := t.updateVersioned(ctx, "involvements", "involvement", before.ID, before.Version,
		`end_date = ?, end_reason = ?`, day(on), reason); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `UPDATE allocations SET end_date = ? WHERE involvement_id = ? AND end_date IS NULL`,
		day(on), before.ID); err != nil {
		return fmt.Errorf("end allocation: %w", err)
	}
	after := before
	after.EndDate, after.EndReason, after.Version = &on, reason, before.Version+1
	return t.record("involvement", before.ID, "close", before, after, reason)
}

// addClosingNote saves the closing summary as a case note by the actor.
func (t *Tx) addClosingNote(ctx context.Context, n casework.Note) error {
	if err := n.Validate(calendar.Today(t.now)); err != nil {
		return err
	}
	id, err := t.insert(ctx, `INSERT INTO case_notes (child_id, involvement_id, note_date, kind, subject, body,
		author_id, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		n.ChildID, n.InvolvementID, day(n.Date), n.Kind, n.Subject, n.Body, t.actor.UserID,
		t.s.d.ts(t.now), t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert closing note: %w", err)
	}
	n.ID, n.Version, n.AuthorID, n.AuthorName, n.CreatedAt = id, 1, t.actor.UserID, t.actor.Name, t.now
	return t.record("case_note", id, "create", nil, n, "")
}
