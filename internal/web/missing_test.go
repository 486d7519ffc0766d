package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

func TestAMissingEpisodeIsRecordedAndSeenOnTheMissingView(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) // Monday of the app's week

		sw.step(t, id, "missing/new", dateForm("start_date", mon, url.Values{"from": {"home"}, "kind": {"M"},
			"reported_to_police": {"yes"}}))
		rec := sw.get("/children/" + itoa(id))
		mustContain(t, rec.body, "Still missing", "Record the child&#39;s return")
		// an interview before the child has come back is refused by the form's readiness
		if res := sw.get("/children/" + itoa(id) + "/missing/interview"); !strings.Contains(res.body, `id="blocked"`) {
			t.Errorf("interview form before the return is not blocked:\n%s", res.body)
		}
		// a return before the start names the field and keeps the text typed
		res := sw.submit("/children/"+itoa(id)+"/missing/return", dateForm("end_date", mon.AddDate(0, 0, -1),
			url.Values{"where_found": {"At her aunt's"}, "reported_to_police": {"yes"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("return before the start: %d", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "#end_date", "At her aunt&#39;s")
		sw.step(t, id, "missing/return", dateForm("end_date", mon.AddDate(0, 0, 1), url.Values{"where_found": {"At her aunt's"},
			"reported_to_police": {"yes"}}))
		sw.step(t, id, "missing/interview", dateForm("offered_on", mon.AddDate(0, 0, 1), dateForm("held_on", mon.AddDate(0, 0, 1),
			url.Values{"outcome": {"held"}, "held_by": {"Return interview service"}, "notes": {"Stayed with an older friend"}})))
		rec = sw.get("/children/" + itoa(id))
		mustContain(t, rec.body, "Offered in time, on 24 November 2026; held 24 November 2026", "Return home interview held")

		sw.step(t, id, "exploitation/screen", dateForm("date", mon.AddDate(0, 0, 1), dateForm("review_date", mon.AddDate(0, 1, 0),
			url.Values{"kinds": {"criminal", "county_lines"}, "level": {"high"}, "lead": {"Jo Lee, exploitation hub"}})))

		mgr := a.signIn(auth.ServiceManager)
		view := mgr.get("/missing")
		mustContain(t, view.body, "Maya Brooks", "Offered in time", "Jo Lee, exploitation hub", "Child criminal exploitation, County lines")
		if sw.get("/missing").code != http.StatusForbidden {
			t.Errorf("a social worker may open the coordinated missing view; the policy gives it to managers")
		}
		csv := mgr.get("/missing?format=csv&table=high-risk")
		if csv.code != http.StatusOK || !strings.Contains(csv.body, "Jo Lee, exploitation hub") {
			t.Errorf("high risk CSV: %d\n%s", csv.code, csv.body)
		}
		// as at the Sunday before, nothing had happened yet
		before := mgr.get("/missing?asat-day=22&asat-month=11&asat-year=2026")
		mustContain(t, before.body, "No child went missing in the period", "No child's latest screening found high risk")
	})
}

// TestAnAbsenceIsShownAsAway: a period away from placement without
// authorisation (SSDA903 MISSING A: whereabouts known) says so on the
// child's record and the coordinated view, beside missing ones.
func TestAnAbsenceIsShownAsAway(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
		sw.step(t, id, "missing/new", dateForm("start_date", mon, url.Values{"from": {"home"}, "kind": {"A"}}))
		mustContain(t, sw.get("/children/"+itoa(id)).body, "away without authorisation")
		mustContain(t, a.signIn(auth.ServiceManager).get("/missing").body, "Maya Brooks", "away without authorisation")
	})
}

func TestProceedingsIssuedAppearOnTheCourtTracker(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		issued := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
		sw.step(t, id, "plo/start", dateForm("start_date", issued.AddDate(0, -2, 0), nil))
		sw.step(t, id, "plo/event", dateForm("date", issued.AddDate(0, -2, 0), url.Values{"kind": {"letter"}}))
		res := sw.post("/children/"+itoa(id)+"/proceedings/issue", dateForm("issued_on", issued, url.Values{"application": {"care"}}))
		if res.code != http.StatusUnprocessableEntity || !strings.Contains(res.body, "#court") {
			t.Fatalf("proceedings with no court: %d", res.code)
		}
		sw.step(t, id, "proceedings/issue", dateForm("issued_on", issued, url.Values{"court": {"Family Court at Newcastle"},
			"application": {"care"}}))
		res = sw.post("/children/"+itoa(id)+"/proceedings/hearing", dateForm("date", issued.AddDate(0, 0, -1), url.Values{"kind": {"cmh"}}))
		if res.code != http.StatusUnprocessableEntity || !strings.Contains(res.body, "on or after the date the proceedings were issued") {
			t.Errorf("a hearing before the issue: %d", res.code)
		}
		rec := sw.get("/children/" + itoa(id))
		mustContain(t, rec.body, "Week 30 of 26", "Over 26 weeks")
		mgr := a.signIn(auth.ServiceManager)
		tracker := mgr.get("/court")
		mustContain(t, tracker.body, "Maya Brooks", "Family Court at Newcastle", "Sun 1 Nov 2026", "Over 26 weeks")
		csv := mgr.get("/court?format=csv&table=cases")
		if !strings.Contains(csv.body, "Proceedings,2026-05-04,30,Family Court at Newcastle") {
			t.Errorf("court CSV:\n%s", csv.body)
		}
		if sw.get("/court").code != http.StatusForbidden {
			t.Errorf("a social worker may open the court tracker")
		}
		cf, err := a.st.CaseFile(ctx, id)
		if err != nil || cf.OpenPLO() != nil || len(cf.PLOs) != 1 || cf.PLOs[0].Outcome != casework.PLOToProceedings {
			t.Errorf("pre-proceedings after the issue = %+v, %v", cf.PLOs, err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
