package synth

import (
	"fmt"
	"math"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Pay and the register's census items. The DfE publishes no salaries or
// agency day rates by role (the workforce census collected base salary
// only from 2025), and the profile holds none, so the figures below are
// assumptions, stated once here: full-time annual salaries and agency day
// rates in April 2016, near the NJC pay points and agency charges councils
// reported then, moving by payRise a year either side of it.

// rolePay is a job's full-time salary and agency day rate in April 2016,
// in pence, and its census OrgRole.
type rolePay struct {
	salary, dayRate int64
	orgRole         string
}

var payByRole = map[string]rolePay{
	"Team manager":           {4_450_000, 45_000, "3"},
	"Assistant team manager": {3_950_000, 40_000, "3"},
	"Senior practitioner":    {3_650_000, 35_000, "4"},
	"Social worker":          {3_100_000, 31_000, "5"},
	// Family support workers are not social workers: OrgRole 6 is the
	// nearest census role, and they hold no SWE number.
	"Family support worker": {2_300_000, 18_000, "6"},
}

// Assumptions, as above.
const (
	onCostPct = 28.0  // employer's national insurance and pension, % of salary
	payRise   = 0.015 // pay and day rates a year
)

var payBase = calendar.Date(2016, time.April, 1)

// payOn scales an April 2016 amount to day d.
func payOn(pence int64, d time.Time) int64 {
	years := d.Sub(payBase).Hours() / 24 / 365.25
	return int64(math.Round(float64(pence)*math.Pow(1+payRise, years)/100)) * 100
}

// agencies supply the agency workers; the names are made up.
var agencies = []string{"Fellside Social Care Recruitment", "Northgate Locum Partners", "Harbour Street Staffing",
	"Moorland Interim Social Work", "Kestrel Care Professionals"}

// Census codes, weighted (assumptions): why LA-employed staff leave,
// where they go, and where starters come from (other than newly
// qualified workers and agency workers taken on permanently).
var (
	leaveReasons = Weights{{"1", 0.72}, {"5", 0.08}, {"7", 0.05}, {"4", 0.03}, {"2", 0.02}, {"8", 0.04},
		{"9", 0.06}}
	leaverGoes = Weights{{"1", 0.34}, {"3", 0.2}, {"4", 0.1}, {"5", 0.08}, {"6", 0.1}, {"7", 0.03},
		{"8", 0.15}}
	starterFrom = Weights{{"2", 0.45}, {"4", 0.2}, {"3", 0.03}, {"5", 0.1}, {"6", 0.08}, {"7", 0.04},
		{"9", 0.1}}
)

// registerEntry fills a worker's register items: the post, census role,
// pay (salary and on-costs as at the day they left or the as-at date for
// LA-employed staff; the agency's day rate when they started), where they
// came from and, for LA-employed leavers, why they left and where to.
func (w *world) registerEntry(r rng, s *casework.StaffRecord, ps *post, st stint, qualifiedNew bool) {
	pay := payByRole[s.JobRole]
	s.PostID, s.OrgRole = ptr(ps.rec.ID), pay.orgRole
	if s.EmploymentType == casework.Agency {
		s.AgencyName = one(r, agencies)
		s.DayRatePence = payOn(pay.dayRate, s.StartDate)
		return
	}
	at := w.asAt
	if s.EndDate != nil {
		at = *s.EndDate
	}
	s.SalaryPence, s.OnCostPct = payOn(pay.salary, at), onCostPct
	switch {
	case qualifiedNew:
		s.StartOrigin = "1"
	case st.converted:
		s.StartOrigin = "4"
	default:
		s.StartOrigin = r.pick(starterFrom)
	}
	if s.EndDate != nil && !s.EndDate.After(w.asAt) {
		s.LeavingReason, s.LeaverDestination = r.pick(leaveReasons), r.pick(leaverGoes)
		if s.LeavingReason == "7" {
			s.LeaverDestination = "5" // another role in the authority: other social care
		}
	}
}

// sweNumber is a Social Work England number for a social worker: SW and
// the worker's id, made up and belonging to no one.
func sweNumber(orgRole string, id int64) string {
	if orgRole == "6" {
		return ""
	}
	return fmt.Sprintf("SW9%06d", id)
}

// postRecord is the establishment's record of a post: funded from its
// first holder's start, full time, at the role's budgeted pay on the as-at
// date.
func (w *world) postRecord(team int, title string, funded time.Time) casework.Post {
	pay := payByRole[title]
	return casework.Post{ID: next(&w.ids.Post), TeamID: w.org.teams[team].ID, TeamName: w.org.teams[team].Name,
		Title: title, OrgRole: pay.orgRole, FTE: 1, FundedFrom: funded, SalaryPence: payOn(pay.salary, w.asAt),
		OnCostPct: onCostPct, Version: 1}
}

// unfilledShare is the share of case-holding posts funded and not yet
// filled at the as-at date, being recruited to: an assumption (vacancies
// covered by agency workers are counted from the posts they hold).
const unfilledShare = 0.03

// unfilledPosts adds the funded posts no one holds yet: social worker
// posts in the teams that hold cases for long (assessment, child
// protection, children in care), funded in the year before the as-at
// date. They are in the establishment only; no case can be held in them.
func (w *world) unfilledPosts(r rng) {
	o := w.org
	var teams []int
	holders := 0
	for t, ps := range o.posts {
		if k := o.teams[t].Kind; k == "assessment" || k == "child_protection" || k == "children_in_care" {
			teams = append(teams, t)
			for _, p := range ps {
				if p.caseHolding {
					holders++
				}
			}
		}
	}
	// at least one: a small authority too is recruiting to some post
	for i := 0; i < max(1, int(math.Round(unfilledShare*float64(holders)))) && len(teams) > 0; i++ {
		t := teams[i%len(teams)]
		o.unfilled = append(o.unfilled, w.postRecord(t, "Social worker", days(w.asAt, -r.between(30, 330))))
	}
}
