package synth

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Unaccompanied asylum-seeking children (UASC). In England 7,380 of the
// 83,630 children looked after on 31 March 2024 were UASC (8.8%; profile
// uasc.uasc_share_of_cla_2024, DfE "Children looked after in England"
// 2024, national figures), 96% of them boys (uasc_male_share) and 89%
// aged 16 or 17 (uasc_age_16_plus_share).
//
// A UASC child is a young person who has just arrived in the country,
// alone: not known to the service before, with no family here and no
// school in England. Each arrives in a month of the history, is referred
// by the police or the Home Office (referral source 6, police, or 7, other
// legal agency) the day they are found, is assessed as in need for absent
// parenting (N8) and is accommodated under section 20 (V2) within two
// days. Their only addresses are their placements'; their period of
// care runs to the 18th birthday (there is no family here to go back to),
// when the status ceases (SSDA903 DUC, rule 304).
//
// Arrivals come at the rate that makes 8.8% of the children looked after
// UASC: the children looked after in a steady state (the period's starts
// times the profile's mean length of care) times the share, over the
// years a UASC child stays (to 18 from the age at entry). The other starts
// are fewer by the same share, so the number looked after stays
// England's. That makes UASC about 17% of the starts (England 22%,
// cla_flows_2024 start_uasc_rate: more arrive at 17 and leave within
// months than the assumed ages below give).

// Assumptions (no national figures by age at entry or by ethnicity of
// UASC are held): the share of arrivals aged 16 or 17 (the rest 14 or
// 15), set so that about 89% of those looked after are 16 or 17; and the
// ethnicity of the young people, after the countries the Home Office's
// asylum statistics show most unaccompanied children coming from
// (Afghanistan, Eritrea, Sudan, Iran, Iraq, Albania, Vietnam): Any other
// Asian background (Afghan, Vietnamese), Black African (Eritrean,
// Sudanese), Any other ethnic group (Iranian, Iraqi, Kurdish) and Any
// other White background (Albanian).
const uascAged16Plus = 0.85

var uascEthnicity = Weights{{"AOTH", 0.35}, {"BAFR", 0.3}, {"OOTH", 0.25}, {"WOTH", 0.1}}

// uascSources are the referral sources of a UASC arrival: found by the
// police, or referred by the Home Office (another legal agency).
var uascSources = Weights{{"6", 0.6}, {"7", 0.4}}

// uascYears is how long a UASC child stays looked after on average: to
// the 18th birthday from an age at entry spread evenly over 16 to 17 (one
// year left on average) or 14 to 15 (three).
const uascYears = uascAged16Plus*1 + (1-uascAged16Plus)*3

// uascFigures are the profile's figures about UASC (careFigures.UASC).
type uascFigures struct {
	ShareOfCLA float64 `json:"uasc_share_of_cla_2024"`
	Male       float64 `json:"uasc_male_share"`
	Age16Plus  float64 `json:"uasc_age_16_plus_share"`
}

// arrivals makes the UASC month by month (see the top): each a household
// of one young person, with the referral that brings them to the service.
func (w *world) arrivals() {
	prof := careProfile()
	perYear := prof.UASC.ShareOfCLA * meanCareYears(prof) / uascYears // per start a year
	owed := 0.0
	for m, from := 0, w.start; !from.After(w.asAt); m, from = m+1, calendar.AddMonths(w.start, m+1) {
		to := earliest(days(calendar.AddMonths(w.start, m+1), -1), w.asAt)
		owed += w.sc.At(from).CareStartsPer10k / 12 * float64(w.pop) / 10000 * perYear
		r := newRNG(w.cfg.Seed, "uasc-month", m)
		n := r.whole(owed)
		owed -= float64(n)
		for range n {
			w.arrive(r.dateIn(from, to), prof.UASC)
		}
	}
}

// arrive makes a UASC household: the young person, found on day d.
func (w *world) arrive(d time.Time, f uascFigures) {
	idx := len(w.households)
	r := newRNG(w.cfg.Seed, "uasc", idx)
	hh := &household{idx: idx, r: r, team: r.IntN(64), uasc: true}
	hh.ethnicity = r.pick(uascEthnicity)
	hh.surname = r.surname(hh.ethnicity)
	age := 14 + r.IntN(2)
	if r.chance(uascAged16Plus) {
		age = 16 + r.IntN(2)
	}
	dob := days(calendar.AddMonths(d, -12*age), -r.between(0, 364))
	k := &kid{hh: hh, dob: dob, sex: "M"}
	if !r.chance(f.Male) {
		k.sex = "F"
	}
	k.first = r.firstName(hh.ethnicity, k.sex)
	hh.kids = []*kid{k}
	e := w.newEpisode(hh, hh.kids, d, true)
	hh.episodes = []*episode{e}
	w.households = append(w.households, hh)
	m := w.monthOf(d)
	w.grow(m)
	w.referrals[m]++
}

// uascCare plans the period of care of each UASC arrival: from within two
// days of the referral to the 18th birthday.
func (w *world) uascCare() []careCandidate {
	var out []careCandidate
	for _, hh := range w.households {
		if !hh.uasc || len(hh.episodes) == 0 || !hh.kids[0].known {
			continue
		}
		k, e := hh.kids[0], hh.episodes[0]
		r := newRNG(w.cfg.Seed, "care", int(k.rec.ID)<<4)
		c := careCandidate{k: k, r: r, start: days(e.start, r.between(0, 2)), weight: 1, uasc: true,
			end: casework.BirthdayOn(k.dob, 18), reason: "E17"}
		if c.start.After(w.asAt) || !c.start.Before(k.eighteenth()) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// recordUASC records the child of a period begun as UASC, the status
// ceasing on the 18th birthday when the period lasted to it by the as-at
// date, and the addresses they have: their placements'.
func (cr *careRun) recordUASC() {
	k := cr.k
	k.rec.UASC = true
	b18 := casework.BirthdayOn(k.dob, 18)
	ep := cr.cf.CareEpisodes[0]
	if !b18.After(cr.w.asAt) && (ep.EndDate == nil || !ep.EndDate.Before(b18)) {
		k.rec.UASCCeased = ptr(b18)
	}
	k.recs.Children[0] = k.rec
	for _, p := range cr.cf.Placements {
		if p.StartDate.After(cr.w.asAt) {
			break
		}
		line1, town, _ := cr.r.address()
		if !p.InArea {
			town = "" // a district beyond Brackenmoor: the postcode tells where
		}
		k.recs.Addresses = append(k.recs.Addresses, casework.Address{ID: next(&cr.w.ids.Address), ChildID: k.rec.ID,
			Line1: line1, Town: town, Postcode: p.Postcode, StartDate: p.StartDate, EndDate: p.EndDate})
	}
}
