package synth

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"sightline/internal/casework"
)

// Missing children. After care, children aged 10 and over go missing:
// from care at England's rate (profile missing_2024: 11.2% of children
// looked after in a year, nearly all of them 10 or older; 63% of them more
// than once, 6.5 incidents each on average, most lasting a day or two);
// away from their placement without authorisation (SSDA903 MISSING A:
// whereabouts known) at England's rate too, planned apart from the
// missing incidents (2% of children looked after in a year, 10,780
// incidents of 2,720 children: 4 each); and far less often missing from
// home, during a child protection plan, enquiry or
// child in need plan (no national figure: an assumption below). Each
// return is followed by a return home interview, offered within 72 hours
// for the period's share (Period.ReturnInterviewIn72h), and a share of the
// children missing are screened for exploitation. Everything is replayed
// through the casework rules, a step they refuse being left out.

// missingFigures are the profile's figures about missing children.
type missingFigures struct {
	Missing struct {
		PctCLA       float64 `json:"pct_cla_missing"`
		PerChild     float64 `json:"incidents_per_missing_child"`
		MoreThanOnce float64 `json:"missing_more_than_once_share"`
		Incidents    float64 `json:"incidents"`
		Duration     Weights `json:"incident_duration"`
		Away         struct {
			Children  float64 `json:"children"`
			PctCLA    float64 `json:"pct_cla"`
			Incidents float64 `json:"incidents"`
		} `json:"away_without_authorisation"`
	} `json:"missing_2024"`
}

var missingProfile = sync.OnceValue(func() missingFigures {
	var f missingFigures
	if err := json.Unmarshal(profileJSON, &f); err != nil {
		panic(fmt.Sprintf("synth: embedded profile.json: %v", err))
	}
	return f
})

// incidentDays are the day ranges of the incident-duration bins (the
// return is recorded on the day: "under a day" returns the same day).
var incidentDays = map[string][2]int{"lt_1d": {0, 0}, "1_2d": {1, 2}, "3_7d": {3, 7}, "8_10d": {8, 10},
	"11_15d": {11, 15}, "16_20d": {16, 20}, "21_30d": {21, 30}, "30d_plus": {31, 60}}

// Assumptions (no national statistic): the share of children looked
// after who are 10 or older (England's is about 63%), which turns the
// profile's share of all children looked after into the share of those
// 10 and over; the chance a child of 10 or over goes missing from home
// during an episode of help or protection; the share of missing children
// screened for exploitation in a year.
const (
	careAged10Plus   = 0.63
	missingFromHome  = 0.04
	screenedShare    = 0.5
	maxIncidentsYear = 40
)

var whereFound = []string{"Returned to placement by police", "Found at a friend's address", "Returned of their own accord",
	"Found in the town centre", "Found at a relative's address", "Returned by carers", "Found at a known associate's address"}

var rhiProviders = []string{"Brackenmoor Young People's Service", "Safe Return (independent provider)",
	"Brackenmoor Young People's Service", "Children's Rights Service"}

var exploitationLeads = []string{"Jo Feltham (exploitation lead)", "PC Dan Rudd (missing and exploited team)",
	"Amira Hussain (youth worker)", "the allocated social worker"}

// missing makes every known child's missing episodes (see the top).
func (w *world) missing() {
	prof := missingProfile()
	for _, hh := range w.households {
		for _, k := range hh.kids {
			if k.known && k.rec.DateOfBirth != nil {
				w.recordMissing(k, prof)
			}
		}
	}
}

// missingRun is one child's missing history being planned.
type missingRun struct {
	w       *world
	k       *kid
	r       rng
	prof    missingFigures
	eps     []casework.MissingEpisode // planned, not yet checked
	screens []time.Time               // days a screening is planned on
}

