package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// wfSeed gives the app a team with a funded post, a permanent worker in it
// and an agency worker beside them, as at 30 September 2025.
func wfSeed(t *testing.T, a *app) (casework.Team, casework.StaffRecord) {
	t.Helper()
	team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Child protection", Kind: "child_protection"})
	if err != nil {
		t.Fatal(err)
	}
	post, err := a.st.CreatePost(ctx, store.System, casework.Post{TeamID: team.ID, Title: "Social worker (CP1)", OrgRole: "5",
		FTE: 1, FundedFrom: calendar.Date(2024, 1, 1), SalaryPence: 4_000_000, OnCostPct: 25})
	if err != nil {
		t.Fatal(err)
	}
	perm, err := a.st.CreateStaff(ctx, store.System, casework.StaffRecord{Worker: casework.Worker{Name: "Asha Patel",
		FTE: 1, EmploymentType: casework.Permanent, StartDate: calendar.Date(2024, 1, 8)}, PostID: &post.ID, OrgRole: "5",
		SWENo: "SW100001", SalaryPence: 3_800_000, OnCostPct: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.CreateStaff(ctx, store.System, casework.StaffRecord{Worker: casework.Worker{Name: "Ben Cole",
		TeamID: &team.ID, FTE: 1, EmploymentType: casework.Agency, StartDate: calendar.Date(2025, 4, 1)}, OrgRole: "5",
		SWENo: "SW100002", AgencyName: "Northern Locums", DayRatePence: 40_000}); err != nil {
		t.Fatal(err)
	}
	return team, perm
}

func TestTheWorkforcePageShowsFiguresBesideEnglandAndTheRegion(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		wfSeed(t, a)
		res := a.signIn(auth.ServiceManager).get("/workforce?as_at=2025-09-30")
		if res.code != http.StatusOK {
			t.Fatalf("GET /workforce: %d\n%s", res.code, res.body)
		}
		// In post: Asha 1.0 FTE; agency: Ben 1.0 → agency rate 1 / (1 + 1) = 50%.
		// Agency spend: Ben 126 working days (1 Apr–30 Sep 2025) × £400 = £50,400.
		mustContain(t, res.body, `id="value-headcount">1<`, `id="value-agency-rate">50.0%<`,
			`id="value-vacancy-rate">0.0%<`, `id="value-agency-spend">£50,400<`,
			`id="england-agency-rate">13.0% (2025)<`, `id="region-agency-rate">10.4% (2024)<`,
			`id="england-stability">Not published<`, "Open Government Licence v3.0",
			"Asha Patel", "Social worker (CP1)", `id="add-worker"`, `id="census-download"`)
	})
}

func TestEveryWorkforceTableDownloadsAsCSV(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		wfSeed(t, a)
		b := a.signIn(auth.ServiceManager)
		for table, rows := range map[string]int{"figures": 9, "months": 12, "posts": 1, "people": 2, "leavers": 0, "absences": 0} {
			res := b.get("/workforce/csv/" + table + ".csv?as_at=2025-09-30")
			if res.code != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") ||
				res.header.Get("Content-Disposition") != `attachment; filename="workforce-`+table+`-2025-09-30.csv"` {
				t.Fatalf("%s: %d %v\n%s", table, res.code, res.header, res.body)
			}
			recs, err := csv.NewReader(strings.NewReader(res.body)).ReadAll()
			if err != nil || len(recs) != rows+1 {
				t.Errorf("%s.csv: %d records (%v), want a header and %d rows", table, len(recs), err, rows)
			}
		}
		months := b.get("/workforce/csv/months.csv?as_at=2025-09-30").body
		// September 2025: Ben 22 working days × £400 = £8,800.00; at permanent
		// pay (no post: Asha's £38,000 + 30% = £49,400) × 30 days / 365 =
		// £4,060.27. Written as plain numbers.
		mustContain(t, months, "\n2025-09,1,1,1,50.0,0,0.0,0,0,0,0.0,0,8800.00,4060.27\n")
		if res := b.get("/workforce/csv/secrets.csv"); res.code != http.StatusNotFound {
			t.Errorf("an unknown table: %d, want 404", res.code)
		}
	})
}

func TestTeamManagersSeeOnlyTheirTeamAndOnlyServiceManagersChangeTheRegister(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, _ := wfSeed(t, a)
		other, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Assessment", Kind: "assessment"})
		if err != nil {
			t.Fatal(err)
		}
		tm := a.signIn(auth.TeamManager)
		if res := tm.get("/workforce"); res.code != http.StatusForbidden {
			t.Errorf("a team manager with no team: %d, want 403", res.code)
		}
		if _, err := a.st.DB().Exec(a.rebind(`UPDATE users SET team_id = ? WHERE username = ?`), team.ID, string(auth.TeamManager)); err != nil {
			t.Fatal(err)
		}
		res := tm.get("/workforce?as_at=2025-09-30")
		mustContain(t, res.body, `id="scope">Child protection<`, "Asha Patel")
		if strings.Contains(res.body, `id="add-worker"`) || strings.Contains(res.body, `id="census-download"`) {
			t.Error("a team manager is offered changes or the census")
		}
		if res := tm.get("/workforce?team=" + wfItoa(other.ID)); res.code != http.StatusForbidden {
			t.Errorf("a team manager asking for another team: %d, want 403", res.code)
		}
		for _, role := range []auth.Role{auth.TeamManager, auth.Auditor} {
			if res := a.signIn(role).get("/workforce/workers/new"); res.code != http.StatusForbidden {
				t.Errorf("%s opening the add-worker form: %d, want 403", role, res.code)
			}
		}
		if res := a.signIn(auth.Auditor).get("/workforce?team=" + wfItoa(other.ID)); res.code != http.StatusOK {
			t.Errorf("an auditor choosing a team: %d, want 200", res.code)
		}
		if res := a.signIn(auth.SocialWorker).get("/workforce"); res.code != http.StatusForbidden {
			t.Errorf("a social worker: %d, want 403", res.code)
		}
	})
}

func wfItoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestAWorkerWithMistakesComesBackWithTheInputKept(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, _ := wfSeed(t, a)
		b := a.signIn(auth.ServiceManager)
		if res := b.get("/workforce/workers/new"); res.code != http.StatusOK {
			t.Fatalf("GET add worker: %d\n%s", res.code, res.body)
		}
		form := dateForm("start_date", calendar.Date(2026, 1, 5), url.Values{"name": {"Cara Jones"}, "team_id": {wfItoa(team.ID)},
			"org_role": {"5"}, "employment_type": {casework.Agency}, "fte": {"-1"}, "swe_no": {"S1"}, "day_rate": {"£450"}})
		res := b.post("/workforce/workers/new", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("bad worker: %d, want 422\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "There is a problem", `href="#fte"`, `href="#swe_no"`, `href="#agency_name"`,
			`value="Cara Jones"`, `value="S1"`, `value="£450"`, `value="-1"`)
		form.Set("fte", "0.8")
		form.Set("swe_no", "sw 123456")
		form.Set("agency_name", "Northern Locums")
		res = b.post("/workforce/workers/new", form)
		if res.code != http.StatusSeeOther || res.location != "/workforce?saved=worker" {
			t.Fatalf("good worker: %d to %q\n%s", res.code, res.location, res.body)
		}
		page := b.get("/workforce?saved=worker&as_at=2026-01-05")
		mustContain(t, page.body, "Worker added to the register", "Cara Jones", "SW123456", "Northern Locums", "£450")
	})
}

func TestAPostALeaverAndAnAbsenceAreRecordedThroughTheirForms(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		team, asha := wfSeed(t, a)
		b := a.signIn(auth.ServiceManager)
		post := dateForm("funded_from", calendar.Date(2026, 4, 1), url.Values{"team_id": {wfItoa(team.ID)},
			"title": {"Senior practitioner (CP)"}, "org_role": {"4"}, "fte": {"1"}, "salary": {"42,000"}, "oncost": {"28%"}})
		if res := b.post("/workforce/posts/new", post); res.code != http.StatusSeeOther {
			t.Fatalf("add post: %d\n%s", res.code, res.body)
		}
		leaver := "/workforce/workers/" + wfItoa(asha.ID) + "/leaver"
		if res := b.get(leaver); res.code != http.StatusOK || !strings.Contains(res.body, "Asha Patel") {
			t.Fatalf("GET leaver: %d\n%s", res.code, res.body)
		}
		early := dateForm("end_date", calendar.Date(2023, 12, 31), url.Values{"leaving_reason": {"1"}, "version": {"1"}})
		res := b.post(leaver, early)
		if res.code != http.StatusUnprocessableEntity || !strings.Contains(res.body, "on or after the start date") {
			t.Errorf("leaving before starting: %d\n%s", res.code, res.body)
		}
		absence := dateForm("start_date", calendar.Date(2025, 3, 3), url.Values{"reason": {"SIC"}})
		absence = dateForm("end_date", calendar.Date(2025, 3, 7), absence)
		if res := b.post("/workforce/workers/"+wfItoa(asha.ID)+"/absence", absence); res.code != http.StatusSeeOther {
			t.Fatalf("record absence: %d\n%s", res.code, res.body)
		}
		good := dateForm("end_date", calendar.Date(2025, 6, 30), url.Values{"leaving_reason": {"1"}, "leaver_destination": {"1"}, "version": {"1"}})
		if res := b.post(leaver, good); res.code != http.StatusSeeOther || res.location != "/workforce?saved=leaver" {
			t.Fatalf("record leaver: %d %q\n%s", res.code, res.location, res.body)
		}
		if res := b.post(leaver, good); res.code != http.StatusUnprocessableEntity || !strings.Contains(res.body, "changed this record") {
			t.Errorf("a stale leaver form: %d, want 422 naming the change\n%s", res.code, res.body)
		}
		page := b.get("/workforce?as_at=2025-09-30").body
		// Asha left on 30 Jun 2025: 1.0 FTE leavers ÷ 0 FTE in post leaves
		// turnover undefined; her 5 days' sickness shows in the absences.
		mustContain(t, page, `id="leavers"`, "Resignation", `id="absences"`, "Sick leave", `id="value-turnover">–<`)
	})
}

func TestTheCensusDownloadsAsAZipForThoseWhoMakeReturns(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		wfSeed(t, a)
		for _, role := range []auth.Role{auth.PerformanceAnalyst, auth.ServiceManager} {
			res := a.signIn(role).get("/workforce/census?year=2025")
			if res.code != http.StatusOK || res.header.Get("Content-Disposition") != `attachment; filename="csww-2025-09-30.zip"` {
				t.Fatalf("%s: %d %v", role, res.code, res.header)
			}
			z, err := zip.NewReader(bytes.NewReader([]byte(res.body)), int64(len(res.body)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range z.File {
				names = append(names, f.Name)
			}
			if strings.Join(names, ",") != "CSWWWorker.csv,LALevel.csv,Problems.csv,README.txt" {
				t.Errorf("zip holds %v", names)
			}
		}
		if res := a.signIn(auth.TeamManager).get("/workforce/census?year=2025"); res.code != http.StatusForbidden {
			t.Errorf("a team manager: %d, want 403", res.code)
		}
		if res := a.signIn(auth.PerformanceAnalyst).get("/workforce/census?year=soon"); res.code != http.StatusBadRequest {
			t.Errorf("a bad year: %d, want 400", res.code)
		}
	})
}
