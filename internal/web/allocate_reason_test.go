package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/store"
)

// TestTheAllocateFormAsksWhyAsACode: the form offers the ten SW_REASON
// codes by their meaning; without a choice, or with Other and no note, it
// comes back with the error summary and the note typed; saved over
// someone else's allocation it is refused with the note kept; a choice
// saved is the allocation's code.
func TestTheAllocateFormAsksWhyAsACode(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		mgr := a.signIn(auth.TeamManager)
		path := fmt.Sprintf("/children/%d/allocate", w.zak.ID)
		page := mgr.get(path).body
		mustContain(t, page, "Why the case changes hands", `id="reason_code-LEFTRL"`, "The previous social worker left the role",
			`id="reason_code-PCCHAN"`, "A parent or carer asked for a change of social worker", `id="reason_code-OTHERS"`)
		form := func(code, note string) url.Values {
			v := url.Values{"worker_id": {fmt.Sprint(w.worker.ID)}, "reason": {note}}
			if code != "" {
				v.Set("reason_code", code)
			}
			return withHidden(page, dateForm("date", a.clock.now(), v))
		}
		for _, c := range []struct{ code, field, msg string }{
			{"", "reason_code", "Choose why the case changes hands"},
			{"OTHERS", "reason", "Enter a note saying why the case changes hands"},
		} {
			note := "Talked through at the Monday meeting"
			if c.code == "OTHERS" {
				note = ""
			}
			res := mgr.post(path, form(c.code, note))
			if res.code != http.StatusUnprocessableEntity {
				t.Fatalf("code %q: %d, want 422", c.code, res.code)
			}
			mustContain(t, res.body, "There is a problem", `href="#`+c.field+`"`, c.msg, note)
		}
		invs, err := a.st.Involvements(ctx, w.zak.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.st.Allocate(ctx, store.Actor{Name: "Pat Duty"}, invs[0].ID, invs[0].Version, w.nq.ID, a.clock.now(), "MANAGE", ""); err != nil {
			t.Fatal(err)
		}
		res := mgr.post(path, form("ABSENC", "Covering Nia's leave"))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("saved over Pat Duty's allocation: %d, want 422", res.code)
		}
		mustContain(t, res.body, "Pat Duty changed this record", "Covering Nia&#39;s leave", `value="ABSENC" checked`)
		again := dateForm("date", a.clock.now(), url.Values{"worker_id": {fmt.Sprint(w.worker.ID)}, "reason_code": {"ABSENC"},
			"reason": {"Covering Nia's leave"}})
		if res := mgr.post(path, withHidden(res.body, again)); res.code != http.StatusSeeOther {
			t.Fatalf("saved again from the refused page: %d\n%s", res.code, res.body)
		}
		chron, err := a.st.Chronology(ctx, w.zak.ID, []string{"allocation"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{w.team.Name + ": Covering Nia's leave": false, w.team.Name + ": Managing caseloads": false}
		for _, e := range chron {
			if _, ok := want[e.Detail]; ok {
				want[e.Detail] = true
			}
		}
		for detail, seen := range want {
			if !seen {
				t.Errorf("the chronology lacks %q (a note, or the code's meaning without one)", detail)
			}
		}
	})
}
