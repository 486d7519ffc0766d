package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// wfCell is one value as shown ("£52,325", "13.0%") and as downloaded
// (plain numbers a spreadsheet can sum: "52325.00", "13.0").
type wfCell struct{ Text, Raw string }

func wfTxt(s string) wfCell { return wfCell{s, s} }

// wfNum groups thousands and keeps up to dp decimals ("2,158.1", "0.6").
func wfNum(x float64, dp int) wfCell {
	raw := strconv.FormatFloat(wfRound(x, dp), 'f', -1, 64)
	return wfCell{wfGroup(raw), raw}
}

// wfFixed keeps exactly dp decimals, as DfE publishes ("36,186.3").
func wfFixed(x float64, dp int) wfCell {
	raw := strconv.FormatFloat(x, 'f', dp, 64)
	return wfCell{wfGroup(raw), raw}
}

func wfCount(n int) wfCell { return wfNum(float64(n), 0) }

func wfRound(x float64, dp int) float64 {
	p := math.Pow(10, float64(dp))
	return math.Round(x*p) / p
}

// wfGroup puts commas between thousands of a plain decimal number.
func wfGroup(s string) string {
	sign, whole, frac := "", s, ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return sign + whole + frac
}

// wfPct is a rate to one decimal place, or a dash when nothing divides it.
func wfPct(r casework.Ratio) wfCell {
	if !r.Defined() {
		return wfCell{"–", ""}
	}
	return wfCell{fmt.Sprintf("%.1f%%", r.Percent()), fmt.Sprintf("%.1f", r.Percent())}
}

// wfMoney shows whole pounds and downloads pounds and pence.
func wfMoney(pence int64) wfCell {
	pounds := wfFixed(float64(pence)/100, 0).Text
	return wfCell{"£" + pounds, fmt.Sprintf("%d.%02d", pence/100, wfAbs(pence%100))}
}

func wfAbs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func wfDate(d time.Time) wfCell { return wfCell{d.Format("2 Jan 2006"), d.Format("2006-01-02")} }

func wfDatePtr(d *time.Time) wfCell {
	if d == nil {
		return wfCell{}
	}
	return wfDate(*d)
}

// wfTile is one headline figure with its working and the published
// figures for England and the region beside it.
type wfTile struct {
	ID, Label, Definition string
	Value                 wfCell
	Num, Den              wfCell // what the rate is made of, when it is one
	Detail                string
	England, Region       wfCell
	EnglandYear           int
	RegionYear            int
}

// wfNotPublished is shown where DfE publishes no comparable figure.
var wfNotPublished = wfCell{"Not published", ""}

func wfBpct(v float64) wfCell { return wfCell{fmt.Sprintf("%.1f%%", v), fmt.Sprintf("%.1f", v)} }

// wfTiles are the headline figures as at the date.
func wfTiles(f casework.Figures, asAt time.Time) []wfTile {
	e, ne := wfBenchmarkFor(wfEngland, asAt), wfBenchmarkFor(wfNorthEast, asAt)
	rate := func(id, label, def string, r casework.Ratio, dp int, detail string, eng, reg float64) wfTile {
		return wfTile{ID: id, Label: label, Definition: def, Value: wfPct(r), Num: wfNum(r.Num, dp), Den: wfNum(r.Den, dp),
			Detail: detail, England: wfBpct(eng), Region: wfBpct(reg)}
	}
	fte := func(x float64) string { return wfNum(x, 2).Text }
	tiles := []wfTile{
		{ID: "headcount", Label: "Headcount", Definition: "LA-employed staff in post (permanent, fixed-term, seconded)",
			Value: wfCount(f.Headcount), Detail: fmt.Sprintf("%d agency workers besides", f.AgencyHeadcount),
			England: wfCount(e.Headcount), Region: wfCount(ne.Headcount)},
		{ID: "fte", Label: "FTE in post", Definition: "FTE of LA-employed staff in post",
			Value: wfNum(f.FTE, 2), Detail: fmt.Sprintf("Funded establishment %s FTE", fte(f.FundedFTE)),
			England: wfFixed(e.FTE, 1), Region: wfFixed(ne.FTE, 1)},
		rate("agency-rate", "Agency rate", "Agency FTE ÷ (agency FTE + FTE in post)", f.AgencyRate(), 2,
			fmt.Sprintf("%s agency FTE of %s", fte(f.AgencyFTE), fte(f.AgencyFTE+f.FTE)), e.AgencyRate, ne.AgencyRate),
		rate("vacancy-rate", "Vacancy rate", "Vacant FTE ÷ (vacant FTE + FTE in post)", f.VacancyRate(), 2,
			fmt.Sprintf("%s vacant FTE, %s of it covered by agency", fte(f.VacancyFTE), fte(f.AgencyCoverFTE)), e.VacancyRate, ne.VacancyRate),
		rate("turnover", "Turnover (FTE)", "FTE leavers in the 12 months ÷ FTE in post at the date (DfE)", f.Turnover, 2,
			fmt.Sprintf("%s FTE left (%d people) ÷ %s FTE in post", fte(f.LeaversFTE), f.Leavers, fte(f.FTE)), e.Turnover, ne.Turnover),
		rate("turnover-headcount", "Turnover (headcount)", "Leavers in the 12 months ÷ average monthly headcount", f.HeadcountTurnover, 2,
			fmt.Sprintf("%d left ÷ average headcount %s. England and region: leavers ÷ headcount at 30 September", f.Leavers,
				wfNum(f.AverageHeadcount, 2).Text), e.TurnoverHeadcount, ne.TurnoverHeadcount),
		{ID: "stability", Label: "Stability", Definition: "Permanent staff in post a year ago who are still in post",
			Value: wfPct(f.Stability), Num: wfNum(f.Stability.Num, 0), Den: wfNum(f.Stability.Den, 0),
			Detail: fmt.Sprintf("%.0f of %.0f still in post", f.Stability.Num, f.Stability.Den), England: wfNotPublished, Region: wfNotPublished},
		rate("absence", "Sickness absence", "FTE working days lost to sickness ÷ (FTE in post × working days)", f.Absence, 2,
			fmt.Sprintf("%s FTE days lost in %d working days", wfNum(f.SicknessDaysLost, 2).Text, f.WorkingDays), e.AbsenceRate, ne.AbsenceRate),
		wfSpendTile(f),
	}
	for i := range tiles {
		tiles[i].EnglandYear, tiles[i].RegionYear = e.Year, ne.Year
	}
	return tiles
}

// wfSpendTile sets agency spend beside the permanent cost of the same FTE.
func wfSpendTile(f casework.Figures) wfTile {
	t := wfTile{ID: "agency-spend", Label: "Agency spend, 12 months",
		Definition: "Day rate × working days in post × FTE, against salary and on-costs for the same FTE and time",
		Value:      wfMoney(f.AgencySpendPence), Num: wfMoney(f.AgencySpendPence), Den: wfMoney(f.PermanentCostPence),
		England: wfNotPublished, Region: wfNotPublished}
	extra := f.AgencySpendPence - f.PermanentCostPence
	t.Detail = fmt.Sprintf("Permanent cost of the same FTE %s: %s more on agency", wfMoney(f.PermanentCostPence).Text, wfMoney(extra).Text)
	if extra < 0 {
		t.Detail = fmt.Sprintf("Permanent cost of the same FTE %s", wfMoney(f.PermanentCostPence).Text)
	}
	if f.UncostedAgency > 0 {
		t.Detail += fmt.Sprintf(" (%d agency workers with no permanent pay to compare)", f.UncostedAgency)
	}
	return t
}
