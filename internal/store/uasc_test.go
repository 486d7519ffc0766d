package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestUASCStatusIsRecordedFromTheVersionReadAndCeasesByTheEighteenthBirthday(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "UA1",
			FirstName: "Dawit", LastName: "Haile", DateOfBirth: ptr(d(2008, 12, 20)), Sex: "M", Ethnicity: "BAFR"}))
		set := func(c casework.Child) func() error {
			return func() error { _, err := s.SetUASC(ctx, w.sw, c); return err }
		}
		read := child
		read.UASC = true
		got := must[casework.Child](t)(s.SetUASC(ctx, w.sw, read))
		if !got.UASC || got.UASCCeased != nil || got.Version != 2 || got.FirstName != "Dawit" {
			t.Errorf("after marking UASC: %+v", got)
		}
		stale := read
		stale.UASCCeased = ptr(d(2026, 10, 1))
		staleRefused(t, s, "User sam", set(stale)) // saved from version 1, now 2

		ceased := got
		ceased.UASCCeased = ptr(d(2026, 12, 20)) // the 18th birthday: in the future on 1 December
		refused(t, s, set(ceased), "uasc_ceased")
		never := got
		never.UASC, never.UASCCeased = false, ptr(d(2026, 10, 1))
		refused(t, s, set(never), "uasc_ceased")
		ceased.UASCCeased = ptr(d(2026, 10, 1))
		got = must[casework.Child](t)(s.SetUASC(ctx, w.sw, ceased))
		stored := must[casework.Child](t)(s.Child(ctx, child.ID))
		if !stored.UASC || stored.UASCCeased == nil || !stored.UASCCeased.Equal(d(2026, 10, 1)) || stored.Version != 3 {
			t.Errorf("stored child = %+v, want UASC ceased on 1 October 2026 at version 3", stored)
		}
		events := must[[]store.Event](t)(s.History(ctx, "child", child.ID))
		if last := events[len(events)-1]; last.Action != "uasc" || last.Actor != "User sam" {
			t.Errorf("last event = %+v, want the UASC change by sam", last)
		}
		entries := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, nil, 50))
		if !slices.Contains(summaries(entries), "2026-10-01 Status as an unaccompanied asylum-seeking child ceased") {
			t.Errorf("chronology = %v, want the day UASC status ceased", summaries(entries))
		}
	})
}

func TestUASCStatusCannotOutliveTheEighteenthBirthday(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "UA2",
			FirstName: "Ali", LastName: "Rahimi", DateOfBirth: ptr(d(2007, 3, 5)), Sex: "M", Ethnicity: "AOTH"}))
		child.UASC, child.UASCCeased = true, ptr(d(2025, 3, 6)) // the day after the 18th birthday (SSDA903 rule 304)
		refused(t, s, func() error { _, err := s.SetUASC(ctx, w.sw, child); return err }, "uasc_ceased")
		child.UASCCeased = ptr(d(2025, 3, 5))
		if got := must[casework.Child](t)(s.SetUASC(ctx, w.sw, child)); !got.FormerlyUASC(d(2025, 3, 5)) {
			t.Errorf("child = %+v, want formerly UASC from the 18th birthday", got)
		}
	})
}

func TestPreviousPermanenceIsRecordedWhenCareBeginsAndCorrected(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		start := func(perm, la, date string) casework.CareStart {
			return casework.CareStart{
				Episode: casework.CareEpisode{ChildID: child.ID, StartDate: d(2026, 11, 9), CategoryOfNeed: "N1",
					PrevPerm: perm, PrevPermLA: la, PrevPermDate: date},
				LegalStatus: casework.LegalStatus{StartDate: d(2026, 11, 9), Code: "V2"},
				Placement: casework.Placement{StartDate: d(2026, 11, 9), Type: "U6", Provider: "PR1", Postcode: "NE1 4AB",
					InArea: true},
			}
		}
		try := func(cs casework.CareStart) func() error {
			return func() error { _, err := s.StartCare(ctx, w.sw, cs); return err }
		}
		refused(t, s, try(start("P2", "", "2019-06-ZZ")), "prev_perm_la")      // rule 633
		refused(t, s, try(start("P2", "390", "")), "prev_perm_date")           // rule 630
		refused(t, s, try(start("P2", "390", "2026-11-ZZ")), "prev_perm_date") // rule 632: could be after the start
		refused(t, s, try(start("Z1", "390", "")), "prev_perm")                // rule 635
		cs := must[casework.CareStart](t)(s.StartCare(ctx, w.sw, start("p2", "390", "2019-06-zz")))
		ep := w.caseFile(child.ID).OpenCareEpisode()
		if ep.PrevPerm != "P2" || ep.PrevPermLA != "390" || ep.PrevPermDate != "2019-06-ZZ" {
			t.Errorf("period of care = %+v, want P2 by 390 in June 2019", *ep)
		}
		fixed := *ep
		fixed.PrevPerm, fixed.PrevPermLA, fixed.PrevPermDate = "P1", "SCO", "2018-ZZ-ZZ"
		got := must[casework.CareEpisode](t)(s.CorrectPreviousPermanence(ctx, w.sw, fixed))
		if got.PrevPerm != "P1" || got.Version != ep.Version+1 || !got.StartDate.Equal(cs.Episode.StartDate) {
			t.Errorf("corrected period = %+v", got)
		}
		stale := fixed
		stale.PrevPerm, stale.PrevPermLA, stale.PrevPermDate = "Z1", "", ""
		staleRefused(t, s, "User sam", func() error { _, err := s.CorrectPreviousPermanence(ctx, w.manager, stale); return err })
		events := must[[]store.Event](t)(s.History(ctx, "care_episode", ep.ID))
		if last := events[len(events)-1]; last.Action != "correct" {
			t.Errorf("last event = %+v, want the correction", last)
		}
	})
}
