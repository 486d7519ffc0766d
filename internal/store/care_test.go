package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// intoCare brings a child into care on day on under section 20, in a
// foster placement 3.26 miles from home.
func (w *world) intoCare(childID int64, on time.Time) casework.CareStart {
	w.t.Helper()
	return must[casework.CareStart](w.t)(w.s.StartCare(ctx, w.sw, casework.CareStart{
		Episode:     casework.CareEpisode{ChildID: childID, StartDate: on, CategoryOfNeed: "n1", IRO: "Irene Oduya"},
		LegalStatus: casework.LegalStatus{StartDate: on, Code: "v2"},
		Placement: casework.Placement{StartDate: on, Type: "u6", Provider: "pr1", Postcode: "ne14ab",
			DistanceMiles: 3.26, InArea: true},
	}))
}

func TestBringingAChildIntoCareRecordsTheEpisodeLegalStatusAndPlacement(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		cs := w.intoCare(child.ID, d(2026, 11, 9))
		cf := w.caseFile(child.ID)
		ep, ls, pl := cf.OpenCareEpisode(), cf.CurrentLegalStatus(), cf.CurrentPlacement()
		if ep == nil || ep.ID != cs.Episode.ID || ep.Reason != "S" || ep.CategoryOfNeed != "N1" || ep.IRO != "Irene Oduya" {
			t.Fatalf("episode = %+v", ep)
		}
		if ls == nil || ls.Code != "V2" || !ls.StartDate.Equal(d(2026, 11, 9)) || ls.EpisodeID != ep.ID {
			t.Errorf("legal status = %+v", ls)
		}
		if pl == nil || pl.Type != "U6" || pl.Provider != "PR1" || pl.Postcode != "NE1 4AB" || pl.DistanceMiles != 3.3 || !pl.InArea {
			t.Errorf("placement = %+v", pl)
		}
		for entity, id := range map[string]int64{"care_episode": ep.ID, "legal_status": ls.ID, "placement": pl.ID} {
			if h := must[[]store.Event](t)(s.History(ctx, entity, id)); len(h) != 1 || h[0].Action != "create" {
				t.Errorf("history of %s %d = %+v, want one create", entity, id, h)
			}
		}
		second := func() error {
			_, err := s.StartCare(ctx, w.sw, casework.CareStart{
				Episode:     casework.CareEpisode{ChildID: child.ID, StartDate: d(2026, 11, 16), CategoryOfNeed: "N1"},
				LegalStatus: casework.LegalStatus{StartDate: d(2026, 11, 16), Code: "C1"},
				Placement:   casework.Placement{StartDate: d(2026, 11, 16), Type: "K2", Provider: "PR4", Postcode: "DH1 1AA"}})
			return err
		}
		refused(t, s, second, "start_date")
		got := summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"care"}, 10)))
		want := []string{"2026-11-09 Placed: Foster placement with other foster carer: other",
			"2026-11-09 Legal status: Accommodated under section 20 (single period)", "2026-11-09 Became looked after"}
		if !slices.Equal(got, want) {
			t.Errorf("chronology = %q, want %q", got, want)
		}
	})
}

func TestCareRulesRefuseBadRecordsAndSaveNothing(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		move := func(on time.Time, reason string) func() error {
			return func() error {
				_, err := s.MovePlacement(ctx, w.sw, casework.Placement{ChildID: child.ID, StartDate: on, Type: "K2",
					Provider: "PR4", Postcode: "DH1 1AA", DistanceMiles: 22}, reason)
				return err
			}
		}
		refused(t, s, move(d(2026, 11, 16), "CARPL"), "placement_type") // a placement without an episode
		w.intoCare(child.ID, d(2026, 11, 9))
		refused(t, s, move(d(2026, 11, 9), "CARPL"), "start_date") // overlaps the first placement
		refused(t, s, move(d(2026, 11, 6), "CARPL"), "start_date") // before the episode started
		refused(t, s, move(d(2026, 11, 16), ""), "change_reason")
		refused(t, s, func() error {
			_, err := s.ChangeLegalStatus(ctx, w.sw, casework.LegalStatus{ChildID: child.ID, StartDate: d(2026, 11, 9), Code: "C1"})
			return err
		}, "start_date")
		refused(t, s, func() error {
			_, err := s.RecordCareEvent(ctx, w.sw, casework.CareEvent{ChildID: child.ID, Kind: casework.CareReview,
				Date: d(2026, 11, 20), Participation: "PN1"})
			return err
		}, "iro")
		ok(t, move(d(2026, 11, 16), "CARPL")())
		ep := w.caseFile(child.ID).OpenCareEpisode()
		refused(t, s, func() error { return s.EndCare(ctx, w.sw, child.ID, ep.Version, d(2026, 11, 13), "E4A") }, "end_date")
	})
}

