package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const extensionColumns = `id, child_id, proceedings_id, weeks, granted_on, reason, version`

func scanExtension(r rowScanner) (casework.ProceedingsExtension, error) {
	var e casework.ProceedingsExtension
	var on dateCol
	err := r.Scan(&e.ID, &e.ChildID, &e.ProceedingsID, &e.Weeks, &on, &e.Reason, &e.Version)
	e.GrantedOn = on.t
	return e, err
}

// ExtendProceedings records the court's extension of the 26-week
// timetable of the proceedings e names (Children Act 1989 s.32(5);
// CheckExtension): the case's target date moves by its weeks.
func (s *Store) ExtendProceedings(ctx context.Context, actor Actor, e casework.ProceedingsExtension) (casework.ProceedingsExtension, error) {
	e.Reason, e.Version = strings.TrimSpace(e.Reason), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckExtension(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO proceedings_extensions (child_id, proceedings_id, weeks, granted_on, reason,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?)`, e.ChildID, e.ProceedingsID, e.Weeks, day(e.GrantedOn), e.Reason,
			tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert extension: %w", err)
		}
		e.ID = id
		return tx.record("proceedings_extension", id, "create", nil, e, e.Reason)
	})
	if err != nil {
		return e, fmt.Errorf("store: extend proceedings %d: %w", e.ProceedingsID, err)
	}
	return e, nil
}
