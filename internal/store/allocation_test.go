package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// referTo takes a new child from a contact on day on to a referral held
// by team teamID, and returns the child.
func (w *world) referTo(laID string, on time.Time, teamID int64) casework.Child {
	w.t.Helper()
	c := newChild(w.t, w.s, laID, "Child", laID)
	ct := w.contact(c.ID, on)
	must[casework.Contact](w.t)(w.s.DecideContact(ctx, w.sw, ct.ID, ct.Version, casework.ContactToReferral, on, "", "N1", &teamID))
	return c
}

// allocate gives the child's open involvement to a worker from day on.
func (w *world) allocate(childID, workerID int64, on time.Time) {
	w.t.Helper()
	invs := must[[]casework.Involvement](w.t)(w.s.Involvements(ctx, childID))
	ok(w.t, w.s.Allocate(ctx, w.manager, invs[0].ID, invs[0].Version, workerID, on, "MANAGE", "Allocation meeting"))
}

// startAssessment decides the child's referral goes to assessment on day
// referred and starts the assessment on day started.
func (w *world) startAssessment(childID int64, referred, started time.Time) casework.Assessment {
	w.t.Helper()
	ref := *w.caseFile(childID).OpenReferral()
	ok(w.t, w.s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToAssessment, referred, "", ""))
	return must[casework.Assessment](w.t)(w.s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: childID, StartDate: started}))
}

// leaver adds a worker to a team who left on day left.
func (w *world) leaver(name string, teamID int64, left time.Time) casework.Worker {
	w.t.Helper()
	return must[casework.Worker](w.t)(w.s.CreateWorker(ctx, store.System, casework.Worker{Name: name, TeamID: &teamID,
		FTE: 1, EmploymentType: casework.Permanent, StartDate: d(2020, 1, 1), EndDate: &left}))
}

// queueWorld is a team's history for the queue tests (today is Tuesday 24
// November 2026):
//
//	ada  referred 2 Nov, assessment from 3 Nov, never allocated
//	ben  referred 5 Oct to a strategy discussion, section 47 enquiry from 6 Oct, never allocated
//	cal  referred 1 Oct, allocated 2 Oct to Lea, who left on 10 Nov
//	dee  referred 1 Oct, allocated 12 Oct to Wendy
//	eve  referred 1 Oct to another team, never allocated
//	fay  referred 16 Nov, closed with no further action on 18 Nov
type queueWorld struct {
	*world
	other                        casework.Team
	ada, ben, cal, dee, eve, fay casework.Child
}

func newQueueWorld(t *testing.T, s *store.Store) *queueWorld {
	w := &queueWorld{world: newWorld(t, s)}
	w.other = w.newTeam("Child protection B")
	lea := w.leaver("Lea", w.team.ID, d(2026, 11, 10))
	w.ada = w.referTo("ADA", d(2026, 11, 2), w.team.ID)
	w.startAssessment(w.ada.ID, d(2026, 11, 2), d(2026, 11, 3))
	w.ben = w.referTo("BEN", d(2026, 10, 5), w.team.ID)
	ref := *w.caseFile(w.ben.ID).OpenReferral()
	ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToStrategy, d(2026, 10, 5), "", ""))
	w.s47(w.ben.ID, d(2026, 10, 6))
	w.cal = w.referTo("CAL", d(2026, 10, 1), w.team.ID)
	w.allocate(w.cal.ID, lea.ID, d(2026, 10, 2))
	w.dee = w.referTo("DEE", d(2026, 10, 1), w.team.ID)
	w.allocate(w.dee.ID, w.worker.ID, d(2026, 10, 12))
	w.eve = w.referTo("EVE", d(2026, 10, 1), w.other.ID)
	w.fay = w.referTo("FAY", d(2026, 11, 16), w.team.ID)
	w.closeNFA(*w.caseFile(w.fay.ID).OpenReferral(), d(2026, 11, 18))
	return w
}

