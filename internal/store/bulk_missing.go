package store

import (
	"strings"

	"sightline/internal/casework"
)

// missingTables are a batch's missing-episode and exploitation tables,
// after the children-in-care ones (episodes before their interviews).
func (b *SyntheticBatch) missingTables(stamp func([]any) []any) []bulkTable {
	return []bulkTable{
		{"missing_episodes", `id, child_id, missing_from, kind, start_date, end_date, reported_to_police, where_found,
			updated_at, updated_by`, len(b.Missing), func(i int, a []any) []any {
			e := b.Missing[i]
			return stamp(append(a, e.ID, e.ChildID, e.From, e.Kind, cday(e.StartDate), cdayPtr(e.EndDate),
				e.ReportedToPolice, e.WhereFound))
		}},
		{"return_interviews", "id, child_id, episode_id, offered_on, held_on, declined, held_by, notes, updated_at, updated_by",
			len(b.Interviews), func(i int, a []any) []any {
				r := b.Interviews[i]
				return stamp(append(a, r.ID, r.ChildID, r.EpisodeID, cday(r.OfferedOn), cdayPtr(r.HeldOn), r.Declined,
					r.HeldBy, r.Notes))
			}},
		{"exploitation_screenings", `id, child_id, screened_on, kinds, risk_level, review_date, lead, notes,
			updated_at, updated_by`, len(b.Screenings), func(i int, a []any) []any {
			s := b.Screenings[i]
			return stamp(append(a, s.ID, s.ChildID, cday(s.Date), strings.Join(s.Kinds, ","), s.Level,
				cdayPtr(s.ReviewDate), s.Lead, s.Notes))
		}},
	}
}

// missingIDTables are the missing-episode tables NextIDs reads.
func missingIDTables(n *NextIDs) []struct {
	table string
	into  *int64
} {
	return []struct {
		table string
		into  *int64
	}{{"missing_episodes", &n.Missing}, {"return_interviews", &n.ReturnInterview},
		{"exploitation_screenings", &n.Screening}}
}

// syntheticMissing is the missing-episode part of a SyntheticBatch.
type syntheticMissing struct {
	Missing    []casework.MissingEpisode
	Interviews []casework.ReturnInterview
	Screenings []casework.ExploitationScreening
}
