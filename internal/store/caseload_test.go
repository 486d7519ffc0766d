package store_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// loadRows lists caseloads as "worker cases weighted/capacity over-by".
func loadRows(c store.Caseloads) []string {
	var out []string
	for _, l := range c.Workers {
		out = append(out, fmt.Sprintf("%s %d %.1f/%.1f %.1f", l.Worker.Name, l.Cases, l.Weighted, l.Capacity, l.OverBy))
	}
	return out
}

// caseloadWorld adds to the queue world (see newQueueWorld) a newly
// qualified worker, Nia, and three children held by Wendy from dates in
// October: Gus in a section 47 enquiry from 1 Oct and on a plan from 20
// Oct, and two siblings, Hal and Ivy.
func newCaseloadWorld(t *testing.T, s *store.Store) (*queueWorld, casework.Worker) {
	w := newQueueWorld(t, s)
	nia := must[casework.Worker](t)(s.CreateWorker(ctx, store.System, casework.Worker{Name: "Nia", JobRole: "Social worker",
		TeamID: &w.team.ID, FTE: 1, NewlyQualified: true, EmploymentType: casework.Permanent, StartDate: d(2026, 9, 1)}))
	gus, _ := w.toPlan("GUS", d(2026, 10, 1), d(2026, 10, 20))
	w.allocate(gus.ID, w.worker.ID, d(2026, 10, 2))
	hal := w.referTo("HAL", d(2026, 10, 5), w.team.ID)
	ivy := w.referTo("IVY", d(2026, 10, 5), w.team.ID)
	must[casework.Relationship](t)(s.AddRelationship(ctx, w.sw, casework.Relationship{ChildID: hal.ID, Kind: "family",
		Relationship: "sister", RelatedChildID: &ivy.ID}))
	w.allocate(hal.ID, w.worker.ID, d(2026, 10, 6))
	w.allocate(ivy.ID, w.worker.ID, d(2026, 10, 6))
	return w, nia
}

func TestCaseloadsAsAtPastDates(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w, _ := newCaseloadWorld(t, s)
		for _, tc := range []struct {
			name string
			asAt time.Time
			team int64
			want []string
		}{
			// Wendy: Dee 1, Gus on a plan 1.5, Hal 1 and his sister Ivy 0.5.
			{"today", time.Time{}, w.team.ID, []string{"Wendy 4 4.0/18.0 0.0", "Nia 0 0.0/14.4 0.0"}},
			{"in his section 47 enquiry Gus already weighed as child protection", d(2026, 10, 19), w.team.ID,
				[]string{"Wendy 4 4.0/18.0 0.0", "Lea 1 1.0/18.0 0.0", "Nia 0 0.0/14.4 0.0"}},
			{"before the siblings and Dee were allocated", d(2026, 10, 5), w.team.ID,
				[]string{"Wendy 1 1.5/18.0 0.0", "Lea 1 1.0/18.0 0.0", "Nia 0 0.0/14.4 0.0"}},
			{"a worker who has left is not listed once her cases have gone", d(2026, 11, 11), w.team.ID,
				[]string{"Wendy 4 4.0/18.0 0.0", "Nia 0 0.0/14.4 0.0"}},
			{"the other team has no workers", time.Time{}, w.other.ID, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := must[store.Caseloads](t)(s.Caseloads(ctx, store.CaseloadFilter{TeamID: tc.team, AsAt: tc.asAt}))
				if got := loadRows(c); !slices.Equal(got, tc.want) {
					t.Errorf("caseloads = %q, want %q", got, tc.want)
				}
			})
		}
	})
}