// recordMissing plans a child's episodes from care and from home, then
// replays them through the rules.
func (w *world) recordMissing(k *kid, prof missingFigures) {
	mr := &missingRun{w: w, k: k, r: newRNG(w.cfg.Seed, "missing", int(k.rec.ID)), prof: prof}
	from10 := k.dob.AddDate(10, 0, 0)
	for _, ep := range k.recs.CareEpisodes {
		// A child goes missing from care while looked after: by the day
		// before the period ends (the child ceases to be looked after on
		// the end day), and is back by then too, and by the day the
		// placement they went missing from ends (SSDA903 rules 575, 577:
		// no missing period stays open once its placement or care has
		// ended).
		end := w.asAt
		if ep.EndDate != nil {
			end = earliest(days(*ep.EndDate, -1), end)
		}
		back := func(d time.Time) time.Time { return mr.backBy(ep, d) }
		// years ending on the as-at date, as the statistics count them
		for yEnd := w.asAt; !yEnd.Before(ep.StartDate); yEnd = days(yEnd, -365) {
			from, to := latest(latest(ep.StartDate, from10), days(yEnd, -364)), earliest(yEnd, end)
			if to.Before(from) {
				continue
			}
			if mr.r.chance(prof.Missing.PctCLA / careAged10Plus) {
				mr.plan(casework.MissingFromCare, "M", from, to, back, mr.incidents())
			}
			if mr.r.chance(prof.Missing.Away.PctCLA / careAged10Plus) {
				mr.plan(casework.MissingFromCare, "A", from, to, back, mr.absences())
			}
		}
	}
	for _, ke := range k.eps {
		e := ke.ep
		if !e.referred || (e.cp == nil && e.s47 == nil && e.cin == nil) || e.start.Before(from10) ||
			k.ageOn(e.start) >= 18 || mr.inCare(e.start) || !mr.r.chance(missingFromHome) {
			continue
		}
		end := w.asAt
		if e.closed != nil {
			end = earliest(*e.closed, end)
		}
		mr.plan(casework.MissingFromHome, "M", e.start, earliest(end, days(k.eighteenth(), -1)), nil, 1+mr.r.IntN(3))
	}
	mr.replay()
}

// incidents draws a year's incidents for a child who goes missing: once
// for those not missing again, else enough that the mean is the profile's.
func (mr *missingRun) incidents() int {
	m := mr.prof.Missing
	if !mr.r.chance(m.MoreThanOnce) {
		return 1
	}
	repeatMean := (m.PerChild - (1 - m.MoreThanOnce)) / m.MoreThanOnce
	return min(maxIncidentsYear, 2+int(mr.r.ExpFloat64()*(repeatMean-2)))
}

// absences draws a year's absences for a child away without
// authorisation: at least one, the profile's mean (incidents per child).
func (mr *missingRun) absences() int {
	a := mr.prof.Missing.Away
	return min(maxIncidentsYear, 1+int(mr.r.ExpFloat64()*(a.Incidents/a.Children-1)))
}

// backBy is the latest day a child who went missing from care on day d,
// in period ep, is back: the day before the period ends, or the day the
// placement they were in ends if sooner; zero when neither has ended.
func (mr *missingRun) backBy(ep casework.CareEpisode, d time.Time) time.Time {
	var by time.Time
	if ep.EndDate != nil {
		by = days(*ep.EndDate, -1)
	}
	for _, p := range mr.k.recs.Placements {
		if p.EpisodeID == ep.ID && !p.StartDate.After(d) && p.EndDate != nil && p.EndDate.After(d) &&
			(by.IsZero() || p.EndDate.Before(by)) {
			by = *p.EndDate
		}
	}
	return by
}

// inCare reports whether the child was in care on day d.
func (mr *missingRun) inCare(d time.Time) bool {
	for _, ep := range mr.k.recs.CareEpisodes {
		if !ep.StartDate.After(d) && (ep.EndDate == nil || ep.EndDate.After(d)) {
			return true
		}
	}
	return false
}

