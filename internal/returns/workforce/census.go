// Package workforce writes the DfE children's social work workforce census
// (CSWW) from sightline's workforce register.
//
// Format. The census has two levels with different items: one LALevel
// record for the authority and one CSWWWorker record per worker
// (csww_schema_2025.xsd). A CSV holds one shape of row, so Export writes a
// zip of CSV files named after the XSD elements, each with the XSD item
// names as its header row, so every column maps one to one to the XML:
//
//	CSWWWorker.csv  one row per worker, items in schema order
//	LALevel.csv     one row: vacancies and agency workers at the date
//	Problems.csv    workers left out of CSWWWorker.csv, and why
//	README.txt      the reference date and the items left blank
//
// Items the register does not hold are written as blank columns so the
// layout stays the schema's: PersonBirthDate, Sex, Ethnicity, QualLevel,
// StepUpGrad, ContractWeeks, FrontlineGrad, RRPayments and OtherPayments
// for workers, and the 2025 pay and allowance items (RecruitmentBonus to
// OtherAllowances) for the authority.
//
// Nothing is written silently wrong: a worker whose record breaks a census
// rule (no or a malformed SWE number, FTE over 1, no role, a leaver with no
// reason) is left out of CSWWWorker.csv and listed in Problems.csv, to be
// fixed in the register and exported again.
package workforce

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"sightline/internal/casework"
)

// Input is what the census is made from.
type Input struct {
	Register casework.Register // the authority's whole register
	AsAt     time.Time         // the reference date, 30 September of the census year
	// CasesHeld is the open cases allocated to each worker on AsAt (the
	// store's CasesHeld): the item Cases30.
	CasesHeld map[int64]int
	Calendar  casework.WorkingDays // working days, for WorkingDaysLost
}

// ReferenceDate is 30 September of year, the census date.
func ReferenceDate(year int) time.Time {
	return time.Date(year, time.September, 30, 0, 0, 0, 0, time.UTC)
}

// WorkerColumns are the CSWWWorker items in schema order.
var WorkerColumns = []string{"AgencyWorker", "SWENo", "FTE", "PersonBirthDate", "Sex", "Ethnicity", "QualLevel",
	"StepUpGrad", "OrgRole", "RoleStartDate", "StartOrigin", "RoleEndDate", "LeaverDestination", "ReasonLeave",
	"FTE30", "Cases30", "WorkingDaysLost", "ContractWeeks", "FrontlineGrad", "Absat30Sept", "ReasonAbsence",
	"BaseSalary", "RRPayments", "OtherPayments"}

// LAColumns are the LALevel items in schema order.
var LAColumns = []string{"NumberOfVacancies", "NoAgencyFTE", "NoAgencyHeadcount", "RecruitmentBonus",
	"RetentionBonus", "PerformanceAward", "CarAllowance", "RelocationPackage", "RegionalWeighting", "CostSWE",
	"CostDBS", "OtherAllowances"}

// NotHeld are the worker items the register does not hold, written blank.
var NotHeld = []string{"PersonBirthDate", "Sex", "Ethnicity", "QualLevel", "StepUpGrad", "ContractWeeks",
	"FrontlineGrad", "RRPayments", "OtherPayments"}

// Problem is a worker left out of the census, with the item at fault.
type Problem struct {
	WorkerID int64
	Name     string
	Item     string // the census item, e.g. SWENo
	Message  string
}

// Census is the return built from the register: its rows, ready to
// write, and the workers left out.
type Census struct {
	AsAt     time.Time
	From     time.Time           // the census year runs From to AsAt
	Workers  []map[string]string // item → value, one per worker written
	LA       map[string]string
	Problems []Problem
}

// Build makes the census as at in.AsAt. Its year runs from the day after
// the same date a year before (1 October) to AsAt. It includes every
// LA-employed worker in post at any time in the year (starters, leavers
// and those in post at the date) and the agency workers in post on the
// date, as DfE collects them.
func Build(in Input) Census {
	c := Census{AsAt: in.AsAt, From: in.AsAt.AddDate(-1, 0, 1), LA: laLevel(in.Register.StockOn(in.AsAt))}
	for _, w := range in.Register.Staff {
		if !c.inScope(w) {
			continue
		}
		if p := check(w, in.AsAt); len(p) > 0 {
			c.Problems = append(c.Problems, p...)
			continue
		}
		c.Workers = append(c.Workers, c.row(w, in))
	}
	sort.SliceStable(c.Problems, func(i, j int) bool { return c.Problems[i].Name < c.Problems[j].Name })
	return c
}

