package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestASection47NeedsAStrategyDiscussionThatDecidedToStartOne(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 11, 16))
		start := func(e casework.S47Enquiry) func() error {
			return func() error { _, err := s.StartS47(ctx, w.sw, e); return err }
		}
		refused(t, s, start(casework.S47Enquiry{ChildID: child.ID, StartDate: d(2026, 11, 16)}), "strategy_id")
		no := must[casework.StrategyDiscussion](t)(s.RecordStrategy(ctx, w.sw, casework.StrategyDiscussion{
			ChildID: child.ID, Date: d(2026, 11, 16), InitiatedS47: false}))
		if no.ReferralID != ref.ID {
			t.Errorf("strategy discussion on referral %d, want the open referral %d", no.ReferralID, ref.ID)
		}
		refused(t, s, start(casework.S47Enquiry{ChildID: child.ID, StrategyID: &no.ID, StartDate: d(2026, 11, 16)}), "strategy_id")
		yes := must[casework.StrategyDiscussion](t)(s.RecordStrategy(ctx, w.sw, casework.StrategyDiscussion{
			ChildID: child.ID, Date: d(2026, 11, 17), InitiatedS47: true}))
		refused(t, s, start(casework.S47Enquiry{ChildID: child.ID, StrategyID: &yes.ID, StartDate: d(2026, 11, 16)}), "start_date")
		e := must[casework.S47Enquiry](t)(s.StartS47(ctx, w.sw, casework.S47Enquiry{ChildID: child.ID, StrategyID: &yes.ID, StartDate: d(2026, 11, 17)}))
		if e.ReferralID != ref.ID || e.ID == 0 {
			t.Errorf("enquiry = %+v, want it on the strategy discussion's referral", e)
		}
		refused(t, s, func() error {
			_, err := s.RecordStrategy(ctx, w.sw, casework.StrategyDiscussion{ChildID: child.ID, Date: d(2026, 11, 13)})
			return err
		}, "date")
	})
}

func TestCompletingASection47RecordsItsOutcome(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 16))
		e := w.s47(child.ID, d(2026, 11, 16))
		complete := func(outcome string, notRequired bool) func() error {
			return func() error { return s.CompleteS47(ctx, w.sw, e.ID, e.Version, d(2026, 11, 20), outcome, notRequired) }
		}
		refused(t, s, complete("", true), "outcome")
		refused(t, s, complete("icpc", true), "icpc_not_required")
		refused(t, s, func() error { return s.CompleteS47(ctx, w.sw, e.ID, e.Version, d(2026, 11, 13), "cin", true) }, "end_date")
		ok(t, complete("cin", true)())
		got := w.caseFile(child.ID).S47s[0]
		if got.EndDate == nil || !got.EndDate.Equal(d(2026, 11, 20)) || got.Outcome != "cin" || !got.ICPCNotRequired || got.Version != 2 {
			t.Errorf("completed enquiry = %+v", got)
		}
		refused(t, s, func() error { return s.CompleteS47(ctx, w.sw, e.ID, 2, d(2026, 11, 20), "nfa", true) }, "end_date")
	})
}

func TestAnInitialConferenceWithoutAnS47IsRefused(t *testing.T) { // rule 8615
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 16))
		conf := func(c casework.Conference) func() error {
			return func() error { _, err := s.RecordConference(ctx, w.sw, c); return err }
		}
		refused(t, s, conf(casework.Conference{ChildID: child.ID, Kind: casework.InitialConference, Date: d(2026, 11, 23),
			Decision: "plan", Category: "NEG"}), "s47_id")
		refused(t, s, conf(casework.Conference{ChildID: child.ID, Date: d(2026, 11, 23)}), "kind")
		e := w.s47(child.ID, d(2026, 11, 16))
		refused(t, s, conf(casework.Conference{ChildID: child.ID, Kind: casework.InitialConference, S47ID: &e.ID,
			Date: d(2026, 11, 22), Decision: "plan", Category: "NEG"}), "date") // a Sunday (rule 8875)
		refused(t, s, conf(casework.Conference{ChildID: child.ID, Kind: casework.InitialConference, S47ID: &e.ID,
			Date: d(2026, 11, 23), Decision: "plan"}), "category")
	})
}

