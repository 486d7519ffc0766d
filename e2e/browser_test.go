package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Journey 1: Amira, a social worker, signs in, finds Maya by part of her
// surname, opens her record and adds a case note. Her first attempt has
// mistakes; the page says what they are and keeps what she typed. She fixes
// them, saves, sees the note in the chronology and signs out. Her view of
// Maya's record is in the access log.
func TestSocialWorkerFindsAChildAndAddsANote(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection team 1", Kind: "child_protection"})
		if err != nil {
			t.Fatal(err)
		}
		worker, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Amira Khan", JobRole: "Social worker",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2024, 9, 2)})
		if err != nil {
			t.Fatal(err)
		}
		amira := a.user("amira", "Amira Khan", auth.SocialWorker, &worker)
		dan := a.user("dan", "Dan Okafor", auth.TeamManager, nil)
		maya := a.child("C1001", "Maya", "Brooks", date(2015, 3, 14), "F")
		a.child("C1002", "Leo", "Brooks", date(2018, 7, 2), "M")
		a.child("C1003", "Ava", "Clarke", date(2016, 1, 9), "F")
		if _, err := a.st.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: maya.ID,
			StartDate: date(2026, 9, 1), TeamID: &team.ID, WorkerID: &worker.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.st.AddNote(ctx, dan.Actor(), casework.Note{ChildID: maya.ID, Date: date(2026, 11, 20),
			Kind: "management_oversight", Subject: "Supervision: visits on track",
			Body: "Plan reviewed with Amira. Next visit due within 10 working days."}); err != nil {
			t.Fatal(err)
		}

		b := newBrowser(t, a.url)

		// Opening sightline leads to the sign-in page, which remembers where
		// she was going.
		b.open("/")
		if p := b.path(); !strings.HasPrefix(p, "/sign-in?next=") {
			t.Fatalf("opening / went to %q, want the sign-in page", p)
		}
		b.do("see the sign-in form", chromedp.WaitVisible(chromedp.ID("username")))
		b.screenshot("sign-in")
		b.signIn("amira")
		if got := b.text("signed-in-user"); !strings.Contains(got, "Amira Khan") {
			t.Errorf("header shows %q, want Amira Khan", got)
		}

		// Find a child: lower case, part of the surname.
		b.do("go to find a child",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/children"]`))),
			chromedp.WaitVisible(chromedp.ID("q")),
			fill("q", "brook"),
			follow(chromedp.Click(chromedp.ID("search"))),
			chromedp.WaitVisible(chromedp.ID("results")))
		results := b.text("results")
		mustContain(t, "search results", results, "Maya Brooks", "Leo Brooks", "C1001", "C1002", "14 March 2015")
		if strings.Contains(results, "Ava Clarke") {
			t.Errorf("searching %q found Ava Clarke:\n%s", "brook", results)
		}
		mustContain(t, "results heading", b.text("results-heading"), "2 children found")
		b.screenshot("search-results")

		// Open Maya's record.
		b.do("open Maya's record",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#results a[href="/children/%d"]`, maya.ID)))),
			chromedp.WaitVisible(chromedp.ID("child-name")))
		if got := b.text("child-name"); got != "Maya Brooks" {
			t.Errorf("record heading = %q, want Maya Brooks", got)
		}
		mustContain(t, "allocated worker", b.text("worker"), "Amira Khan")
		mustContain(t, "chronology", b.text("chronology"), "Supervision: visits on track")
		b.screenshot("record")

		// A note with a missing subject and an impossible date.
		body := "Visited Maya at home after school. She showed me her drawings & said she feels \"safer\" now."
		b.do("start a case note",
			follow(chromedp.Click(chromedp.ID("add-note"))),
			chromedp.WaitVisible(chromedp.ID("save-note")))
		if d, m, y := b.value("date"), b.value("date-month"), b.value("date-year"); d+"/"+m+"/"+y != "24/11/2026" {
			t.Errorf("new note's date is %s/%s/%s, want today (24/11/2026)", d, m, y)
		}
		b.do("type a note with mistakes",
			typeDate("date", "31", "2", "2026"),
			chromedp.SetValue(chromedp.ID("kind"), "case_note"),
			fill("subject", ""),
			fill("body", body),
			follow(chromedp.Click(chromedp.ID("save-note"))),
			chromedp.WaitVisible(chromedp.ID("error-summary")))
		summary := b.text("error-summary")
		mustContain(t, "error summary", summary, "There is a problem", "February 2026 has 28 days", "Enter a subject")
		if got := b.value("body"); got != body {
			t.Errorf("after the errors the note's text is %q, want what was typed: %q", got, body)
		}
		if got := b.value("date"); got != "31" {
			t.Errorf("after the errors the day is %q, want 31 as typed", got)
		}
		b.screenshot("note-with-errors")

		// Fix the date (not after the server's today) and the subject; save.
		b.do("fix the note and save",
			typeDate("date", "23", "11", "2026"),
			fill("subject", "Home visit: Maya seen alone"),
			follow(chromedp.Click(chromedp.ID("save-note"))),
			chromedp.WaitVisible(chromedp.ID("notice")))
		if got := b.text("notice"); got != "Case note saved" {
			t.Errorf("notice = %q, want Case note saved", got)
		}
		if got := b.text("child-name"); got != "Maya Brooks" {
			t.Errorf("after saving, the page is %q's, want Maya Brooks's record", got)
		}
		mustContain(t, "chronology", b.text("chronology"), "Home visit: Maya seen alone", "Mon 23 Nov 2026", "Amira Khan")
		b.screenshot("record-after-save")

		// Sign out.
		b.do("sign out",
			follow(chromedp.Click(chromedp.ID("sign-out"))),
			chromedp.WaitVisible(chromedp.ID("signed-out")))
		if got := b.text("signed-out"); got != "You have signed out" {
			t.Errorf("after signing out the page says %q", got)
		}
		b.screenshot("signed-out")

		// The server logged Amira's view of Maya's record.
		log, err := a.st.AccessLog(ctx, maya.ID, fixedNow.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		viewed := false
		for _, e := range log {
			if e.UserID == amira.ID && e.User == "Amira Khan" && e.Action == "view" &&
				e.Path == fmt.Sprintf("/children/%d", maya.ID) && e.Address == "127.0.0.1" {
				viewed = true
			}
		}
		if !viewed {
			t.Errorf("access log of Maya has no view by Amira Khan from 127.0.0.1:\n%+v", log)
		}
	})
}

