package synth_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestReversedDecisions checks, on two large authorities, that about the
// assumed share of decisions that a child should be placed for adoption
// are reversed (synth.CareFlows().Reversed, ±6 points: some 300 decisions,
// so about two and a half standard errors), over the decisions made from
// the start of each history to three years before its as-at date, by when
// nearly all have been carried through or reversed; and that every
// reversal has a reason (RD1 to RD4, each used), comes after the
// decision, after any placement order and match and before any move to
// adopters, leaves the child under a care order rather than the placement
// order, and is not followed by an adoption (E11, E12) of the child.
func TestReversedDecisions(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	var decisions, reversed, ended int
	reasons := map[string]int{}
	for seed := range uint64(2) {
		a := generate(t, "steady", "la", seed+1)
		resolved := calendar.AddMonths(a.AsAt, -36)
		for _, c := range a.Children() {
			for _, p := range c.Permanence {
				if p.ShouldBePlaced == nil {
					continue
				}
				if !p.ShouldBePlaced.After(resolved) {
					decisions++
					if p.Reversed != nil {
						reversed++
					}
				}
				if p.Reversed == nil {
					continue
				}
				reasons[p.ReversedReason]++
				if err := checkReversal(c, p); err != nil {
					t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
				}
				if slices.ContainsFunc(c.CareEpisodes, func(e casework.CareEpisode) bool { return e.EndDate != nil }) {
					ended++
				}
			}
		}
	}
	t.Logf("%d decisions to three years before the as-at date, %d reversed; reasons %v; %d children reversed left care another way",
		decisions, reversed, reasons, ended)
	tolerance{name: "decisions reversed (±6 points)", got: share(reversed, decisions), want: synth.CareFlows().Reversed, abs: 0.06}.check(t)
	for _, c := range casework.ReversalReasons() {
		if reasons[c.Code] == 0 {
			t.Errorf("no decision reversed for %s (%s)", c.Code, c.Label)
		}
	}
}

// checkReversal checks one reversed plan against its own stages and the
// child's period of care.
func checkReversal(c *store.SyntheticBatch, p casework.PermanencePlan) error {
	rev, day := *p.Reversed, calendar.FormatDate(*p.Reversed)
	if !slices.ContainsFunc(casework.ReversalReasons(), func(r casework.Code) bool { return r.Code == p.ReversedReason }) {
		return fmt.Errorf("reversed on %s with reason %q, not one of RD1 to RD4", day, p.ReversedReason)
	}
	if !rev.After(*p.ShouldBePlaced) {
		return fmt.Errorf("reversed on %s, not after the decision", day)
	}
	for _, s := range []*time.Time{p.PlacementOrder, p.Matched} {
		if s != nil && s.After(rev) {
			return fmt.Errorf("reversed on %s, before a stage of the plan on %s", day, calendar.FormatDate(*s))
		}
	}
	if p.Placed != nil || p.AdoptionOrder != nil {
		return fmt.Errorf("reversed on %s, yet placed with adopters or adopted under the plan", day)
	}
	if p.PlacementOrder != nil && statusOn(c.LegalStatuses, rev) != "C2" {
		return fmt.Errorf("reversed on %s with a placement order, but the legal status then is %s, not the care order C2",
			day, statusOn(c.LegalStatuses, rev))
	}
	for _, e := range c.CareEpisodes {
		if e.EndReason == "E11" || e.EndReason == "E12" {
			return fmt.Errorf("reversed on %s, yet care ended with adoption (%s)", day, e.EndReason)
		}
		if e.EndDate != nil && e.EndDate.Before(rev) {
			return fmt.Errorf("reversed on %s, after care ended", day)
		}
	}
	return nil
}

// statusOn is the legal status in force on day d.
func statusOn(ls []casework.LegalStatus, d time.Time) string {
	code := ""
	for _, l := range ls {
		if !l.StartDate.After(d) {
			code = l.Code
		}
	}
	return code
}
