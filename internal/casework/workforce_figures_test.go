package casework_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The national rates reproduced from DfE's published counts
// (workforce-census.md §5.3; EES "Children's social work workforce",
// indicators data set, national rows), to one decimal place as published.
func TestTheNationalRatesAreReproducedFromTheirPublishedCounts(t *testing.T) {
	for _, tc := range []struct {
		name string
		rate casework.Ratio
		den  float64 // the published denominator, where DfE states it
		want string
	}{
		// 2025: turnover 4,276.3 FTE leavers / 36,186.3 FTE in post = 11.8%
		{"2025 turnover", casework.TurnoverRate(4276.3, 36186.3), 36186.3, "11.8"},
		// 2025: agency 5,415.9 / (5,415.9 + 36,186.3 = 41,602.2) = 13.0%
		{"2025 agency rate", casework.AgencyRate(5415.9, 36186.3), 41602.2, "13.0"},
		// 2025: vacancy 5,965.4 / (5,965.4 + 36,186.3 = 42,151.7) = 14.2%
		{"2025 vacancy rate", casework.VacancyRate(5965.4, 36186.3), 42151.7, "14.2"},
		// 2025: 322,786.3 days lost / (36,186.3 FTE × 255 days) = 3.5%
		{"2025 absence rate", casework.AbsenceRate(322786.3, 36186.3, 255), 36186.3 * 255, "3.5"},
		// 2023: 5,254.6 / 33,119.1 = 15.9%
		{"2023 turnover", casework.TurnoverRate(5254.6, 33119.1), 33119.1, "15.9"},
		// 2023: 7,722.7 / (7,722.7 + 33,119.1 = 40,841.8) = 18.9%
		{"2023 vacancy rate", casework.VacancyRate(7722.7, 33119.1), 40841.8, "18.9"},
		// 2023: 7,178.5 / (7,178.5 + 33,119.1 = 40,297.6) = 17.8%
		{"2023 agency rate", casework.AgencyRate(7178.5, 33119.1), 40297.6, "17.8"},
	} {
		if got := fmt.Sprintf("%.1f", tc.rate.Percent()); got != tc.want {
			t.Errorf("%s = %s%%, want %s%%", tc.name, got, tc.want)
		}
		if math.Abs(tc.rate.Den-tc.den) > 1e-6 {
			t.Errorf("%s: denominator %.1f, want %.1f", tc.name, tc.rate.Den, tc.den)
		}
	}
}

func TestARateWithNothingToDivideByIsUndefinedNotAnError(t *testing.T) {
	r := casework.AgencyRate(0, 0)
	if r.Defined() || r.Percent() != 0 {
		t.Errorf("AgencyRate(0, 0) = %+v, %v%%: want undefined and 0", r, r.Percent())
	}
}

