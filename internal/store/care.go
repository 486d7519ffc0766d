package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const careEpisodeColumns = `id, child_id, start_date, reason, category_of_need, iro, end_date, end_reason,
	prev_perm, prev_perm_la, prev_perm_date, version`

func scanCareEpisode(r rowScanner) (casework.CareEpisode, error) {
	var e casework.CareEpisode
	var start, end dateCol
	err := r.Scan(&e.ID, &e.ChildID, &start, &e.Reason, &e.CategoryOfNeed, &e.IRO, &end, &e.EndReason,
		&e.PrevPerm, &e.PrevPermLA, &e.PrevPermDate, &e.Version)
	e.StartDate, e.EndDate = start.t, end.ptr()
	return e, err
}

const legalStatusColumns = `id, child_id, episode_id, start_date, code, version`

func scanLegalStatus(r rowScanner) (casework.LegalStatus, error) {
	var ls casework.LegalStatus
	var start dateCol
	err := r.Scan(&ls.ID, &ls.ChildID, &ls.EpisodeID, &start, &ls.Code, &ls.Version)
	ls.StartDate = start.t
	return ls, err
}

const placementColumns = `id, child_id, episode_id, start_date, end_date, place_type, provider, postcode,
	distance_miles, in_area, school_move, change_reason, urn, version`

func scanPlacement(r rowScanner) (casework.Placement, error) {
	var p casework.Placement
	var start, end dateCol
	err := r.Scan(&p.ID, &p.ChildID, &p.EpisodeID, &start, &end, &p.Type, &p.Provider, &p.Postcode,
		&p.DistanceMiles, &p.InArea, &p.SchoolMove, &p.ChangeReason, &p.URN, &p.Version)
	p.StartDate, p.EndDate = start.t, end.ptr()
	return p, err
}

const careEventColumns = `id, child_id, episode_id, kind, held_on, iro, participation, notes, version`

func scanCareEvent(r rowScanner) (casework.CareEvent, error) {
	var e casework.CareEvent
	var on dateCol
	err := r.Scan(&e.ID, &e.ChildID, &e.EpisodeID, &e.Kind, &on, &e.IRO, &e.Participation, &e.Notes, &e.Version)
	e.Date = on.t
	return e, err
}

const familyTimeColumns = `id, child_id, episode_id, start_date, end_date, with_whom, frequency, supervised, version`

func scanFamilyTime(r rowScanner) (casework.FamilyTime, error) {
	var f casework.FamilyTime
	var start, end dateCol
	err := r.Scan(&f.ID, &f.ChildID, &f.EpisodeID, &start, &end, &f.With, &f.Frequency, &f.Supervised, &f.Version)
	f.StartDate, f.EndDate = start.t, end.ptr()
	return f, err
}

// tidyPlacement normalises what a person typed into a placement.
func tidyPlacement(p *casework.Placement) {
	p.Type, p.Provider = casework.NormaliseCode(p.Type), casework.NormaliseCode(p.Provider)
	p.Postcode, p.URN = casework.NormalisePostcode(p.Postcode), casework.NormaliseURN(p.URN)
	p.DistanceMiles = float64(int64(p.DistanceMiles*10+0.5)) / 10 // DfE's PL_DISTANCE is to 0.1 mile
}

// StartCare brings a child into care: a period of care starting on
// cs.Episode.StartDate with reason S, its first legal status and its first
// placement from that day, in one write (CheckStartCare).
func (s *Store) StartCare(ctx context.Context, actor Actor, cs casework.CareStart) (casework.CareStart, error) {
	ep := &cs.Episode
	ep.Reason, ep.CategoryOfNeed, ep.IRO = "S", casework.NormaliseCode(ep.CategoryOfNeed), strings.TrimSpace(ep.IRO)
	tidyPreviousPermanence(ep)
	cs.LegalStatus.Code = casework.NormaliseCode(cs.LegalStatus.Code)
	cs.LegalStatus.ChildID, cs.Placement.ChildID = ep.ChildID, ep.ChildID
	tidyPlacement(&cs.Placement)
	ep.Version, cs.LegalStatus.Version, cs.Placement.Version = 1, 1, 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, ep.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckStartCare(cs, calendar.Today(tx.now)); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO care_episodes (child_id, start_date, reason, category_of_need, iro,
			prev_perm, prev_perm_la, prev_perm_date, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			ep.ChildID, day(ep.StartDate), ep.Reason, ep.CategoryOfNeed, ep.IRO, ep.PrevPerm, ep.PrevPermLA,
			ep.PrevPermDate, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert care episode: %w", err)
		}
		ep.ID, cs.LegalStatus.EpisodeID, cs.Placement.EpisodeID = id, id, id
		if err := tx.record("care_episode", id, "create", nil, *ep, ""); err != nil {
			return err
		}
		if err := tx.insertLegalStatus(ctx, &cs.LegalStatus); err != nil {
			return err
		}
		return tx.insertPlacement(ctx, &cs.Placement)
	})
	if err != nil {
		return cs, fmt.Errorf("store: bring child %d into care: %w", ep.ChildID, err)
	}
	return cs, nil
}