func TestAMoveEndsTheCurrentPlacementAndEndingCareClosesTheRecord(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		first := w.intoCare(child.ID, d(2026, 11, 9)).Placement
		moved := must[casework.Placement](t)(s.MovePlacement(ctx, w.sw, casework.Placement{ChildID: child.ID,
			StartDate: d(2026, 11, 16), Type: "K2", Provider: "PR4", Postcode: "DH1 1AA", DistanceMiles: 24.04, SchoolMove: true}, "creqb"))
		must[casework.LegalStatus](t)(s.ChangeLegalStatus(ctx, w.sw, casework.LegalStatus{ChildID: child.ID, StartDate: d(2026, 11, 17), Code: "C1"}))
		must[casework.CareEvent](t)(s.RecordCareEvent(ctx, w.sw, casework.CareEvent{ChildID: child.ID, Kind: casework.CareReview,
			Date: d(2026, 11, 20), IRO: "Ravi Shah", Participation: "pn1"}))
		must[casework.FamilyTime](t)(s.RecordFamilyTime(ctx, w.sw, casework.FamilyTime{ChildID: child.ID,
			StartDate: d(2026, 11, 18), With: "Mother", Frequency: "weekly", Supervised: true}))
		cf := w.caseFile(child.ID)
		old := cf.Placements[0]
		if old.ID != first.ID || old.EndDate == nil || !old.EndDate.Equal(d(2026, 11, 16)) || old.ChangeReason != "CREQB" || old.Version != 2 {
			t.Errorf("first placement after the move = %+v", old)
		}
		if cur := cf.CurrentPlacement(); cur == nil || cur.ID != moved.ID || cur.DistanceMiles != 24 || !cur.SchoolMove {
			t.Errorf("current placement = %+v", cur)
		}
		if ls := cf.CurrentLegalStatus(); ls.Code != "C1" {
			t.Errorf("legal status = %+v, want C1", ls)
		}
		ep := cf.OpenCareEpisode()
		if ep.IRO != "Ravi Shah" || ep.Version != 2 {
			t.Errorf("the review's IRO becomes the episode's: %+v", ep)
		}
		wantConflict(t, s.EndCare(ctx, w.manager, child.ID, 1, d(2026, 11, 23), "E4A"), "User sam")
		ok(t, s.EndCare(ctx, w.sw, child.ID, ep.Version, d(2026, 11, 23), "e4a"))
		cf = w.caseFile(child.ID)
		if cf.OpenCareEpisode() != nil || cf.CareEpisodes[0].EndReason != "E4A" || cf.Placements[1].EndDate == nil || cf.FamilyTime[0].EndDate == nil {
			t.Errorf("after the end: %+v", cf)
		}
		got := strings.Join(summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"care"}, 20))), "\n")
		for _, want := range []string{"2026-11-23 Stopped being looked after: Returned home as part of the care planning process",
			"2026-11-20 Looked-after review", "2026-11-18 Family time arranged with Mother",
			"2026-11-17 Legal status: Interim care order", "2026-11-16 Placed: Children's home",
			"2026-11-16 Placement ended: Carer requested placement end due to child's behaviour"} {
			if !strings.Contains(got, want) {
				t.Errorf("chronology lacks %q:\n%s", want, got)
			}
		}
	})
}

