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
	"sightline/internal/store"
)

// TestAnyRecordIsMarkedInErrorFromTheChildsRecord follows a missing
// episode from the chronology's link to the confirmation page: a reason
// is required and the text typed is kept, a save over someone else's
// change names them and is refused, and the record then shows struck
// through, out of the missing view.
func TestAnyRecordIsMarkedInErrorFromTheChildsRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		id := a.child.ID
		other, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: "C1002", FirstName: "Ola", LastName: "Brooks",
			DateOfBirth: a.child.DateOfBirth, Sex: "F", Ethnicity: "MWBC", Synthetic: true})
		if err != nil {
			t.Fatal(err)
		}
		ep, err := a.st.RecordMissingEpisode(ctx, store.System, casework.MissingEpisode{ChildID: id, From: "home", Kind: "M",
			StartDate: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), ReportedToPolice: true})
		if err != nil {
			t.Fatal(err)
		}
		sw := a.signIn(auth.SocialWorker)
		page := fmt.Sprintf("/children/%d/records/missing_episode/%d/error", id, ep.ID)
		mustContain(t, sw.get(fmt.Sprintf("/children/%d", id)).body, `href="`+page+`"`, "Mark as entered in error")

		form := sw.get(page)
		if form.code != http.StatusOK {
			t.Fatalf("GET %s: %d", page, form.code)
		}
		mustContain(t, form.body, "Mark a missing episode as entered in error", "Missing from home", "23 November 2026",
			`name="version" value="1"`)

		res := sw.post(page, url.Values{"version": {"1"}, "reason": {"  "}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("no reason: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "Enter why the missing episode was entered in error")

		// someone records the child's return while the page is open
		if err := a.st.RecordMissingReturn(ctx, store.Actor{Name: "Pat Duty"}, ep.ID, 1,
			time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), "At her aunt's", true); err != nil {
			t.Fatal(err)
		}
		res = sw.post(page, url.Values{"version": {"1"}, "reason": {"Recorded on her sister's record"}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Pat Duty changed this record", "Recorded on her sister&#39;s record", `name="version" value="2"`)
		if cf, _ := a.st.CaseFile(ctx, id); len(cf.Missing) != 1 {
			t.Fatalf("a stale save marked the episode in error")
		}

		// another child's address, a kind that does not exist, a role that
		// may not edit
		for path, want := range map[string]int{
			fmt.Sprintf("/children/%d/records/missing_episode/%d/error", other.ID, ep.ID): http.StatusNotFound,
			fmt.Sprintf("/children/%d/records/children/%d/error", id, id):                 http.StatusNotFound,
		} {
			if got := sw.get(path).code; got != want {
				t.Errorf("GET %s: %d, want %d", path, got, want)
			}
		}
		if got := a.signIn(auth.Auditor).get(page).code; got != http.StatusForbidden {
			t.Errorf("an auditor opens the page: %d, want 403", got)
		}

		res = sw.post(page, url.Values{"version": {"2"}, "reason": {"Recorded on her sister's record"}})
		if res.code != http.StatusSeeOther {
			t.Fatalf("mark: %d\n%s", res.code, res.body)
		}
		rec := sw.get(res.location)
		mustContain(t, rec.body, "Record marked as entered in error", "Entered in error</strong> <s><strong>Missing from home")
		if strings.Contains(rec.body, `href="`+page+`"`) {
			t.Error("the record still offers to be marked in error")
		}
		events, err := a.st.History(ctx, "missing_episode", ep.ID)
		if err != nil || events[len(events)-1].Reason != "Recorded on her sister's record" || events[len(events)-1].Actor != "Social worker User" {
			t.Errorf("history = %+v, %v; want the mark with its reason by the worker", events, err)
		}
		view := a.signIn(auth.ServiceManager).get("/missing")
		mustContain(t, view.body, "No child went missing in the period")
	})
}

// TestEveryKindOfCaseRecordLinksToTheMark checks the chronology offers
// the page for care, court, leaving-care and permanence records too.
func TestEveryKindOfCaseRecordLinksToTheMark(t *testing.T) {
	a := newApp(t, "sqlite")
	a.linkWorker(t)
	id := a.child.ID
	mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	sw := a.signIn(auth.SocialWorker)
	sw.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes",
		url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}, "iro": {"Irene Oduya"}}))
	sw.step(t, id, "plo/start", dateForm("start_date", mon, nil))
	sw.step(t, id, "permanence/plan", dateForm("decided_on", mon, url.Values{"plan": {"adoption"}}))
	rec := sw.get(fmt.Sprintf("/children/%d", id)).body
	for _, kind := range []string{"care_episode", "legal_status", "placement", "pre_proceedings", "permanence_plan"} {
		if !strings.Contains(rec, fmt.Sprintf("/children/%d/records/%s/", id, kind)) {
			t.Errorf("the chronology offers no way to mark a %s in error", kind)
		}
	}
}

// TestANoteIsMarkedInErrorWithAReason: the note's confirmation page asks
// why, comes back with the error and nothing marked when no reason is
// given, and marks the note once one is.
func TestANoteIsMarkedInErrorWithAReason(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		u, _ := a.st.UserByUsername(ctx, "social_worker")
		n, err := a.st.AddNote(ctx, u.Actor(), casework.Note{ChildID: a.child.ID, Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
			Kind: "case_note", Subject: "Home visit", Body: "Seen with her brother."})
		if err != nil {
			t.Fatal(err)
		}
		sw := a.signIn(auth.SocialWorker)
		page := fmt.Sprintf("/children/%d/notes/%d/error", a.child.ID, n.ID)
		mustContain(t, sw.get(page).body, "Mark a note as entered in error", "Home visit", `name="version" value="1"`)
		res := sw.post(page, url.Values{"version": {"1"}, "reason": {" "}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("no reason: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", `id="reason"`)
		if res = sw.post(page, url.Values{"version": {"1"}, "reason": {"Written on the wrong child"}}); res.code != http.StatusSeeOther {
			t.Fatalf("with a reason: %d, want 303", res.code)
		}
		got, err := a.st.Note(ctx, n.ID)
		if err != nil || got.ErrorReason != "Written on the wrong child" {
			t.Errorf("note = %+v, %v; want it marked with the reason", got, err)
		}
		mustContain(t, sw.get(fmt.Sprintf("/children/%d", a.child.ID)).body, "Entered in error")
	})
}
