package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Journey 4, step 3: a child goes missing and comes back; the worker
// records the return home interview; the manager sees both on the missing
// view. Then care proceedings are issued and the case shows on the court
// tracker.
func TestAMissingEpisodeReachesTheMissingViewAndProceedingsTheCourtTracker(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Children in care team", Kind: "children_in_care"})
		if err != nil {
			t.Fatal(err)
		}
		tomW, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Tom Reid", JobRole: "Social worker",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2022, 9, 5)})
		if err != nil {
			t.Fatal(err)
		}
		a.user("tom", "Tom Reid", auth.SocialWorker, &tomW)
		a.user("sue", "Sue Grant", auth.ServiceManager, nil)
		kai := a.child("C2001", "Kai", "Turner", date(2011, 6, 2), "M")
		id := kai.ID
		record := fmt.Sprintf("/children/%d", id)

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("tom")
		b.open(record)
		b.do("record a missing episode",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#missing-actions a[href="%s/missing/new"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")))
		b.wantHeading("Record a missing episode")
		b.do("fill in the episode",
			typeDate("start_date", "23", "11", "2026"),
			chromedp.Click(chromedp.ID("from-care")),
			chromedp.Click(chromedp.ID("kind-M")),
			chromedp.Click(chromedp.ID("reported_to_police-yes")))
		b.screenshot("missing-form")
		b.save("save the missing episode", id, "Missing episode recorded")
		mustContain(t, "missing episodes", b.text("missing-episodes"), "Mon 23 Nov 2026", "From care", "Still missing")

		b.do("record the return",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#missing-actions a[href="%s/missing/return"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")),
			typeDate("end_date", "24", "11", "2026"),
			fill("where_found", "Found by police at a flat in Gateshead"),
			chromedp.Click(chromedp.ID("reported_to_police-yes")))
		b.save("save the return", id, "Return recorded: offer a return home interview within 72 hours")
		mustContain(t, "missing episodes", b.text("missing-episodes"), "Tue 24 Nov 2026", "To offer by 27 November 2026")
		b.wantDue("missing_rhi", "Return home interview offered", "Fri 27 Nov 2026")

		// An interview dated before the return is refused, naming the field.
		b.do("offer the interview",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#missing-actions a[href="%s/missing/interview"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")),
			typeDate("offered_on", "22", "11", "2026"),
			chromedp.Click(chromedp.ID("outcome-held")),
			typeDate("held_on", "24", "11", "2026"),
			fill("held_by", "Return interview service"),
			fill("notes", "Went to see older friends; was given a phone."),
			follow(chromedp.Click(chromedp.ID("save"))),
			chromedp.WaitVisible(chromedp.ID("error-summary")))
		mustContain(t, "error summary", b.text("error-summary"), "on or after the day the child returned")
		if got := b.value("notes"); got != "Went to see older friends; was given a phone." {
			t.Errorf("the refused form lost the notes: %q", got)
		}
		b.screenshot("interview-refused")
		b.do("correct the date", typeDate("offered_on", "24", "11", "2026"))
		b.save("save the interview", id, "Return home interview recorded")
		mustContain(t, "missing episodes", b.text("missing-episodes"), "Offered in time, on 24 November 2026; held 24 November 2026")
		b.wantNoDue("missing_rhi")
		b.screenshot("record-after-interview")

		// The manager's coordinated view.
		m := b.otherSession()
		m.open("/sign-in")
		m.signIn("sue")
		m.do("open the missing view",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/missing"]`))),
			chromedp.WaitVisible(chromedp.ID("episodes")))
		mustContain(t, "episodes of the week", m.text("episodes"), "Kai Turner", "From care, reported to the police",
			"Offered in time")
		if got := m.text("count-period"); got != "1" {
			t.Errorf("went missing this week: %s, want 1", got)
		}
		m.screenshot("missing-view")

		// Proceedings issued in June are past 26 weeks by now.
		b.open(record)
		b.do("issue proceedings",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#missing-actions a[href="%s/proceedings/issue"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")),
			typeDate("issued_on", "1", "6", "2026"),
			fill("court", "Family Court at Newcastle"),
			chromedp.Click(chromedp.ID("application-care")))
		b.screenshot("issue-proceedings")
		b.save("save the proceedings", id, "Care proceedings issued")
		mustContain(t, "proceedings", b.text("proceedings"), "Family Court at Newcastle", "Week 26 of 26")
		b.wantDue("care_proceedings_26wk", "Care proceedings: final hearing", "Sun 29 Nov 2026")

		m.do("open the court tracker",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/court"]`))),
			chromedp.WaitVisible(chromedp.ID("court-proceedings")))
		mustContain(t, "court tracker", m.text("court-proceedings"), "Kai Turner", "Family Court at Newcastle", "Sun 29 Nov 2026")
		m.screenshot("court-tracker")
	})
}