func (c Census) inScope(w casework.StaffRecord) bool {
	if w.IsAgency() {
		return w.ActiveOn(c.AsAt)
	}
	return !w.StartDate.After(c.AsAt) && (w.EndDate == nil || !w.EndDate.Before(c.From))
}

// leftInYear reports whether the worker's last day fell in the census year.
func leftInYear(w casework.StaffRecord, asAt time.Time) bool {
	return w.EndDate != nil && !w.EndDate.After(asAt)
}

// check lists what stops a worker's record being written.
func check(w casework.StaffRecord, asAt time.Time) []Problem {
	var out []Problem
	add := func(item, msg string) {
		out = append(out, Problem{WorkerID: w.ID, Name: w.Name, Item: item, Message: msg})
	}
	switch sw := strings.TrimSpace(w.SWENo); {
	case sw == "":
		add("SWENo", "No Social Work England number: every census record needs one")
	case !casework.ValidSWENo(sw):
		add("SWENo", fmt.Sprintf("Social Work England number %q is not two letters then 1 to 10 digits", sw))
	}
	if w.FTE <= 0 || w.FTE > 1 {
		add("FTE", fmt.Sprintf("FTE %.2f is outside the census range, more than 0 and at most 1", w.FTE))
	}
	if casework.LabelOf(casework.OrgRoles(), w.OrgRole) == "" {
		add("OrgRole", "No census role")
	}
	if !w.IsAgency() && leftInYear(w, asAt) && w.LeavingReason == "" {
		add("ReasonLeave", "Left in the census year with no reason for leaving")
	}
	return out
}

// row is one worker's census items. Items for the reference date (FTE30,
// Cases30, Absat30Sept, ReasonAbsence) are for workers in post that day;
// leaving items for those whose last day fell in the year.
func (c Census) row(w casework.StaffRecord, in Input) map[string]string {
	r := map[string]string{
		"AgencyWorker": "0", "SWENo": strings.ToUpper(strings.TrimSpace(w.SWENo)), "FTE": fte(w.FTE),
		"OrgRole": w.OrgRole, "RoleStartDate": iso(w.StartDate), "StartOrigin": w.StartOrigin,
	}
	if w.IsAgency() {
		r["AgencyWorker"] = "1"
	} else {
		r["WorkingDaysLost"] = fmt.Sprintf("%.2f", sicknessDays(in, w, c.From))
		if w.SalaryPence > 0 {
			r["BaseSalary"] = fmt.Sprintf("%d.%02d", w.SalaryPence/100, w.SalaryPence%100)
		}
	}
	if leftInYear(w, c.AsAt) {
		r["RoleEndDate"], r["ReasonLeave"], r["LeaverDestination"] = iso(*w.EndDate), w.LeavingReason, w.LeaverDestination
	}
	if w.ActiveOn(c.AsAt) {
		r["FTE30"], r["Cases30"], r["Absat30Sept"] = fte(w.FTE), fmt.Sprint(in.CasesHeld[w.ID]), "0"
		if a, ok := absentOn(in.Register.Absences, w.ID, c.AsAt); ok {
			r["Absat30Sept"], r["ReasonAbsence"] = "1", a.Reason
		}
	}
	return r
}

// sicknessDays is the FTE working days the worker lost to sickness in the
// census year, by the register's own rule (casework.Register.FlowsBetween).
func sicknessDays(in Input, w casework.StaffRecord, from time.Time) float64 {
	var mine []casework.Absence
	for _, a := range in.Register.Absences {
		if a.WorkerID == w.ID {
			mine = append(mine, a)
		}
	}
	one := casework.Register{Staff: []casework.StaffRecord{w}, Absences: mine}
	return one.FlowsBetween(from, in.AsAt, in.Calendar).SicknessDaysLost
}

// absentOn finds an absence of the worker under way on d.
func absentOn(absences []casework.Absence, workerID int64, d time.Time) (casework.Absence, bool) {
	for _, a := range absences {
		if a.WorkerID == workerID && a.Covers(d) {
			return a, true
		}
	}
	return casework.Absence{}, false
}

// laLevel is the authority's record: vacancies and agency workers on the
// date, over the whole register (workers left out for problems included).
func laLevel(s casework.Stock) map[string]string {
	return map[string]string{
		"NumberOfVacancies": fmt.Sprintf("%.2f", s.VacancyFTE),
		"NoAgencyFTE":       fmt.Sprintf("%.2f", s.AgencyFTE),
		"NoAgencyHeadcount": fmt.Sprint(s.AgencyHeadcount),
	}
}

// fte writes an FTE as the census ftedecimal: six decimal places.
func fte(x float64) string { return fmt.Sprintf("%.6f", x) }

func iso(d time.Time) string { return d.Format("2006-01-02") }
