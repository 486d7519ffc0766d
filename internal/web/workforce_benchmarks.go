package web

import "time"

// The published workforce figures the workforce page compares with: England
// and the North East (the region of the authorities in sightline's data
// profile, Sunderland and Newcastle). All are from the DfE statistics
// "Children's social work workforce", Crown copyright, published under the
// Open Government Licence v3.0:
//
//   - 2017–2024: csww_indicators_2017_to_2024.csv (national and regional
//     rows), as mirrored by dfe-analytical-services/CSC_outcomes_and_enablers
//     (commit 7400a593) and kept in /work/shared/data/stats; profile.json's
//     workforce section is the national part of the same file.
//   - 2025 (England only; the regional rows were not available): EES data
//     set "1. Indicators", reporting year 2025, national row, as listed in
//     DOMAIN.md workforce-census.md §5.4. Its headcount turnover is worked
//     out from the published counts, 4,611 leavers ÷ 38,292 in post.
//
// Rates are on the national definitions (workforce-census.md §5.3). DfE's
// headcount turnover is leavers ÷ headcount at 30 September, not the
// average headcount sightline's second turnover figure uses. Stability
// and agency spend are not published.
type wfBenchmark struct {
	Year              int
	Headcount         int
	FTE               float64
	AgencyRate        float64
	VacancyRate       float64
	Turnover          float64 // FTE leavers ÷ FTE in post
	TurnoverHeadcount float64 // leavers ÷ headcount in post
	AbsenceRate       float64
}

var wfEngland = []wfBenchmark{
	{2017, 30646, 28482.6, 15.8, 17, 13.4, 13.7, 3.1},
	{2018, 31653, 29464.9, 15.4, 16.5, 15.1, 15.2, 3.2},
	{2019, 32851, 30683.8, 15.8, 16.4, 15, 15.1, 3.1},
	{2020, 33928, 31852.3, 15.4, 16.1, 13.5, 13.6, 2.9},
	{2021, 34620, 32502, 15.5, 16.7, 15.4, 15.6, 3.1},
	{2022, 33689, 31634.1, 17.6, 20, 17.2, 17.3, 3.5},
	{2023, 35199, 33119.1, 17.9, 18.9, 15.9, 16, 3.2},
	{2024, 36402, 34328.2, 16.2, 17.3, 13.8, 13.9, 3.4},
	{2025, 38292, 36186.3, 13.0, 14.2, 11.8, 12.0, 3.5},
}

var wfNorthEast = []wfBenchmark{
	{2017, 1872, 1769.1, 12.6, 11.5, 12.8, 12.9, 3.4},
	{2018, 1961, 1845.7, 8.8, 10, 12.5, 12.7, 3.5},
	{2019, 2063, 1939.9, 7.6, 7.9, 14.8, 14.8, 3.4},
	{2020, 2149, 2028.2, 10.2, 7.5, 12.3, 12.3, 3},
	{2021, 2188, 2101.4, 9.2, 8.7, 13, 13.6, 3.3},
	{2022, 2157, 2054.5, 9.7, 11.2, 14.8, 15.2, 3.1},
	{2023, 2266, 2159.9, 9.9, 10.9, 14.2, 14.6, 3.6},
	{2024, 2279, 2158.1, 10.4, 12.2, 12.6, 13.6, 4.2},
}

// wfRegionName names the comparison region on the page.
const wfRegionName = "North East"

// wfSources is the note shown under the figures.
const wfSources = "England and North East figures: DfE, Children's social work workforce (census at 30 September), " +
	"2017 to 2024 indicators file and, for England, the 2025 indicators. Contains public sector information licensed " +
	"under the Open Government Licence v3.0."

// wfBenchmarkFor is the latest published year whose census date (30
// September) is on or before asAt, or the earliest year when asAt comes
// before them all, so a figure is always shown with its year.
func wfBenchmarkFor(set []wfBenchmark, asAt time.Time) wfBenchmark {
	best := set[0]
	for _, b := range set {
		if !time.Date(b.Year, time.September, 30, 0, 0, 0, 0, time.UTC).After(asAt) {
			best = b
		}
	}
	return best
}
