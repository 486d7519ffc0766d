package web

// England's published figures the performance page compares with, by
// indicator id, copied from sightline's statistical profile (data/profile.json
// and indicators.md, which cite each release). Department for Education
// statistics: Children in need, Characteristics of children in need,
// Children looked after in England including adoptions (2025: 81,770
// children, 67 per 10,000; 69% long-term stability), and Children's social
// work workforce, Crown copyright, published under the
// Open Government Licence v3.0. Rates are percentages 0–100 or per 10,000
// children aged 0 to 17.
type englandFigure struct {
	Value float64
	Year  string // the reporting year
}

var england = map[string]englandFigure{
	"referrals_per_10k":           {518.3, "year to 31 March 2024"},
	"rereferrals_12m_pct":         {22.4, "year to 31 March 2024"},
	"assessments_45wd_pct":        {85.7, "year to 31 March 2025"},
	"s47_per_10k":                 {190.6, "year to 31 March 2025"},
	"icpc_15wd_pct":               {81.4, "year to 31 March 2025"},
	"cp_plans_per_10k":            {41.6, "31 March 2024"},
	"cp_second_plans_pct":         {24.7, "year to 31 March 2024"},
	"cp_plans_2y_pct":             {2.6, "31 March 2024"},
	"cin_per_10k":                 {332.9, "31 March 2024"},
	"cla_per_10k":                 {67, "31 March 2025"},
	"cla_long_term_stability_pct": {69, "31 March 2025"},
	"caseload_average":            {15.4, "30 September 2024"},
	"agency_rate_pct":             {16.2, "30 September 2024"},
	"vacancy_rate_pct":            {17.3, "30 September 2024"},
	"turnover_pct":                {13.8, "year to 30 September 2024"},
}

// englandSources is the note shown under the tiles.
const englandSources = "England figures: DfE, Children in need, Children looked after and Children's social work workforce statistics, " +
	"the latest year in sightline's profile. Contains public sector information licensed under the Open Government Licence v3.0."