// queueRows lists a queue as "child priority days-waiting".
func queueRows(q store.Queue) []string {
	var out []string
	for _, e := range q.Entries {
		out = append(out, fmt.Sprintf("%s %s %d", e.Child.LAChildID, e.Priority.Label(), e.DaysWaiting))
	}
	return out
}

func TestTheUnallocatedQueueAsAtPastDates(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newQueueWorld(t, s)
		for _, tc := range []struct {
			name                string
			asAt                time.Time
			team                int64
			want                []string
			open, serviceQueued int
		}{
			{"today: child protection first, then the assessment, then the case whose worker left",
				time.Time{}, w.team.ID, []string{"BEN Child protection 50", "ADA Assessment 22", "CAL Other 13"}, 5, 4},
			{"the whole service includes the other team's child", d(2026, 11, 24), 0,
				[]string{"BEN Child protection 50", "ADA Assessment 22", "EVE Other 54", "CAL Other 13"}, 5, 4},
			{"the other team's queue", d(2026, 11, 24), w.other.ID, []string{"EVE Other 54"}, 5, 4},
			{"before Lea left her case was allocated", d(2026, 11, 5), w.team.ID,
				[]string{"BEN Child protection 31", "ADA Assessment 3"}, 5, 3},
			{"on her leaving day she still held it", d(2026, 11, 10), w.team.ID,
				[]string{"BEN Child protection 36", "ADA Assessment 8"}, 5, 3},
			{"a case waits from the day it opened until allocated", d(2026, 10, 9), w.team.ID,
				[]string{"BEN Child protection 4", "DEE Other 8"}, 4, 3},
			{"a referral before its assessment starts is not yet an assessment", d(2026, 11, 2), w.team.ID,
				[]string{"BEN Child protection 28", "ADA Other 0"}, 5, 3},
			{"a case closed with no further action is in the queue until it closes", d(2026, 11, 17), w.team.ID,
				[]string{"BEN Child protection 43", "ADA Assessment 15", "CAL Other 6", "FAY Other 1"}, 6, 5},
			{"nothing was open before the first referral", d(2026, 9, 30), 0, nil, 0, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				q := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: tc.team, AsAt: tc.asAt}))
				if got := queueRows(q); !slices.Equal(got, tc.want) {
					t.Errorf("queue = %q, want %q", got, tc.want)
				}
				if q.ServiceOpen != tc.open || q.ServiceUnallocated != tc.serviceQueued {
					t.Errorf("service-wide: %d open, %d unallocated; want %d, %d", q.ServiceOpen, q.ServiceUnallocated, tc.open, tc.serviceQueued)
				}
				open, unallocated, err := s.UnallocatedCount(ctx, tc.asAt)
				if err != nil || open != tc.open || unallocated != tc.serviceQueued {
					t.Errorf("UnallocatedCount = %d, %d, %v; want %d, %d", open, unallocated, err, tc.open, tc.serviceQueued)
				}
			})
		}
	})
}

func TestTheQueueShowsEachChildsNextTaskAsAtTheDate(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newQueueWorld(t, s)
		next := func(asAt time.Time, child casework.Child) *timescale.Task {
			q := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{AsAt: asAt}))
			for _, e := range q.Entries {
				if e.Child.ID == child.ID {
					if e.TeamName != w.team.Name || !e.OpenedOn.Equal(w.caseFile(child.ID).Referrals[0].Date) {
						t.Errorf("%s: team %q opened %s", child.LAChildID, e.TeamName, e.OpenedOn)
					}
					return e.Next
				}
			}
			t.Fatalf("%s is not in the queue on %s", child.LAChildID, asAt.Format("2 Jan"))
			return nil
		}
		// ICPC: 15 working days from the strategy discussion on 6 October.
		if n := next(d(2026, 10, 9), w.ben); n == nil || n.Rule.ID != "icpc" || n.Status != timescale.Due {
			t.Errorf("Ben on 9 October: next %+v, want the ICPC, due", n)
		}
		if n := next(d(2026, 11, 24), w.ben); n == nil || n.Rule.ID != "icpc" || n.Status != timescale.Overdue {
			t.Errorf("Ben on 24 November: next %+v, want the ICPC, overdue", n)
		}
		if n := next(d(2026, 11, 24), w.ada); n == nil || n.Rule.ID != "assessment_complete" || n.Status == timescale.Overdue {
			t.Errorf("Ada on 24 November: next %+v, want the assessment, not yet overdue", n)
		}
	})
}

