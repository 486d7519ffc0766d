package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// auditWorld is an authority ready to audit: two teams with children on
// open cases, an auditor, and a team manager who owns actions.
type auditWorld struct {
	t       *testing.T
	s       *store.Store
	auditor store.User
	owner   store.User
	team    casework.Team
	other   casework.Team
	tpl     casework.AuditTemplate
}

func newAuditWorld(t *testing.T, s *store.Store) *auditWorld {
	t.Helper()
	w := &auditWorld{t: t, s: s}
	w.auditor = newUser(t, s, "grace", auth.Auditor)
	w.owner = newUser(t, s, "dan", auth.TeamManager)
	w.team = must[casework.Team](t)(s.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection 1", Kind: "child_protection"}))
	w.other = must[casework.Team](t)(s.CreateTeam(ctx, store.System, casework.Team{Name: "Assessment", Kind: "assessment"}))
	w.tpl = must[casework.AuditTemplate](t)(s.CurrentAuditTemplate(ctx))
	return w
}

// openCase adds a child whose case the team has held since January.
func (w *auditWorld) openCase(laID string, team casework.Team) casework.Child {
	w.t.Helper()
	c := newChild(w.t, w.s, laID, "Child", laID)
	must[casework.Involvement](w.t)(w.s.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
		StartDate: d(2026, 1, 5), TeamID: &team.ID}))
	return c
}

// openCases adds n children on open cases of team, LA ids prefix1…prefixn.
func (w *auditWorld) openCases(prefix string, n int, team casework.Team) []int64 {
	var ids []int64
	for i := 1; i <= n; i++ {
		ids = append(ids, w.openCase(fmt.Sprintf("%s%d", prefix, i), team).ID)
	}
	return ids
}

// answers grades every question of the template, cycling through grades.
func (w *auditWorld) answers(grades ...string) []casework.AuditAnswer {
	var out []casework.AuditAnswer
	for i, q := range w.tpl.Questions {
		out = append(out, casework.AuditAnswer{QuestionID: q.ID, Grade: grades[i%len(grades)]})
	}
	return out
}

// audit records an audit of a child on day on, graded overall and on
// every question as given, by the auditor.
func (w *auditWorld) audit(childID int64, on time.Time, overall string, grades ...string) casework.Audit {
	w.t.Helper()
	return must[casework.Audit](w.t)(w.s.RecordAudit(ctx, w.auditor.Actor(), casework.Audit{ChildID: childID, Date: on,
		Overall: overall, Summary: "Audited.", Answers: w.answers(grades...)}))
}

func TestTheDefaultAuditTemplateIsInUseUntilTheAuthoritySavesItsOwn(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		def := must[casework.AuditTemplate](t)(s.CurrentAuditTemplate(ctx))
		if len(def.Questions) != 10 || !def.InUse {
			t.Fatalf("default template: %d questions, in use %v", len(def.Questions), def.InUse)
		}
		wantThemes := []string{"Voice of the child", "Risk assessment", "Plans and reviews", "Timeliness",
			"Management oversight", "Recording"}
		if got := def.Themes(); !slices.Equal(got, wantThemes) {
			t.Errorf("default themes = %v, want %v", got, wantThemes)
		}
		u := newUser(t, s, "grace", auth.Auditor)
		own, err := s.SaveAuditTemplate(ctx, u.Actor(), casework.AuditTemplate{Name: " Our audit ", Questions: []casework.AuditQuestion{
			{Theme: "Voice of the child", Text: "Is the child seen alone?"}, {Theme: "Timeliness", Text: " On time? "}}})
		if err != nil {
			t.Fatal(err)
		}
		now := must[casework.AuditTemplate](t)(s.CurrentAuditTemplate(ctx))
		if now.ID != own.ID || now.Name != "Our audit" || len(now.Questions) != 2 || now.Questions[1].Text != "On time?" ||
			now.Questions[1].Position != 2 {
			t.Errorf("template in use after saving = %+v", now)
		}
		if old := must[casework.AuditTemplate](t)(s.AuditTemplate(ctx, def.ID)); old.InUse || len(old.Questions) != 10 {
			t.Errorf("old template after replacing: in use %v, %d questions; want kept, out of use", old.InUse, len(old.Questions))
		}
		if evs := must[[]store.Event](t)(s.History(ctx, "audit_template", def.ID)); len(evs) != 1 || evs[0].Action != "retire" {
			t.Errorf("history of the old template = %+v, want one retire event", evs)
		}
		_, err = s.SaveAuditTemplate(ctx, u.Actor(), casework.AuditTemplate{Name: "Empty"})
		wantFields(t, err, "questions")
	})
}

