package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// adopters is the adoption order form's who-adopted answers.
func adopters(fosterCarers, number, sexes, status string) url.Values {
	return url.Values{"foster_carers": {fosterCarers}, "adopters_number": {number}, "adopters_sex": {sexes},
		"adopters_status": {status}}
}

// TestTheAdoptionOrderRecordsWhoAdopted: the adoption order's form asks
// who adopted, comes back with an error summary and the answers given
// when they do not go together, refuses a save from a stale version, and
// the record then says who adopted.
func TestTheAdoptionOrderRecordsWhoAdopted(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		path := fmt.Sprintf("/children/%d/permanence/adoption-order", id)
		b.step(t, id, "permanence/plan", dateForm("decided_on", day(2025, 3, 1), dateForm("care_started", day(2025, 1, 10),
			url.Values{"plan": {"adoption"}})))
		b.step(t, id, "permanence/should-be-placed", dateForm("should_be_placed", day(2025, 4, 1), nil))
		b.step(t, id, "permanence/match", dateForm("matched", day(2025, 9, 15), nil))
		b.step(t, id, "permanence/placed", dateForm("placed", day(2025, 10, 1), nil))
		mustContain(t, b.get(path).body, "One adopter is one woman (F1) or one man (M1), and a single adopter (L0)",
			"A man and a woman: L11, L2 or L3. Two women or two men: L12, L2 or L4.")

		res := b.submit(path, dateForm("adoption_order", day(2026, 3, 2), adopters("0", "1", "MF", "L11")))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("one adopter as a married couple: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", "One adopter is one woman (F1) or one man (M1)",
			"One adopter&#39;s legal status is single adopter (L0)", `id="adopters_sex-MF" name="adopters_sex" type="radio" value="MF" checked`,
			`id="adopters_status-L11" name="adopters_status" type="radio" value="L11" checked`, `name="adoption_order-year" type="text" inputmode="numeric" value="2026"`)
		res = b.submit(path, dateForm("adoption_order", day(2026, 3, 2), nil))
		mustContain(t, res.body, "Select whether the child was adopted by their former foster carer or carers",
			"Select the legal status of the adopter or adopters")

		stale := dateForm("adoption_order", day(2026, 3, 2), adopters("1", "2", "FF", "L12"))
		stale.Set("version", "1")
		res = b.submit(path, stale)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a save from a stale version: %d, want 422", res.code)
		}
		mustContain(t, res.body, "while you were working on it", `value="FF" checked`)

		b.step(t, id, "permanence/adoption-order", dateForm("adoption_order", day(2026, 3, 2), adopters("1", "2", "FF", "L12")))
		mustContain(t, b.get(fmt.Sprintf("/children/%d", id)).body,
			`Adopted by: <span id="adopters">Two women (FF), married (L12); the child&#39;s former foster carers</span>`)
		if res := a.signIn(auth.PerformanceAnalyst).get(path); res.code != http.StatusForbidden {
			t.Errorf("an analyst on the adoption order form: %d, want 403", res.code)
		}
	})
}

// TestAYoungWomansMotherhoodIsRecorded: the motherhood form from the
// child's record keeps what was typed with an error summary, refuses a
// stale version and a boy, and the record shows what was saved.
func TestAYoungWomansMotherhoodIsRecorded(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		dob := calendar.Date(2009, 6, 1)
		jade, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: "C2002", FirstName: "Jade",
			LastName: "Reid", DateOfBirth: &dob, Sex: "F", Ethnicity: "WBRI"})
		if err != nil {
			t.Fatal(err)
		}
		b := a.signIn(auth.SocialWorker)
		record := fmt.Sprintf("/children/%d", jade.ID)
		mustContain(t, b.get(record).body, `id="motherhood">Not recorded`, `href="`+record+`/motherhood"`)

		res := b.submit(record+"/motherhood", url.Values{"mother": {"1"}, "first_child_born-day": {"31"},
			"first_child_born-month": {"2"}, "first_child_born-year": {"2026"}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("an impossible date: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", `value="1" checked`, `name="first_child_born-day" type="text" inputmode="numeric" value="31"`)
		res = b.submit(record+"/motherhood", url.Values{"mother": {"1"}})
		mustContain(t, res.body, "Enter the date of birth of her first child")

		stale := dateForm("first_child_born", day(2026, 2, 3), url.Values{"mother": {"1"}, "version": {"0"}})
		res = b.submit(record+"/motherhood", stale)
		mustContain(t, res.body, "while you were working on it", `name="first_child_born-month" type="text" inputmode="numeric" value="2"`)

		b.step(t, jade.ID, "motherhood", dateForm("first_child_born", day(2026, 2, 3), url.Values{"mother": {"1"}}))
		page := b.get(record + "?saved=motherhood").body
		mustContain(t, page, "Motherhood recorded", `id="motherhood">Yes: her first child was born on 3 February 2026`)
		got, err := a.st.Child(ctx, jade.ID)
		if err != nil || got.Motherhood.Mother != "1" || got.Version != jade.Version+1 {
			t.Errorf("saved %+v at version %d (%v)", got.Motherhood, got.Version, err)
		}

		boy := a.signIn(auth.SocialWorker)
		dobBoy := calendar.Date(2009, 6, 1)
		sam, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: "C2003", FirstName: "Sam",
			LastName: "Reid", DateOfBirth: &dobBoy, Sex: "M", Ethnicity: "WBRI"})
		if err != nil {
			t.Fatal(err)
		}
		samRecord := fmt.Sprintf("/children/%d", sam.ID)
		if strings.Contains(boy.get(samRecord).body, `id="motherhood"`) {
			t.Error("a boy's record shows motherhood")
		}
		mustContain(t, boy.get(samRecord+"/motherhood").body, "Motherhood is recorded for girls and young women")
		if res := a.signIn(auth.PerformanceAnalyst).post(record+"/motherhood", url.Values{"mother": {"0"}}); res.code != http.StatusForbidden {
			t.Errorf("an analyst saving motherhood: %d, want 403", res.code)
		}
	})
}
