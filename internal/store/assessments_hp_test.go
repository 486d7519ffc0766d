package store_test

import (
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestApprovingNoFurtherActionClosesTheEpisodeAndTheInvolvement(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 11, 16))
		ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralNFA, d(2026, 11, 17), "", "Information shared with school"))
		if cf := w.caseFile(child.ID); cf.OpenReferral() == nil || cf.Involvement == nil {
			t.Fatal("an NFA decision closed the episode before a manager approved it")
		}
		refused(t, s, func() error { return s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+1, d(2026, 11, 16)) }, "date")
		refused(t, s, func() error { return s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+1, d(2026, 11, 25)) }, "date")
		ok(t, s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+1, d(2026, 11, 18)))

		got := must[casework.Referral](t)(s.Referral(ctx, ref.ID))
		if !got.NFA || got.NFAApprovedBy != "User mo" || !got.NFAApprovedAt.Equal(d(2026, 11, 18)) ||
			got.ClosureDate == nil || !got.ClosureDate.Equal(d(2026, 11, 18)) || got.ClosureReason != "RC7" {
			t.Errorf("approved referral = %+v: want NFA by the manager, closed 18 November with RC7 (no assessment)", got)
		}
		invs := must[[]casework.Involvement](t)(s.Involvements(ctx, child.ID))
		if len(invs) != 1 || invs[0].EndDate == nil || !invs[0].EndDate.Equal(d(2026, 11, 18)) || invs[0].EndReason != "RC7" {
			t.Errorf("involvement = %+v, want closed 18 November with RC7", invs)
		}
		if n := count(t, s, `SELECT count(*) FROM allocations WHERE end_date IS NULL`); n != 0 {
			t.Errorf("%d allocations still open after the case closed", n)
		}
		if cf := w.caseFile(child.ID); cf.Involvement != nil || cf.OpenReferral() != nil {
			t.Errorf("case file still open: %+v", cf)
		}
		refused(t, s, func() error { return s.ApproveNFA(ctx, w.manager, ref.ID, got.Version, d(2026, 11, 18)) }, "decision")
		refused(t, s, func() error {
			return s.DecideReferral(ctx, w.sw, ref.ID, got.Version, casework.ReferralToAssessment, d(2026, 11, 18), "N1", "")
		}, "decision")
	})
}

func TestOnlyANoFurtherActionDecisionCanBeApproved(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		_, ref := w.child("LA1", d(2026, 11, 16))
		ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToAssessment, d(2026, 11, 17), "", ""))
		refused(t, s, func() error { return s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+1, d(2026, 11, 18)) }, "decision")
	})
}

func TestNoFurtherActionAfterACompletedAssessmentClosesWithRC8(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 10, 1))
		ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToAssessment, d(2026, 10, 1), "", ""))
		a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: child.ID, StartDate: d(2026, 10, 2)}))
		ok(t, s.CompleteAssessment(ctx, w.sw, a.ID, a.Version, d(2026, 11, 2), []string{"21"}, "nfa"))
		ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version+1, casework.ReferralNFA, d(2026, 11, 3), "", "No needs identified"))
		ok(t, s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+2, d(2026, 11, 4)))
		if got := must[casework.Referral](t)(s.Referral(ctx, ref.ID)); got.ClosureReason != "RC8" {
			t.Errorf("closure reason = %q, want RC8 (closed after assessment, no further action)", got.ClosureReason)
		}
	})
}

func TestAnAssessmentCannotStartBeforeItsReferral(t *testing.T) { // rule 1103
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 11, 20))
		start := func(a casework.Assessment) func() error {
			return func() error { _, err := s.StartAssessment(ctx, w.sw, a); return err }
		}
		refused(t, s, start(casework.Assessment{ChildID: child.ID, StartDate: d(2026, 11, 19)}), "start_date")
		refused(t, s, start(casework.Assessment{ChildID: child.ID, StartDate: d(2026, 11, 25)}), "start_date")
		other, _ := w.child("LA2", d(2026, 11, 20))
		refused(t, s, start(casework.Assessment{ChildID: other.ID, ReferralID: ref.ID, StartDate: d(2026, 11, 20)}), "referral_id")
		lonely := newChild(t, s, "LA3", "No", "Referral")
		refused(t, s, start(casework.Assessment{ChildID: lonely.ID, StartDate: d(2026, 11, 20)}), "referral_id")
		a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: child.ID, StartDate: d(2026, 11, 20)}))
		if a.ID == 0 || a.ReferralID != ref.ID || a.Version != 1 {
			t.Errorf("started assessment = %+v, want it on the open referral", a)
		}
	})
}

