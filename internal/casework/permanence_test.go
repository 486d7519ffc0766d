package casework_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
)

func adoptionPlan() casework.PermanencePlan {
	return casework.PermanencePlan{Plan: casework.PermAdoption, DecidedOn: day(2025, 3, 1), CareStarted: ptr(day(2025, 1, 10)),
		ShouldBePlaced: ptr(day(2025, 4, 1)), PlacementOrder: ptr(day(2025, 7, 1)), Matched: ptr(day(2025, 9, 15)),
		Placed: ptr(day(2025, 10, 1)), AdoptionOrder: ptr(day(2026, 3, 2))}
}

func TestPermanencePlanDatesComeInOrder(t *testing.T) {
	dob := ptr(day(2024, 5, 1))
	for _, tc := range []struct {
		name   string
		change func(*casework.PermanencePlan)
		want   []string
	}{
		{"a complete adoption in order", func(*casework.PermanencePlan) {}, nil},
		{"plan type required", func(p *casework.PermanencePlan) { p.Plan = "" }, []string{"plan"}},
		{"rule 334: decision after entering care", func(p *casework.PermanencePlan) { p.ShouldBePlaced = ptr(day(2025, 1, 1)) },
			[]string{"should_be_placed"}},
		{"rule 553: placement order needs the decision", func(p *casework.PermanencePlan) {
			p.ShouldBePlaced, p.Matched, p.Placed, p.AdoptionOrder = nil, nil, nil, nil
		}, []string{"placement_order"}},
		{"rule 554: placement order not before the decision", func(p *casework.PermanencePlan) { p.PlacementOrder = ptr(day(2025, 3, 20)) },
			[]string{"placement_order"}},
		{"a match before the placement order is refused", func(p *casework.PermanencePlan) { p.Matched = ptr(day(2025, 6, 1)) },
			[]string{"matched"}},
		{"rule 331: placed on or after the match", func(p *casework.PermanencePlan) { p.Placed = ptr(day(2025, 9, 1)) },
			[]string{"placed"}},
		{"adoption order after placement", func(p *casework.PermanencePlan) { p.AdoptionOrder = ptr(day(2025, 9, 30)) },
			[]string{"adoption_order"}},
		{"adoption order needs a placement", func(p *casework.PermanencePlan) { p.Placed, p.AdoptionOrder = nil, ptr(day(2026, 1, 5)) },
			[]string{"adoption_order"}},
		{"rule 184: not before birth", func(p *casework.PermanencePlan) { p.ShouldBePlaced = ptr(day(2024, 4, 1)); p.CareStarted = nil },
			[]string{"should_be_placed"}},
		{"not in the future", func(p *casework.PermanencePlan) { p.AdoptionOrder = ptr(today.AddDate(0, 0, 1)) },
			[]string{"adoption_order"}},
		{"rule 119: a reversal needs its reason", func(p *casework.PermanencePlan) {
			p.AdoptionOrder, p.Placed, p.Matched, p.Reversed = nil, nil, nil, ptr(day(2025, 8, 1))
		}, []string{"reversed_reason"}},
		{"rule 525: reversed and adopted", func(p *casework.PermanencePlan) { p.Reversed, p.ReversedReason = ptr(day(2026, 1, 1)), "RD4" },
			[]string{"reversed"}},
		{"adoption stages only on an adoption plan", func(p *casework.PermanencePlan) { p.Plan = casework.PermSGO }, []string{"plan"}},
		{"an SGO on an SGO plan", func(p *casework.PermanencePlan) {
			*p = casework.PermanencePlan{Plan: casework.PermSGO, DecidedOn: day(2025, 3, 1), OrderMade: ptr(day(2025, 9, 1)), OrderReason: "E47"}
		}, nil},
		{"a CAO is E41", func(p *casework.PermanencePlan) {
			*p = casework.PermanencePlan{Plan: casework.PermCAO, DecidedOn: day(2025, 3, 1), OrderMade: ptr(day(2025, 9, 1)), OrderReason: "E47"}
		}, []string{"order_reason"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := adoptionPlan()
			tc.change(&p)
			if got := fieldsOf(p.Validate(dob, today)); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOnePermanencePlanAtATime(t *testing.T) {
	cf := casework.CaseFile{Permanence: []casework.PermanencePlan{{ID: 1, Plan: casework.PermAdoption, DecidedOn: day(2025, 3, 1)}}}
	next := casework.PermanencePlan{Plan: casework.PermSGO, DecidedOn: day(2025, 9, 1)}
	if got := fieldsOf(cf.CheckNewPermanencePlan(next, today)); !slices.Equal(got, []string{"plan"}) {
		t.Errorf("a second open plan: %v, want plan", got)
	}
	cf.Permanence[0].Reversed = ptr(day(2025, 8, 1))
	if err := cf.CheckNewPermanencePlan(next, today); err != nil {
		t.Errorf("after the first changed: %v", err)
	}
}

// A1: entering care to moving in with adopters; A2: placement order to
// match, 0 when matched first; averaged over children adopted in a period.
func TestAdoptionTimeliness(t *testing.T) {
	p := adoptionPlan()
	if n, ok := p.A1(p.CareStarted); !ok || n != 264 { // 10 Jan to 1 Oct 2025
		t.Errorf("A1 = %d, %v; want 264 days", n, ok)
	}
	if n, ok := p.A2(); !ok || n != 76 { // 1 Jul to 15 Sep 2025
		t.Errorf("A2 = %d, %v; want 76 days", n, ok)
	}
	if n := casework.A2Days(day(2025, 7, 1), day(2025, 6, 1)); n != 0 {
		t.Errorf("matched before the order: A2 = %d, want 0", n)
	}
	if _, ok := p.A1(nil); ok {
		t.Error("A1 needs the day the child entered care")
	}
	second := adoptionPlan()
	second.CareStarted, second.PlacementOrder = ptr(day(2024, 10, 1)), nil // no placement order: out of A2
	late := adoptionPlan()
	late.AdoptionOrder = ptr(day(2026, 6, 1)) // adopted after the period
	ts := []casework.AdoptionTiming{{p, p.CareStarted}, {second, second.CareStarted}, {late, late.CareStarted}}
	got := casework.AverageAdoptionTimes(ts, day(2025, 4, 1), day(2026, 3, 31))
	// (264 + 365) / 2 = 314.5, rounded half up
	want := casework.AdoptionAverages{Adopted: 2, A1Children: 2, A1Mean: 315, A2Children: 1, A2Mean: 76}
	if got != want {
		t.Errorf("averages = %+v, want %+v", got, want)
	}
}
