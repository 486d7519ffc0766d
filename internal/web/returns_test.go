package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// referredWithoutNeed gives the app's child a 2025 to 2026 referral that
// went on to an assessment but has no primary need: CIN rule 8610.
func referredWithoutNeed(t *testing.T, a *app) {
	t.Helper()
	ids, err := a.st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := calendar.Date(2025, 9, 1)
	b := &store.SyntheticBatch{Seq: 99, Referrals: []casework.Referral{{ID: ids.Referral, ChildID: a.child.ID, Date: d,
		Source: "2A", Decision: casework.ReferralToAssessment, DecisionDate: &d}}}
	if _, err := a.st.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
}

func TestTheReturnsPageListsFailuresByRuleWithALinkToTheChild(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		referredWithoutNeed(t, a)
		res := a.signIn(auth.PerformanceAnalyst).get("/returns")
		if res.code != http.StatusOK {
			t.Fatalf("status %d\n%s", res.code, res.body)
		}
		mustContain(t, res.body, "holds <strong>1 child</strong>", `id="cin-rules"`, `id="rule-8610"`,
			"Primary Need code is missing for a referral which led to further action.",
			`href="/children/`, ">C1001<", "PrimaryNeedCode", "Download CIN census (XML)", "Download workforce census")

		res = a.signIn(auth.Administrator).get("/returns")
		if res.code != http.StatusOK || !strings.Contains(res.body, "C1001") || strings.Contains(res.body, `href="/children/`) {
			t.Errorf("an administrator sees the failures without links to records they may not open: status %d", res.code)
		}
		for _, r := range []auth.Role{auth.SocialWorker, auth.TeamManager, auth.Auditor, auth.PartnerAgency} {
			if res := a.signIn(r).get("/returns"); res.code != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403", r, res.code)
			}
		}
	})
}

func TestTheCINCensusAndItsFailuresDownload(t *testing.T) {
	a := newApp(t, "sqlite")
	referredWithoutNeed(t, a)
	b := a.signIn(auth.ServiceManager)
	res := b.get("/returns/cin?year=2026")
	if res.code != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "cin-census-2025-2026.xml") {
		t.Fatalf("download: status %d, %v", res.code, res.header)
	}
	mustContain(t, res.body, "<Message>", "<LAchildID>C1001</LAchildID>", "<CINreferralDate>2025-09-01</CINreferralDate>")
	res = b.get("/returns/cin/failures.csv?year=2026")
	mustContain(t, res.body, "Rule,Kind,LAchildID,Record,Element,Message", "8610,error,C1001,/children/")
	if res := b.get("/returns?year=2019"); res.code != http.StatusBadRequest {
		t.Errorf("a year sightline does not write: status %d, want 400", res.code)
	}
}

// TestTheAnnexAListsDownloadAsAtADay: the workbook as at a day holds the
// referral of the six months before it; a date that is not one comes back
// on the page with the text as typed; only returns roles may download.
func TestTheAnnexAListsDownloadAsAtADay(t *testing.T) {
	a := newApp(t, "sqlite")
	referredWithoutNeed(t, a)
	b := a.signIn(auth.PerformanceAnalyst)
	mustContain(t, b.get("/returns").body, `id="annexa-form"`, `name="as_at"`, "Download Annex A lists (Excel)")
	res := b.get("/returns/annexa?as_at=2025-12-01")
	if res.code != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "annex-a-2025-12-01.xlsx") {
		t.Fatalf("download: status %d, %v", res.code, res.header)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("List 3")
	if err != nil || len(rows) != 2 || rows[1][0] != "C1001" || rows[1][5] != "01/09/2025" {
		t.Errorf("List 3 as at 1 December 2025 should hold C1001's referral of 1 September: %q %v", rows, err)
	}
	res = b.get("/returns/annexa?as_at=1+June")
	if res.code != http.StatusBadRequest {
		t.Errorf("a date that is not one: status %d, want 400", res.code)
	}
	mustContain(t, res.body, "Enter the inspection date as a date", `value="1 June"`, `href="#as_at"`)
	for _, r := range []auth.Role{auth.SocialWorker, auth.TeamManager} {
		if res := a.signIn(r).get("/returns/annexa?as_at=2025-12-01"); res.code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", r, res.code)
		}
	}
}
