package timescale

import "time"

// FirstLookedAfterReviewWorkingDays, SecondLookedAfterReviewMonths and
// LaterLookedAfterReviewMonths are the looked-after review timetable: the
// first review within 20 working days of becoming looked after, the
// second within 3 months of the first, then at most every 6 months (Care
// Planning, Placement and Case Review (England) Regulations 2010 reg 33;
// timescales.md 2.4, conf. S).
const (
	FirstLookedAfterReviewWorkingDays = 20
	SecondLookedAfterReviewMonths     = 3
	LaterLookedAfterReviewMonths      = 6
)

var rulePermanencePlan = Rule{ID: "permanence_plan", Title: "Permanence plan", Confidence: "M", Local: true,
	Source: "Local standard (setting " + KeyPermanencePlanReview + "): statutory guidance expects a permanence plan by the second looked-after review; the domain reference does not give the paragraph, so the review is a setting. Reviews follow the reg 33 timetable (20 working days, then 3 months, then 6 months)"}

var reviewNames = [...]string{"entering care", "the first looked-after review", "the second looked-after review",
	"the third looked-after review"}

// permanencePlanDue sets permanence_plan: a child who starts to be looked
// after has a permanence plan by the Settings.PermanencePlanReview-th
// looked-after review. Until the review records exist the review dates
// are those of the reg 33 timetable from the day care started (the case
// file's LookedAfter period); the task runs from the review before. It is
// done by the first plan made on or after care started, and not needed
// once care ended without one. RecordID is 0.
func permanencePlanDue(in *input) {
	p := in.cf.LookedAfter
	if p.Start == nil || !in.known(*p.Start) {
		return
	}
	start, every := *p.Start, interval{FirstLookedAfterReviewWorkingDays, workingDays}
	for n := 2; n <= in.s.PermanencePlanReview; n++ {
		start = in.after(start, every)
		every = interval{SecondLookedAfterReviewMonths, months}
		if n > 2 {
			every = interval{LaterLookedAfterReviewMonths, months}
		}
	}
	st := step{rule: &rulePermanencePlan, every: every, name: "Permanence plan",
		from: reviewNames[in.s.PermanencePlanReview-1]}
	if in.s.PermanencePlanReview > 1 {
		st.note = " (review date by the timetable)"
	}
	var done time.Time
	for _, pl := range in.cf.Permanence {
		if !pl.DecidedOn.Before(*p.Start) && in.known(pl.DecidedOn) && (done.IsZero() || pl.DecidedOn.Before(done)) {
			done = pl.DecidedOn
		}
	}
	if done.IsZero() && p.End != nil && in.known(*p.End) {
		return
	}
	in.emit(&st, start, in.after(start, every), done, 0)
}