// A police officer with a partner agency account signs in and tries to open
// a child's record by its address: sightline refuses with a 403 page that
// names who to ask, shows nothing of the child and logs no view.
func TestPartnerAgencyIsRefusedAChildsRecord(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		a.user("pc.jones", "PC Sam Jones", auth.PartnerAgency, nil)
		maya := a.child("C1001", "Maya", "Brooks", date(2015, 3, 14), "F")

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("pc.jones")
		b.screenshot("partner-home")

		if status := b.openStatus(fmt.Sprintf("/children/%d", maya.ID)); status != 403 {
			t.Errorf("status %d, want 403", status)
		}
		if got := b.text("error-heading"); got != "You do not have access to this page" {
			t.Errorf("heading = %q, want the 403 page", got)
		}
		if got := b.text("contact"); got != "If you need access for your work, ask the council's system administrator." {
			t.Errorf("the page says %q, want it to name who to ask", got)
		}
		page, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"Maya", "Brooks", "C1001", "2015"} {
			if strings.Contains(page, secret) {
				t.Errorf("the refusal page shows %q:\n%s", secret, page)
			}
		}
		b.screenshot("partner-refused")

		log, err := a.st.AccessLog(context.Background(), maya.ID, fixedNow.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 0 {
			t.Errorf("a refused request was logged as a view of the record: %+v", log)
		}
	})
}
