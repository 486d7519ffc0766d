package synth_test

import (
	"fmt"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestGeneratedCourtWorkKeepsTheRules replays every child's pre-proceedings
// and proceedings, in order, through the rules a worker's records must
// keep: a stage started once, its letters and meetings while it runs, its
// end (by stepping down, or by the proceedings it led to), one application
// at a time, and hearings after the issue with one final hearing.
func TestGeneratedCourtWorkKeepsTheRules(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	n := map[string]int{}
	for _, c := range a.Children() {
		if err := replayCourt(c, a.AsAt); err != nil {
			t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
		}
		n["plo"] += len(c.PLOs)
		n["proceedings"] += len(c.Proceedings)
		for _, p := range c.Proceedings {
			if p.PLOID != nil {
				n["after plo"]++
			}
		}
		for _, h := range c.Hearings {
			n[h.Kind]++
		}
	}
	t.Logf("%v", n)
	for _, k := range []string{"plo", "proceedings", "after plo", "interim", "cmh", "irh", casework.HearingFinal} {
		if n[k] == 0 {
			t.Errorf("no %s in the court work generated: %v", k, n)
		}
	}
}

// replayCourt rebuilds a child's court work step by step.
func replayCourt(c *store.SyntheticBatch, asAt time.Time) error {
	cf := casework.CaseFile{Child: c.Children[0]}
	for _, p := range c.PLOs {
		open := p
		open.EndDate, open.Outcome = nil, ""
		if err := cf.CheckStartPLO(open, asAt); err != nil {
			return fmt.Errorf("pre-proceedings from %s: %w", p.StartDate.Format(time.DateOnly), err)
		}
		cf.PLOs = append(cf.PLOs, open)
		for _, e := range c.PLOEvents {
			if e.PLOID == p.ID {
				if err := cf.CheckPLOEvent(e, asAt); err != nil {
					return fmt.Errorf("pre-proceedings %s on %s: %w", e.Kind, e.Date.Format(time.DateOnly), err)
				}
				cf.PLOEvents = append(cf.PLOEvents, e)
			}
		}
		if p.EndDate != nil && p.Outcome == casework.PLOStepDown {
			if err := cf.CheckEndPLO(*p.EndDate, asAt); err != nil {
				return fmt.Errorf("step down: %w", err)
			}
			cf.PLOs[len(cf.PLOs)-1] = p
		}
	}
	for _, pr := range c.Proceedings {
		open := pr
		open.FinalHearing, open.FinalOrder = nil, ""
		if err := cf.CheckIssueProceedings(open, asAt); err != nil {
			return fmt.Errorf("proceedings issued %s: %w", pr.IssuedOn.Format(time.DateOnly), err)
		}
		if plo := cf.OpenPLO(); plo != nil {
			if pr.PLOID == nil || *pr.PLOID != plo.ID {
				return fmt.Errorf("proceedings issued %s do not end the pre-proceedings running", pr.IssuedOn.Format(time.DateOnly))
			}
			plo.EndDate, plo.Outcome = &pr.IssuedOn, casework.PLOToProceedings
		}
		cf.Proceedings = append(cf.Proceedings, open)
		for _, h := range c.Hearings {
			if h.ProceedingsID != pr.ID {
				continue
			}
			if err := cf.CheckHearing(h, asAt); err != nil {
				return fmt.Errorf("%s hearing on %s: %w", h.Kind, h.Date.Format(time.DateOnly), err)
			}
			cf.Hearings = append(cf.Hearings, h)
			if h.Kind == casework.HearingFinal {
				cf.Proceedings[len(cf.Proceedings)-1].FinalHearing = &h.Date
				cf.Proceedings[len(cf.Proceedings)-1].FinalOrder = h.FinalOrder
			}
		}
		if got := cf.Proceedings[len(cf.Proceedings)-1]; (got.FinalHearing == nil) != (pr.FinalHearing == nil) {
			return fmt.Errorf("proceedings issued %s: the final hearing recorded is not the hearings'", pr.IssuedOn.Format(time.DateOnly))
		}
	}
	return nil
}

// TestCareOrdersFollowTheScenario: of the applications ending in a care
// order (issued long enough before the as-at date for the slowest to have
// ended), the share whose final hearing was within 26 weeks of the issue
// is the share the periods they were issued in give (within 10 points).
func TestCareOrdersFollowTheScenario(t *testing.T) {
	for _, name := range []string{"steady", "improving-2017"} {
		a := generate(t, name, "la", 7)
		sc, err := synth.LookupScenario(name)
		if err != nil {
			t.Fatal(err)
		}
		in, all, want := 0, 0, 0.0
		for _, c := range a.Children() {
			for _, p := range c.Proceedings {
				if p.FinalOrder != "care_order" || p.IssuedOn.After(a.AsAt.AddDate(0, 0, -340)) {
					continue
				}
				all++
				want += sc.At(p.IssuedOn).FinalWithin26Weeks
				if !p.FinalHearing.After(p.IssuedOn.AddDate(0, 0, 7*26)) {
					in++
				}
			}
		}
		got := float64(in) / float64(all)
		want /= float64(all)
		t.Logf("%s: %d of %d care orders within 26 weeks (%.0f%%, want %.0f%%)", name, in, all, got*100, want*100)
		if all < 100 || got < want-0.1 || got > want+0.1 {
			t.Errorf("%s: %.0f%% of %d care orders within 26 weeks, want %.0f%% ± 10", name, got*100, all, want*100)
		}
	}
}
