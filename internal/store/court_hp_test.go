package store_test

import (
	"errors"
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestIssuingProceedingsEndsPreProceedings(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 6, 1))
		plo := must[casework.PreProceedings](t)(s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: child.ID, StartDate: d(2026, 7, 1)}))
		refused(t, s, func() error {
			_, err := s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: child.ID, StartDate: d(2026, 7, 2)})
			return err
		}, "start_date")
		must[casework.PLOEvent](t)(s.RecordPLOEvent(ctx, w.sw, casework.PLOEvent{ChildID: child.ID, Kind: "letter", Date: d(2026, 7, 1)}))
		refused(t, s, func() error {
			_, err := s.RecordPLOEvent(ctx, w.sw, casework.PLOEvent{ChildID: child.ID, Kind: "meeting", Date: d(2026, 6, 30)})
			return err
		}, "date")
		must[casework.PLOEvent](t)(s.RecordPLOEvent(ctx, w.sw, casework.PLOEvent{ChildID: child.ID, Kind: "meeting", Date: d(2026, 7, 15)}))
		issue := func(on casework.Proceedings) func() error {
			return func() error { _, err := s.IssueProceedings(ctx, w.sw, on); return err }
		}
		refused(t, s, issue(casework.Proceedings{ChildID: child.ID, IssuedOn: d(2026, 6, 30), Court: "Family Court at Newcastle",
			Application: "care"}), "issued_on")
		refused(t, s, issue(casework.Proceedings{ChildID: child.ID, IssuedOn: d(2026, 9, 1), Application: "care"}), "court")
		pr := must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: child.ID,
			IssuedOn: d(2026, 9, 1), Court: "Family Court at Newcastle", Application: "care"}))
		if pr.ExpectedFinal == nil || !pr.ExpectedFinal.Equal(d(2027, 3, 1)) || pr.PLOID == nil || *pr.PLOID != plo.ID {
			t.Errorf("proceedings = %+v, want the 26-week date (1 March 2027) expected and the pre-proceedings linked", pr)
		}
		cf := w.caseFile(child.ID)
		if cf.OpenPLO() != nil || cf.PLOs[0].Outcome != "proceedings" || !cf.PLOs[0].EndDate.Equal(d(2026, 9, 1)) {
			t.Errorf("pre-proceedings after the issue = %+v, want ended that day by proceedings", cf.PLOs[0])
		}
		refused(t, s, issue(casework.Proceedings{ChildID: child.ID, IssuedOn: d(2026, 9, 2), Court: "X", Application: "care"}), "issued_on")
	})
}

func TestHearingsFollowTheIssueAndTheFinalHearingIsRecordedOnce(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 6, 1))
		pr := must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: child.ID,
			IssuedOn: d(2026, 6, 1), Court: "Family Court at Newcastle", Application: "supervision"}))
		hear := func(kind string, on casework.Hearing) func() error {
			return func() error {
				on.ChildID, on.ProceedingsID, on.Kind = child.ID, pr.ID, kind
				_, err := s.RecordHearing(ctx, w.sw, on, nil)
				return err
			}
		}
		refused(t, s, hear("cmh", casework.Hearing{Date: d(2026, 5, 29)}), "date") // hearing before proceedings issued
		must[casework.Hearing](t)(s.RecordHearing(ctx, w.sw, casework.Hearing{ChildID: child.ID, ProceedingsID: pr.ID, Kind: "cmh",
			Date: d(2026, 6, 15), Outcome: "Interim supervision order; experts directed"}, ptr(d(2026, 12, 7))))
		if got := w.caseFile(child.ID).Proceedings[0]; !got.ExpectedFinal.Equal(d(2026, 12, 7)) || got.Version != 2 {
			t.Errorf("proceedings after the CMH = %+v, want the final hearing expected on 7 December", got)
		}
		refused(t, s, hear("final", casework.Hearing{Date: d(2026, 11, 20)}), "final_order")
		final := must[casework.Hearing](t)(s.RecordHearing(ctx, w.sw, casework.Hearing{ChildID: child.ID, ProceedingsID: pr.ID,
			Kind: "final", Date: d(2026, 11, 20), FinalOrder: "supervision_order"}, nil))
		refused(t, s, hear("final", casework.Hearing{Date: d(2026, 11, 23), FinalOrder: "care_order"}), "kind") // final hearing recorded twice
		refused(t, s, hear("irh", casework.Hearing{Date: d(2026, 11, 23)}), "date")
		cf := w.caseFile(child.ID)
		if cf.OpenProceedings() != nil || cf.Proceedings[0].FinalOrder != "supervision_order" {
			t.Errorf("proceedings after the final hearing = %+v", cf.Proceedings[0])
		}
		chron := summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"court"}, 10)))
		want := []string{"2026-11-20 Final hearing: Supervision order", "2026-06-15 Case management hearing",
			"2026-06-01 Care proceedings issued: Supervision order (Children Act 1989 s.31)"}
		if !slices.Equal(chron, want) {
			t.Errorf("chronology = %q, want %q", chron, want)
		}
		var c *casework.ConflictError
		if err := s.MarkInError(ctx, w.manager, "hearing", child.ID, final.ID, 2, "Wrong date"); !errors.As(err, &c) {
			t.Errorf("marking from a stale version = %v, want a ConflictError", err)
		}
		ok(t, s.MarkInError(ctx, w.manager, "hearing", child.ID, final.ID, final.Version, "Listed, not held"))
		if cf := w.caseFile(child.ID); cf.OpenProceedings() == nil || len(cf.Hearings) != 1 {
			t.Errorf("a final hearing in error leaves proceedings %+v, hearings %d; want them open again", cf.Proceedings, len(cf.Hearings))
		}
		refused(t, s, func() error { return s.MarkInError(ctx, w.manager, "proceedings", child.ID, pr.ID, 4, "Wrong child") }, "reason")
	})
}

