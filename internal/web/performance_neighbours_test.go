package web_test

import (
	"net/http"
	"strings"
	"testing"

	"sightline/internal/auth"
)

// Beside England, each figure a neighbour publishes shows the statistical
// neighbours' average and range: children looked after per 10,000 at 31
// March 2024 averaged 117.9 across the ten, from 74 to 153. A figure only
// sightline counts (decisions within a working day) has none.
func TestPerformanceFiguresShowTheStatisticalNeighbours(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		manager := a.signIn(auth.ServiceManager)
		page := manager.get("/performance?as_at=2025-06-30")
		if page.code != http.StatusOK {
			t.Fatalf("GET /performance: %d\n%s", page.code, page.body)
		}
		mustContain(t, page.body, `id="neighbours-cla_per_10k">117.9`, "range 74 to 153; 31 March 2024",
			// five of the ten suppress plans of two years or more
			`id="neighbours-cp_plans_2y_pct">`, "5 of 10 publish it",
			"Newcastle upon Tyne", "modelled on Sunderland")
		if strings.Contains(page.body, `id="neighbours-referral_decision_1wd_pct"`) {
			t.Error("a figure no neighbour publishes shows a neighbours' average")
		}
		csv := manager.get("/performance/indicators.csv?as_at=2025-06-30")
		mustContain(t, csv.body, "england,england_year,neighbours_average,neighbours_min,neighbours_max,neighbours_published,neighbours_year,as_at",
			`67,31 March 2025,117.9,74,153,10 of 10,31 March 2024,2025-06-30`)
		list := manager.get("/performance/cla_per_10k?as_at=2025-06-30")
		mustContain(t, list.body, `id="neighbours">117.9`)
		trend := manager.get("/performance/cla_per_10k/trend?from=2025-06-02&to=2025-08-31&step=month")
		mustContain(t, trend.body, `id="neighbours">Statistical neighbours: 117.9`, "Neighbours 117.9")
	})
}
