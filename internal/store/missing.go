package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const missingColumns = `id, child_id, missing_from, kind, start_date, end_date, reported_to_police, where_found, version`

func scanMissing(r rowScanner) (casework.MissingEpisode, error) {
	var e casework.MissingEpisode
	var start, end dateCol
	err := r.Scan(&e.ID, &e.ChildID, &e.From, &e.Kind, &start, &end, &e.ReportedToPolice, &e.WhereFound, &e.Version)
	e.StartDate, e.EndDate = start.t, end.ptr()
	return e, err
}

const interviewColumns = `id, child_id, episode_id, offered_on, held_on, declined, held_by, notes, version`

func scanInterview(r rowScanner) (casework.ReturnInterview, error) {
	var ri casework.ReturnInterview
	var offered, held dateCol
	err := r.Scan(&ri.ID, &ri.ChildID, &ri.EpisodeID, &offered, &held, &ri.Declined, &ri.HeldBy, &ri.Notes, &ri.Version)
	ri.OfferedOn, ri.HeldOn = offered.t, held.ptr()
	return ri, err
}

const screeningColumns = `id, child_id, screened_on, kinds, risk_level, review_date, lead, notes, version`

func scanScreening(r rowScanner) (casework.ExploitationScreening, error) {
	var s casework.ExploitationScreening
	var on, review dateCol
	var kinds string
	err := r.Scan(&s.ID, &s.ChildID, &on, &kinds, &s.Level, &review, &s.Lead, &s.Notes, &s.Version)
	s.Date, s.ReviewDate, s.Kinds = on.t, review.ptr(), splitCodes(kinds)
	return s, err
}

// RecordMissingEpisode records that a child went missing (and, when
// EndDate is set, that they came back). An episode that starts while
// another is open, or overlaps one, is refused (CheckMissingEpisode).
func (s *Store) RecordMissingEpisode(ctx context.Context, actor Actor, e casework.MissingEpisode) (casework.MissingEpisode, error) {
	e.From, e.Kind = strings.TrimSpace(e.From), casework.NormaliseCode(e.Kind)
	e.WhereFound, e.Version, e.ID = strings.TrimSpace(e.WhereFound), 1, 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckMissingEpisode(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO missing_episodes (child_id, missing_from, kind, start_date, end_date,
			reported_to_police, where_found, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, e.ChildID, e.From, e.Kind,
			day(e.StartDate), dayPtr(e.EndDate), e.ReportedToPolice, e.WhereFound, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert missing episode: %w", err)
		}
		e.ID = id
		return tx.record("missing_episode", id, "create", nil, e, "")
	})
	if err != nil {
		return e, fmt.Errorf("store: record missing episode for child %d: %w", e.ChildID, err)
	}
	return e, nil
}

// RecordMissingReturn records the child's return from an open missing
// episode: the day, where they were found, and whether the police were
// told (a report made while missing stays recorded).
func (s *Store) RecordMissingReturn(ctx context.Context, actor Actor, id int64, version int, returned time.Time,
	whereFound string, reportedToPolice bool) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanMissing, "missing episode", `SELECT `+missingColumns+` FROM missing_episodes WHERE id = ?`, id)
		if err != nil {
			return err
		}
		cf, err := tx.caseFile(ctx, before.ChildID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "missing_episodes", "missing episode", id, version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckMissingReturn(id, returned, calendar.Today(tx.now)); err != nil {
			return err
		}
		after := before
		after.EndDate, after.WhereFound = &returned, strings.TrimSpace(whereFound)
		after.ReportedToPolice = before.ReportedToPolice || reportedToPolice
		if err := tx.updateVersioned(ctx, "missing_episodes", "missing episode", id, version,
			`end_date = ?, where_found = ?, reported_to_police = ?`, day(returned), after.WhereFound, after.ReportedToPolice); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("missing_episode", id, "return", before, after, "")
	})
	if err != nil {
		return fmt.Errorf("store: record return from missing episode %d: %w", id, err)
	}
	return nil
}

