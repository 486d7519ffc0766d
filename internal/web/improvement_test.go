package web_test

import (
	"html"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
	"sightline/internal/web"
)

func dateValues(v url.Values, name, d, m, y string) url.Values {
	v.Set(name+"-day", d)
	v.Set(name+"-month", m)
	v.Set(name+"-year", y)
	return v
}

var idAfter = regexp.MustCompile(`/improvement/actions/(\d+)"`)

// planWithOneAction adds a recommendation and an action owned by the team
// manager, due 1 June 2026 and still in progress (overdue on 24 November
// 2026), linked to referrals_per_10k; it returns the action's id.
func planWithOneAction(t *testing.T, b *browser) string {
	t.Helper()
	rec := dateValues(url.Values{"text": {"Improve the quality of child protection plans"}, "source": {"ILACS inspection"},
		"theme": {"Help and protection"}, "version": {"0"}}, "inspection_date", "10", "3", "2026")
	if res := b.post("/improvement/recommendations/new", rec); res.code != http.StatusSeeOther {
		t.Fatalf("add recommendation: %d\n%s", res.code, res.body)
	}
	plan := b.get("/improvement")
	m := regexp.MustCompile(`/improvement/actions/new\?recommendation=(\d+)`).FindStringSubmatch(plan.body)
	if m == nil {
		t.Fatalf("no add-action link on the plan:\n%s", plan.body)
	}
	act := dateValues(url.Values{"recommendation_id": {m[1]}, "description": {"Audit every CP plan"}, "owner": {""},
		"owner_name": {"Head of Safeguarding"}, "status": {"in_progress"}, "version": {"0"}}, "due_date", "1", "6", "2026")
	if res := b.post("/improvement/actions/new", act); res.code != http.StatusSeeOther {
		t.Fatalf("add action: %d\n%s", res.code, res.body)
	}
	am := idAfter.FindStringSubmatch(b.get("/improvement").body)
	if am == nil {
		t.Fatal("no action on the plan")
	}
	ev := url.Values{"kind": {"indicator"}, "indicator_id": {"referrals_per_10k"}}
	if res := b.post("/improvement/actions/"+am[1]+"/evidence", ev); res.code != http.StatusSeeOther {
		t.Fatalf("link evidence: %d\n%s", res.code, res.body)
	}
	return am[1]
}

func TestTheImprovementPlanIsEditedByLeadersAndReadByAnalysts(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		head := a.signIn(auth.ServiceManager)

		bad := head.post("/improvement/recommendations/new", url.Values{"text": {"Keep this text"}, "version": {"0"}})
		if bad.code != http.StatusUnprocessableEntity {
			t.Fatalf("an incomplete recommendation: %d", bad.code)
		}
		mustContain(t, bad.body, "govuk-error-summary", "Enter the date of the inspection", "Enter the theme", ">Keep this text<")

		id := planWithOneAction(t, head)
		noOwner := dateValues(url.Values{"recommendation_id": {"1"}, "description": {"Kept"}, "status": {"done"}, "version": {"0"}},
			"due_date", "", "", "")
		res := head.post("/improvement/actions/new", noOwner)
		mustContain(t, res.body, "Choose who owns the action", "Enter the date the action is due", "Enter the date the action was completed", ">Kept<")
		res = head.post("/improvement/actions/"+id+"/evidence", url.Values{"kind": {"indicator"}, "indicator_id": {"made_up"}})
		mustContain(t, res.body, "govuk-error-summary", "made_up is not one")

		plan := head.get("/improvement")
		if plan.code != http.StatusOK {
			t.Fatalf("GET /improvement: %d", plan.code)
		}
		// Past its due date and not done: red, and counted as overdue.
		mustContain(t, plan.body, "Audit every CP plan", "Head of Safeguarding", "In progress", "Overdue",
			`id="rag-`+id+`"><strong class="govuk-tag govuk-tag--red">Red`, `id="count-overdue">1 action<`, `id="evidence-referrals_per_10k"`)

		stale := dateValues(url.Values{"recommendation_id": {"1"}, "description": {"Audit every CP plan"}, "owner_name": {"Someone"},
			"status": {"in_progress"}, "version": {"1"}}, "due_date", "1", "12", "2026")
		if res := head.post("/improvement/actions/"+id, stale); res.code != http.StatusSeeOther {
			t.Fatalf("change action: %d\n%s", res.code, res.body)
		}
		stale.Set("description", "My stale change")
		res = head.post("/improvement/actions/"+id, stale)
		mustContain(t, res.body, "changed this record", ">My stale change<")

		note := dateValues(url.Values{"text": {"Half the plans audited"}}, "note_date", "20", "11", "2026")
		if res := head.post("/improvement/actions/"+id+"/notes", note); res.code != http.StatusSeeOther {
			t.Fatalf("add note: %d\n%s", res.code, res.body)
		}
		csv := head.get("/improvement/plan.csv")
		mustContain(t, csv.body, "recommendation_id,recommendation,theme", "Audit every CP plan,Someone,2026-12-01,in_progress,,green",
			"Half the plans audited")

		analyst := a.signIn(auth.PerformanceAnalyst)
		if res := analyst.get("/improvement"); res.code != http.StatusOK || strings.Contains(res.body, "Add a recommendation") {
			t.Errorf("an analyst reads the plan without edit links: %d", res.code)
		}
		if res := analyst.post("/improvement/recommendations/new", url.Values{}); res.code != http.StatusForbidden {
			t.Errorf("an analyst added a recommendation: %d", res.code)
		}
		if res := a.signIn(auth.SocialWorker).get("/improvement"); res.code != http.StatusForbidden {
			t.Errorf("a social worker opened the plan: %d", res.code)
		}
	})
}

