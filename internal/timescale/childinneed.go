package timescale

import "time"

// cinPlanReviews sets cin_plan_review: while a child in need (s.17) plan
// is open it is reviewed at least every Settings.CINPlanReviewMonths
// calendar months, from its start and then from the last review held.
// Working Together 2023 sets no fixed interval; the standard is local
// (timescales.md cin_plan_review, conf. M). RecordID is the CIN plan.
func cinPlanReviews(in *input) {
	for i := range in.cf.CINPlans {
		p := &in.cf.CINPlans[i]
		if !in.known(p.StartDate) {
			continue
		}
		ds := in.dates[:0]
		for _, r := range in.cf.CINReviews {
			if r.PlanID == p.ID || r.PlanID == 0 {
				ds = append(ds, r.Date)
			}
		}
		end, ended := in.endOf(p.EndDate, p.ReferralID)
		sr := series{start: p.StartDate, events: in.window(ds, p.StartDate, false, end, ended),
			ended: ended, recordID: p.ID}
		sr.first = step{rule: &ruleCINPlanReview, every: interval{in.s.CINPlanReviewMonths, months},
			name: "CIN plan review", from: "the start of the plan"}
		sr.next = sr.first
		sr.next.from = "the last review"
		in.run(&sr)
	}
}

// cinVisits sets cin_visit: while a child in need plan is open, and no
// child protection plan is in force, the child is to be seen at least
// every Settings.CINVisitWorkingDays working days, from the plan's start
// and then from the last visit in which the child was seen (local
// standard: there is no national frequency; conf. M). A CP plan starting
// ends the series, as a CIN plan cannot run alongside one (CIN rule
// 4001). RecordID is the CIN plan.
func cinVisits(in *input) {
	for i := range in.cf.CINPlans {
		p := &in.cf.CINPlans[i]
		if !in.known(p.StartDate) {
			continue
		}
		end, ended := in.endOf(p.EndDate, p.ReferralID)
		if cp, ok := in.cpPlanFrom(p.StartDate); ok && (!ended || cp.Before(end)) {
			end, ended = cp, true
		}
		sr := series{start: p.StartDate, events: in.window(in.seenVisits(), p.StartDate, false, end, ended),
			ended: ended, recordID: p.ID}
		sr.first = step{rule: &ruleCINVisit, every: interval{in.s.CINVisitWorkingDays, workingDays},
			name: "CIN visit", from: "the start of the plan"}
		sr.next = sr.first
		sr.next.from = "the last visit the child was seen"
		in.run(&sr)
	}
}

// cpPlanFrom returns the first day on or after start on which a child
// protection plan was in force, as known at asAt.
func (in *input) cpPlanFrom(start time.Time) (time.Time, bool) {
	var first time.Time
	found := false
	for i := range in.cf.Plans {
		p := &in.cf.Plans[i]
		if !in.known(p.StartDate) {
			continue
		}
		d := p.StartDate
		if d.Before(start) {
			if end, ended := in.endOf(p.EndDate, p.ReferralID); ended && !end.After(start) {
				continue // ended before the CIN plan started
			}
			d = start
		}
		if !found || d.Before(first) {
			first, found = d, true
		}
	}
	return first, found
}
