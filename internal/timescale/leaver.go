package timescale

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// PathwayReviewMonths: a relevant or former relevant child's pathway plan
// is reviewed at intervals of not more than 6 months (Care Leavers
// (England) Regulations 2010 reg 7; timescales.md pathway_plan_review,
// conf. S). An eligible child's plan is reviewed with each looked-after
// review, which come no further apart than 6 months either, so the same
// outer limit holds for every category.
const PathwayReviewMonths = 6

var (
	rulePathwayReview = Rule{ID: "pathway_plan_review", Title: "Pathway plan review", Confidence: "S",
		Source: "Care Leavers (England) Regulations 2010 reg 7 and the Care Planning Regulations 2010 Part 7: a pathway plan is reviewed at intervals of not more than 6 months (an eligible child's with each looked-after review)"}
	ruleBirthdayContact = Rule{ID: "care_leaver_birthday_contact", Title: "Care leaver contact around the birthday", Confidence: "M", Local: true,
		Source: "SSDA903 OC3: whether the authority is in touch, and the young person's activity and accommodation, around each birthday from the 17th to the 21st. The window (settings " +
			KeyLeaverContactMonthsBefore + " and " + KeyLeaverContactMonthsAfter + ", 3 months before to 1 month after by default) is the DfE guide's as commonly applied; the guide itself was not read"}
)

// pathwayReviews sets pathway_plan_review: from the first pathway plan,
// each review (or new plan) is due PathwayReviewMonths after the last one,
// until leaving-care services end. RecordID is the first plan.
func pathwayReviews(in *input) {
	cl := in.cf.Leaver
	if cl == nil {
		return
	}
	var first *casework.PathwayRecord
	ds := in.dates[:0]
	for i := range in.cf.Pathway {
		p := &in.cf.Pathway[i]
		if first == nil && p.Kind == casework.PathwayPlan && in.known(p.Date) {
			first = p
			continue
		}
		if first != nil {
			ds = append(ds, p.Date)
		}
	}
	if first == nil {
		return
	}
	end, ended := time.Time{}, false
	if cl.ServicesEnded != nil && in.known(*cl.ServicesEnded) {
		end, ended = *cl.ServicesEnded, true
	}
	sr := series{start: first.Date, events: in.window(ds, first.Date, false, end, ended), ended: ended, recordID: first.ID}
	sr.first = step{rule: &rulePathwayReview, every: interval{PathwayReviewMonths, months},
		name: "Pathway plan review", from: "the pathway plan"}
	sr.next = sr.first
	sr.next.from = "the last review"
	in.run(&sr)
}

// oc3Ages are the birthdays around which a care leaver's outcomes are
// recorded (SSDA903 rule 391).
var oc3Ages = [...]int{17, 18, 19, 20, 21}

var birthdayFrom = [...]string{"the 17th birthday", "the 18th birthday", "the 19th birthday", "the 20th birthday", "the 21st birthday"}

// birthdayContacts sets care_leaver_birthday_contact: for each birthday
// from the 17th to the 21st, the authority is to be in touch with the
// young person within the window around it. The task appears when the
// window opens; it is done by the first contact in which the young person
// was in touch from the window's start (late when after its end). A
// birthday on which the young person was still looked after needs none
// (rules 1007 and 1016), nor one whose window closed before they became a
// care leaver on the record, nor one after leaving-care services ended,
// nor one whose record says the young person died, returned home or the
// authority is no longer required to keep in touch. RecordID is 0.
func birthdayContacts(in *input) {
	cl, dob := in.cf.Leaver, in.cf.Child.DateOfBirth
	if cl == nil || dob == nil || !in.known(cl.From) {
		return
	}
	for i, age := range oc3Ages {
		b := casework.BirthdayOn(*dob, age)
		opens := calendar.AddMonths(b, -in.s.LeaverContactMonthsBefore)
		due := calendar.AddMonths(b, in.s.LeaverContactMonthsAfter)
		switch {
		case !in.known(opens), due.Before(cl.From), in.lookedAfterOn(b):
			continue
		case cl.ServicesEnded != nil && in.known(*cl.ServicesEnded) && cl.ServicesEnded.Before(opens):
			continue
		case in.noContactNeeded(age):
			continue
		}
		st := step{rule: &ruleBirthdayContact, every: interval{in.s.LeaverContactMonthsAfter, months},
			name: "Birthday contact", from: birthdayFrom[i]}
		done := in.inTouchFrom(opens)
		if done.IsZero() && in.asAt.After(due) && cl.ServicesEnded != nil && in.known(*cl.ServicesEnded) {
			continue // services ended with the birthday missed: nothing left to do
		}
		in.emit(&st, b, due, done, 0)
	}
}

// lookedAfterOn reports whether the young person was looked after on day
// d, as far as the record knows: inside the period of care, or, with no
// period recorded, an eligible child (who is looked after by definition).
func (in *input) lookedAfterOn(d time.Time) bool {
	p := in.cf.LookedAfter
	if p.Start == nil {
		return in.cf.Leaver.Category == casework.LeaverEligible
	}
	return !p.Start.After(d) && (p.End == nil || p.End.After(d) || !in.known(*p.End))
}

// noContactNeeded: the birthday's own record says the young person died,
// returned home for 6 months or more, or the authority need not keep in
// touch (OC3 DIED, RHOM, NREQ).
func (in *input) noContactNeeded(age int) bool {
	for _, c := range in.cf.LeaverContacts {
		if c.Birthday == age && in.known(c.Date) && (c.InTouch == "DIED" || c.InTouch == "RHOM" || c.InTouch == "NREQ") {
			return true
		}
	}
	return false
}

// inTouchFrom is the first day on or after from, as known at asAt, on
// which a contact found the young person in touch; the zero time if none.
func (in *input) inTouchFrom(from time.Time) time.Time {
	var first time.Time
	for _, c := range in.cf.LeaverContacts {
		if c.InTouch != "YES" || c.Date.Before(from) || !in.known(c.Date) {
			continue
		}
		if first.IsZero() || c.Date.Before(first) {
			first = c.Date
		}
	}
	return first
}
