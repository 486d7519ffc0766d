package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// referred adds a child referred to team on day on (a contact decided the
// same day), and returns the child.
func (a *app) referred(t *testing.T, laID, first, last string, team casework.Team, on time.Time) casework.Child {
	t.Helper()
	dob := calendar.Date(2016, 5, 1)
	c, err := a.st.CreateChild(ctx, store.System, casework.Child{LAChildID: laID, FirstName: first, LastName: last,
		DateOfBirth: &dob, Sex: "M", Ethnicity: "WBRI", Synthetic: true})
	if err != nil {
		t.Fatal(err)
	}
	ct, err := a.st.RecordContact(ctx, store.System, casework.Contact{ChildID: c.ID, ReceivedAt: on.Add(9 * time.Hour),
		Source: "2A", Concerns: "School worried"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.DecideContact(ctx, store.System, ct.ID, ct.Version, casework.ContactToReferral, on, "", "N1", &team.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

// inEnquiry decides the child's referral goes to a strategy discussion
// and starts a section 47 enquiry from it, all on day on.
func (a *app) inEnquiry(t *testing.T, c casework.Child, on time.Time) {
	t.Helper()
	cf, err := a.st.CaseFile(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	ref := cf.OpenReferral()
	if err := a.st.DecideReferral(ctx, store.System, ref.ID, ref.Version, casework.ReferralToStrategy, on, "", ""); err != nil {
		t.Fatal(err)
	}
	sd, err := a.st.RecordStrategy(ctx, store.System, casework.StrategyDiscussion{ChildID: c.ID, Date: on, InitiatedS47: true,
		Attendees: "Police, health"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.StartS47(ctx, store.System, casework.S47Enquiry{ChildID: c.ID, StrategyID: &sd.ID, StartDate: on}); err != nil {
		t.Fatal(err)
	}
}

// allocationWorld is a team with a worker (the social worker user), a
// newly qualified worker, and three children waiting: Zak referred on 2
// November, Yas on 9 November, and Xen in a section 47 enquiry since 16
// November (today is Tuesday 24 November 2026).
type allocationWorld struct {
	team             casework.Team
	worker, nq       casework.Worker
	zak, yas, xen    casework.Child
	mon2, mon9, mo16 time.Time
}

func (a *app) allocationWorld(t *testing.T) allocationWorld {
	team, worker := a.linkWorker(t)
	nq, err := a.st.CreateWorker(ctx, store.System, casework.Worker{Name: "Nia Newly", JobRole: "Social worker", TeamID: &team.ID,
		FTE: 1, NewlyQualified: true, EmploymentType: casework.Permanent, StartDate: calendar.Date(2026, 9, 1)})
	if err != nil {
		t.Fatal(err)
	}
	w := allocationWorld{team: team, worker: worker, nq: nq, mon2: calendar.Date(2026, 11, 2),
		mon9: calendar.Date(2026, 11, 9), mo16: calendar.Date(2026, 11, 16)}
	w.zak = a.referred(t, "Z1", "Zak", "Adams", team, w.mon2)
	w.yas = a.referred(t, "Y1", "Yas", "Bell", team, w.mon9)
	w.xen = a.referred(t, "X1", "Xen", "Cole", team, w.mo16)
	a.inEnquiry(t, w.xen, w.mo16)
	return w
}

func TestAManagerAllocatesFromTheQueueAndCaseloadsMove(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		mgr := a.signIn(auth.TeamManager)
		page := mgr.get("/allocation").body
		mustContain(t, page, "Child protection · as at", `id="queue-count">3<`, `id="service-unallocated">3<`,
			"Xen Cole", "Zak Adams", "Yas Bell", "Initial child protection conference", "Allocate")
		if x, z, y := strings.Index(page, "Xen Cole"), strings.Index(page, "Zak Adams"), strings.Index(page, "Yas Bell"); !(x < z && z < y) {
			t.Errorf("queue order: Xen %d, Zak %d, Yas %d; want child protection first, then the longest wait", x, z, y)
		}
		mustContain(t, page, ">22<", "since 2 November 2026")
		before := mgr.get("/caseloads").body
		mustContain(t, before, "Nia Newly", "Newly qualified", "14.4", `id="over-capacity">0<`)

		for i, c := range []casework.Child{w.xen, w.zak, w.yas} {
			link := fmt.Sprintf("/children/%d/allocate?return=%s", c.ID, url.QueryEscape("/allocation"))
			if !strings.Contains(mgr.get("/allocation").body, strings.ReplaceAll(link, "&", "&amp;")) {
				t.Fatalf("the queue has no link %s", link)
			}
			form := mgr.get(link)
			mustContain(t, form.body, `action="`+strings.ReplaceAll(link, "&", "&amp;")+`"`)
			worker := w.worker
			if i == 2 {
				worker = w.nq
			}
			res := mgr.post(link, withHidden(form.body, dateForm("date", a.clock.now(), url.Values{"worker_id": {fmt.Sprint(worker.ID)},
				"reason_code": {"MANAGE"}, "reason": {"Allocation meeting"}})))
			want := fmt.Sprintf("/allocation?child=%d&saved=allocate", c.ID)
			if res.code != http.StatusSeeOther || res.location != want {
				t.Fatalf("allocate %s: %d to %q, want 303 to %q\n%s", c.FirstName, res.code, res.location, want, res.body)
			}
			back := mgr.get(res.location).body
			mustContain(t, back, c.FullName()+" is now allocated to "+worker.Name, fmt.Sprintf(`id="queue-count">%d<`, 2-i))
		}
		after := mgr.get("/caseloads").body
		// Social worker User: Xen in an enquiry (1.5) and Zak (1); Nia: Yas (1).
		mustContain(t, after, `data-col="cases">2<`, `data-col="weighted">2.5<`, `data-col="weighted">1.0<`)
		mustContain(t, mgr.get("/allocation").body, `id="queue-empty"`, `id="service-unallocated">0<`, "On target")
	})
}

func TestTheAllocationPagesAsAtAPastDate(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		if err := a.allocateNow(w.zak, w.worker); err != nil {
			t.Fatal(err)
		}
		mgr := a.signIn(auth.TeamManager)
		asAt := func(path string, d time.Time) string {
			return fmt.Sprintf("%s?asat-day=%d&asat-month=%d&asat-year=%d", path, d.Day(), d.Month(), d.Year())
		}
		past := mgr.get(asAt("/allocation", calendar.Date(2026, 11, 10))).body
		mustContain(t, past, "as at 10 November 2026", "Zak Adams", "Yas Bell", `id="queue-count">2<`)
		if strings.Contains(past, "Xen Cole") || strings.Contains(past, ">Allocate<") {
			t.Error("the queue on 10 November shows Xen (referred on the 16th) or Allocate links for a past date")
		}
		mustContain(t, mgr.get(asAt("/caseloads", calendar.Date(2026, 11, 10))).body, `data-col="cases">0<`)
		mustContain(t, mgr.get(asAt("/allocation", calendar.Date(2026, 11, 1))).body, `id="queue-empty"`)
		future := mgr.get(asAt("/allocation", calendar.Date(2026, 11, 25))).body
		mustContain(t, future, "The date to show must be today or in the past", "as at 24 November 2026")
		mustContain(t, mgr.get("/allocation?asat-day=31&asat-month=2&asat-year=2026").body, "must be a real date")
	})
}

// allocateNow gives the child's case to a worker from today.
func (a *app) allocateNow(c casework.Child, w casework.Worker) error {
	invs, err := a.st.Involvements(ctx, c.ID)
	if err != nil {
		return err
	}
	return a.st.Allocate(ctx, store.System, invs[0].ID, invs[0].Version, w.ID, a.clock.now(), "MANAGE", "Allocation meeting")
}

func TestEveryAllocationTableDownloadsAsCSV(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		if err := a.allocateNow(w.zak, w.worker); err != nil {
			t.Fatal(err)
		}
		if err := a.st.PutSetting(ctx, store.System, casework.KeyDriftWorkingDays, "10", 0); err != nil {
			t.Fatal(err)
		}
		mgr := a.signIn(auth.TeamManager)
		for _, tc := range []struct{ path, header, row string }{
			{"/allocation?format=csv&table=queue", "As at,Child ID,Child,Team,Priority", "2026-11-24,X1,Xen Cole,Child protection,Child protection,2026-11-16,2026-11-16,8,Initial child protection conference"},
			{"/caseloads?format=csv&table=caseloads", "As at,Worker,Job role,Team,FTE", "2026-11-24,Social worker User,,Child protection,1,no,yes,1,1.0,18.0,0.0,0"},
			{"/drift?format=csv&table=cases", "As at,Child ID,Child,Team,Held by", "2026-11-24,Z1,Zak Adams,Child protection,Social worker User,2026-11-02,,,16"},
			{"/drift?format=csv&table=assessments", "As at,Child ID,Child,Team,Held by,Referral", ""},
			{"/drift?format=csv&table=open-assessments", "As at,Worker,Team,Open assessments", ""},
		} {
			res := mgr.get(tc.path)
			if res.code != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") {
				t.Errorf("%s: %d %s", tc.path, res.code, res.header.Get("Content-Type"))
				continue
			}
			mustContain(t, res.body, tc.header, tc.row)
		}
		if res := mgr.get("/drift?format=csv&table=nothing"); res.code != http.StatusNotFound {
			t.Errorf("an unknown table: %d, want 404", res.code)
		}
	})
}

