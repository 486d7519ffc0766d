package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// SetUASC records whether the child is or was an unaccompanied
// asylum-seeking child and the day the status ceased (c.UASC,
// c.UASCCeased), from c.Version as the user read it: a save over someone
// else's change to the child's record is refused naming them. The other
// details of the child are left as they are. The history keeps the
// child's record before and after, which the chronology shows.
func (s *Store) SetUASC(ctx context.Context, actor Actor, c casework.Child) (casework.Child, error) {
	var after casework.Child
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.child(ctx, c.ID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "children", "child", c.ID, c.Version, before.Version); err != nil {
			return err
		}
		after = before
		after.UASC, after.UASCCeased = c.UASC, c.UASCCeased
		if err := after.CheckUASC(calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "children", "child", c.ID, c.Version, `uasc = ?, uasc_ceased = ?`,
			after.UASC, dayPtr(after.UASCCeased)); err != nil {
			return err
		}
		after.Version, after.UpdatedAt, after.UpdatedBy = before.Version+1, tx.now, actor.Name
		return tx.record("child", c.ID, "uasc", before, after, uascSummary(after))
	})
	if err != nil {
		return c, fmt.Errorf("store: set UASC status of child %d: %w", c.ID, err)
	}
	return after, nil
}

// uascSummary is the history's reason line for a change of UASC status.
func uascSummary(c casework.Child) string {
	switch {
	case !c.UASC:
		return "Not an unaccompanied asylum-seeking child"
	case c.UASCCeased != nil:
		return "Unaccompanied asylum-seeking child; status ceased " + calendar.FormatDate(*c.UASCCeased)
	}
	return "Unaccompanied asylum-seeking child"
}

// tidyPreviousPermanence normalises the codes of a period's previous
// permanence as they are compared.
func tidyPreviousPermanence(e *casework.CareEpisode) {
	e.PrevPerm, e.PrevPermLA = casework.NormaliseCode(e.PrevPerm), strings.ToUpper(strings.TrimSpace(e.PrevPermLA))
	e.PrevPermDate = strings.ToUpper(strings.TrimSpace(e.PrevPermDate))
}

// CorrectPreviousPermanence corrects what a period of care records of the
// child's previous permanence (e.PrevPerm, PrevPermLA, PrevPermDate) at
// e.Version, as the user read it (CheckPreviousPermanenceCorrection).
func (s *Store) CorrectPreviousPermanence(ctx context.Context, actor Actor, e casework.CareEpisode) (casework.CareEpisode, error) {
	tidyPreviousPermanence(&e)
	var after casework.CareEpisode
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		before := cf.FindCareEpisode(e.ID)
		if before == nil {
			return fmt.Errorf("period of care %d of child %d: %w", e.ID, e.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "care_episodes", "care episode", e.ID, e.Version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckPreviousPermanenceCorrection(e); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_episodes", "care episode", e.ID, e.Version,
			`prev_perm = ?, prev_perm_la = ?, prev_perm_date = ?`, e.PrevPerm, e.PrevPermLA, e.PrevPermDate); err != nil {
			return err
		}
		after = *before
		after.PrevPerm, after.PrevPermLA, after.PrevPermDate, after.Version = e.PrevPerm, e.PrevPermLA, e.PrevPermDate, before.Version+1
		return tx.record("care_episode", e.ID, "correct", *before, after, "Previous permanence")
	})
	if err != nil {
		return e, fmt.Errorf("store: correct previous permanence of period of care %d: %w", e.ID, err)
	}
	return after, nil
}