func TestCaseloadsFollowTheSettingsAndShowWhoIsOver(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w, _ := newCaseloadWorld(t, s)
		ok(t, s.PutSetting(ctx, store.System, casework.KeyCapacityFullTime, "3", 0))
		ok(t, s.PutSetting(ctx, store.System, casework.KeyWeightCPPlan, "2", 0))
		c := must[store.Caseloads](t)(s.Caseloads(ctx, store.CaseloadFilter{TeamID: w.team.ID}))
		if got, want := loadRows(c), []string{"Wendy 4 4.5/3.0 1.5", "Nia 0 0.0/2.4 0.0"}; !slices.Equal(got, want) {
			t.Errorf("caseloads = %q, want %q", got, want)
		}
		sum := c.Summary
		// Nia holds no case, so she is not a case holder in the DfE's average.
		if sum.CaseHolders != 1 || sum.Cases != 4 || math.Abs(sum.Average-4) > 0.001 || sum.OverCapacity != 1 {
			t.Errorf("summary = %+v, want 1 case holder, 4 cases, average 4, 1 over capacity", sum)
		}
		if c.Workers[0].OpenAssessments != 0 {
			t.Errorf("Wendy's open assessments = %d, want 0", c.Workers[0].OpenAssessments)
		}
		ok(t, s.PutSetting(ctx, store.System, casework.KeySiblingShare, "2", 0))
		if _, err := s.Caseloads(ctx, store.CaseloadFilter{}); err == nil {
			t.Error("a stored sibling share of 2 was accepted")
		}
	})
}

func TestAManagerIsListedOnlyWhenHoldingCases(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w, _ := newCaseloadWorld(t, s)
		dan := must[casework.Worker](t)(s.CreateWorker(ctx, store.System, casework.Worker{Name: "Dan", JobRole: "Team manager",
			TeamID: &w.team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: d(2020, 1, 1)}))
		c := must[store.Caseloads](t)(s.Caseloads(ctx, store.CaseloadFilter{TeamID: w.team.ID}))
		if got, want := loadRows(c), []string{"Wendy 4 4.0/18.0 0.0", "Nia 0 0.0/14.4 0.0"}; !slices.Equal(got, want) {
			t.Errorf("caseloads = %q, want %q", got, want)
		}
		w.allocate(w.ada.ID, dan.ID, d(2026, 11, 24))
		c = must[store.Caseloads](t)(s.Caseloads(ctx, store.CaseloadFilter{TeamID: w.team.ID}))
		if got, want := loadRows(c), []string{"Wendy 4 4.0/18.0 0.0", "Dan 1 1.0/0.0 0.0", "Nia 0 0.0/14.4 0.0"}; !slices.Equal(got, want) {
			t.Errorf("caseloads with a case held by the manager = %q, want %q", got, want)
		}
		if c.Workers[1].CaseHolder || c.Workers[1].OpenAssessments != 1 || c.Summary.CaseHolders != 1 {
			t.Errorf("the manager: %+v; summary %+v", c.Workers[1], c.Summary)
		}
	})
}

// The queue reads a case's state from its case file (casework.StateOn),
// caseloads from three queries over every open case (CaseStatesOn): both
// must agree on every open child on every day.
func TestCaseStatesFromTheDatabaseAgreeWithTheCaseFiles(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w, _ := newCaseloadWorld(t, s)
		for day := d(2026, 9, 30); !day.After(d(2026, 11, 24)); day = day.AddDate(0, 0, 1) {
			states := must[map[int64]casework.CaseState](t)(s.CaseStatesOn(ctx, day))
			for _, c := range []casework.Child{w.ada, w.ben, w.cal, w.dee, w.eve, w.fay} {
				want := casework.StateOn(w.caseFile(c.ID), day)
				got := states[c.ID]
				got.ChildID, got.SiblingGroup = c.ID, 0
				if got != want {
					t.Errorf("%s on %s: from the database %+v, from the case file %+v", c.LAChildID, day.Format("2 Jan"), got, want)
				}
			}
		}
		states := must[map[int64]casework.CaseState](t)(s.CaseStatesOn(ctx, time.Time{}))
		var groups []int64
		for _, st := range states {
			if st.SiblingGroup != 0 {
				groups = append(groups, st.SiblingGroup)
			}
		}
		if len(groups) != 2 || groups[0] != groups[1] {
			t.Errorf("sibling groups = %v, want Hal and Ivy in one", groups)
		}
	})
}