func TestTheDriftPageShowsStalledCasesWithWhoHoldsThem(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		if err := a.allocateNow(w.zak, w.worker); err != nil {
			t.Fatal(err)
		}
		page := a.signIn(auth.TeamManager).get("/drift").body
		// Zak: referred 2 November, nothing since: 16 working days; with the
		// local standard of 20, nothing drifts yet.
		mustContain(t, page, "No recorded progress for more than 20 working days", `id="drift-empty"`, `id="late-empty"`)
		if err := a.st.PutSetting(ctx, store.System, casework.KeyDriftWorkingDays, "10", 0); err != nil {
			t.Fatal(err)
		}
		page = a.signIn(auth.ServiceManager).get("/drift").body
		mustContain(t, page, "All teams", "more than 10 working days", "Zak Adams", "Social worker User", "None since the case opened",
			"Yas Bell", "Not allocated")
	})
}

func TestWhoMaySeeTheAllocationPages(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		other, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Assessment", Kind: "assessment"})
		if err != nil {
			t.Fatal(err)
		}
		a.referred(t, "O1", "Oli", "Dunn", other, w.mon9)
		sw := a.signIn(auth.SocialWorker)
		for _, p := range []string{"/allocation", "/caseloads", "/drift"} {
			if res := sw.get(p); res.code != http.StatusForbidden {
				t.Errorf("a social worker opening %s: %d, want 403", p, res.code)
			}
		}
		mgr := a.signIn(auth.TeamManager)
		if res := mgr.get(fmt.Sprintf("/allocation?team=%d", other.ID)); res.code != http.StatusForbidden {
			t.Errorf("a team manager opening another team's queue: %d, want 403", res.code)
		}
		if strings.Contains(mgr.get("/allocation").body, "Oli Dunn") {
			t.Error("a team manager sees another team's child in the queue")
		}
		sm := a.signIn(auth.ServiceManager).get("/allocation").body
		mustContain(t, sm, "All teams", "Oli Dunn", "Xen Cole", `id="queue-count">4<`)
		auditor := a.signIn(auth.Auditor).get(fmt.Sprintf("/allocation?team=%d", other.ID)).body
		mustContain(t, auditor, "Oli Dunn", `id="queue-count">1<`)
		if strings.Contains(auditor, ">Allocate<") {
			t.Error("an auditor, who may not allocate, is offered Allocate links")
		}
	})
}

func TestTheAllocateFormReturnsOnlyToTheAllocationPages(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		w := a.allocationWorld(t)
		mgr := a.signIn(auth.TeamManager)
		page := mgr.get(fmt.Sprintf("/children/%d/allocate", w.zak.ID)).body
		form := withHidden(page, dateForm("date", a.clock.now(), url.Values{"worker_id": {fmt.Sprint(w.worker.ID)}, "reason_code": {"MANAGE"}, "reason": {"Meeting"}}))
		res := mgr.post(fmt.Sprintf("/children/%d/allocate?return=%s", w.zak.ID, url.QueryEscape("https://evil.example/allocation")), form)
		if want := fmt.Sprintf("/children/%d?saved=allocate", w.zak.ID); res.code != http.StatusSeeOther || res.location != want {
			t.Errorf("a return to another site: %d to %q, want 303 to %q", res.code, res.location, want)
		}
		res = mgr.post(fmt.Sprintf("/children/%d/allocate?return=%s", w.yas.ID, url.QueryEscape("/allocation?team=1&asat-day=1&x=<b>")), url.Values{})
		mustContain(t, res.body, "Choose why the case changes hands", `?return=%2Fallocation%3Fasat-day%3D1%26team%3D1"`)
	})
}
