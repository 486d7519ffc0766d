package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Corrections of a period of care's records saved wrongly: each is made
// from the version the user read (a stale one is refused naming who saved
// since), checked against the rest of the record as it is now, and kept
// in the history with the record before and after.

// CorrectPlacement corrects a placement's details (its type, provider,
// postcode, distance, area, school move and Ofsted URN) at p.Version
// (CheckPlacementCorrection).
func (s *Store) CorrectPlacement(ctx context.Context, actor Actor, p casework.Placement) (casework.Placement, error) {
	tidyPlacement(&p)
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		before := cf.FindPlacement(p.ID)
		if before == nil {
			return fmt.Errorf("placement %d of child %d: %w", p.ID, p.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "care_placements", "placement", p.ID, p.Version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckPlacementCorrection(p); err != nil {
			return err
		}
		if err := tx.checkURN(ctx, p); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_placements", "placement", p.ID, p.Version,
			`place_type = ?, provider = ?, postcode = ?, distance_miles = ?, in_area = ?, school_move = ?, urn = ?`,
			p.Type, p.Provider, p.Postcode, p.DistanceMiles, p.InArea, p.SchoolMove, p.URN); err != nil {
			return err
		}
		p.Version++
		return tx.record("placement", p.ID, "correct", *before, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: correct placement %d: %w", p.ID, err)
	}
	return p, nil
}

// CorrectLegalStatus corrects a legal status's code or start date at
// ls.Version (CheckLegalStatusCorrection).
func (s *Store) CorrectLegalStatus(ctx context.Context, actor Actor, ls casework.LegalStatus) (casework.LegalStatus, error) {
	ls.Code = casework.NormaliseCode(ls.Code)
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, ls.ChildID)
		if err != nil {
			return err
		}
		before := cf.FindLegalStatus(ls.ID)
		if before == nil {
			return fmt.Errorf("legal status %d of child %d: %w", ls.ID, ls.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "care_legal_statuses", "legal status", ls.ID, ls.Version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckLegalStatusCorrection(ls, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_legal_statuses", "legal status", ls.ID, ls.Version,
			`code = ?, start_date = ?`, ls.Code, day(ls.StartDate)); err != nil {
			return err
		}
		ls.Version++
		return tx.record("legal_status", ls.ID, "correct", *before, ls, "")
	})
	if err != nil {
		return ls, fmt.Errorf("store: correct legal status %d: %w", ls.ID, err)
	}
	return ls, nil
}

// CorrectCareEvent corrects the date, chair, participation or notes of a
// care plan, review, health assessment, dental check or PEP at e.Version
// (CheckCareEventCorrection).
func (s *Store) CorrectCareEvent(ctx context.Context, actor Actor, e casework.CareEvent) (casework.CareEvent, error) {
	e.IRO, e.Participation = strings.TrimSpace(e.IRO), casework.NormaliseCode(e.Participation)
	e.Notes = strings.TrimRight(e.Notes, " \t\r\n")
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		before := cf.FindCareEvent(e.ID)
		if before == nil {
			return fmt.Errorf("care record %d of child %d: %w", e.ID, e.ChildID, casework.ErrNotFound)
		}
		if err := tx.fresh(ctx, "care_events", "care record", e.ID, e.Version, before.Version); err != nil {
			return err
		}
		if err := cf.CheckCareEventCorrection(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_events", "care record", e.ID, e.Version,
			`held_on = ?, iro = ?, participation = ?, notes = ?`, day(e.Date), e.IRO, e.Participation, e.Notes); err != nil {
			return err
		}
		e.Version++
		return tx.record("care_event", e.ID, "correct", *before, e, "")
	})
	if err != nil {
		return e, fmt.Errorf("store: correct care record %d: %w", e.ID, err)
	}
	return e, nil
}