func TestTheCourtTrackerShowsCasesAsTheyStood(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		amy, _ := w.child("LA1", d(2026, 1, 5))
		ben, _ := w.child("LA2", d(2026, 1, 5))
		cal, _ := w.child("LA3", d(2026, 1, 5))
		must[casework.PreProceedings](t)(s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: amy.ID, StartDate: d(2026, 3, 2)}))
		must[casework.PreProceedings](t)(s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: ben.ID, StartDate: d(2026, 2, 2)}))
		must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: ben.ID, IssuedOn: d(2026, 4, 6),
			Court: "Family Court at Newcastle", Application: "care"}))
		pr := must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: cal.ID, IssuedOn: d(2026, 1, 12),
			Court: "Family Court at Sunderland", Application: "care"}))
		must[casework.Hearing](t)(s.RecordHearing(ctx, w.sw, casework.Hearing{ChildID: cal.ID, ProceedingsID: pr.ID, Kind: "final",
			Date: d(2026, 8, 3), FinalOrder: "care_order"}, nil))
		line := func(cs []store.CourtCase) []string {
			var out []string
			for _, c := range cs {
				switch {
				case c.Proceedings != nil:
					out = append(out, c.Child.LAChildID+" proceedings "+c.Proceedings.IssuedOn.Format("01-02"))
				case c.PLO != nil:
					out = append(out, c.Child.LAChildID+" pre-proceedings "+c.PLO.StartDate.Format("01-02"))
				}
			}
			return out
		}
		for _, tc := range []struct {
			asAt string
			want []string
		}{
			{"2026-03-01", []string{"LA3 proceedings 01-12", "LA2 pre-proceedings 02-02"}},
			{"2026-04-06", []string{"LA3 proceedings 01-12", "LA2 proceedings 04-06", "LA1 pre-proceedings 03-02"}},
			{"2026-08-03", []string{"LA2 proceedings 04-06", "LA1 pre-proceedings 03-02"}},
		} {
			got := line(must[[]store.CourtCase](t)(s.CourtTracker(ctx, store.CourtFilter{AsAt: iso(tc.asAt)})))
			if !slices.Equal(got, tc.want) {
				t.Errorf("as at %s: %q, want %q", tc.asAt, got, tc.want)
			}
		}
		other := w.newTeam("Other")
		if got := must[[]store.CourtCase](t)(s.CourtTracker(ctx, store.CourtFilter{AsAt: d(2026, 8, 3), TeamID: other.ID})); len(got) != 0 {
			t.Errorf("another team's tracker = %d cases, want none", len(got))
		}
	})
}