func TestNoFactorsIdentifiedCannotBeChosenWithOtherFactors(t *testing.T) { // rule 8869
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: child.ID, StartDate: d(2026, 11, 3)}))
		complete := func(on time.Time, factors []string, outcome string) func() error {
			return func() error { return s.CompleteAssessment(ctx, w.sw, a.ID, a.Version, on, factors, outcome) }
		}
		refused(t, s, complete(d(2026, 11, 20), []string{"21", "1B"}, "cin_plan"), "factors")
		refused(t, s, complete(d(2026, 11, 20), nil, "cin_plan"), "factors") // rule 8897Q
		refused(t, s, complete(d(2026, 11, 2), []string{"1B"}, "cin_plan"), "completed_date")
		refused(t, s, complete(time.Time{}, []string{"1B"}, "cin_plan"), "completed_date")
		refused(t, s, complete(d(2026, 11, 20), []string{"1B"}, ""), "outcome")
		ok(t, complete(d(2026, 11, 20), []string{"1b", "3B"}, "cin_plan")())
		got := w.caseFile(child.ID).Assessments[0]
		if got.CompletedDate == nil || !got.CompletedDate.Equal(d(2026, 11, 20)) || len(got.Factors) != 2 ||
			got.Factors[0] != "1B" || got.Outcome != "cin_plan" || got.Version != 2 {
			t.Errorf("completed assessment = %+v", got)
		}
	})
}

func TestAuthorisingAnAssessmentRecordsWhoAndWhen(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: child.ID, StartDate: d(2026, 11, 3)}))
		refused(t, s, func() error { return s.AuthoriseAssessment(ctx, w.manager, a.ID, a.Version, d(2026, 11, 24)) }, "authorised_date")
		ok(t, s.CompleteAssessment(ctx, w.sw, a.ID, a.Version, d(2026, 11, 20), []string{"16A"}, "cin_plan"))
		refused(t, s, func() error { return s.AuthoriseAssessment(ctx, w.manager, a.ID, 2, d(2026, 11, 19)) }, "authorised_date")
		wantConflict(t, s.AuthoriseAssessment(ctx, w.manager, a.ID, 1, d(2026, 11, 24)), "User sam")
		ok(t, s.AuthoriseAssessment(ctx, w.manager, a.ID, 2, d(2026, 11, 24)))
		got := w.caseFile(child.ID).Assessments[0]
		if got.AuthorisedBy != "User mo" || got.AuthorisedDate == nil || !got.AuthorisedDate.Equal(d(2026, 11, 24)) || got.Version != 3 {
			t.Errorf("authorised assessment = %+v, want by the manager on 24 November", got)
		}
		refused(t, s, func() error { return s.AuthoriseAssessment(ctx, w.manager, a.ID, 3, d(2026, 11, 24)) }, "authorised_date")
		refused(t, s, func() error {
			return s.CompleteAssessment(ctx, w.sw, a.ID, 3, d(2026, 11, 21), []string{"16A"}, "nfa")
		}, "completed_date")
		events := must[[]store.Event](t)(s.History(ctx, "assessment", a.ID))
		if len(events) != 3 || events[2].Action != "authorise" || events[2].Actor != "User mo" {
			t.Errorf("assessment history = %+v", events)
		}
	})
}

func TestPendingAuthorisationsListCompletedAssessmentsAndNoFurtherActionDecisions(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		other := w.newTeam("Assessment B")
		assessed, _ := w.child("LA1", d(2026, 11, 2))
		inv := w.caseFile(assessed.ID).Involvement
		ok(t, s.Allocate(ctx, w.manager, inv.ID, inv.Version, w.worker.ID, d(2026, 11, 2), "MANAGE", "Allocated"))
		a := must[casework.Assessment](t)(s.StartAssessment(ctx, w.sw, casework.Assessment{ChildID: assessed.ID, StartDate: d(2026, 11, 3)}))
		ok(t, s.CompleteAssessment(ctx, w.sw, a.ID, a.Version, d(2026, 11, 20), []string{"16A"}, "cin_plan"))

		nfa := newChild(t, s, "LA2", "Ben", "Ng")
		c := w.contact(nfa.ID, d(2026, 11, 19))
		c = must[casework.Contact](t)(s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral, d(2026, 11, 19), "", "", &other.ID))
		ok(t, s.DecideReferral(ctx, w.sw, *c.ReferralID, 1, casework.ReferralNFA, d(2026, 11, 19), "", "Family supported by school"))

		all := must[[]store.Authorisation](t)(s.PendingAuthorisations(ctx, 0))
		want := []store.Authorisation{
			{Kind: "nfa", ChildID: nfa.ID, ChildName: "Ben Ng", RecordID: *c.ReferralID, Version: 2, Since: d(2026, 11, 19),
				Worker: "User sam", Summary: "No further action: Family supported by school"},
			{Kind: "assessment", ChildID: assessed.ID, ChildName: assessed.FullName(), RecordID: a.ID, Version: 2,
				Since: d(2026, 11, 20), Worker: "Wendy", Summary: "Assessment completed: Child in need plan"},
		}
		if len(all) != 2 || all[0] != want[0] || all[1] != want[1] {
			t.Errorf("pending authorisations =\n %+v\nwant (oldest first)\n %+v", all, want)
		}
		if mine := must[[]store.Authorisation](t)(s.PendingAuthorisations(ctx, w.team.ID)); len(mine) != 1 || mine[0].Kind != "assessment" {
			t.Errorf("team A's queue = %+v, want only its assessment", mine)
		}
		ok(t, s.AuthoriseAssessment(ctx, w.manager, a.ID, 2, d(2026, 11, 24)))
		ok(t, s.ApproveNFA(ctx, w.manager, *c.ReferralID, 2, d(2026, 11, 24)))
		if left := must[[]store.Authorisation](t)(s.PendingAuthorisations(ctx, 0)); len(left) != 0 {
			t.Errorf("after sign-off the queue still has %+v", left)
		}
	})
}
