package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/casework"
)

// recordKind is a kind of record that can be marked as entered in error:
// its table, the column naming the child it belongs to, and what the
// confirmation page shows of it. Its name (the key of recordKinds) is the
// history's entity name, so the event of marking it sits beside the
// record's own history.
type recordKind struct {
	table string
	what  string // its name in messages: "missing episode"
	// owner is the column naming the child the record belongs to; "" for
	// the improvement plan's records, which belong to no child.
	owner string
	// date and summary are SQL over the table saying when and what the
	// record was, for the confirmation page.
	date, summary string
	// dependents must be marked first, so nothing is left pointing at a
	// record struck out.
	dependents []dependent
	// also changes what follows from the record (a final hearing's
	// proceedings), inside the same write.
	also func(ctx context.Context, t *Tx, id int64) error
}

// dependent is a table whose column points at the record.
type dependent struct{ table, column, what string }

// recordKinds are every kind of record MarkInError accepts.
var recordKinds = map[string]recordKind{
	// missing and exploitation
	"missing_episode": {table: "missing_episodes", what: "missing episode", owner: "child_id", date: "start_date",
		summary:    `CASE WHEN missing_from = 'care' THEN 'Missing from care' ELSE 'Missing from home' END`,
		dependents: []dependent{{"return_interviews", "episode_id", "its return interview"}}},
	"return_interview": {table: "return_interviews", what: "return interview", owner: "child_id", date: "offered_on",
		summary: `CASE WHEN declined THEN 'Return home interview declined' WHEN held_on IS NULL THEN 'Return home interview offered'
			ELSE 'Return home interview held' END`},
	"exploitation_screening": {table: "exploitation_screenings", what: "exploitation screening", owner: "child_id",
		date: "screened_on", summary: `'Exploitation screening: ' || ` + labelSQL("risk_level", screeningPhrases)},
	// court work
	"pre_proceedings": {table: "pre_proceedings", what: "pre-proceedings", owner: "child_id", date: "start_date",
		summary:    `'Pre-proceedings'`,
		dependents: []dependent{{"plo_events", "plo_id", "its letters and meetings"}}},
	"plo_event": {table: "plo_events", what: "pre-proceedings letter or meeting", owner: "child_id", date: "held_on",
		summary: labelSQL("kind", casework.PLOEventKinds())},
	"proceedings": {table: "proceedings", what: "proceedings", owner: "child_id", date: "issued_on",
		summary: `'Care proceedings: ' || ` + labelSQL("application", casework.ApplicationTypes()) + ` || ', ' || court`,
		dependents: []dependent{{"hearings", "proceedings_id", "their hearings"},
			{"proceedings_extensions", "proceedings_id", "their extensions"}}},
	"proceedings_extension": {table: "proceedings_extensions", what: "extension of the timetable", owner: "child_id",
		date: "granted_on", summary: `'Timetable extended by ' || weeks || ' weeks: ' || reason`},
	"hearing": {table: "hearings", what: "hearing", owner: "child_id", date: "held_on",
		summary: labelSQL("kind", casework.HearingKinds()), also: reopenAtFinalInError},
	// children in care
	"care_episode": {table: "care_episodes", what: "period of care", owner: "child_id", date: "start_date",
		summary: `'Became looked after: ' || ` + labelSQL("category_of_need", casework.NeedCategories()),
		dependents: []dependent{{"care_legal_statuses", "episode_id", "its legal statuses"},
			{"care_placements", "episode_id", "its placements"}, {"care_events", "episode_id", "its reviews, plans and checks"},
			{"family_time", "episode_id", "its family-time arrangements"}}},
	"legal_status": {table: "care_legal_statuses", what: "legal status", owner: "child_id", date: "start_date",
		summary: `'Legal status: ' || ` + labelSQL("code", casework.LegalStatuses())},
	"placement": {table: "care_placements", what: "placement", owner: "child_id", date: "start_date",
		summary: `'Placement: ' || ` + labelSQL("place_type", casework.PlacementTypes()) + ` || ', ' || postcode`},
	"care_event": {table: "care_events", what: "care record", owner: "child_id", date: "held_on",
		summary: labelSQL("kind", casework.CareEventKinds())},
	"care_outcome": {table: "care_outcomes", what: "health or outcome record", owner: "child_id", date: "event_date",
		summary: labelSQL("kind", casework.OutcomeKinds())},
	"family_time": {table: "family_time", what: "family-time arrangement", owner: "child_id", date: "start_date",
		summary: `'Family time with ' || with_whom`},
	// leaving care and permanence
	"care_leaver": {table: "care_leavers", what: "care leaver record", owner: "child_id", date: "from_date",
		summary: `'Care leaver: ' || ` + labelSQL("category", casework.LeaverCategories())},
	"pathway_record": {table: "pathway_records", what: "pathway plan", owner: "child_id", date: "held_on",
		summary: labelSQL("kind", casework.PathwayKinds())},
	"leaver_contact": {table: "leaver_contacts", what: "care leaver contact", owner: "child_id", date: "contact_date",
		summary: `CASE WHEN birthday > 0 THEN 'Birthday record, age ' || birthday ELSE 'Contact with the care leaver' END`},
	"permanence_plan": {table: "permanence_plans", what: "permanence plan", owner: "child_id", date: "decided_on",
		summary: `'Permanence plan: ' || ` + labelSQL("plan", casework.PermanencePlanTypes())},
	// the improvement plan: a recommendation struck out takes its actions
	// out of the plan with it, as the plan lists only those of live ones.
	"improvement_recommendation": {table: "improvement_recommendations", what: "recommendation", date: "inspection_date",
		summary: "text"},
	"improvement_action":   {table: "improvement_actions", what: "action", date: "due_date", summary: "description"},
	"improvement_evidence": {table: "improvement_evidence", what: "evidence", date: "NULL", summary: "summary"},
	"improvement_note":     {table: "improvement_notes", what: "progress note", date: "note_date", summary: "text"},
}

