package timescale

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The timescales of a child looked after (timescales.md 1.1, rows cla_*,
// iha, rha, pep). Each runs within a period of care: from the day the child
// became looked after to the day they stopped, as known at asAt.

// careEpisodes runs every rule of a period of care over each one.
func careEpisodes(in *input) {
	for i := range in.cf.CareEpisodes {
		ep := &in.cf.CareEpisodes[i]
		if !in.known(ep.StartDate) {
			continue
		}
		end, ended := time.Time{}, false
		if ep.EndDate != nil && in.known(*ep.EndDate) {
			end, ended = *ep.EndDate, true
		}
		w := careWindow{ep: ep, end: end, ended: ended}
		carePlanDue(in, w)
		claReviews(in, w)
		healthAssessments(in, w)
		peps(in, w)
		for j := range in.cf.Placements {
			if p := &in.cf.Placements[j]; p.EpisodeID == ep.ID && in.known(p.StartDate) {
				claVisits(in, w, p)
			}
		}
	}
}

// careWindow is a period of care as known at asAt.
type careWindow struct {
	ep    *casework.CareEpisode
	end   time.Time
	ended bool
}

// events returns the dates of the episode's care events of one kind, kept
// to the window and sorted (in the input's scratch).
func (in *input) careEvents(w careWindow, kinds ...string) []time.Time {
	ds := in.dates[:0]
	for _, e := range in.cf.CareEvents {
		if e.EpisodeID != w.ep.ID {
			continue
		}
		for _, k := range kinds {
			if e.Kind == k {
				ds = append(ds, e.Date)
			}
		}
	}
	return in.window(ds, w.ep.StartDate, true, w.end, w.ended)
}

// steps runs a repeating task whose interval depends on how many events
// came before (the second review differs from the third) or on the date
// of the last one (a visit in a placement's second year): pick chooses
// the step of the k-th interval, which starts on clock.
func (in *input) steps(start time.Time, events []time.Time, ended bool, recordID int64,
	pick func(k int, clock time.Time) *step) {
	clock, k := start, 0
	for i, e := range events {
		if i > 0 && e.Equal(events[i-1]) {
			continue
		}
		in.task(pick(k, clock), clock, e, recordID)
		clock, k = e, k+1
	}
	if !ended {
		in.task(pick(k, clock), clock, time.Time{}, recordID)
	}
	in.dates = events[:0]
}

// once emits a task done by the first of events; none while open if the
// episode has ended.
func (in *input) once(st *step, start time.Time, events []time.Time, ended bool, recordID int64) {
	switch {
	case len(events) > 0:
		in.task(st, start, events[0], recordID)
	case !ended:
		in.task(st, start, time.Time{}, recordID)
	}
	in.dates = events[:0]
}

// carePlanDue sets cla_care_plan: the care plan is due within 10 working
// days of the child becoming looked after (CPPCR reg 4(2), counted from
// the start of the first placement, which is the first day of the period
// of care here). RecordID is the episode.
func carePlanDue(in *input, w careWindow) {
	st := step{rule: &ruleCarePlan, every: interval{CarePlanWorkingDays, workingDays},
		name: "Care plan", from: "becoming looked after"}
	in.once(&st, w.ep.StartDate, in.careEvents(w, casework.CarePlanMade), w.ended, w.ep.ID)
}

// claReviews sets cla_review_1, cla_review_2 and cla_review_n: the first
// review 20 working days after the child became looked after, the second
// within 3 months of the first, and each later one within 6 months of the
// last held (CPPCR reg 33). A placement move does not restart them
// (timescales.md edge case 9). RecordID is the episode.
func claReviews(in *input, w careWindow) {
	first := step{rule: &ruleCLAReview1, every: interval{CLAReviewFirstWorkingDays, workingDays},
		name: "First looked-after review", from: "becoming looked after"}
	second := step{rule: &ruleCLAReview2, every: interval{CLAReviewSecondMonths, months},
		name: "Second looked-after review", from: "the first review"}
	next := step{rule: &ruleCLAReviewN, every: interval{CLAReviewNextMonths, months},
		name: "Looked-after review", from: "the last review"}
	in.steps(w.ep.StartDate, in.careEvents(w, casework.CareReview), w.ended, w.ep.ID,
		func(k int, _ time.Time) *step {
			switch k {
			case 0:
				return &first
			case 1:
				return &second
			}
			return &next
		})
}

// healthAssessments sets iha and rha. The initial health assessment is due
// within 20 working days of becoming looked after (statutory guidance,
// to inform the first review; CPPCR reg 7). Reviews follow the last
// assessment: within 6 months while the child is under 5 on the day of
// the last one, 12 months from 5. Across the fifth birthday the earlier
// date is taken (timescales.md edge case 12, the conservative reading);
// a child with no date of birth is treated as under 5 for the same reason.
// RecordID is the episode.
func healthAssessments(in *input, w careWindow) {
	iha := step{rule: &ruleIHA, every: interval{IHAWorkingDays, workingDays},
		name: "Initial health assessment", from: "becoming looked after"}
	initial := in.careEvents(w, casework.HealthInitial)
	done := len(initial) > 0
	var first time.Time
	if done {
		first = initial[0]
	}
	in.once(&iha, w.ep.StartDate, initial, w.ended, w.ep.ID)
	if !done {
		return // reviews follow the initial assessment
	}
	under5 := step{rule: &ruleRHA, every: interval{RHAUnderFiveMonths, months},
		name: "Review health assessment", from: "the last health assessment", note: " (under 5)"}
	over5 := step{rule: &ruleRHA, every: interval{RHAMonths, months},
		name: "Review health assessment", from: "the last health assessment"}
	reviews := in.careEvents(w, casework.HealthReview)
	kept := reviews[:0]
	for _, d := range reviews {
		if d.After(first) {
			kept = append(kept, d)
		}
	}
	in.steps(first, kept, w.ended, w.ep.ID, func(_ int, clock time.Time) *step {
		if age, ok := in.cf.Child.AgeOn(clock); ok && age >= 5 {
			return &over5
		}
		return &under5
	})
}

// peps sets pep_first and pep_review for a child of school age: a personal
// education plan within 10 working days of becoming looked after (or of
// reaching school age in care), available for the first review, then
// reviewed each term, every Settings.PEPReviewMonths months (PEP
// guidance; conf. S). School age runs from the 1 September after the
// fourth birthday (Reception) to the 1 September after the sixteenth (the
// end of Year 11): a judgement, since the guidance covers every
// looked-after child in school. RecordID is the episode.
func peps(in *input, w careWindow) {
	from, to, ok := schoolYears(in.cf.Child)
	if !ok {
		return
	}
	start := w.ep.StartDate
	if from.After(start) {
		start = from
	}
	end, ended := w.end, w.ended
	if !to.After(in.asAt) && (!ended || to.Before(end)) {
		end, ended = to, true
	}
	if !in.known(start) || (ended && !start.Before(end)) {
		return
	}
	first := step{rule: &rulePEPFirst, every: interval{PEPFirstWorkingDays, workingDays},
		name: "Personal education plan", from: "becoming looked after at school age"}
	review := step{rule: &rulePEPReview, every: interval{in.s.PEPReviewMonths, months},
		name: "PEP review", from: "the last PEP"}
	ds := in.dates[:0]
	for _, e := range in.cf.CareEvents {
		if e.EpisodeID == w.ep.ID && e.Kind == casework.PEPMeeting {
			ds = append(ds, e.Date)
		}
	}
	in.steps(start, in.window(ds, w.ep.StartDate, true, end, ended), ended, w.ep.ID,
		func(k int, _ time.Time) *step {
			if k == 0 {
				return &first
			}
			return &review
		})
}

// schoolYears returns the first day of Reception and the day after Year 11
// for a child with a date of birth.
func schoolYears(c casework.Child) (from, to time.Time, ok bool) {
	if c.DateOfBirth == nil {
		return from, to, false
	}
	return septemberAfter(calendar.AddMonths(*c.DateOfBirth, 48)), septemberAfter(calendar.AddMonths(*c.DateOfBirth, 192)), true
}

// septemberAfter is the first 1 September strictly after d.
func septemberAfter(d time.Time) time.Time {
	s := time.Date(d.Year(), time.September, 1, 0, 0, 0, 0, time.UTC)
	if !s.After(d) {
		s = s.AddDate(1, 0, 0)
	}
	return s
}

// claVisits sets cla_visit_first and cla_visit_next for one placement: a
// visit within 1 week of its start, then at intervals of not more than 6
// weeks in its first year, and after that not more than 3 months if the
// placement is long-term, otherwise 6 weeks (CPPCR reg 28(2)). A visit
// counts when the child was seen; the interval after a visit is set by
// whether that visit fell in the placement's first year. The series ends
// with the placement. RecordID is the placement.
func claVisits(in *input, w careWindow, p *casework.Placement) {
	end, ended := w.end, w.ended
	if p.EndDate != nil && in.known(*p.EndDate) && (!ended || p.EndDate.Before(end)) {
		end, ended = *p.EndDate, true
	}
	first := step{rule: &ruleCLAVisitFirst, every: interval{CLAVisitFirstWeeks, weeks},
		name: "First visit in the placement", from: "the start of the placement"}
	sixWeekly := step{rule: &ruleCLAVisitNext, every: interval{CLAVisitWeeks, weeks},
		name: "Statutory visit", from: "the last visit"}
	longTerm := step{rule: &ruleCLAVisitNext, every: interval{CLAVisitLongTermMonths, months},
		name: "Statutory visit", from: "the last visit", note: " (long-term placement after its first year)"}
	yearOn := calendar.AddMonths(p.StartDate, 12)
	in.steps(p.StartDate, in.window(in.seenVisits(), p.StartDate, true, end, ended), ended, p.ID,
		func(k int, clock time.Time) *step {
			switch {
			case k == 0:
				return &first
			case p.LongTerm() && !clock.Before(yearOn):
				return &longTerm
			}
			return &sixWeekly
		})
}
