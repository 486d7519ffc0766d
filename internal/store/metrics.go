package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"sightline/internal/casework"
)

// The indicator engine (internal/metrics) keeps an in-memory copy of every
// child's dated records. It reads them here in bulk, once, and afterwards
// reads only the children that the history shows were written since.

// MetricsRecords is what the indicator engine reads about some children:
// their case files, every involvement they had (open or closed) with its
// allocations, the dates of their case notes that count as progress, and
// the family links between children.
type MetricsRecords struct {
	Files        []casework.CaseFile // every child asked for, with or without a case
	Involvements []MetricsInvolvement
	Progress     []ChildDay // case notes of substance (casework.NoteIsProgress)
	FamilyLinks  [][2]int64 // pairs of children linked as family
}

// MetricsInvolvement is one involvement, open or closed, with every
// allocation of it in start order.
type MetricsInvolvement struct {
	ID, ChildID int64
	Start       time.Time
	End         *time.Time
	TeamID      *int64
	Allocations []MetricsAllocation
}

// MetricsAllocation is one allocation of an involvement to a team and
// possibly a worker.
type MetricsAllocation struct {
	ID               int64
	TeamID, WorkerID *int64
	Start            time.Time
	End              *time.Time
}

// ChildDay is a dated fact about a child.
type ChildDay struct {
	ChildID int64
	Day     time.Time
}

// everyChild is the condition that selects every child's rows.
const everyChild = ` IS NOT NULL`

// MetricsRecords reads the records of the children with these ids, or of
// every child when ids is nil. Records entered in error are left out.
func (s *Store) MetricsRecords(ctx context.Context, ids []int64) (MetricsRecords, error) {
	var out MetricsRecords
	read := func(in string, args []any) error {
		files, err := loadCaseFilesIn(ctx, s, metricsParts, in, args...)
		if err != nil {
			return err
		}
		out.Files = append(out.Files, files...)
		return metricsExtras(ctx, s, in, args, &out)
	}
	var err error
	if ids == nil {
		err = read(everyChild, nil)
	} else {
		err = inChunks(ids, func(ph string, args []any) error { return read(` IN (`+ph+`)`, args) })
	}
	if err != nil {
		return out, fmt.Errorf("store: records for indicators: %w", err)
	}
	return out, nil
}

// ChildIDBounds is the lowest and highest child id held (0, 0 when there
// are none), for reading every child's records a range at a time.
func (s *Store) ChildIDBounds(ctx context.Context) (lo, hi int64, err error) {
	var l, h sql.NullInt64
	if err := s.queryRow(ctx, `SELECT MIN(id), MAX(id) FROM children`).Scan(&l, &h); err != nil {
		return 0, 0, fmt.Errorf("store: child id bounds: %w", err)
	}
	return l.Int64, h.Int64, nil
}

// MetricsRecordsBetween reads the records of the children whose ids are
// from lo to hi, so that a national data set is read a slice at a time
// rather than all at once, which would hold every record in memory.
func (s *Store) MetricsRecordsBetween(ctx context.Context, lo, hi int64) (MetricsRecords, error) {
	var out MetricsRecords
	in, args := ` BETWEEN ? AND ?`, []any{lo, hi}
	files, err := loadCaseFilesIn(ctx, s, metricsParts, in, args...)
	if err == nil {
		out.Files = files
		err = metricsExtras(ctx, s, in, args, &out)
	}
	if err != nil {
		return out, fmt.Errorf("store: records for indicators, children %d to %d: %w", lo, hi, err)
	}
	return out, nil
}

