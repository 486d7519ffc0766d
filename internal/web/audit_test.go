package web_test

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// auditSetup puts the app's child and two more on open cases of a team,
// and returns the team and the team manager, who owns what an audit hands
// back.
func (a *app) auditSetup(t *testing.T) (casework.Team, store.User) {
	t.Helper()
	team, _ := a.linkWorker(t)
	for i, c := range []casework.Child{a.child, a.newChild(t, "C2001", "Ava"), a.newChild(t, "C2002", "Leo")} {
		if _, err := a.st.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
			StartDate: time.Date(2026, 1, 5+i, 0, 0, 0, 0, time.UTC), TeamID: &team.ID}); err != nil {
			t.Fatal(err)
		}
	}
	mgr, err := a.st.UserByUsername(ctx, string(auth.TeamManager))
	if err != nil {
		t.Fatal(err)
	}
	return team, mgr
}

func (a *app) newChild(t *testing.T, laID, first string) casework.Child {
	t.Helper()
	dob := time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC)
	c, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: laID, FirstName: first, LastName: "Test",
		DateOfBirth: &dob, Sex: "M", Ethnicity: "WBRI", Synthetic: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// auditAnswers grades every question of the template in use with grade.
func (a *app) auditAnswers(t *testing.T, grade string, v url.Values) url.Values {
	t.Helper()
	tpl, err := a.st.CurrentAuditTemplate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v.Set("template", strconv.FormatInt(tpl.ID, 10))
	for _, q := range tpl.Questions {
		v.Set(fmt.Sprintf("grade-%d", q.ID), grade)
	}
	return dateForm("audit_date", a.clock.now(), v)
}

// drawSample draws a sample of the team as b and returns its address.
func (b *browser) drawSample(t *testing.T, team casework.Team) string {
	t.Helper()
	res := b.post("/audits/samples", url.Values{"team": {strconv.FormatInt(team.ID, 10)}, "size": {"10"}})
	if res.code != http.StatusSeeOther || !strings.HasPrefix(res.location, "/audits/samples/") {
		t.Fatalf("draw a sample: %d %s\n%s", res.code, res.location, res.body)
	}
	return res.location
}

func TestAnAuditorDrawsASampleGradesACaseAndHandsItBackUntilTheOwnerResolvesIt(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, mgr := a.auditSetup(t)
		grace := a.signIn(auth.Auditor)
		home := grace.get("/audits")
		if home.code != http.StatusOK {
			t.Fatalf("GET /audits: %d\n%s", home.code, home.body)
		}
		mustContain(t, home.body, "Draw a sample", "No case is waiting for urgent action", team.Name)

		sample := grace.drawSample(t, team)
		page := grace.get(sample).body
		sampleID := strings.TrimPrefix(sample, "/audits/samples/")
		auditLink := fmt.Sprintf("/children/%d/audit?sample=%s", a.child.ID, sampleID)
		mustContain(t, page, "Audit sample of 3 cases", "Maya Brooks", "Ava Test", "Leo Test", "0 of 3 audited",
			strings.ReplaceAll(auditLink, "&", "&amp;"), "only 3 of the team")

		form := grace.get(auditLink)
		mustContain(t, form.body, "Audit this case", "Voice of the child", "Management oversight", "Hand back for urgent action")
		owner := strconv.FormatInt(mgr.ID, 10)
		bad := a.auditAnswers(t, "requires_improvement", url.Values{"sample": {sampleID}, "overall": {"requires_improvement"},
			"summary": {"Maya has not been seen alone since August."}, "action-2-text": {"Visit Maya and see her alone"},
			"handback": {"yes"}, "handback_reason": {"Visit now"}})
		res := grace.post(fmt.Sprintf("/children/%d/audit", a.child.ID), bad)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("an action without an owner: %d, want 422\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "There is a problem", `href="#action-1-owner"`, "Choose who owns action 1",
			"Choose who in the team owns the urgent action", "Maya has not been seen alone since August.",
			`value="Visit Maya and see her alone"`)

		good := bad
		good.Del("action-2-text") // the form came back with the row moved up to the first
		good.Set("action-1-owner", owner)
		good.Set("action-1-text", "Visit Maya and see her alone")
		good = dateForm("action-1-due", a.clock.now().AddDate(0, 0, 7), good)
		good.Set("handback_owner", owner)
		good = dateForm("handback_due", a.clock.now().AddDate(0, 0, 2), good)
		res = grace.post(fmt.Sprintf("/children/%d/audit", a.child.ID), good)
		if res.code != http.StatusSeeOther || res.location != sample+"?saved=audit" {
			t.Fatalf("save the audit: %d %s\n%s", res.code, res.location, res.body)
		}
		mustContain(t, grace.get(res.location).body, "Audit saved", "1 of 3 audited", "Requires improvement", "Handed back")

		sw := a.signIn(auth.SocialWorker)
		record := fmt.Sprintf("/children/%d", a.child.ID)
		mustContain(t, sw.get(record).body, "Handed back for urgent action", "Visit now", mgr.DisplayName)
		hbs, err := a.st.OpenHandBacksOf(ctx, a.child.ID)
		if err != nil || len(hbs) != 1 {
			t.Fatalf("open hand-backs: %v %v", hbs, err)
		}
		resolve := fmt.Sprintf("/audits/hand-backs/%d", hbs[0].ID)
		mustContain(t, sw.get(resolve).body, "Only "+mgr.DisplayName)
		done := dateForm("resolved_on", a.clock.now(), url.Values{"version": {"1"}, "resolution": {"Visited today and saw Maya alone."}})
		if res := sw.post(resolve, done); res.code != http.StatusForbidden {
			t.Errorf("a social worker who does not own it resolves a hand-back: %d, want 403", res.code)
		}

		dan := a.signIn(auth.TeamManager)
		res = dan.post(resolve, done)
		if res.code != http.StatusSeeOther || res.location != record+"?saved=hand-back" {
			t.Fatalf("the owner resolves the hand-back: %d %s\n%s", res.code, res.location, res.body)
		}
		after := dan.get(res.location).body
		mustContain(t, after, "Hand-back resolved")
		if strings.Contains(after, "Handed back for urgent action") {
			t.Errorf("the child's record is still flagged after the hand-back was resolved")
		}
		summary := grace.get("/audits").body
		mustContain(t, summary, "No case is waiting for urgent action", "Visit Maya and see her alone", team.Name)
		if rep, err := a.st.VerifyHistory(ctx); err != nil {
			t.Fatalf("history: %+v %v", rep, err)
		}
	})
}

