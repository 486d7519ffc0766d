package metrics

// Unit is what an indicator's value measures.
type Unit string

// Units.
const (
	Per10k      Unit = "per_10k"      // count ÷ child population × 10,000
	Percent     Unit = "percent"      // numerator ÷ denominator × 100
	Count       Unit = "count"        // a number of cases or workers
	Average     Unit = "average"      // numerator ÷ denominator (cases per FTE)
	WorkingDays Unit = "working_days" // the median of a number of working days
	Days        Unit = "days"         // a mean number of days
	Pounds      Unit = "gbp"          // money
)

// Polarity says which way is better.
type Polarity string

// Polarities.
const (
	HigherBetter Polarity = "higher_is_better"
	LowerBetter  Polarity = "lower_is_better"
	// Neutral: neither high nor low is good in itself (a rate of referrals
	// is read against England and neighbours, not a target).
	Neutral Polarity = "neutral"
)

// Period says which dates an indicator counts.
type Period string

// Periods.
const (
	// Snapshot: the records in force at the end of the as-at date.
	Snapshot Period = "snapshot at the as-at date"
	// InPeriod: the records dated in the period (by default the 12 months
	// to the as-at date, as DfE's "during the year" measures).
	InPeriod Period = "during the period (default: the 12 months to the as-at date)"
	// YearTo: always the 12 months to the as-at date (the workforce
	// census flows).
	YearTo Period = "the 12 months to the as-at date"
	// ThreeYearsTo: always the 3 years to the as-at date (the adoption
	// scorecard's period).
	ThreeYearsTo Period = "the 3 years to the as-at date"
)

// Indicator is one measure of the service, defined once and used by the
// screens, the command line and exports.
type Indicator struct {
	ID          string
	Title       string
	Numerator   string // what is counted
	Denominator string // what it is counted out of ("" for a count)
	Period      Period
	Source      string // where the definition comes from
	Polarity    Polarity
	Target      *float64 // the local target, nil where none is set
	Unit        Unit
	// Group names the area of work, for tiles and tables.
	Group string
	// ChildSplits: the figure can be split by the children's team,
	// worker, age band, sex, ethnicity and disability. Workforce figures
	// are about staff, not children, and are not split.
	ChildSplits bool
	// Unavailable says why the engine cannot compute it yet ("" when it
	// can): its records are not in sightline's database.
	Unavailable string
	rule        rule
}

func target(v float64) *float64 { return &v }

// Catalogue returns every indicator, in the order they are shown.
func Catalogue() []Indicator {
	out := make([]Indicator, len(catalogue))
	copy(out, catalogue)
	return out
}

// Lookup returns the indicator with this id.
func Lookup(id string) (Indicator, bool) {
	for _, in := range catalogue {
		if in.ID == id {
			return in, true
		}
	}
	return Indicator{}, false
}

// Groups of indicators.
const (
	GroupFrontDoor  = "Front door and assessment"
	GroupProtection = "Child protection"
	GroupInNeed     = "Children in need"
	GroupInCare     = "Children in care and care leavers"
	GroupCaseloads  = "Allocation, caseloads and drift"
	GroupWorkforce  = "Workforce"
)

const (
	srcCIN        = "DfE Children in need census (indicators.md)"
	srcLocal      = "Local definition (indicators.md)"
	srcWT         = "Working Together to Safeguard Children 2023, ch. 3, through sightline's timescale rules"
	srcCSWW       = "DfE children's social work workforce census, through casework's workforce figures"
	srcCaseload   = "Local definition (indicators.md), through casework's caseload rules and settings"
	srcCLA        = "DfE SSDA903 children looked after return"
	claAtDate     = "children looked after at the date"
	claPlaced     = "children looked after and placed at the date"
	leavers1921   = "care leavers whose 19th, 20th or 21st birthday fell in the period with an OC3 record of it made by the date (those not in touch included)"
	childrenAged  = "children aged 0 to 17 in the authority (setting " + KeyChildPopulation + ")"
	perTenK       = " × 10,000"
	referralsYear = "referrals received in the period"
)

// KeyChildPopulation is the setting holding the authority's child
// population (ONS mid-year estimate of children aged 0 to 17), the
// denominator of every rate per 10,000 children.
const KeyChildPopulation = "authority.child_population"

