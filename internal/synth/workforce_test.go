package synth_test

import (
	"context"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store/storetest"
)

// workforceHeadline is what the workforce page shows of a scenario: the
// figures as at its date (Register.FiguresAt), agency spend over the
// financial years either side, and LA-employed staff a year apart.
type workforceHeadline struct {
	now                    casework.Figures
	staff                  int     // LA-employed and agency staff in post
	agency                 float64 // DfE agency rate (FTE)
	spend1516, spend1617   float64 // agency spend, £m, April to March
	spendYearToAsAt        float64 // agency spend, £m, the 12 months to the as-at date
	permanentNow, yearAgo  int     // LA-employed headcount at the as-at date and a year before
	permanentRise          float64 // permanentNow / yearAgo - 1
	leavers                int
	starters, uncosted     int
	withPay, workersInPost int // LA-employed staff in post with a salary, of all LA-employed in post
}

// readWorkforce works the figures out from a register as the page does.
func readWorkforce(reg casework.Register, asAt time.Time, cal *calendar.Calendar) workforceHeadline {
	f := reg.FiguresAt(asAt, cal)
	h := workforceHeadline{now: f, staff: f.Headcount + f.AgencyHeadcount, agency: f.AgencyRate().Percent() / 100,
		permanentNow: f.Headcount, leavers: f.Leavers, starters: f.Starters, uncosted: f.UncostedAgency}
	h.yearAgo = reg.StockOn(calendar.AddMonths(asAt, -12)).Headcount
	h.permanentRise = float64(h.permanentNow)/float64(max(1, h.yearAgo)) - 1
	spend := func(from, to time.Time) float64 {
		return float64(reg.FlowsBetween(from, to, cal).AgencySpendPence) / 100 / 1e6
	}
	h.spend1516 = spend(calendar.Date(2015, time.April, 1), calendar.Date(2016, time.March, 31))
	h.spend1617 = spend(calendar.Date(2016, time.April, 1), calendar.Date(2017, time.March, 31))
	h.spendYearToAsAt = float64(f.AgencySpendPence) / 100 / 1e6
	for _, s := range reg.Staff {
		if !s.IsAgency() && s.ActiveOn(asAt) {
			h.workersInPost++
			if s.SalaryPence > 0 {
				h.withPay++
			}
		}
	}
	return h
}

// workforceWants are a scenario's workforce figures at its date, counts
// and money scaled from 55,000 children to the size's.
func workforceWants(scenario string, h workforceHeadline, scale float64) []expect {
	n := func(x float64) float64 { return x * scale }
	common := []expect{
		{"LA-employed staff in post with a salary", float64(h.withPay), float64(h.workersInPost), 0},
		{"vacant FTE beyond the agency cover, more than none", min(h.now.VacancyFTE-h.now.AgencyCoverFTE, 1), 1, 0},
		{"agency workers with no permanent pay to compare", float64(h.uncosted), 0, 0},
	}
	switch scenario {
	case "inadequate-2015":
		return append(common,
			expect{"staff in post (LA-employed and agency)", float64(h.staff), n(481), n(481) * 0.02},
			expect{"agency rate (FTE)", h.agency, 0.40, 0.04},
			expect{"turnover (FTE leavers ÷ FTE in post)", h.now.Turnover.Percent() / 100, 0.10, 0.03})
	case "improving-2017":
		return append(common,
			expect{"agency spend 2016/17, £m", h.spend1617, n(7.7), n(7.7) * 0.1},
			expect{"agency spend falling: the year to the as-at date ÷ 2016/17, at most",
				max(h.spendYearToAsAt/h.spend1617, 0.9), 0.9, 0},
			expect{"agency spend falling: 2016/17 ÷ 2015/16, at most", max(h.spend1617/h.spend1516, 0.95), 0.95, 0},
			expect{"permanent staff rise over the year", h.permanentRise, 0.17, 0.05})
	}
	return common
}

