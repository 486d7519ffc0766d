package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAnAdoptionIsRecordedStageByStageInOrder(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "AD1", FirstName: "Ava",
			LastName: "Lowe", DateOfBirth: ptr(d(2024, 5, 1)), Sex: "F", Ethnicity: "WBRI"}))
		p := must[casework.PermanencePlan](t)(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: c.ID,
			Plan: casework.PermAdoption, DecidedOn: d(2025, 3, 1), CareStarted: ptr(d(2025, 1, 10))}))
		wantFields(t, second(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: c.ID,
			Plan: casework.PermSGO, DecidedOn: d(2025, 4, 1)})), "plan") // one plan at a time
		stage := func(set func(*casework.PermanencePlan)) (casework.PermanencePlan, error) {
			next := p
			set(&next)
			return s.UpdatePermanencePlan(ctx, w.sw, next)
		}
		wantFields(t, second(stage(func(p *casework.PermanencePlan) { p.PlacementOrder = ptr(d(2025, 7, 1)) })), "placement_order")
		p = must[casework.PermanencePlan](t)(stage(func(p *casework.PermanencePlan) { p.ShouldBePlaced = ptr(d(2025, 4, 1)) }))
		p = must[casework.PermanencePlan](t)(stage(func(p *casework.PermanencePlan) { p.PlacementOrder = ptr(d(2025, 7, 1)) }))
		p = must[casework.PermanencePlan](t)(stage(func(p *casework.PermanencePlan) { p.Matched = ptr(d(2025, 9, 15)) }))
		wantFields(t, second(stage(func(p *casework.PermanencePlan) { p.Placed = ptr(d(2025, 9, 1)) })), "placed")
		p = must[casework.PermanencePlan](t)(stage(func(p *casework.PermanencePlan) { p.Placed = ptr(d(2025, 10, 1)) }))
		p = must[casework.PermanencePlan](t)(stage(func(p *casework.PermanencePlan) { p.AdoptionOrder = ptr(d(2026, 3, 2)) }))
		stale := p
		stale.Version = 2
		wantConflict(t, second(s.UpdatePermanencePlan(ctx, w.manager, stale)), w.sw.Name)

		cf := w.caseFile(c.ID)
		got := cf.Permanence[0]
		if a1, ok := got.A1(cf.LookedAfter.Start); !ok || a1 != 264 || got.Version != 6 || cf.OpenPermanencePlan() != nil {
			t.Errorf("plan %+v: A1 %d, %v (want 264 days from the period of care the plan recorded)", got, a1, ok)
		}
		es := summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, c.ID, []string{"permanence"}, 10)))
		want := []string{"2026-03-02 Adoption order made", "2025-10-01 Placed for adoption", "2025-09-15 Matched with adopters",
			"2025-07-01 Placement order granted", "2025-04-01 Decision: should be placed for adoption", "2025-03-01 Permanence plan: Adoption"}
		if !slices.Equal(es, want) {
			t.Errorf("chronology\n got %v\nwant %v", es, want)
		}
		files := must[[]casework.CaseFile](t)(s.PermanenceFiles(ctx))
		if len(files) != 1 || files[0].Child.ID != c.ID || len(files[0].Permanence) != 1 {
			t.Errorf("permanence files = %d", len(files))
		}
	})
}

func TestAPlanThatChangedMakesWayForTheNext(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "AD2", FirstName: "Max",
			LastName: "Hill", DateOfBirth: ptr(d(2022, 5, 1)), Sex: "M", Ethnicity: "WBRI"}))
		p := must[casework.PermanencePlan](t)(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: c.ID,
			Plan: casework.PermAdoption, DecidedOn: d(2025, 3, 1), ShouldBePlaced: ptr(d(2025, 3, 20))}))
		p.Reversed = ptr(d(2025, 9, 1))
		wantFields(t, second(s.UpdatePermanencePlan(ctx, w.sw, p)), "reversed_reason")
		p.ReversedReason = "RD3"
		must[casework.PermanencePlan](t)(s.UpdatePermanencePlan(ctx, w.sw, p))
		sgo := must[casework.PermanencePlan](t)(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: c.ID,
			Plan: casework.PermSGO, DecidedOn: d(2025, 9, 10)}))
		sgo.OrderMade, sgo.OrderReason = ptr(d(2026, 2, 2)), "E41"
		wantFields(t, second(s.UpdatePermanencePlan(ctx, w.sw, sgo)), "order_reason")
		sgo.OrderReason = "E47"
		must[casework.PermanencePlan](t)(s.UpdatePermanencePlan(ctx, w.sw, sgo))
		cf := w.caseFile(c.ID)
		if len(cf.Permanence) != 2 || cf.OpenPermanencePlan() != nil {
			t.Errorf("plans = %+v", cf.Permanence)
		}
		if p := must[casework.CarePeriod](t)(s.LookedAfterDates(ctx, c.ID)); p.Start != nil {
			t.Errorf("no period of care recorded, got %+v", p)
		}
	})
}
