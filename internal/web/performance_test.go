package web_test

import (
	"net/http"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/metrics"
	"sightline/internal/store"
)

// perfSeed adds two children referred on 2 June 2025 whose cases wait for
// a worker, the second restricted, in an area of 1,000 children.
func perfSeed(t *testing.T, a *app) (open, restricted int64) {
	t.Helper()
	n, err := a.st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	day := calendar.Date(2025, 6, 2)
	b := &store.SyntheticBatch{Seq: 1, Teams: []casework.Team{{ID: n.Team, Name: "Assessment", Kind: "assessment"}}}
	for i := range int64(2) {
		id := n.Child + i
		dob := calendar.Date(2018, 1, 1)
		b.Children = append(b.Children, casework.Child{ID: id, LAChildID: "P" + string(rune('A'+i)), FirstName: "Perf",
			LastName: []string{"Open", "Secret"}[i], DateOfBirth: &dob, Sex: "M", Ethnicity: "WBRI", Synthetic: true, Restricted: i == 1})
		inv := n.Involvement + i
		b.Involvements = append(b.Involvements, casework.Involvement{ID: inv, ChildID: id, StartDate: day, TeamID: &n.Team})
		b.Referrals = append(b.Referrals, casework.Referral{ID: n.Referral + i, ChildID: id, InvolvementID: &inv, Date: day,
			Source: "1A", PrimaryNeed: "N1", Decision: "assessment", DecisionDate: &day})
	}
	// the open case's child is also looked after since 2 June 2025
	b.CareEpisodes = []casework.CareEpisode{{ID: 1, ChildID: n.Child, StartDate: day, Reason: "S", CategoryOfNeed: "N1", IRO: "Ida Ross"}}
	b.LegalStatuses = []casework.LegalStatus{{ID: 1, ChildID: n.Child, EpisodeID: 1, StartDate: day, Code: "C1"}}
	b.Placements = []casework.Placement{{ID: 1, ChildID: n.Child, EpisodeID: 1, StartDate: day, Type: "U3", Provider: "PR1",
		Postcode: "AB1 2CD", DistanceMiles: 4, InArea: true}}
	if _, err := a.st.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
	if err := a.st.PutSetting(ctx, store.System, metrics.KeyChildPopulation, "1000", 0); err != nil {
		t.Fatal(err)
	}
	return n.Child, n.Child + 1
}

func TestThePerformancePageRatesEachFigureAndListsTheChildrenBehindIt(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		open, secret := perfSeed(t, a)
		manager := a.signIn(auth.ServiceManager)
		res := manager.get("/performance?as_at=2025-06-30")
		if res.code != http.StatusOK {
			t.Fatalf("GET /performance: %d\n%s", res.code, res.body)
		}
		// 2 referrals in the year to 30 June 2025 among 1,000 children: 20 per 10,000.
		mustContain(t, res.body, `id="value-referrals_per_10k"`, `>20<`, `id="england-referrals_per_10k">518.3 (year to 31 March 2024)<`,
			`href="/performance/unallocated_cases?as_at=2025-06-30">2<`, "Off target",
			// 1 child looked after among 1,000: 10 per 10,000
			`href="/performance/cla_per_10k?as_at=2025-06-30">10<`, `id="england-cla_per_10k">67 (31 March 2025)<`,
			"Open Government Licence v3.0")
		if strings.Contains(res.body, "Not available") {
			t.Error("an indicator is still shown as not available")
		}
		care := manager.get("/performance/cla_per_10k?as_at=2025-06-30")
		mustContain(t, care.body, `href="/children/`+itoa(open)+`">Perf Open<`)
		list := manager.get("/performance/unallocated_cases?as_at=2025-06-30")
		if list.code != http.StatusOK {
			t.Fatalf("GET the children behind unallocated_cases: %d\n%s", list.code, list.body)
		}
		mustContain(t, list.body, `href="/children/`+itoa(open)+`">Perf Open<`, "Restricted record: only named staff can see it")
		if strings.Contains(list.body, "Secret") || strings.Contains(list.body, `href="/children/`+itoa(secret)+`"`) {
			t.Error("the restricted child is named or linked in the list")
		}
		csv := manager.get("/performance/indicators.csv?as_at=2025-06-30")
		mustContain(t, csv.body, "id,indicator,value,numerator,denominator", `referrals_per_10k,"Referrals per 10,000 children",20,2,1000`)
		future := manager.get("/performance?as_at=2099-01-01")
		mustContain(t, future.body, "govuk-error-summary", "the date is in the future")
		if res := a.signIn(auth.SocialWorker).get("/performance"); res.code != http.StatusForbidden {
			t.Errorf("a social worker opened the performance page: %d", res.code)
		}
	})
}
