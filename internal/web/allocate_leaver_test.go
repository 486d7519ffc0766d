package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Bad input named by issue #8: allocating to a worker who has left comes
// back on the form, naming the worker field, with the reason kept.
func TestAllocatingToAWorkerWhoHasLeftComesBackOnTheForm(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, _ := a.linkWorker(t)
		left := time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)
		lea, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Lea Leaver", TeamID: &team.ID, FTE: 1,
			EmploymentType: casework.Permanent, StartDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), EndDate: &left})
		if err != nil {
			t.Fatal(err)
		}
		b := a.signIn(auth.SocialWorker)
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, a.child.ID, "contacts/new", dateForm("date", mon, url.Values{"source": {"2A"}, "concerns": {"Hungry"}, "out_of_hours": {"no"}}))
		cf, _ := a.st.CaseFile(ctx, a.child.ID)
		b.step(t, a.child.ID, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID),
			dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N1"}}))
		mgr := a.signIn(auth.TeamManager)
		page := mgr.get(fmt.Sprintf("/children/%d/allocate", a.child.ID)).body
		res := mgr.post(fmt.Sprintf("/children/%d/allocate", a.child.ID), withHidden(page,
			dateForm("date", mon, url.Values{"worker_id": {fmt.Sprint(lea.ID)}, "reason_code": {"MANAGE"}, "reason": {"Allocation meeting on Monday"}})))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("allocating to a leaver: %d, want 422\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "There is a problem", `href="#worker_id"`, "This worker has left", "Allocation meeting on Monday")
		invs, err := a.st.Involvements(ctx, a.child.ID)
		if err != nil || invs[0].WorkerID != nil {
			t.Errorf("after the refusal the case is held by %v (%v), want nobody", invs[0].WorkerID, err)
		}
	})
}
