package ssda903

import (
	"sightline/internal/casework"
	"sightline/internal/store"
)

// careRecords are one child's care records built from its episodes.
type careRecords struct {
	CareEpisodes  []casework.CareEpisode
	LegalStatuses []casework.LegalStatus
	Placements    []casework.Placement
	CareEvents    []casework.CareEvent
}

// care follows a child's episodes (in DECOM order) into periods of care:
// a period starts at an S episode and ends at an episode ceased other
// than X1; within it a legal status starts where LS changes and a
// placement where the RNE says the placement changed. The first episode
// of the file may continue a period begun before it (its RNE is then not
// S): the period starts with that episode, and keeps its RNE as the
// period's reason, so the export says what the return said.
func (im *importer) care(childID int64, eps []*Row) (careRecords, *Refusal) {
	var out careRecords
	ids := im.ids // advanced only when the child is taken
	var period *casework.CareEpisode
	var place *casework.Placement
	lastLS := ""
	refuse := func(row *Row, field, why string) (careRecords, *Refusal) {
		return careRecords{}, &Refusal{File: Episodes, Line: row.Line, Child: row.Get("CHILD"), Field: field, Why: why}
	}
	for i, row := range eps {
		start, _ := dateIn(row, "DECOM")
		rne := row.Get("RNE")
		if period == nil || rne == "S" {
			if period != nil {
				return refuse(row, "RNE", "a new period of care starts (S) while the one before has not ended")
			}
			out.CareEpisodes = append(out.CareEpisodes, casework.CareEpisode{ID: next(&ids.CareEpisode), ChildID: childID,
				StartDate: start, Reason: rne, CategoryOfNeed: row.Get("CIN")})
			period, place, lastLS = &out.CareEpisodes[len(out.CareEpisodes)-1], nil, ""
		} else if prev := eps[i-1]; prev.Get("DEC") != row.Get("DECOM") {
			return refuse(row, "DECOM", "the episode does not start the day the one before it ended")
		}
		if row.Get("LS") != lastLS {
			out.LegalStatuses = append(out.LegalStatuses, casework.LegalStatus{ID: next(&ids.LegalStatus), ChildID: childID,
				EpisodeID: period.ID, StartDate: start, Code: row.Get("LS")})
			lastLS = row.Get("LS")
		}
		if place == nil || rne != "L" {
			if place != nil {
				place.EndDate = &start
			}
			out.Placements = append(out.Placements, casework.Placement{ID: next(&ids.Placement), ChildID: childID,
				EpisodeID: period.ID, StartDate: start, Type: row.Get("PLACE"), Provider: row.Get("PLACE_PROVIDER"),
				Postcode: row.Get("PL_POST")})
			place = &out.Placements[len(out.Placements)-1]
		}
		if rc := row.Get("REASON_PLACE_CHANGE"); rc != "" {
			place.ChangeReason = rc
		}
		if dec := at(row.Get("DEC")); dec != nil && row.Get("REC") != "X1" {
			period.EndDate, period.EndReason = dec, row.Get("REC")
			place.EndDate = dec
			period, place = nil, nil
		}
	}
	im.ids = mergeIDs(im.ids, ids)
	return out, nil
}

// mergeIDs takes the care ids used by a child that was taken.
func mergeIDs(a, b store.NextIDs) store.NextIDs {
	a.CareEpisode, a.LegalStatus, a.Placement = b.CareEpisode, b.LegalStatus, b.Placement
	return a
}
