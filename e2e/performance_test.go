package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
)

// A leader reads a figure on the dashboard, opens the children behind it
// and then one child's record.
func TestALeaderGoesFromTheDashboardToAChildBehindAFigure(t *testing.T) {
	a := startApp(t, "sqlite")
	a.generate()
	a.user("sue", "Sue Harrington", auth.ServiceManager, nil)
	b := newBrowser(t, a.url)
	b.open("/sign-in")
	b.signIn("sue")
	b.open("/performance?as_at=2026-06-30")
	b.do("see the tiles", chromedp.WaitVisible(chromedp.ID("tile-cla_per_10k")))
	mustContain(t, "the children in care tile", b.text("tile-cla_per_10k"), "Children looked after per 10,000 children", "England", "Neigh")
	b.screenshot("dashboard")
	b.do("open the children behind the figure", follow(chromedp.Click(chromedp.CSS("#value-cla_per_10k a"))))
	if !strings.HasPrefix(b.path(), "/performance/cla_per_10k?as_at=2026-06-30") {
		t.Fatalf("the figure led to %s", b.path())
	}
	mustContain(t, "the list", b.textOf("main"), "As at 30 June 2026", "Statistical neighbours")
	first := "#children tbody a.govuk-link"
	if b.count(first) == 0 {
		t.Fatal("no child is listed behind the figure")
	}
	name := b.textOf(first)
	b.screenshot("children-behind")
	b.do("open the first child", follow(chromedp.Click(chromedp.CSS(first))))
	if !strings.HasPrefix(b.path(), "/children/") {
		t.Fatalf("the child's name led to %s, want a child's record", b.path())
	}
	mustContain(t, "the record", b.textOf("main"), name)
	b.screenshot("child")
}

// A leader puts an inspection's recommendation into the plan, adds an
// action with an owner and due date, links an indicator as evidence, notes
// progress, and the board report shows the action, its evidence and the
// note.
func TestALeaderBuildsTheImprovementPlanAndTheBoardReportShowsIt(t *testing.T) {
	a := startApp(t, "sqlite")
	a.generate()
	sue := a.user("sue", "Sue Harrington", auth.ServiceManager, nil)
	b := newBrowser(t, a.url)
	b.open("/sign-in")
	b.signIn("sue")
	b.open("/improvement")
	b.do("add a recommendation", follow(chromedp.Click(chromedp.ID("add-recommendation"))),
		fill("text", "Ensure that children on a child protection plan are seen often enough."),
		fill("source", "ILACS inspection"), typeDate("inspection_date", "12", "3", "2026"),
		fill("theme", "Help and protection"), follow(chromedp.Click(chromedp.ID("save"))))
	mustContain(t, "the plan", b.textOf("main"), "Ensure that children on a child protection plan are seen often enough.")
	b.do("add an action", follow(chromedp.Click(chromedp.CSS("a[href^='/improvement/actions/new?recommendation=']"))),
		fill("description", "Weekly visit tracker for every team"),
		chromedp.SetValue(chromedp.ID("owner"), strconv.FormatInt(sue.ID, 10)),
		typeDate("due_date", "31", "1", "2027"), chromedp.Click(chromedp.ID("status-in_progress")))
	b.screenshot("action-form")
	b.do("save the action", follow(chromedp.Click(chromedp.ID("save"))))
	mustContain(t, "the plan", b.textOf("main"), "Weekly visit tracker for every team", "Sue Harrington", "31 January 2027")
	b.do("link an indicator", follow(chromedp.Click(chromedp.CSS("a[href$='/evidence']"))),
		chromedp.SetValue(chromedp.ID("indicator_id"), "cp_visits_28d_pct"), follow(chromedp.Click(chromedp.ID("save"))))
	b.do("see the evidence", chromedp.WaitVisible(chromedp.ID("evidence-cp_visits_28d_pct")))
	mustContain(t, "the evidence", b.text("evidence-cp_visits_28d_pct"), "Children on a plan seen within 28 days")
	b.do("note progress", follow(chromedp.Click(chromedp.CSS("a[href$='/notes']"))),
		fill("text", "Tracker live in two teams; the third starts in December."), follow(chromedp.Click(chromedp.ID("save"))))
	mustContain(t, "the plan", b.textOf("main"), "Tracker live in two teams")
	b.screenshot("plan")
	b.do("open the board report", follow(chromedp.Click(chromedp.ID("report-link"))),
		chromedp.WaitVisible(chromedp.ID("report")))
	mustContain(t, "the report's plan", b.text("actions"), "Weekly visit tracker for every team", "Sue Harrington",
		"31 January 2027", "In progress", "Children on a plan seen within 28 days", "Tracker live in two teams")
	mustContain(t, "the report's figures", b.text("row-cp_visits_28d_pct"), "Children on a plan seen within 28 days")
	mustContain(t, "the counts", b.text("plan-counts"), "1 action")
	b.screenshot("board-report")
}