// RecordReturnInterview records the offer of a return home interview after
// an episode, and, if it has happened, when it was held or that the child
// declined. One per episode; never before the child's return.
func (s *Store) RecordReturnInterview(ctx context.Context, actor Actor, ri casework.ReturnInterview) (casework.ReturnInterview, error) {
	ri.HeldBy, ri.Notes, ri.Version, ri.ID = strings.TrimSpace(ri.HeldBy), strings.TrimRight(ri.Notes, " \t\r\n"), 1, 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, ri.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckReturnInterview(ri, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO return_interviews (child_id, episode_id, offered_on, held_on, declined, held_by,
			notes, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, ri.ChildID, ri.EpisodeID, day(ri.OfferedOn),
			dayPtr(ri.HeldOn), ri.Declined, ri.HeldBy, ri.Notes, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert return interview: %w", err)
		}
		ri.ID = id
		return tx.record("return_interview", id, "create", nil, ri, "")
	})
	if err != nil {
		return ri, fmt.Errorf("store: record return interview for child %d: %w", ri.ChildID, err)
	}
	return ri, nil
}

// CompleteReturnInterview records that an offered interview was held (on
// held, by whom) or declined, with notes.
func (s *Store) CompleteReturnInterview(ctx context.Context, actor Actor, id int64, version int, held *time.Time,
	declined bool, heldBy, notes string) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanInterview, "return interview", `SELECT `+interviewColumns+` FROM return_interviews WHERE id = ?`, id)
		if err != nil {
			return err
		}
		cf, err := tx.caseFile(ctx, before.ChildID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "return_interviews", "return interview", id, version, before.Version); err != nil {
			return err
		}
		switch {
		case before.HeldOn != nil || before.Declined:
			return casework.Invalid("held_on", "The interview's outcome was already recorded")
		case held == nil && !declined:
			return casework.Invalid("held_on", "Enter the date the interview was held, or record that the child declined it")
		}
		after := before
		after.HeldOn, after.Declined = held, declined
		after.HeldBy, after.Notes = strings.TrimSpace(heldBy), strings.TrimRight(notes, " \t\r\n")
		if err := cf.CheckReturnInterview(after, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "return_interviews", "return interview", id, version,
			`held_on = ?, declined = ?, held_by = ?, notes = ?`, dayPtr(held), declined, after.HeldBy, after.Notes); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("return_interview", id, "complete", before, after, "")
	})
	if err != nil {
		return fmt.Errorf("store: complete return interview %d: %w", id, err)
	}
	return nil
}

// RecordScreening records an exploitation risk screening. It replaces
// the child's last one as the current screening, and is that one's review.
func (s *Store) RecordScreening(ctx context.Context, actor Actor, sc casework.ExploitationScreening) (casework.ExploitationScreening, error) {
	var kinds []string
	for _, k := range sc.Kinds {
		if k = strings.TrimSpace(k); k != "" {
			kinds = append(kinds, k)
		}
	}
	sc.Kinds, sc.Level, sc.Lead = kinds, strings.TrimSpace(sc.Level), strings.TrimSpace(sc.Lead)
	sc.Notes, sc.Version, sc.ID = strings.TrimRight(sc.Notes, " \t\r\n"), 1, 0
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, sc.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckScreening(sc, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO exploitation_screenings (child_id, screened_on, kinds, risk_level, review_date,
			lead, notes, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, sc.ChildID, day(sc.Date),
			strings.Join(sc.Kinds, ","), sc.Level, dayPtr(sc.ReviewDate), sc.Lead, sc.Notes, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert exploitation screening: %w", err)
		}
		sc.ID = id
		return tx.record("exploitation_screening", id, "create", nil, sc, "")
	})
	if err != nil {
		return sc, fmt.Errorf("store: record exploitation screening for child %d: %w", sc.ChildID, err)
	}
	return sc, nil
}
