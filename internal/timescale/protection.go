package timescale

import (
	"time"

	"sightline/internal/casework"
)

// coreGroups sets core_group_first and core_group_next for each child
// protection plan. The first core group is due 10 working days from the
// ICPC, the day the plan starts (Working Together 2023, ch. 3; conf. S);
// a core group held on the ICPC day counts. Working Together sets no
// interval after that, so each later one is due Settings.CoreGroupWeeks
// calendar weeks after the last one held (local standard). RecordID is the
// plan.
func coreGroups(in *input) {
	for i := range in.cf.Plans {
		p := &in.cf.Plans[i]
		if !in.known(p.StartDate) {
			continue
		}
		ds := in.dates[:0]
		for _, g := range in.cf.CoreGroups {
			if g.PlanID == p.ID || g.PlanID == 0 {
				ds = append(ds, g.Date)
			}
		}
		sr := in.planSeries(p, ds, true)
		sr.first = step{rule: &ruleCoreGroupFirst, every: interval{FirstCoreGroupWorkingDays, workingDays},
			name: "First core group", from: "the ICPC"}
		sr.next = step{rule: &ruleCoreGroupNext, every: interval{in.s.CoreGroupWeeks, weeks},
			name: "Core group", from: "the last core group"}
		in.run(&sr)
	}
}

// reviewConferences sets rcpc_first and rcpc_next for each child
// protection plan: the first review conference is due 3 calendar months
// after the ICPC (the plan's start), and each later one 6 months after the
// last review actually held (Working Together 2023, ch. 3 "Child
// protection review conference"; conf. S). Months are clamped to the
// month end (timescales.md edge case 7: 30 Nov → 28 or 29 Feb). A review
// on the plan's start day does not count (CIN rule 8841). RecordID is the
// plan.
func reviewConferences(in *input) {
	for i := range in.cf.Plans {
		p := &in.cf.Plans[i]
		if !in.known(p.StartDate) {
			continue
		}
		ds := in.dates[:0]
		for _, c := range in.cf.Conferences {
			if c.Kind == casework.ReviewConference && (c.PlanID == nil || *c.PlanID == p.ID) {
				ds = append(ds, c.Date)
			}
		}
		sr := in.planSeries(p, ds, false)
		sr.first = step{rule: &ruleRCPCFirst, every: interval{FirstReviewMonths, months},
			name: "First review conference", from: "the ICPC"}
		sr.next = step{rule: &ruleRCPCNext, every: interval{NextReviewMonths, months},
			name: "Review conference", from: "the last review conference"}
		in.run(&sr)
	}
}

// cpVisits sets cp_visit: while a child protection plan is in force the
// child is to be seen at least every Settings.CPVisitWorkingDays working
// days, from the plan's start and then from the last visit in which the
// child was seen. Working Together 2023 sets no national frequency; the
// plan or local procedures do (timescales.md cp_visit, conf. M). Any kind
// of visit counts when the child was seen; one where the child was not
// seen does not restart the clock. There is a task per interval: the done
// ones, for the indicator of CP visits within the standard, and the open
// one. RecordID is the plan.
func cpVisits(in *input) {
	for i := range in.cf.Plans {
		p := &in.cf.Plans[i]
		if !in.known(p.StartDate) {
			continue
		}
		sr := in.planSeries(p, in.seenVisits(), false)
		sr.first = step{rule: &ruleCPVisit, every: interval{in.s.CPVisitWorkingDays, workingDays},
			name: "CP visit", from: "the start of the plan"}
		sr.next = sr.first
		sr.next.from = "the last visit the child was seen"
		in.run(&sr)
	}
}

// planSeries returns a series over a CP plan's life as at asAt, with the
// event dates ds kept to the plan (see window).
func (in *input) planSeries(p *casework.CPPlan, ds []time.Time, onStart bool) series {
	end, ended := in.endOf(p.EndDate, p.ReferralID)
	return series{start: p.StartDate, events: in.window(ds, p.StartDate, onStart, end, ended),
		ended: ended, recordID: p.ID}
}

// seenVisits appends to the scratch dates every visit in which the child
// was seen, whatever its kind.
func (in *input) seenVisits() []time.Time {
	ds := in.dates[:0]
	for i := range in.cf.Visits {
		if in.cf.Visits[i].Seen {
			ds = append(ds, in.cf.Visits[i].Date)
		}
	}
	return ds
}
