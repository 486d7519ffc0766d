package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"sightline/internal/casework"
)

// Authorisation is a record waiting for a manager's sign-off: a completed
// assessment (AuthoriseAssessment) or a no-further-action decision
// (ApproveNFA). RecordID and Version are what those calls take.
type Authorisation struct {
	Kind      string // "assessment" | "nfa"
	ChildID   int64
	ChildName string
	RecordID  int64
	Version   int
	Since     time.Time // completed, or decided
	Worker    string    // the allocated worker, else who recorded it
	Summary   string
}

// The pending sign-offs, in the columns scanAuthorisation reads; the last
// column is the outcome code or the NFA reason.
const (
	pendingAssessments = `SELECT 'assessment', a.child_id, ch.first_name, ch.last_name, a.id, a.version, a.completed_date,
		COALESCE(w.name, a.updated_by), a.outcome
		FROM assessments a JOIN children ch ON ch.id = a.child_id JOIN referrals r ON r.id = a.referral_id
		LEFT JOIN involvements i ON i.id = r.involvement_id LEFT JOIN workers w ON w.id = i.worker_id
		WHERE a.error_reason = '' AND a.completed_date IS NOT NULL AND a.authorised_date IS NULL`
	pendingNFAs = `SELECT 'nfa', r.child_id, ch.first_name, ch.last_name, r.id, r.version, r.decision_date,
		COALESCE(w.name, r.updated_by), r.nfa_reason
		FROM referrals r JOIN children ch ON ch.id = r.child_id
		LEFT JOIN involvements i ON i.id = r.involvement_id LEFT JOIN workers w ON w.id = i.worker_id
		WHERE r.error_reason = '' AND r.decision = 'nfa' AND NOT r.nfa AND r.closure_date IS NULL`
)

func scanAuthorisation(r rowScanner) (Authorisation, error) {
	var a Authorisation
	var ch casework.Child
	var since dateCol
	var detail string
	err := r.Scan(&a.Kind, &a.ChildID, &ch.FirstName, &ch.LastName, &a.RecordID, &a.Version, &since, &a.Worker, &detail)
	a.ChildName, a.Since = ch.FullName(), since.t
	if a.Kind == "assessment" {
		a.Summary = "Assessment completed: " + casework.LabelOf(casework.AssessmentOutcomes(), detail)
	} else {
		a.Summary = "No further action: " + detail
	}
	return a, err
}

// PendingAuthorisations is the manager's sign-off queue, oldest first:
// completed assessments not yet authorised and NFA decisions not yet
// approved, of the team's involvements (teamID 0: every team's).
func (s *Store) PendingAuthorisations(ctx context.Context, teamID int64) ([]Authorisation, error) {
	var out []Authorisation
	for _, q := range []string{pendingAssessments, pendingNFAs} {
		var args []any
		if teamID != 0 {
			q += ` AND i.team_id = ?`
			args = append(args, teamID)
		}
		if err := eachRow(ctx, s, scanAuthorisation, func(a Authorisation) { out = append(out, a) }, q, args...); err != nil {
			return nil, fmt.Errorf("store: pending authorisations: %w", err)
		}
	}
	slices.SortFunc(out, func(a, b Authorisation) int {
		return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.RecordID, b.RecordID))
	})
	return out, nil
}
