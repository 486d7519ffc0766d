package annexa

import (
	"time"

	"sightline/internal/casework"
)

var list8Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Does the Child have a Disability",
	"Date Started to be Looked After", "Child's Category of Need",
	"Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
	"Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
	"Date of Last Social Work Visit", "What is the permanence plan for this child?",
	"Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
	"Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
	"Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type",
	"Placement Provider", "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
	"Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
	"Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
	"Was the child offered a Return Interview after their last missing episode (Y/N)?",
	"Did the child accept a Return Interview after their last missing episode (Y/N)?",
	"Allocated Team", "Allocated Worker"}

// inCare: one row for each child looked after at some time in the six
// months, describing their latest period of care begun by the as-at day.
// A period is a run of episodes each starting the day the last ended.
func (p period) inCare(cf casework.CaseFile) [][]any {
	eps, first := p.latestPeriod(cf)
	if eps == nil {
		return nil
	}
	start, last := eps[first].StartDate, eps[len(eps)-1]
	var ended *time.Time
	if last.EndDate != nil && !last.EndDate.After(p.asAt) {
		ended = last.EndDate
	}
	if ended != nil && ended.Before(p.six) {
		return nil
	}
	// second period: an earlier one ended within the twelve months
	// before this one began.
	second := first > 0 && eps[first-1].EndDate != nil && !eps[first-1].EndDate.Before(calendarYearBefore(start))
	var reason any
	if ended != nil {
		reason = last.EndReason
	}
	r := row(p.common(cf.Child), []any{yesNo(cf.Child.UASCSince(p.twelve)), disability(cf.Child), start, blank(last.CategoryOfNeed), yesNo(second)},
		p.legalStatus(cf, start), []any{p.lastEvent(cf, casework.CareReview, start), p.lastVisit(cf, "cla", start),
			p.permanence(cf), nil, p.lastHealth(cf, start), p.lastEvent(cf, casework.DentalCheck, start),
			p.placementsInYear(cf), date(ended), reason},
		p.placement(cf, start), p.missing(cf), allocated(cf))
	return [][]any{r}
}

// latestPeriod is the child's episodes begun by the as-at day and the
// index of the first episode of the latest period of care among them (nil
// when there are none).
func (p period) latestPeriod(cf casework.CaseFile) ([]casework.CareEpisode, int) {
	var eps []casework.CareEpisode
	for _, e := range cf.CareEpisodes {
		if !e.StartDate.After(p.asAt) {
			eps = append(eps, e)
		}
	}
	if len(eps) == 0 {
		return nil, 0
	}
	first := len(eps) - 1
	for first > 0 && eps[first-1].EndDate != nil && eps[first-1].EndDate.Equal(eps[first].StartDate) {
		first--
	}
	return eps, first
}

func calendarYearBefore(d time.Time) time.Time { return d.AddDate(-1, 0, 0) }

func (p period) legalStatus(cf casework.CaseFile, start time.Time) []any {
	out := []any{nil, nil}
	for _, l := range cf.LegalStatuses {
		if within(l.StartDate, start, p.asAt) {
			out = []any{l.StartDate, l.Code}
		}
	}
	return out
}

func (p period) lastEvent(cf casework.CaseFile, kind string, from time.Time) any {
	var d any
	for _, e := range cf.CareEvents {
		if e.Kind == kind && within(e.Date, from, p.asAt) {
			d = e.Date
		}
	}
	return d
}

func (p period) lastHealth(cf casework.CaseFile, from time.Time) any {
	var d any
	for _, e := range cf.CareEvents {
		if (e.Kind == casework.HealthInitial || e.Kind == casework.HealthReview) && within(e.Date, from, p.asAt) {
			d = e.Date
		}
	}
	return d
}

func (p period) lastVisit(cf casework.CaseFile, kind string, from time.Time) any {
	var d any
	for _, v := range cf.Visits {
		if v.Kind == kind && within(v.Date, from, p.asAt) {
			d = v.Date
		}
	}
	return d
}

// permanence is the latest plan decided by the as-at day.
func (p period) permanence(cf casework.CaseFile) any {
	var plan any
	for _, pl := range cf.Permanence {
		if !pl.DecidedOn.After(p.asAt) {
			plan = code(permanencePlans, pl.Plan)
		}
	}
	return plan
}

// placementsInYear counts the placements that were in force at some time
// in the twelve months.
func (p period) placementsInYear(cf casework.CaseFile) int {
	n := 0
	for _, pl := range cf.Placements {
		if overlaps(pl.StartDate, pl.EndDate, p.twelve, p.asAt) {
			n++
		}
	}
	return n
}

// placement is the most recent placement of the period begun by the day.
func (p period) placement(cf casework.CaseFile, start time.Time) []any {
	out := []any{nil, nil, nil, nil, nil, nil, nil}
	for _, pl := range cf.Placements {
		if within(pl.StartDate, start, p.asAt) {
			loc := "b) Out"
			if pl.InArea {
				loc = "a) In"
			}
			out = []any{pl.StartDate, pl.Type, blank(pl.Provider), blank(pl.Postcode), blank(pl.URN), loc, nil}
		}
	}
	return out
}

// missing counts the episodes missing (M) and absent (A) begun in the
// twelve months, and whether a return interview was offered after, and
// held for, the last missing one.
func (p period) missing(cf casework.CaseFile) []any {
	var missing, absent int
	var last *casework.MissingEpisode
	for i, m := range cf.Missing {
		if !within(m.StartDate, p.twelve, p.asAt) {
			continue
		}
		if m.Kind == "A" {
			absent++
			continue
		}
		missing++
		last = &cf.Missing[i]
	}
	out := []any{missing, absent, nil, nil}
	if last != nil {
		offered, held := false, false
		for _, ri := range cf.Interviews {
			if ri.EpisodeID == last.ID && !ri.OfferedOn.After(p.asAt) {
				offered = true
				held = held || (ri.HeldOn != nil && !ri.HeldOn.After(p.asAt))
			}
		}
		out[2], out[3] = yesNo(offered), yesNo(held)
	}
	return out
}
