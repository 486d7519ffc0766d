package web_test

import (
	"net/http"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestATrendChartsAnIndicatorAtEachMonthEndWithItsFiguresAndTheChildrenBehindThem(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		teams, err := a.st.Teams(ctx)
		if err != nil {
			t.Fatal(err)
		}
		team := itoa(teams[len(teams)-1].ID)
		manager := a.signIn(auth.ServiceManager)
		tiles := manager.get("/performance?as_at=2025-06-30")
		mustContain(t, tiles.body, `href="/performance/unallocated_cases/trend?to=2025-06-30"`, `href="/performance/cp-plans?as_at=2025-06-30"`)
		// The two cases wait for a worker from 2 June: 2 at each month end.
		res := manager.get("/performance/unallocated_cases/trend?from=2025-06-01&to=2025-08-31&step=month")
		if res.code != http.StatusOK {
			t.Fatalf("GET the trend: %d\n%s", res.code, res.body)
		}
		mustContain(t, res.body, `aria-labelledby="trend-chart-title trend-chart-desc"`, `<title id="trend-chart-title">Unallocated cases, all children</title>`,
			`stroke-dasharray="8 6"`, "Target 0", `href="/performance/unallocated_cases?as_at=2025-07-31"`, ">31 August 2025<", "Month ending")
		if n := strings.Count(res.body, `<circle `); n != 3 {
			t.Errorf("the chart has %d points, want 3 (June, July, August)", n)
		}
		csv := manager.get("/performance/unallocated_cases/trend?from=2025-06-01&to=2025-08-31&step=month&format=csv")
		mustContain(t, csv.body, "id,as_at,value,numerator,denominator,unit,covers", "unallocated_cases,2025-07-31,2,2,,count,All children")
		// The same for the team that holds them and for children aged 5 to 9; none in the quarter to September.
		mustContain(t, manager.get("/performance/unallocated_cases/trend?from=2025-06-01&to=2025-08-31&team="+team+"&format=csv").body,
			"unallocated_cases,2025-08-31,2,2,,count,Children whose case is held by Assessment")
		mustContain(t, manager.get("/performance/unallocated_cases/trend?from=2025-06-01&to=2025-09-30&step=quarter&group=age_band:5+to+9&format=csv").body,
			"unallocated_cases,2025-06-30,2,2,,count,Aged 5 to 9", "unallocated_cases,2025-09-30,2,2")
		for _, c := range []struct{ query, message string }{
			{"from=2025-08-01&to=2025-06-30", "The first day must be on or before the last day"},
			{"from=2025-06-01&to=2099-01-31", "The last day cannot be in the future"},
			{"from=2020-01-01&to=2025-08-31", "The first day cannot be before the records start, on 2 June 2025"},
			{"from=2025-06-01&to=2025-08-31&team=999999", "Choose a team from the list"},
			{"from=2025-06-01&to=2025-08-31&group=age_band:ancient", "Choose a group of children from the list"},
			{"from=2025-06-03&to=2025-06-20", "The period holds no month end"},
			{"from=2025-06-01&to=2025-08-31&step=fortnight", "Choose months or quarters"},
		} {
			res := manager.get("/performance/unallocated_cases/trend?" + c.query)
			if res.code != http.StatusOK {
				t.Errorf("%s: %d, want the form again", c.query, res.code)
			}
			mustContain(t, res.body, "govuk-error-summary", c.message)
		}
		if res := a.signIn(auth.SocialWorker).get("/performance/unallocated_cases/trend"); res.code != http.StatusForbidden {
			t.Errorf("a social worker opened a trend: %d", res.code)
		}
	})
}

