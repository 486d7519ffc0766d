package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// youngPerson is a care leaver born 1 November 2007, 19 on 1 November
// 2026, who left care on 2 January 2025.
func youngPerson(t *testing.T, s *store.Store) (casework.Child, casework.CareLeaver) {
	t.Helper()
	c := must[casework.Child](t)(s.CreateChild(ctx, store.System, casework.Child{LAChildID: "CL1", FirstName: "Jay",
		LastName: "Reed", DateOfBirth: ptr(d(2007, 11, 1)), Sex: "M", Ethnicity: "WBRI"}))
	return c, casework.CareLeaver{ChildID: c.ID, Category: casework.LeaverRelevant, From: d(2025, 1, 2),
		CareStarted: ptr(d(2019, 5, 1)), CareEnded: ptr(d(2025, 1, 2)), Adviser: "Pat Adviser", AdviserFrom: ptr(d(2025, 1, 2))}
}

func TestACareLeaversRecordsLoadIntoTheCaseFileAndChronology(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c, cl := youngPerson(t, s)
		if saved := must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.sw, cl)); saved.ID == 0 || saved.Version != 1 {
			t.Errorf("saved care leaver = %+v", saved)
		}
		must[casework.PathwayRecord](t)(s.RecordPathway(ctx, w.sw, casework.PathwayRecord{ChildID: c.ID, Kind: casework.PathwayPlan, Date: d(2025, 1, 20)}))
		must[casework.PathwayRecord](t)(s.RecordPathway(ctx, w.sw, casework.PathwayRecord{ChildID: c.ID, Kind: casework.PathwayReview, Date: d(2025, 7, 10)}))
		must[casework.LeaverContact](t)(s.RecordLeaverContact(ctx, w.sw, casework.LeaverContact{ChildID: c.ID, Date: d(2026, 11, 3),
			Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "D1"}))
		cf := w.caseFile(c.ID)
		if cf.Leaver == nil || cf.Leaver.Category != casework.LeaverRelevant || cf.Leaver.Adviser != "Pat Adviser" || cf.Leaver.Version != 1 {
			t.Errorf("care leaver = %+v", cf.Leaver)
		}
		if len(cf.Pathway) != 2 || cf.Pathway[1].Kind != casework.PathwayReview || len(cf.LeaverContacts) != 1 || cf.LeaverContacts[0].Accom != "D1" {
			t.Errorf("pathway %+v, contacts %+v", cf.Pathway, cf.LeaverContacts)
		}
		if p := cf.LookedAfter; p.Start == nil || !p.Start.Equal(d(2019, 5, 1)) || p.End == nil || !p.End.Equal(d(2025, 1, 2)) {
			t.Errorf("period of care in the case file = %+v", p)
		}
		if p := must[casework.CarePeriod](t)(s.LookedAfterDates(ctx, c.ID)); p.End == nil || !p.End.Equal(d(2025, 1, 2)) {
			t.Errorf("LookedAfterDates = %+v", p)
		}
		got := summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, c.ID, []string{"leaving_care"}, 10)))
		want := []string{"2026-11-03 Care leaver birthday record, age 19: In touch", "2025-07-10 Pathway plan review",
			"2025-01-20 Pathway plan", "2025-01-02 Care leaver: Relevant child"}
		if !slices.Equal(got, want) {
			t.Errorf("chronology\n got %v\nwant %v", got, want)
		}
	})
}

func TestCareLeaverRulesAreCheckedAsTheRecordIsSaved(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c, cl := youngPerson(t, s)
		contact := casework.LeaverContact{ChildID: c.ID, Date: d(2026, 11, 3), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "D1"}
		wantFields(t, second(s.RecordLeaverContact(ctx, w.sw, contact)), "date") // no care leaver record yet
		bad := cl
		bad.Category = casework.LeaverFormerRelevant // under 18 on 2 January 2025
		wantFields(t, second(s.SaveCareLeaver(ctx, w.sw, bad)), "category")
		cl = must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.sw, cl))
		wantFields(t, second(s.SaveCareLeaver(ctx, w.sw, casework.CareLeaver{ChildID: c.ID, Category: casework.LeaverRelevant,
			From: d(2025, 1, 2)})), "category") // one record per young person
		wantFields(t, second(s.RecordPathway(ctx, w.sw, casework.PathwayRecord{ChildID: c.ID, Kind: casework.PathwayReview,
			Date: d(2025, 7, 10)})), "kind") // a review needs a plan
		must[casework.LeaverContact](t)(s.RecordLeaverContact(ctx, w.sw, contact))
		wantFields(t, second(s.RecordLeaverContact(ctx, w.sw, contact)), "birthday") // one record per birthday
		before := historyLen(t, s)
		changed := cl
		changed.Category, changed.From = casework.LeaverFormerRelevant, d(2025, 11, 1)
		changed = must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.sw, changed))
		if changed.Version != 2 || historyLen(t, s) != before+1 {
			t.Errorf("a change is one versioned write: version %d, history %d → %d", changed.Version, before, historyLen(t, s))
		}
		wantConflict(t, second(s.SaveCareLeaver(ctx, w.manager, cl)), w.sw.Name) // saved from version 1
	})
}

func TestALeavingCareRecordMarkedInErrorLeavesTheCaseFileButNotTheChronology(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		c, cl := youngPerson(t, s)
		must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.sw, cl))
		ct := must[casework.LeaverContact](t)(s.RecordLeaverContact(ctx, w.sw, casework.LeaverContact{ChildID: c.ID,
			Date: d(2026, 11, 3), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "D1"}))
		wantFields(t, s.MarkInError(ctx, w.sw, "leaver_contact", c.ID, ct.ID, ct.Version, " "), "reason")
		other, _ := w.child("LA9", d(2026, 11, 16))
		if err := s.MarkInError(ctx, w.sw, "leaver_contact", other.ID, ct.ID, ct.Version, "Wrong child"); err == nil {
			t.Error("a record is marked in error only from its own child's record")
		}
		ok(t, s.MarkInError(ctx, w.sw, "leaver_contact", c.ID, ct.ID, ct.Version, "Recorded on the wrong young person"))
		if cf := w.caseFile(c.ID); len(cf.LeaverContacts) != 0 {
			t.Errorf("contacts in the case file after marking in error: %+v", cf.LeaverContacts)
		}
		es := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, c.ID, []string{"leaving_care"}, 10))
		if len(es) != 2 || !es[0].InError {
			t.Errorf("chronology keeps the entry, in error: %+v", es)
		}
		wantFields(t, s.MarkInError(ctx, w.sw, "leaver_contact", c.ID, ct.ID, ct.Version+1, "again"), "reason")
	})
}

// second returns a call's error, for writes whose value the test ignores.
func second[T any](_ T, err error) error { return err }
