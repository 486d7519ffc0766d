package store

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/casework"
)

// CourtFilter chooses the court tracker: the cases in pre-proceedings or
// proceedings at the end of day AsAt, for one team or all.
type CourtFilter struct {
	AsAt   time.Time
	TeamID int64
}

// CourtCase is one child's court work as at the day asked: the
// pre-proceedings or the proceedings running (one or the other), their
// letters, meetings and hearings so far.
type CourtCase struct {
	Child       casework.Child
	Holder      Holder
	PLO         *casework.PreProceedings
	PLOEvents   []casework.PLOEvent
	Proceedings *casework.Proceedings
	Hearings    []casework.Hearing
	// Extensions are the court's extensions of the proceedings' 26 weeks
	// granted by AsAt (s.32(5)), which move their target.
	Extensions []casework.ProceedingsExtension
}

// ExtensionWeeks is how many weeks the extensions add to the 26.
func (c CourtCase) ExtensionWeeks() int {
	n := 0
	for _, e := range c.Extensions {
		n += e.Weeks
	}
	return n
}

// CourtTracker reads every case in pre-proceedings or proceedings on
// f.AsAt, proceedings first by issue date, then pre-proceedings by start.
// Dates recorded after AsAt are left out; the expected final hearing is
// the one recorded now (its earlier values are in the history).
func (s *Store) CourtTracker(ctx context.Context, f CourtFilter) ([]CourtCase, error) {
	on := day(f.AsAt)
	var procs []casework.Proceedings
	err := eachRow(ctx, s, scanProceedings, func(p casework.Proceedings) {
		if p.FinalHearing != nil && p.FinalHearing.After(f.AsAt) {
			p.FinalHearing, p.FinalOrder = nil, ""
		}
		procs = append(procs, p)
	}, `SELECT `+proceedingsColumns+` FROM proceedings WHERE error_reason = '' AND issued_on <= ?
		AND (final_hearing IS NULL OR final_hearing > ?) ORDER BY issued_on, id`, on, on)
	if err != nil {
		return nil, fmt.Errorf("store: proceedings on %s: %w", on, err)
	}
	var plos []casework.PreProceedings
	err = eachRow(ctx, s, scanPLO, func(p casework.PreProceedings) {
		if p.EndDate != nil && p.EndDate.After(f.AsAt) {
			p.EndDate, p.Outcome = nil, ""
		}
		plos = append(plos, p)
	}, `SELECT `+ploColumns+` FROM pre_proceedings WHERE error_reason = '' AND start_date <= ?
		AND (end_date IS NULL OR end_date > ?) ORDER BY start_date, id`, on, on)
	if err != nil {
		return nil, fmt.Errorf("store: pre-proceedings on %s: %w", on, err)
	}
	var ids []int64
	for _, p := range procs {
		ids = append(ids, p.ChildID)
	}
	for _, p := range plos {
		ids = append(ids, p.ChildID)
	}
	holders, err := holdersOf(ctx, s, f.AsAt, ids)
	if err != nil {
		return nil, fmt.Errorf("store: court tracker: %w", err)
	}
	byChild := map[int64]*CourtCase{}
	var order, procIDs, ploIDs []int64
	add := func(child int64) *CourtCase {
		if !holders[child].inTeam(f.TeamID) {
			return nil
		}
		if c, ok := byChild[child]; ok {
			return c
		}
		c := &CourtCase{Holder: holders[child]}
		byChild[child] = c
		order = append(order, child)
		return c
	}
	for i := range procs {
		if c := add(procs[i].ChildID); c != nil {
			c.Proceedings = &procs[i]
			procIDs = append(procIDs, procs[i].ID)
		}
	}
	for i := range plos {
		if c := add(plos[i].ChildID); c != nil && c.Proceedings == nil {
			c.PLO = &plos[i]
			ploIDs = append(ploIDs, plos[i].ID)
		}
	}
	if err := s.courtEvents(ctx, byChild, procIDs, ploIDs, f.AsAt); err != nil {
		return nil, err
	}
	children, err := childrenByID(ctx, s, order)
	if err != nil {
		return nil, fmt.Errorf("store: court tracker children: %w", err)
	}
	out := make([]CourtCase, 0, len(order))
	for _, id := range order {
		c := byChild[id]
		c.Child = children[id]
		out = append(out, *c)
	}
	return out, nil
}

// courtEvents fills in the hearings and extensions of the proceedings and
// the letters and meetings of the pre-proceedings, up to day asAt.
func (s *Store) courtEvents(ctx context.Context, byChild map[int64]*CourtCase, procIDs, ploIDs []int64, asAt time.Time) error {
	err := inChunks(procIDs, func(ph string, args []any) error {
		return eachRow(ctx, s, scanHearing, func(h casework.Hearing) {
			if c := byChild[h.ChildID]; c != nil && !h.Date.After(asAt) {
				c.Hearings = append(c.Hearings, h)
			}
		}, `SELECT `+hearingColumns+` FROM hearings WHERE error_reason = '' AND proceedings_id IN (`+ph+`)
			ORDER BY held_on, id`, args...)
	})
	if err != nil {
		return fmt.Errorf("store: hearings: %w", err)
	}
	err = inChunks(procIDs, func(ph string, args []any) error {
		return eachRow(ctx, s, scanExtension, func(e casework.ProceedingsExtension) {
			if c := byChild[e.ChildID]; c != nil && !e.GrantedOn.After(asAt) {
				c.Extensions = append(c.Extensions, e)
			}
		}, `SELECT `+extensionColumns+` FROM proceedings_extensions WHERE error_reason = '' AND proceedings_id IN (`+ph+`)
			ORDER BY granted_on, id`, args...)
	})
	if err != nil {
		return fmt.Errorf("store: extensions: %w", err)
	}
	err = inChunks(ploIDs, func(ph string, args []any) error {
		return eachRow(ctx, s, scanPLOEvent, func(e casework.PLOEvent) {
			if c := byChild[e.ChildID]; c != nil && !e.Date.After(asAt) {
				c.PLOEvents = append(c.PLOEvents, e)
			}
		}, `SELECT `+ploEventColumns+` FROM plo_events WHERE error_reason = '' AND plo_id IN (`+ph+`)
			ORDER BY held_on, id`, args...)
	})
	if err != nil {
		return fmt.Errorf("store: pre-proceedings letters and meetings: %w", err)
	}
	return nil
}
