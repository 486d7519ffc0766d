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

// courtTables are a batch's pre-proceedings and court tables (each stage
// before what points to it).
func (b *SyntheticBatch) courtTables(stamp func([]any) []any) []bulkTable {
	return []bulkTable{
		{"pre_proceedings", "id, child_id, start_date, end_date, outcome, updated_at, updated_by", len(b.PLOs),
			func(i int, a []any) []any {
				p := b.PLOs[i]
				return stamp(append(a, p.ID, p.ChildID, cday(p.StartDate), cdayPtr(p.EndDate), p.Outcome))
			}},
		{"plo_events", "id, child_id, plo_id, kind, held_on, notes, updated_at, updated_by", len(b.PLOEvents),
			func(i int, a []any) []any {
				e := b.PLOEvents[i]
				return stamp(append(a, e.ID, e.ChildID, e.PLOID, e.Kind, cday(e.Date), e.Notes))
			}},
		{"proceedings", `id, child_id, plo_id, issued_on, court, application, expected_final, final_hearing, final_order,
			updated_at, updated_by`, len(b.Proceedings), func(i int, a []any) []any {
			p := b.Proceedings[i]
			return stamp(append(a, p.ID, p.ChildID, p.PLOID, cday(p.IssuedOn), p.Court, p.Application,
				cdayPtr(p.ExpectedFinal), cdayPtr(p.FinalHearing), p.FinalOrder))
		}},
		{"hearings", "id, child_id, proceedings_id, kind, held_on, outcome, final_order, updated_at, updated_by",
			len(b.Hearings), func(i int, a []any) []any {
				h := b.Hearings[i]
				return stamp(append(a, h.ID, h.ChildID, h.ProceedingsID, h.Kind, cday(h.Date), h.Outcome, h.FinalOrder))
			}},
	}
}

// courtIDTables are the court tables NextIDs reads.
func courtIDTables(n *NextIDs) []struct {
	table string
	into  *int64
} {
	return []struct {
		table string
		into  *int64
	}{{"pre_proceedings", &n.PLO}, {"plo_events", &n.PLOEvent}, {"proceedings", &n.Proceedings},
		{"hearings", &n.Hearing}}
}

// syntheticCourt is the pre-proceedings and court part of a SyntheticBatch.
type syntheticCourt struct {
	PLOs        []casework.PreProceedings
	PLOEvents   []casework.PLOEvent
	Proceedings []casework.Proceedings
	Hearings    []casework.Hearing
}
