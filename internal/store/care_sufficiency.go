package store

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// CareFacts returns, for every child with a period of care overlapping
// the year to asAt (from the day a year before, exclusive), that period
// (the latest, if several), the placements in the year and whether a
// family-time arrangement was in force on asAt: what
// casework.SufficiencyOn needs. It runs three queries whatever the number
// of children.
func (s *Store) CareFacts(ctx context.Context, asAt time.Time) ([]casework.CareFacts, error) {
	from := calendar.AddMonths(asAt, -12)
	byChild := map[int64]*casework.CareFacts{}
	var order []int64
	err := eachRow(ctx, s, func(r rowScanner) (casework.CareFacts, error) {
		var f casework.CareFacts
		var start, end dateCol
		err := r.Scan(&f.Episode.ID, &f.Episode.ChildID, &start, &f.Episode.Reason, &f.Episode.CategoryOfNeed,
			&f.Episode.IRO, &end, &f.Episode.EndReason, &f.Episode.PrevPerm, &f.Episode.PrevPermLA,
			&f.Episode.PrevPermDate, &f.Episode.Version,
			&f.Child.LAChildID, &f.Child.FirstName, &f.Child.LastName, &f.Child.Restricted)
		f.Episode.StartDate, f.Episode.EndDate, f.Child.ID = start.t, end.ptr(), f.Episode.ChildID
		return f, err
	}, func(f casework.CareFacts) {
		if byChild[f.Child.ID] == nil {
			order = append(order, f.Child.ID)
		}
		byChild[f.Child.ID] = &f // rows come oldest first: the latest wins
	}, `SELECT * FROM (`+openOrEndedSince(`SELECT `+prefixed("e.", careEpisodeColumns)+`, c.la_child_id, c.first_name,
		c.last_name, c.restricted FROM care_episodes e JOIN children c ON c.id = e.child_id
		WHERE e.error_reason = '' AND e.start_date <= ? AND `, "e.", ">")+`) AS x ORDER BY 3, 1`,
		day(asAt), day(asAt), day(from))
	if err != nil {
		return nil, fmt.Errorf("store: care facts as at %s: %w", calendar.FormatDate(asAt), err)
	}
	err = eachRow(ctx, s, scanPlacement, func(p casework.Placement) {
		if f := byChild[p.ChildID]; f != nil {
			f.Placements = append(f.Placements, p)
		}
	}, `SELECT * FROM (`+openOrEndedSince(`SELECT `+placementColumns+` FROM care_placements
		WHERE error_reason = '' AND start_date <= ? AND `, "", ">=")+`) AS x ORDER BY 4, 1`, day(asAt), day(asAt), day(from))
	if err != nil {
		return nil, fmt.Errorf("store: placements as at %s: %w", calendar.FormatDate(asAt), err)
	}
	err = eachRow(ctx, s, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, func(id int64) {
		if f := byChild[id]; f != nil {
			f.FamilyTime = true
		}
	}, openOrEndedSince(`SELECT child_id FROM family_time WHERE error_reason = '' AND start_date <= ? AND `, "", ">"),
		day(asAt), day(asAt), day(asAt))
	if err != nil {
		return nil, fmt.Errorf("store: family time as at %s: %w", calendar.FormatDate(asAt), err)
	}
	out := make([]casework.CareFacts, len(order))
	for i, id := range order {
		out[i] = *byChild[id]
	}
	return out, nil
}

// openOrEndedSince is a query for rows open (no end date) or ended after a
// day ("> ?", or on or after it with ">="), as two halves that each read
// the (end_date, start_date) index rather than one OR that reads every row
// started before the date. head ends in "AND " and has one placeholder, so
// the arguments are head's, head's again, and the day.
func openOrEndedSince(head, alias, cmp string) string {
	return head + alias + `end_date IS NULL UNION ALL ` + head + alias + `end_date ` + cmp + ` ?`
}
