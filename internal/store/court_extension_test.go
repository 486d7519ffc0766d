package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAnExtensionMovesTheTargetOfTheTrackerAndTheDueDate(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 1, 5))
		pr := must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: child.ID,
			IssuedOn: d(2026, 4, 6), Court: "Family Court at Newcastle", Application: "care"}))
		extend := func(weeks int, on string, reason string) func() error {
			return func() error {
				_, err := s.ExtendProceedings(ctx, w.sw, casework.ProceedingsExtension{ChildID: child.ID, ProceedingsID: pr.ID,
					Weeks: weeks, GrantedOn: iso(on), Reason: reason})
				return err
			}
		}
		refused(t, s, extend(9, "2026-09-01", "Expert report delayed"), "weeks")
		refused(t, s, extend(0, "2026-09-01", "Expert report delayed"), "weeks")
		refused(t, s, extend(8, "2026-09-01", " "), "reason")
		refused(t, s, extend(8, "2026-04-05", "Expert report delayed"), "granted_on")
		refused(t, s, extend(8, "2026-11-25", "Expert report delayed"), "granted_on") // tomorrow
		due := func() string {
			for _, task := range timescaleTasks(t, w, child.ID) {
				if task.Rule.ID == "care_proceedings_26wk" {
					return task.Due.Format("2006-01-02")
				}
			}
			return ""
		}
		if got := due(); got != "2026-10-04" {
			t.Fatalf("final hearing due %s before any extension, want 26 weeks from 6 April", got)
		}
		ok(t, extend(8, "2026-09-28", "Expert report delayed")())
		ok(t, extend(4, "2026-11-20", "Fresh assessment of the grandparents")())
		if got := due(); got != "2026-12-27" {
			t.Errorf("final hearing due %s after 12 weeks of extensions, want 27 December", got)
		}
		cases := must[[]store.CourtCase](t)(s.CourtTracker(ctx, store.CourtFilter{AsAt: d(2026, 11, 1)}))
		if len(cases) != 1 || cases[0].ExtensionWeeks() != 8 {
			t.Errorf("tracker as at 1 November = %+v, want the case with the 8 weeks granted by then", cases)
		}
		cf := w.caseFile(child.ID)
		last := cf.Extensions[1]
		ok(t, s.MarkInError(ctx, w.manager, "proceedings_extension", child.ID, last.ID, last.Version, "Refused, not granted"))
		if got := due(); got != "2026-11-29" {
			t.Errorf("final hearing due %s after the second extension was marked in error, want 29 November", got)
		}
		must[casework.Hearing](t)(s.RecordHearing(ctx, w.sw, casework.Hearing{ChildID: child.ID, ProceedingsID: pr.ID,
			Kind: "final", Date: d(2026, 11, 23), FinalOrder: "care_order"}, nil))
		refused(t, s, extend(2, "2026-11-24", "After the end"), "granted_on")
	})
}
