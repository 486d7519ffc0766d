package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Journeys 3, 1 and 2 end to end (issue 6): Priya, a duty social worker,
// records a school's contact about Maya at the front door and refers it;
// the case goes through a strategy discussion, a section 47 enquiry and an
// initial conference to a child protection plan, with the due dates the
// record shows checked at each step; Priya visits Maya; Dan, the team
// manager, signed in alongside her, records the review conference that
// ends the plan; Priya closes the case and nothing is due any more.
//
// The server's today is Tuesday 24 November 2026. The contact came on
// Monday 2 November, so the referral decision (1 working day) was due on
// Tuesday 3 November and shows as overdue until it is recorded; the dates
// are those of internal/web's HTTP test of the same journey.
func TestAChildGoesFromContactToAPlanToClosure(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection team 1", Kind: "child_protection"})
		if err != nil {
			t.Fatal(err)
		}
		priyaW, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Priya Shah", JobRole: "Social worker",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2023, 1, 9)})
		if err != nil {
			t.Fatal(err)
		}
		danW, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Dan Okafor", JobRole: "Team manager",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2019, 4, 1)})
		if err != nil {
			t.Fatal(err)
		}
		a.user("priya", "Priya Shah", auth.SocialWorker, &priyaW)
		a.user("dan", "Dan Okafor", auth.TeamManager, &danW)
		maya := a.child("C1001", "Maya", "Brooks", date(2015, 3, 14), "F")
		a.child("C1003", "Ava", "Clarke", date(2016, 1, 9), "F")
		id := maya.ID
		record := fmt.Sprintf("/children/%d", id)
		concerns := "Maya came to school hungry three days running and has a bruise on her arm she would not explain."

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("priya")
		b.screenshot("home")

		// Front door: record a contact, finding Maya by part of her name.
		b.do("open the front door",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/front-door"]`))),
			chromedp.WaitVisible(chromedp.ID("record-contact")))
		b.screenshot("front-door-empty")
		b.do("find the child the contact is about",
			follow(chromedp.Click(chromedp.ID("record-contact"))),
			chromedp.WaitVisible(chromedp.ID("q")),
			fill("q", "brook"),
			follow(chromedp.Click(chromedp.ID("search"))),
			chromedp.WaitVisible(chromedp.ID("results")))
		mustContain(t, "search results", b.text("results"), "Maya Brooks", "C1001")
		if strings.Contains(b.text("results"), "Ava Clarke") {
			t.Errorf("searching %q found Ava Clarke", "brook")
		}
		b.screenshot("contact-find-child")
		b.do("choose Maya",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#results a[href="%s/contacts/new"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")))
		b.wantHeading("Record a contact")
		b.do("fill in the contact",
			typeDate("date", "2", "11", "2026"),
			chromedp.SetValue(chromedp.ID("source"), "2A"),
			fill("source_detail", "Mrs Patel, designated safeguarding lead, Oakfield Primary, 0161 496 0000"),
			fill("concerns", concerns),
			chromedp.Click(chromedp.ID("out_of_hours-no")))
		b.screenshot("contact-form")
		b.save("save the contact", id, "Contact recorded")
		b.screenshot("record-after-contact")

		// The contact waits for a decision at the front door.
		b.do("back to the front door",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/front-door"]`))),
			chromedp.WaitVisible(chromedp.CSS(`main table`)))
		mustContain(t, "front door", b.textOf("main"), "Waiting for a decision", "Maya Brooks", "School",
			"Oakfield Primary", concerns, "Decide")
		b.screenshot("front-door-contact")
		b.do("decide on the contact",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`main a[href^="%s/contacts/"][href$="/decide"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("save")))
		b.wantHeading("Decide what happens with the contact")
		b.do("refer to children's social care",
			chromedp.Click(chromedp.ID("decision-referral")),
			typeDate("decision_date", "2", "11", "2026"),
			chromedp.SetValue(chromedp.ID("primary_need"), "N1"))
		b.screenshot("contact-decision")
		b.save("save the contact decision", id, "Decision recorded")
		if got := b.text("case-state"); got != "Referral awaiting decision" {
			t.Errorf("after the referral the case is %q, want Referral awaiting decision", got)
		}
		b.wantDue("referral_decision", "Referral decision", "Tue 3 Nov 2026", "Overdue")
		t.Logf("dues after the contact was referred:\n%s", b.text("dues"))
		b.screenshot("record-referral-awaiting-decision")

		// The referral decision: a strategy discussion.
		b.nextStep(id, "referral/decide", "Decide on the referral")
		b.do("decide: strategy discussion",
			chromedp.Click(chromedp.ID("decision-strategy")),
			typeDate("decision_date", "2", "11", "2026"),
			chromedp.SetValue(chromedp.ID("primary_need"), "N1"))
		b.screenshot("referral-decision")
		b.save("save the referral decision", id, "Referral decision recorded")
		b.wantNoDue("referral_decision")
		b.screenshot("record-referral-decided")

		// The strategy discussion on Tuesday 3 November starts an enquiry.
		b.nextStep(id, "strategy/new", "Record a strategy discussion")
		b.do("fill in the strategy discussion",
			typeDate("date", "3", "11", "2026"),
			chromedp.Click(chromedp.ID("initiated_s47-yes")),
			fill("attendees", "Police, health visitor, school"),
			fill("notes", "Section 47 enquiry to start today. Police to check records."))
		b.screenshot("strategy-discussion")
		b.save("save the strategy discussion", id, "Strategy discussion recorded")

		b.nextStep(id, "s47/start", "Start a section 47 enquiry")
		if d, m, y := b.value("start_date"), b.value("start_date-month"), b.value("start_date-year"); d+"/"+m+"/"+y != "3/11/2026" {
			t.Errorf("the enquiry's start date is %s/%s/%s, want the strategy discussion's (3/11/2026)", d, m, y)
		}
		b.screenshot("s47-start")
		b.save("start the section 47 enquiry", id, "Section 47 enquiry started")
		if got := b.text("case-state"); got != "Section 47 enquiry" {
			t.Errorf("after starting the enquiry the case is %q, want Section 47 enquiry", got)
		}
		// 15 working days from Tuesday 3 November: Tuesday 24 November.
		b.wantDue("icpc", "Initial child protection conference", "Tue 24 Nov 2026")
		t.Logf("dues during the enquiry:\n%s", b.text("dues"))
		b.screenshot("record-icpc-due")

		// The initial conference on Friday 20 November: a plan, neglect.
		b.nextStep(id, "conference/initial", "Record the initial child protection conference")
		b.do("fill in the conference",
			typeDate("date", "20", "11", "2026"),
			chromedp.Click(chromedp.ID("decision-plan")),
			chromedp.SetValue(chromedp.ID("category"), "NEG"))
		b.screenshot("initial-conference")
		b.save("save the initial conference", id, "Initial conference recorded")
		if got := b.text("case-state"); got != "Child protection plan (Neglect)" {
			t.Errorf("after the conference the case is %q, want Child protection plan (Neglect)", got)
		}
		mustContain(t, "plan", b.text("plan"), "Fri 20 Nov 2026", "Neglect")
		b.wantNoDue("icpc")
		// First core group within 10 working days (Friday 4 December), the
		// first review within 3 months (Saturday 20 February 2027), and a
		// visit every 10 working days by the local standard.
		b.wantDue("core_group_first", "First core group meeting", "Fri 4 Dec 2026")
		b.wantDue("rcpc_first", "First review child protection conference", "Sat 20 Feb 2027")
		b.wantDue("cp_visit", "Child protection visit", "local standard", "Fri 4 Dec 2026")
		t.Logf("dues on the plan:\n%s", b.text("dues"))
		b.screenshot("record-on-plan")

		// Priya visits Maya today and sees her alone at home.
		b.do("record a visit",
			follow(chromedp.Click(chromedp.ID("record-visit"))),
			chromedp.WaitVisible(chromedp.ID("save")))
		b.wantHeading("Record a visit")
		if b.count(`#kind-cp:checked`) != 1 {
			t.Error("a visit to a child on a plan is not a child protection visit by default")
		}
		b.do("fill in the visit",
			chromedp.Click(chromedp.ID("seen-yes")),
			chromedp.Click(chromedp.ID("seen_alone-yes")),
			chromedp.Click(chromedp.ID("place-home")),
			fill("notes", "Maya showed me her room; food in the cupboards; she said school is better."))
		b.screenshot("visit")
		b.save("save the visit", id, "Visit recorded")
		mustContain(t, "chronology", b.text("chronology"), "Visit: seen alone at home", "Tue 24 Nov 2026", "Priya Shah")
		// The next visit is due 10 working days after this one.
		b.wantDue("cp_visit", "Child protection visit", "Tue 8 Dec 2026")
		b.screenshot("record-after-visit")

		b.do("open My work",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/my-work"]`))),
			chromedp.WaitVisible(chromedp.ID("my-children")))
		b.screenshot("my-work")

		// Dan, the team manager, signs in alongside and records the review
		// conference that ends the plan.
		dan := b.otherSession()
		dan.open("/sign-in")
		dan.signIn("dan")
		dan.do("open the team view",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/team"]`))),
			chromedp.WaitVisible(chromedp.ID("team-list")))
		mustContain(t, "team list", dan.text("team-list"), "Maya Brooks", "Child protection plan (Neglect)")
		dan.screenshot("manager-team-view")
		dan.do("open Maya's record from the team view",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#team-list a[href="%s"]`, record)))),
			chromedp.WaitVisible(chromedp.ID("child-name")))
		dan.nextStep(id, "conference/review", "Record a review conference")
		if got := dan.value("category"); got != "NEG" {
			t.Errorf("the review's category starts as %q, want the plan's (NEG)", got)
		}
		dan.do("fill in the review",
			typeDate("date", "24", "11", "2026"),
			chromedp.Click(chromedp.ID("decision-end")))
		dan.screenshot("manager-review-conference")
		dan.save("save the review conference", id, "Review conference recorded")
		if dan.count("#plan") != 0 {
			t.Errorf("after the review ended the plan the record still shows one: %s", dan.text("plan"))
		}
		for _, rule := range []string{"core_group_first", "rcpc_first", "cp_visit"} {
			dan.wantNoDue(rule)
		}
		t.Logf("after the plan ended the case is %q; dues: %s", dan.text("case-state"), dan.text("dues"))
		dan.screenshot("manager-record-plan-ended")

		// Priya, still signed in, closes the case.
		b.open(record)
		b.nextStep(id, "close", "Close the case")
		b.do("fill in the closure",
			typeDate("date", "24", "11", "2026"),
			chromedp.SetValue(chromedp.ID("reason"), "RC7"),
			fill("note", "Plan ended at review: Maya is fed, her attendance is good and the family accept early help."))
		b.screenshot("close")
		b.save("close the case", id, "Case closed")
		if got := b.text("case-state"); got != "Closed" {
			t.Errorf("after closing the case is %q, want Closed", got)
		}
		if got := b.text("dues"); got != "Nothing is due." {
			t.Errorf("after closing #dues says %q, want Nothing is due.", got)
		}
		if n := b.count("#case-actions"); n != 0 {
			t.Errorf("a closed case still offers next steps: %s", b.text("case-actions"))
		}
		mustContain(t, "chronology", b.text("chronology"), "Episode closed: Services ceased for any other reason",
			"Visit: seen alone at home")
		b.screenshot("record-closed")

		if rep, err := a.st.VerifyHistory(ctx); err != nil {
			t.Errorf("history after the journey: %+v %v", rep, err)
		}
	})
}

