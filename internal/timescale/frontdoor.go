package timescale

import (
	"time"

	"sightline/internal/casework"
)

// referralDecision sets referral_decision: for each referral, the decision
// on next steps is due 1 working day from the referral date, day 0 being
// the referral date (Working Together 2023, ch. 3 "Referral"; conf. S).
// With Settings.WeekendReferralNextWorkingDay a referral received on a
// weekend or bank holiday counts from the next working day instead
// (timescales.md edge case 1), and the task is marked Local. Done is the
// decision date; RecordID is the referral.
func referralDecision(in *input) {
	base := step{rule: &ruleReferralDecision, every: interval{ReferralDecisionWorkingDays, workingDays},
		name: "Referral decision", from: "the referral"}
	for i := range in.cf.Referrals {
		r := &in.cf.Referrals[i]
		if !in.known(r.Date) {
			continue
		}
		done := in.doneBy(r.DecisionDate)
		if done.IsZero() && !in.doneBy(r.ClosureDate).IsZero() {
			continue // episode closed: nothing left to do
		}
		if !in.s.WeekendReferralNextWorkingDay || in.cal.IsWorkingDay(r.Date) {
			in.task(&base, r.Date, done, r.ID)
			continue
		}
		st := base
		st.note, st.local = ", counted from the next working day (local setting)", true
		in.emit(&st, r.Date, in.after(in.cal.AddWorkingDays(r.Date, 1), st.every), done, r.ID)
	}
}

// assessmentDue sets assessment_complete: the child and family assessment
// is to be authorised no later than 45 working days from the point of the
// referral (Working Together 2023, ch. 3, assessment timeliness; conf. S).
// The clock runs from the referral, not the assessment's start, and there
// is one per referral: a further assessment in the same episode has no
// separate national clock (timescales.md 1.1). Done is the first
// authorisation of any of the referral's assessments; RecordID is that
// assessment, or the first one while none is authorised.
func assessmentDue(in *input) {
	for i := range in.cf.Assessments {
		a := &in.cf.Assessments[i]
		if !in.known(a.StartDate) || !in.leadAssessment(i) {
			continue
		}
		st := step{rule: &ruleAssessment, every: interval{AssessmentWorkingDays, workingDays},
			name: "Assessment", from: "the referral"}
		start := a.StartDate
		if ref := in.referral(a.ReferralID); ref != nil {
			start = ref.Date
		} else {
			st.from = "the start of the assessment (its referral is missing)"
		}
		done, id := in.firstAuthorised(a.ReferralID)
		if done.IsZero() {
			if in.episodeClosed(a.ReferralID) {
				continue
			}
			id = a.ID
		}
		in.task(&st, start, done, id)
	}
}

// leadAssessment reports whether assessment i is its referral's first as at
// asAt (earliest start, then lowest id, then first in the slice).
func (in *input) leadAssessment(i int) bool {
	as := in.cf.Assessments
	for j := range as {
		b := &as[j]
		if j == i || b.ReferralID != as[i].ReferralID || !in.known(b.StartDate) {
			continue
		}
		if c := b.StartDate.Compare(as[i].StartDate); c < 0 || (c == 0 && (b.ID < as[i].ID || (b.ID == as[i].ID && j < i))) {
			return false
		}
	}
	return true
}

// firstAuthorised returns the earliest authorisation, as at asAt, of the
// referral's assessments and the assessment it was; the zero time if none.
func (in *input) firstAuthorised(referralID int64) (done time.Time, id int64) {
	for i := range in.cf.Assessments {
		a := &in.cf.Assessments[i]
		if a.ReferralID != referralID || !in.known(a.StartDate) {
			continue
		}
		if d := in.doneBy(a.AuthorisedDate); !d.IsZero() && (done.IsZero() || d.Before(done)) {
			done, id = d, a.ID
		}
	}
	return done, id
}

// icpcDue sets icpc: for each section 47 enquiry, the initial child
// protection conference is due 15 working days from the strategy
// discussion at which the enquiry was initiated (Working Together 2023,
// ch. 3 "Initial child protection conferences"; conf. S). An enquiry
// marked "ICPC not required" has no task (timescales.md edge case 5).
// Done is the first initial conference for the enquiry; RecordID is the
// s47 enquiry.
func icpcDue(in *input) {
	st := step{rule: &ruleICPC, every: interval{ICPCWorkingDays, workingDays},
		name: "ICPC", from: "the strategy discussion"}
	for i := range in.cf.S47s {
		s := &in.cf.S47s[i]
		if !in.known(s.StartDate) || s.ICPCNotRequired {
			continue
		}
		done := in.initialConference(s.ID)
		if done.IsZero() && in.episodeClosed(s.ReferralID) {
			continue
		}
		in.task(&st, in.strategyDate(s), done, s.ID)
	}
}

// strategyDate is the day the ICPC clock starts: the linked strategy
// discussion's date (where several were held, the one that initiated the
// s47: timescales.md edge case 4), or else the enquiry's start date, which
// the CIN census defines as that discussion's date (S47ActualStartDate).
func (in *input) strategyDate(s *casework.S47Enquiry) time.Time {
	if s.StrategyID != nil {
		for i := range in.cf.Strategies {
			if in.cf.Strategies[i].ID == *s.StrategyID {
				return in.cf.Strategies[i].Date
			}
		}
	}
	return s.StartDate
}

// initialConference returns the date of the first initial conference held
// for s47 enquiry id as at asAt, or the zero time.
func (in *input) initialConference(id int64) (first time.Time) {
	for i := range in.cf.Conferences {
		c := &in.cf.Conferences[i]
		if c.Kind != casework.InitialConference || c.S47ID == nil || *c.S47ID != id || !in.known(c.Date) {
			continue
		}
		if first.IsZero() || c.Date.Before(first) {
			first = c.Date
		}
	}
	return first
}
