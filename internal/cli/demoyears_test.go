package cli

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/synth"
)

// TestDemoAuthorityKeepsTheScenarioYears generates the demo's authority
// (size la, run on to the demo's date) in memory and reads its workforce
// register as the workforce page does, at the scenario's own dates: the
// agency rate of the inspection in June 2015; agency spend of about £7.7m
// in 2016/17, less in the 12 months to 30 September 2017; and LA-employed
// staff up by about 17% in the year to then.
func TestDemoAuthorityKeepsTheScenarioYears(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	la, err := synth.LookupSize("la")
	if err != nil {
		t.Fatal(err)
	}
	o, err := demoGenerateOptions("unused.db", la)
	if err != nil {
		t.Fatal(err)
	}
	a, err := synth.Generate(synth.Config{Scenario: o.scenario, Size: o.size, Seed: o.seed, AsAt: o.asAt, Start: o.start})
	if err != nil {
		t.Fatal(err)
	}
	staff := a.Staff()
	reg := casework.Register{Posts: staff.Posts, Staff: staff.Workers}
	cal := calendar.Default()
	d := func(y int, m time.Month, day int) time.Time { return calendar.Date(y, m, day) }
	spend := func(to time.Time) float64 {
		return float64(reg.FiguresAt(to, cal).AgencySpendPence) / 100 / 1e6
	}
	inspected := reg.StockOn(d(2015, time.June, 30)).AgencyRate().Percent() / 100
	fy1617, yearToSept := spend(d(2017, time.March, 31)), spend(d(2017, time.September, 30))
	rise := float64(reg.StockOn(d(2017, time.September, 30)).Headcount)/float64(reg.StockOn(d(2016, time.September, 30)).Headcount) - 1
	t.Logf("agency rate 30 June 2015 %.3f; spend 2016/17 £%.2fm, year to 30 Sept 2017 £%.2fm; LA-employed staff %+.3f",
		inspected, fy1617, yearToSept, rise)
	if inspected < 0.33 || inspected > 0.47 {
		t.Errorf("agency rate on 30 June 2015 = %.3f, want 0.40 ± 0.07", inspected)
	}
	if fy1617 < 7.7*0.85 || fy1617 > 7.7*1.15 {
		t.Errorf("agency spend 2016/17 = £%.2fm, want £7.7m ± 15%%", fy1617)
	}
	if yearToSept > 0.9*fy1617 {
		t.Errorf("agency spend in the year to 30 September 2017 = £%.2fm, want falling from 2016/17's £%.2fm", yearToSept, fy1617)
	}
	if rise < 0.11 || rise > 0.23 {
		t.Errorf("LA-employed staff rose %.3f in the year to 30 September 2017, want 0.17 ± 0.06", rise)
	}
}