func TestAChildProtectionPlanStartsOnTheDayOfItsConference(t *testing.T) { // rule 2885
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 11, 2))
		e := w.s47(child.ID, d(2026, 11, 3))
		conf := w.icpc(e, d(2026, 11, 23))
		cf := w.caseFile(child.ID)
		if len(cf.Plans) != 1 {
			t.Fatalf("%d plans, want 1", len(cf.Plans))
		}
		p := cf.Plans[0]
		if !p.StartDate.Equal(d(2026, 11, 23)) || p.ConferenceID == nil || *p.ConferenceID != conf.ID ||
			p.InitialCategory != "NEG" || p.LatestCategory != "NEG" || p.PreviousPlans != 0 || p.ReferralID != ref.ID {
			t.Errorf("plan = %+v, want from the conference on 23 November in NEG", p)
		}
		if conf.PlanID == nil || *conf.PlanID != p.ID || cf.Conferences[0].PlanID == nil || *cf.Conferences[0].PlanID != p.ID {
			t.Errorf("conference %+v is not linked to its plan %d", conf, p.ID)
		}
		if got := cf.S47s[0]; got.EndDate == nil || !got.EndDate.Equal(d(2026, 11, 23)) || got.Outcome != "icpc" {
			t.Errorf("enquiry = %+v, want ended by the conference with outcome icpc", got)
		}
	})
}

func TestASecondPlanCannotBeMadeWhileOneIsOpen(t *testing.T) { // rule 8935
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.toPlan("LA1", d(2026, 11, 2), d(2026, 11, 16))
		e := w.s47(child.ID, d(2026, 11, 17))
		refused(t, s, func() error {
			_, err := s.RecordConference(ctx, w.sw, casework.Conference{ChildID: child.ID, Kind: casework.InitialConference,
				S47ID: &e.ID, Date: d(2026, 11, 23), Decision: "plan", Category: "PHY"})
			return err
		}, "decision")
	})
}

func TestAReviewOnTheDayThePlanStartedIsRefused(t *testing.T) { // rule 8841
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, plan := w.toPlan("LA1", d(2026, 11, 2), d(2026, 11, 16))
		refused(t, s, func() error {
			_, err := s.RecordConference(ctx, w.sw, casework.Conference{ChildID: child.ID, Kind: casework.ReviewConference,
				Date: plan.StartDate, Decision: "continue"})
			return err
		}, "date")
		noPlan, _ := w.child("LA2", d(2026, 11, 2))
		refused(t, s, func() error {
			_, err := s.RecordConference(ctx, w.sw, casework.Conference{ChildID: noPlan.ID, Kind: casework.ReviewConference,
				Date: d(2026, 11, 23), Decision: "continue"})
			return err
		}, "plan_id")
	})
}

func TestAReviewConferenceUpdatesTheCategoryAndCanEndThePlan(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, plan := w.toPlan("LA1", d(2026, 10, 5), d(2026, 10, 12))
		review := must[casework.Conference](t)(s.RecordConference(ctx, w.sw, casework.Conference{ChildID: child.ID,
			Kind: casework.ReviewConference, Date: d(2026, 11, 9), Decision: "continue", Category: "PHY"}))
		if review.PlanID == nil || *review.PlanID != plan.ID {
			t.Errorf("review's plan = %v, want %d", review.PlanID, plan.ID)
		}
		p := w.caseFile(child.ID).Plans[0]
		if p.LatestCategory != "PHY" || p.InitialCategory != "NEG" || p.EndDate != nil {
			t.Errorf("plan after a review = %+v, want latest PHY and still open", p)
		}
		must[casework.Conference](t)(s.RecordConference(ctx, w.sw, casework.Conference{ChildID: child.ID,
			Kind: casework.ReviewConference, Date: d(2026, 11, 23), Decision: "end"}))
		p = w.caseFile(child.ID).Plans[0]
		if p.EndDate == nil || !p.EndDate.Equal(d(2026, 11, 23)) || p.EndReason != "Review conference ended the plan" {
			t.Errorf("plan after an ending review = %+v", p)
		}
		actions := []string{}
		for _, e := range must[[]store.Event](t)(s.History(ctx, "cp_plan", plan.ID)) {
			actions = append(actions, e.Action)
		}
		if len(actions) != 3 || actions[0] != "create" || actions[1] != "review" || actions[2] != "end" {
			t.Errorf("plan history = %v, want create, review, end", actions)
		}
		// A later plan counts the earlier one (NumberOfPreviousCPP).
		w.icpc(w.s47(child.ID, d(2026, 11, 23)), d(2026, 11, 24))
		if again := w.caseFile(child.ID).OpenPlan(); again == nil || again.PreviousPlans != 1 {
			t.Errorf("second plan = %+v, want PreviousPlans 1", again)
		}
	})
}

