package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
)

// oakHouseForm is the provider form for a children's home.
func oakHouseForm(name string) url.Values {
	return dateForm("registered", time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), url.Values{"urn": {"sc123456"},
		"name": {name}, "type": {"CH"}, "place_codes": {"K2"}, "provider_codes": {"PR4"}, "postcode": {"dh1 1aa"},
		"la_code": {"840"}})
}

// TestTheProviderRegisterIsKeptByAnalystsAndReadByManagers: an analyst
// adds and edits a provider (bad input comes back with what was typed, a
// stale edit is refused); a team manager reads the register but cannot
// change it; a social worker cannot see it.
func TestTheProviderRegisterIsKeptByAnalystsAndReadByManagers(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		an := a.signIn(auth.PerformanceAnalyst)
		bad := oakHouseForm("Oak House")
		bad.Set("la_code", "Durham")
		res := an.post("/providers/new", withHidden(an.get("/providers/new").body, bad))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a bad provider: %d", res.code)
		}
		mustContain(t, res.body, "three-digit DfE number", `value="Durham"`, `value="sc123456"`)
		res = an.post("/providers/new", withHidden(an.get("/providers/new").body, oakHouseForm("Oak House")))
		if res.code != http.StatusSeeOther || res.location != "/providers?saved=provider" {
			t.Fatalf("add: %d %s\n%s", res.code, res.location, res.body)
		}
		list := an.get(res.location).body
		mustContain(t, list, "Provider saved", "SC123456", "Oak House", "DH1 1AA", "/providers/1/edit")

		page := an.get("/providers/1/edit").body
		mustContain(t, page, `value="Oak House"`, `name="version" value="1"`)
		if res = an.post("/providers/1/edit", withHidden(page, oakHouseForm("Oak House Children's Home"))); res.code != http.StatusSeeOther {
			t.Fatalf("edit: %d\n%s", res.code, res.body)
		}
		res = an.post("/providers/1/edit", withHidden(page, oakHouseForm("Stale name"))) // saved from version 1
		if res.code != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Performance analyst User changed this record") {
			t.Errorf("a stale edit: %d\n%s", res.code, res.body)
		}

		tm := a.signIn(auth.TeamManager)
		if list = tm.get("/providers").body; !strings.Contains(list, "Oak House Children&#39;s Home") || strings.Contains(list, "/edit") {
			t.Errorf("a team manager's register:\n%s", list)
		}
		if code := tm.get("/providers/new").code; code != http.StatusForbidden {
			t.Errorf("a team manager's add form: %d", code)
		}
		if code := a.signIn(auth.SocialWorker).get("/providers").code; code != http.StatusForbidden {
			t.Errorf("a social worker's register: %d", code)
		}
	})
}

// TestAPlacementURNIsChosenFromTheRegister: the move form suggests the
// register's providers as the URN is typed; a URN the setting does not fit
// is refused with the form kept; a URN typed in small letters or with a
// space is the register's; the child's record shows the URN saved.
func TestAPlacementURNIsChosenFromTheRegister(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		an := a.signIn(auth.PerformanceAnalyst)
		an.post("/providers/new", withHidden(an.get("/providers/new").body, oakHouseForm("Oak House")))
		a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, id, "care/start", placementForm(mon, "U6", "PR1", "ne1 4ab", "3.2", "yes",
			url.Values{"legal_status": {"V2"}, "category_of_need": {"N1"}}))
		path := fmt.Sprintf("/children/%d/care/move", id)
		page := b.get(path).body
		mustContain(t, page, `list="urn-list"`, `<option value="SC123456">SC123456: Oak House (Children&#39;s home, DH1 1AA; takes K2 as PR4)</option>`,
			"XXXXXXX: a setting not registered")
		move := placementForm(time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC), "S1", "PR4", "DH1 1AA", "22", "no",
			url.Values{"change_reason": {"CARPL"}, "urn": {"SC123456"}})
		res := b.post(path, withHidden(page, move))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a residential school placement at a children's home: %d", res.code)
		}
		mustContain(t, res.body, "does not take placements of this type", `value="SC123456" autocomplete="off"`)
		move.Set("placement_type", "K2")
		move.Set("urn", " sc 123456") // typed as it came to mind: the register's URN all the same
		if res = b.post(path, withHidden(page, move)); res.code != http.StatusSeeOther {
			t.Fatalf("move to Oak House: %d\n%s", res.code, res.body)
		}
		mustContain(t, b.get(fmt.Sprintf("/children/%d", id)).body, "Ofsted URN SC123456")
	})
}

// TestTheRegisterIsSearchedByURNNameOrPostcode: a search finds providers
// by part of a URN, name or postcode in any case and spacing; settings
// whose registration ended are shown only when asked for.
func TestTheRegisterIsSearchedByURNNameOrPostcode(t *testing.T) {
	a := newApp(t, "sqlite")
	an := a.signIn(auth.PerformanceAnalyst)
	an.post("/providers/new", withHidden(an.get("/providers/new").body, oakHouseForm("Oak House")))
	elm := oakHouseForm("Elm Lodge")
	elm.Set("urn", "SC654321")
	elm.Set("postcode", "NE1 4AB")
	elm = dateForm("closed", time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), elm)
	if res := an.post("/providers/new", withHidden(an.get("/providers/new").body, elm)); res.code != http.StatusSeeOther {
		t.Fatalf("add Elm Lodge: %d\n%s", res.code, res.body)
	}
	rows := func(query string) string {
		body := an.get("/providers?" + query).body
		var got []string
		for _, urn := range []string{"SC123456", "SC654321"} {
			if strings.Contains(body, `data-urn="`+urn+`"`) {
				got = append(got, urn)
			}
		}
		return strings.Join(got, " ")
	}
	for query, want := range map[string]string{
		"":                   "SC123456",
		"closed=1":           "SC123456 SC654321",
		"q=oak+house":        "SC123456",
		"q=OAKHOUSE":         "SC123456",
		"q=dh11aa":           "SC123456",
		"q=sc+123":           "SC123456",
		"q=ne1+4ab":          "",
		"q=ne1+4ab&closed=1": "SC654321",
		"q=Lodge&closed=1":   "SC654321",
		"q=nowhere&closed=1": "",
	} {
		if got := rows(query); got != want {
			t.Errorf("/providers?%s lists %q, want %q", query, got, want)
		}
	}
	mustContain(t, an.get("/providers?q=nowhere").body, "No provider of the register's 2 matches.")
}
