package web

import (
	"fmt"
	"time"

	"sightline/internal/casework"
)

// wfTable is one table of the workforce page, drawn as HTML and downloaded
// as CSV from the same cells.
type wfTable struct {
	ID, Caption, Empty string
	Head               []string
	Numeric            []bool // right-aligned columns
	Rows               []wfRow
}

// wfRow is a row of cells and, on the page only, links to act on it.
type wfRow struct {
	Cells []wfCell
	Links []wfLink
}

// wfLink is a link on a row; Hidden completes its label for screen
// readers ("Leaver" → "Leaver: record Amira Khan leaving").
type wfLink struct{ Href, Label, Hidden, ID string }

// wfFiguresTable is the tiles as a table, with their working and the
// published figures beside them.
func wfFiguresTable(tiles []wfTile) wfTable {
	t := wfTable{ID: "figures", Caption: "Figures",
		Head:    []string{"Figure", "Value", "Numerator", "Denominator", "England", "England year", wfRegionName, wfRegionName + " year", "Definition"},
		Numeric: []bool{false, true, true, true, true, true, true, true, false}}
	for _, x := range tiles {
		t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(x.Label), x.Value, x.Num, x.Den, x.England,
			wfCount(x.EnglandYear), x.Region, wfCount(x.RegionYear), wfTxt(x.Definition)}})
	}
	return t
}

// wfMonthsTable is each of the 12 months: the stock at its end (the last
// month ends on the as-at date) and what happened in it; the permanent
// cost is that of the same FTE as the agency spend.
func wfMonthsTable(months []casework.Month) wfTable {
	t := wfTable{ID: "months", Caption: "The 12 months by month",
		Head: []string{"Month", "Headcount", "FTE in post", "Agency FTE", "Agency rate", "Vacant FTE",
			"Vacancy rate", "Starters", "Leavers", "Leavers FTE", "Turnover, 12 months (FTE)", "Sickness days lost",
			"Agency spend", "Permanent cost"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true, true, true, true, true, true}}
	for _, m := range months {
		t.Rows = append(t.Rows, wfRow{Cells: []wfCell{{m.Start.Format("Jan 2006"), m.Start.Format("2006-01")}, wfCount(m.Headcount), wfNum(m.Stock.FTE, 2), wfNum(m.AgencyFTE, 2), wfPct(m.AgencyRate()),
			wfNum(m.VacancyFTE, 2), wfPct(m.VacancyRate()), wfCount(m.Starters), wfCount(m.Leavers), wfNum(m.LeaversFTE, 2),
			wfPct(m.Turnover), wfNum(m.SicknessDaysLost, 2), wfMoney(m.AgencySpendPence), wfMoney(m.PermanentCostPence)}})
	}
	return t
}

// wfPostsTable is every post funded on the date, who holds it and what
// is vacant.
func wfPostsTable(current casework.Register) wfTable {
	t := wfTable{ID: "posts", Caption: "Posts funded on the date", Empty: "No posts are recorded for this date.",
		Head: []string{"Post", "Team", "Role", "FTE", "Funded from", "Funded to", "Held by", "Vacant FTE",
			"Salary (full-time)", "On-costs"},
		Numeric: []bool{false, false, false, true, false, false, false, true, true, true}}
	for _, p := range current.Posts {
		held, filled := "", 0.0
		for _, w := range current.Staff {
			if w.PostID == nil || *w.PostID != p.ID {
				continue
			}
			if held != "" {
				held += "; "
			}
			held += fmt.Sprintf("%s (%s FTE", w.Name, wfNum(w.FTE, 2).Text)
			if w.IsAgency() {
				held += ", agency)"
				continue
			}
			held += ")"
			filled += w.FTE
		}
		t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(p.Title), wfTxt(p.TeamName), wfTxt(casework.LabelOf(casework.OrgRoles(), p.OrgRole)),
			wfNum(p.FTE, 2), wfDate(p.FundedFrom), wfDatePtr(p.FundedTo), wfTxt(held), wfNum(max(0, p.FTE-filled), 2),
			wfMoney(p.SalaryPence), wfPercent(p.OnCostPct)}})
	}
	return t
}

