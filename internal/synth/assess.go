package synth

import (
	"strings"
	"time"
)

// assess plans the child and family assessment and what follows it.
// Its length, from the referral to the manager's authorisation, is drawn
// from England's duration bands (EES C2 2025), reweighted so that the
// period's share is authorised within 45 working days.
func (w *world) assess(e *episode, r rng) {
	start := *e.decided
	if r.chance(0.2) {
		start = wd(start, 1)
	}
	n := max(r.assessmentDays(w.national, e.per.AssessmentWithin45), cal.WorkingDaysBetween(e.start, start))
	auth := wd(e.start, n)
	done := auth
	if k := r.between(0, 4); k > 0 && cal.WorkingDaysBetween(start, auth) > k {
		done = wd(auth, -k)
	}
	a := &assessPlan{start: start, completed: &done, authorised: &auth}
	e.asmt = a
	e.asmtVisits = r.assessmentVisits(start, done)
	switch e.route {
	case routeNotInNeed:
		a.outcome = "nfa"
		e.close(wd(auth, r.between(0, 3)), "RC8")
	case routeEarlyHelp:
		a.outcome = "early_help"
		e.close(wd(auth, r.between(0, 3)), "RC9")
	case routeCIN:
		a.outcome = "cin_plan"
		w.extraStrategy(e, r)
		w.childInNeed(e, r, days(auth, r.between(0, 10)))
	case routeS47:
		w.enquire(e, r)
	}
}

// extraStrategy adds, for some assessments, a strategy discussion that
// decided no section 47 enquiry was needed (about one for every ten
// enquiries: an assumption).
func (w *world) extraStrategy(e *episode, r rng) {
	if !r.chance(0.1 * e.per.S47 / max(0.05, 1-e.per.S47)) {
		return
	}
	a := e.asmt
	e.strategies = append(e.strategies, strategyPlan{date: r.dateIn(a.start, *a.completed)})
}

// assessmentBins are the working days of each of the C2 duration bands.
var assessmentBins = map[string][2]int{
	"same_day": {0, 0}, "1_10": {1, 10}, "11_20": {11, 20}, "21_30": {21, 30}, "31_40": {31, 40},
	"41_45": {41, 45}, "46_50": {46, 50}, "51_60": {51, 60}, "61_plus": {61, 61},
}

// assessmentDays draws an assessment's length in working days from the
// referral. Bands up to 45 days are scaled to share within45 of the whole;
// 61+ has a tail (61 plus an exponential of mean 25 days: an assumption).
func (r rng) assessmentDays(p Profile, within45 float64) int {
	bins := p.Assessments.Bins
	in, out := 0.0, 0.0
	for _, b := range bins {
		if assessmentBins[b.Key][1] <= 45 {
			in += b.W
		} else {
			out += b.W
		}
	}
	scaled := make(Weights, len(bins))
	for i, b := range bins {
		f := within45 / in
		if assessmentBins[b.Key][1] > 45 {
			f = (1 - within45) / out
		}
		scaled[i] = Weight{b.Key, b.W * f}
	}
	band := assessmentBins[r.pick(scaled)]
	if band[0] == 61 {
		return 61 + int(r.ExpFloat64()*25)
	}
	return r.between(band[0], band[1])
}

// assessmentVisits are the visits of an assessment: the first within 5
// working days of its start, then every 3 to 5 weeks until it is done.
func (r rng) assessmentVisits(start, done time.Time) []visitPlan {
	var out []visitPlan
	for d := wd(start, r.between(0, 5)); notAfter(d, done); d = wd(d, r.between(12, 22)) {
		out = append(out, visitPlan{date: d, kind: "assessment", seen: r.chance(0.95), place: r.visitPlace()})
	}
	return out
}

// visitsUntil stops the assessment's visits when a plan starts on day d:
// the plan's visits take over (and the timescale engine counts any visit
// that saw the child towards the plan's).
func (e *episode) visitsUntil(d time.Time) {
	e.asmtVisits = keep(e.asmtVisits, func(v visitPlan) bool { return v.date.Before(d) })
}