func (t *Tx) insertLegalStatus(ctx context.Context, ls *casework.LegalStatus) error {
	id, err := t.insert(ctx, `INSERT INTO care_legal_statuses (child_id, episode_id, start_date, code, updated_at,
		updated_by) VALUES (?,?,?,?,?,?)`, ls.ChildID, ls.EpisodeID, day(ls.StartDate), ls.Code, t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert legal status: %w", err)
	}
	ls.ID = id
	return t.record("legal_status", id, "create", nil, *ls, "")
}

func (t *Tx) insertPlacement(ctx context.Context, p *casework.Placement) error {
	if err := t.checkURN(ctx, *p); err != nil {
		return err
	}
	id, err := t.insert(ctx, `INSERT INTO care_placements (child_id, episode_id, start_date, place_type, provider,
		postcode, distance_miles, in_area, school_move, urn, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		p.ChildID, p.EpisodeID, day(p.StartDate), p.Type, p.Provider, p.Postcode, p.DistanceMiles, p.InArea,
		p.SchoolMove, p.URN, t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert placement: %w", err)
	}
	p.ID = id
	return t.record("placement", id, "create", nil, *p, "")
}

// ChangeLegalStatus records a new legal status of the open period of care
// from ls.StartDate (CheckLegalStatus); the previous one ends that day.
func (s *Store) ChangeLegalStatus(ctx context.Context, actor Actor, ls casework.LegalStatus) (casework.LegalStatus, error) {
	ls.Code, ls.Version = casework.NormaliseCode(ls.Code), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, ls.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckLegalStatus(ls, calendar.Today(tx.now)); err != nil {
			return err
		}
		ls.EpisodeID = cf.OpenCareEpisode().ID
		return tx.insertLegalStatus(ctx, &ls)
	})
	if err != nil {
		return ls, fmt.Errorf("store: change legal status of child %d: %w", ls.ChildID, err)
	}
	return ls, nil
}

// MovePlacement moves a looked-after child: the current placement ends on
// p.StartDate with the reason for the change, and p starts that day
// (CheckPlacementMove).
func (s *Store) MovePlacement(ctx context.Context, actor Actor, p casework.Placement, reason string) (casework.Placement, error) {
	tidyPlacement(&p)
	reason, p.Version = casework.NormaliseCode(reason), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, p.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckPlacementMove(p, reason, calendar.Today(tx.now)); err != nil {
			return err
		}
		p.EpisodeID = cf.OpenCareEpisode().ID
		if cur := cf.CurrentPlacement(); cur != nil {
			if err := tx.endPlacement(ctx, *cur, p.StartDate, reason); err != nil {
				return err
			}
		}
		return tx.insertPlacement(ctx, &p)
	})
	if err != nil {
		return p, fmt.Errorf("store: move placement of child %d: %w", p.ChildID, err)
	}
	return p, nil
}

func (t *Tx) endPlacement(ctx context.Context, before casework.Placement, on time.Time, reason string) error {
	after := before
	after.EndDate, after.ChangeReason, after.Version = &on, reason, before.Version+1
	if err := t.updateVersioned(ctx, "care_placements", "placement", before.ID, before.Version,
		`end_date = ?, change_reason = ?`, day(on), reason); err != nil {
		return err
	}
	return t.record("placement", before.ID, "end", before, after, reason)
}

// RecordCareEvent records a care plan, review, health assessment, dental
// check or PEP in the open period of care (CheckCareEvent). A review's IRO
// becomes the episode's IRO.
func (s *Store) RecordCareEvent(ctx context.Context, actor Actor, e casework.CareEvent) (casework.CareEvent, error) {
	e.Kind, e.IRO, e.Version = strings.TrimSpace(e.Kind), strings.TrimSpace(e.IRO), 1
	e.Participation, e.Notes = casework.NormaliseCode(e.Participation), strings.TrimRight(e.Notes, " \t\r\n")
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, e.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckCareEvent(e, calendar.Today(tx.now)); err != nil {
			return err
		}
		ep := *cf.OpenCareEpisode()
		e.EpisodeID = ep.ID
		id, err := tx.insert(ctx, `INSERT INTO care_events (child_id, episode_id, kind, held_on, iro, participation,
			notes, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, e.ChildID, e.EpisodeID, e.Kind, day(e.Date),
			e.IRO, e.Participation, e.Notes, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert care event: %w", err)
		}
		e.ID = id
		if err := tx.record("care_event", id, "create", nil, e, ""); err != nil {
			return err
		}
		if e.Kind != casework.CareReview || e.IRO == ep.IRO {
			return nil
		}
		after := ep
		after.IRO, after.Version = e.IRO, ep.Version+1
		if err := tx.updateVersioned(ctx, "care_episodes", "care episode", ep.ID, ep.Version, `iro = ?`, e.IRO); err != nil {
			return err
		}
		return tx.record("care_episode", ep.ID, "iro", ep, after, "Chaired the review of "+calendar.FormatDate(e.Date))
	})
	if err != nil {
		return e, fmt.Errorf("store: record %s for child %d: %w", e.Kind, e.ChildID, err)
	}
	return e, nil
}

