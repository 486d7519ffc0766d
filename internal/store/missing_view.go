package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"sightline/internal/casework"
)

// MissingFilter chooses the missing view: the episodes of a period (From
// to To) as they stood at the end of To, for one team or all.
type MissingFilter struct {
	From, To time.Time
	TeamID   int64 // 0: every team (and children no team holds)
}

// MissingEpisodeRow is an episode of the period with its child, who held
// the child's case on To, its return home interview as at To, and the
// child's latest exploitation screening as at To.
type MissingEpisodeRow struct {
	Child     casework.Child
	Holder    Holder
	Episode   casework.MissingEpisode // EndDate unset when the return came after To
	Interview *casework.ReturnInterview
	Screening *casework.ExploitationScreening
}

// HighRiskRow is a child whose latest screening as at To found high risk.
type HighRiskRow struct {
	Child     casework.Child
	Holder    Holder
	Screening casework.ExploitationScreening
}

// MissingView is what the missing view shows.
type MissingView struct {
	Episodes []MissingEpisodeRow // started by To and not returned before From, by start then child
	HighRisk []HighRiskRow       // by review date
}

// Missing reads the missing view in a fixed number of queries whatever
// the size of the authority: the episodes, their interviews, the latest
// screenings, the children and who held them on To.
func (s *Store) Missing(ctx context.Context, f MissingFilter) (MissingView, error) {
	var v MissingView
	var eps []casework.MissingEpisode
	err := eachRow(ctx, s, scanMissing, func(e casework.MissingEpisode) {
		if e.EndDate != nil && e.EndDate.After(f.To) {
			e.EndDate = nil // not yet back, as at To
		}
		eps = append(eps, e)
	}, `SELECT `+missingColumns+` FROM missing_episodes WHERE error_reason = '' AND start_date <= ?
		AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date, id`, day(f.To), day(f.From))
	if err != nil {
		return v, fmt.Errorf("store: missing episodes: %w", err)
	}
	latest, err := s.latestScreenings(ctx, f.To)
	if err != nil {
		return v, err
	}
	ids := []int64{}
	for _, e := range eps {
		ids = append(ids, e.ChildID)
	}
	for child, sc := range latest {
		if sc.Level == casework.RiskHigh {
			ids = append(ids, child)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	holders, err := holdersOf(ctx, s, f.To, ids)
	if err != nil {
		return v, fmt.Errorf("store: missing view: %w", err)
	}
	eps = slices.DeleteFunc(eps, func(e casework.MissingEpisode) bool { return !holders[e.ChildID].inTeam(f.TeamID) })
	interviews, err := s.interviewsOf(ctx, eps, f.To)
	if err != nil {
		return v, err
	}
	children, err := childrenByID(ctx, s, ids)
	if err != nil {
		return v, fmt.Errorf("store: missing view children: %w", err)
	}
	for _, e := range eps {
		row := MissingEpisodeRow{Child: children[e.ChildID], Holder: holders[e.ChildID], Episode: e}
		if ri, ok := interviews[e.ID]; ok {
			row.Interview = &ri
		}
		if sc, ok := latest[e.ChildID]; ok {
			row.Screening = &sc
		}
		v.Episodes = append(v.Episodes, row)
	}
	known, err := childrenWithCases(ctx, s, ids, f.To)
	if err != nil {
		return v, err
	}
	for child, sc := range latest {
		if sc.Level == casework.RiskHigh && atRiskOn(children[child], holders, known, f.To) && holders[child].inTeam(f.TeamID) {
			v.HighRisk = append(v.HighRisk, HighRiskRow{Child: children[child], Holder: holders[child], Screening: sc})
		}
	}
	slices.SortFunc(v.HighRisk, func(a, b HighRiskRow) int {
		if c := compareDates(a.Screening.ReviewDate, b.Screening.ReviewDate); c != 0 {
			return c
		}
		return int(a.Child.ID - b.Child.ID)
	})
	return v, nil
}

// atRiskOn: a child screened at high risk is listed while a child (under
// 18 on day d) whose case is open then, or who has had none (a screening
// recorded on its own); the screening of a young adult, or of a child
// whose case has closed, is history, not a risk being managed. The
// exploitation review task stops at the same points
// (timescale.ScreeningReviewsStopped).
func atRiskOn(c casework.Child, holders map[int64]Holder, withCases map[int64]bool, d time.Time) bool {
	if age, ok := c.AgeOn(d); ok && age >= 18 {
		return false
	}
	_, open := holders[c.ID]
	return open || !withCases[c.ID]
}

// childrenWithCases are those of these children with a case (an
// involvement) begun by day d.
func childrenWithCases(ctx context.Context, s *Store, ids []int64, d time.Time) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := inChunks(ids, func(ph string, args []any) error {
		return eachRow(ctx, s, func(r rowScanner) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		}, func(id int64) { out[id] = true }, `SELECT DISTINCT child_id FROM involvements WHERE error_reason = ''
			AND start_date <= ? AND child_id IN (`+ph+`)`, append([]any{day(d)}, args...)...)
	})
	if err != nil {
		return nil, fmt.Errorf("store: children with cases: %w", err)
	}
	return out, nil
}

func compareDates(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Compare(*b)
}

// interviewsOf reads the return interviews of episodes as they stood at
// the end of day to: offered by then, held only if held by then.
func (s *Store) interviewsOf(ctx context.Context, eps []casework.MissingEpisode, to time.Time) (map[int64]casework.ReturnInterview, error) {
	out := map[int64]casework.ReturnInterview{}
	ids := make([]int64, len(eps))
	for i, e := range eps {
		ids[i] = e.ID
	}
	err := inChunks(ids, func(ph string, args []any) error {
		return eachRow(ctx, s, scanInterview, func(ri casework.ReturnInterview) {
			if ri.OfferedOn.After(to) {
				return
			}
			if ri.HeldOn != nil && ri.HeldOn.After(to) {
				ri.HeldOn = nil
			}
			out[ri.EpisodeID] = ri
		}, `SELECT `+interviewColumns+` FROM return_interviews WHERE error_reason = '' AND episode_id IN (`+ph+`)`, args...)
	})
	if err != nil {
		return nil, fmt.Errorf("store: return interviews: %w", err)
	}
	return out, nil
}

// latestScreenings returns each child's latest exploitation screening as
// at the end of day to.
func (s *Store) latestScreenings(ctx context.Context, to time.Time) (map[int64]casework.ExploitationScreening, error) {
	out := map[int64]casework.ExploitationScreening{}
	err := eachRow(ctx, s, scanScreening, func(sc casework.ExploitationScreening) {
		out[sc.ChildID] = sc // rows come oldest first: the last one wins
	}, `SELECT `+screeningColumns+` FROM exploitation_screenings WHERE error_reason = '' AND screened_on <= ?
		ORDER BY screened_on, id`, day(to))
	if err != nil {
		return nil, fmt.Errorf("store: exploitation screenings: %w", err)
	}
	return out, nil
}
