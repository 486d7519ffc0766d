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

func TestSigningInWithTheRightPasswordLandsOnHome(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		res := b.get("/")
		if res.code != 200 {
			t.Fatalf("home: %d", res.code)
		}
		mustContain(t, res.body, "Social worker User", "Find a child", "Sign out")
	})
}

func TestAWrongPasswordIsRefusedAndTheUsernameKept(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.browser().post("/sign-in", url.Values{"username": {"social_worker"}, "password": {"nope"}})
		if res.code != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", res.code)
		}
		mustContain(t, res.body, "There is a problem", "The username or password is not right", `value="social_worker"`)
	})
}

func TestPagesNeedASignIn(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.browser().get(fmt.Sprintf("/children/%d", a.child.ID))
		if res.code != http.StatusSeeOther || !strings.HasPrefix(res.location, "/sign-in?next=") {
			t.Fatalf("got %d to %q, want a redirect to sign in", res.code, res.location)
		}
	})
}

func TestAPartnerAgencyCannotOpenAChildsRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.signIn(auth.PartnerAgency).get(fmt.Sprintf("/children/%d", a.child.ID))
		if res.code != http.StatusForbidden {
			t.Fatalf("status %d, want 403", res.code)
		}
		mustContain(t, res.body, "You do not have access", "the council")
	})
}

func TestOpeningAChildsRecordIsLogged(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.signIn(auth.SocialWorker).get(fmt.Sprintf("/children/%d", a.child.ID))
		if res.code != 200 {
			t.Fatalf("status %d", res.code)
		}
		mustContain(t, res.body, "Maya Brooks", "C1001", "Chronology")
		log, err := a.st.AccessLog(ctx, a.child.ID, a.clock.now().Add(-time.Hour))
		if err != nil || len(log) != 1 || log[0].User != "Social worker User" || log[0].Address != "127.0.0.1" {
			t.Fatalf("access log = %+v, %v", log, err)
		}
	})
}

func TestARestrictedRecordIsOnlyForNamedUsers(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		c := a.child
		c.Restricted = true
		if _, err := a.st.UpdateChild(ctx, store.System, c); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/children/%d", c.ID)
		if res := a.signIn(auth.TeamManager).get(path); res.code != http.StatusForbidden {
			t.Fatalf("unnamed manager: %d, want 403", res.code)
		}
		search := a.signIn(auth.TeamManager).get("/children?q=maya")
		mustContain(t, search.body, "A restricted record matches")
		if strings.Contains(search.body, "C1001") {
			t.Error("search shows the restricted child's details to an unnamed user")
		}
		u, _ := a.st.UserByUsername(ctx, "team_manager")
		if err := a.st.GrantChildAccess(ctx, store.System, c.ID, u.ID); err != nil {
			t.Fatal(err)
		}
		if res := a.signIn(auth.TeamManager).get(path); res.code != 200 {
			t.Fatalf("named manager: %d, want 200", res.code)
		}
	})
}

func TestFindAChildToleratesCaseAndPartNames(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		for _, q := range []string{"maya", "BROOK", "brooks may", "14/3/2015", "c1001"} {
			res := b.get("/children?q=" + url.QueryEscape(q))
			if !strings.Contains(res.body, fmt.Sprintf(`href="/children/%d"`, a.child.ID)) {
				t.Errorf("search %q did not find Maya", q)
			}
		}
		mustContain(t, b.get("/children?q=zzzz").body, "No children found")
		mustContain(t, b.get("/children?q=%21").body, "Enter at least two letters")
	})
}

func TestANoteWithMistakesComesBackWithTheTextIntact(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		path := fmt.Sprintf("/children/%d/notes", a.child.ID)
		form := url.Values{"date-day": {"31"}, "date-month": {"2"}, "date-year": {"2026"}, "kind": {"case_note"},
			"subject": {""}, "body": {"Maya was <b>quiet</b> & tired."}}
		res := b.post(path, form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.code)
		}
		mustContain(t, res.body, "There is a problem", "February 2026 has 28 days", "Enter a subject",
			"Maya was &lt;b&gt;quiet&lt;/b&gt; &amp; tired.", `value="31"`)
		form.Set("date-day", "23")
		form.Set("date-month", "11")
		form.Set("subject", "Home visit")
		res = b.post(path, form)
		if res.code != http.StatusSeeOther {
			t.Fatalf("fixed note: status %d\n%s", res.code, res.body)
		}
		rec := b.get(res.location)
		mustContain(t, rec.body, "Case note saved", "Home visit", "Mon 23 Nov 2026")
	})
}

func TestAFutureDatedNoteIsRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.signIn(auth.SocialWorker).post(fmt.Sprintf("/children/%d/notes", a.child.ID), url.Values{
			"date-day": {"25"}, "date-month": {"11"}, "date-year": {"2026"}, "kind": {"case_note"},
			"subject": {"Tomorrow"}, "body": {"Not yet."}})
		mustContain(t, res.body, "Date of the note must be today or in the past")
	})
}

