package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const careLeaverColumns = `id, child_id, category, from_date, care_started, care_ended, adviser, adviser_from,
	services_ended, version`

func scanCareLeaver(r rowScanner) (casework.CareLeaver, error) {
	var c casework.CareLeaver
	var from, started, ended, adviserFrom, servicesEnded dateCol
	err := r.Scan(&c.ID, &c.ChildID, &c.Category, &from, &started, &ended, &c.Adviser, &adviserFrom, &servicesEnded, &c.Version)
	c.From, c.CareStarted, c.CareEnded = from.t, started.ptr(), ended.ptr()
	c.AdviserFrom, c.ServicesEnded = adviserFrom.ptr(), servicesEnded.ptr()
	return c, err
}

const pathwayColumns = `id, child_id, kind, held_on, version`

func scanPathway(r rowScanner) (casework.PathwayRecord, error) {
	var p casework.PathwayRecord
	var on dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.Kind, &on, &p.Version)
	p.Date = on.t
	return p, err
}

const leaverContactColumns = `id, child_id, contact_date, birthday, in_touch, activity, accom, version`

func scanLeaverContact(r rowScanner) (casework.LeaverContact, error) {
	var c casework.LeaverContact
	var on dateCol
	err := r.Scan(&c.ID, &c.ChildID, &on, &c.Birthday, &c.InTouch, &c.Activity, &c.Accom, &c.Version)
	c.Date = on.t
	return c, err
}

// SaveCareLeaver records a young person's leaving-care status: a new
// record when cl.ID is 0 (one per young person), otherwise a change to
// the record at cl.Version, refused if someone saved it since.
func (s *Store) SaveCareLeaver(ctx context.Context, actor Actor, cl casework.CareLeaver) (casework.CareLeaver, error) {
	cl.Adviser = strings.TrimSpace(cl.Adviser)
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, cl.ChildID)
		if err != nil {
			return err
		}
		if cl.ID != 0 {
			return tx.updateCareLeaver(ctx, cf, &cl)
		}
		if cf.Leaver != nil {
			return casework.Invalid("category", "The young person already has a care leaver record: change that one")
		}
		if err := cl.Validate(cf.Child.DateOfBirth, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO care_leavers (child_id, category, from_date, care_started, care_ended, adviser,
			adviser_from, services_ended, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			cl.ChildID, cl.Category, day(cl.From), dayPtr(cl.CareStarted), dayPtr(cl.CareEnded), cl.Adviser,
			dayPtr(cl.AdviserFrom), dayPtr(cl.ServicesEnded), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert care leaver: %w", err)
		}
		cl.ID, cl.Version = id, 1
		return tx.record("care_leaver", id, "create", nil, cl, "")
	})
	if err != nil {
		return cl, fmt.Errorf("store: care leaver record of child %d: %w", cl.ChildID, err)
	}
	return cl, nil
}

func (t *Tx) updateCareLeaver(ctx context.Context, cf casework.CaseFile, cl *casework.CareLeaver) error {
	if cf.Leaver == nil || cf.Leaver.ID != cl.ID {
		return fmt.Errorf("care leaver %d of child %d: %w", cl.ID, cl.ChildID, casework.ErrNotFound)
	}
	before := *cf.Leaver
	if err := t.fresh(ctx, "care_leavers", "care leaver record", cl.ID, cl.Version, before.Version); err != nil {
		return err
	}
	if err := cl.Validate(cf.Child.DateOfBirth, calendar.Today(t.now)); err != nil {
		return err
	}
	if err := t.updateVersioned(ctx, "care_leavers", "care leaver record", cl.ID, cl.Version,
		`category = ?, from_date = ?, care_started = ?, care_ended = ?, adviser = ?, adviser_from = ?, services_ended = ?`,
		cl.Category, day(cl.From), dayPtr(cl.CareStarted), dayPtr(cl.CareEnded), cl.Adviser, dayPtr(cl.AdviserFrom),
		dayPtr(cl.ServicesEnded)); err != nil {
		return err
	}
	cl.Version++
	return t.record("care_leaver", cl.ID, "update", before, *cl, "")
}

// RecordPathway records a pathway plan, or a review of it.
func (s *Store) RecordPathway(ctx context.Context, actor Actor, p casework.PathwayRecord) (casework.PathwayRecord, error) {
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckPathway(p, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO pathway_records (child_id, kind, held_on, updated_at, updated_by)
			VALUES (?,?,?,?,?)`, p.ChildID, p.Kind, day(p.Date), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert pathway plan: %w", err)
		}
		p.ID, p.Version = id, 1
		return tx.record("pathway_record", id, "create", nil, p, "")
	})
	if err != nil {
		return p, fmt.Errorf("store: pathway plan of child %d: %w", p.ChildID, err)
	}
	return p, nil
}

// RecordLeaverContact records contact with a care leaver, or the record
// of a birthday from the 17th to the 21st.
func (s *Store) RecordLeaverContact(ctx context.Context, actor Actor, c casework.LeaverContact) (casework.LeaverContact, error) {
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, c.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckLeaverContact(c, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO leaver_contacts (child_id, contact_date, birthday, in_touch, activity, accom,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, c.ChildID, day(c.Date), c.Birthday, c.InTouch, c.Activity, c.Accom,
			tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert care leaver contact: %w", err)
		}
		c.ID, c.Version = id, 1
		return tx.record("leaver_contact", id, "create", nil, c, "")
	})
	if err != nil {
		return c, fmt.Errorf("store: contact with care leaver %d: %w", c.ChildID, err)
	}
	return c, nil
}
