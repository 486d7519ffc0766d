package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/casework"
)

// chronologyArms are the SELECTs whose union is a child's chronology. Each
// arm yields (date, kind, summary, detail, by, record id, in error, order)
// for one child id; later kinds of record add an arm here.
var chronologyArms = map[string]string{
	"note": `SELECT n.note_date, 'note', n.subject, n.body, COALESCE(u.display_name, ''), n.id,
		CASE WHEN n.error_reason <> '' THEN 1 ELSE 0 END, n.id
		FROM case_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.child_id = ?`,
	"involvement": `SELECT i.start_date, 'involvement', 'Involvement opened', '', '', i.id,
		CASE WHEN i.error_reason <> '' THEN 1 ELSE 0 END, 12
		FROM involvements i WHERE i.child_id = ?
		UNION ALL
		SELECT i.end_date, 'involvement', 'Involvement closed', ` + labelSQL("i.end_reason", casework.ClosureReasons()) + `,
		i.updated_by, i.id, CASE WHEN i.error_reason <> '' THEN 1 ELSE 0 END, 98
		FROM involvements i WHERE i.child_id = ? AND i.end_date IS NOT NULL`,
	"allocation": `SELECT a.start_date, 'allocation', CASE WHEN a.worker_id IS NULL THEN 'Waiting for a worker' ELSE 'Allocated to ' || w.name END,
		COALESCE(t.name || ': ', '') || a.reason, '', a.id, 0, 13
		FROM allocations a JOIN involvements i ON i.id = a.involvement_id LEFT JOIN workers w ON w.id = a.worker_id
		LEFT JOIN teams t ON t.id = a.team_id WHERE i.child_id = ?`,
	"address": `SELECT a.start_date, 'address', 'Moved to ' || a.postcode, a.line1, '', a.id,
		CASE WHEN a.error_reason <> '' THEN 1 ELSE 0 END, 0
		FROM addresses a WHERE a.child_id = ?`,
	// help and protection (chronology_help.go)
	"contact":    contactArm,
	"referral":   referralArm,
	"assessment": assessmentArm,
	"protection": protectionArm,
	"visit":      visitArm,
	"cin_plan":   cinPlanArm,
}

// Chronology returns every dated event of a child, newest first, of the
// kinds asked for (all when kinds is empty), at most limit entries.
func (s *Store) Chronology(ctx context.Context, childID int64, kinds []string, limit int) ([]casework.ChronologyEntry, error) {
	return s.ChronologyPage(ctx, childID, kinds, 0, limit)
}

// ChronologyPage is one page of the chronology: limit entries after
// skipping the newest offset.
func (s *Store) ChronologyPage(ctx context.Context, childID int64, kinds []string, offset, limit int) ([]casework.ChronologyEntry, error) {
	var arms []string
	var args []any
	for _, k := range casework.ChronologyKinds() {
		if len(kinds) > 0 && !contains(kinds, k.Code) {
			continue
		}
		arm := chronologyArms[k.Code]
		arms = append(arms, arm)
		for range strings.Count(arm, "?") {
			args = append(args, childID)
		}
	}
	if len(arms) == 0 {
		return nil, nil
	}
	q := `SELECT * FROM (` + strings.Join(arms, " UNION ALL ") + `) AS c ORDER BY 1 DESC, 8 DESC, 2, 6 DESC LIMIT ? OFFSET ?`
	rows, err := s.query(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: chronology of child %d: %w", childID, err)
	}
	defer rows.Close()
	var out []casework.ChronologyEntry
	for rows.Next() {
		var e casework.ChronologyEntry
		var d dateCol
		var inErr, order int64
		if err := rows.Scan(&d, &e.Kind, &e.Summary, &e.Detail, &e.By, &e.RecordID, &inErr, &order); err != nil {
			return nil, fmt.Errorf("store: chronology of child %d: %w", childID, err)
		}
		e.Date, e.InError = d.t, inErr == 1
		e.KindName = casework.LabelOf(casework.ChronologyKinds(), e.Kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
