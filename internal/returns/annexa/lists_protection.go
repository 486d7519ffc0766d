package annexa

import (
	"time"

	"sightline/internal/casework"
)

var list6Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
	"CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"}

var list7Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse",
	"Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
	"Date of latest review conference", "Child Protection Plan End Date",
	"Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
	"Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"}

// childrenInNeed: every episode of need (a referral not closed with no
// further action) open at some time in the six months.
func (p period) childrenInNeed(cf casework.CaseFile) [][]any {
	var rows [][]any
	for _, r := range cf.Referrals {
		if r.NFA || !overlaps(r.Date, r.ClosureDate, p.six, p.asAt) {
			continue
		}
		var seen any
		for _, v := range cf.Visits {
			if v.Seen && !v.Date.After(p.asAt) {
				seen = v.Date
			}
		}
		closed := r.ClosureDate != nil && !r.ClosureDate.After(p.asAt)
		var closure, reason any
		if closed {
			closure, reason = *r.ClosureDate, r.ClosureReason
		}
		rows = append(rows, row(p.common(cf.Child), []any{disability(cf.Child), r.Date, blank(r.PrimaryNeed), seen,
			closure, reason, p.caseStatus(cf, closed)}, allocated(cf)))
	}
	return rows
}

// caseStatus is the child's status on the as-at day, the highest first.
func (p period) caseStatus(cf casework.CaseFile, closed bool) string {
	for _, e := range cf.CareEpisodes {
		if e.Open(p.asAt) {
			return "a) Looked after child"
		}
	}
	for _, pl := range cf.Plans {
		if pl.Active(p.asAt) {
			return "b) Child Protection plan"
		}
	}
	for _, pl := range cf.CINPlans {
		if !pl.StartDate.After(p.asAt) && (pl.EndDate == nil || pl.EndDate.After(p.asAt)) {
			return "c) Child in need plan"
		}
	}
	if closed {
		return "e) Closed episode"
	}
	return "d) Open assessment"
}

// protection: every child protection plan in force at some time in the
// six months. The statutory visit is the last child protection visit
// under the plan by the as-at day.
func (p period) protection(cf casework.CaseFile) [][]any {
	var rows [][]any
	for _, pl := range cf.Plans {
		if !overlaps(pl.StartDate, pl.EndDate, p.six, p.asAt) {
			continue
		}
		last := p.asAt
		if pl.EndDate != nil && pl.EndDate.Before(last) {
			last = *pl.EndDate
		}
		var visited, alone, review any
		for _, v := range cf.Visits {
			if v.Kind == "cp" && within(v.Date, pl.StartDate, last) {
				visited, alone = v.Date, yesNo(v.SeenAlone)
			}
		}
		for _, c := range cf.Conferences {
			if c.Kind == casework.ReviewConference && within(c.Date, pl.StartDate, last) {
				review = c.Date
			}
		}
		var ended *time.Time
		if pl.EndDate != nil && !pl.EndDate.After(p.asAt) {
			ended = pl.EndDate
		}
		rows = append(rows, row(p.common(cf.Child), []any{disability(cf.Child), pl.StartDate,
			code(abuseCategories, pl.InitialCategory), code(abuseCategories, pl.LatestCategory), visited, alone,
			review, date(ended), nil, pl.PreviousPlans}, allocated(cf)))
	}
	return rows
}
