package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/casework"
)

// inErrorTable is a kind of missing or court record that can be marked as
// entered in error, and the records that depend on it: those must be
// marked first, so that nothing is left pointing at a record struck out.
type inErrorTable struct {
	table, entity string
	dependents    []dependent
}

// dependent is a table whose column points at the record.
type dependent struct{ table, column, what string }

// inErrorTables are the kinds MarkInError accepts, by history entity name.
var inErrorTables = map[string]inErrorTable{
	"missing_episode": {"missing_episodes", "missing episode",
		[]dependent{{"return_interviews", "episode_id", "its return interview"}}},
	"return_interview":       {"return_interviews", "return interview", nil},
	"exploitation_screening": {"exploitation_screenings", "exploitation screening", nil},
	"pre_proceedings": {"pre_proceedings", "pre-proceedings",
		[]dependent{{"plo_events", "plo_id", "its letters and meetings"}}},
	"plo_event":   {"plo_events", "pre-proceedings letter or meeting", nil},
	"proceedings": {"proceedings", "proceedings", []dependent{{"hearings", "proceedings_id", "their hearings"}}},
	"hearing":     {"hearings", "hearing", nil},
}

// MarkInError marks a missing, exploitation or court record as entered in
// error, with the reason: it stays in the history and leaves the case
// file, its timescales and the views. A final hearing marked in error
// reopens its proceedings.
func (s *Store) MarkInError(ctx context.Context, actor Actor, kind string, id int64, version int, reason string) error {
	reason = strings.TrimSpace(reason)
	k, ok := inErrorTables[kind]
	switch {
	case !ok:
		return fmt.Errorf("store: mark %q %d in error: no such kind of record: %w", kind, id, casework.ErrNotFound)
	case reason == "":
		return casework.Invalid("reason", "Enter why the record was entered in error")
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		var current int
		var was string
		if err := tx.queryRow(ctx, `SELECT version, error_reason FROM `+k.table+` WHERE id = ?`, id).Scan(&current, &was); err != nil {
			return notFound(err, k.entity, id)
		}
		if err := tx.fresh(ctx, k.table, k.entity, id, version, current); err != nil {
			return err
		}
		if was != "" {
			return casework.Invalid("reason", "The "+k.entity+" is already marked as entered in error")
		}
		for _, d := range k.dependents {
			var n int
			if err := tx.queryRow(ctx, `SELECT count(*) FROM `+d.table+` WHERE `+d.column+` = ? AND error_reason = ''`, id).Scan(&n); err != nil {
				return fmt.Errorf("count %s: %w", d.table, err)
			}
			if n > 0 {
				return casework.Invalid("reason", "Mark "+d.what+" as entered in error first")
			}
		}
		if kind == "hearing" {
			if err := tx.reopenAtFinalInError(ctx, id); err != nil {
				return err
			}
		}
		if err := tx.updateVersioned(ctx, k.table, k.entity, id, version, `error_reason = ?`, reason); err != nil {
			return err
		}
		return tx.record(kind, id, "error", map[string]any{"version": version},
			map[string]any{"version": version + 1, "error_reason": reason}, reason)
	})
	if err != nil {
		return fmt.Errorf("store: mark %s %d in error: %w", kind, id, err)
	}
	return nil
}

// reopenAtFinalInError: when the hearing is the final hearing of its
// proceedings, the proceedings are open again.
func (t *Tx) reopenAtFinalInError(ctx context.Context, hearingID int64) error {
	h, err := getRow(ctx, t, scanHearing, "hearing", `SELECT `+hearingColumns+` FROM hearings WHERE id = ?`, hearingID)
	if err != nil || h.Kind != casework.HearingFinal {
		return err
	}
	before, err := getRow(ctx, t, scanProceedings, "proceedings", `SELECT `+proceedingsColumns+` FROM proceedings WHERE id = ?`, h.ProceedingsID)
	if err != nil {
		return err
	}
	if err := t.updateVersioned(ctx, "proceedings", "proceedings", before.ID, before.Version,
		`final_hearing = NULL, final_order = ''`); err != nil {
		return err
	}
	after := before
	after.FinalHearing, after.FinalOrder, after.Version = nil, "", before.Version+1
	return t.record("proceedings", before.ID, "reopen", before, after, "Final hearing entered in error")
}