func TestASampleIsReproducibleFromItsSeedAndShowsTheSameAgain(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		mine := w.openCases("T", 15, w.team)
		w.openCases("O", 3, w.other)
		closed := w.openCase("X1", w.team)
		inv := must[[]casework.Involvement](t)(s.Involvements(ctx, closed.ID))[0]
		rawExec(t, s, fmt.Sprintf(`UPDATE involvements SET end_date = '2026-10-01' WHERE id = %d`, inv.ID))

		smp, err := s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 10, 42)
		if err != nil {
			t.Fatal(err)
		}
		drawn := sampledIDs(smp)
		if len(drawn) != 10 || smp.Eligible != 15 || smp.Seed != 42 || smp.TeamName != w.team.Name || !smp.DrawnOn.Equal(d(2026, 11, 24)) {
			t.Fatalf("sample = %+v, want 10 of 15 eligible from seed 42 drawn today", smp)
		}
		for _, id := range drawn {
			if !slices.Contains(mine, id) {
				t.Errorf("drew child %d, who is not on an open case of the team", id)
			}
		}
		if want := casework.DrawSample(mine, 10, 42); !slices.Equal(drawn, want) {
			t.Errorf("drew %v; seed 42 over the team's open cases draws %v", drawn, want)
		}
		again := must[casework.AuditSample](t)(s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 10, 42))
		if !slices.Equal(sampledIDs(again), drawn) || again.ID == smp.ID {
			t.Errorf("a second draw with seed 42 took %v, want %v again as a new sample", sampledIDs(again), drawn)
		}
		w.openCases("N", 5, w.team) // the team takes on more cases
		shown := must[casework.AuditSample](t)(s.AuditSample(ctx, smp.ID))
		if !slices.Equal(sampledIDs(shown), drawn) || shown.Seed != 42 {
			t.Errorf("the kept sample shows %v (seed %d), want %v (seed 42)", sampledIDs(shown), shown.Seed, drawn)
		}
		fresh := must[casework.AuditSample](t)(s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 50, 0))
		if fresh.Seed <= 0 || len(fresh.Children) != 20 || fresh.Eligible != 20 {
			t.Errorf("a draw of 50 with no seed: seed %d, %d drawn of %d eligible; want a new seed and all 20",
				fresh.Seed, len(fresh.Children), fresh.Eligible)
		}
		if evs := must[[]store.Event](t)(s.History(ctx, "audit_sample", smp.ID)); len(evs) != 1 {
			t.Errorf("history of the sample has %d events, want 1", len(evs))
		}
		recent := must[[]store.SampleSummary](t)(s.RecentAuditSamples(ctx, 2))
		if len(recent) != 2 || recent[0].ID != fresh.ID || recent[0].Drawn != 20 || recent[1].Drawn != 10 {
			t.Errorf("recent samples = %+v", recent)
		}
	})
}

func sampledIDs(smp casework.AuditSample) []int64 {
	var out []int64
	for _, c := range smp.Children {
		out = append(out, c.ChildID)
	}
	return out
}

func TestASampleLeavesOutChildrenAuditedInTheLastSixMonths(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		sixAgo := w.openCase("A1", w.team)    // audited 24 May 2026: six months ago, eligible again
		withinSix := w.openCase("A2", w.team) // audited 25 May 2026: left out
		lastWeek := w.openCase("A3", w.team)  // left out
		never := w.openCase("A4", w.team)
		w.audit(sixAgo.ID, d(2026, 5, 24), "good", "good")
		w.audit(withinSix.ID, d(2026, 5, 25), "good", "good")
		w.audit(lastWeek.ID, d(2026, 11, 17), "inadequate", "inadequate")

		got := must[[]int64](t)(s.AuditCandidates(ctx, w.team.ID, d(2026, 11, 24)))
		if want := []int64{sixAgo.ID, never.ID}; !slices.Equal(got, want) {
			t.Errorf("eligible on 24 Nov 2026 = %v, want %v (audited 24 May and never)", got, want)
		}
		smp := must[casework.AuditSample](t)(s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 10, 7))
		if got := slices.Sorted(slices.Values(sampledIDs(smp))); !slices.Equal(got, []int64{sixAgo.ID, never.ID}) || smp.Eligible != 2 {
			t.Errorf("sample of 10 = %v of %d eligible, want the two eligible", got, smp.Eligible)
		}
		later := must[[]int64](t)(s.AuditCandidates(ctx, w.team.ID, d(2026, 11, 26)))
		if want := []int64{sixAgo.ID, withinSix.ID, never.ID}; !slices.Equal(later, want) {
			t.Errorf("eligible on 26 Nov 2026 = %v, want %v", later, want)
		}
	})
}