// RecordFamilyTime records a family-time (contact) arrangement in the open
// period of care (CheckFamilyTime).
func (s *Store) RecordFamilyTime(ctx context.Context, actor Actor, f casework.FamilyTime) (casework.FamilyTime, error) {
	f.With, f.Frequency, f.Version = strings.TrimSpace(f.With), strings.TrimSpace(f.Frequency), 1
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, f.ChildID)
		if err != nil {
			return err
		}
		if err := cf.CheckFamilyTime(f, calendar.Today(tx.now)); err != nil {
			return err
		}
		f.EpisodeID = cf.OpenCareEpisode().ID
		id, err := tx.insert(ctx, `INSERT INTO family_time (child_id, episode_id, start_date, with_whom, frequency,
			supervised, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, f.ChildID, f.EpisodeID, day(f.StartDate),
			f.With, f.Frequency, f.Supervised, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert family time: %w", err)
		}
		f.ID = id
		return tx.record("family_time", id, "create", nil, f, "")
	})
	if err != nil {
		return f, fmt.Errorf("store: record family time for child %d: %w", f.ChildID, err)
	}
	return f, nil
}

// EndCare ends the child's open period of care (version is the episode's,
// as the user read it) on end with reason (CheckEndCare); the current
// placement and any open family-time arrangements end that day too.
func (s *Store) EndCare(ctx context.Context, actor Actor, childID int64, version int, end time.Time, reason string) error {
	reason = casework.NormaliseCode(reason)
	err := s.write(ctx, actor, func(tx *Tx) error {
		cf, err := tx.caseFile(ctx, childID)
		if err != nil {
			return err
		}
		ep := cf.OpenCareEpisode()
		if ep != nil {
			if err := tx.fresh(ctx, "care_episodes", "care episode", ep.ID, version, ep.Version); err != nil {
				return err
			}
		}
		if err := cf.CheckEndCare(end, reason, calendar.Today(tx.now)); err != nil {
			return err
		}
		if err := tx.updateVersioned(ctx, "care_episodes", "care episode", ep.ID, version,
			`end_date = ?, end_reason = ?`, day(end), reason); err != nil {
			return err
		}
		after := *ep
		after.EndDate, after.EndReason, after.Version = &end, reason, version+1
		if err := tx.record("care_episode", ep.ID, "end", *ep, after, reason); err != nil {
			return err
		}
		if p := cf.CurrentPlacement(); p != nil {
			if err := tx.endPlacement(ctx, *p, end, ""); err != nil {
				return err
			}
		}
		return tx.endFamilyTime(ctx, cf, ep.ID, end)
	})
	if err != nil {
		return fmt.Errorf("store: end care of child %d: %w", childID, err)
	}
	return nil
}

// endFamilyTime ends the episode's open family-time arrangements.
func (t *Tx) endFamilyTime(ctx context.Context, cf casework.CaseFile, episodeID int64, end time.Time) error {
	for _, f := range cf.FamilyTime {
		if f.EpisodeID != episodeID || f.EndDate != nil {
			continue
		}
		if err := t.updateVersioned(ctx, "family_time", "family time", f.ID, f.Version, `end_date = ?`, day(end)); err != nil {
			return err
		}
		after := f
		after.EndDate, after.Version = &end, f.Version+1
		if err := t.record("family_time", f.ID, "end", f, after, "The period of care ended"); err != nil {
			return err
		}
	}
	return nil
}
