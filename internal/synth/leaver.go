package synth

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"sightline/internal/casework"
)

// Care leavers. A young person looked after for 13 weeks or more after
// their 14th birthday, still looked after at 16, who left care at 16 to
// 18 becomes a care leaver (Children (Leaving Care) Act 2000): relevant
// while under 18, former relevant from 18. Each gets a personal adviser,
// a pathway plan reviewed every six months, and at each birthday from the
// 17th to the 21st reached by the as-at date (while services last) an OC3
// record: in touch,
// activity and accommodation. The activity follows the profile
// (care_leavers_2024: at 19 to 21, 53.8% in education, employment or
// training, 6.9% not known; at 18, 48% in education other than higher and
// 30% not); the rest are assumptions stated below. Every record is replayed
// through the casework rules, one they refuse being left out.

// leaverFigures are the profile's figures about care leavers' activity.
type leaverFigures struct {
	Leavers struct {
		Older struct {
			EET      float64 `json:"eet"`
			NotKnown float64 `json:"not_known"`
			HE       float64 `json:"higher_education"`
		} `json:"age_19_21"`
		Young struct {
			NEET        float64 `json:"neet"`
			EducationFE float64 `json:"education_non_he"`
		} `json:"age_18"`
	} `json:"care_leavers_2024"`
}

var leaverProfile = sync.OnceValue(func() leaverFigures {
	var f leaverFigures
	if err := json.Unmarshal(profileJSON, &f); err != nil {
		panic(fmt.Sprintf("synth: embedded profile.json: %v", err))
	}
	return f
})

// Assumptions (no national statistic in the profile): the share of those
// in touch who live in suitable accommodation (England's is about 88%);
// the share whose leaving-care services go on past 21 (in education or
// asking for help, to 25); and how those not in touch are recorded.
const (
	suitableAccom      = 0.88
	servicesPast21     = 0.3
	pathwayReviewDays  = 182
	eligibleAfter14Day = 13 * 7
)

var notInTouch = Weights{{"NO", 0.6}, {"REFU", 0.25}, {"NREQ", 0.1}, {"RHOM", 0.05}}

// suitableTypes and unsuitableTypes are OC3 accommodation letters; T
// (foyers) is for those 18 and over and Z (former foster carers, staying
// put) not at the 17th birthday (validator rules 347 and 3001).
var (
	suitableTypes = Weights{{"U", 0.3}, {"D", 0.25}, {"Z", 0.12}, {"B", 0.1}, {"E", 0.08}, {"T", 0.05},
		{"K", 0.04}, {"C", 0.03}, {"Y", 0.03}}
	unsuitableTypes = Weights{{"S", 0.25}, {"X", 0.2}, {"V", 0.15}, {"W", 0.1}, {"K", 0.1}, {"Y", 0.1}, {"B", 0.1}}
)

var personalAdvisers = []string{"Kerry Ashdown (personal adviser)", "Tom Bellis (personal adviser)",
	"Nadia Okafor (personal adviser)", "Sam Pryce (personal adviser)", "Leaving Care Team duty adviser"}

// leavers makes every known young person's care leaver records.
func (w *world) leavers() {
	prof := leaverProfile()
	for _, hh := range w.households {
		for _, k := range hh.kids {
			if k.known && k.rec.DateOfBirth != nil {
				w.recordLeaver(k, prof)
			}
		}
	}
}

// leftCareEligible returns the day the child left care as a care leaver:
// the end of their latest period of care, ended by the as-at date at 16 to
// 18, with 13 weeks looked after after their 14th birthday (periods add
// up). ok is false for anyone else, and for a child whose care another
// authority took over (E3): the leaving care duties are that authority's
// (SSDA903 rule 1011), as they are not owed to one found to be 18 or over
// (E15).
func (w *world) leftCareEligible(k *kid) (started, ended time.Time, ok bool) {
	fourteen, sixteen := casework.BirthdayOn(k.dob, 14), casework.BirthdayOn(k.dob, 16)
	weeks, last := 0, ""
	for _, ep := range k.recs.CareEpisodes {
		if ep.EndDate == nil || ep.EndDate.After(w.asAt) {
			return time.Time{}, time.Time{}, false // still looked after
		}
		if ep.EndDate.After(fourteen) {
			weeks += int(ep.EndDate.Sub(latest(ep.StartDate, fourteen)).Hours() / 24)
		}
		if !ep.EndDate.Before(ended) {
			started, ended, last = ep.StartDate, *ep.EndDate, ep.EndReason
		}
	}
	age := k.ageOn(ended)
	return started, ended, weeks >= eligibleAfter14Day && ended.After(sixteen) && age >= 16 && age <= 18 &&
		last != "E3" && last != "E15"
}

