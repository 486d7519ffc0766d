package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const visitColumns = `id, child_id, visit_date, kind, seen, seen_alone, place, notes, visited_by, version`

// scanSeenVisit reads a visit's date and whether the child was seen, all
// the timescale rules read of it.
func scanSeenVisit(r rowScanner) (casework.Visit, error) {
	var v casework.Visit
	var on dateCol
	err := r.Scan(&v.ID, &v.ChildID, &on, &v.Seen)
	v.Date = on.t
	return v, err
}

func scanVisit(r rowScanner) (casework.Visit, error) {
	var v casework.Visit
	var on dateCol
	err := r.Scan(&v.ID, &v.ChildID, &on, &v.Kind, &v.Seen, &v.SeenAlone, &v.Place, &v.Notes, &v.By, &v.Version)
	v.Date = on.t
	return v, err
}

// RecordVisit records a visit to the child by the actor (By): whether the
// child was seen, seen alone, and where.
func (s *Store) RecordVisit(ctx context.Context, actor Actor, v casework.Visit) (casework.Visit, error) {
	v.Kind, v.Place = strings.TrimSpace(v.Kind), strings.TrimSpace(v.Place)
	v.Notes, v.By, v.Version = strings.TrimRight(v.Notes, " \t\r\n"), actor.Name, 1
	if err := v.Validate(calendar.Today(s.Now())); err != nil {
		return v, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.lockChild(ctx, v.ChildID); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO visits (child_id, visit_date, kind, seen, seen_alone, place, notes,
			visited_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`, v.ChildID, day(v.Date), v.Kind,
			v.Seen, v.SeenAlone, v.Place, v.Notes, v.By, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert visit: %w", err)
		}
		v.ID = id
		return tx.record("visit", id, "create", nil, v, "")
	})
	if err != nil {
		return v, fmt.Errorf("store: record visit to child %d: %w", v.ChildID, err)
	}
	return v, nil
}
