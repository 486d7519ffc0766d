package timescale

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// RHIHours: Statutory guidance on children who run away or go missing from
// home or care (DfE, January 2014), "Independent return interviews": an
// interview is offered within 72 hours of the child's return. Conf. M (the
// figure is widely repeated; the text was not re-read), so it is a named
// constant an authority can find. Dates are civil (no clock time is kept
// for a return), so 72 hours is counted as 3 calendar days from the day of
// the return.
const RHIHours = 72

var (
	ruleRHI = Rule{ID: "missing_rhi", Title: "Return home interview offered", Confidence: "M",
		Source: "Statutory guidance on children who run away or go missing from home or care (DfE, 2014), \"Independent return interviews\": an independent return interview offered within 72 hours of the child's return"}
	ruleExploitationReview = Rule{ID: "exploitation_review", Title: "Exploitation screening review", Confidence: "M", Local: true,
		Source: "The review date the screening set (or, without one, the local setting " + KeyExploitationReviewMonths + "): there is no national interval"}
)

// returnInterviews sets missing_rhi: for each missing episode that ended
// (the child returned) as at asAt, a return home interview is to be
// offered within RHIHours of the return. Done is the day it was offered
// (the guidance's duty is the offer; a child may decline). RecordID is the
// episode.
func returnInterviews(in *input) {
	st := step{rule: &ruleRHI, every: interval{RHIHours, hours}, name: "Return home interview", from: "the return"}
	for i := range in.cf.Missing {
		e := &in.cf.Missing[i]
		returned := in.doneBy(e.EndDate)
		if returned.IsZero() {
			continue // still missing as at asAt: no clock yet
		}
		var offered time.Time
		if ri := in.cf.InterviewFor(e.ID); ri != nil && in.known(ri.OfferedOn) {
			offered = ri.OfferedOn
		}
		in.task(&st, returned, offered, e.ID)
	}
}

// exploitationReviews sets exploitation_review: each screening is to be
// reviewed by the review date it set (without one, ExploitationReviewMonths
// after it). The next screening is its review: done on that day. RecordID
// is the screening. Once the screenings stop (screeningsStopped), a review
// not done is dropped, as an ended plan's open visit is; done ones stay.
func exploitationReviews(in *input) {
	stopped := in.screeningsStopped()
	for i := range in.cf.Screenings {
		sc := &in.cf.Screenings[i]
		if !in.known(sc.Date) {
			continue
		}
		var done time.Time
		for j := range in.cf.Screenings {
			n := &in.cf.Screenings[j]
			if j != i && n.Date.After(sc.Date) && in.known(n.Date) && (done.IsZero() || n.Date.Before(done)) {
				done = n.Date
			}
		}
		st := step{rule: &ruleExploitationReview, name: "Exploitation screening review",
			from: "the screening", every: interval{in.s.ExploitationReviewMonths, months}}
		due := in.after(sc.Date, st.every)
		if sc.ReviewDate != nil {
			due = *sc.ReviewDate
			st.every = interval{}
		}
		if done.IsZero() && stopped {
			continue
		}
		in.emitBy(&st, sc.Date, due, done, sc.ID)
	}
}

// ScreeningReviewsStopped reports whether, as at asAt, the child's
// exploitation screenings are no longer to be reviewed (see
// screeningsStopped): the rule exploitation_review follows, for pages that
// show a screening's review beside the tasks.
func ScreeningReviewsStopped(cf *casework.CaseFile, asAt time.Time) bool {
	in := input{cf: *cf, asAt: calendar.Civil(asAt)}
	return in.screeningsStopped()
}

// screeningsStopped reports whether, as at asAt, the child's exploitation
// screenings are no longer to be reviewed: they have turned 18 (the
// screening is of a child's risk; an adult's is for adult services), or
// their case has closed (every referral's episode closed and no period of
// care open). A child with no referral on record is taken to be open, so
// a screening recorded on its own still asks for its review. The missing
// view's high-risk list (store atRiskOn) stops at the same points, read
// from the child's involvements.
func (in *input) screeningsStopped() bool {
	if age, ok := in.cf.Child.AgeOn(in.asAt); ok && age >= 18 {
		return true
	}
	if len(in.cf.Referrals) == 0 {
		return false
	}
	for i := range in.cf.Referrals {
		r := &in.cf.Referrals[i]
		if in.known(r.Date) && in.doneBy(r.ClosureDate).IsZero() {
			return false
		}
	}
	for i := range in.cf.CareEpisodes {
		e := &in.cf.CareEpisodes[i]
		if in.known(e.StartDate) && in.doneBy(e.EndDate).IsZero() {
			return false
		}
	}
	return true
}

// emitBy is emit for a task whose due date was set on the record rather
// than by an interval: its line says "due by" that date. With a non-zero
// interval it is an ordinary task.
func (in *input) emitBy(st *step, start, due, done time.Time, recordID int64) {
	if st.every.n != 0 {
		in.emit(st, start, due, done, recordID)
		return
	}
	lo := len(in.text)
	b := append(in.text, st.name...)
	b = append(b, " due by "...)
	b = appendDate(b, dayOf(due))
	b = append(b, ", as set at "...)
	b = append(b, st.from...)
	b = append(b, " on "...)
	in.text = appendDate(b, dayOf(start))
	in.drafts = append(in.drafts, draft{
		key: sortKey(dayOf(due), dayOf(start), rankOf(st.rule)), record: recordID,
		done: int32(dayOf(done)), isDone: !done.IsZero(),
		lo: int32(lo), hi: int32(len(in.text)), local: st.rule.Local,
	})
}

// RHIDue is the last day on which a return home interview offered after a
// return on day returned is in time.
func RHIDue(returned time.Time) time.Time { return returned.AddDate(0, 0, RHIHours/24) }
