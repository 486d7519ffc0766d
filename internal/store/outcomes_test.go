package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestOutcomesOfAChildLookedAfterAreKept: an SDQ, a conviction, an
// immunisation check and substance misuse are saved when checked, read
// back with the case file and in the chronology, corrected at the version
// read (a stale save refused naming who saved), and left out once marked
// as entered in error.
func TestOutcomesOfAChildLookedAfterAreKept(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("OC1", d(2026, 11, 2)) // born 14 March 2015: 11
		wantFields(t, second(s.RecordOutcome(ctx, w.sw, casework.CareOutcome{ChildID: child.ID, Kind: casework.OutcomeSDQ,
			Date: d(2026, 11, 10), SDQScore: ptr(14)})), "date") // not yet looked after
		w.intoCare(child.ID, d(2026, 11, 9))
		record := func(o casework.CareOutcome) casework.CareOutcome {
			o.ChildID = child.ID
			return must[casework.CareOutcome](t)(s.RecordOutcome(ctx, w.sw, o))
		}
		record(casework.CareOutcome{Kind: casework.OutcomeSDQ, Date: d(2026, 11, 10), SDQScore: ptr(14)})
		record(casework.CareOutcome{Kind: casework.OutcomeConviction, Date: d(2026, 11, 11), Notes: "Youth caution"})
		record(casework.CareOutcome{Kind: casework.OutcomeImmunisations, Date: d(2026, 11, 12), UpToDate: true})
		misuse := record(casework.CareOutcome{Kind: casework.OutcomeSubstanceMisuse, Date: d(2026, 11, 13), Offered: true,
			OfferedOn: ptr(d(2026, 11, 13))})
		wantFields(t, second(s.RecordOutcome(ctx, w.sw, casework.CareOutcome{ChildID: child.ID, Kind: casework.OutcomeSDQ,
			Date: d(2026, 11, 14), SDQScore: ptr(14), SDQReason: "SDQ2"})), "sdq_reason")

		received := misuse
		received.Received, received.ReceivedOn = true, ptr(d(2026, 11, 20))
		must[casework.CareOutcome](t)(s.CorrectOutcome(ctx, w.sw, received))
		wantConflict(t, second(s.CorrectOutcome(ctx, w.manager, misuse)), w.sw.Name)

		cf := w.caseFile(child.ID)
		var kinds []string
		for _, o := range cf.Outcomes {
			kinds = append(kinds, o.Kind)
		}
		if !slices.Equal(kinds, []string{"sdq", "conviction", "immunisations", "substance_misuse"}) {
			t.Fatalf("outcomes read back: %v", kinds)
		}
		if o := cf.Outcomes[0]; o.SDQScore == nil || *o.SDQScore != 14 || o.SDQReason != "" {
			t.Errorf("SDQ read back as %+v", o)
		}
		if o := cf.Outcomes[3]; !o.Received || o.ReceivedOn == nil || !o.Offered || o.Version != 2 {
			t.Errorf("substance misuse read back as %+v", o)
		}
		entries := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"care"}, 100))
		var said []string
		for _, e := range entries {
			if e.Entity == "care_outcome" {
				said = append(said, e.Summary)
			}
		}
		if !slices.Contains(said, "SDQ completed: total score 14") || !slices.Contains(said, "Immunisations up to date") ||
			!slices.Contains(said, "Substance misuse identified: intervention received") || len(said) != 4 {
			t.Errorf("chronology says %q", said)
		}
		ok(t, s.MarkInError(ctx, w.sw, "care_outcome", child.ID, cf.Outcomes[1].ID, cf.Outcomes[1].Version, "Another child's"))
		if n := len(w.caseFile(child.ID).Outcomes); n != 3 {
			t.Errorf("%d outcomes after one was marked as entered in error, want 3", n)
		}
	})
}

// TestAConvictionIsOfAChild10OrOver: the record of a child under 10 is
// refused.
func TestAConvictionIsOfAChild10OrOver(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "OC2", FirstName: "Tom",
			LastName: "Hale", DateOfBirth: ptr(d(2018, 5, 1)), Sex: "M", Ethnicity: "WBRI"}))
		w.refer(c.ID, d(2026, 11, 2))
		w.intoCare(c.ID, d(2026, 11, 9))
		wantFields(t, second(s.RecordOutcome(ctx, w.sw, casework.CareOutcome{ChildID: c.ID, Kind: casework.OutcomeConviction,
			Date: d(2026, 11, 10)})), "date")
	})
}
