package synth_test

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/synth"
)

// figures are the rates and splits of a generated authority, measured
// from its case files the way the DfE measures England's (profile.json).
type figures struct {
	referralsPer10k, reReferral, nfa, sourcePolice float64
	within45, s47Per10k, icpcPer10k, icpcWithin15  float64
	plansPer10k, secondPlans, neglect              float64
	categories                                     map[string]float64
	endedLength                                    map[string]float64
	factors                                        map[string]float64
	referrals, assessments, plans                  int
}

// window is a stretch of history: (from, to].
type window struct{ from, to time.Time }

func (w window) has(d time.Time) bool { return d.After(w.from) && !d.After(w.to) }

func (w window) years() float64 { return w.to.Sub(w.from).Hours() / 24 / 365.25 }

// measure computes the figures over the case files for records dated in
// win, per 10,000 of pop children.
func measure(files []casework.CaseFile, win window, pop int) figures {
	f := figures{categories: map[string]float64{}, endedLength: map[string]float64{}, factors: map[string]float64{}}
	per10k := func(n int) float64 { return float64(n) / win.years() / float64(pop) * 10000 }
	var rerefs, nfa, police, in45, s47, icpcs, in15, second, ended, withFactors int
	cal := calendar.Default()
	for _, cf := range files {
		for _, r := range cf.Referrals {
			if !win.has(r.Date) {
				continue
			}
			f.referrals++
			if cf.IsReReferral(r.Date, r.ID) {
				rerefs++
			}
			if r.Decision == casework.ReferralNFA {
				nfa++
			}
			if r.Source == "6" {
				police++
			}
		}
		for _, a := range cf.Assessments {
			if a.AuthorisedDate == nil || !win.has(*a.AuthorisedDate) {
				continue
			}
			f.assessments++
			ref := referralOf(cf, a.ReferralID)
			if cal.WorkingDaysBetween(ref.Date, *a.AuthorisedDate) <= 45 {
				in45++
			}
			if !(len(a.Factors) == 1 && a.Factors[0] == "21") {
				withFactors++
				for _, c := range a.Factors {
					f.factors[c]++
				}
			}
		}
		for _, s := range cf.S47s {
			if win.has(s.StartDate) {
				s47++
			}
		}
		for _, c := range cf.Conferences {
			if c.Kind != casework.InitialConference || !win.has(c.Date) {
				continue
			}
			icpcs++
			if cal.WorkingDaysBetween(strategyDate(cf, *c.S47ID), c.Date) <= 15 {
				in15++
			}
		}
		for _, p := range cf.Plans {
			if win.has(p.StartDate) {
				f.plans++
				f.categories[p.InitialCategory]++
				if p.PreviousPlans > 0 {
					second++
				}
			}
			if p.EndDate != nil && win.has(*p.EndDate) {
				ended++
				f.endedLength[lengthBand(p.StartDate, *p.EndDate)]++
			}
		}
	}
	f.referralsPer10k = per10k(f.referrals)
	f.reReferral, f.nfa, f.sourcePolice = share(rerefs, f.referrals), share(nfa, f.referrals), share(police, f.referrals)
	f.within45, f.s47Per10k, f.icpcPer10k = share(in45, f.assessments), per10k(s47), per10k(icpcs)
	f.icpcWithin15, f.plansPer10k, f.secondPlans = share(in15, icpcs), per10k(f.plans), share(second, f.plans)
	for k, v := range f.categories {
		f.categories[k] = v / float64(f.plans)
	}
	f.neglect = f.categories["NEG"]
	for k, v := range f.endedLength {
		f.endedLength[k] = v / float64(ended)
	}
	for k, v := range f.factors {
		f.factors[k] = v / float64(withFactors)
	}
	return f
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func referralOf(cf casework.CaseFile, id int64) casework.Referral {
	for _, r := range cf.Referrals {
		if r.ID == id {
			return r
		}
	}
	return casework.Referral{}
}

// strategyDate is the date of the strategy discussion that started s47.
func strategyDate(cf casework.CaseFile, s47 int64) time.Time {
	for _, s := range cf.S47s {
		if s.ID != s47 {
			continue
		}
		for _, sd := range cf.Strategies {
			if s.StrategyID != nil && sd.ID == *s.StrategyID {
				return sd.Date
			}
		}
		return s.StartDate
	}
	return time.Time{}
}

// lengthBand is the EES D7 band of a plan that ran from start to end.
func lengthBand(start, end time.Time) string {
	switch {
	case !end.After(calendar.AddMonths(start, 3)):
		return "le_3m"
	case !end.After(calendar.AddMonths(start, 6)):
		return "3_6m"
	case !end.After(calendar.AddMonths(start, 12)):
		return "6_12m"
	case !end.After(calendar.AddMonths(start, 24)):
		return "1_2y"
	}
	return "2y_plus"
}

// caseFiles are the authority's case files as at its as-at date.
func caseFiles(a *synth.Authority) []casework.CaseFile {
	var out []casework.CaseFile
	for _, c := range a.Children() {
		out = append(out, synth.CaseFile(c))
	}
	return out
}
