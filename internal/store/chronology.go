package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sightline/internal/casework"
)

// chronologyArms are the SELECTs whose union is a child's chronology. Each
// arm yields (date, kind, summary, detail, by, record id, in error, order,
// entity) for one child id; later kinds of record add an arm here. The
// entity is the record's kind for MarkInError (” where the chronology
// offers no way to mark it).
var chronologyArms = map[string]string{
	// A note's body is fetched after sorting, for the page's notes only
	// (noteBodies): sorting thousands of bodies to keep two hundred was most
	// of the cost of a long chronology.
	"note": `SELECT n.note_date, 'note', n.subject, '', COALESCE(u.display_name, ''), n.id,
		CASE WHEN n.error_reason <> '' THEN 1 ELSE 0 END, n.id, 'case_note'
		FROM case_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.child_id = ?`,
	"involvement": `SELECT i.start_date, 'involvement', 'Involvement opened', '', '', i.id,
		CASE WHEN i.error_reason <> '' THEN 1 ELSE 0 END, 12, ''
		FROM involvements i WHERE i.child_id = ?
		UNION ALL
		SELECT i.end_date, 'involvement', 'Involvement closed', ` + labelSQL("i.end_reason", casework.ClosureReasons()) + `,
		i.updated_by, i.id, CASE WHEN i.error_reason <> '' THEN 1 ELSE 0 END, 98, ''
		FROM involvements i WHERE i.child_id = ? AND i.end_date IS NOT NULL`,
	"allocation": `SELECT a.start_date, 'allocation', CASE WHEN a.worker_id IS NULL THEN 'Waiting for a worker' ELSE 'Allocated to ' || w.name END,
		COALESCE(t.name || ': ', '') || CASE WHEN a.reason = '' THEN ` + labelSQL("a.reason_code", casework.SocialWorkerReasons()) + `
		ELSE a.reason END, '', a.id, 0, 13, ''
		FROM allocations a JOIN involvements i ON i.id = a.involvement_id LEFT JOIN workers w ON w.id = a.worker_id
		LEFT JOIN teams t ON t.id = a.team_id WHERE i.child_id = ?`,
	"address": `SELECT a.start_date, 'address', 'Moved to ' || a.postcode, a.line1, '', a.id,
		CASE WHEN a.error_reason <> '' THEN 1 ELSE 0 END, 0, ''
		FROM addresses a WHERE a.child_id = ?`,
	// help and protection (chronology_help.go)
	"contact":    contactArm,
	"referral":   referralArm,
	"assessment": assessmentArm,
	"protection": protectionArm,
	"visit":      visitArm,
	"cin_plan":   cinPlanArm,
	"care":       careArm, // care_chronology.go
	// missing, exploitation and court work (chronology_missing.go)
	"missing": missingArm,
	"court":   courtArm,
	// leaving care and permanence (chronology_leaver.go)
	"leaving_care": leavingCareArm,
	"permanence":   permanenceArm,
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
		if len(kinds) > 0 && !slices.Contains(kinds, k.Code) {
			continue
		}
		// Each arm keeps only its own newest offset+limit rows (the notes
		// arm reads them in index order), so the final sort handles a page's
		// worth of rows per kind rather than the child's whole history.
		arm := chronologyArms[k.Code]
		arms = append(arms, `SELECT * FROM (`+arm+` ORDER BY 1 DESC LIMIT ?) AS `+k.Code)
		for range strings.Count(arm, "?") {
			args = append(args, childID)
		}
		args = append(args, offset+limit)
	}
	if len(arms) == 0 {
		return nil, nil
	}
	q := `SELECT * FROM (` + strings.Join(arms, " UNION ALL ") + `) AS c ORDER BY 1 DESC, 8 DESC, 2, 6 DESC LIMIT ? OFFSET ?`
	stmt, err := s.prepared(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: chronology of child %d: %w", childID, err)
	}
	rows, err := stmt.QueryContext(ctx, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: chronology of child %d: %w", childID, err)
	}
	out, err := scanChronology(rows)
	if err != nil {
		return nil, fmt.Errorf("store: chronology of child %d: %w", childID, err)
	}
	return out, s.noteBodies(ctx, out)
}

// scanChronology reads chronology rows.
func scanChronology(rows *sql.Rows) ([]casework.ChronologyEntry, error) {
	defer rows.Close()
	var out []casework.ChronologyEntry
	for rows.Next() {
		var e casework.ChronologyEntry
		var d dateCol
		var inErr, order int64
		if err := rows.Scan(&d, &e.Kind, &e.Summary, &e.Detail, &e.By, &e.RecordID, &inErr, &order, &e.Entity); err != nil {
			return nil, err
		}
		e.Date, e.InError = d.t, inErr == 1
		e.KindName = casework.LabelOf(casework.ChronologyKinds(), e.Kind)
		out = append(out, e)
	}
	return out, rows.Err()
}

// noteBodies fills in the body of each note on a chronology page with one
// query.
func (s *Store) noteBodies(ctx context.Context, entries []casework.ChronologyEntry) error {
	at := map[int64]int{}
	var ids []string
	for i, e := range entries {
		if e.Kind == "note" {
			at[e.RecordID] = i
			ids = append(ids, strconv.FormatInt(e.RecordID, 10))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// The ids are integers this function formatted, never user input.
	rows, err := s.query(ctx, `SELECT id, body FROM case_notes WHERE id IN (`+strings.Join(ids, ",")+`)`)
	if err != nil {
		return fmt.Errorf("store: note bodies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		entries[at[id]].Detail = body
	}
	return rows.Err()
}
