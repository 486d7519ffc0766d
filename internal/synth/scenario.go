package synth

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Scenario is a kind of authority, as data: a table of periods, each the
// parameters of the service from its date until the next. The generator
// reads the period in force on each date and never branches on a
// scenario's name.
type Scenario struct {
	Name  string
	Title string
	// AsAt is the date the scenario describes; zero means today (steady).
	AsAt time.Time
	// RefPopulation is the child population the scenario's counts (the
	// workforce, unallocated and drifting cases) were measured at; they
	// scale with the size's population.
	RefPopulation int
	// Ethnicity is the split of children by ethnic group (white, mixed,
	// asian, black, other, unknown); nil means England's.
	Ethnicity Weights
	Periods   []Period // by From, the first from the start of history
}

// Period is the service as it was from From until the next period.
// Shares are of referrals unless named otherwise.
type Period struct {
	From  time.Time
	Label string

	// Demand.
	ReferralsPer10k     float64 // referrals a year per 10,000 children
	ContactsPerReferral float64 // contacts for each referral: no national statistic, an assumption
	RepeatRate          float64 // chance a family is referred again after an episode closes (sets re-referrals)
	OutOfHours          float64 // share of contacts recorded by the emergency duty team

	// The front door: referral decisions within 1 working day.
	DecisionNextDay float64 // decided the next working day (the rest the same day)
	DecisionLate    float64 // decided later than 1 working day

	// Routes: no further action at the referral, assessed and not in need,
	// assessed and stepped down to early help, section 47 enquiry; the rest
	// are assessed as in need (a child in need plan).
	NFA, NotInNeed, EarlyHelp, S47 float64

	// Protection.
	ICPCPerS47      float64 // initial conferences per section 47 enquiry
	PlanPerICPC     float64 // plans per initial conference
	ICPCWithin15    float64 // initial conferences within 15 working days of the strategy discussion
	PriorPlan       float64 // chance a plan's child had a plan before records began (sets second plans)
	NeglectShare    float64 // plans whose initial category is neglect; the others keep England's proportions
	ReviewInTime    float64 // review conferences and CIN plan reviews held in time
	CoreGroupInTime float64 // core groups held in time

	// Assessments authorised within 45 working days of the referral.
	AssessmentWithin45 float64

	// Visits: child protection visits to the standard, and CIN visits
	// within 20 working days.
	CPVisit        VisitStandard
	CINVisitInTime float64

	// Missing children: return home interviews offered within 72 hours of
	// the child's return.
	ReturnInterviewIn72h float64

	// Care proceedings whose final hearing (the full care order) is within
	// 26 weeks of the interim order.
	FinalWithin26Weeks float64

	// Children coming into care a year per 10,000 children. With periods
	// of care as long as England's (about 2.4 years) this sets how many
	// are looked after: 28 keeps England's 69.7 per 10,000 (care_flow.go).
	CareStartsPer10k float64

	// Workforce.
	AgencyShare    float64 // agency staff among those in post
	Turnover       float64 // share of staff leaving in a year
	NewlyQualified float64 // newly qualified among permanent social workers who join
	Caseload       float64 // open cases per case-holding FTE at the as-at date
	Workforce      int     // staff in post at the as-at date at RefPopulation; 0: from caseloads

	// At the as-at date, at RefPopulation: open cases with no worker, open
	// cases with no recorded progress for 5 months, and the open
	// assessments held by the one overloaded worker (0: none).
	Unallocated, Drift, OverloadedAssessments int
}

// VisitStandard is how often a child on a CP plan is seen, and the share
// of visits that keep to it.
type VisitStandard struct {
	Within      int  // days, or working days
	WorkingDays bool // Within counts working days, not calendar days
	InTime      float64
}

// At returns the period in force on day d.
func (s Scenario) At(d time.Time) Period {
	p := s.Periods[0]
	for _, q := range s.Periods[1:] {
		if !d.Before(q.From) {
			p = q
		}
	}
	return p
}

// scaled turns a count measured at the scenario's reference population
// into one for a population of pop children.
func (s Scenario) scaled(n, pop int) int {
	if n == 0 || s.RefPopulation == 0 {
		return n
	}
	return int(math.Round(float64(n) * float64(pop) / float64(s.RefPopulation)))
}

// Scenarios returns the scenarios sightline knows, in the order help lists
// them.
func Scenarios() []Scenario {
	n := nationalPeriod(National())
	return []Scenario{steady(n), inadequate2015(n), improving2017(n)}
}

// ScenarioNames lists the scenario names.
func ScenarioNames() []string {
	var out []string
	for _, s := range Scenarios() {
		out = append(out, s.Name)
	}
	return out
}

// LookupScenario finds a scenario by name.
func LookupScenario(name string) (Scenario, error) {
	all := Scenarios()
	i := slices.IndexFunc(all, func(s Scenario) bool { return s.Name == name })
	if i < 0 {
		return Scenario{}, fmt.Errorf("unknown scenario %q: choose one of %s", name, strings.Join(ScenarioNames(), ", "))
	}
	return all[i], nil
}

// Size is how big an authority to make.
type Size struct {
	Name       string
	Population int // children aged 0 to 17 living in the authority
	Years      int // years of history before the as-at date
	// AreaPopulation, when set, splits the population into areas of about
	// this many children, each made and written in turn (see Stream), so
	// that memory holds one area at a time.
	AreaPopulation int
	About          string
}

// Areas is how many areas the size is made in.
func (s Size) Areas() int {
	if s.AreaPopulation <= 0 || s.Population <= s.AreaPopulation {
		return 1
	}
	return (s.Population + s.AreaPopulation - 1) / s.AreaPopulation
}

// Sizes returns the sizes, smallest first.
func Sizes() []Size {
	return []Size{
		{Name: "small", Population: 7000, Years: 3,
			About: "about 2,000 children known over 3 years: for tests"},
		{Name: "la", Population: 55000, Years: 10,
			About: "a large authority: 55,000 children, ten years of history"},
		{Name: "national", Population: 12000000, Years: 5, AreaPopulation: 60000,
			About: "England: 12 million children, five years of history, made in 200 areas one after another"},
	}
}

// SizeNames lists the size names.
func SizeNames() []string {
	var out []string
	for _, s := range Sizes() {
		out = append(out, s.Name)
	}
	return out
}

// LookupSize finds a size by name.
func LookupSize(name string) (Size, error) {
	all := Sizes()
	i := slices.IndexFunc(all, func(s Size) bool { return s.Name == name })
	if i < 0 {
		return Size{}, fmt.Errorf("unknown size %q: choose one of %s", name, strings.Join(SizeNames(), ", "))
	}
	return all[i], nil
}
