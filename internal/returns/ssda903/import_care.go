package ssda903

import (
	"fmt"

	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// careRecords are one child's care records built from its episodes.
type careRecords struct {
	CareEpisodes  []casework.CareEpisode
	LegalStatuses []casework.LegalStatus
	Placements    []casework.Placement
	CareEvents    []casework.CareEvent
	Addresses     []casework.Address // the homes the child came into care from
	notKept       []Refusal          // HOME_POSTs not kept
}

// care follows a child's episodes (in DECOM order) into periods of care:
// a period starts at an S episode and ends at an episode ceased other
// than X1; within it a legal status starts where LS changes and a
// placement where the RNE says the placement changed. The first episode
// of the file may continue a period begun before it (its RNE is then not
// S): the period starts with that episode, and keeps its RNE as the
// period's reason, so the export says what the return said. The home
// postcode of each period is kept as an address (homes).
func (im *importer) care(childID int64, eps []*Row) (careRecords, *Refusal) {
	var out careRecords
	ids := im.ids // advanced only when the child is taken
	var period *casework.CareEpisode
	var place *casework.Placement
	lastLS := ""
	var homes []string // HOME_POST of each period
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
			homes = append(homes, "")
		} else if prev := eps[i-1]; prev.Get("DEC") != row.Get("DECOM") {
			return refuse(row, "DECOM", "the episode does not start the day the one before it ended")
		}
		if r := homePost(row, &homes[len(homes)-1]); r != nil {
			out.notKept = append(out.notKept, *r)
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
		if r := placementURN(row, place); r != nil {
			out.notKept = append(out.notKept, *r)
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
	out.Addresses = homeAddresses(childID, out.CareEpisodes, homes, &ids)
	im.ids = mergeIDs(im.ids, ids)
	return out, nil
}

// placementURN keeps the URN of the episode that starts a placement as
// the placement's; a URN the placement's type takes none of (rule 222),
// one of no Ofsted shape, or another URN on a later episode of the same
// placement (a change of legal status only) is reported as not kept.
func placementURN(row *Row, place *casework.Placement) *Refusal {
	v := casework.NormaliseURN(row.Get("URN"))
	switch {
	case v == "" || v == place.URN:
		return nil
	case place.URN != "":
		return refusal(Episodes, row, "URN", fmt.Sprintf("%q is not kept: the placement's URN is %s, from the episode it began", printable(v), place.URN))
	case casework.ValidPlacementType(place.Type) && !casework.TakesURN(place.Type):
		return refusal(Episodes, row, "URN", fmt.Sprintf("%q is not kept: a placement of type %s has no URN", printable(v), place.Type))
	case v != casework.NotRegisteredURN && !casework.ValidURN(v):
		return refusal(Episodes, row, "URN", fmt.Sprintf("%q is not kept: it is no Ofsted URN", printable(v)))
	}
	place.URN = v
	return nil
}

// mergeIDs takes the care ids used by a child that was taken.
func mergeIDs(a, b store.NextIDs) store.NextIDs {
	a.CareEpisode, a.LegalStatus, a.Placement, a.Address = b.CareEpisode, b.LegalStatus, b.Placement, b.Address
	return a
}

// homeLine is the first line of an address made from a HOME_POST: the
// return gives the postcode only, and an address needs a first line.
const homeLine = "Home postcode from the SSDA903 return"

// homePost takes the HOME_POST of row as its period's (*home) when the
// period has none yet; a value that is no postcode, or another postcode
// than the period's, is reported as not kept: a period of care has one
// home the child came into care from.
func homePost(row *Row, home *string) *Refusal {
	v := row.Get("HOME_POST")
	switch {
	case v == "":
		return nil
	case !postcode.Valid(v):
		return refusal(Episodes, row, "HOME_POST", fmt.Sprintf("%q is not kept: it is no postcode", printable(v)))
	case *home == "":
		*home = casework.NormalisePostcode(v)
	case postcode.Compact(v) != postcode.Compact(*home):
		return refusal(Episodes, row, "HOME_POST", fmt.Sprintf("%q is not kept: the period of care's home postcode is %s, from its first episode that gave one",
			printable(v), *home))
	}
	return nil
}

// homeAddresses are the addresses of the home postcodes of the periods
// of care (homes, by period): each held from the day its period began,
// the one before ending that day (as a new address ends the one before),
// but none for a period without one or whose home is the one the child
// already has, so the export gives each period its HOME_POST again.
func homeAddresses(childID int64, periods []casework.CareEpisode, homes []string, ids *store.NextIDs) []casework.Address {
	var out []casework.Address
	for i, h := range homes {
		if h == "" || (len(out) > 0 && out[len(out)-1].Postcode == h) {
			continue
		}
		start := periods[i].StartDate
		if len(out) > 0 {
			out[len(out)-1].EndDate = &start
		}
		out = append(out, casework.Address{ID: next(&ids.Address), ChildID: childID, Line1: homeLine, Postcode: h, StartDate: start})
	}
	return out
}
