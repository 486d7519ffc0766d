package annexa

import (
	"time"

	"sightline/internal/casework"
)

var list9Columns = []string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
	"Does the Child have a Disability", "Allocated Team", "Allocated Worker", "Allocated Personal Advisor",
	"Eligibility Category", "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact",
	"Type of Accommodation", "Suitability of Accommodation", "Activity Status"}

var list10Columns = []string{"Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth",
	"Age of Child (Years)", "Does the Child have a Disability", "Date the Child Entered Care",
	"Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
	"Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
	"Date of Decision that Child Should No Longer be Placed for Adoption",
	"Reason Why Child No Longer Placed for Adoption",
	"Date the child was placed for fostering in FFA or concurrent planning placement"}

// leavers: every young person in a care leaver category on the as-at day
// whose leaving-care services have not ended.
func (p period) leavers(cf casework.CaseFile) [][]any {
	l := cf.Leaver
	if l == nil || l.From.After(p.asAt) || (l.ServicesEnded != nil && !l.ServicesEnded.After(p.asAt)) {
		return nil
	}
	var review, touch, contacted, accom, activity any
	for _, pr := range cf.Pathway {
		if !pr.Date.After(p.asAt) {
			review = pr.Date
		}
	}
	for _, c := range cf.LeaverContacts {
		if !c.Date.After(p.asAt) {
			contacted, touch, accom, activity = c.Date, blank(c.InTouch), blank(c.Accom), blank(c.Activity)
		}
	}
	// Suitability is the second character of the 903 ACCOM code (1 suitable,
	// 2 not); the first is the type.
	var kind, suitable any
	if s, ok := accom.(string); ok && len(s) == 2 {
		kind = s[:1]
		suitable = map[byte]any{'1': "a) Suitable", '2': "b) Not suitable"}[s[1]]
	}
	return [][]any{row(p.common(cf.Child), []any{p.uascOrFormerly(cf.Child), disability(cf.Child)}, allocated(cf),
		[]any{blank(l.Adviser), code(leaverCategories, l.Category), review, touch, contacted, kind, suitable, activity})}
}

// adoption: every child whose decision to be placed for adoption was made
// by the as-at day and who, in the twelve months, was adopted, had the
// decision reversed, or is still waiting.
func (p period) adoption(cf casework.CaseFile) [][]any {
	var rows [][]any
	for _, pl := range cf.Permanence {
		if pl.ShouldBePlaced == nil || pl.ShouldBePlaced.After(p.asAt) {
			continue
		}
		ended := p.upTo(pl.AdoptionOrder)
		if ended == nil {
			ended = p.upTo(pl.Reversed)
		}
		if ended != nil && ended.Before(p.twelve) {
			continue
		}
		var reason any
		if p.upTo(pl.Reversed) != nil {
			reason = blank(pl.ReversedReason)
		}
		c := p.common(cf.Child)
		// The period of care's first day from the episodes when there are
		// any, else as recorded on the plan.
		entered := pl.CareStarted
		if eps, first := p.latestPeriod(cf); eps != nil {
			entered = &eps[first].StartDate
		}
		rows = append(rows, row(c[:1], []any{nil}, c[1:], []any{disability(cf.Child), date(entered),
			*pl.ShouldBePlaced, date(p.upTo(pl.PlacementOrder)), date(p.upTo(pl.Matched)), date(p.upTo(pl.Placed)),
			date(p.upTo(pl.AdoptionOrder)), date(p.upTo(pl.Reversed)), reason, nil}))
	}
	return rows
}

// upTo is d when it is on or before the as-at day: a list as at a date
// shows nothing recorded for a later day.
func (p period) upTo(d *time.Time) *time.Time {
	if d == nil || d.After(p.asAt) {
		return nil
	}
	return d
}

// uascOrFormerly is list 9's UASC column: the young person is UASC on
// the day, or was and is now 18 or over.
func (p period) uascOrFormerly(c casework.Child) string {
	age, _ := c.AgeOn(p.asAt)
	return yesNo(c.UASCOn(p.asAt) || (c.UASC && age >= 18))
}