func TestACareRecordMarkedInErrorLeavesTheCaseFile(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		w.intoCare(child.ID, d(2026, 11, 9))
		e := must[casework.CareEvent](t)(s.RecordCareEvent(ctx, w.sw, casework.CareEvent{ChildID: child.ID,
			Kind: casework.HealthInitial, Date: d(2026, 11, 12)}))
		wantFields(t, s.MarkInError(ctx, w.sw, "care_event", child.ID, e.ID, e.Version, " "), "reason")
		ok(t, s.MarkInError(ctx, w.sw, "care_event", child.ID, e.ID, e.Version, "Recorded on the wrong child"))
		if cf := w.caseFile(child.ID); len(cf.CareEvents) != 0 {
			t.Errorf("care events = %+v, want none", cf.CareEvents)
		}
		wantConflict(t, s.MarkInError(ctx, w.sw, "care_event", child.ID, e.ID, e.Version, "again"), "User sam")
		entries := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"care"}, 10))
		if len(entries) == 0 || entries[0].Summary != "Initial health assessment" || !entries[0].InError {
			t.Errorf("chronology = %+v, want the assessment struck through", entries)
		}
	})
}

func TestCareFactsAreThoseOfTheYearToTheDateAsked(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		moved, _ := w.child("LA1", d(2026, 11, 2))
		w.intoCare(moved.ID, d(2026, 11, 9))
		must[casework.Placement](t)(s.MovePlacement(ctx, w.sw, casework.Placement{ChildID: moved.ID, StartDate: d(2026, 11, 16),
			Type: "K2", Provider: "PR4", Postcode: "DH1 1AA", DistanceMiles: 30}, "CREQB"))
		home, _ := w.child("LA2", d(2026, 11, 2))
		w.intoCare(home.ID, d(2026, 11, 3))
		must[casework.FamilyTime](t)(s.RecordFamilyTime(ctx, w.sw, casework.FamilyTime{ChildID: home.ID,
			StartDate: d(2026, 11, 4), With: "Father", Frequency: "weekly"}))
		ep := w.caseFile(home.ID).OpenCareEpisode()
		ok(t, s.EndCare(ctx, w.sw, home.ID, ep.Version, d(2026, 11, 20), "E4A"))

		facts := must[[]casework.CareFacts](t)(s.CareFacts(ctx, d(2026, 11, 18)))
		if len(facts) != 2 {
			t.Fatalf("facts on 18 Nov = %+v, want both children", facts)
		}
		byID := map[int64]casework.CareFacts{}
		for _, f := range facts {
			byID[f.Child.ID] = f
		}
		if f := byID[moved.ID]; len(f.Placements) != 2 || f.Placements[1].Type != "K2" || f.FamilyTime || f.Child.LAChildID != "LA1" {
			t.Errorf("the moved child's facts = %+v", f)
		}
		if f := byID[home.ID]; !f.FamilyTime || f.Episode.EndDate == nil || len(f.Placements) != 1 {
			t.Errorf("the child who went home: %+v", f)
		}
		if got := casework.SufficiencyOn(facts, d(2026, 11, 18)); len(got.Placed) != 2 || len(got.Moves) != 1 {
			t.Errorf("sufficiency on 18 Nov: %d placed, %d moves", len(got.Placed), len(got.Moves))
		}
		// A day a year and more after the end, the child who went home is
		// no longer in the year asked about.
		later := must[[]casework.CareFacts](t)(s.CareFacts(ctx, d(2027, 11, 21)))
		if len(later) != 1 || later[0].Child.ID != moved.ID {
			t.Errorf("facts a year on = %+v, want only the child still in care", later)
		}
	})
}

// The period of care that adoption timeliness (A1) and care leavers'
// eligibility read is the child's care episode once one is recorded.
func TestThePeriodOfCareComesFromTheCareEpisode(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		if p := must[casework.CarePeriod](t)(s.LookedAfterDates(ctx, child.ID)); p.Start != nil {
			t.Fatalf("before care: %+v, want no period", p)
		}
		w.intoCare(child.ID, d(2026, 11, 9))
		if p := w.caseFile(child.ID).LookedAfter; p.Start == nil || !p.Start.Equal(d(2026, 11, 9)) || p.End != nil {
			t.Errorf("in care: %+v, want from 9 November 2026, open", p)
		}
		ok(t, s.EndCare(ctx, w.sw, child.ID, w.caseFile(child.ID).OpenCareEpisode().Version, d(2026, 11, 23), "E4A"))
		if p := must[casework.CarePeriod](t)(s.LookedAfterDates(ctx, child.ID)); p.End == nil || !p.End.Equal(d(2026, 11, 23)) {
			t.Errorf("after care: %+v, want ended 23 November 2026", p)
		}
	})
}
