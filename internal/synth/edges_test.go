package synth_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/synth"
)

// Rare records that only a large authority (or many of them) shows, each
// found by the SSDA903 rules on a generated return and kept here with the
// authority that first showed it.

// generateAt makes an authority of the scenario and size as at asAt.
func generateAt(t *testing.T, size synth.Size, seed uint64, asAt time.Time) *synth.Authority {
	t.Helper()
	cfg := config(t, "steady", "small", seed)
	cfg.Size, cfg.AsAt = size, asAt
	a, err := synth.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestMissingFromCareEndsByTheEndOfCare: a child goes missing from care
// only while looked after, and is back before the period of care ends
// and by the day the placement they went missing from ends; a period
// begun on the last day of care, or a return after it, left a missing
// period open on a child no longer looked after (SSDA903 rules 575 and
// 577: steady la, seed 18, as at 6 December 2026, a girl of 12 missing on
// 31 March 2026, the day her two days of care ended, back on 2 April),
// and a move while missing one open on a placement that had ended (575:
// an area of the national size, seed 108, a girl missing from 18 February
// 2026 whose placement changed on 4 March).
func TestMissingFromCareEndsByTheEndOfCare(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	la, _ := synth.LookupSize("la")
	a := generateAt(t, la, 18, calendar.Date(2026, time.December, 6))
	n := 0
	for _, c := range a.Children() {
		for _, m := range c.Missing {
			if m.From != casework.MissingFromCare {
				continue
			}
			n++
			ep := careOn(c.CareEpisodes, m.StartDate)
			switch {
			case ep == nil:
				t.Errorf("child %s: missing from care on %s, not looked after then", c.Children[0].LAChildID, calendar.FormatDate(m.StartDate))
			case ep.EndDate != nil && (m.EndDate == nil || !m.EndDate.Before(*ep.EndDate)):
				t.Errorf("child %s: missing from care on %s, back %v, but care ended %s", c.Children[0].LAChildID,
					calendar.FormatDate(m.StartDate), m.EndDate, calendar.FormatDate(*ep.EndDate))
			}
			if p := placementOn(c.Placements, m.StartDate); p != nil && p.EndDate != nil && (m.EndDate == nil || m.EndDate.After(*p.EndDate)) {
				t.Errorf("child %s: missing from care on %s, back %v, but the placement ended %s", c.Children[0].LAChildID,
					calendar.FormatDate(m.StartDate), m.EndDate, calendar.FormatDate(*p.EndDate))
			}
		}
	}
	if n == 0 {
		t.Fatal("no child missing from care: the test checks nothing")
	}
}

// placementOn is the placement held on day d (from its start to the day
// before it ends), or nil.
func placementOn(ps []casework.Placement, d time.Time) *casework.Placement {
	for i, p := range ps {
		if !p.StartDate.After(d) && (p.EndDate == nil || p.EndDate.After(d)) {
			return &ps[i]
		}
	}
	return nil
}

// careOn is the period of care the child was looked after in on day d
// (from its start to the day before it ends), or nil.
func careOn(eps []casework.CareEpisode, d time.Time) *casework.CareEpisode {
	for i, e := range eps {
		if !e.StartDate.After(d) && (e.EndDate == nil || e.EndDate.After(d)) {
			return &eps[i]
		}
	}
	return nil
}

// TestPlacementIsNotInTheFamilysPostcode: a placement other than with
// parents (P1) is not in the postcode of the home the child came into
// care from (a young person who arrived alone has none); drawing the carers' address at random once put a foster
// placement in the family's own postcode (SSDA903 rule 392d: an area of
// the national size, 60,000 children over five years, seed 110, as at
// 6 December 2026).
func TestPlacementIsNotInTheFamilysPostcode(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	area := synth.Size{Name: "national-area", Population: 60000, Years: 5}
	a := generateAt(t, area, 110, calendar.Date(2026, time.December, 6))
	n := 0
	for _, c := range a.Children() {
		if c.Children[0].UASC {
			continue // arrived alone: their only address is their placement's (uasc.go)
		}
		for _, ep := range c.CareEpisodes {
			home := homeOn(c.Addresses, ep.StartDate)
			for _, p := range c.Placements {
				if p.EpisodeID != ep.ID || p.Type == "P1" || home == "" {
					continue
				}
				n++
				if casework.NormalisePostcode(p.Postcode) == home {
					t.Errorf("child %s: placement %s from %s at %s, the postcode of the home care began from",
						c.Children[0].LAChildID, p.Type, calendar.FormatDate(p.StartDate), p.Postcode)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no placement of a child with a home: the test checks nothing")
	}
}

// homeOn is the normalised postcode of the address held on day d, or "".
func homeOn(addresses []casework.Address, d time.Time) string {
	post := ""
	for _, a := range addresses {
		if !a.StartDate.After(d) && (a.EndDate == nil || !a.EndDate.Before(d)) {
			post = casework.NormalisePostcode(a.Postcode)
		}
	}
	return post
}
