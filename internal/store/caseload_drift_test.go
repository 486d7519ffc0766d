package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// driftWorld is a team's history for the drift tests (today is Tuesday 24
// November 2026; every child was referred on Tuesday 1 September):
//
//	jon  held by Wendy; visited 15 Sep; a phone call on 10 Nov (not progress)
//	kim  never allocated; management oversight on 20 Nov
//	lou  held by Wendy; assessment started 2 Sep and still open
//	mo   referred 2 Nov, held by Wendy, nothing since
//	nat  in the other team, never allocated, nothing since
type driftWorld struct {
	*world
	other casework.Team
}

func newDriftWorld(t *testing.T, s *store.Store) *driftWorld {
	w := &driftWorld{world: newWorld(t, s)}
	w.other = w.newTeam("Child protection B")
	sep1 := d(2026, 9, 1)
	jon := w.referTo("JON", sep1, w.team.ID)
	w.allocate(jon.ID, w.worker.ID, sep1)
	must[casework.Visit](t)(s.RecordVisit(ctx, w.sw, casework.Visit{ChildID: jon.ID, Date: d(2026, 9, 15), Kind: "cin",
		Seen: true, Place: "home"}))
	w.note(jon.ID, "phone_call", d(2026, 11, 10))
	kim := w.referTo("KIM", sep1, w.team.ID)
	w.note(kim.ID, "management_oversight", d(2026, 11, 20))
	lou := w.referTo("LOU", sep1, w.team.ID)
	w.allocate(lou.ID, w.worker.ID, sep1)
	w.startAssessment(lou.ID, sep1, d(2026, 9, 2))
	mo := w.referTo("MO", d(2026, 11, 2), w.team.ID)
	w.allocate(mo.ID, w.worker.ID, d(2026, 11, 2))
	w.referTo("NAT", sep1, w.other.ID)
	return w
}

func (w *driftWorld) note(childID int64, kind string, on time.Time) {
	w.t.Helper()
	must[casework.Note](w.t)(w.s.AddNote(ctx, w.sw, casework.Note{ChildID: childID, Date: on, Kind: kind,
		Subject: "About " + kind, Body: "What happened"}))
}

// driftRows lists drifting cases as "child working-days last-progress-kind holder".
func driftRows(dr store.Drift) []string {
	var out []string
	for _, c := range dr.Cases {
		holder := c.WorkerName
		if holder == "" {
			holder = "unallocated"
		}
		out = append(out, fmt.Sprintf("%s %d %s %s", c.Child.LAChildID, c.WorkingDays, c.LastProgressKind, holder))
	}
	return out
}

func TestDriftAsAtPastDates(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newDriftWorld(t, s)
		for _, tc := range []struct {
			name string
			asAt time.Time
			team int64
			want []string
		}{
			{"today: the case with an open assessment and the one last visited in September",
				time.Time{}, w.team.ID, []string{"LOU 59 assessment Wendy", "JON 50 visit Wendy"}},
			{"the whole service includes the other team's case", d(2026, 11, 24), 0,
				[]string{"NAT 60  unallocated", "LOU 59 assessment Wendy", "JON 50 visit Wendy"}},
			{"before the manager's oversight Kim's case had drifted since it opened", d(2026, 11, 19), w.team.ID,
				[]string{"KIM 57  unallocated", "LOU 56 assessment Wendy", "JON 47 visit Wendy"}},
			{"progress 20 working days ago is in time, 21 is drift", d(2026, 9, 30), w.team.ID,
				[]string{"KIM 21  unallocated"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				dr := must[store.Drift](t)(s.Drift(ctx, store.DriftFilter{TeamID: tc.team, AsAt: tc.asAt}))
				if got := driftRows(dr); !slices.Equal(got, tc.want) {
					t.Errorf("drift = %q, want %q", got, tc.want)
				}
				if dr.WorkingDays != 20 || dr.AssessmentLimit != 45 {
					t.Errorf("limits = %d, %d; want 20, 45", dr.WorkingDays, dr.AssessmentLimit)
				}
			})
		}
	})
}

func TestDriftFollowsItsSetting(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newDriftWorld(t, s)
		ok(t, s.PutSetting(ctx, store.System, casework.KeyDriftWorkingDays, "10", 0))
		dr := must[store.Drift](t)(s.Drift(ctx, store.DriftFilter{TeamID: w.team.ID}))
		if got, want := driftRows(dr), []string{"LOU 59 assessment Wendy", "JON 50 visit Wendy", "MO 16  Wendy"}; !slices.Equal(got, want) {
			t.Errorf("drift after 10 working days = %q, want %q", got, want)
		}
		if c := dr.Cases[1]; c.LastProgress == nil || !c.LastProgress.Equal(d(2026, 9, 15)) || !c.Since.Equal(d(2026, 9, 15)) {
			t.Errorf("Jon's last progress = %v since %v, want the visit on 15 September", c.LastProgress, c.Since)
		}
		if c := dr.Cases[2]; c.LastProgress != nil || !c.Since.Equal(d(2026, 11, 2)) {
			t.Errorf("Mo's last progress = %v since %v, want none since the case opened on 2 November", c.LastProgress, c.Since)
		}
	})
}

func TestAssessmentsPast45WorkingDaysAndEachWorkersOpenAssessments(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newDriftWorld(t, s)
		limit := calendar.Default().AddWorkingDays(d(2026, 9, 1), 45) // Tuesday 3 November
		for _, tc := range []struct {
			name       string
			asAt       time.Time
			late       []string
			open, over int
		}{
			{"on the 45th working day the assessment is in time", limit, nil, 1, 0},
			{"the next working day it is one day over", d(2026, 11, 4), []string{"LOU 46 1 Wendy"}, 1, 1},
			{"today it is far past", time.Time{}, []string{"LOU 60 15 Wendy"}, 1, 1},
			{"before it started nothing was open", d(2026, 9, 1), nil, 0, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				dr := must[store.Drift](t)(s.Drift(ctx, store.DriftFilter{TeamID: w.team.ID, AsAt: tc.asAt}))
				var late []string
				for _, a := range dr.Assessments {
					late = append(late, fmt.Sprintf("%s %d %d %s", a.Child.LAChildID, a.WorkingDays, a.DaysOver, a.WorkerName))
				}
				if !slices.Equal(late, tc.late) {
					t.Errorf("late assessments = %q, want %q", late, tc.late)
				}
				var open, over int
				for _, wa := range dr.OpenAssessments {
					if wa.Worker.Name == "Wendy" {
						open, over = wa.Open, wa.Late
					}
				}
				if open != tc.open || over != tc.over || len(dr.OpenAssessments) > 1 {
					t.Errorf("open assessments = %+v, want Wendy with %d open, %d late", dr.OpenAssessments, tc.open, tc.over)
				}
			})
		}
		if !limit.Equal(d(2026, 11, 3)) {
			t.Errorf("45 working days from 1 September 2026 = %s, want 3 November", limit.Format("2 Jan"))
		}
	})
}