// metricsExtras reads what a case file does not hold.
func metricsExtras(ctx context.Context, db querier, in string, args []any, out *MetricsRecords) error {
	byID := map[int64]int{}
	err := eachRow(ctx, db, func(r rowScanner) (MetricsInvolvement, error) {
		var v MetricsInvolvement
		var start, end dateCol
		err := r.Scan(&v.ID, &v.ChildID, &start, &end, &v.TeamID)
		v.Start, v.End = start.t, end.ptr()
		return v, err
	}, func(v MetricsInvolvement) {
		byID[v.ID] = len(out.Involvements)
		out.Involvements = append(out.Involvements, v)
	}, `SELECT id, child_id, start_date, end_date, team_id FROM involvements
		WHERE error_reason = '' AND child_id`+in+` ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("involvements: %w", err)
	}
	type allocRow struct {
		inv int64
		a   MetricsAllocation
	}
	err = eachRow(ctx, db, func(r rowScanner) (allocRow, error) {
		var v allocRow
		var start, end dateCol
		err := r.Scan(&v.a.ID, &v.inv, &v.a.TeamID, &v.a.WorkerID, &start, &end)
		v.a.Start, v.a.End = start.t, end.ptr()
		return v, err
	}, func(v allocRow) {
		if i, ok := byID[v.inv]; ok {
			out.Involvements[i].Allocations = append(out.Involvements[i].Allocations, v.a)
		}
	}, `SELECT a.id, a.involvement_id, a.team_id, a.worker_id, a.start_date, a.end_date
		FROM allocations a JOIN involvements i ON i.id = a.involvement_id
		WHERE i.error_reason = '' AND i.child_id`+in+` ORDER BY a.start_date, a.id`, args...)
	if err != nil {
		return fmt.Errorf("allocations: %w", err)
	}
	err = eachRow(ctx, db, func(r rowScanner) (ChildDay, error) {
		var v ChildDay
		var d dateCol
		var kind string
		err := r.Scan(&v.ChildID, &d, &kind)
		v.Day = d.t
		if !casework.NoteIsProgress(kind) {
			v.ChildID = 0
		}
		return v, err
	}, func(v ChildDay) {
		if v.ChildID != 0 {
			out.Progress = append(out.Progress, v)
		}
	}, `SELECT child_id, note_date, kind FROM case_notes WHERE error_reason = '' AND child_id`+in, args...)
	if err != nil {
		return fmt.Errorf("case notes: %w", err)
	}
	err = eachRow(ctx, db, func(r rowScanner) ([2]int64, error) {
		var pair [2]int64
		return pair, r.Scan(&pair[0], &pair[1])
	}, func(pair [2]int64) { out.FamilyLinks = append(out.FamilyLinks, pair) },
		`SELECT child_id, related_child_id FROM relationships WHERE kind = 'family' AND related_child_id IS NOT NULL
		AND error_reason = '' AND child_id`+in, args...)
	if err != nil {
		return fmt.Errorf("family links: %w", err)
	}
	return nil
}

// HistoryHead is the sequence number of the last event in the history.
func (s *Store) HistoryHead(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.queryRow(ctx, `SELECT seq FROM history_head WHERE id = 1`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("store: history head: %w", err)
	}
	return seq, nil
}

// Changes is what the history says was written after a sequence number.
type Changes struct {
	Head     int64   // the last event read
	Children []int64 // children whose records changed
	Entities map[string]bool
	// Unknown is set when an event changed records without naming the
	// children (a generator batch): a reader must read everything again.
	Unknown bool
}

// childlessEntities change no child's records.
var childlessEntities = map[string]bool{"user": true, "audit_template": true, "audit_sample": true,
	"audit": true, "audit_action": true, "audit_handback": true, "child_access": true, "address": true,
	"worker": true, "post": true, "absence": true, "team": true, "setting": true, "holiday": true}

// ChangesSince reads the events after seq and names the children they
// touched, from each event's record (its ChildID, a relationship's
// RelatedChildID, or the child itself).
func (s *Store) ChangesSince(ctx context.Context, seq int64) (Changes, error) {
	ch := Changes{Head: seq, Entities: map[string]bool{}}
	seen := map[int64]bool{}
	touch := func(id int64) {
		if id != 0 && !seen[id] {
			seen[id] = true
			ch.Children = append(ch.Children, id)
		}
	}
	type row struct {
		seq           int64
		entity        string
		id            int64
		before, after string
	}
	err := eachRow(ctx, s, func(r rowScanner) (row, error) {
		var v row
		return v, r.Scan(&v.seq, &v.entity, &v.id, &v.before, &v.after)
	}, func(v row) {
		ch.Head = max(ch.Head, v.seq)
		ch.Entities[v.entity] = true
		switch {
		case v.entity == "child":
			touch(v.id)
		case childlessEntities[v.entity]:
		default:
			ids := childIDsIn(v.before, v.after)
			if len(ids) == 0 {
				ch.Unknown = true
			}
			for _, id := range ids {
				touch(id)
			}
		}
	}, `SELECT seq, entity, entity_id, before_json, after_json FROM history WHERE seq > ? ORDER BY seq`, seq)
	if err != nil {
		return ch, fmt.Errorf("store: changes since %d: %w", seq, err)
	}
	return ch, nil
}

// childIDsIn reads the children a recorded record is about.
func childIDsIn(docs ...string) []int64 {
	var out []int64
	for _, doc := range docs {
		var v struct {
			ChildID        int64
			RelatedChildID *int64
		}
		if json.Unmarshal([]byte(doc), &v) != nil {
			continue
		}
		if v.ChildID != 0 {
			out = append(out, v.ChildID)
		}
		if v.RelatedChildID != nil {
			out = append(out, *v.RelatedChildID)
		}
	}
	return out
}

// ChildrenByID returns the children with these ids (those that exist).
func (s *Store) ChildrenByID(ctx context.Context, ids []int64) (map[int64]casework.Child, error) {
	out, err := childrenByID(ctx, s, ids)
	if err != nil {
		return nil, fmt.Errorf("store: children by id: %w", err)
	}
	return out, nil
}
