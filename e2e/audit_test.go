package e2e

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Journey 8 (issue 8): Grace, a practice lead, draws a random sample of
// the child protection team's open cases, audits Maya's case against the
// template, grades it requires improvement and hands it back for urgent
// action to Dan, the team manager, with a date. The red flag shows on
// Maya's record until Dan, signed in alongside, records what was done.
func TestAnAuditorHandsACaseBackAndTheFlagStaysUntilTheOwnerResolvesIt(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection team 1", Kind: "child_protection"})
		if err != nil {
			t.Fatal(err)
		}
		danW, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Dan Okafor", JobRole: "Team manager",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2019, 4, 1)})
		if err != nil {
			t.Fatal(err)
		}
		a.user("grace", "Grace Adeyemi", auth.Auditor, nil)
		dan := a.user("dan", "Dan Okafor", auth.TeamManager, &danW)
		maya := a.child("C1001", "Maya", "Brooks", date(2015, 3, 14), "F")
		for i, c := range []casework.Child{maya, a.child("C1003", "Ava", "Clarke", date(2016, 1, 9), "F"),
			a.child("C1004", "Leo", "Grant", date(2012, 7, 30), "M")} {
			if _, err := a.st.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
				StartDate: date(2026, 9, 1+i), TeamID: &team.ID}); err != nil {
				t.Fatal(err)
			}
		}
		tpl, err := a.st.CurrentAuditTemplate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		record := fmt.Sprintf("/children/%d", maya.ID)

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("grace")
		b.open("/audits")
		b.wantHeading("Case-file audits")
		b.screenshot("audits")
		b.do("draw a sample of ten from the team",
			chromedp.SetValue(chromedp.ID("team"), strconv.FormatInt(team.ID, 10)),
			fill("size", "10"),
			follow(chromedp.Click(chromedp.ID("draw"))),
			chromedp.WaitVisible(chromedp.ID("sample")))
		mustContain(t, "the sample", b.text("sample"), "Maya Brooks", "Ava Clarke", "Leo Grant")
		mustContain(t, "the sample's progress", b.text("progress"), "0 of 3 audited")
		b.screenshot("sample")

		b.do("audit Maya's case",
			follow(chromedp.Click(chromedp.ID(fmt.Sprintf("audit-%d", maya.ID)))),
			chromedp.WaitVisible(chromedp.ID("save")))
		b.wantHeading("Audit this case")
		var grades []chromedp.Action[chromedp.Void]
		for _, q := range tpl.Questions {
			grades = append(grades, chromedp.Click(chromedp.ID(fmt.Sprintf("grade-%d-requires_improvement", q.ID))))
		}
		b.do("grade every question requires improvement", grades...)
		b.do("grade the case overall, with an action and a hand-back",
			chromedp.Click(chromedp.ID("overall-requires_improvement")),
			fill("summary", "Maya has not been seen alone since August; the plan has no timescales."),
			fill("action-1-text", "Set timescales in the plan"),
			chromedp.SetValue(chromedp.ID("action-1-owner"), strconv.FormatInt(dan.ID, 10)),
			typeDate("action-1-due", "8", "12", "2026"),
			chromedp.Click(chromedp.ID("handback-yes")),
			chromedp.WaitVisible(chromedp.ID("handback_owner")),
			chromedp.SetValue(chromedp.ID("handback_owner"), strconv.FormatInt(dan.ID, 10)),
			typeDate("handback_due", "26", "11", "2026"),
			fill("handback_reason", "Visit Maya and see her alone this week."))
		b.screenshot("audit-form")
		b.do("save the audit",
			follow(chromedp.Click(chromedp.ID("save"))),
			chromedp.WaitVisible(chromedp.ID("notice")))
		mustContain(t, "the notice", b.text("notice"), "Audit saved")
		mustContain(t, "the sample's progress", b.text("progress"), "1 of 3 audited")
		mustContain(t, "Maya's row", b.text(fmt.Sprintf("sampled-%d", maya.ID)), "Requires improvement", "Handed back")

		b.open(record)
		mustContain(t, "Maya's record", b.textOf(".app-handed-back"), "Handed back for urgent action",
			"Visit Maya and see her alone this week.", "Dan Okafor")
		b.screenshot("record-flagged")

		d := b.otherSession()
		d.open("/sign-in")
		d.signIn("dan")
		d.open(record)
		d.do("open the hand-back from the flag",
			follow(chromedp.Click(chromedp.CSS(".app-handed-back a"))),
			chromedp.WaitVisible(chromedp.ID("resolution")))
		d.wantHeading("Handed back for urgent action")
		d.do("record what was done",
			fill("resolution", "Visited Maya at home today and saw her alone; plan updated."),
			follow(chromedp.Click(chromedp.ID("save"))),
			chromedp.WaitVisible(chromedp.ID("notice")))
		mustContain(t, "the notice", d.text("notice"), "Hand-back resolved")
		if n := d.count(".app-handed-back"); n != 0 {
			t.Errorf("Maya's record still shows %d hand-back flags after it was resolved", n)
		}
		d.screenshot("record-resolved")

		b.open(record)
		if n := b.count(".app-handed-back"); n != 0 {
			t.Errorf("Grace still sees %d hand-back flags on Maya's record", n)
		}
		b.open("/audits")
		mustContain(t, "open hand-backs", b.text("handbacks"), "No case is waiting for urgent action")
		mustContain(t, "open actions", b.text("actions"), "Set timescales in the plan", "Dan Okafor")
	})
}