// wfPeopleTable is everyone in post on the date, with the links to change
// their record when the user may.
func wfPeopleTable(current casework.Register, canEdit bool) wfTable {
	t := wfTable{ID: "people", Caption: "People in post on the date", Empty: "No one is in post on this date.",
		Head: []string{"Name", "Team", "Post", "Role", "Employment", "FTE", "Started", "SWE number", "Agency",
			"Day rate", "Salary (full-time)", "Absent on the date"},
		Numeric: []bool{false, false, false, false, false, true, false, false, false, true, true, false}}
	absent := map[int64]string{}
	for _, a := range current.Absences {
		absent[a.WorkerID] = casework.LabelOf(casework.AbsenceReasons(), a.Reason)
	}
	for _, w := range current.Staff {
		row := wfRow{Cells: []wfCell{wfTxt(w.Name), wfTxt(w.TeamName), wfTxt(w.PostTitle),
			wfTxt(casework.LabelOf(casework.OrgRoles(), w.OrgRole)), wfTxt(casework.LabelOf(casework.EmploymentTypes(), w.EmploymentType)),
			wfNum(w.FTE, 2), wfDate(w.StartDate), wfTxt(w.SWENo), wfTxt(w.AgencyName), wfPay(w.DayRatePence),
			wfPay(w.SalaryPence), wfTxt(absent[w.ID])}}
		if canEdit {
			base := fmt.Sprintf("/workforce/workers/%d/", w.ID)
			row.Links = []wfLink{{base + "edit", "Edit", "the record of " + w.Name, fmt.Sprintf("edit-%d", w.ID)},
				{base + "leaver", "Leaver", "record " + w.Name + " leaving", fmt.Sprintf("leaver-%d", w.ID)},
				{base + "absence", "Absence", "record an absence of " + w.Name, fmt.Sprintf("absence-%d", w.ID)}}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// wfPercent is a percentage as typed: "28%", downloaded as 28.
func wfPercent(x float64) wfCell {
	c := wfNum(x, 2)
	return wfCell{c.Text + "%", c.Raw}
}

// wfPay is blank for no pay rather than "£0".
func wfPay(pence int64) wfCell {
	if pence == 0 {
		return wfCell{}
	}
	return wfMoney(pence)
}

// wfLeaversTable is everyone whose last day fell in the 12 months.
func wfLeaversTable(reg casework.Register, from, to time.Time) wfTable {
	t := wfTable{ID: "leavers", Caption: "Leavers in the 12 months", Empty: "No one left in the 12 months.",
		Head:    []string{"Name", "Team", "Role", "Employment", "FTE", "Started", "Left", "Reason", "Destination"},
		Numeric: []bool{false, false, false, false, true, false, false, false, false}}
	for _, w := range reg.Staff {
		if w.EndDate == nil || w.EndDate.Before(from) || w.EndDate.After(to) {
			continue
		}
		t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(w.Name), wfTxt(w.TeamName),
			wfTxt(casework.LabelOf(casework.OrgRoles(), w.OrgRole)), wfTxt(casework.LabelOf(casework.EmploymentTypes(), w.EmploymentType)),
			wfNum(w.FTE, 2), wfDate(w.StartDate), wfDatePtr(w.EndDate), wfTxt(casework.LabelOf(casework.LeavingReasons(), w.LeavingReason)),
			wfTxt(casework.LabelOf(casework.LeaverDestinations(), w.LeaverDestination))}})
	}
	return t
}

// wfAbsencesTable is every absence under way at some time in the 12
// months, with the FTE working days it cost within them.
func wfAbsencesTable(reg casework.Register, from, to time.Time, wd casework.WorkingDays) wfTable {
	t := wfTable{ID: "absences", Caption: "Absences in the 12 months", Empty: "No absences are recorded in the 12 months.",
		Head:    []string{"Name", "Reason", "From", "To", "FTE days lost to sickness in the 12 months"},
		Numeric: []bool{false, false, false, false, true}}
	staff := map[int64]casework.StaffRecord{}
	for _, w := range reg.Staff {
		staff[w.ID] = w
	}
	for _, a := range reg.Absences {
		if a.Start.After(to) || (a.End != nil && a.End.Before(from)) {
			continue
		}
		one := casework.Register{Staff: []casework.StaffRecord{staff[a.WorkerID]}, Absences: []casework.Absence{a}}
		lost := wfNum(one.FlowsBetween(from, to, wd).SicknessDaysLost, 2)
		if a.Reason != casework.AbsenceSickness {
			lost = wfCell{} // only sickness counts as days lost
		}
		t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(a.WorkerName), wfTxt(casework.LabelOf(casework.AbsenceReasons(), a.Reason)),
			wfDate(a.Start), wfDatePtr(a.End), lost}})
	}
	return t
}