// recordLeaver makes a care leaver's records and replays them.
func (w *world) recordLeaver(k *kid, prof leaverFigures) {
	if len(k.recs.CareEpisodes) == 0 {
		return
	}
	started, ended, ok := w.leftCareEligible(k)
	if !ok {
		return
	}
	r := newRNG(w.cfg.Seed, "leaver", int(k.rec.ID))
	cf := casework.CaseFile{Child: k.rec}
	eighteen := casework.BirthdayOn(k.dob, 18)
	first := casework.CareLeaver{ChildID: k.rec.ID, Category: casework.LeaverRelevant, From: ended,
		Adviser: one(r, personalAdvisers), AdviserFrom: ptr(ended)}
	if !ended.Before(eighteen) {
		first.Category = casework.LeaverFormerRelevant
	}
	stop := casework.BirthdayOn(k.dob, 21)
	if r.chance(servicesPast21) {
		stop = casework.BirthdayOn(k.dob, 25)
	}
	records := []casework.CareLeaver{first}
	if first.Category == casework.LeaverRelevant && !eighteen.After(w.asAt) {
		second := first
		second.Category, second.From = casework.LeaverFormerRelevant, eighteen
		records = append(records, second)
	}
	if !stop.After(w.asAt) {
		records[len(records)-1].ServicesEnded = ptr(stop)
	}
	for _, l := range records {
		if l.Validate(k.rec.DateOfBirth, w.asAt) != nil {
			return
		}
	}
	for i := range records {
		records[i].ID = next(&w.ids.CareLeaver)
	}
	cf.Leaver = &records[len(records)-1]
	end := earliest(w.asAt, stop)
	w.pathway(k, &cf, r, started, ended, end)
	w.birthdays(k, &cf, r, prof, end)
	k.recs.Leavers = append(k.recs.Leavers, records...)
	k.recs.Pathway = append(k.recs.Pathway, cf.Pathway...)
	k.recs.LeaverContacts = append(k.recs.LeaverContacts, cf.LeaverContacts...)
}

// pathway makes the pathway plan, drawn up in the months before the young
// person left care (not before 16, nor before care began), and its
// six-monthly reviews to the end of services or the as-at date.
func (w *world) pathway(k *kid, cf *casework.CaseFile, r rng, started, ended, end time.Time) {
	plan := latest(latest(days(ended, -r.between(0, 120)), casework.BirthdayOn(k.dob, 16)), started)
	dates := []time.Time{plan}
	for d := days(plan, pathwayReviewDays+r.between(-14, 28)); !d.After(end); d = days(d, pathwayReviewDays+r.between(-14, 28)) {
		dates = append(dates, d)
	}
	for i, d := range dates {
		p := casework.PathwayRecord{ChildID: k.rec.ID, Kind: casework.PathwayReview, Date: d}
		if i == 0 {
			p.Kind = casework.PathwayPlan
		}
		if cf.CheckPathway(p, w.asAt) != nil {
			if i == 0 {
				return // no plan: nothing to review
			}
			continue
		}
		p.ID = next(&w.ids.Pathway)
		cf.Pathway = append(cf.Pathway, p)
	}
}

// birthdays makes the OC3 record of each birthday from the 17th to the
// 21st up to the end of services and the as-at date, recorded in the
// month before the birthday so that it falls in the birthday's
// collection year. The SSDA903 return asks it of every care leaver's
// birthday in the year, one still looked after at 17 included.
func (w *world) birthdays(k *kid, cf *casework.CaseFile, r rng, prof leaverFigures, end time.Time) {
	for age := 17; age <= 21; age++ {
		b := casework.BirthdayOn(k.dob, age)
		if b.After(end) {
			continue
		}
		c := casework.LeaverContact{ChildID: k.rec.ID, Birthday: age, Date: days(b, -r.between(0, 30))}
		c.InTouch, c.Activity, c.Accom = oc3(r, prof, age)
		if cf.CheckLeaverContact(c, w.asAt) != nil {
			continue
		}
		c.ID = next(&w.ids.LeaverContact)
		cf.LeaverContacts = append(cf.LeaverContacts, c)
	}
}

// oc3 draws the in-touch, activity and accommodation codes at a birthday.
// The profile's "not known" share stands for those not in touch; its
// shares of all care leavers become shares of those in touch.
func oc3(r rng, prof leaverFigures, age int) (inTouch, activity, accom string) {
	old, young := prof.Leavers.Older, prof.Leavers.Young
	if !r.chance(1 - old.NotKnown) {
		return r.pick(notInTouch), "0", "0"
	}
	inTouch = "YES"
	var eet, he float64
	if age >= 19 {
		eet, he = old.EET/(1-old.NotKnown), old.HE/(1-old.NotKnown)
	} else {
		eet = 1 - young.NEET
	}
	ft := map[bool]string{true: "F", false: "P"}[r.chance(0.75)]
	switch x := r.Float64(); {
	case x < he:
		activity = ft + "1"
	case age < 19 && x < young.EducationFE:
		activity = ft + "2"
	case x < eet:
		activity = ft + one(r, []string{"2", "4", "5", "5"})
	default:
		activity = r.pick(Weights{{"G4", 0.2}, {"G5", 0.6}, {"G6", 0.2}})
	}
	for {
		suitable := r.chance(suitableAccom)
		kind := r.pick(unsuitableTypes)
		if suitable {
			kind = r.pick(suitableTypes)
		}
		if (kind == "T" && age <= 18) || (kind == "Z" && age == 17) {
			continue
		}
		return inTouch, activity, casework.AccomCode(kind, suitable)
	}
}