func TestAReallocatedCaseLeavesTheQueueAndACaseTakenBackWaitsFromThen(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newQueueWorld(t, s)
		w.allocate(w.ben.ID, w.worker.ID, d(2026, 11, 24))
		q := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: w.team.ID}))
		if got, want := queueRows(q), []string{"ADA Assessment 22", "CAL Other 13"}; !slices.Equal(got, want) {
			t.Errorf("after allocating Ben today: %q, want %q", got, want)
		}
		yesterday := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: w.team.ID, AsAt: d(2026, 11, 23)}))
		if len(yesterday.Entries) != 3 {
			t.Errorf("yesterday's queue changed: %q", queueRows(yesterday))
		}
		// A case taken from its worker (an allocation with no worker, as the
		// workforce tools write when a worker goes on long-term leave) waits
		// from that day.
		invs := must[[]casework.Involvement](t)(s.Involvements(ctx, w.dee.ID))
		if _, err := s.DB().ExecContext(ctx, rebind(s, `UPDATE allocations SET end_date = ? WHERE involvement_id = ? AND end_date IS NULL`), "2026-11-20", invs[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().ExecContext(ctx, rebind(s, `INSERT INTO allocations (involvement_id, team_id, start_date, reason) VALUES (?,?,?,?)`),
			invs[0].ID, w.team.ID, "2026-11-20", "Worker on long-term leave"); err != nil {
			t.Fatal(err)
		}
		q = must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: w.team.ID}))
		if got, want := queueRows(q), []string{"ADA Assessment 22", "CAL Other 13", "DEE Other 4"}; !slices.Equal(got, want) {
			t.Errorf("after Dee was taken from Wendy on 20 November: %q, want %q", got, want)
		}
	})
}

// rebind turns ? into $n on PostgreSQL for the raw statements tests use.
func rebind(s *store.Store, q string) string {
	if s.Backend() != "postgres" {
		return q
	}
	for i := 1; strings.Contains(q, "?"); i++ {
		q = strings.Replace(q, "?", fmt.Sprintf("$%d", i), 1)
	}
	return q
}

// Bad input named by issue #8: a case cannot be given to a worker who has
// left by the day of the allocation; on their last day it still can.
func TestAllocatingToAWorkerWhoHasLeftIsRefused(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newQueueWorld(t, s)
		lea := w.leaver("Lea Two", w.team.ID, d(2026, 11, 20))
		inv := must[[]casework.Involvement](t)(s.Involvements(ctx, w.ada.ID))[0]
		err := s.Allocate(ctx, w.manager, inv.ID, inv.Version, lea.ID, d(2026, 11, 21), "MANAGE", "Allocation meeting")
		if !hasField(err, "worker_id") || !strings.Contains(err.Error(), "has left") {
			t.Fatalf("allocating the day after she left = %v, want a refusal on worker_id saying she has left", err)
		}
		after := must[[]casework.Involvement](t)(s.Involvements(ctx, w.ada.ID))[0]
		if after.Version != inv.Version || after.WorkerID != nil {
			t.Errorf("the refused allocation changed the case: %+v", after)
		}
		q := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{TeamID: w.team.ID}))
		if !slices.Contains(queueRows(q), "ADA Assessment 22") {
			t.Errorf("Ada left the queue after a refused allocation: %q", queueRows(q))
		}
		ok(t, s.Allocate(ctx, w.manager, inv.ID, inv.Version, lea.ID, d(2026, 11, 20), "MANAGE", "Allocation meeting"))
	})
}
