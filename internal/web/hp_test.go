package web_test

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// step posts a case action and expects to land back on the child's record.
func (b *browser) step(t *testing.T, childID int64, path string, form url.Values) {
	t.Helper()
	full := fmt.Sprintf("/children/%d/%s", childID, path)
	page := b.get(full)
	if page.code != http.StatusOK {
		t.Fatalf("GET %s: %d\n%s", full, page.code, page.body)
	}
	res := b.post(full, withHidden(page.body, form))
	if res.code != http.StatusSeeOther {
		t.Fatalf("POST %s: %d\n%s", full, res.code, res.body)
	}
}

// submit opens the form at path and posts it with the values given, as a
// browser would: with the record and version the page carried.
func (b *browser) submit(path string, form url.Values) response {
	return b.post(path, withHidden(b.get(path).body, form))
}

// hiddenInput finds the hidden fields a form page carries.
var hiddenInput = regexp.MustCompile(`<input type="hidden" name="(record_id|version)" value="([^"]*)">`)

// withHidden adds to form the record and version the page carried, as a
// browser posts them, unless the test set them itself.
func withHidden(page string, form url.Values) url.Values {
	form = maps.Clone(form)
	if form == nil {
		form = url.Values{}
	}
	for _, m := range hiddenInput.FindAllStringSubmatch(page, -1) {
		if form.Get(m[1]) == "" {
			form.Set(m[1], m[2])
		}
	}
	return form
}

func dateForm(name string, d time.Time, extra url.Values) url.Values {
	if extra == nil {
		extra = url.Values{}
	}
	extra.Set(name+"-day", fmt.Sprint(d.Day()))
	extra.Set(name+"-month", fmt.Sprint(int(d.Month())))
	extra.Set(name+"-year", fmt.Sprint(d.Year()))
	return extra
}

// linkWorker gives the social worker user a worker record in a team and
// allocates the app's child to them.
func (a *app) linkWorker(t *testing.T) (casework.Team, casework.Worker) {
	team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection", Kind: "child_protection"})
	if err != nil {
		t.Fatal(err)
	}
	w, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Social worker User", TeamID: &team.ID, FTE: 1,
		EmploymentType: casework.Permanent, StartDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []auth.Role{auth.SocialWorker, auth.TeamManager} {
		if _, err := a.st.DB().Exec(a.rebind(`UPDATE users SET worker_id = ?, team_id = ? WHERE username = ?`), w.ID, team.ID, string(role)); err != nil {
			t.Fatal(err)
		}
	}
	return team, w
}

// rebind turns ? into $n for PostgreSQL in the few raw statements tests use.
func (a *app) rebind(q string) string {
	if a.st.Backend() != "postgres" {
		return q
	}
	for i := 1; strings.Contains(q, "?"); i++ {
		q = strings.Replace(q, "?", fmt.Sprintf("$%d", i), 1)
	}
	return q
}