// visitPlace draws where a visit happened: an assumption.
func (r rng) visitPlace() string {
	return r.pick(Weights{{"home", 0.72}, {"school", 0.16}, {"office", 0.04}, {"other", 0.08}})
}

// icpcBins are the working days from the strategy discussion of each of
// the C4 bands (a conference within 0 to 10 days is drawn from 5 to 10).
var icpcBins = map[string][2]int{"0_10": {5, 10}, "11_15": {11, 15}, "16_20": {16, 20}, "21_plus": {21, 40}}

// icpcDays draws the working days from the strategy discussion to the
// initial conference, reweighted so that within15 of them are in time.
func (r rng) icpcDays(p Profile, within15 float64) int {
	bins := p.S47.ICPCBins
	in := bins.Get("0_10") + bins.Get("11_15")
	scaled := make(Weights, len(bins))
	for i, b := range bins {
		f := within15 / in
		if icpcBins[b.Key][0] > 15 {
			f = (1 - within15) / (1 - in)
		}
		scaled[i] = Weight{b.Key, b.W * f}
	}
	band := icpcBins[r.pick(scaled)]
	return r.between(band[0], band[1])
}

// planLengthBins are the days of each band of ended plans (EES D7).
var planLengthBins = map[string][2]int{"le_3m": {20, 91}, "3_6m": {92, 182}, "6_12m": {183, 365},
	"1_2y": {366, 730}, "2y_plus": {731, 1000}}

// planLength draws how long a CP plan lasts, in days.
func (r rng) planLength(p Profile) int {
	band := planLengthBins[r.pick(p.CP.Ended.Bins)]
	return r.between(band[0], band[1])
}

// category draws a plan's initial category: neglect at the period's
// share, the others in England's proportions (EES A6 2020).
func (r rng) category(p Profile, neglect float64) string {
	split := p.CP.Category.Split
	rest := 1 - split.Get("neglect")
	codes := map[string]string{"neglect": "NEG", "emotional": "EMO", "physical": "PHY", "sexual": "SAB", "multiple": "MUL"}
	scaled := make(Weights, len(split))
	for i, w := range split {
		f := (1 - neglect) / rest
		if w.Key == "neglect" {
			f = neglect / w.W
		}
		scaled[i] = Weight{codes[w.Key], w.W * f}
	}
	return r.pick(scaled)
}

// referralSource draws a CIN census source code from England's split
// (EES C5 2020); groups the census splits further are split by an
// assumption.
func (r rng) referralSource(p Profile) string {
	switch g := r.pick(p.ReferralSources.Split); g {
	case "health":
		return r.pick(Weights{{"3A", 0.15}, {"3B", 0.2}, {"3C", 0.05}, {"3D", 0.1}, {"3E", 0.2}, {"3F", 0.3}})
	case "la_services":
		return r.pick(Weights{{"5A", 0.3}, {"5B", 0.2}, {"5C", 0.1}, {"5D", 0.4}})
	case "individual":
		return r.pick(Weights{{"1A", 0.6}, {"1B", 0.1}, {"1C", 0.15}, {"1D", 0.15}})
	default:
		return sourceCodes[g]
	}
}

var sourceCodes = map[string]string{"police": "6", "schools": "2A", "other": "8", "other_legal_agency": "7",
	"anonymous": "9", "education_services": "2B", "unknown": "10", "housing": "4"}

// sourceGroup names the profile group a source code belongs to.
func sourceGroup(code string) string {
	switch {
	case strings.HasPrefix(code, "3"):
		return "health"
	case strings.HasPrefix(code, "5"):
		return "la_services"
	case strings.HasPrefix(code, "1") && code != "10":
		return "individual"
	}
	switch code {
	case "6":
		return "police"
	case "2A":
		return "schools"
	case "2B":
		return "education_services"
	case "4":
		return "housing"
	case "7":
		return "other_legal_agency"
	case "8":
		return "other"
	case "9":
		return "anonymous"
	}
	return "unknown"
}