var nowCell = regexp.MustCompile(`id="now-([a-z0-9_]+)">([^<]*)<`)

func TestTheBoardReportShowsTheEnginesFiguresAndKeepsItsCommentary(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		head := a.signIn(auth.ServiceManager)
		planWithOneAction(t, head)
		res := head.get("/improvement/report?as_at=2025-06-30")
		if res.code != http.StatusOK {
			t.Fatalf("GET the report: %d\n%s", res.code, res.body)
		}
		results, err := engine.New(a.st).Compute(ctx, metrics.Query{AsAt: calendar.Date(2025, 6, 30)})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, r := range results {
			want[r.Indicator.ID] = "–"
			if r.Value != nil {
				want[r.Indicator.ID] = web.FormatValue(r.Indicator.Unit, *r.Value)
			}
		}
		cells := nowCell.FindAllStringSubmatch(res.body, -1)
		if len(cells) < 10 {
			t.Fatalf("only %d indicators on the report", len(cells))
		}
		for _, c := range cells {
			if got := html.UnescapeString(c[2]); got != want[c[1]] {
				t.Errorf("%s on the report = %q, the engine says %q", c[1], got, want[c[1]])
			}
		}
		mustContain(t, res.body, `id="now-referrals_per_10k">20<`, "1 action:", "0 overdue", "@page { size: A4")

		save := url.Values{"as_at": {"2025-06-30"}, "version": {"0"}, "commentary": {"Referrals are low: check the front door"}}
		if res := head.post("/improvement/report/commentary", save); res.code != http.StatusSeeOther {
			t.Fatalf("save commentary: %d\n%s", res.code, res.body)
		}
		save.Set("commentary", "A stale view")
		res = head.post("/improvement/report/commentary", save)
		mustContain(t, res.body, "changed this record", ">A stale view<")
		mustContain(t, head.get("/improvement/report?as_at=2025-06-30").body, "Referrals are low: check the front door")
		if other := head.get("/improvement/report?as_at=2025-07-31"); strings.Contains(other.body, "Referrals are low") {
			t.Error("the commentary of one date shows on another")
		}
		mustContain(t, head.get("/improvement/report?as_at=2099-01-01").body, "govuk-error-summary", "today or in the past")
	})
}

func TestTheBoardReportPDF(t *testing.T) {
	a := newApp(t, "sqlite")
	perfSeed(t, a)
	head := a.signIn(auth.ServiceManager)
	t.Run("without Chromium the link says so", func(t *testing.T) {
		t.Setenv("SIGHTLINE_CHROMIUM", "/nonexistent/chromium")
		res := head.get("/improvement/report?as_at=2025-06-30")
		mustContain(t, res.body, `id="no-pdf"`, "Chromium is not installed at /nonexistent/chromium")
		if pdf := head.get("/improvement/report.pdf?as_at=2025-06-30"); pdf.code != http.StatusServiceUnavailable {
			t.Errorf("PDF without Chromium: %d", pdf.code)
		}
	})
	t.Run("with Chromium it is a PDF", func(t *testing.T) {
		path := os.Getenv("SIGHTLINE_CHROMIUM")
		if path == "" {
			path = "/usr/bin/chromium"
		}
		if _, err := os.Stat(path); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("Chromium is missing at %s on CI", path)
			}
			t.Skip("Chromium is not installed")
		}
		res := head.get("/improvement/report.pdf?as_at=2025-06-30")
		if res.code != http.StatusOK || !strings.HasPrefix(res.body, "%PDF") {
			t.Fatalf("PDF: %d, starts %q", res.code, res.body[:min(len(res.body), 40)])
		}
		if os.Getenv("SIGHTLINE_KEEP_PDF") != "" {
			os.WriteFile(os.Getenv("SIGHTLINE_KEEP_PDF"), []byte(res.body), 0o644)
		}
	})
}
