package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// youngPerson adds Jay Reed, 19 on 1 November 2026.
func (a *app) youngPerson(t *testing.T) casework.Child {
	t.Helper()
	dob := calendar.Date(2007, 11, 1)
	c, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: "CL77", FirstName: "Jay", LastName: "Reed",
		DateOfBirth: &dob, Sex: "M", Ethnicity: "WBRI"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func day(y int, m time.Month, d int) time.Time { return calendar.Date(y, m, d) }

func TestAWorkerRecordsACareLeaversBirthdayAndSeesThemOnTheList(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		jay := a.youngPerson(t)
		record := fmt.Sprintf("/children/%d", jay.ID)
		b.step(t, jay.ID, "leaving-care/eligibility", dateForm("from", day(2025, 1, 2), dateForm("care_started", day(2019, 5, 1),
			dateForm("care_ended", day(2025, 1, 2), url.Values{"category": {"relevant"}}))))
		b.step(t, jay.ID, "leaving-care/adviser", dateForm("adviser_from", day(2025, 1, 2), url.Values{"adviser": {"Pat Adviser"}}))
		b.step(t, jay.ID, "leaving-care/pathway", dateForm("date", day(2026, 6, 1), url.Values{"kind": {"plan"}}))
		page := b.get(record).body
		mustContain(t, page, "Relevant child from 2 January 2025", "Pat Adviser", `data-rule="care_leaver_birthday_contact"`,
			`data-rule="pathway_plan_review"`, "Birthday contact due 1 month from the 19th birthday on 1 Nov 2026")

		res := b.post(record+"/leaving-care/birthday", dateForm("date", day(2026, 11, 3), url.Values{"birthday": {"19"},
			"in_touch": {"YES"}, "activity": {"G5"}, "accom_type": {"S"}, "accom_suitable": {"yes"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("no fixed abode recorded as suitable: %d, want 422", res.code)
		}
		mustContain(t, res.body, "No fixed abode and custody cannot be recorded as suitable accommodation", `value="G5" selected`)
		b.step(t, jay.ID, "leaving-care/birthday", dateForm("date", day(2026, 11, 3), url.Values{"birthday": {"19"},
			"in_touch": {"YES"}, "activity": {"G5"}, "accom_type": {"W"}, "accom_suitable": {"no"}}))
		if page := b.get(record).body; strings.Contains(page, `data-rule="care_leaver_birthday_contact"`) {
			t.Error("the birthday contact is still due after a contact in touch within the window")
		}

		list := b.get("/care-leavers").body
		mustContain(t, list, "Jay Reed", "Relevant child", "Pat Adviser", "Bed and breakfast (not suitable)",
			"Not in education, employment or training: other", `Not in education, employment or training (1)`, `In unsuitable accommodation (1)`)
		if neet := b.get("/care-leavers?show=not-in-eet").body; !strings.Contains(neet, "Jay Reed") {
			t.Error("the young person is missing from the list of those not in education, employment or training")
		}
		if due := b.get("/care-leavers?show=due").body; strings.Contains(due, "Jay Reed") {
			t.Error("a young person in touch within the window is listed as due a birthday contact")
		}
		// On 1 November 2026, before the contact, they were due one.
		asAt := "asat-day=1&asat-month=11&asat-year=2026"
		mustContain(t, b.get("/care-leavers?show=due&"+asAt).body, "Jay Reed")
		// The earliest open birthday contact is the one shown: the 18th's,
		// missed, before the 19th's.
		csv := b.get("/care-leavers?format=csv&table=leavers&" + asAt)
		mustContain(t, csv.body, "Birthday contact due", "2026-11-01,CL77,Jay Reed,19,Relevant child,Pat Adviser,2026-06-01,,,,,,,2025-12-01,overdue")
		if !strings.Contains(csv.header.Get("Content-Type"), "csv") {
			t.Errorf("CSV content type %q", csv.header.Get("Content-Type"))
		}
		for _, role := range []auth.Role{auth.PartnerAgency, auth.Administrator} {
			if res := a.signIn(role).get("/care-leavers"); res.code != http.StatusForbidden {
				t.Errorf("%s on the care leavers list: %d, want 403", role, res.code)
			}
		}
		if res := a.signIn(auth.PerformanceAnalyst).get(record + "/leaving-care/contact"); res.code != http.StatusForbidden {
			t.Errorf("an analyst recording a contact: %d, want 403", res.code)
		}
	})
}

func TestAnAdoptionIsTrackedStageByStageWithA1AndA2(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		record := fmt.Sprintf("/children/%d", id)
		b.step(t, id, "permanence/plan", dateForm("decided_on", day(2025, 3, 1), dateForm("care_started", day(2025, 1, 10),
			url.Values{"plan": {"adoption"}})))
		res := b.post(record+"/permanence/placement-order", dateForm("placement_order", day(2025, 7, 1), nil))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a placement order before the decision to place: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Record the decision that the child should be placed for adoption first.")
		b.step(t, id, "permanence/should-be-placed", dateForm("should_be_placed", day(2025, 4, 1), nil))
		res = b.submit(record+"/permanence/placement-order", dateForm("placement_order", day(2025, 3, 20), nil))
		mustContain(t, res.body, "The date of the placement order must be on or after the decision that the child should be placed for adoption (1 April 2025)")
		b.step(t, id, "permanence/placement-order", dateForm("placement_order", day(2025, 7, 1), nil))
		b.step(t, id, "permanence/match", dateForm("matched", day(2025, 9, 15), nil))
		b.step(t, id, "permanence/placed", dateForm("placed", day(2025, 10, 1), nil))
		b.step(t, id, "permanence/adoption-order", dateForm("adoption_order", day(2026, 3, 2), adopters("0", "2", "MF", "L11")))
		mustContain(t, b.get(record).body, "Adoption since 1 March 2025: Adopted", "A1 264 days · A2 76 days",
			"Adoption order made", "Placement order granted")

		tracker := b.get("/permanence").body
		mustContain(t, tracker, "Maya Brooks", "Adopted", ">264<", ">76<", `id="avg-year"`)
		if !strings.Contains(tracker, `264 <span class="govuk-hint govuk-!-font-size-16">(1 children)`) {
			t.Errorf("the year's average A1 is not 264 days over one child:\n%s", tracker)
		}
		earlier := b.get("/permanence?asat-day=1&asat-month=8&asat-year=2025").body
		mustContain(t, earlier, "Placement order</strong>")
		if strings.Contains(earlier, ">264<") {
			t.Error("A1 shown as at a day before the child was placed")
		}
		csv := b.get("/permanence?format=csv&table=adoption").body
		mustContain(t, csv, "C1001,Maya Brooks,Adopted,2025-01-10,2025-03-01,2025-04-01,2025-07-01,2025-09-15,2025-10-01,2026-03-02,,,264,76")
	})
}

// The record says when leaving-care services ended, so a young adult's
// old eligibility does not read as a service still running.
func TestTheRecordSaysWhenLeavingCareServicesEnded(t *testing.T) {
	a := newApp(t, "sqlite")
	b := a.signIn(auth.SocialWorker)
	jay := a.youngPerson(t)
	b.step(t, jay.ID, "leaving-care/eligibility", dateForm("from", day(2025, 11, 1), dateForm("care_started", day(2019, 5, 1),
		dateForm("care_ended", day(2025, 11, 1), url.Values{"category": {"former_relevant"}}))))
	if page := b.get(fmt.Sprintf("/children/%d", jay.ID)).body; strings.Contains(page, "leaver-services-ended") {
		t.Error("the record says services ended when no end was recorded")
	}
	b.step(t, jay.ID, "leaving-care/eligibility", dateForm("services_ended", day(2026, 11, 1), dateForm("from", day(2025, 11, 1),
		dateForm("care_started", day(2019, 5, 1), dateForm("care_ended", day(2025, 11, 1), url.Values{"category": {"former_relevant"}})))))
	mustContain(t, b.get(fmt.Sprintf("/children/%d", jay.ID)).body, `id="leaver-services-ended">Leaving-care services ended 1 November 2026`)
}
