package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const referralColumns = `id, child_id, involvement_id, contact_id, referral_date, source, primary_need, decision,
	decision_date, nfa, nfa_reason, nfa_approved_by, nfa_approved_at, closure_date, closure_reason, version`

func scanReferral(r rowScanner) (casework.Referral, error) {
	var ref casework.Referral
	var on, decided, approved, closed dateCol
	err := r.Scan(&ref.ID, &ref.ChildID, &ref.InvolvementID, &ref.ContactID, &on, &ref.Source, &ref.PrimaryNeed,
		&ref.Decision, &decided, &ref.NFA, &ref.NFAReason, &ref.NFAApprovedBy, &approved, &closed,
		&ref.ClosureReason, &ref.Version)
	ref.Date, ref.DecisionDate, ref.NFAApprovedAt, ref.ClosureDate = on.t, decided.ptr(), approved.ptr(), closed.ptr()
	return ref, err
}

func (t *Tx) referral(ctx context.Context, id int64) (casework.Referral, error) {
	return getRow(ctx, t, scanReferral, "referral", `SELECT `+referralColumns+` FROM referrals WHERE id = ?`, id)
}

// Referral returns one referral, with ReReferral set.
func (s *Store) Referral(ctx context.Context, id int64) (casework.Referral, error) {
	r, err := getRow(ctx, s, scanReferral, "referral", `SELECT `+referralColumns+` FROM referrals WHERE id = ?`, id)
	if err != nil {
		return r, fmt.Errorf("store: %w", err)
	}
	var cf casework.CaseFile
	err = eachRow(ctx, s, scanReferral, func(o casework.Referral) { cf.Referrals = append(cf.Referrals, o) },
		`SELECT `+referralColumns+` FROM referrals WHERE child_id = ? AND error_reason = ''`, r.ChildID)
	if err != nil {
		return r, fmt.Errorf("store: referral %d: %w", id, err)
	}
	r.ReReferral = cf.IsReReferral(r.Date, r.ID)
	return r, nil
}

// DecideReferral records the decision on a referral, due within one
// working day: a child and family assessment, a strategy discussion, or no
// further action. An NFA waits for a manager's approval (ApproveNFA)
// before the episode closes. An empty primaryNeed keeps the one recorded
// at the front door. The decision can be changed until the episode closes.
func (s *Store) DecideReferral(ctx context.Context, actor Actor, referralID int64, version int, decision string,
	on time.Time, primaryNeed, nfaReason string) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.referral(ctx, referralID)
		if err != nil {
			return err
		}
		if err := tx.lockChild(ctx, before.ChildID); err != nil {
			return err
		}
		if err := tx.fresh(ctx, "referrals", "referral", referralID, version, before.Version); err != nil {
			return err
		}
		after := decideReferral(before, decision, on, primaryNeed, nfaReason)
		if err := checkReferralDecision(before, after, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "referrals", "referral", referralID, version, `decision = ?, decision_date = ?,
			primary_need = ?, nfa_reason = ?`, after.Decision, dayPtr(after.DecisionDate), after.PrimaryNeed,
			after.NFAReason); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("referral", referralID, "decide", before, after, after.NFAReason)
	})
	if err != nil {
		return fmt.Errorf("store: decide referral %d: %w", referralID, err)
	}
	return nil
}

func decideReferral(r casework.Referral, decision string, on time.Time, primaryNeed, nfaReason string) casework.Referral {
	r.Decision, r.DecisionDate = strings.TrimSpace(decision), nil
	if !on.IsZero() {
		r.DecisionDate = &on
	}
	if pn := casework.NormaliseCode(primaryNeed); pn != "" {
		r.PrimaryNeed = pn
	}
	r.NFAReason = ""
	if r.Decision == casework.ReferralNFA {
		r.NFAReason = strings.TrimSpace(nfaReason)
	}
	return r
}

func checkReferralDecision(before, after casework.Referral, today time.Time) error {
	switch {
	case before.ClosureDate != nil || before.NFA:
		return casework.Invalid("decision", "This referral's episode is closed: its decision cannot be changed")
	case after.Decision == "":
		return casework.Invalid("decision", "Select a decision")
	}
	return after.Validate(today)
}

// ApproveNFA records a manager's authorisation of a no-further-action
// decision: the referral is marked NFA, its episode closes on day on, and
// its involvement closes too unless another open referral holds it.
func (s *Store) ApproveNFA(ctx context.Context, actor Actor, referralID int64, version int, on time.Time) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.referral(ctx, referralID)
		if err != nil {
			return err
		}
		cf, err := tx.caseFile(ctx, before.ChildID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "referrals", "referral", referralID, version, before.Version); err != nil {
			return err
		}
		after, err := approveNFA(cf, before, on, actor.Name, calendar.Today(tx.now))
		if err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "referrals", "referral", referralID, version, `nfa = ?, nfa_approved_by = ?,
			nfa_approved_at = ?, closure_date = ?, closure_reason = ?`, true, after.NFAApprovedBy, day(on), day(on),
			after.ClosureReason); err != nil {
			return err
		}
		after.Version = version + 1
		if err := tx.record("referral", referralID, "approve_nfa", before, after, after.NFAReason); err != nil {
			return err
		}
		return tx.closeInvolvementIfFree(ctx, after, on, after.ClosureReason)
	})
	if err != nil {
		return fmt.Errorf("store: approve no further action on referral %d: %w", referralID, err)
	}
	return nil
}

// approveNFA checks the approval with the closure rules (CaseFile.CheckClosure
// and rule 8868 with it) and returns the referral as approved.
func approveNFA(cf casework.CaseFile, r casework.Referral, on time.Time, by string, today time.Time) (casework.Referral, error) {
	switch {
	case r.Decision != casework.ReferralNFA:
		return r, casework.Invalid("decision", "Only a decision of no further action can be approved")
	case r.NFA || r.ClosureDate != nil:
		return r, casework.Invalid("decision", "This referral's episode is already closed")
	case on.IsZero():
		return r, casework.Invalid("date", "Enter the date of the approval")
	case r.DecisionDate != nil && on.Before(*r.DecisionDate):
		return r, casework.Invalid("date", "The approval must be on or after the decision ("+r.DecisionDate.Format("2 January 2006")+")")
	}
	reason := nfaClosureReason(cf, r)
	if err := cf.CheckClosure(casework.Closure{Date: on, Reason: reason, Note: r.NFAReason}, r, today); err != nil {
		return r, err
	}
	r.NFA, r.NFAApprovedBy, r.NFAApprovedAt = true, by, &on
	r.ClosureDate, r.ClosureReason = &on, reason
	return r, r.Validate(today)
}

// nfaClosureReason is the CIN census reason an approved NFA closes with:
// RC8 ("case closed after assessment, no further action") when an
// assessment of the referral was completed, otherwise RC7 ("services
// ceased for any other reason, including child no longer in need"), the
// DfE's guidance for a referral closed without an assessment. Authorities
// differ on NFAs after a strategy discussion or early-help step-downs
// (RC9): this is a candidate for a setting.
func nfaClosureReason(cf casework.CaseFile, r casework.Referral) string {
	for _, a := range cf.Assessments {
		if a.ReferralID == r.ID && a.CompletedDate != nil {
			return "RC8"
		}
	}
	return "RC7"
}
