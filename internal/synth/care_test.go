package synth_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestGeneratedCareKeepsTheRules replays every child's period of care, in
// date order, through the rules a worker's records must keep: bringing
// into care, legal status changes, placement moves, care events, family
// time and the end, each checked against the case file as it stood before
// it; and every statutory visit's own rules.
func TestGeneratedCareKeepsTheRules(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	episodes := 0
	for _, c := range a.Children() {
		if err := replayCare(c, a.AsAt); err != nil {
			t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
		}
		episodes += len(c.CareEpisodes)
	}
	if episodes == 0 {
		t.Fatal("no child came into care")
	}
}

// replayCare rebuilds a child's care records step by step.
func replayCare(c *store.SyntheticBatch, asAt time.Time) error {
	for _, ep := range c.CareEpisodes {
		cf := casework.CaseFile{Child: c.Children[0]}
		var steps []careStep
		var first casework.CareStart
		first.Episode = ep
		first.Episode.EndDate, first.Episode.EndReason = nil, ""
		for _, ls := range c.LegalStatuses {
			if ls.EpisodeID == ep.ID && ls.StartDate.Equal(ep.StartDate) {
				first.LegalStatus = ls
			} else if ls.EpisodeID == ep.ID {
				steps = append(steps, careStep{ls.StartDate, 1, func() error {
					if err := cf.CheckLegalStatus(ls, asAt); err != nil {
						return err
					}
					cf.LegalStatuses = append(cf.LegalStatuses, ls)
					return nil
				}})
			}
		}
		for i, p := range c.Placements {
			if p.EpisodeID != ep.ID {
				continue
			}
			if p.StartDate.Equal(ep.StartDate) && i == firstPlacement(c, ep.ID) {
				first.Placement = p
				first.Placement.EndDate, first.Placement.ChangeReason = nil, ""
				continue
			}
			reason := c.Placements[i-1].ChangeReason
			steps = append(steps, careStep{p.StartDate, 2, func() error {
				open := p
				open.EndDate, open.ChangeReason = nil, ""
				if err := cf.CheckPlacementMove(open, reason, asAt); err != nil {
					return err
				}
				cur := cf.CurrentPlacement()
				cur.EndDate, cur.ChangeReason = &open.StartDate, reason
				cf.Placements = append(cf.Placements, open)
				return nil
			}})
		}
		for _, e := range c.CareEvents {
			if e.EpisodeID == ep.ID {
				steps = append(steps, careStep{e.Date, 3, func() error { return cf.CheckCareEvent(e, asAt) }})
			}
		}
		for _, f := range c.FamilyTime {
			if f.EpisodeID == ep.ID {
				steps = append(steps, careStep{f.StartDate, 4, func() error { return cf.CheckFamilyTime(f, asAt) }})
			}
		}
		if err := cf.CheckStartCare(first, asAt); err != nil {
			return fmt.Errorf("start of care %s: %w", first.Episode.StartDate.Format(time.DateOnly), err)
		}
		cf.CareEpisodes = []casework.CareEpisode{first.Episode}
		cf.LegalStatuses = []casework.LegalStatus{first.LegalStatus}
		cf.Placements = []casework.Placement{first.Placement}
		slices.SortStableFunc(steps, func(a, b careStep) int {
			return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.order, b.order))
		})
		for _, s := range steps {
			if err := s.apply(); err != nil {
				return fmt.Errorf("step on %s: %w", s.date.Format(time.DateOnly), err)
			}
		}
		if ep.EndDate != nil {
			if err := cf.CheckEndCare(*ep.EndDate, ep.EndReason, asAt); err != nil {
				return fmt.Errorf("end of care: %w", err)
			}
		}
	}
	for _, v := range c.Visits {
		if err := v.Validate(asAt); err != nil {
			return err
		}
	}
	return nil
}

type careStep struct {
	date  time.Time
	order int
	apply func() error
}

func firstPlacement(c *store.SyntheticBatch, episode int64) int {
	return slices.IndexFunc(c.Placements, func(p casework.Placement) bool { return p.EpisodeID == episode })
}

// TestGeneratedCareFollowsTheProfile: the number looked after on the as-at
// date is near England's 69.7 per 10,000 children (the small size has
// 7,000), most have one placement in the year, and the sufficiency view
// finds children far from home and out of the area.
func TestGeneratedCareFollowsTheProfile(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	var facts []casework.CareFacts
	for _, c := range a.Children() {
		for _, ep := range c.CareEpisodes {
			f := casework.CareFacts{Child: c.Children[0], Episode: ep}
			for _, p := range c.Placements {
				if p.EpisodeID == ep.ID {
					f.Placements = append(f.Placements, p)
				}
			}
			for _, ft := range c.FamilyTime {
				f.FamilyTime = f.FamilyTime || (ft.EpisodeID == ep.ID && ft.EndDate == nil)
			}
			facts = append(facts, f)
		}
	}
	s := casework.SufficiencyOn(facts, a.AsAt)
	per10k := float64(len(s.Placed)) / 7000 * 10000
	t.Logf("looked after on %s: %d (%.1f per 10,000); out of area %d; moves in the year %d; school moves %d; far with no family time %d",
		a.AsAt.Format(time.DateOnly), len(s.Placed), per10k, len(s.OutOfArea), len(s.Moves), len(s.SchoolMoves), len(s.FarNoFamily))
	if per10k < 50 || per10k > 90 {
		t.Errorf("%.1f looked after per 10,000, want near 69.7", per10k)
	}
	if out := float64(len(s.OutOfArea)) / float64(len(s.Placed)); out < 0.25 || out > 0.55 {
		t.Errorf("%.0f%% placed out of the area, want near 40%% (profile placement_distance_2024)", out*100)
	}
	if len(s.Moves) == 0 || len(s.FarNoFamily) == 0 {
		t.Errorf("no moves or no far placements without family time: %+v", s)
	}
}

// TestOrdersToFormerFosterCarersEndFosterCare: a period of care ended by a
// special guardianship order to former foster carers (E45, E46) ends in a
// foster placement (U1 to U6), as SSDA903 rule 516 wants.
func TestOrdersToFormerFosterCarersEndFosterCare(t *testing.T) {
	n := 0
	for _, seed := range []uint64{3, 7, 11} {
		for _, c := range generate(t, "steady", "small", seed).Children() {
			n += fosterCarersOrdersChecked(t, c)
		}
	}
	if n == 0 {
		t.Fatal("no period of care ended by an order to former foster carers")
	}
}

// fosterCarersOrdersChecked checks the child's periods of care ended by
// an order to former foster carers, and counts them.
func fosterCarersOrdersChecked(t *testing.T, c *store.SyntheticBatch) int {
	n := 0
	for _, ep := range c.CareEpisodes {
		if ep.EndReason != "E45" && ep.EndReason != "E46" {
			continue
		}
		n++
		var last casework.Placement
		for _, p := range c.Placements {
			if p.EpisodeID == ep.ID {
				last = p
			}
		}
		if !slices.Contains([]string{"U1", "U2", "U3", "U4", "U5", "U6"}, last.Type) {
			t.Errorf("child %s: care ended %s from placement %s", c.Children[0].LAChildID, ep.EndReason, last.Type)
		}
	}
	return n
}
