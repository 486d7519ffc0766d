package synth

import (
	"math"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Outcomes of children looked after (SSDA903 OC2; casework.CareOutcome):
// for each collection year (1 April to 31 March) a child spends in care,
// what a worker records of it, at rates near England's for children
// looked after continuously for 12 months at 31 March (DfE, children
// looked after in England including adoptions, "outcomes" national
// tables for the years to March 2023 and 2024; rounded, as assumptions):
//
//   - SDQ: about 77% of children aged 4 to 16 have a score (England's
//     share of those eligible with one), the mean near 14 (England's
//     average total difficulties score, 13.9 to 14.1): a normal draw, sd
//     6.5, kept to 0 to 40. The others have a reason recorded (shares
//     assumed: the carer refused 20%, the child refused 25%, disability
//     15%, another reason 40%), as a worker closing the year would, so
//     every child of the cohort has one or the other (rule 186).
//   - Convictions, final warnings or reprimands: 2.5% a year of children
//     10 and over (England: 2% to 3% of the cohort 10 and over).
//   - Immunisations: a check each year, up to date for 85% (England:
//     84% to 86%), so IMMUNISATIONS is never left blank (rule 191).
//   - Substance misuse: England identifies 3% of the cohort to 4%;
//     assumed all aged 11 and over (about half of the generated cohort),
//     so 7% of them a year. Of those, about half receive an intervention
//     (48% in 2024), a quarter are offered one and refuse it (27%), the
//     rest are not offered one (an assumption: most are offered).
//
// Each is dated on a day of the year the child was looked after, no
// later than the as-at date; the record is made only if
// casework.CheckOutcome allows it then.
const (
	sdqScoredShare       = 0.77
	sdqMean, sdqSD       = 14.0, 6.5
	convictionYearChance = 0.025
	immunisedShare       = 0.85
	misuseFromAge        = 11
	misuseYearChance     = 0.07
	interventionReceived = 0.48
	interventionRefused  = 0.27
)

// sdqNoScore are the reasons recorded for an SDQ not completed (shares
// assumed; SDQ1, the age reason, is the export's for children outside 4
// to 16).
var sdqNoScore = Weights{{"SDQ2", 20}, {"SDQ5", 25}, {"SDQ3", 15}, {"SDQ4", 40}}

// convictionNotes are the short notes a worker adds to a conviction.
var convictionNotes = []string{"Youth caution", "Youth conditional caution", "Referral order", "Conviction: theft",
	"Conviction: criminal damage", "Conviction: assault"}

// outcomes records the outcomes of every child with a period of care.
func (w *world) outcomes() {
	for _, hh := range w.households {
		for _, k := range hh.kids {
			if k.known && k.rec.DateOfBirth != nil && len(k.recs.CareEpisodes) > 0 {
				w.recordOutcomes(k)
			}
		}
	}
}

// recordOutcomes draws the child's outcomes, year by year of care, and
// keeps them in date order with ids in that order, as the store reads them.
func (w *world) recordOutcomes(k *kid) {
	r := newRNG(w.cfg.Seed, "outcomes", int(k.rec.ID))
	cf := casework.CaseFile{Child: k.rec, CareEpisodes: k.recs.CareEpisodes}
	var out []casework.CareOutcome
	add := func(o casework.CareOutcome) {
		o.ChildID = k.rec.ID
		if cf.CheckOutcome(o, w.asAt) == nil {
			out = append(out, o)
		}
	}
	for _, p := range k.recs.CareEpisodes {
		for from := yearStartOf(p.StartDate); !from.After(w.asAt); from = from.AddDate(1, 0, 0) {
			to := earliest(earliest(from.AddDate(1, 0, -1), w.asAt), endOrAsAt(p, w.asAt))
			first := latest(from, p.StartDate)
			if to.Before(first) {
				break
			}
			w.yearOutcomes(r, k, first, to, add)
		}
	}
	slices.SortStableFunc(out, func(a, b casework.CareOutcome) int { return a.Date.Compare(b.Date) })
	for i := range out {
		out[i].ID = next(&w.ids.Outcome)
	}
	k.recs.Outcomes = out
}

// yearOutcomes draws one year's outcomes, dated from first to to.
func (w *world) yearOutcomes(r rng, k *kid, first, to time.Time, add func(casework.CareOutcome)) {
	on := func() time.Time { return r.dateIn(first, to) }
	if d := on(); ageBetween(k, d, casework.SDQFromAge, casework.SDQBeforeAge) {
		o := casework.CareOutcome{Kind: casework.OutcomeSDQ, Date: d}
		if r.chance(sdqScoredShare) {
			o.SDQScore = ptr(max(0, min(40, int(math.Round(sdqMean+sdqSD*r.NormFloat64())))))
		} else {
			o.SDQReason = r.pick(sdqNoScore)
		}
		add(o)
	}
	add(casework.CareOutcome{Kind: casework.OutcomeImmunisations, Date: on(), UpToDate: r.chance(immunisedShare)})
	if d := on(); ageBetween(k, d, casework.ConvictionFromAge, 200) && r.chance(convictionYearChance) {
		add(casework.CareOutcome{Kind: casework.OutcomeConviction, Date: d, Notes: one(r, convictionNotes)})
	}
	if d := on(); ageBetween(k, d, misuseFromAge, 200) && r.chance(misuseYearChance) {
		add(w.misuse(r, d))
	}
}

// misuse is substance misuse identified on day d, with the intervention
// offered and received as far as the as-at date has come.
func (w *world) misuse(r rng, d time.Time) casework.CareOutcome {
	o := casework.CareOutcome{Kind: casework.OutcomeSubstanceMisuse, Date: d}
	x := r.Float64()
	if x >= interventionReceived+interventionRefused {
		return o
	}
	if offered := days(d, r.between(0, 30)); !offered.After(w.asAt) {
		o.Offered, o.OfferedOn = true, &offered
	}
	if received := days(d, r.between(14, 75)); x < interventionReceived && o.Offered && !received.After(w.asAt) {
		o.Received, o.ReceivedOn = true, &received
	}
	return o
}

// ageBetween reports whether the child is from lo to under hi on day d.
func ageBetween(k *kid, d time.Time, lo, hi int) bool {
	age, ok := k.rec.AgeOn(d)
	return ok && age >= lo && age < hi
}

// yearStartOf is the 1 April on or before d: the start of its collection
// year.
func yearStartOf(d time.Time) time.Time {
	y := d.Year()
	if d.Month() < time.April {
		y--
	}
	return calendar.Date(y, time.April, 1)
}

// endOrAsAt is the last day of the period of care, or asAt while it is
// open.
func endOrAsAt(p casework.CareEpisode, asAt time.Time) time.Time {
	if p.EndDate == nil {
		return asAt
	}
	return *p.EndDate
}
