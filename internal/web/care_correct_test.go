package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"sightline/internal/auth"
)

// linkTo finds the first link on a page whose address matches pattern.
func linkTo(t *testing.T, page, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(`href="(` + pattern + `)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no link matching %s", pattern)
	}
	return m[1]
}

func TestAPlacementALegalStatusAndAReviewAreCorrectedFromTheChildsRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		sw.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes",
			url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}, "iro": {"Irene Oduya"}}))
		sw.step(t, id, "care/legal-status", dateForm("start_date", mon.AddDate(0, 0, 9), url.Values{"legal_status": {"C1"}}))
		sw.step(t, id, "care/review", dateForm("date", mon.AddDate(0, 0, 16), url.Values{"iro": {"Irene Oduya"}, "participation": {"PN1"}}))
		rec := sw.get(fmt.Sprintf("/children/%d", id)).body

		// the placement: its details, not its dates
		place := linkTo(t, rec, `/children/\d+/care/placements/\d+/correct`)
		form := sw.get(place)
		mustContain(t, form.body, "Correct the placement&#39;s details", `value="NE1 4AB"`, `value="3.2"`, "From 2 November 2026 to now")
		res := sw.submit(place, placementForm(mon, "U6", "PR1", "not a postcode", "3.2", "yes", nil))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a bad postcode: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Enter the placement&#39;s postcode", "not a postcode")
		if res := sw.submit(place, placementForm(mon, "K2", "PR4", "dh1 1aa", "24", "no", nil)); res.code != http.StatusSeeOther {
			t.Fatalf("correct the placement: %d\n%s", res.code, res.body)
		}

		// the legal status: a day the rules allow, and one they do not
		status := linkTo(t, rec, `/children/\d+/care/legal-statuses/\d+/correct`) // the newest first: C1
		res = sw.submit(status, dateForm("start_date", mon, url.Values{"legal_status": {"C1"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a second status on the first one's day: %d, want 422", res.code)
		}
		mustContain(t, res.body, "must start after the one before it began (2 November 2026)")
		if res := sw.submit(status, dateForm("start_date", mon.AddDate(0, 0, 8), url.Values{"legal_status": {"C1"}})); res.code != http.StatusSeeOther {
			t.Fatalf("correct the legal status: %d\n%s", res.code, res.body)
		}

		// the review's date
		review := linkTo(t, rec, `/children/\d+/care/events/\d+/correct`)
		mustContain(t, sw.get(review).body, `value="Irene Oduya"`, "Looked-after review")
		if res := sw.submit(review, dateForm("date", mon.AddDate(0, 0, 15), url.Values{"iro": {"Irene Oduya"}, "participation": {"PN1"}})); res.code != http.StatusSeeOther {
			t.Fatalf("correct the review: %d\n%s", res.code, res.body)
		}

		rec = sw.get(fmt.Sprintf("/children/%d?saved=correct-care-event", id)).body
		mustContain(t, rec, "Record corrected", "K2: Children&#39;s home", "DH1 1AA, 24.0 miles from home, out of the area",
			"C1: Interim care order, since 10 November 2026")
		cf, err := a.st.CaseFile(ctx, id)
		if err != nil || !cf.CareEvents[0].Date.Equal(mon.AddDate(0, 0, 15)) {
			t.Errorf("review on %v (%v), want 17 November", cf.CareEvents, err)
		}
		events, err := a.st.History(ctx, "placement", cf.Placements[0].ID)
		if err != nil || events[len(events)-1].Action != "correct" {
			t.Errorf("placement history = %+v, %v; want the correction last", events, err)
		}
		if got := a.signIn(auth.Auditor).get(place).code; got != http.StatusForbidden {
			t.Errorf("an auditor opens the correction: %d, want 403", got)
		}
	})
}