func TestAChildGoesFromContactToAPlanToClosureWithTheDuesShownAtEachStep(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		today := a.clock.now()
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC) // Monday 2 November 2026

		b.step(t, id, "contacts/new", dateForm("date", mon, url.Values{"source": {"2A"},
			"concerns": {"Bruise on her arm; she said she was hungry."}, "out_of_hours": {"no"}}))
		fd := b.get("/front-door")
		mustContain(t, fd.body, "Maya Brooks", "Bruise on her arm", "Decide")
		cf, _ := a.st.CaseFile(ctx, id)
		b.step(t, id, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID),
			dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N1"}}))

		rec := b.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "Referral awaiting decision", "Referral decision", "Tue 3 Nov 2026", "Overdue")

		b.step(t, id, "referral/decide", dateForm("decision_date", mon, url.Values{"decision": {"strategy"}, "primary_need": {"N1"}}))
		tue := mon.AddDate(0, 0, 1)
		b.step(t, id, "strategy/new", dateForm("date", tue, url.Values{"initiated_s47": {"yes"}, "attendees": {"police, health"}}))
		b.step(t, id, "s47/start", dateForm("start_date", tue, nil))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		// 15 working days from Tue 3 Nov 2026: Tue 24 Nov 2026.
		mustContain(t, rec, "Section 47 enquiry", "Initial child protection conference", "Tue 24 Nov 2026")

		icpc := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) // Friday
		b.step(t, id, "conference/initial", dateForm("date", icpc, url.Values{"decision": {"plan"}, "category": {"NEG"}}))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		// Core group within 10 working days of the ICPC (Fri 4 Dec); first
		// review 3 months on (Sat 20 Feb 2027); a visit every 10 working days.
		mustContain(t, rec, "Child protection plan (Neglect)", "Fri 4 Dec 2026", "Sat 20 Feb 2027", "local standard")

		b.step(t, id, "visits/new", dateForm("date", today, url.Values{"kind": {"cp"}, "seen": {"yes"}, "seen_alone": {"yes"}, "place": {"home"}}))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "Visit: seen alone at home")

		a.clock.advance(24 * time.Hour) // a day later: sign in again
		b = a.signIn(auth.SocialWorker)
		b.step(t, id, "core-group/new", dateForm("date", a.clock.now(), nil))
		a.clock.advance(24 * time.Hour)
		b = a.signIn(auth.SocialWorker)
		mgr := a.signIn(auth.TeamManager)
		mgr.step(t, id, "conference/review", dateForm("date", a.clock.now(), url.Values{"decision": {"end"}, "category": {"NEG"}}))
		b.step(t, id, "close", dateForm("date", a.clock.now(), url.Values{"reason": {"RC7"}, "note": {"Plan ended; family supported by early help."}}))
		rec = b.get(fmt.Sprintf("/children/%d", id)).body
		mustContain(t, rec, "Closed", "Nothing is due", "Case closed")
		if rep, err := a.st.VerifyHistory(ctx); err != nil {
			t.Fatalf("history after the journey: %+v %v", rep, err)
		}
	})
}

func TestStepsOutOfOrderAreRefusedWithAReason(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		res := b.get(fmt.Sprintf("/children/%d/conference/initial", id))
		mustContain(t, res.body, "An initial conference follows a section 47 enquiry")
		res = b.post(fmt.Sprintf("/children/%d/conference/initial", id), dateForm("date", a.clock.now(), url.Values{"decision": {"plan"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Errorf("a conference without an s47: %d, want 422", res.code)
		}
		tomorrow := a.clock.now().AddDate(0, 0, 1)
		res = b.post(fmt.Sprintf("/children/%d/visits/new", id), dateForm("date", tomorrow, url.Values{"kind": {"cp"},
			"seen": {"no"}, "seen_alone": {"yes"}, "place": {"home"}, "notes": {"Kept text"}}))
		mustContain(t, res.body, "Date of the visit must be today or in the past", "A child seen alone must also be recorded as seen", "Kept text")
	})
}

func TestMyWorkAndTheTeamViewShowWhatIsOverdueFirst(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, _ := a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, a.child.ID, "contacts/new", dateForm("date", mon, url.Values{"source": {"6"}, "concerns": {"Police call-out"}, "out_of_hours": {"yes"}}))
		cf, _ := a.st.CaseFile(ctx, a.child.ID)
		b.step(t, a.child.ID, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID),
			dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N1"}}))
		inv, _ := a.st.Involvements(ctx, a.child.ID)
		w, _ := a.st.Workers(ctx, team.ID)
		if err := a.st.Allocate(ctx, store.System, inv[0].ID, inv[0].Version, w[0].ID, mon, "MANAGE", "Allocation meeting"); err != nil {
			t.Fatal(err)
		}
		mine := b.get("/my-work").body
		mustContain(t, mine, `id="count-overdue">1<`, "Referral decision", "Maya Brooks")
		if strings.Index(mine, "Overdue") > strings.Index(mine, "Due this week") {
			t.Error("overdue work is not listed first")
		}
		teamPage := a.signIn(auth.TeamManager).get("/team").body
		mustContain(t, teamPage, "Child protection", `id="team-overdue">1<`, "Social worker User", "Referral decision")
		if res := a.signIn(auth.TeamManager).get("/team?team=999"); res.code != http.StatusForbidden {
			t.Errorf("a team manager opening another team: %d, want 403", res.code)
		}
	})
}

