package store_test

import (
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func knownIndicator(id string) bool { return id == "cp_plans_per_10k" || id == "assessments_45wd_pct" }

func TestTheImprovementPlanIsKeptWithVersionsHistoryAndErrors(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		head := newUser(t, s, "hos", auth.ServiceManager)
		mgr := newUser(t, s, "tm", auth.TeamManager)
		rec, err := s.SaveRecommendation(ctx, head.Actor(), casework.Recommendation{
			Text: " Improve the quality of child protection plans ", Source: "ILACS inspection",
			InspectionDate: d(2026, 3, 10), Theme: "Help and protection"})
		if err != nil {
			t.Fatal(err)
		}
		if rec.Text != "Improve the quality of child protection plans" || rec.Version != 1 {
			t.Errorf("saved recommendation = %+v", rec)
		}

		t.Run("an action without owner or due date is refused naming both, and nothing is written", func(t *testing.T) {
			events := historyLen(t, s)
			_, err := s.SaveAction(ctx, head.Actor(), casework.Action{RecommendationID: rec.ID, Description: "Audit plans",
				Status: casework.StatusNotStarted})
			wantFields(t, err, "due_date", "owner")
			if historyLen(t, s) != events {
				t.Error("history grew on a refused action")
			}
		})

		act, err := s.SaveAction(ctx, head.Actor(), casework.Action{RecommendationID: rec.ID, Description: "Audit every CP plan",
			OwnerUserID: mgr.ID, DueDate: d(2026, 9, 30), Status: casework.StatusInProgress})
		if err != nil {
			t.Fatal(err)
		}
		if act.OwnerName != mgr.DisplayName {
			t.Errorf("an owner who is a user is named %q, want %q", act.OwnerName, mgr.DisplayName)
		}

		t.Run("an unknown indicator id is refused", func(t *testing.T) {
			_, err := s.AddEvidence(ctx, head.Actor(), casework.Evidence{ActionID: act.ID, Kind: casework.EvidenceIndicator,
				IndicatorID: "cp_plan_per_10k"}, knownIndicator)
			wantFields(t, err, "indicator_id")
		})
		if _, err := s.AddEvidence(ctx, head.Actor(), casework.Evidence{ActionID: act.ID, Kind: casework.EvidenceIndicator,
			IndicatorID: "cp_plans_per_10k"}, knownIndicator); err != nil {
			t.Fatal(err)
		}
		audit, err := s.AddEvidence(ctx, head.Actor(), casework.Evidence{ActionID: act.ID, Kind: casework.EvidenceAudit,
			AuditTheme: "Planning", Summary: "8 of 12 plans good or better"}, knownIndicator)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddProgressNote(ctx, mgr.Actor(), casework.ProgressNote{ActionID: act.ID, Date: d(2026, 11, 1),
			Text: "Half the plans audited"}); err != nil {
			t.Fatal(err)
		}

		t.Run("a stale change to an action is refused", func(t *testing.T) {
			changed := act
			changed.Status = casework.StatusBlocked
			if _, err := s.SaveAction(ctx, mgr.Actor(), changed); err != nil {
				t.Fatal(err)
			}
			stale := act
			stale.Status, stale.CompletedOn = casework.StatusDone, d(2026, 10, 1)
			_, err := s.SaveAction(ctx, head.Actor(), stale)
			wantConflict(t, err, mgr.DisplayName)
		})

		if err := s.MarkInError(ctx, head.Actor(), "improvement_evidence", 0, audit.ID, audit.Version, "Wrong theme"); err != nil {
			t.Fatal(err)
		}
		recs, acts, err := s.ImprovementPlan(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || len(acts[rec.ID]) != 1 {
			t.Fatalf("plan = %d recommendations, %d actions", len(recs), len(acts[rec.ID]))
		}
		got := acts[rec.ID][0]
		if got.Status != casework.StatusBlocked || got.Version != 2 || len(got.Evidence) != 1 ||
			got.Evidence[0].IndicatorID != "cp_plans_per_10k" || len(got.Notes) != 1 || got.Notes[0].Author != mgr.DisplayName {
			t.Errorf("action in the plan = %+v", got)
		}
		hist, err := s.History(ctx, "improvement_action", act.ID)
		if err != nil || len(hist) != 2 || hist[1].Action != "update" {
			t.Errorf("action history = %d events, %v; want create and update", len(hist), err)
		}
		if n := count(t, s, `SELECT count(*) FROM improvement_evidence`); n != 2 {
			t.Errorf("%d evidence rows kept, want 2 (nothing deleted)", n)
		}
		if err := s.MarkInError(ctx, head.Actor(), "improvement_recommendation", 0, rec.ID, rec.Version, "Duplicate"); err != nil {
			t.Fatal(err)
		}
		if recs, _, _ := s.ImprovementPlan(ctx); len(recs) != 0 {
			t.Errorf("a recommendation in error is still in the plan")
		}
		_, err = s.SaveAction(ctx, head.Actor(), casework.Action{RecommendationID: rec.ID, Description: "x", OwnerName: "Jo",
			DueDate: d(2026, 12, 1), Status: casework.StatusNotStarted})
		wantFields(t, err, "recommendation_id")
	})
}

func TestBoardCommentaryIsSavedPerReportDateAndStaleSavesAreRefused(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		a := newUser(t, s, "chair", auth.ServiceManager)
		b := newUser(t, s, "member", auth.TeamManager)
		date := d(2026, 10, 31)
		c, err := s.Commentary(ctx, date)
		if err != nil || c.Version != 0 || c.Text != "" {
			t.Fatalf("commentary before any is saved = %+v, %v", c, err)
		}
		c1, err := s.SaveCommentary(ctx, a.Actor(), date, "Timeliness improving", 0)
		if err != nil || c1.Version != 1 {
			t.Fatalf("first save = %+v, %v", c1, err)
		}
		if _, err := s.SaveCommentary(ctx, b.Actor(), date, "Second view", 1); err != nil {
			t.Fatal(err)
		}
		_, err = s.SaveCommentary(ctx, a.Actor(), date, "Stale", 1)
		wantConflict(t, err, b.DisplayName)
		_, err = s.SaveCommentary(ctx, a.Actor(), date, "Also stale", 0)
		wantConflict(t, err, b.DisplayName)
		other, _ := s.Commentary(ctx, d(2026, 9, 30))
		got, _ := s.Commentary(ctx, date)
		if got.Text != "Second view" || other.Text != "" {
			t.Errorf("commentary = %q and for another date %q", got.Text, other.Text)
		}
	})
}
