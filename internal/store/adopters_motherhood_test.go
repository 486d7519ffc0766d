package store_test

import (
	"encoding/json"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestWhoAdoptedIsKeptWithTheAdoptionOrder: the adoption order's stage
// saves who adopted, refusing a number, sexes and legal status that do
// not agree, and the case file reads them back.
func TestWhoAdoptedIsKeptWithTheAdoptionOrder(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "AD9", FirstName: "Ivy",
			LastName: "Shaw", DateOfBirth: ptr(d(2024, 5, 1)), Sex: "F", Ethnicity: "WBRI"}))
		p := must[casework.PermanencePlan](t)(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: c.ID,
			Plan: casework.PermAdoption, DecidedOn: d(2025, 3, 1), CareStarted: ptr(d(2025, 1, 10)),
			ShouldBePlaced: ptr(d(2025, 4, 1)), PlacementOrder: ptr(d(2025, 7, 1)), Matched: ptr(d(2025, 9, 15)),
			Placed: ptr(d(2025, 10, 1))}))
		p.AdoptionOrder = ptr(d(2026, 3, 2))
		p.Adopters = casework.Adopters{FosterCarers: "0", Number: 1, Sexes: "MF", LegalStatus: "L11"}
		wantFields(t, second(s.UpdatePermanencePlan(ctx, w.sw, p)), "adopters_sex", "adopters_status")
		p.Adopters = casework.Adopters{FosterCarers: "1", Number: 2, Sexes: "FF", LegalStatus: "L12"}
		must[casework.PermanencePlan](t)(s.UpdatePermanencePlan(ctx, w.sw, p))
		got := w.caseFile(c.ID).Permanence[0]
		if got.Adopters != p.Adopters || got.AdoptionOrder == nil {
			t.Errorf("read back adopters %+v, order %v; want %+v", got.Adopters, got.AdoptionOrder, p.Adopters)
		}
	})
}

// TestMotherhoodIsRecordedOnTheChild: a young woman's motherhood is saved
// at the version read, refused when stale or wrong, read back with the
// child and written to the child's history.
func TestMotherhoodIsRecordedOnTheChild(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "MO1", FirstName: "Jade",
			LastName: "Reid", DateOfBirth: ptr(d(2009, 6, 1)), Sex: "F", Ethnicity: "WBRI"}))
		m := casework.Motherhood{Mother: "1"}
		wantFields(t, second(s.RecordMotherhood(ctx, w.sw, c.ID, c.Version, m)), "first_child_born")
		m.FirstChildBorn = ptr(d(2026, 1, 20))
		saved := must[casework.Child](t)(s.RecordMotherhood(ctx, w.sw, c.ID, c.Version, m))
		wantConflict(t, second(s.RecordMotherhood(ctx, w.manager, c.ID, c.Version, casework.Motherhood{Mother: "0"})), w.sw.Name)
		got := must[casework.Child](t)(s.Child(ctx, c.ID))
		if got.Motherhood.Mother != "1" || got.Motherhood.FirstChildBorn == nil || !got.Motherhood.FirstChildBorn.Equal(d(2026, 1, 20)) ||
			got.Version != saved.Version || got.Version != c.Version+1 {
			t.Errorf("read back %+v version %d, want a mother from 20 January 2026 at version %d", got.Motherhood, got.Version, c.Version+1)
		}
		if cf := w.caseFile(c.ID); cf.Child.Motherhood.Mother != "1" {
			t.Errorf("the case file's child has motherhood %+v", cf.Child.Motherhood)
		}
		events := must[[]store.Event](t)(s.History(ctx, "child", c.ID))
		last := events[len(events)-1]
		var before, after casework.Child
		if json.Unmarshal([]byte(last.Before), &before) != nil || json.Unmarshal([]byte(last.After), &after) != nil ||
			last.Action != "update" || before.Motherhood.Recorded() || after.Motherhood.Mother != "1" {
			t.Errorf("history's last event of the child: %s %s → %s", last.Action, last.Before, last.After)
		}
		boy := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "MO2", FirstName: "Sam",
			LastName: "Reid", DateOfBirth: ptr(d(2009, 6, 1)), Sex: "M", Ethnicity: "WBRI"}))
		wantFields(t, second(s.RecordMotherhood(ctx, w.sw, boy.ID, boy.Version, casework.Motherhood{Mother: "0"})), "mother")
	})
}
