package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// journey takes a child through help and protection from the front door
// to closure: contact → referral → strategy discussion → section 47 →
// assessment → initial conference with a plan → core group → visits →
// review that ends the plan → closure. Visits are recorded out of date
// order on purpose.
func (w *world) journey(laID string) casework.Child {
	w.t.Helper()
	t, s := w.t, w.s
	child, ref := w.child(laID, d(2026, 9, 1))
	ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToStrategy, d(2026, 9, 2), "", ""))
	e := w.s47(child.ID, d(2026, 9, 2))
	a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: child.ID, StartDate: d(2026, 9, 3)}))
	w.icpc(e, d(2026, 9, 21))
	must[casework.CoreGroup](t)(s.RecordCoreGroup(ctx, w.sw, casework.CoreGroup{ChildID: child.ID, Date: d(2026, 10, 1)}))
	for _, v := range []casework.Visit{
		{Date: d(2026, 10, 8), Kind: "cp", Place: "home", Seen: true, SeenAlone: true, Notes: "Saw her room"},
		{Date: d(2026, 9, 24), Kind: "cp", Place: "school", Seen: true},
		{Date: d(2026, 11, 2), Kind: "cp", Place: "home"},
	} {
		v.ChildID = child.ID
		must[casework.Visit](t)(s.RecordVisit(ctx, w.sw, v))
	}
	ok(t, s.CompleteAssessment(ctx, w.sw, a.ID, a.Version, d(2026, 10, 5), []string{"1B", "16A"}, "strategy"))
	ok(t, s.AuthoriseAssessment(ctx, w.manager, a.ID, a.Version+1, d(2026, 10, 6)))
	must[casework.Conference](t)(s.RecordConference(ctx, w.sw, casework.Conference{ChildID: child.ID,
		Kind: casework.ReviewConference, Date: d(2026, 11, 16), Decision: "end"}))
	ok(t, s.CloseCase(ctx, w.sw, child.ID, casework.Closure{Date: d(2026, 11, 23), Reason: "RC7",
		Note: "The plan has ended and the family no longer needs a service."}))
	return child
}

func TestTheCaseFileHoldsEverythingInDateOrder(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := w.journey("LA1")
		cf := w.caseFile(child.ID)
		counts := map[string]int{"contacts": len(cf.Contacts), "referrals": len(cf.Referrals), "assessments": len(cf.Assessments),
			"strategies": len(cf.Strategies), "s47s": len(cf.S47s), "conferences": len(cf.Conferences), "plans": len(cf.Plans),
			"core groups": len(cf.CoreGroups), "visits": len(cf.Visits), "CIN plans": len(cf.CINPlans)}
		want := map[string]int{"contacts": 1, "referrals": 1, "assessments": 1, "strategies": 1, "s47s": 1, "conferences": 2,
			"plans": 1, "core groups": 1, "visits": 3, "CIN plans": 0}
		if fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Errorf("case file holds %v, want %v", counts, want)
		}
		if cf.Child.ID != child.ID || cf.Involvement != nil || cf.OpenReferral() != nil || cf.OpenPlan() != nil {
			t.Errorf("a closed case file shows something open: %+v", cf)
		}
		var visits []time.Time
		for _, v := range cf.Visits {
			visits = append(visits, v.Date)
		}
		if !slices.IsSortedFunc(visits, time.Time.Compare) || !visits[0].Equal(d(2026, 9, 24)) {
			t.Errorf("visits in order %v, want by date", visits)
		}
		if cf.Conferences[0].Kind != casework.InitialConference || cf.Conferences[1].Kind != casework.ReviewConference {
			t.Errorf("conferences %+v, want the initial one first", cf.Conferences)
		}
		if r := cf.Referrals[0]; r.ClosureReason != "RC7" || !r.ClosureDate.Equal(d(2026, 11, 23)) {
			t.Errorf("referral = %+v, want closed on 23 November with RC7", r)
		}
		if _, err := s.CaseFile(ctx, 9999); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("case file of a missing child: %v, want ErrNotFound", err)
		}
		empty := must[casework.CaseFile](t)(s.CaseFile(ctx, newChild(t, s, "LA2", "No", "Record").ID))
		if empty.Child.LAChildID != "LA2" || len(empty.Referrals) != 0 || empty.Involvement != nil {
			t.Errorf("case file of a new child = %+v", empty)
		}
	})
}