func TestAManagerSignsOffACompletedAssessment(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		id := a.child.ID
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, id, "contacts/new", dateForm("date", mon, url.Values{"source": {"3A"}, "concerns": {"GP worried"}, "out_of_hours": {"no"}}))
		cf, _ := a.st.CaseFile(ctx, id)
		b.step(t, id, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID), dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N3"}}))
		b.step(t, id, "referral/decide", dateForm("decision_date", mon, url.Values{"decision": {"assessment"}, "primary_need": {"N3"}}))
		b.step(t, id, "assessment/start", dateForm("start_date", mon, nil))
		b.step(t, id, "assessment/complete", dateForm("completed_date", a.clock.now(), url.Values{"factors": {"4B", "16A"}, "outcome": {"cin_plan"}}))
		if res := b.get(fmt.Sprintf("/children/%d/assessment/authorise", id)); res.code != http.StatusForbidden {
			t.Errorf("a social worker signing off: %d, want 403", res.code)
		}
		mgr := a.signIn(auth.TeamManager)
		mustContain(t, mgr.get("/authorisations").body, "Maya Brooks", "Sign off")
		mgr.step(t, id, "assessment/authorise", dateForm("date", a.clock.now(), nil))
		mustContain(t, mgr.get("/authorisations").body, "Nothing is waiting for your sign-off")
	})
}

func TestAnAdministratorChangesTheLocalCPVisitStandard(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		page := admin.get("/admin/settings").body
		mustContain(t, page, "timescale.cp_visit_working_days")
		res := admin.post("/admin/settings", url.Values{"timescale.cp_visit_working_days": {"0"}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a zero visit standard: %d, want 422", res.code)
		}
		form := url.Values{}
		for _, line := range strings.Split(page, "\n") {
			if i := strings.Index(line, `name="timescale.`); i >= 0 {
				name := line[i+6:]
				name = name[:strings.Index(name, `"`)]
				v := line[strings.Index(line, `value="`)+7:]
				form.Set(name, v[:strings.Index(v, `"`)])
			}
		}
		form.Set("timescale.cp_visit_working_days", "5")
		if res := admin.post("/admin/settings", form); res.code != http.StatusSeeOther {
			t.Fatalf("save settings: %d\n%s", res.code, res.body)
		}
		mustContain(t, admin.get("/admin/settings").body, `value="5"`, "Last changed by Administrator User")
	})
}

func TestAManagerAllocatesAnUnallocatedChildWithAReason(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		_, worker := a.linkWorker(t)
		b := a.signIn(auth.SocialWorker)
		mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		b.step(t, a.child.ID, "contacts/new", dateForm("date", mon, url.Values{"source": {"2A"}, "concerns": {"Hungry"}, "out_of_hours": {"no"}}))
		cf, _ := a.st.CaseFile(ctx, a.child.ID)
		b.step(t, a.child.ID, fmt.Sprintf("contacts/%d/decide", cf.Contacts[0].ID),
			dateForm("decision_date", mon, url.Values{"decision": {"referral"}, "primary_need": {"N1"}}))
		mustContain(t, b.get("/my-work").body, "No children are allocated to you")
		if res := b.get(fmt.Sprintf("/children/%d/allocate", a.child.ID)); res.code != http.StatusForbidden {
			t.Errorf("a social worker allocating: %d, want 403", res.code)
		}
		mgr := a.signIn(auth.TeamManager)
		mustContain(t, mgr.get(fmt.Sprintf("/children/%d", a.child.ID)).body, "Allocate to a worker")
		res := mgr.post(fmt.Sprintf("/children/%d/allocate", a.child.ID), dateForm("date", mon, url.Values{"worker_id": {fmt.Sprint(worker.ID)}}))
		mustContain(t, res.body, "Choose why the case changes hands")
		mgr.step(t, a.child.ID, "allocate", dateForm("date", mon, url.Values{"worker_id": {fmt.Sprint(worker.ID)}, "reason_code": {"MANAGE"}, "reason": {"Allocation meeting"}}))
		mustContain(t, mgr.get(fmt.Sprintf("/children/%d?saved=allocate", a.child.ID)).body, "Allocated", "Allocated to Social worker User")
		mustContain(t, b.get("/my-work").body, "Maya Brooks", "Referral decision")
	})
}