func TestOnlyAuditorsAndManagersReachTheAuditPages(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		for role, want := range map[auth.Role]int{auth.Auditor: 200, auth.TeamManager: 200, auth.ServiceManager: 200,
			auth.SocialWorker: 403, auth.PerformanceAnalyst: 403, auth.Administrator: 403, auth.PartnerAgency: 403} {
			b := a.signIn(role)
			if res := b.get("/audits"); res.code != want {
				t.Errorf("%s GET /audits = %d, want %d", role, res.code, want)
			}
			if res := b.get(fmt.Sprintf("/children/%d/audit", a.child.ID)); res.code != want {
				t.Errorf("%s GET the audit form = %d, want %d", role, res.code, want)
			}
		}
	})
}

func TestADrawWithoutATeamComesBackWithTheFormAsTyped(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.Auditor)
		res := b.post("/audits/samples", url.Values{"team": {""}, "size": {"80"}, "seed": {"abc"}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("draw without a team: %d\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "There is a problem", `href="#seed"`, `value="80"`, `value="abc"`)
		mustContain(t, res.body, "Choose the team", "between 1 and 50")
		res = b.post("/audits/samples", url.Values{"team": {"999"}, "size": {"10"}})
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("draw from a team that does not exist: %d\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "Choose the team")
	})
}

func TestEveryAuditTableDownloadsAsCSV(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, mgr := a.auditSetup(t)
		b := a.signIn(auth.Auditor)
		sample := b.drawSample(t, team)
		v := a.auditAnswers(t, "good", url.Values{"sample": {strings.TrimPrefix(sample, "/audits/samples/")}, "overall": {"good"},
			"summary": {"Good work."}, "action-1-text": {"=HYPERLINK(\"http://evil\")"}, "action-1-owner": {strconv.FormatInt(mgr.ID, 10)},
			"handback": {"no"}})
		v = dateForm("action-1-due", a.clock.now(), v)
		res := b.post(fmt.Sprintf("/children/%d/audit", a.child.ID), v)
		if res.code != http.StatusSeeOther {
			t.Fatalf("save the audit: %d\n%s", res.code, res.body)
		}
		audits, _ := a.st.AuditsBetween(ctx, a.clock.now(), a.clock.now())
		if len(audits) != 1 {
			t.Fatalf("audits today: %d", len(audits))
		}
		for _, tc := range []struct {
			path, table string
			want        []string // header cells, then cells of the first row
		}{
			{"/audits", "teams", []string{"Team", "Child protection", "1"}},
			{"/audits", "themes", []string{"Theme", "Voice of the child", "2"}},
			{"/audits", "audits", []string{"Audit date", "2026-11-24", "Maya Brooks"}},
			{"/audits", "actions", []string{"Child", "Maya Brooks", `'=HYPERLINK("http://evil")`}},
			{"/audits", "handbacks", []string{"Child"}},
			{"/audits", "samples", []string{"Drawn on", "2026-11-24", "Child protection", "3", "1"}},
			{sample, "sample", []string{"Order drawn"}},
			{fmt.Sprintf("/audits/%d", audits[0].ID), "answers", []string{"Question", "1", "Voice of the child"}},
			{fmt.Sprintf("/audits/%d", audits[0].ID), "actions", []string{"Action", `'=HYPERLINK("http://evil")`, mgr.DisplayName}},
		} {
			res := b.get(tc.path + "?format=csv&table=" + tc.table)
			if res.code != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") ||
				!strings.Contains(res.header.Get("Content-Disposition"), ".csv") {
				t.Errorf("%s %s: %d %s %s", tc.path, tc.table, res.code, res.header.Get("Content-Type"), res.header.Get("Content-Disposition"))
				continue
			}
			rows, err := csv.NewReader(strings.NewReader(res.body)).ReadAll()
			if err != nil || len(rows) == 0 || rows[0][0] != tc.want[0] {
				t.Errorf("%s %s: %v %v", tc.path, tc.table, rows, err)
				continue
			}
			for _, cell := range tc.want[1:] {
				if len(rows) < 2 || !containsCell(rows[1], cell) {
					t.Errorf("%s %s: first row %v lacks %q", tc.path, tc.table, rows, cell)
				}
			}
		}
		if res := b.get("/audits?format=csv&table=nothing"); res.code != http.StatusNotFound {
			t.Errorf("an unknown table: %d, want 404", res.code)
		}
	})
}

func containsCell(row []string, cell string) bool {
	for _, c := range row {
		if c == cell {
			return true
		}
	}
	return false
}