func TestACoreGroupMeetsOnlyUnderAPlan(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		noPlan, _ := w.child("LA1", d(2026, 11, 2))
		record := func(g casework.CoreGroup) func() error {
			return func() error { _, err := s.RecordCoreGroup(ctx, w.sw, g); return err }
		}
		refused(t, s, record(casework.CoreGroup{ChildID: noPlan.ID, Date: d(2026, 11, 20)}), "date")
		child, plan := w.toPlan("LA2", d(2026, 11, 2), d(2026, 11, 16))
		refused(t, s, record(casework.CoreGroup{ChildID: child.ID, Date: d(2026, 11, 13)}), "date")
		refused(t, s, record(casework.CoreGroup{ChildID: child.ID, PlanID: plan.ID + 100, Date: d(2026, 11, 20)}), "plan_id")
		g := must[casework.CoreGroup](t)(s.RecordCoreGroup(ctx, w.sw, casework.CoreGroup{ChildID: child.ID, Date: d(2026, 11, 20)}))
		if g.PlanID != plan.ID || g.ID == 0 {
			t.Errorf("core group = %+v, want under plan %d", g, plan.ID)
		}
	})
}

func TestAChildInNeedPlanCannotRunAlongsideAChildProtectionPlan(t *testing.T) { // rule 4001
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.toPlan("LA1", d(2026, 11, 2), d(2026, 11, 16))
		refused(t, s, func() error {
			_, err := s.StartCINPlan(ctx, w.sw, casework.CINPlan{ChildID: child.ID, StartDate: d(2026, 11, 20)})
			return err
		}, "start_date")
	})
}

func TestAChildInNeedPlanIsReviewedAndEnded(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, ref := w.child("LA1", d(2026, 10, 1))
		start := func(on casework.CINPlan) func() error {
			return func() error { _, err := s.StartCINPlan(ctx, w.sw, on); return err }
		}
		refused(t, s, func() error {
			_, err := s.ReviewCINPlan(ctx, w.sw, casework.CINPlanReview{ChildID: child.ID, Date: d(2026, 11, 2)})
			return err
		}, "date")
		refused(t, s, start(casework.CINPlan{ChildID: child.ID, StartDate: d(2026, 9, 30)}), "start_date")
		p := must[casework.CINPlan](t)(s.StartCINPlan(ctx, w.sw, casework.CINPlan{ChildID: child.ID, StartDate: d(2026, 10, 5)}))
		if p.ReferralID != ref.ID {
			t.Errorf("CIN plan on referral %d, want the open one %d", p.ReferralID, ref.ID)
		}
		refused(t, s, start(casework.CINPlan{ChildID: child.ID, StartDate: d(2026, 10, 6)}), "start_date")
		refused(t, s, func() error {
			_, err := s.ReviewCINPlan(ctx, w.sw, casework.CINPlanReview{ChildID: child.ID, Date: d(2026, 10, 4)})
			return err
		}, "date")
		r := must[casework.CINPlanReview](t)(s.ReviewCINPlan(ctx, w.sw, casework.CINPlanReview{ChildID: child.ID, Date: d(2026, 11, 2)}))
		if r.PlanID != p.ID {
			t.Errorf("review of plan %d, want %d", r.PlanID, p.ID)
		}
		refused(t, s, func() error { return s.EndCINPlan(ctx, w.sw, p.ID, p.Version, d(2026, 10, 4)) }, "end_date")
		ok(t, s.EndCINPlan(ctx, w.sw, p.ID, p.Version, d(2026, 11, 23)))
		wantConflict(t, s.EndCINPlan(ctx, w.sw, p.ID, p.Version, d(2026, 11, 23)), "User sam")
		cf := w.caseFile(child.ID)
		if cf.OpenCINPlan() != nil || len(cf.CINReviews) != 1 || !cf.CINPlans[0].EndDate.Equal(d(2026, 11, 23)) {
			t.Errorf("case file = %+v, %+v", cf.CINPlans, cf.CINReviews)
		}
	})
}

func TestVisitRules(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		cases := []struct {
			name  string
			v     casework.Visit
			field string
		}{
			{"seen alone but not seen", casework.Visit{Date: d(2026, 11, 23), Kind: "cp", Place: "home", SeenAlone: true}, "seen_alone"},
			{"in the future", casework.Visit{Date: d(2026, 11, 25), Kind: "cp", Place: "home", Seen: true}, "date"},
			{"no date", casework.Visit{Kind: "cp", Place: "home"}, "date"},
			{"no kind or place", casework.Visit{Date: d(2026, 11, 23)}, "kind"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				tc.v.ChildID = child.ID
				fields := []string{tc.field}
				if tc.name == "no kind or place" {
					fields = append(fields, "place")
				}
				refused(t, s, func() error { _, err := s.RecordVisit(ctx, w.sw, tc.v); return err }, fields...)
			})
		}
		v := must[casework.Visit](t)(s.RecordVisit(ctx, w.sw, casework.Visit{ChildID: child.ID, Date: d(2026, 11, 23),
			Kind: "cp", Place: "home", Seen: true, SeenAlone: true, Notes: "Saw her room", By: "someone else"}))
		got := w.caseFile(child.ID).Visits
		if v.By != "User sam" || len(got) != 1 || got[0] != v {
			t.Errorf("visit = %+v, read back %+v: want it by the actor", v, got)
		}
	})
}