func TestAnAuditIsKeptWithItsAnswersActionsAndHandBack(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		c := w.openCase("M1", w.team)
		smp := must[casework.AuditSample](t)(s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 10, 1))
		in := casework.Audit{ChildID: c.ID, SampleID: &smp.ID, Date: d(2026, 11, 23), Overall: "requires_improvement",
			Summary: "  Visits are late; the plan is vague.  ", Answers: w.answers("good", "requires_improvement"),
			Actions:  []casework.AuditAction{{Text: " Update the chronology ", OwnerID: w.owner.ID, Due: d(2026, 12, 7)}},
			HandBack: &casework.HandBack{OwnerID: w.owner.ID, Due: d(2026, 11, 26), Reason: "Not seen for 8 weeks: visit now"}}
		saved := must[casework.Audit](t)(s.RecordAudit(ctx, w.auditor.Actor(), in))
		got := must[casework.Audit](t)(s.Audit(ctx, saved.ID))
		if got.TeamName != w.team.Name || got.AuditorName != w.auditor.DisplayName || got.Summary != "Visits are late; the plan is vague." ||
			got.Overall != "requires_improvement" || got.TemplateID != w.tpl.ID || len(got.Answers) != 10 || *got.SampleID != smp.ID {
			t.Errorf("audit read back = %+v", got)
		}
		if a := got.Answers[1]; a.Grade != "requires_improvement" || a.Theme != "Voice of the child" || a.Position != 2 {
			t.Errorf("second answer = %+v", a)
		}
		if len(got.Actions) != 1 || got.Actions[0].Text != "Update the chronology" || got.Actions[0].OwnerName != w.owner.DisplayName ||
			got.Actions[0].Status != "open" {
			t.Errorf("actions = %+v", got.Actions)
		}
		hb := got.HandBack
		if hb == nil || !hb.Open() || hb.OwnerID != w.owner.ID || !hb.Raised.Equal(d(2026, 11, 23)) || hb.TeamName != w.team.Name {
			t.Fatalf("hand-back = %+v", hb)
		}
		for entity, id := range map[string]int64{"audit": got.ID, "audit_action": got.Actions[0].ID, "audit_handback": hb.ID} {
			if evs := must[[]store.Event](t)(s.History(ctx, entity, id)); len(evs) != 1 || evs[0].Actor != w.auditor.DisplayName {
				t.Errorf("history of %s %d = %+v", entity, id, evs)
			}
		}
		shown := must[casework.AuditSample](t)(s.AuditSample(ctx, smp.ID)).Children[0]
		if shown.AuditID == nil || *shown.AuditID != got.ID || shown.Grade != "requires_improvement" || !shown.HandedBack {
			t.Errorf("sampled child after the audit = %+v", shown)
		}
		_, err := s.RecordAudit(ctx, w.auditor.Actor(), in)
		wantFields(t, err, "form") // the same child twice in one sample
		w.checkHandBackFlag(c.ID, hb.ID, true)

		res := casework.Resolution{On: d(2026, 11, 24), Note: "Visited today; seen alone."}
		wantConflict(t, s.ResolveHandBack(ctx, w.owner.Actor(), hb.ID, hb.Version+1, res), w.auditor.DisplayName)
		wantFields(t, s.ResolveHandBack(ctx, w.owner.Actor(), hb.ID, hb.Version, casework.Resolution{On: d(2026, 11, 24)}), "resolution")
		ok(t, s.ResolveHandBack(ctx, w.owner.Actor(), hb.ID, hb.Version, res))
		w.checkHandBackFlag(c.ID, hb.ID, false)
		done := must[casework.HandBack](t)(s.HandBack(ctx, hb.ID))
		if done.ResolvedBy != w.owner.DisplayName || !done.ResolvedOn.Equal(d(2026, 11, 24)) || done.Resolution != res.Note {
			t.Errorf("resolved hand-back = %+v", done)
		}
		wantFields(t, s.ResolveHandBack(ctx, w.owner.Actor(), hb.ID, done.Version, res), "form")

		x := got.Actions[0]
		if open := must[[]casework.AuditAction](t)(s.OutstandingAuditActions(ctx)); len(open) != 1 || open[0].ID != x.ID {
			t.Errorf("outstanding actions = %+v", open)
		}
		wantFields(t, s.CompleteAuditAction(ctx, w.owner.Actor(), x.ID, x.Version, casework.Resolution{On: d(2026, 11, 22), Note: "Done"}),
			"resolved_on") // before the audit
		ok(t, s.CompleteAuditAction(ctx, w.owner.Actor(), x.ID, x.Version, casework.Resolution{On: d(2026, 11, 24), Note: "Chronology updated"}))
		if after := must[casework.AuditAction](t)(s.AuditAction(ctx, x.ID)); after.Status != "done" || after.DoneBy != w.owner.DisplayName {
			t.Errorf("action after completing = %+v", after)
		}
		if open := must[[]casework.AuditAction](t)(s.OutstandingAuditActions(ctx)); len(open) != 0 {
			t.Errorf("outstanding actions after completing = %+v", open)
		}
		if rep, err := s.VerifyHistory(ctx); err != nil {
			t.Errorf("history: %+v %v", rep, err)
		}
	})
}

