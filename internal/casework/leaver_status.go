package casework

import "time"

// LeaverStatus is where a care leaver stood on a day, from the records
// dated on or before it: what the care leavers list shows.
type LeaverStatus struct {
	Category      string
	Adviser       string
	Age           int
	LatestPathway *time.Time // the last pathway plan or review
	LastContact   *time.Time
	InTouch       string // the last contact's OC3 IN_TOUCH
	Activity      string // the last recorded activity
	Accom         string // the last recorded accommodation
}

// NotInTouch: the last contact found the young person not in touch or
// refusing contact.
func (s LeaverStatus) NotInTouch() bool { return s.InTouch == "NO" || s.InTouch == "REFU" }

// NotInEET: the last recorded activity is not education, employment or
// training (G4, G5, G6).
func (s LeaverStatus) NotInEET() bool {
	return s.Activity != "" && s.Activity != "0" && !InEET(s.Activity)
}

// Unsuitable: the last recorded accommodation is not suitable.
func (s LeaverStatus) Unsuitable() bool { return len(s.Accom) == 2 && !AccomSuitable(s.Accom) }

// LeaverStatusOn returns the young person's status on day d; ok is false
// when they were not a care leaver then (no record yet, or services had
// ended).
func (cf CaseFile) LeaverStatusOn(d time.Time) (LeaverStatus, bool) {
	cl := cf.Leaver
	if cl == nil || cl.From.After(d) || (cl.ServicesEnded != nil && !cl.ServicesEnded.After(d)) {
		return LeaverStatus{}, false
	}
	s := LeaverStatus{Category: cl.Category}
	if cl.AdviserFrom == nil || !cl.AdviserFrom.After(d) {
		s.Adviser = cl.Adviser
	}
	if dob := cf.Child.DateOfBirth; dob != nil {
		s.Age = ageOn(*dob, d)
	}
	for i := range cf.Pathway {
		if p := &cf.Pathway[i]; !p.Date.After(d) {
			s.LatestPathway = &p.Date
		}
	}
	for i := range cf.LeaverContacts {
		c := &cf.LeaverContacts[i]
		if c.Date.After(d) {
			continue
		}
		s.LastContact, s.InTouch = &c.Date, c.InTouch
		if c.Activity != "" {
			s.Activity = c.Activity
		}
		if c.Accom != "" {
			s.Accom = c.Accom
		}
	}
	return s, true
}

// On returns the plan as it was known on day d: stages dated after d are
// left out. ok is false when the plan had not been made by d.
func (p PermanencePlan) On(d time.Time) (PermanencePlan, bool) {
	if p.DecidedOn.After(d) {
		return p, false
	}
	for _, t := range []**time.Time{&p.CareStarted, &p.ShouldBePlaced, &p.PlacementOrder, &p.Matched, &p.Placed,
		&p.AdoptionOrder, &p.Reversed, &p.OrderMade} {
		if *t != nil && (*t).After(d) {
			*t = nil
		}
	}
	if p.Reversed == nil {
		p.ReversedReason = ""
	}
	if p.OrderMade == nil {
		p.OrderReason = ""
	}
	if p.AdoptionOrder == nil {
		p.Adopters = Adopters{}
	}
	return p, true
}