var catalogue = []Indicator{
	{ID: "contacts_per_10k", Title: "Contacts per 10,000 children", Numerator: "contacts received in the period",
		Denominator: childrenAged + perTenK, Period: InPeriod, Source: srcLocal, Polarity: Neutral, Unit: Per10k,
		Group: GroupFrontDoor, ChildSplits: true, rule: contactsPer10k},
	{ID: "referrals_per_10k", Title: "Referrals per 10,000 children", Numerator: referralsYear,
		Denominator: childrenAged + perTenK, Period: InPeriod, Source: srcCIN + ", C1", Polarity: Neutral, Unit: Per10k,
		Group: GroupFrontDoor, ChildSplits: true, rule: referralsPer10k},
	{ID: "referral_conversion_pct", Title: "Contacts that became referrals", Numerator: "contacts received in the period that led to a referral",
		Denominator: "contacts received in the period", Period: InPeriod, Source: srcLocal, Polarity: Neutral, Unit: Percent,
		Group: GroupFrontDoor, ChildSplits: true, rule: referralConversion},
	{ID: "rereferrals_12m_pct", Title: "Re-referrals within 12 months", Numerator: "referrals in the period within 12 months of the child's previous referral (casework rule)",
		Denominator: referralsYear, Period: InPeriod, Source: srcCIN + ", C1", Polarity: LowerBetter, Target: target(20), Unit: Percent,
		Group: GroupFrontDoor, ChildSplits: true, rule: reReferrals},
	{ID: "referral_decision_1wd_pct", Title: "Referral decisions within 1 working day", Numerator: "referral decisions due in the period made by the due day",
		Denominator: "referral decisions due in the period", Period: InPeriod, Source: srcWT, Polarity: HigherBetter, Target: target(95), Unit: Percent,
		Group: GroupFrontDoor, ChildSplits: true, rule: taskRule(inTimeDue, "referral_decision")},
	{ID: "assessments_45wd_pct", Title: "Assessments within 45 working days", Numerator: "assessments authorised in the period within 45 working days of the referral",
		Denominator: "assessments authorised in the period", Period: InPeriod, Source: srcCIN + ", C2; " + srcWT, Polarity: HigherBetter, Target: target(90), Unit: Percent,
		Group: GroupFrontDoor, ChildSplits: true, rule: taskRule(inTimeDone, "assessment_complete")},
	{ID: "assessment_duration_median_wd", Title: "Median assessment duration", Numerator: "working days from referral to authorisation of each assessment authorised in the period (median; bands in the breakdown)",
		Denominator: "assessments authorised in the period", Period: InPeriod, Source: srcCIN + ", C2", Polarity: LowerBetter, Unit: WorkingDays,
		Group: GroupFrontDoor, ChildSplits: true, rule: assessmentDurations},
	{ID: "s47_per_10k", Title: "Section 47 enquiries per 10,000 children", Numerator: "section 47 enquiries started in the period",
		Denominator: childrenAged + perTenK, Period: InPeriod, Source: srcCIN + ", C4", Polarity: Neutral, Unit: Per10k,
		Group: GroupProtection, ChildSplits: true, rule: s47Per10k},
	{ID: "icpc_15wd_pct", Title: "Initial conferences within 15 working days", Numerator: "initial child protection conferences held in the period within 15 working days of the strategy discussion",
		Denominator: "initial child protection conferences held in the period", Period: InPeriod, Source: srcCIN + ", C4; " + srcWT, Polarity: HigherBetter, Target: target(85), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: taskRule(inTimeDone, "icpc")},
	{ID: "cp_plans_per_10k", Title: "Child protection plans per 10,000 children", Numerator: "children on a child protection plan",
		Denominator: childrenAged + perTenK, Period: Snapshot, Source: srcCIN + ", D1", Polarity: Neutral, Unit: Per10k,
		Group: GroupProtection, ChildSplits: true, rule: cpPlansPer10k},
	{ID: "cp_plans_neglect_pct", Title: "Child protection plans for neglect", Numerator: "plans in force whose initial category is neglect",
		Denominator: "plans in force", Period: Snapshot, Source: srcCIN + ", A6 (initial category)", Polarity: Neutral, Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: cpNeglect},
	{ID: "cp_second_plans_pct", Title: "Second or subsequent child protection plans", Numerator: "plans started in the period for a child who had a plan before",
		Denominator: "plans started in the period", Period: InPeriod, Source: srcCIN, Polarity: LowerBetter, Target: target(23), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: cpSecondPlans},
	{ID: "cp_plans_2y_pct", Title: "Child protection plans lasting 2 years or more", Numerator: "plans in force that started 2 years or more before",
		Denominator: "plans in force", Period: Snapshot, Source: srcCIN, Polarity: LowerBetter, Target: target(3), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: cpLongPlans},
	{ID: "cp_visits_standard_pct", Title: "Children on a plan seen within the local standard", Numerator: "children on a plan last seen (or whose plan started) within the local standard of working days (timescale setting)",
		Denominator: "children on a child protection plan", Period: Snapshot, Source: srcLocal + "; Annex A list 7", Polarity: HigherBetter, Target: target(95), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: cpVisitsStandard},
	{ID: "cp_visits_28d_pct", Title: "Children on a plan seen within 28 days", Numerator: "children on a plan last seen (or whose plan started) within 28 days",
		Denominator: "children on a child protection plan", Period: Snapshot, Source: srcLocal + "; Annex A list 7", Polarity: HigherBetter, Target: target(98), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: cpVisits28Days},
	{ID: "cp_visits_done_in_time_pct", Title: "Child protection visits done within the local standard", Numerator: "visits to children on a plan made in the period within the local standard of the previous one (or of the plan's start)",
		Denominator: "such visits made in the period", Period: InPeriod, Source: srcLocal + "; the timescale rule cp_visit", Polarity: HigherBetter, Target: target(95), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: taskRule(inTimeDone, "cp_visit")},
	{ID: "core_groups_in_time_pct", Title: "Core groups in time", Numerator: "core group meetings due in the period held by the due day",
		Denominator: "core group meetings due in the period", Period: InPeriod, Source: srcWT, Polarity: HigherBetter, Target: target(95), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: taskRule(inTimeDue, "core_group_first", "core_group_next")},
	{ID: "cp_reviews_in_time_pct", Title: "Review conferences in time", Numerator: "review child protection conferences due in the period held by the due day",
		Denominator: "review conferences due in the period", Period: InPeriod, Source: srcWT, Polarity: HigherBetter, Target: target(95), Unit: Percent,
		Group: GroupProtection, ChildSplits: true, rule: taskRule(inTimeDue, "rcpc_first", "rcpc_next")},
	{ID: "cin_per_10k", Title: "Children in need per 10,000 children", Numerator: "children with a child in need episode open (referral received, not closed)",
		Denominator: childrenAged + perTenK, Period: Snapshot, Source: srcCIN, Polarity: Neutral, Unit: Per10k,
		Group: GroupInNeed, ChildSplits: true, rule: cinPer10k},
	{ID: "cla_per_10k", Title: "Children looked after per 10,000 children", Period: Snapshot, Unit: Per10k, Polarity: Neutral,
		Numerator: "children looked after at the date (a care episode in force whose legal status is not a series of short breaks, V3 or V4)", Denominator: childrenAged + perTenK,
		Source: srcCLA, Group: GroupInCare, ChildSplits: true, rule: claPer10k},
	{ID: "cla_placements_3plus_pct", Title: "Children in care with 3 or more placements in the year", Period: Snapshot, Unit: Percent, Polarity: LowerBetter, Target: target(10),
		Numerator: "children looked after at the date with 3 or more placements in force at some time in the 12 months to it (temporary placements included)", Denominator: claAtDate,
		Source: srcCLA + ", placement stability", Group: GroupInCare, ChildSplits: true, rule: claPlacements3Plus},
	{ID: "cla_long_term_stability_pct", Title: "Long-term placement stability", Period: Snapshot, Unit: Percent, Polarity: HigherBetter, Target: target(70),
		Numerator: "children under 16 looked after continuously 2.5 years or more, in the same placement for the last 2 years", Denominator: "children under 16 looked after continuously 2.5 years or more at the date",
		Source: srcCLA + ", placement stability", Group: GroupInCare, ChildSplits: true, rule: claStability},
	{ID: "cla_out_of_area_pct", Title: "Children in care placed out of area", Period: Snapshot, Unit: Percent, Polarity: LowerBetter,
		Numerator: "children looked after placed outside the authority's boundary (PL_LOCATION = OUT)", Denominator: claPlaced,
		Source: srcCLA + " PL_LOCATION", Group: GroupInCare, ChildSplits: true, rule: claOutOfArea},
	{ID: "cla_over_20_miles_pct", Title: "Children in care placed over 20 miles away", Period: Snapshot, Unit: Percent, Polarity: LowerBetter,
		Numerator: "children looked after placed more than 20 miles from home (PL_DISTANCE)", Denominator: claPlaced,
		Source: srcCLA + " PL_DISTANCE", Group: GroupInCare, ChildSplits: true, rule: claOver20},
	{ID: "cla_visits_in_time_pct", Title: "Children in care visited in time", Period: Snapshot, Unit: Percent, Polarity: HigherBetter, Target: target(95),
		Numerator: "children looked after with no statutory visit overdue at the date (timescale rules cla_visit_first, cla_visit_next)", Denominator: claAtDate,
		Source: srcLocal + "; Care Planning, Placement and Case Review (England) Regulations 2010, reg. 28", Group: GroupInCare, ChildSplits: true, rule: claVisitsInTime},
	{ID: "cla_reviews_in_time_pct", Title: "Children in care reviews in time", Period: InPeriod, Unit: Percent, Polarity: HigherBetter, Target: target(95),
		Numerator: "looked-after reviews due in the period held by the due day (timescale rules cla_review_1, cla_review_2, cla_review_n; a series of short breaks is reviewed too and counts)", Denominator: "looked-after reviews due in the period",
		Source: srcLocal + "; Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33", Group: GroupInCare, ChildSplits: true,
		rule: taskRule(inTimeDue, "cla_review_1", "cla_review_2", "cla_review_n")},
	{ID: "cla_health_in_time_pct", Title: "Children in care with health assessments in time", Period: Snapshot, Unit: Percent, Polarity: HigherBetter, Target: target(95),
		Numerator: "children looked after 12 months or more with no health assessment overdue at the date (timescale rules iha, rha)", Denominator: "children looked after continuously 12 months or more at the date",
		Source: srcCLA + " OC2, through sightline's timescale rules", Group: GroupInCare, ChildSplits: true, rule: claHealthInTime},
	{ID: "cla_pep_in_time_pct", Title: "Children in care with a personal education plan in time", Period: Snapshot, Unit: Percent, Polarity: HigherBetter, Target: target(95),
		Numerator: "children of school age looked after with no personal education plan or review overdue at the date (timescale rules pep, pep_review)", Denominator: "children of school age looked after at the date (those the PEP rules cover)",
		Source: srcLocal, Group: GroupInCare, ChildSplits: true, rule: claPEPInTime},
	{ID: "missing_episodes", Title: "Missing episodes", Period: InPeriod, Unit: Count, Polarity: Neutral,
		Numerator: "episodes of a child going missing or away without authorisation that started in the period",
		Source:    srcLocal + "; SSDA903 MISSING", Group: GroupInCare, ChildSplits: true, rule: missingEpisodes},
	{ID: "missing_rhi_72h_pct", Title: "Return home interviews within 72 hours", Period: InPeriod, Unit: Percent, Polarity: HigherBetter, Target: target(90),
		Numerator: "missing episodes (MISSING = M) ending in the period with a return home interview held within 72 hours of the return (a declined interview is not held)", Denominator: "missing episodes (MISSING = M) ending in the period",
		Source: srcLocal + "; DfE statutory guidance on children who run away or go missing (2014)", Group: GroupInCare, ChildSplits: true, rule: missingRHI72h},
	{ID: "proceedings_26w_pct", Title: "Care proceedings within 26 weeks", Period: InPeriod, Unit: Percent, Polarity: HigherBetter, Target: target(100),
		Numerator: "care and supervision cases whose final hearing in the period was within the 26 weeks beginning with the issue day", Denominator: "care and supervision cases with a final hearing in the period",
		Source: "Children Act 1989 s. 32(1)(a), as amended by the Children and Families Act 2014, s. 14", Group: GroupInCare, ChildSplits: true, rule: proceedings26w},
	{ID: "adoption_a1_days", Title: "Adoption A1: entering care to moving in", Period: ThreeYearsTo, Unit: Days, Polarity: LowerBetter, Target: target(426),
		Numerator: "days from entering care (the start of the period of care) to moving in with the adoptive family, summed over children adopted in the 3 years to the date", Denominator: "children adopted in the 3 years to the date with both dates",
		Source: "Adoption scorecard A1 (indicators.md)", Group: GroupInCare, ChildSplits: true, rule: adoptionA1},
	{ID: "adoption_a2_days", Title: "Adoption A2: placement order to match", Period: ThreeYearsTo, Unit: Days, Polarity: LowerBetter, Target: target(121),
		Numerator: "days from court authority to place to the match decision (0 when matched first), summed over children adopted in the 3 years to the date", Denominator: "children adopted in the 3 years to the date with a placement order, a match and a move to the adopters",
		Source: "Adoption scorecard A2 (indicators.md)", Group: GroupInCare, ChildSplits: true, rule: adoptionA2},
	{ID: "care_leavers_eet_pct", Title: "Care leavers in education, employment or training", Period: InPeriod, Unit: Percent, Polarity: HigherBetter, Target: target(60),
		Numerator: "care leavers whose 19th, 20th or 21st birthday fell in the period, in education, employment or training around it (OC3 ACTIV F1, P1, F2, P2, F4, P4, F5, P5)", Denominator: leavers1921,
		Source: srcCLA + " OC3", Group: GroupInCare, ChildSplits: true, rule: careLeaversEET},
	{ID: "care_leavers_accommodation_pct", Title: "Care leavers in suitable accommodation", Period: InPeriod, Unit: Percent, Polarity: HigherBetter, Target: target(90),
		Numerator: "care leavers whose 19th, 20th or 21st birthday fell in the period, in suitable accommodation around it (OC3 ACCOM ending 1)", Denominator: leavers1921,
		Source: srcCLA + " OC3", Group: GroupInCare, ChildSplits: true, rule: careLeaversSuitable},
	{ID: "unallocated_cases", Title: "Unallocated cases", Numerator: "open cases with no worker in post holding them",
		Period: Snapshot, Source: srcLocal + "; allocation rules of the allocation queue", Polarity: LowerBetter, Target: target(0), Unit: Count,
		Group: GroupCaseloads, ChildSplits: true, rule: unallocated},
	{ID: "caseload_average", Title: "Average caseload", Numerator: "children held by case-holding workers", Denominator: "their full-time equivalent",
		Period: Snapshot, Source: srcCSWW + "; " + srcCaseload, Polarity: LowerBetter, Target: target(18), Unit: Average,
		Group: GroupCaseloads, rule: caseloadAverage},
	{ID: "caseload_weighted_average", Title: "Average weighted caseload", Numerator: "weighted cases held by case-holding workers", Denominator: "their full-time equivalent",
		Period: Snapshot, Source: srcCaseload, Polarity: LowerBetter, Unit: Average,
		Group: GroupCaseloads, rule: caseloadWeighted},
	{ID: "workers_over_capacity", Title: "Workers over capacity", Numerator: "case-holding workers whose weighted caseload is over their capacity",
		Period: Snapshot, Source: srcCaseload, Polarity: LowerBetter, Target: target(0), Unit: Count,
		Group: GroupCaseloads, rule: overCapacity},
	{ID: "drift_cases", Title: "Cases drifting", Numerator: "open cases with no recorded progress for longer than the drift setting (working days)",
		Period: Snapshot, Source: srcLocal + "; casework drift rules", Polarity: LowerBetter, Target: target(0), Unit: Count,
		Group: GroupCaseloads, ChildSplits: true, rule: drift},
	{ID: "agency_rate_pct", Title: "Agency social workers", Numerator: "agency FTE", Denominator: "agency FTE + employed social worker FTE",
		Period: Snapshot, Source: srcCSWW, Polarity: LowerBetter, Target: target(15), Unit: Percent, Group: GroupWorkforce, rule: agencyRate},
	{ID: "vacancy_rate_pct", Title: "Vacancies", Numerator: "vacant funded FTE", Denominator: "vacant FTE + social worker FTE in post",
		Period: Snapshot, Source: srcCSWW, Polarity: LowerBetter, Target: target(15), Unit: Percent, Group: GroupWorkforce, rule: vacancyRate},
	{ID: "turnover_pct", Title: "Turnover", Numerator: "employed leavers' FTE in the 12 months to the date", Denominator: "employed FTE in post at the date",
		Period: YearTo, Source: srcCSWW, Polarity: LowerBetter, Target: target(15), Unit: Percent, Group: GroupWorkforce, rule: turnover},
	{ID: "agency_spend_gbp", Title: "Agency spend", Numerator: "day rate × working days in post × FTE of every agency worker in the 12 months to the date",
		Period: YearTo, Source: srcLocal + "; casework's workforce figures", Polarity: LowerBetter, Unit: Pounds, Group: GroupWorkforce, rule: agencySpend},
}
