package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

func placementForm(d time.Time, typ, provider, postcode, miles, inArea string, extra url.Values) url.Values {
	if extra == nil {
		extra = url.Values{}
	}
	extra.Set("placement_type", typ)
	extra.Set("provider", provider)
	extra.Set("postcode", postcode)
	extra.Set("distance", miles)
	extra.Set("in_area", inArea)
	extra.Set("school_move", "no")
	if extra.Get("urn") == "" && casework.TakesURN(typ) {
		extra.Set("urn", casework.NotRegisteredURN) // rule 218: a type that takes a URN is given one
	}
	return dateForm("start_date", d, extra)
}

func TestAChildComesIntoCareMovesIsReviewedAndShowsOnTheSufficiencyPage(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes",
			url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}, "iro": {"Irene Oduya"}}))
		rec := b.get(fmt.Sprintf("/children/%d", id)).body
		// Care plan 10 working days from Mon 2 Nov 2026: Mon 16 Nov; first
		// review 20 working days: Mon 30 Nov; first visit within a week: Mon 9 Nov.
		mustContain(t, rec, "Looked after", "V2: Accommodated under section 20", "U6: Foster placement with other foster carer: other",
			"NE1 4AB, 3.2 miles from home, in the area", "Care plan", "Mon 16 Nov 2026", "Mon 30 Nov 2026", "Mon 9 Nov 2026", "Became looked after")

		res := b.post(fmt.Sprintf("/children/%d/care/move", id), placementForm(mon, "K2", "PR4", "DH1 1AA", "24", "no",
			url.Values{"change_reason": {"CREQB"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a move overlapping the first placement: %d, want 422", res.code)
		}
		mustContain(t, res.body, "would overlap the current one", "DH1 1AA")

		wed := time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)
		b.step(t, id, "care/move", placementForm(wed, "K2", "PR4", "DH1 1AA", "24", "no", url.Values{"change_reason": {"CREQB"}}))
		b.step(t, id, "care/review", dateForm("date", a.clock.now(), url.Values{"iro": {"Irene Oduya"}, "participation": {"PN1"}}))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "K2: Children&#39;s home", "24.0 miles from home, out of the area",
			"Placement ended: Carer requested placement end due to child&#39;s behaviour", "Looked-after review", "No arrangement recorded")

		mgr := a.signIn(auth.TeamManager)
		page := mgr.get("/sufficiency")
		if page.code != http.StatusOK {
			t.Fatalf("sufficiency: %d", page.code)
		}
		mustContain(t, page.body, "1</strong> children looked after", "Children&#39;s homes and secure homes", "Private provision",
			fmt.Sprintf(`href="/children/%d"`, id), "Carer requested placement end")
		far := mgr.get("/sufficiency?format=csv&table=far-no-family-time")
		if !strings.Contains(far.body, a.child.LAChildID) || !strings.Contains(far.body, "24.0") {
			t.Errorf("far from home without family time CSV:\n%s", far.body)
		}
		before := mgr.get("/sufficiency?asat-day=1&asat-month=11&asat-year=2026")
		mustContain(t, before.body, "0</strong> children looked after")
		if sw := b.get("/sufficiency"); sw.code != http.StatusForbidden {
			t.Errorf("a social worker opening the sufficiency page: %d, want 403", sw.code)
		}

		b.step(t, id, "care/family-time", dateForm("start_date", a.clock.now(), url.Values{"with": {"Mother"}, "frequency": {"weekly"}, "supervised": {"yes"}}))
		far = mgr.get("/sufficiency?format=csv&table=far-no-family-time")
		if strings.Contains(far.body, a.child.LAChildID) {
			t.Errorf("a child with a family-time plan is still listed:\n%s", far.body)
		}
		b.step(t, id, "care/end", dateForm("end_date", a.clock.now(), url.Values{"reason": {"E4A"}}))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "Stopped being looked after: Returned home as part of the care planning process")
		if strings.Contains(rec, "care-placement") {
			t.Errorf("the record still shows a placement after care ended")
		}
	})
}

// A looked-after child's statutory tasks reach "My work" and the team view
// through the same engine as help and protection.
func TestCareTasksShowInMyWorkAndTheTeamView(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		_, worker := a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, a.child.ID, "contacts/new", dateForm("date", mon, url.Values{"source": {"2A"}, "concerns": {"Hungry"}, "out_of_hours": {"no"}}))
		cf, _ := a.st.CaseFile(ctx, a.child.ID)
		b.step(t, a.child.ID, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID),
			dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N1"}}))
		b.step(t, a.child.ID, "referral/decide", dateForm("decision_date", mon, url.Values{"decision": {"assessment"}, "primary_need": {"N1"}}))
		mgr := a.signIn(auth.TeamManager)
		mgr.step(t, a.child.ID, "allocate", dateForm("date", mon, url.Values{"worker_id": {fmt.Sprint(worker.ID)}, "reason_code": {"MANAGE"}, "reason": {"Allocation meeting"}}))
		// Into care on Tue 17 Nov: the first visit is due within a week,
		// Tue 24 Nov, today: the soonest of the child's tasks.
		tue := time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)
		b.step(t, a.child.ID, "care/start", placementForm(tue, "U6", "PR1", "NE1 4AB", "2", "yes",
			url.Values{"legal_status": {"C1"}, "category_of_need": {"N1"}}))
		mustContain(t, b.get("/my-work").body, "Maya Brooks", "Looked after", "First visit in a placement, Tue 24 Nov 2026")
		mustContain(t, mgr.get("/team").body, "Maya Brooks", "First visit in a placement")
	})
}