// CorrectableKind reports whether kind names a record MarkInError accepts.
func CorrectableKind(kind string) bool {
	_, ok := recordKinds[kind]
	return ok
}

// Correctable is a record as the page that marks it in error shows it.
type Correctable struct {
	Kind        string // its history entity name
	What        string // its name: "missing episode"
	ID, ChildID int64
	Date        *time.Time
	Summary     string
	Version     int
	ErrorReason string
	UpdatedBy   string
	UpdatedAt   time.Time
}

// Correctable reads one record of a child (childID 0 for a record of no
// child) for the page that marks it in error; another child's record is
// casework.ErrNotFound.
func (s *Store) Correctable(ctx context.Context, kind string, childID, id int64) (Correctable, error) {
	k, ok := recordKinds[kind]
	if !ok {
		return Correctable{}, fmt.Errorf("store: %q %d: no such kind of record: %w", kind, id, casework.ErrNotFound)
	}
	c := Correctable{Kind: kind, What: k.what, ID: id}
	owner := "0"
	if k.owner != "" {
		owner = k.owner
	}
	var d dateCol
	var at tsCol
	err := s.queryRow(ctx, `SELECT `+owner+`, `+k.date+`, `+k.summary+`, version, error_reason, updated_by, updated_at
		FROM `+k.table+` WHERE id = ?`, id).Scan(&c.ChildID, &d, &c.Summary, &c.Version, &c.ErrorReason, &c.UpdatedBy, &at)
	if err == nil && c.ChildID != childID {
		err = fmt.Errorf("%s %d is not child %d's: %w", k.what, id, childID, casework.ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("store: %w", notFound(err, k.what, id))
	}
	c.Date, c.UpdatedAt = d.ptr(), at.t
	return c, nil
}

// MarkInError marks one record as entered in error with the reason,
// refusing a stale version (the one the user read), a record that is not
// the child's, one already marked, and one whose dependent records are
// still in use. The record stays, struck through on the chronology; it
// leaves the case file, the timescales, the views and the indicators.
// childID is 0 for the improvement plan's records, which belong to no
// child. The history event names the child, so the indicators read that
// child again rather than everything.
func (s *Store) MarkInError(ctx context.Context, actor Actor, kind string, childID, id int64, version int, reason string) error {
	reason = strings.TrimSpace(reason)
	k, ok := recordKinds[kind]
	switch {
	case !ok:
		return fmt.Errorf("store: mark %q %d in error: no such kind of record: %w", kind, id, casework.ErrNotFound)
	case reason == "":
		return casework.Invalid("reason", "Enter why the "+k.what+" was entered in error")
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if k.owner != "" {
			if err := tx.lockChild(ctx, childID); err != nil {
				return err
			}
		}
		if err := tx.markable(ctx, k, childID, id, version); err != nil {
			return err
		}
		if k.also != nil {
			if err := k.also(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := tx.updateVersioned(ctx, k.table, k.what, id, version, `error_reason = ?`, reason); err != nil {
			return err
		}
		before := map[string]any{"ID": id, "Version": version}
		after := map[string]any{"ID": id, "Version": version + 1, "ErrorReason": reason}
		if k.owner != "" {
			before["ChildID"], after["ChildID"] = childID, childID
		}
		return tx.record(kind, id, "error", before, after, reason)
	})
	if err != nil {
		return fmt.Errorf("store: mark %s %d in error: %w", k.what, id, err)
	}
	return nil
}

// markable checks the record may be marked in error now.
func (t *Tx) markable(ctx context.Context, k recordKind, childID, id int64, version int) error {
	owner := "0"
	if k.owner != "" {
		owner = k.owner
	}
	var current int
	var was string
	var belongs int64
	if err := t.queryRow(ctx, `SELECT `+owner+`, version, error_reason FROM `+k.table+` WHERE id = ?`, id).
		Scan(&belongs, &current, &was); err != nil {
		return notFound(err, k.what, id)
	}
	if belongs != childID {
		return fmt.Errorf("%s %d is not child %d's: %w", k.what, id, childID, casework.ErrNotFound)
	}
	if err := t.fresh(ctx, k.table, k.what, id, version, current); err != nil {
		return err
	}
	if was != "" {
		return casework.Invalid("reason", "The "+k.what+" is already marked as entered in error")
	}
	for _, d := range k.dependents {
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM `+d.table+` WHERE `+d.column+` = ? AND error_reason = ''`, id).Scan(&n); err != nil {
			return fmt.Errorf("count %s: %w", d.table, err)
		}
		if n > 0 {
			return casework.Invalid("reason", "Mark "+d.what+" as entered in error first")
		}
	}
	return nil
}

// reopenAtFinalInError: when the hearing is the final hearing of its
// proceedings, the proceedings are open again.
func reopenAtFinalInError(ctx context.Context, t *Tx, hearingID int64) error {
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
