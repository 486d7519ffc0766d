package ssda903

import (
	"slices"
	"time"

	"sightline/internal/casework"
)

// episode is one SSDA903 episode: a stretch of a period of care with one
// legal status and one placement. A new one starts at each change of
// either (SSDA903 RNE).
type episode struct {
	period    time.Time // the day the period of care began
	start     time.Time
	end       *time.Time // nil while open
	rne       string
	legal     string
	cin       string
	placement *casework.Placement
	rec       string
}

// episodesOf splits a period of care into its SSDA903 episodes: a new
// episode at the start of care (S) and at each day the legal status or
// the placement changes (L, P or both B). The record cannot tell a move
// to new carers from a move with the same carers, so a move is P (and a
// move with a new legal status B), never T or U.
func episodesOf(cf *casework.CaseFile, p casework.CareEpisode) []episode {
	var legal []casework.LegalStatus
	for _, ls := range cf.LegalStatuses {
		if ls.EpisodeID == p.ID {
			legal = append(legal, ls)
		}
	}
	var places []casework.Placement
	for _, pl := range cf.Placements {
		if pl.EpisodeID == p.ID {
			places = append(places, pl)
		}
	}
	days := []time.Time{p.StartDate}
	for _, ls := range legal {
		days = append(days, ls.StartDate)
	}
	for _, pl := range places {
		days = append(days, pl.StartDate)
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	days = slices.CompactFunc(days, func(a, b time.Time) bool { return a.Equal(b) })
	var out []episode
	for i, d := range days {
		if d.Before(p.StartDate) || (p.EndDate != nil && !d.Before(*p.EndDate)) {
			continue
		}
		e := episode{period: p.StartDate, start: d, legal: statusOn(legal, d), cin: p.CategoryOfNeed, placement: placementOn(places, d)}
		switch {
		case i == 0 || d.Equal(p.StartDate):
			e.rne = firstRNE(p)
		default:
			prev := out[len(out)-1]
			legalChanged := prev.legal != e.legal
			moved := prev.placement == nil || e.placement == nil || prev.placement.ID != e.placement.ID
			// A3 and A5 are placements for adoption with the child's current
			// foster carers: the placement changes, the carers stay (T, or U
			// with a new legal status; rule 217).
			sameCarers := moved && e.placement != nil && slices.Contains(withCurrentCarers, e.placement.Type)
			switch {
			case legalChanged && sameCarers:
				e.rne = "U"
			case sameCarers:
				e.rne = "T"
			case legalChanged && moved:
				e.rne = "B"
			case moved:
				e.rne = "P"
			default:
				e.rne = "L"
			}
			out[len(out)-1].end, out[len(out)-1].rec = &days[i], "X1"
		}
		out = append(out, e)
	}
	if len(out) > 0 && p.EndDate != nil {
		out[len(out)-1].end, out[len(out)-1].rec = p.EndDate, p.EndReason
	}
	// A day with nothing new (a status recorded again) is no new episode.
	return mergeUnchanged(out)
}

// withCurrentCarers are the placement types that keep the child with the
// foster carers they had: placed for adoption with them (A3, A5).
var withCurrentCarers = []string{"A3", "A5"}

// firstRNE is the RNE of a period's first episode: S, but for a period
// imported from a return whose first episode continued care begun before
// it (see Import), which keeps that episode's RNE.
func firstRNE(p casework.CareEpisode) string {
	if slices.Contains(rneCodes, p.Reason) {
		return p.Reason
	}
	return "S"
}

// mergeUnchanged joins an episode to the one before when neither the
// legal status nor the placement changed.
func mergeUnchanged(es []episode) []episode {
	var out []episode
	for _, e := range es {
		if n := len(out); n > 0 && e.rne != "S" && out[n-1].legal == e.legal && samePlacement(out[n-1].placement, e.placement) {
			out[n-1].end, out[n-1].rec = e.end, e.rec
			continue
		}
		out = append(out, e)
	}
	return out
}

func samePlacement(a, b *casework.Placement) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && a.ID == b.ID)
}

// statusOn is the legal status in force on day d: the latest to start on
// or before it.
func statusOn(ls []casework.LegalStatus, d time.Time) string {
	code := ""
	for _, l := range ls {
		if !l.StartDate.After(d) {
			code = l.Code
		}
	}
	return code
}

// placementOn is the placement the child lived in on day d.
func placementOn(ps []casework.Placement, d time.Time) *casework.Placement {
	var p *casework.Placement
	for i := range ps {
		if !ps[i].StartDate.After(d) && (ps[i].EndDate == nil || ps[i].EndDate.After(d)) {
			p = &ps[i]
		}
	}
	return p
}
