package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// dueRules are the rules of the child's open tasks as at the day.
func (w *world) dueRules(childID int64, asAt time.Time) []string {
	w.t.Helper()
	var out []string
	for _, task := range tasksAsAt(w.t, w, childID, asAt) {
		out = append(out, task.Rule.ID)
	}
	return out
}

// tasksAsAt are the child's timescale tasks as at the day.
func tasksAsAt(t testing.TB, w *world, childID int64, asAt time.Time) []timescale.Task {
	t.Helper()
	cal := must[*calendar.Calendar](t)(w.s.Calendar(ctx))
	return timescale.Tasks(w.caseFile(childID), cal, timescale.DefaultSettings(), asAt)
}

// timescaleTasks are the child's tasks as at the store's today.
func timescaleTasks(t testing.TB, w *world, childID int64) []timescale.Task {
	return tasksAsAt(t, w, childID, d(2026, 11, 24))
}

// markIn marks a record in error as the world's manager, from the
// version the case file shows.
func (w *world) markIn(kind string, childID, id int64, version int) {
	w.t.Helper()
	ok(w.t, w.s.MarkInError(ctx, w.manager, kind, childID, id, version, "Recorded on the wrong child"))
}

func TestAMissingEpisodeMarkedInErrorLeavesTheDueDatesAndTheMissingView(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		e := w.missing(child.ID, "2026-11-20", "2026-11-21")
		sc := must[casework.ExploitationScreening](t)(s.RecordScreening(ctx, w.sw, casework.ExploitationScreening{ChildID: child.ID,
			Date: d(2026, 11, 21), Kinds: []string{"criminal"}, Level: "high", ReviewDate: ptr(d(2026, 12, 21)), Lead: "Jo Lee"}))
		view := func() store.MissingView {
			return must[store.MissingView](t)(s.Missing(ctx, store.MissingFilter{From: d(2026, 11, 16), To: d(2026, 11, 24)}))
		}
		if v := view(); len(v.Episodes) != 1 || len(v.HighRisk) != 1 {
			t.Fatalf("before: %d episodes, %d at high risk; want 1 and 1", len(v.Episodes), len(v.HighRisk))
		}
		if due := w.dueRules(child.ID, d(2026, 11, 24)); !slices.Contains(due, "missing_rhi") || !slices.Contains(due, "exploitation_review") {
			t.Fatalf("before: due %v, want the return interview and the screening review", due)
		}
		w.markIn("missing_episode", child.ID, e.ID, e.Version)
		w.markIn("exploitation_screening", child.ID, sc.ID, sc.Version)
		if v := view(); len(v.Episodes) != 0 || len(v.HighRisk) != 0 {
			t.Errorf("after: %d episodes, %d at high risk; want none", len(v.Episodes), len(v.HighRisk))
		}
		if due := w.dueRules(child.ID, d(2026, 11, 24)); slices.Contains(due, "missing_rhi") || slices.Contains(due, "exploitation_review") {
			t.Errorf("after: due %v, want neither the interview nor the review", due)
		}
	})
}

func TestCourtRecordsMarkedInErrorLeaveTheTrackerAndTheDueDates(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 1, 5))
		pr := must[casework.Proceedings](t)(s.IssueProceedings(ctx, w.sw, casework.Proceedings{ChildID: child.ID,
			IssuedOn: d(2026, 9, 1), Court: "Family Court at Newcastle", Application: "care"}))
		h := must[casework.Hearing](t)(s.RecordHearing(ctx, w.sw, casework.Hearing{ChildID: child.ID, ProceedingsID: pr.ID,
			Kind: "cmh", Date: d(2026, 9, 20)}, nil))
		tracker := func() []store.CourtCase {
			return must[[]store.CourtCase](t)(s.CourtTracker(ctx, store.CourtFilter{AsAt: d(2026, 11, 24)}))
		}
		if got := tracker(); len(got) != 1 || len(got[0].Hearings) != 1 {
			t.Fatalf("tracker before = %+v, want the case with its hearing", got)
		}
		if due := w.dueRules(child.ID, d(2026, 11, 24)); !slices.Contains(due, "care_proceedings_26wk") {
			t.Fatalf("before: due %v, want the 26-week final hearing", due)
		}
		pr = w.caseFile(child.ID).Proceedings[0]
		refused(t, s, func() error {
			return s.MarkInError(ctx, w.manager, "proceedings", child.ID, pr.ID, pr.Version, "Wrong child")
		}, "reason") // its hearing first
		w.markIn("hearing", child.ID, h.ID, h.Version)
		if got := tracker(); len(got) != 1 || len(got[0].Hearings) != 0 {
			t.Errorf("tracker after the hearing = %+v, want the case without it", got)
		}
		w.markIn("proceedings", child.ID, pr.ID, pr.Version)
		if got := tracker(); len(got) != 0 {
			t.Errorf("tracker after the proceedings = %+v, want none", got)
		}
		if due := w.dueRules(child.ID, d(2026, 11, 24)); slices.Contains(due, "care_proceedings_26wk") {
			t.Errorf("after: due %v, want no final hearing", due)
		}
	})
}