// example is a small team as at 30 September 2025, worked by hand below.
//
//	posts: P1 1.0 FTE, P2 1.0, P3 0.8 (salary £40,000 + 25% on-costs),
//	       P4 1.0 funded from 1 Jan 2026, P5 1.0 funded to 31 Mar 2025
//	W1 permanent 1.0 in P1 since 2019, salary £38,000 + 30%
//	W2 permanent 0.6 in P2 since 1 Jan 2024, salary £36,000 + 30%
//	W3 agency 1.0 in P3 from 1 Apr 2025, £400 a day
//	W4 fixed-term 0.5, no post, from 6 Jan 2025
//	W5 permanent 1.0 in P2, 3 May 2022 to 30 Jun 2025 (resigned)
//	W6 agency 0.5, no post, 1 to 15 Sep 2025, £350 a day
//	W7 permanent 0.8 in P5, 4 Jan 2021 to 30 Sep 2024 (retired)
//	W8 fixed-term 0.4, no post, 1 Oct 2024 to 31 Mar 2025
func wfExample() casework.Register {
	perm, agency, fixed := casework.Permanent, casework.Agency, casework.FixedTerm
	w := func(n int64, emp string, fte float64, post *int64, start time.Time, end *time.Time, role string) casework.StaffRecord {
		s := casework.StaffRecord{Worker: casework.Worker{ID: n, Name: fmt.Sprintf("W%d", n), TeamID: wfID(1), FTE: fte,
			EmploymentType: emp, StartDate: start, EndDate: end}, PostID: post, OrgRole: role, SWENo: fmt.Sprintf("SW%d", 1000+n)}
		if end != nil && emp != agency {
			s.LeavingReason = "1"
		}
		return s
	}
	staff := []casework.StaffRecord{
		w(1, perm, 1, wfID(1), wfDay(2019, 6, 1), nil, "5"),
		w(2, perm, 0.6, wfID(2), wfDay(2024, 1, 1), nil, "5"),
		w(3, agency, 1, wfID(3), wfDay(2025, 4, 1), nil, "5"),
		w(4, fixed, 0.5, nil, wfDay(2025, 1, 6), nil, "6"),
		w(5, perm, 1, wfID(2), wfDay(2022, 5, 3), wfDayPtr(2025, 6, 30), "5"),
		w(6, agency, 0.5, nil, wfDay(2025, 9, 1), wfDayPtr(2025, 9, 15), "5"),
		w(7, perm, 0.8, wfID(5), wfDay(2021, 1, 4), wfDayPtr(2024, 9, 30), "4"),
		w(8, fixed, 0.4, nil, wfDay(2024, 10, 1), wfDayPtr(2025, 3, 31), "5"),
	}
	staff[0].SalaryPence, staff[0].OnCostPct = 3_800_000, 30
	staff[1].SalaryPence, staff[1].OnCostPct = 3_600_000, 30
	staff[4].SalaryPence, staff[4].OnCostPct = 3_500_000, 30
	staff[2].AgencyName, staff[2].DayRatePence = "Northern Locums", 40_000
	staff[5].AgencyName, staff[5].DayRatePence = "Northern Locums", 35_000
	post := func(n int64, fte float64, from time.Time, to *time.Time) casework.Post {
		return casework.Post{ID: n, TeamID: 1, Title: fmt.Sprintf("P%d", n), OrgRole: "5", FTE: fte, FundedFrom: from, FundedTo: to}
	}
	posts := []casework.Post{
		post(1, 1, wfDay(2020, 1, 1), nil), post(2, 1, wfDay(2020, 1, 1), nil), post(3, 0.8, wfDay(2020, 1, 1), nil),
		post(4, 1, wfDay(2026, 1, 1), nil), post(5, 1, wfDay(2020, 1, 1), wfDayPtr(2025, 3, 31)),
	}
	posts[2].SalaryPence, posts[2].OnCostPct = 4_000_000, 25
	five := 5.0
	absences := []casework.Absence{
		{ID: 1, WorkerID: 1, Reason: "SIC", Start: wfDay(2025, 3, 3), End: wfDayPtr(2025, 3, 7)},
		{ID: 2, WorkerID: 2, Reason: "SIC", Start: wfDay(2025, 9, 29)},
		{ID: 3, WorkerID: 1, Reason: "SIC", Start: wfDay(2024, 9, 23), End: wfDayPtr(2024, 10, 4), DaysLost: &five},
		{ID: 4, WorkerID: 3, Reason: "SIC", Start: wfDay(2025, 5, 12), End: wfDayPtr(2025, 5, 13)},
		{ID: 5, WorkerID: 1, Reason: "TRN", Start: wfDay(2025, 7, 7), End: wfDayPtr(2025, 7, 8)},
	}
	return casework.Register{Posts: posts, Staff: staff, Absences: absences}
}

func wfNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTheStockOnADateCountsStaffInPostAndVacantFTE(t *testing.T) {
	s := wfExample().StockOn(wfDay(2025, 9, 30))
	// In post (LA-employed): W1 1.0 + W2 0.6 + W4 0.5 = 2.1 FTE, 3 people.
	// Agency: W3 1.0 (W6 left on 15 Sep).
	// Funded: P1 1.0 + P2 1.0 + P3 0.8 = 2.8 (P4 not yet, P5 ended).
	// Vacant: P1 1.0 − 1.0 = 0; P2 1.0 − 0.6 = 0.4; P3 0.8 − 0 = 0.8 → 1.2.
	// Agency cover: W3 1.0 in P3, up to its 0.8 vacancy → 0.8.
	want := casework.Stock{Headcount: 3, FTE: 2.1, AgencyHeadcount: 1, AgencyFTE: 1, FundedFTE: 2.8, VacancyFTE: 1.2, AgencyCoverFTE: 0.8}
	if s != want {
		t.Fatalf("StockOn = %+v\nwant      %+v", s, want)
	}
	// Agency rate = 1.0 / (1.0 + 2.1) = 32.258%.
	if got := s.AgencyRate(); !wfNear(got.Num, 1) || !wfNear(got.Den, 3.1) || fmt.Sprintf("%.3f", got.Percent()) != "32.258" {
		t.Errorf("agency rate = %+v = %.3f%%, want 1.0/3.1 = 32.258%%", got, got.Percent())
	}
	// Vacancy rate = 1.2 / (1.2 + 2.1) = 36.364%.
	if got := s.VacancyRate(); !wfNear(got.Den, 3.3) || fmt.Sprintf("%.3f", got.Percent()) != "36.364" {
		t.Errorf("vacancy rate = %+v = %.3f%%, want 1.2/3.3 = 36.364%%", got, got.Percent())
	}
}

func TestTurnoverBothWaysAndStabilityOverTheTwelveMonths(t *testing.T) {
	f := wfExample().FiguresAt(wfDay(2025, 9, 30), calendar.Default())
	// The 12 months run from 1 Oct 2024 to 30 Sep 2025.
	if !f.From.Equal(wfDay(2024, 10, 1)) || !f.To.Equal(wfDay(2025, 9, 30)) {
		t.Errorf("window %s to %s, want 1 Oct 2024 to 30 Sep 2025", f.From, f.To)
	}
	// Leavers (LA-employed, last day in the window): W5 1.0 (30 Jun 2025)
	// and W8 0.4 (31 Mar 2025) = 2 people, 1.4 FTE. W7's last day, 30 Sep
	// 2024, is before the window; W6 is agency.
	if f.Leavers != 2 || !wfNear(f.LeaversFTE, 1.4) {
		t.Errorf("leavers = %d, %.2f FTE; want 2, 1.4", f.Leavers, f.LeaversFTE)
	}
	// DfE turnover = 1.4 FTE leavers / 2.1 FTE in post = 66.667%.
	if got := fmt.Sprintf("%.3f", f.Turnover.Percent()); got != "66.667" {
		t.Errorf("turnover = %s%%, want 66.667%%", got)
	}
	// Average headcount over the 30th of each month (28 Feb in February),
	// Oct 2024 to Sep 2025: W1 12 + W2 12 + W4 9 (Jan–Sep) + W5 9 (Oct–Jun)
	// + W8 6 (Oct–Mar) = 48 counts / 12 = 4.0. Headcount turnover = 2 / 4.0 = 50%.
	if !wfNear(f.AverageHeadcount, 4) || !wfNear(f.HeadcountTurnover.Percent(), 50) {
		t.Errorf("average headcount %.3f, headcount turnover %.3f%%; want 4.0 and 50%%", f.AverageHeadcount, f.HeadcountTurnover.Percent())
	}
	// Stability: permanent staff in post on 30 Sep 2024 are W1, W2, W5 and
	// W7 (whose last day it was); W1 and W2 are still in post: 2 / 4 = 50%.
	if f.Stability != (casework.Ratio{Num: 2, Den: 4}) {
		t.Errorf("stability = %+v, want 2 of 4", f.Stability)
	}
	// Starters (LA-employed): W8 (1 Oct 2024) and W4 (6 Jan 2025) = 2, 0.9 FTE.
	if f.Starters != 2 || !wfNear(f.StartersFTE, 0.9) {
		t.Errorf("starters = %d, %.2f FTE; want 2, 0.9", f.Starters, f.StartersFTE)
	}
}

