package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// TestOutcomesAreRecordedFromTheChildsRecord: while the child is looked
// after, the record offers the SDQ, immunisations, conviction and
// substance misuse forms; a score over 40 comes back with the error
// summary and what was typed; saved records show on the record and in
// the chronology; a correction over a colleague's is refused naming them
// with the answers kept; an auditor may not open the forms.
func TestOutcomesAreRecordedFromTheChildsRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		sw.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes",
			url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}}))
		rec := sw.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "SDQ", "None recorded")
		sdq := linkTo(t, rec, `/children/\d+/care/sdq`)
		linkTo(t, rec, `/children/\d+/care/conviction`)
		linkTo(t, rec, `/children/\d+/care/immunisations`)

		res := sw.submit(sdq, dateForm("date", mon, url.Values{"sdq_score": {"41"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a score of 41: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "The total score is a whole number from 0 to 40", `value="41"`)
		sw.step(t, id, "care/sdq", dateForm("date", mon, url.Values{"sdq_score": {"14"}}))
		sw.step(t, id, "care/immunisations", dateForm("date", mon, url.Values{"up_to_date": {"yes"}}))
		sw.step(t, id, "care/conviction", dateForm("date", mon, url.Values{"notes": {"Youth caution"}}))
		sw.step(t, id, "care/substance-misuse", dateForm("date", mon, url.Values{"offered": {"yes"}, "received": {"no"}}))
		rec = sw.get(fmt.Sprintf("/children/%d?saved=care/sdq", id)).body
		mustContain(t, rec, "SDQ recorded", "SDQ completed: total score 14, 2 November 2026", "Immunisations up to date",
			"Latest: Convicted, or given a final warning or reprimand", "Youth caution",
			"Substance misuse identified: intervention offered, not received")

		fix := linkTo(t, rec, `/children/\d+/care/outcomes/\d+/correct`)
		page := sw.get(fix)
		mustContain(t, page.body, "Correct the record")
		cf, err := a.st.CaseFile(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		misuse := cf.Outcomes[len(cf.Outcomes)-1]
		if misuse.Kind != casework.OutcomeSubstanceMisuse {
			t.Fatalf("latest outcome %+v", misuse)
		}
		fix = fmt.Sprintf("/children/%d/care/outcomes/%d/correct", id, misuse.ID)
		page = sw.get(fix)
		misuse.Received = true
		if _, err := a.st.CorrectOutcome(ctx, duty, misuse); err != nil {
			t.Fatal(err)
		}
		mine := dateForm("date", mon, url.Values{"offered": {"yes"}, "received": {"no"}, "notes": {"Refused the service"}})
		res = sw.post(fix, withHidden(page.body, mine))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale correction: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Pat Duty changed this record", `value="Refused the service"`)
		if res := sw.post(fix, withHidden(res.body, mine)); res.code != http.StatusSeeOther {
			t.Fatalf("a deliberate second save: %d\n%s", res.code, res.body)
		}
		if cf, _ := a.st.CaseFile(ctx, id); cf.FindOutcome(misuse.ID).Received {
			t.Errorf("the correction was not saved: %+v", cf.FindOutcome(misuse.ID))
		}
		if got := a.signIn(auth.Auditor).get(sdq).code; got != http.StatusForbidden {
			t.Errorf("an auditor opens the SDQ form: %d, want 403", got)
		}
	})
}
