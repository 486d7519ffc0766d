package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"sightline/internal/auth"
)

// TestUASCStatusIsRecordedFromTheChildsRecord: a social worker opens the
// form from the record, a date after the 18th birthday comes back with
// the error summary and what was typed, a good save shows on the record
// and in the history, a save over a colleague's change is refused naming
// them with the text kept, and an auditor may not open the form.
func TestUASCStatusIsRecordedFromTheChildsRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		rec := sw.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, `<abbr title="Unaccompanied asylum-seeking child">UASC</abbr>`)
		path := linkTo(t, rec, `/children/\d+/uasc`)
		page := sw.get(path)
		mustContain(t, page.body, "Is or was the child an unaccompanied asylum-seeking child?", "14 March 2033")

		bad := dateForm("uasc_ceased", time.Date(2033, 3, 15, 0, 0, 0, 0, time.UTC), url.Values{"uasc": {"yes"}})
		res := sw.post(path, withHidden(page.body, bad))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a DUC after the 18th birthday: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "The date UASC status ceased must be today or in the past",
			`value="2033"`, `value="15"`)
		if res := sw.post(path, withHidden(page.body, url.Values{"uasc": {"yes"}})); res.code != http.StatusSeeOther {
			t.Fatalf("save UASC: %d\n%s", res.code, res.body)
		}
		rec = sw.get(fmt.Sprintf("/children/%d?saved=uasc", id)).body
		mustContain(t, rec, "UASC status saved", `id="uasc">Yes`)
		events, err := a.st.History(ctx, "child", id)
		if err != nil || events[len(events)-1].Action != "uasc" {
			t.Errorf("history = %+v, %v; want the UASC change last", events, err)
		}

		// a colleague records the status ceased while the form is open
		page = sw.get(path)
		c, err := a.st.Child(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ceased := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
		c.UASCCeased = &ceased
		if _, err := a.st.SetUASC(ctx, duty, c); err != nil {
			t.Fatal(err)
		}
		mine := dateForm("uasc_ceased", time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), url.Values{"uasc": {"yes"}})
		res = sw.post(path, withHidden(page.body, mine))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Pat Duty changed this record", `value="21"`)
		if got, _ := a.st.Child(ctx, id); got.UASCCeased == nil || got.UASCCeased.Day() != 20 {
			t.Errorf("DUC = %v, want Pat Duty's 20 November", got.UASCCeased)
		}
		if res := sw.post(path, withHidden(res.body, mine)); res.code != http.StatusSeeOther {
			t.Errorf("a deliberate second save: %d, want 303", res.code)
		}
		if got := a.signIn(auth.Auditor).get(path).code; got != http.StatusForbidden {
			t.Errorf("an auditor opens the UASC form: %d, want 403", got)
		}
	})
}

// TestPreviousPermanenceIsAskedWhenCareBeginsAndCorrected: the care start
// form takes an earlier order (a bad authority comes back with the text
// kept), the record shows it, and its correction refuses a stale save.
func TestPreviousPermanenceIsAskedWhenCareBeginsAndCorrected(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		start := fmt.Sprintf("/children/%d/care/start", id)
		form := func(la string) url.Values {
			return placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes", url.Values{"legal_status": {"V2"},
				"category_of_need": {"N1"}, "prev_perm": {"P2"}, "prev_perm_la": {la}, "prev_perm_date-month": {"6"},
				"prev_perm_date-year": {"2019"}})
		}
		res := sw.submit(start, form("Leeds"))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("an authority by name: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "3-digit DfE number", `value="Leeds"`, `value="2019"`)
		if res := sw.submit(start, form("383")); res.code != http.StatusSeeOther {
			t.Fatalf("bring into care: %d\n%s", res.code, res.body)
		}
		rec := sw.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "P2: Special guardianship order, arranged by 383, 2019-06-ZZ")
		fix := linkTo(t, rec, `/children/\d+/care/periods/\d+/previous-permanence`)
		page := sw.get(fix)
		mustContain(t, page.body, `value="383"`, `value="6"`)
		cf, err := a.st.CaseFile(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ep := *cf.OpenCareEpisode()
		ep.PrevPerm, ep.PrevPermLA, ep.PrevPermDate = "Z1", "", ""
		if _, err := a.st.CorrectPreviousPermanence(ctx, duty, ep); err != nil {
			t.Fatal(err)
		}
		mine := url.Values{"prev_perm": {"P1"}, "prev_perm_la": {"SCO"}, "prev_perm_date-year": {"2018"}}
		res = sw.post(fix, withHidden(page.body, mine))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale correction: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Pat Duty changed this record", `value="SCO"`)
		if cf, _ := a.st.CaseFile(ctx, id); cf.OpenCareEpisode().PrevPerm != "Z1" {
			t.Errorf("previous permanence = %q, want Pat Duty's Z1", cf.OpenCareEpisode().PrevPerm)
		}
		if res := sw.post(fix, withHidden(res.body, mine)); res.code != http.StatusSeeOther {
			t.Fatalf("a deliberate second save: %d\n%s", res.code, res.body)
		}
		if cf, _ := a.st.CaseFile(ctx, id); cf.OpenCareEpisode().PrevPermDate != "2018-ZZ-ZZ" {
			t.Errorf("previous permanence = %+v, want P1 by SCO in 2018", *cf.OpenCareEpisode())
		}
	})
}