// TestWorkforceHeadlinesSmall writes each scenario at size small and reads
// its workforce figures back through the store's register, as the
// workforce page does. A small authority has about 60 staff, so its
// tolerances are wider than la's.
func TestWorkforceHeadlinesSmall(t *testing.T) {
	for _, sc := range []string{"inadequate-2015", "improving-2017"} {
		t.Run(sc, func(t *testing.T) {
			st := storetest.Open(t, "sqlite")
			a := write(t, st, sc, "small", 1)
			ctx := context.Background()
			reg, err := st.WorkforceRegister(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			cal, err := st.Calendar(ctx)
			if err != nil {
				t.Fatal(err)
			}
			h := readWorkforce(reg, a.AsAt, cal)
			for _, e := range workforceWants(sc, h, 7000.0/55000) {
				e.tol *= 3
				e.check(t)
			}
			t.Logf("%s: staff %d, agency %.3f, turnover %.3f, spend 15/16 %.2f 16/17 %.2f to date %.2f, LA-employed %d a year ago %d (%+.3f), leavers %d, starters %d",
				sc, h.staff, h.agency, h.now.Turnover.Percent()/100, h.spend1516, h.spend1617, h.spendYearToAsAt,
				h.permanentNow, h.yearAgo, h.permanentRise, h.leavers, h.starters)
		})
	}
}

// TestWorkforceHeadlinesLA reads the same figures from a large authority's
// register in memory, unscaled.
func TestWorkforceHeadlinesLA(t *testing.T) {
	if testing.Short() {
		t.Skip("generates two large authorities")
	}
	for _, sc := range []string{"inadequate-2015", "improving-2017"} {
		t.Run(sc, func(t *testing.T) {
			a := generate(t, sc, "la", 1)
			staff := a.Staff()
			reg := casework.Register{Posts: staff.Posts, Staff: staff.Workers}
			h := readWorkforce(reg, a.AsAt, calendar.Default())
			for _, e := range workforceWants(sc, h, 1) {
				e.check(t)
			}
			t.Logf("%s: staff %d, agency %.3f, turnover %.3f, spend 15/16 %.2f 16/17 %.2f to date %.2f, LA-employed %d a year ago %d (%+.3f), leavers %d, starters %d",
				sc, h.staff, h.agency, h.now.Turnover.Percent()/100, h.spend1516, h.spend1617, h.spendYearToAsAt,
				h.permanentNow, h.yearAgo, h.permanentRise, h.leavers, h.starters)
		})
	}
}

// TestRegisterKeepsTheRules checks every generated post and staff record
// against the register's own rules (what the workforce forms enforce):
// a census role, pay that is not negative, an agency and day rate for
// agency workers, a reason for every LA-employed leaver; and that each
// worker holds a post of their own team.
func TestRegisterKeepsTheRules(t *testing.T) {
	a := generate(t, "improving-2017", "small", 3)
	staff := a.Staff()
	teamOf := map[int64]int64{}
	for _, p := range staff.Posts {
		if err := p.Validate(); err != nil {
			t.Errorf("post %d %q: %v", p.ID, p.Title, err)
		}
		teamOf[p.ID] = p.TeamID
	}
	kinds := map[string]int{}
	for _, w := range staff.Workers {
		if err := w.Validate(); err != nil {
			t.Errorf("worker %d %s (%s): %v", w.ID, w.Name, w.EmploymentType, err)
		}
		if w.PostID == nil || w.TeamID == nil || teamOf[*w.PostID] != *w.TeamID {
			t.Errorf("worker %d holds post %v of another team than %v", w.ID, w.PostID, w.TeamID)
		}
		kinds[w.EmploymentType]++
	}
	for _, k := range []string{casework.Permanent, casework.Agency, casework.FixedTerm} {
		if kinds[k] == 0 {
			t.Errorf("no %s workers among %v", k, kinds)
		}
	}
}