func TestClosingACaseWithASection47LeftWithoutAConferenceIsRefused(t *testing.T) { // rule 8868
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		e := w.s47(child.ID, d(2026, 11, 3))
		closure := casework.Closure{Date: d(2026, 11, 20), Reason: "RC7", Note: "Family moved on"}
		refused(t, s, func() error { return s.CloseCase(ctx, w.sw, child.ID, closure) }, "reason")
		refused(t, s, func() error {
			return s.CloseCase(ctx, w.sw, child.ID, casework.Closure{Date: d(2026, 11, 20), Reason: "RC0"})
		}, "reason", "note")

		ok(t, s.CompleteS47(ctx, w.sw, e.ID, e.Version, d(2026, 11, 10), "cin", true))
		cin := must[casework.CINPlan](t)(s.StartCINPlan(ctx, w.sw, casework.CINPlan{ChildID: child.ID, StartDate: d(2026, 11, 11)}))
		refused(t, s, func() error {
			return s.CloseCase(ctx, w.sw, child.ID, casework.Closure{Date: d(2026, 11, 10), Reason: "RC7", Note: "x"})
		}, "date")
		if err := s.CloseCase(ctx, store.System, child.ID, closure); err == nil || errors.Is(err, casework.ErrInvalid) {
			t.Errorf("a closure by sightline itself = %v, want refused for want of an author", err)
		}
		ok(t, s.CloseCase(ctx, w.sw, child.ID, closure))

		cf := w.caseFile(child.ID)
		if r := cf.Referrals[0]; r.ClosureDate == nil || !r.ClosureDate.Equal(d(2026, 11, 20)) || r.ClosureReason != "RC7" {
			t.Errorf("referral = %+v, want closed", r)
		}
		if p := cf.CINPlans[0]; p.ID != cin.ID || p.EndDate == nil || !p.EndDate.Equal(d(2026, 11, 20)) {
			t.Errorf("CIN plan = %+v, want ended on the closure date", p)
		}
		invs := must[[]casework.Involvement](t)(s.Involvements(ctx, child.ID))
		if invs[0].EndDate == nil || !invs[0].EndDate.Equal(d(2026, 11, 20)) || invs[0].EndReason != "RC7" || cf.Involvement != nil {
			t.Errorf("involvement = %+v, want closed on the closure date with RC7", invs[0])
		}
		notes := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"note"}, 10))
		want := "Case closed: " + casework.LabelOf(casework.ClosureReasons(), "RC7")
		if len(notes) != 1 || notes[0].Summary != want || notes[0].Detail != "Family moved on" || notes[0].By != "User sam" {
			t.Errorf("closing note = %+v, want %q", notes, want)
		}
		refused(t, s, func() error { return s.CloseCase(ctx, w.sw, child.ID, closure) }, "reason")
	})
}

func TestClosingACaseEndsItsChildProtectionPlan(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, plan := w.toPlan("LA1", d(2026, 11, 2), d(2026, 11, 16))
		ok(t, s.CloseCase(ctx, w.sw, child.ID, casework.Closure{Date: d(2026, 11, 23), Reason: "RC5", Note: "Moved to Leeds"}))
		p := w.caseFile(child.ID).Plans[0]
		if p.ID != plan.ID || p.EndDate == nil || !p.EndDate.Equal(d(2026, 11, 23)) || !strings.HasPrefix(p.EndReason, "Case closed: ") {
			t.Errorf("plan = %+v, want ended on the closure date", p)
		}
	})
}

func TestCaseFilesLoadAWorkersAndATeamsCasesTogether(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		will := w.newWorker("Will", w.team.ID)
		teamB := w.newTeam("Assessment B")
		bea := w.newWorker("Bea", teamB.ID)
		holders := []casework.Worker{w.worker, will, bea, w.worker}
		teams := []int64{w.team.ID, w.team.ID, teamB.ID, w.team.ID}
		const n = 200
		for i := range n {
			c := newChild(t, s, fmt.Sprintf("LA%03d", i), "Child", fmt.Sprintf("C%03d", n-i))
			must[casework.Involvement](t)(s.OpenInvolvement(ctx, w.sw, casework.Involvement{ChildID: c.ID,
				StartDate: d(2026, 10, 1), TeamID: &teams[i%4], WorkerID: &holders[i%4].ID}))
			must[casework.Visit](t)(s.RecordVisit(ctx, w.sw, casework.Visit{ChildID: c.ID, Date: d(2026, 11, 1+i%20),
				Kind: "cin", Place: "home", Seen: true}))
			if i%4 == 3 { // Wendy's closed cases
				w.closeNFA(w.refer(c.ID, d(2026, 10, 2)), d(2026, 10, 2))
			}
		}
		cases := []struct {
			name   string
			f      store.CaseFileFilter
			want   int
			closed bool
		}{
			{"Wendy's open cases", store.CaseFileFilter{WorkerID: w.worker.ID, OpenOnly: true}, 50, false},
			{"Wendy's cases, closed too", store.CaseFileFilter{WorkerID: w.worker.ID}, 100, true},
			{"team A's open cases", store.CaseFileFilter{TeamID: w.team.ID, OpenOnly: true}, 100, false},
			{"team B's open cases", store.CaseFileFilter{TeamID: teamB.ID, OpenOnly: true}, 50, false},
			{"Will in team B", store.CaseFileFilter{WorkerID: will.ID, TeamID: teamB.ID, OpenOnly: true}, 0, false},
			{"every open case", store.CaseFileFilter{OpenOnly: true}, 150, false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				files := must[[]casework.CaseFile](t)(s.CaseFiles(ctx, tc.f))
				if len(files) != tc.want {
					t.Fatalf("%d case files, want %d", len(files), tc.want)
				}
				closed := 0
				for i, cf := range files {
					if i > 0 && cf.Child.LastName < files[i-1].Child.LastName {
						t.Errorf("case files not in name order: %s after %s", cf.Child.LastName, files[i-1].Child.LastName)
					}
					if len(cf.Visits) != 1 || cf.Visits[0].ChildID != cf.Child.ID {
						t.Errorf("%s has visits %+v, want its own one", cf.Child.LAChildID, cf.Visits)
					}
					if cf.Involvement == nil {
						closed++
						if len(cf.Referrals) != 1 || !cf.Referrals[0].NFA {
							t.Errorf("closed case %s has referrals %+v", cf.Child.LAChildID, cf.Referrals)
						}
						continue
					}
					if tc.f.WorkerID != 0 && *cf.Involvement.WorkerID != tc.f.WorkerID ||
						tc.f.TeamID != 0 && *cf.Involvement.TeamID != tc.f.TeamID {
						t.Errorf("%s is held by worker %d team %d", cf.Child.LAChildID, *cf.Involvement.WorkerID, *cf.Involvement.TeamID)
					}
				}
				if (closed > 0) != tc.closed {
					t.Errorf("%d closed cases among them, want closed ones %v", closed, tc.closed)
				}
			})
		}
	})
}