// checkHandBackFlag checks whether the child is flagged as handed back.
func (w *auditWorld) checkHandBackFlag(childID, hbID int64, want bool) {
	w.t.Helper()
	open := must[[]casework.HandBack](w.t)(w.s.OpenHandBacksOf(ctx, childID))
	all := must[[]casework.HandBack](w.t)(w.s.OpenHandBacks(ctx))
	flagged := must[map[int64]bool](w.t)(w.s.HandedBackChildren(ctx))
	if got := len(open) == 1 && open[0].ID == hbID; got != want {
		w.t.Errorf("child's open hand-backs = %+v, want flagged %v", open, want)
	}
	if (len(all) == 1) != want || flagged[childID] != want {
		w.t.Errorf("open hand-backs %+v, flagged children %v; want flagged %v", all, flagged, want)
	}
}

func TestAnAuditActionWithoutAnOwnerIsRefusedAndNothingIsWritten(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		c := w.openCase("M1", w.team)
		outside := w.openCase("M2", w.other)
		partner := newUser(t, s, "police", auth.PartnerAgency)
		gone := newUser(t, s, "left", auth.SocialWorker)
		rawExec(t, s, fmt.Sprintf(`UPDATE users SET disabled = TRUE WHERE id = %d`, gone.ID))
		smp := must[casework.AuditSample](t)(s.DrawAuditSample(ctx, w.auditor.Actor(), w.team.ID, 10, 1))
		action := func(owner int64) casework.AuditAction {
			return casework.AuditAction{Text: "Visit", OwnerID: owner, Due: d(2026, 12, 1)}
		}
		for _, tc := range []struct {
			name   string
			change func(*casework.Audit)
			fields []string
		}{
			{"an action without an owner", func(a *casework.Audit) { a.Actions = []casework.AuditAction{action(0)} }, []string{"action-1-owner"}},
			{"an action owned by a partner agency", func(a *casework.Audit) { a.Actions = []casework.AuditAction{action(partner.ID)} },
				[]string{"action-1-owner"}},
			{"an action owned by someone who has left", func(a *casework.Audit) {
				a.Actions = []casework.AuditAction{action(w.owner.ID), action(gone.ID)}
			}, []string{"action-2-owner"}},
			{"an action owned by nobody known", func(a *casework.Audit) { a.Actions = []casework.AuditAction{action(9999)} }, []string{"action-1-owner"}},
			{"a hand-back without an owner or date", func(a *casework.Audit) { a.HandBack = &casework.HandBack{Reason: "Visit"} },
				[]string{"handback_due", "handback_owner"}},
			{"a child not in the sample", func(a *casework.Audit) { a.ChildID = outside.ID }, []string{"form"}},
			{"a question left ungraded", func(a *casework.Audit) { a.Answers = a.Answers[1:] }, []string{fmt.Sprintf("grade-%d", w.tpl.Questions[0].ID)}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := auditTables(t, s)
				a := casework.Audit{ChildID: c.ID, SampleID: &smp.ID, Date: d(2026, 11, 24), Overall: "good", Summary: "Fine.",
					Answers: w.answers("good")}
				tc.change(&a)
				_, err := s.RecordAudit(ctx, w.auditor.Actor(), a)
				wantFields(t, err, tc.fields...)
				if after := auditTables(t, s); !slices.Equal(before, after) {
					t.Errorf("a refused audit changed the database: %v, then %v", before, after)
				}
			})
		}
		if _, err := s.RecordAudit(ctx, w.auditor.Actor(), casework.Audit{ChildID: 9999, Date: d(2026, 11, 24), Overall: "good",
			Summary: "x", Answers: w.answers("good")}); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("an audit of child 9999 = %v, want ErrNotFound", err)
		}
	})
}