func TestSicknessAbsenceRateCountsWorkingDaysLostInTheTwelveMonths(t *testing.T) {
	f := wfExample().FiguresAt(wfDay(2025, 9, 30), calendar.Default())
	// Working days 1 Oct 2024 to 30 Sep 2025: 261 weekdays (Oct 23, Nov 21,
	// Dec 22, Jan 23, Feb 20, Mar 21, Apr 22, May 22, Jun 21, Jul 23, Aug 21,
	// Sep 22) less 8 bank holidays (25, 26 Dec; 1 Jan; 18, 21 Apr; 5, 26
	// May; 25 Aug) = 253.
	if f.WorkingDays != 253 {
		t.Errorf("working days = %d, want 253", f.WorkingDays)
	}
	// Days lost to sickness (LA-employed only):
	//   W1 3–7 Mar 2025, none recorded: 5 working days × 1.0 FTE = 5.0
	//   W2 from Mon 29 Sep 2025, continuing: 29, 30 Sep = 2 × 0.6 = 1.2
	//   W1 23 Sep–4 Oct 2024, HR recorded 5.0 over its 10 working days;
	//      4 of them (1–4 Oct) fall in the window: 5.0 × 4/10 = 2.0
	//   W3's sickness (agency) and W1's training do not count.
	//   Total 8.2.
	if !wfNear(f.SicknessDaysLost, 8.2) {
		t.Errorf("days lost = %.2f, want 8.2", f.SicknessDaysLost)
	}
	// Absence rate = 8.2 / (2.1 FTE × 253 days = 531.3) = 1.543%.
	if got := fmt.Sprintf("%.3f", f.Absence.Percent()); got != "1.543" || !wfNear(f.Absence.Den, 531.3) {
		t.Errorf("absence rate = %s%% (%+v), want 8.2/531.3 = 1.543%%", got, f.Absence)
	}
}

func TestAgencySpendAgainstThePermanentCostOfTheSameFTE(t *testing.T) {
	f := wfExample().FiguresAt(wfDay(2025, 9, 30), calendar.Default())
	// W3: 1 Apr to 30 Sep 2025 = 131 weekdays (Apr 22, May 22, Jun 21,
	//     Jul 23, Aug 21, Sep 22) less 5 bank holidays (18, 21 Apr; 5, 26
	//     May; 25 Aug) = 126 working days × £400 × 1.0 FTE = £50,400.00
	// W6: 1 to 15 Sep 2025 = 11 working days × £350 × 0.5 FTE = £1,925.00
	// Spend = £52,325.00
	if f.AgencySpendPence != 5_232_500 {
		t.Errorf("agency spend = %d pence, want 5,232,500", f.AgencySpendPence)
	}
	// Permanent cost of the same FTE for the same time:
	// W3 fills P3: £40,000 + 25% = £50,000 a year × 1.0 FTE × 183 days
	//     (1 Apr to 30 Sep) / 365 = £25,068.49
	// W6 fills no post: the mean for permanent case holders in post on
	//     30 Sep 2025, W1 £38,000 × 1.3 = £49,400 and W2 £36,000 × 1.3 =
	//     £46,800, is £48,100 a year × 0.5 FTE × 15 days / 365 = £988.36
	// Permanent cost = £26,056.85
	if f.PermanentCostPence != 2_605_685 || f.UncostedAgency != 0 {
		t.Errorf("permanent cost = %d pence (%d uncosted), want 2,605,685", f.PermanentCostPence, f.UncostedAgency)
	}
}

