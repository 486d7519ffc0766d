package store

import (
	"context"
	"fmt"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// RecordMotherhood records whether a girl or young woman is a mother and
// her first child's date of birth (the SSDA903 Header's MOTHER and
// MC_DOB), on the child's record at version: refused if the child was
// saved since, checked as casework.Child.CheckMotherhood says, and written
// to the history as a change of the child like any other edit.
func (s *Store) RecordMotherhood(ctx context.Context, actor Actor, childID int64, version int, m casework.Motherhood) (casework.Child, error) {
	var after casework.Child
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.child(ctx, childID)
		if err != nil {
			return err
		}
		if err := before.CheckMotherhood(m, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "children", "child", childID, version, `mother = ?, first_child_born = ?`,
			m.Mother, dayPtr(m.FirstChildBorn)); err != nil {
			return err
		}
		after = before
		after.Motherhood, after.Version, after.UpdatedAt, after.UpdatedBy = m, version+1, tx.now, actor.Name
		return tx.record("child", childID, "update", before, after, "")
	})
	if err != nil {
		return after, fmt.Errorf("store: motherhood of child %d: %w", childID, err)
	}
	return after, nil
}