// auditTables counts the rows of the audit tables and the history.
func auditTables(t *testing.T, s *store.Store) []int64 {
	var out []int64
	for _, table := range []string{"audits", "audit_answers", "audit_actions", "audit_handbacks", "history"} {
		out = append(out, count(t, s, `SELECT count(*) FROM `+table))
	}
	return out
}

func TestAuditSummariesCountEachGradeByTeamAndByTheme(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		ids := w.openCases("T", 3, w.team)
		others := w.openCases("O", 2, w.other)
		loose := newChild(t, s, "L1", "No", "Case")
		w.audit(ids[0], d(2026, 10, 1), "good", "good")
		w.audit(ids[1], d(2026, 10, 31), "requires_improvement", "requires_improvement", "inadequate")
		w.audit(ids[2], d(2026, 9, 30), "outstanding", "outstanding") // before the period
		w.audit(others[0], d(2026, 11, 2), "inadequate", "inadequate")
		w.audit(others[1], d(2026, 11, 24), "good", "outstanding", "good")
		w.audit(loose.ID, d(2026, 10, 15), "good", "good")
		from, to := d(2026, 10, 1), d(2026, 11, 24)

		byTeam := must[[]casework.AuditSummaryRow](t)(s.AuditGradesByTeam(ctx, from, to))
		want := []casework.AuditSummaryRow{
			{ID: w.other.ID, Name: "Assessment", Grades: casework.GradeCounts{Good: 1, Inadequate: 1}},
			{ID: w.team.ID, Name: "Child protection 1", Grades: casework.GradeCounts{Good: 1, RequiresImprovement: 1}},
			{Name: "No team", Grades: casework.GradeCounts{Good: 1}},
		}
		if !slices.Equal(byTeam, want) {
			t.Errorf("by team =\n %+v\nwant\n %+v", byTeam, want)
		}
		byTheme := must[[]casework.AuditSummaryRow](t)(s.AuditGradesByTheme(ctx, from, to, 0))
		if len(byTheme) != 6 || byTheme[0].Name != "Voice of the child" || byTheme[5].Name != "Recording" {
			t.Fatalf("themes = %+v", byTheme)
		}
		// Voice of the child is questions 1 and 2 (indexes 0 and 1), so in
		// the five audits of the period it was graded ten times.
		if got, want := byTheme[0].Grades, (casework.GradeCounts{Outstanding: 1, Good: 5, RequiresImprovement: 1, Inadequate: 3}); got != want {
			t.Errorf("voice of the child = %+v, want %+v", got, want)
		}
		total := 0
		for _, r := range byTheme {
			total += r.Grades.Total()
		}
		if total != 50 {
			t.Errorf("%d answers counted over the themes, want 5 audits × 10 questions", total)
		}
		mine := must[[]casework.AuditSummaryRow](t)(s.AuditGradesByTheme(ctx, from, to, w.team.ID))
		if got, want := mine[0].Grades, (casework.GradeCounts{Good: 2, RequiresImprovement: 1, Inadequate: 1}); got != want {
			t.Errorf("voice of the child in the team = %+v, want %+v", got, want)
		}
		if list := must[[]casework.Audit](t)(s.AuditsBetween(ctx, from, to)); len(list) != 5 || list[0].ChildID != others[1] {
			t.Errorf("audits in the period = %d, first %+v", len(list), list[0])
		}
	})
}
