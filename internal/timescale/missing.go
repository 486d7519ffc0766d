package timescale

import "time"

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
// is the screening.
func exploitationReviews(in *input) {
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
		in.emitBy(&st, sc.Date, due, done, sc.ID)
	}
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