// An initial conference cannot be recorded before a section 47 enquiry:
// the record does not offer it, the form's address shows why instead of the
// form, and a form posted anyway is refused with the same words and saves
// nothing.
func TestAConferenceBeforeAnEnquiryIsRefused(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection team 1", Kind: "child_protection"})
		if err != nil {
			t.Fatal(err)
		}
		w, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Priya Shah", JobRole: "Social worker",
			TeamID: &team.ID, FTE: 1, EmploymentType: casework.Permanent, StartDate: date(2023, 1, 9)})
		if err != nil {
			t.Fatal(err)
		}
		priya := a.user("priya", "Priya Shah", auth.SocialWorker, &w).Actor()
		maya := a.child("C1001", "Maya", "Brooks", date(2015, 3, 14), "F")
		mon, tue := date(2026, 11, 2), date(2026, 11, 3)

		// A referral decided for a strategy discussion, which decided on an
		// enquiry that has not started.
		c, err := a.st.RecordContact(ctx, priya, casework.Contact{ChildID: maya.ID, Date: mon, Source: "2A", Concerns: "Bruise on her arm"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.st.DecideContact(ctx, priya, c.ID, c.Version, casework.ContactToReferral, mon, "", "N1", &team.ID); err != nil {
			t.Fatal(err)
		}
		cf, err := a.st.CaseFile(ctx, maya.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := cf.OpenReferral()
		if err := a.st.DecideReferral(ctx, priya, r.ID, r.Version, casework.ReferralToStrategy, mon, "N1", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := a.st.RecordStrategy(ctx, priya, casework.StrategyDiscussion{ChildID: maya.ID, ReferralID: r.ID,
			Date: tue, InitiatedS47: true, Attendees: "Police"}); err != nil {
			t.Fatal(err)
		}

		record := fmt.Sprintf("/children/%d", maya.ID)
		const warning = "An initial conference follows a section 47 enquiry. Record the enquiry first."
		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("priya")
		b.open(record)
		if b.count(fmt.Sprintf(`#case-actions a[href="%s/conference/initial"]`, record)) != 0 {
			t.Error("the record offers an initial conference before the enquiry has started")
		}
		if b.count(fmt.Sprintf(`#case-actions a[href="%s/s47/start"]`, record)) != 1 {
			t.Errorf("the record does not offer to start the enquiry: %s", b.text("case-actions"))
		}

		// The form's address, from a bookmark, explains instead of asking.
		b.open(record + "/conference/initial")
		if got := b.text("blocked"); !strings.Contains(got, warning) {
			t.Errorf("the conference page says %q, want %q", got, warning)
		}
		if b.count("#save") != 0 {
			t.Error("the conference page offers a form before the enquiry")
		}
		b.screenshot("conference-before-enquiry")

		// A conference form posted anyway (say from a page kept open) is
		// refused with the same words, and nothing is saved.
		js := fmt.Sprintf(`(() => {
			const f = document.createElement("form");
			f.method = "post";
			f.action = %q;
			const v = {"date-day": "24", "date-month": "11", "date-year": "2026", "decision": "plan", "category": "NEG"};
			for (const [k, x] of Object.entries(v)) {
				const i = document.createElement("input");
				i.type = "hidden"; i.name = k; i.value = x;
				f.appendChild(i);
			}
			document.body.appendChild(f);
			f.submit();
			return true;
		})()`, record+"/conference/initial")
		b.do("post a conference",
			follow(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](js)(ctx, t)
				return err
			})),
			chromedp.WaitVisible(chromedp.ID("blocked")))
		if got := b.text("blocked"); !strings.Contains(got, warning) {
			t.Errorf("the posted conference was answered with %q, want %q", got, warning)
		}
		if got := b.path(); got != "/children/"+fmt.Sprint(maya.ID)+"/conference/initial" {
			t.Errorf("after the refused post the browser is at %s", got)
		}
		b.screenshot("conference-refused")
		cf, err = a.st.CaseFile(ctx, maya.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(cf.Conferences) != 0 || cf.OpenPlan() != nil {
			t.Errorf("a refused conference was saved: %+v", cf.Conferences)
		}
	})
}

