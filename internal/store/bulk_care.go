package store

import (
	"strings"

	"sightline/internal/casework"
	"sightline/internal/postcode"
)

// careTables are a batch's children-in-care tables, after the help and
// protection ones (episodes before what points to them), with the
// postcode directory their postcodes are looked up in.
func (b *SyntheticBatch) careTables(stamp func([]any) []any) []bulkTable {
	return []bulkTable{
		postcodeTable(b.Postcodes, stamp),
		{"placement_providers", `id, urn, name, provider_type, place_codes, provider_codes, postcode, la_code,
			registered_on, closed_on, updated_at, updated_by`, len(b.Providers), func(i int, a []any) []any {
			p := b.Providers[i]
			return stamp(append(a, p.ID, p.URN, p.Name, p.Type, strings.Join(p.PlaceCodes, " "),
				strings.Join(p.ProviderCodes, " "), p.Postcode, p.LACode, cday(p.Registered), cdayPtr(p.Closed)))
		}},
		{"care_episodes", `id, child_id, start_date, reason, category_of_need, iro, end_date, end_reason,
			prev_perm, prev_perm_la, prev_perm_date, updated_at, updated_by`, len(b.CareEpisodes), func(i int, a []any) []any {
			e := b.CareEpisodes[i]
			return stamp(append(a, e.ID, e.ChildID, cday(e.StartDate), e.Reason, e.CategoryOfNeed, e.IRO,
				cdayPtr(e.EndDate), e.EndReason, e.PrevPerm, e.PrevPermLA, e.PrevPermDate))
		}},
		{"care_legal_statuses", "id, child_id, episode_id, start_date, code, updated_at, updated_by",
			len(b.LegalStatuses), func(i int, a []any) []any {
				l := b.LegalStatuses[i]
				return stamp(append(a, l.ID, l.ChildID, l.EpisodeID, cday(l.StartDate), l.Code))
			}},
		{"care_placements", `id, child_id, episode_id, start_date, end_date, place_type, provider, postcode,
			distance_miles, in_area, school_move, change_reason, urn, updated_at, updated_by`, len(b.Placements),
			func(i int, a []any) []any {
				p := b.Placements[i]
				return stamp(append(a, p.ID, p.ChildID, p.EpisodeID, cday(p.StartDate), cdayPtr(p.EndDate), p.Type,
					p.Provider, p.Postcode, p.DistanceMiles, p.InArea, p.SchoolMove, p.ChangeReason, p.URN))
			}},
		{"care_events", `id, child_id, episode_id, kind, held_on, iro, participation, notes, updated_at, updated_by`,
			len(b.CareEvents), func(i int, a []any) []any {
				e := b.CareEvents[i]
				return stamp(append(a, e.ID, e.ChildID, e.EpisodeID, e.Kind, cday(e.Date), e.IRO, e.Participation, e.Notes))
			}},
		{"family_time", `id, child_id, episode_id, start_date, end_date, with_whom, frequency, supervised,
			updated_at, updated_by`, len(b.FamilyTime), func(i int, a []any) []any {
			f := b.FamilyTime[i]
			return stamp(append(a, f.ID, f.ChildID, f.EpisodeID, cday(f.StartDate), cdayPtr(f.EndDate), f.With,
				f.Frequency, f.Supervised))
		}},
		{"care_outcomes", `id, child_id, kind, event_date, sdq_score, sdq_reason, up_to_date, offered, offered_on,
			received, received_on, notes, updated_at, updated_by`, len(b.Outcomes), func(i int, a []any) []any {
			o := b.Outcomes[i]
			var score any
			if o.SDQScore != nil {
				score = *o.SDQScore
			}
			return stamp(append(a, o.ID, o.ChildID, o.Kind, cday(o.Date), score, o.SDQReason, o.UpToDate, o.Offered,
				cdayPtr(o.OfferedOn), o.Received, cdayPtr(o.ReceivedOn), o.Notes))
		}},
		{"permanence_plans", `id, child_id, plan, decided_on, care_started, should_be_placed, placement_order, matched,
			placed, adoption_order, reversed, reversed_reason, order_made, order_reason, adopters_foster_carers,
			adopters_number, adopters_sex, adopters_status, updated_at, updated_by`,
			len(b.Permanence), func(i int, a []any) []any {
				p := b.Permanence[i]
				return stamp(append(a, p.ID, p.ChildID, p.Plan, cday(p.DecidedOn), cdayPtr(p.CareStarted),
					cdayPtr(p.ShouldBePlaced), cdayPtr(p.PlacementOrder), cdayPtr(p.Matched), cdayPtr(p.Placed),
					cdayPtr(p.AdoptionOrder), cdayPtr(p.Reversed), p.ReversedReason, cdayPtr(p.OrderMade), p.OrderReason,
					p.Adopters.FosterCarers, p.Adopters.Number, p.Adopters.Sexes, p.Adopters.LegalStatus))
			}},
	}
}

// careIDTables are the children-in-care tables NextIDs reads.
func careIDTables(n *NextIDs) []struct {
	table string
	into  *int64
} {
	return []struct {
		table string
		into  *int64
	}{{"placement_providers", &n.Provider}, {"care_episodes", &n.CareEpisode}, {"care_legal_statuses", &n.LegalStatus}, {"care_placements", &n.Placement},
		{"care_events", &n.CareEvent}, {"family_time", &n.FamilyTime}, {"permanence_plans", &n.Permanence},
		{"care_outcomes", &n.Outcome}}
}

// syntheticCare is the children-in-care part of a SyntheticBatch.
type syntheticCare struct {
	// Postcodes are entries of the postcode directory (postcode_places),
	// each postcode as postcode.Compact gives it: a generated authority's
	// fictional geography, every postcode its records use. The write is a
	// plain INSERT: a postcode may be in one batch only.
	Postcodes     []postcode.Entry
	Providers     []casework.Provider // the register of placement providers (a generated authority's, with its staff)
	CareEpisodes  []casework.CareEpisode
	LegalStatuses []casework.LegalStatus
	Placements    []casework.Placement
	CareEvents    []casework.CareEvent
	FamilyTime    []casework.FamilyTime
	Permanence    []casework.PermanencePlan // in the order the store reads them: decided_on, then id
	Outcomes      []casework.CareOutcome    // SDQs, convictions, immunisation checks, substance misuse
}