func TestAPeriodOfCareMarkedInErrorTakesItsDueDatesWithIt(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		cs := w.intoCare(child.ID, d(2026, 11, 16))
		if due := w.dueRules(child.ID, d(2026, 11, 24)); !slices.Contains(due, "cla_care_plan") || !slices.Contains(due, "cla_visit_first") {
			t.Fatalf("before: due %v, want the care plan and the first visit", due)
		}
		ep := cs.Episode
		refused(t, s, func() error {
			return s.MarkInError(ctx, w.manager, "care_episode", child.ID, ep.ID, ep.Version, "Wrong child")
		}, "reason") // its legal status and placement first
		w.markIn("placement", child.ID, cs.Placement.ID, cs.Placement.Version)
		w.markIn("legal_status", child.ID, cs.LegalStatus.ID, cs.LegalStatus.Version)
		w.markIn("care_episode", child.ID, ep.ID, ep.Version)
		for _, rule := range w.dueRules(child.ID, d(2026, 11, 24)) {
			if rule == "cla_care_plan" || rule == "cla_visit_first" || rule == "cla_review_1" || rule == "iha" {
				t.Errorf("after: %s still due", rule)
			}
		}
		if cf := w.caseFile(child.ID); len(cf.CareEpisodes) != 0 || len(cf.Placements) != 0 {
			t.Errorf("case file keeps %d episodes and %d placements", len(cf.CareEpisodes), len(cf.Placements))
		}
	})
}

func TestMarkingInErrorRefusesAStaleVersionAnotherChildsRecordAndASecondTime(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		other, _ := w.child("LA2", d(2026, 11, 2))
		e := w.missing(child.ID, "2026-11-16", "")
		ok(t, s.RecordMissingReturn(ctx, w.sw, e.ID, e.Version, d(2026, 11, 17), "", false))
		before := historyLen(t, s)
		wantConflict(t, s.MarkInError(ctx, w.manager, "missing_episode", child.ID, e.ID, e.Version, "Wrong child"), "User sam")
		if err := s.MarkInError(ctx, w.manager, "missing_episode", other.ID, e.ID, e.Version+1, "Wrong child"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("marking from another child's record = %v, want not found", err)
		}
		if _, err := s.Correctable(ctx, "missing_episode", other.ID, e.ID); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("reading it from another child's record = %v, want not found", err)
		}
		if n := historyLen(t, s); n != before {
			t.Errorf("refused marks wrote %d history events", n-before)
		}
		got := must[store.Correctable](t)(s.Correctable(ctx, "missing_episode", child.ID, e.ID))
		if got.Summary != "Missing from home" || got.Version != 2 || got.UpdatedBy != "User sam" || !got.Date.Equal(d(2026, 11, 16)) {
			t.Errorf("record as the page shows it = %+v", got)
		}
		ok(t, s.MarkInError(ctx, w.manager, "missing_episode", child.ID, e.ID, got.Version, "Wrong child"))
		wantFields(t, s.MarkInError(ctx, w.manager, "missing_episode", child.ID, e.ID, got.Version+1, "Again"), "reason")
		events := must[[]store.Event](t)(s.History(ctx, "missing_episode", e.ID))
		if last := events[len(events)-1]; last.Action != "error" || last.Reason != "Wrong child" || last.Actor != "User mo" {
			t.Errorf("last event = %+v, want the mark with its reason, by the manager", last)
		}
	})
}

// The event of marking a record in error names the child, so whatever
// brings itself up to date from the history (the indicators) reads that
// child again rather than the whole authority.
func TestTheMarkNamesTheChildForTheIndicators(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		e := w.missing(child.ID, "2026-11-16", "2026-11-17")
		head := must[int64](t)(s.HistoryHead(ctx))
		w.markIn("missing_episode", child.ID, e.ID, e.Version)
		ch := must[store.Changes](t)(s.ChangesSince(ctx, head))
		if ch.Unknown || !slices.Equal(ch.Children, []int64{child.ID}) {
			t.Errorf("changes = %+v, want child %d alone", ch, child.ID)
		}
	})
}
