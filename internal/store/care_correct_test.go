package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAPlacementsDetailsAreCorrectedButNotItsDates(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		p := w.intoCare(child.ID, d(2026, 11, 9)).Placement
		fixed := p
		fixed.Type, fixed.Provider, fixed.Postcode, fixed.DistanceMiles, fixed.InArea = "K2", "PR4", "dh1 1aa", 24.04, false
		got := must[casework.Placement](t)(s.CorrectPlacement(ctx, w.sw, fixed))
		if got.Version != 2 || got.Postcode != "DH1 1AA" || got.DistanceMiles != 24 {
			t.Errorf("corrected placement = %+v", got)
		}
		if cur := w.caseFile(child.ID).CurrentPlacement(); cur.Type != "K2" || cur.InArea || !cur.StartDate.Equal(p.StartDate) {
			t.Errorf("current placement = %+v, want the corrected one from the same day", cur)
		}
		moved := got
		moved.StartDate = d(2026, 11, 10)
		refused(t, s, func() error { _, err := s.CorrectPlacement(ctx, w.sw, moved); return err }, "placement_type")
		bad := got
		bad.Postcode = "nowhere"
		refused(t, s, func() error { _, err := s.CorrectPlacement(ctx, w.sw, bad); return err }, "postcode")
		fixed.Postcode = "NE2 1AA" // from the version first read
		staleRefused(t, s, "User sam", func() error { _, err := s.CorrectPlacement(ctx, w.manager, fixed); return err })
		events := must[[]store.Event](t)(s.History(ctx, "placement", p.ID))
		if last := events[len(events)-1]; last.Action != "correct" || last.Actor != "User sam" {
			t.Errorf("last event = %+v, want the correction", last)
		}
	})
}

func TestALegalStatusDateIsCorrectedBetweenTheStatusesBeforeAndAfter(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		first := w.intoCare(child.ID, d(2026, 11, 2)).LegalStatus
		second := must[casework.LegalStatus](t)(s.ChangeLegalStatus(ctx, w.sw, casework.LegalStatus{ChildID: child.ID,
			StartDate: d(2026, 11, 10), Code: "C1"}))
		third := must[casework.LegalStatus](t)(s.ChangeLegalStatus(ctx, w.sw, casework.LegalStatus{ChildID: child.ID,
			StartDate: d(2026, 11, 20), Code: "C2"}))
		correct := func(ls casework.LegalStatus) func() error {
			return func() error { _, err := s.CorrectLegalStatus(ctx, w.sw, ls); return err }
		}
		at := func(ls casework.LegalStatus, day int) casework.LegalStatus {
			ls.StartDate = d(2026, 11, day)
			return ls
		}
		refused(t, s, correct(at(first, 3)), "start_date")   // the first starts with the period of care
		refused(t, s, correct(at(second, 2)), "start_date")  // on the day the one before began
		refused(t, s, correct(at(second, 20)), "start_date") // on the day the next began
		refused(t, s, correct(at(third, 25)), "start_date")  // in the future
		code := second
		code.Code = "V2" // the same as the one before it
		refused(t, s, correct(code), "legal_status")
		ok(t, correct(at(second, 12))())
		starts := []string{}
		for _, ls := range w.caseFile(child.ID).LegalStatuses {
			starts = append(starts, ls.StartDate.Format("01-02")+" "+ls.Code)
		}
		if want := []string{"11-02 V2", "11-12 C1", "11-20 C2"}; !slices.Equal(starts, want) {
			t.Errorf("legal statuses = %v, want %v", starts, want)
		}
		staleRefused(t, s, "User sam", correct(at(second, 13)))
	})
}

func TestAReviewDateIsCorrectedAndTheNextReviewMovesWithIt(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 9, 1))
		w.intoCare(child.ID, d(2026, 9, 1))
		r := must[casework.CareEvent](t)(s.RecordCareEvent(ctx, w.sw, casework.CareEvent{ChildID: child.ID,
			Kind: casework.CareReview, Date: d(2026, 9, 28), IRO: "Irene Oduya", Participation: "PN1"}))
		due := func() string {
			for _, task := range timescaleTasks(t, w, child.ID) {
				if task.Rule.ID == "cla_review_2" {
					return task.Due.Format("2006-01-02")
				}
			}
			return ""
		}
		if got := due(); got != "2026-12-28" {
			t.Fatalf("second review due %s before the correction, want 3 months after 28 September", got)
		}
		fixed := r
		fixed.Date = d(2026, 9, 25)
		ok(t, second(s.CorrectCareEvent(ctx, w.sw, fixed)))
		if got := due(); got != "2026-12-25" {
			t.Errorf("second review due %s after the correction, want 3 months after 25 September", got)
		}
		early := fixed
		early.Date, early.Version = d(2026, 8, 31), 2
		refused(t, s, func() error { _, err := s.CorrectCareEvent(ctx, w.sw, early); return err }, "date")
		kind := early
		kind.Date, kind.Kind = d(2026, 9, 25), casework.DentalCheck
		refused(t, s, func() error { _, err := s.CorrectCareEvent(ctx, w.sw, kind); return err }, "date")
		staleRefused(t, s, "User sam", func() error { _, err := s.CorrectCareEvent(ctx, w.manager, fixed); return err })
	})
}
