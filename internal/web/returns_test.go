package web_test

import (
	"net/http"
	"strings"
	"testing"

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
		mustContain(t, res.body, "holds <strong>1 child</strong>", `id="rule-8610"`,
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