// plan plans n episodes from where, of kind (M missing, A away without
// authorisation), starting between from and to and back by the day back
// gives for the start (nil, or a zero day: no such day), and the
// screening after the first return for a share of the children.
func (mr *missingRun) plan(where, kind string, from, to time.Time, back func(time.Time) time.Time, n int) {
	r, m := mr.r, mr.prof.Missing
	if to.Before(from) {
		return
	}
	starts := make([]time.Time, n)
	for i := range starts {
		starts[i] = r.dateIn(from, to)
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for _, d := range starts {
		span := incidentDays[r.pick(m.Duration)]
		end := days(d, r.between(span[0], span[1]))
		if back != nil {
			if by := back(d); !by.IsZero() {
				end = earliest(end, latest(by, d))
			}
		}
		e := casework.MissingEpisode{ChildID: mr.k.rec.ID, From: where, Kind: kind, StartDate: d, EndDate: &end,
			WhereFound: one(r, whereFound)}
		e.ReportedToPolice = r.chance(map[string]float64{"M": 0.9, "A": 0.3}[e.Kind])
		mr.eps = append(mr.eps, e)
	}
	if n > 0 && r.chance(screenedShare) {
		mr.screens = append(mr.screens, days(starts[0], r.between(2, 21)))
	}
}

// replay records the planned episodes in date order through the rules:
// each start, then its return (kept open if after the as-at date), then
// the interviews and the screenings.
func (mr *missingRun) replay() {
	w, r := mr.w, mr.r
	slices.SortStableFunc(mr.eps, func(a, b casework.MissingEpisode) int { return a.StartDate.Compare(b.StartDate) })
	cf := casework.CaseFile{Child: mr.k.rec}
	last := days(mr.k.eighteenth(), -1) // nothing is recorded of an adult here
	for _, e := range mr.eps {
		end := *e.EndDate
		e.EndDate = nil
		if e.StartDate.After(w.asAt) || end.After(last) || cf.CheckMissingEpisode(e, w.asAt) != nil {
			continue
		}
		e.ID = next(&w.ids.Missing)
		cf.Missing = append(cf.Missing, e)
		if end.After(w.asAt) {
			break // still missing on the as-at date: nothing after
		}
		if cf.CheckMissingReturn(e.ID, end, w.asAt) != nil {
			cf.Missing = cf.Missing[:len(cf.Missing)-1]
			w.ids.Missing--
			continue
		}
		cf.Missing[len(cf.Missing)-1].EndDate = &end
	}
	for _, e := range cf.Missing {
		if e.EndDate == nil {
			continue
		}
		ri := casework.ReturnInterview{ChildID: e.ChildID, EpisodeID: e.ID, OfferedOn: days(*e.EndDate, r.between(0, 3))}
		if !r.chance(w.sc.At(*e.EndDate).ReturnInterviewIn72h) {
			ri.OfferedOn = days(*e.EndDate, r.between(4, 14))
		}
		switch x := r.Float64(); {
		case x < 0.6:
			ri.HeldOn, ri.HeldBy = ptr(days(ri.OfferedOn, r.between(0, 5))), one(r, rhiProviders)
			if ri.HeldOn.After(earliest(w.asAt, last)) {
				ri.HeldOn, ri.HeldBy = nil, ""
			}
		case x < 0.85:
			ri.Declined = true
		}
		if ri.OfferedOn.After(earliest(w.asAt, last)) || cf.CheckReturnInterview(ri, w.asAt) != nil {
			continue
		}
		ri.ID = next(&w.ids.ReturnInterview)
		cf.Interviews = append(cf.Interviews, ri)
	}
	// the store reads interviews back in the order they were offered
	slices.SortStableFunc(cf.Interviews, func(a, b casework.ReturnInterview) int {
		return cmp.Or(a.OfferedOn.Compare(b.OfferedOn), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(mr.screens, func(a, b time.Time) int { return a.Compare(b) })
	for _, d := range mr.screens {
		s := mr.screening(d)
		if d.After(earliest(w.asAt, last)) || cf.CheckScreening(s, w.asAt) != nil {
			continue
		}
		s.ID = next(&w.ids.Screening)
		cf.Screenings = append(cf.Screenings, s)
	}
	mr.k.recs.Missing = append(mr.k.recs.Missing, cf.Missing...)
	mr.k.recs.Interviews = append(mr.k.recs.Interviews, cf.Interviews...)
	mr.k.recs.Screenings = append(mr.k.recs.Screenings, cf.Screenings...)
}

// screening draws a screening on day d: its level (an assumption: a
// third find no risk, one in ten high), the kinds of risk, a review sooner
// the higher the risk, and a lead for any risk.
func (mr *missingRun) screening(d time.Time) casework.ExploitationScreening {
	r := mr.r
	s := casework.ExploitationScreening{ChildID: mr.k.rec.ID, Date: d,
		Level: r.pick(Weights{{casework.RiskNone, 0.3}, {casework.RiskLow, 0.35}, {casework.RiskMedium, 0.25},
			{casework.RiskHigh, 0.1}})}
	review := map[string]int{casework.RiskNone: 182, casework.RiskLow: 91, casework.RiskMedium: 56, casework.RiskHigh: 28}
	s.ReviewDate = ptr(days(d, review[s.Level]))
	if s.Level != casework.RiskNone {
		kinds := []string{"sexual", "criminal", "county_lines"}
		first := r.IntN(3)
		s.Kinds = []string{kinds[first]}
		if r.chance(0.35) {
			s.Kinds = append(s.Kinds, kinds[(first+1+r.IntN(2))%3])
			slices.SortFunc(s.Kinds, func(a, b string) int {
				return cmp.Compare(slices.Index(kinds, a), slices.Index(kinds, b))
			})
		}
		s.Lead = one(r, exploitationLeads)
	}
	return s
}
