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
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// withDirectory gives the app a postcode directory and the authority's
// ONS code, and the child a home from 2020 at AB1 1AA: AB1 2CD is 5 km
// (3.1 miles) away in the same authority, NE1 4AB in another.
func withDirectory(t *testing.T, a *app) {
	t.Helper()
	at := func(area string, e, n int) postcode.Place {
		return postcode.Place{Area: area, Easting: e, Northing: n, Grid: true}
	}
	dir := []postcode.Entry{{Postcode: "AB11AA", Place: at("E06000047", 400000, 500000)},
		{Postcode: "AB12CD", Place: at("E06000047", 403000, 504000)},
		{Postcode: "NE14AB", Place: at("E08000021", 424900, 564100)}}
	if _, err := a.st.ReplacePostcodes(ctx, store.System, dir, "test"); err != nil {
		t.Fatal(err)
	}
	if err := a.st.PutSetting(ctx, store.System, "la_area", "E06000047", 0); err != nil {
		t.Fatal(err)
	}
	home := casework.Address{ChildID: a.child.ID, Line1: "1 Larch Road", Town: "Durham", Postcode: "AB1 1AA",
		StartDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := a.st.AddAddress(ctx, store.System, home); err != nil {
		t.Fatal(err)
	}
}

// With the directory loaded, a worker may leave the distance and in-area
// questions blank and they are worked out as the DfE will work them out;
// an answer given is kept; one that cannot be worked out is asked for,
// saying why, with the form as typed.
func TestAPlacementsDistanceAndAreaAreWorkedOutFromThePostcodes(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		withDirectory(t, a)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		mustContain(t, b.get(fmt.Sprintf("/children/%d/care/start", id)).body, "Leave it blank to have it worked out")

		start := url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}}
		res := b.post(fmt.Sprintf("/children/%d/care/start", id), placementForm(mon, "U6", "PR1", "ZZ9 9ZZ", "", "", start))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a placement postcode the directory lacks, distance blank: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "does not hold the placement&#39;s postcode", `value="ZZ9 9ZZ"`)
		res = b.post(fmt.Sprintf("/children/%d/care/start", id), placementForm(mon, "U6", "PR1", "", "", "", start))
		mustContain(t, res.body, "no postcode of the placement is entered")

		b.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ab1 2cd", "", "", start))
		mustContain(t, b.get(fmt.Sprintf("/children/%d", id)).body, "AB1 2CD, 3.1 miles from home, in the area")

		wed := time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)
		b.step(t, id, "care/move", placementForm(wed, "K2", "PR4", "NE1 4AB", "40", "", url.Values{"change_reason": {"CREQB"}}))
		mustContain(t, b.get(fmt.Sprintf("/children/%d", id)).body, "NE1 4AB, 40.0 miles from home, out of the area")
	})
}

// Without a directory the questions are asked as they always were.
func TestWithoutADirectoryTheDistanceMustBeGiven(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		page := b.get(fmt.Sprintf("/children/%d/care/start", id)).body
		if strings.Contains(page, "Leave it blank") {
			t.Error("the form offers to work the distance out with no directory")
		}
		res := b.post(fmt.Sprintf("/children/%d/care/start", id), placementForm(time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
			"U6", "PR1", "AB1 2CD", "", "", url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("no distance and no directory: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Enter the distance from home in miles, like 4.5", "Select whether the placement is inside the authority")
	})
}
