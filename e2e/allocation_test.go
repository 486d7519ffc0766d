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

// Journey 2 (issue 8): Dan, a team manager, opens the allocation queue at
// his allocation meeting, allocates three waiting children in one step
// each with a reason, and sees the caseloads move; the child protection
// case is at the top of the queue. Today is Tuesday 24 November 2026.
func TestAManagerAllocatesThreeChildrenFromTheQueue(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child Protection Team", Kind: "child_protection"})
		if err != nil {
			t.Fatal(err)
		}
		worker := func(name, role string, nq bool) casework.Worker {
			w, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: name, JobRole: role, TeamID: &team.ID, FTE: 1,
				NewlyQualified: nq, EmploymentType: casework.Permanent, StartDate: date(2020, 1, 6)})
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		amira, ellie := worker("Amira Khan", "Social worker", false), worker("Ellie Parsons", "Social worker", true)
		danW := worker("Dan Whitfield", "Team manager", false)
		a.user("dan", "Dan Whitfield", auth.TeamManager, &danW)
		leo := a.referredTo(team, "C2001", "Leo", "Grant", date(2026, 11, 2))
		mia := a.referredTo(team, "C2002", "Mia", "Hart", date(2026, 11, 9))
		noah := a.referredTo(team, "C2003", "Noah", "Iqbal", date(2026, 11, 16))
		a.enquiry(noah, date(2026, 11, 16))

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("dan")
		b.open("/caseloads")
		b.do("see the caseloads", chromedp.WaitVisible(chromedp.ID("caseloads")))
		if got := b.cell(amira, "cases"); got != "0" {
			t.Errorf("Amira holds %s children before the meeting, want 0", got)
		}
		b.screenshot("caseloads-before")

		b.open("/allocation")
		b.do("see the queue", chromedp.WaitVisible(chromedp.ID("queue")))
		mustContain(t, "queue", b.text("queue"), "Noah Iqbal", "Leo Grant", "Mia Hart", "Child protection")
		if first := b.textOf("#queue tbody tr"); !strings.HasPrefix(first, "Noah Iqbal") {
			t.Errorf("the first row of the queue is %q, want Noah (child protection)", first)
		}
		if got := b.text("queue-count"); got != "3" {
			t.Errorf("%s children waiting, want 3", got)
		}
		b.screenshot("queue")

		for i, step := range []struct {
			child  casework.Child
			worker casework.Worker
			reason string
		}{
			{noah, amira, "Section 47 enquiry: Amira knows the family"},
			{leo, amira, "Longest wait; Amira has room"},
			{mia, ellie, "A straightforward child in need case for a newly qualified worker"},
		} {
			b.allocate(step.child, step.worker, step.reason, i == 0)
			if got, want := b.text("queue-count"), fmt.Sprint(2-i); got != want {
				t.Errorf("after allocating %s, %s children waiting, want %s", step.child.FirstName, got, want)
			}
		}
		b.do("the queue is empty", chromedp.WaitVisible(chromedp.ID("queue-empty")))
		b.screenshot("queue-empty")

		b.do("open the caseloads",
			follow(chromedp.Click(chromedp.ID("nav-caseloads"))),
			chromedp.WaitVisible(chromedp.ID("caseloads")))
		if got := b.cell(amira, "cases"); got != "2" {
			t.Errorf("Amira holds %s children after the meeting, want 2", got)
		}
		// Noah's enquiry weighs 1.5, Leo 1.
		if got := b.cell(amira, "weighted"); got != "2.5" {
			t.Errorf("Amira's weighted load is %s, want 2.5", got)
		}
		if got := b.cell(ellie, "cases"); got != "1" {
			t.Errorf("Ellie holds %s children, want 1", got)
		}
		mustContain(t, "Ellie's row", b.textOf(fmt.Sprintf(`#caseloads tr[data-worker="%d"]`, ellie.ID)), "Newly qualified", "14.4")
		b.screenshot("caseloads-after")

		b.do("open drift",
			follow(chromedp.Click(chromedp.ID("nav-drift"))),
			chromedp.WaitVisible(chromedp.ID("open-empty")))
		b.screenshot("drift")
	})
}

// referredTo adds a child referred to team on day on.
func (a *app) referredTo(team casework.Team, laID, first, last string, on time.Time) casework.Child {
	a.t.Helper()
	ctx := context.Background()
	c := a.child(laID, first, last, date(2017, 6, 1), "M")
	ct, err := a.st.RecordContact(ctx, store.System, casework.Contact{ChildID: c.ID, ReceivedAt: on.Add(9 * time.Hour),
		Source: "2A", Concerns: "The school is worried about " + first})
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.st.DecideContact(ctx, store.System, ct.ID, ct.Version, casework.ContactToReferral, on, "", "N1", &team.ID); err != nil {
		a.t.Fatal(err)
	}
	return c
}

// enquiry decides the child's referral goes to a strategy discussion that
// starts a section 47 enquiry, on day on.
func (a *app) enquiry(c casework.Child, on time.Time) {
	a.t.Helper()
	ctx := context.Background()
	cf, err := a.st.CaseFile(ctx, c.ID)
	if err != nil {
		a.t.Fatal(err)
	}
	ref := cf.OpenReferral()
	if err := a.st.DecideReferral(ctx, store.System, ref.ID, ref.Version, casework.ReferralToStrategy, on, "", ""); err != nil {
		a.t.Fatal(err)
	}
	sd, err := a.st.RecordStrategy(ctx, store.System, casework.StrategyDiscussion{ChildID: c.ID, Date: on, InitiatedS47: true,
		Attendees: "Police, health"})
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.st.StartS47(ctx, store.System, casework.S47Enquiry{ChildID: c.ID, StrategyID: &sd.ID, StartDate: on}); err != nil {
		a.t.Fatal(err)
	}
}

// allocate follows the child's Allocate link from the queue, chooses the
// worker, gives the reason, saves, and expects to be back on the queue
// with the confirmation.
func (b *browser) allocate(c casework.Child, w casework.Worker, reason string, shoot bool) {
	b.t.Helper()
	b.do("allocate "+c.FirstName,
		follow(chromedp.Click(chromedp.ID(fmt.Sprintf("allocate-%d", c.ID)))),
		chromedp.WaitVisible(chromedp.ID("save")))
	b.wantHeading("Allocate to a worker")
	b.do("choose "+w.Name, chromedp.SetValue(chromedp.ID("worker_id"), fmt.Sprint(w.ID)),
		chromedp.Click(chromedp.ID("reason_code-MANAGE")), fill("reason", reason))
	if shoot {
		b.screenshot("allocate-form")
	}
	b.do("save the allocation of "+c.FirstName, follow(chromedp.Click(chromedp.ID("save"))))
	if p := b.path(); !strings.HasPrefix(p, "/allocation?") {
		why := "no message"
		if b.count("#error-summary") > 0 {
			why = b.text("error-summary")
		}
		b.t.Fatalf("allocating %s: the browser is at %s, not back on the queue: %s", c.FirstName, p, why)
	}
	if got, want := b.text("notice"), c.FullName()+" is now allocated to "+w.Name; got != want {
		b.t.Errorf("the banner says %q, want %q", got, want)
	}
	if shoot {
		b.screenshot("queue-after-allocating")
	}
}

// cell is the text of a column of a worker's row on the caseloads page.
func (b *browser) cell(w casework.Worker, col string) string {
	b.t.Helper()
	return b.textOf(fmt.Sprintf(`#caseloads tr[data-worker="%d"] td[data-col=%q]`, w.ID, col))
}