func TestAnAgencyWorkerWithNoPermanentPayToCompareIsCountedAsUncosted(t *testing.T) {
	r := casework.Register{Staff: []casework.StaffRecord{{Worker: casework.Worker{ID: 1, FTE: 1, EmploymentType: casework.Agency,
		StartDate: wfDay(2025, 9, 1)}, OrgRole: "1", AgencyName: "Interim Partners", DayRatePence: 90_000}}}
	f := r.FiguresAt(wfDay(2025, 9, 30), calendar.Default())
	// 22 working days in September 2025 × £900 = £19,800; no permanent senior
	// manager and no post to cost it against.
	if f.AgencySpendPence != 1_980_000 || f.PermanentCostPence != 0 || f.UncostedAgency != 1 {
		t.Errorf("spend %d, permanent %d, uncosted %d; want 1,980,000, 0, 1", f.AgencySpendPence, f.PermanentCostPence, f.UncostedAgency)
	}
}

func TestTheMonthlyTableHasTwelveCalendarMonthsEndingOnTheDate(t *testing.T) {
	wd := calendar.Default()
	months := wfExample().Monthly(wfDay(2025, 9, 30), wd)
	if len(months) != 12 || !months[0].Start.Equal(wfDay(2024, 10, 1)) || !months[0].End.Equal(wfDay(2024, 10, 31)) ||
		!months[11].End.Equal(wfDay(2025, 9, 30)) {
		t.Fatalf("months run %s to %s (%d), want Oct 2024 to 30 Sep 2025", months[0].Start, months[len(months)-1].End, len(months))
	}
	sep, jun, oct := months[11], months[8], months[0]
	if sep.Stock != wfExample().StockOn(wfDay(2025, 9, 30)) {
		t.Errorf("September's stock %+v is not the stock on 30 Sep", sep.Stock)
	}
	// September's agency spend: W3 22 working days × £400 = £8,800 + W6
	// £1,925 = £10,725.
	if sep.AgencySpendPence != 1_072_500 {
		t.Errorf("September agency spend = %d, want 1,072,500", sep.AgencySpendPence)
	}
	// June: W5 leaves (1.0 FTE). Turnover for the 12 months to 30 Jun 2025:
	// leavers W7 0.8 (30 Sep 2024), W8 0.4, W5 1.0 = 2.2 FTE; in post on
	// 30 Jun: W1 1.0, W2 0.6, W4 0.5, W5 1.0 (their last day) = 3.1 FTE;
	// 2.2 / 3.1 = 70.968%.
	if jun.Leavers != 1 || !wfNear(jun.LeaversFTE, 1) || fmt.Sprintf("%.3f", jun.Turnover.Percent()) != "70.968" {
		t.Errorf("June: %d leavers, %.1f FTE, turnover %.3f%%; want 1, 1.0, 70.968%%", jun.Leavers, jun.LeaversFTE, jun.Turnover.Percent())
	}
	if oct.Starters != 1 {
		t.Errorf("October starters = %d, want 1 (W8)", oct.Starters)
	}
	mid := wfExample().Monthly(wfDay(2025, 9, 15), wd)
	if last := mid[11]; !last.End.Equal(wfDay(2025, 9, 15)) || last.AgencyHeadcount != 2 {
		t.Errorf("as at 15 Sep the last month ends %s with %d agency workers, want 15 Sep and 2", last.End, last.AgencyHeadcount)
	}
}

func TestTwelveMonthsBefore29FebruaryStartOn1March(t *testing.T) {
	f := casework.Register{}.FiguresAt(wfDay(2024, 2, 29), calendar.Default())
	if !f.From.Equal(wfDay(2023, 3, 1)) {
		t.Errorf("window starts %s, want 1 Mar 2023 (the day after 28 Feb 2023)", f.From)
	}
}