func TestAStaleEditIsRefusedNamingWhoChangedItAndKeepsTheInput(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		amira, dan := a.signIn(auth.SocialWorker), a.signIn(auth.TeamManager)
		path := fmt.Sprintf("/children/%d/edit", a.child.ID)
		form := url.Values{"version": {"1"}, "la_child_id": {"C1001"}, "first_name": {"Maya"}, "last_name": {"Brooks"},
			"date_of_birth-day": {"14"}, "date_of_birth-month": {"3"}, "date_of_birth-year": {"2015"}, "sex": {"F"},
			"ethnicity": {"MWBC"}}
		first := url.Values{}
		for k, v := range form {
			first[k] = v
		}
		first.Set("known_as", "May")
		if res := dan.post(path, first); res.code != http.StatusSeeOther {
			t.Fatalf("first save: %d\n%s", res.code, res.body)
		}
		form.Set("known_as", "Mimi")
		res := amira.post(path, form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Team manager User changed this record", `value="Mimi"`, "The record as it is now")
		c, _ := a.st.Child(ctx, a.child.ID)
		if c.KnownAs != "May" {
			t.Errorf("stale save overwrote the record: known as %q", c.KnownAs)
		}
	})
}

func TestANoteTypedWhenTheSessionEndedIsKeptForAfterSignIn(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		formPath := fmt.Sprintf("/children/%d/notes/new", a.child.ID)
		a.clock.advance(31 * time.Minute) // idle timeout is 30 minutes
		res := b.post(fmt.Sprintf("/children/%d/notes", a.child.ID), url.Values{"_form": {formPath},
			"date-day": {"24"}, "date-month": {"11"}, "date-year": {"2026"}, "kind": {"case_note"},
			"subject": {"Visit"}, "body": {"Long careful note about the visit."}})
		if res.code != http.StatusSeeOther || !strings.Contains(res.location, "kept=1") {
			t.Fatalf("expired post: %d to %q", res.code, res.location)
		}
		signIn := b.get(res.location)
		mustContain(t, signIn.body, "what you typed has been kept")
		next, _ := url.Parse(res.location)
		res = b.post("/sign-in", url.Values{"username": {"social_worker"}, "password": {password},
			"next": {next.Query().Get("next")}})
		if res.location != formPath {
			t.Fatalf("after sign-in went to %q, want %q", res.location, formPath)
		}
		mustContain(t, b.get(formPath).body, "Your session ended while you were writing", "Long careful note about the visit.")
	})
}

func TestACrossSitePostIsRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		req, _ := http.NewRequest("POST", a.srv.URL+fmt.Sprintf("/children/%d/notes", a.child.ID), strings.NewReader("subject=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if res := b.do(req); res.code != http.StatusForbidden {
			t.Fatalf("cross-site post: %d, want 403", res.code)
		}
	})
}

func TestEveryPageCarriesSecurityHeaders(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		res := a.browser().get("/sign-in")
		for h, want := range map[string]string{"Content-Security-Policy": "frame-ancestors 'none'",
			"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"} {
			if !strings.Contains(res.header.Get(h), want) {
				t.Errorf("%s = %q, want it to contain %q", h, res.header.Get(h), want)
			}
		}
		if strings.Contains(res.header.Get("Content-Security-Policy"), "unsafe-inline") {
			t.Error("CSP allows inline script")
		}
	})
}

func TestOddAddressesGiveHelpfulPagesNotServerErrors(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		for path, want := range map[string]int{"/children/abc": 404, "/children/99999999999999999999": 404,
			"/children/0": 404, "/children/424242": 404, "/nowhere": 404, "/admin/holidays": 403,
			fmt.Sprintf("/children/%d/notes/77/error", a.child.ID): 404} {
			if res := b.get(path); res.code != want {
				t.Errorf("%s: %d, want %d", path, res.code, want)
			}
		}
	})
}

func TestHealthAndMetrics(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.browser()
		if res := b.get("/healthz"); res.code != 200 || res.body != "ok\n" {
			t.Errorf("healthz: %d %q", res.code, res.body)
		}
		b.get("/sign-in")
		mustContain(t, b.get("/metrics").body, `sightline_http_requests_total{code="200",route="GET /sign-in"}`)
	})
}

func TestALongChronologyComesInPagesNewestFirst(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		u, _ := a.st.UserByUsername(ctx, "social_worker")
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 230 {
			n := casework.Note{ChildID: a.child.ID, Date: start.AddDate(0, 0, i), Kind: "case_note",
				Subject: fmt.Sprintf("Note %03d", i), Body: "Seen."}
			if _, err := a.st.AddNote(ctx, u.Actor(), n); err != nil {
				t.Fatal(err)
			}
		}
		b := a.signIn(auth.SocialWorker)
		first := b.get(fmt.Sprintf("/children/%d", a.child.ID)).body
		if got := strings.Count(first, `class="app-chronology__item`); got != 200 {
			t.Errorf("first page has %d entries, want 200", got)
		}
		mustContain(t, first, "Note 229", `id="older"`)
		if strings.Contains(first, "Note 029") {
			t.Error("the first page shows an old note")
		}
		second := b.get(fmt.Sprintf("/children/%d?from=200", a.child.ID)).body
		mustContain(t, second, "Note 029", "Note 000", `id="newer"`)
		if strings.Contains(second, `id="older"`) {
			t.Error("the last page offers older entries")
		}
	})
}