// wantHeading checks the page's main heading.
func (b *browser) wantHeading(want string) {
	b.t.Helper()
	if got := b.textOf("main h1"); got != want {
		b.t.Errorf("the page's heading is %q, want %q", got, want)
	}
}

// nextStep follows a link of "Record the next step" on the child's record
// to its form.
func (b *browser) nextStep(childID int64, path, heading string) {
	b.t.Helper()
	b.do("follow the next step "+path,
		chromedp.WaitVisible(chromedp.ID("case-actions")),
		follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#case-actions a[href="/children/%d/%s"]`, childID, path)))),
		chromedp.WaitVisible(chromedp.ID("save")))
	b.wantHeading(heading)
}

// save submits the form the browser is on and expects to be back on the
// child's record with the confirmation banner. When the form is refused,
// the test fails with what the page says.
func (b *browser) save(step string, childID int64, banner string) {
	b.t.Helper()
	b.do(step, follow(chromedp.Click(chromedp.ID("save"))))
	if p := b.path(); !strings.HasPrefix(p, fmt.Sprintf("/children/%d?saved=", childID)) {
		why := "no message"
		switch {
		case b.count("#error-summary") > 0:
			why = b.text("error-summary")
		case b.count("#blocked") > 0:
			why = b.text("blocked")
		}
		b.t.Fatalf("%s: the browser stayed at %s: %s", step, p, why)
	}
	if got := b.text("notice"); got != banner {
		b.t.Errorf("%s: the banner says %q, want %q", step, got, banner)
	}
}

// dueRow is the text of the row of "What is due" set by a rule, or "".
func (b *browser) dueRow(rule string) string {
	b.t.Helper()
	sel := fmt.Sprintf(`#dues tr[data-rule=%q]`, rule)
	if b.count(sel) == 0 {
		return ""
	}
	return b.textOf(sel)
}

// wantDue checks that "What is due" has a row for a rule with all of wants.
func (b *browser) wantDue(rule string, wants ...string) {
	b.t.Helper()
	row := b.dueRow(rule)
	if row == "" {
		b.t.Errorf("nothing due by rule %s; what is due:\n%s", rule, b.text("dues"))
		return
	}
	mustContain(b.t, "due "+rule, row, wants...)
}

// wantNoDue checks that nothing is due by a rule.
func (b *browser) wantNoDue(rule string) {
	b.t.Helper()
	if row := b.dueRow(rule); row != "" {
		b.t.Errorf("still due by rule %s: %s", rule, row)
	}
}