// cpSeed gives the two children of perfSeed plans for neglect from 20
// June 2025: the first assessed on 3 June with neglect (16A) recorded, the
// second (restricted) never assessed and on a second plan.
func cpSeed(t *testing.T, a *app) (open int64) {
	t.Helper()
	open, secret := perfSeed(t, a)
	n, err := a.st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	refs := map[int64]int64{}
	for _, id := range []int64{open, secret} {
		cf, err := a.st.CaseFile(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		refs[id] = cf.Referrals[0].ID
	}
	b := &store.SyntheticBatch{Seq: 2,
		Assessments: []casework.Assessment{{ID: n.Assessment, ChildID: open, ReferralID: refs[open], StartDate: calendar.Date(2025, 6, 3), Factors: []string{"16A"}}},
		Plans: []casework.CPPlan{
			{ID: n.Plan, ChildID: open, ReferralID: refs[open], StartDate: calendar.Date(2025, 6, 20), InitialCategory: "NEG", LatestCategory: "NEG"},
			{ID: n.Plan + 1, ChildID: secret, ReferralID: refs[secret], StartDate: calendar.Date(2025, 6, 20), InitialCategory: "NEG", LatestCategory: "NEG", PreviousPlans: 1},
		}}
	if _, err := a.st.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
	return open
}

func TestTheChildProtectionPlanAnalysisCrossesCategoryWithWhatTheRecordSays(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		open := cpSeed(t, a)
		manager := a.signIn(auth.ServiceManager)
		res := manager.get("/performance/cp-plans?as_at=2025-06-30")
		if res.code != http.StatusOK {
			t.Fatalf("GET /performance/cp-plans: %d\n%s", res.code, res.body)
		}
		cell := func(by, row, cat string, n string) string {
			return `href="/performance/cp-plans/children?as_at=2025-06-30&amp;by=` + by + `&amp;row=` + row + `&amp;category=` + cat + `">` + n + `<`
		}
		mustContain(t, res.body, "2 children on a child protection plan at the end of 30 June 2025",
			cell("factor", "16A", "NEG", "1"), ">16A: Neglect<", ">No assessment before the plan<",
			cell("repeat", "First%20plan", "NEG", "1"), cell("repeat", "Second%20or%20subsequent%20plan", "NEG", "1"),
			cell("duration", "Under%203%20months", "all", "2"), cell("team", "Assessment", "NEG", "2"), cell("age_band", "5%20to%209", "NEG", "2"),
			`<title id="cp-shares-chart-title">`, `aria-labelledby="cp-shares-chart-title cp-shares-chart-desc"`, ">30 June 2025<")
		list := manager.get("/performance/cp-plans/children?as_at=2025-06-30&by=factor&row=16A&category=NEG")
		mustContain(t, list.body, `href="/children/`+itoa(open)+`">Perf Open<`, "1 children")
		repeat := manager.get("/performance/cp-plans/children?as_at=2025-06-30&by=repeat&row=Second+or+subsequent+plan&category=NEG")
		mustContain(t, repeat.body, "Restricted record: only named staff can see it")
		if strings.Contains(repeat.body, "Secret") {
			t.Error("the restricted child is named in the list")
		}
		mustContain(t, manager.get("/performance/cp-plans?as_at=2025-06-30&format=csv&table=factor").body,
			"row,NEG,PHY,SAB,EMO,MUL,total", "16A: Neglect,1,0,0,0,0,1", "No assessment before the plan,1,0,0,0,0,1")
		mustContain(t, manager.get("/performance/cp-plans?as_at=2025-06-30&format=csv&table=trend").body,
			"quarter_end,NEG,NEG_pct", "2025-06-30,2,100,0,0,0,0,0,0,0,0,2")
		mustContain(t, manager.get("/performance/cp-plans?as_at=2099-01-01").body, "govuk-error-summary", "the date is in the future")
		if res := manager.get("/performance/cp-plans/children?as_at=2025-06-30&by=factor&row=99Z&category=NEG"); res.code != http.StatusNotFound {
			t.Errorf("a cell that does not exist: %d", res.code)
		}
		if res := a.signIn(auth.SocialWorker).get("/performance/cp-plans"); res.code != http.StatusForbidden {
			t.Errorf("a social worker opened the analysis: %d", res.code)
		}
	})
}
