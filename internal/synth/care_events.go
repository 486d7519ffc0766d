package synth

// The statutory work of a period of care the generator records: the care
// plan, reviews, health, dental and education, visits and family time.

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// events plans the care plan, reviews, health assessments, dental checks
// and PEPs, mostly in time and some late (shares: an assumption).
func (cr *careRun) events() {
	r, start := cr.r, cr.ep.StartDate
	cr.event(casework.CarePlanMade, wd(start, r.between(1, 14)))
	for i, d := 0, wd(start, r.between(12, 24)); i < 40; i++ {
		cr.event(casework.CareReview, d)
		gap := r.between(150, 195)
		if i == 0 {
			gap = r.between(70, 100)
		}
		d = days(d, gap)
	}
	for i, d := 0, wd(start, r.between(8, 30)); i < 40; i++ {
		kind := casework.HealthInitial
		if i > 0 {
			kind = casework.HealthReview
		}
		cr.event(kind, d)
		if cr.k.ageOn(d) < 5 {
			d = days(d, r.between(150, 200))
		} else {
			d = days(d, r.between(300, 390))
		}
	}
	for d := days(start, r.between(30, 150)); !d.After(cr.end); d = days(d, r.between(300, 420)) {
		cr.event(casework.DentalCheck, d)
	}
	if age := cr.k.ageOn(start); age >= 4 && age < 16 {
		for d := wd(start, r.between(4, 16)); !d.After(cr.end); d = days(d, r.between(90, 140)) {
			cr.event(casework.PEPMeeting, d)
		}
	}
}

// event records one care event on day d, if the rules allow it then.
func (cr *careRun) event(kind string, d time.Time) {
	if d.After(cr.end) {
		return
	}
	e := casework.CareEvent{ChildID: cr.k.rec.ID, EpisodeID: cr.ep.ID, Kind: kind, Date: d}
	if kind == casework.CareReview {
		e.IRO, e.Participation = cr.ep.IRO, "PN0"
		if cr.k.ageOn(d) >= 4 {
			e.Participation = one(cr.r, []string{"PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})
		}
	}
	if cr.cf.CheckCareEvent(e, cr.w.asAt) != nil {
		return
	}
	e.ID = next(&cr.w.ids.CareEvent)
	cr.cf.CareEvents = append(cr.cf.CareEvents, e)
}

// visits plans the statutory visits of each placement: the first within a
// week (nine in ten), then every three to six weeks (some late), every two
// to three months in a long-term placement after its first year.
func (cr *careRun) visits() {
	r := cr.r
	for _, p := range cr.cf.Placements {
		last := cr.end
		if p.EndDate != nil && p.EndDate.Before(last) {
			last = *p.EndDate
		}
		d := days(p.StartDate, r.between(1, 7))
		if r.chance(0.1) {
			d = days(p.StartDate, r.between(8, 14))
		}
		for ; !d.After(last); d = days(d, cr.visitGap(p, d)) {
			seen := r.chance(0.96)
			v := casework.Visit{ID: next(&cr.w.ids.Visit), ChildID: cr.k.rec.ID, Date: d, Kind: "cla", Seen: seen,
				SeenAlone: seen && cr.k.ageOn(d) >= 5 && r.chance(0.6), Place: "placement"}
			cr.cf.Visits = append(cr.cf.Visits, v)
		}
	}
}

func (cr *careRun) visitGap(p casework.Placement, d time.Time) int {
	r := cr.r
	if p.LongTerm() && !d.Before(calendar.AddMonths(p.StartDate, 12)) {
		return r.between(55, 95)
	}
	if r.chance(0.12) {
		return r.between(43, 60)
	}
	return r.between(21, 42)
}

// familyTime arranges family time for most children soon after they come
// into care; fewer of those placed 20 miles or more away (assumption).
func (cr *careRun) familyTime() {
	r := cr.r
	share := 0.85
	if cr.cf.Placements[0].DistanceMiles >= casework.FarFromHomeMiles {
		share = 0.6
	}
	if !r.chance(share) {
		return
	}
	f := casework.FamilyTime{ChildID: cr.k.rec.ID, EpisodeID: cr.ep.ID, StartDate: days(cr.ep.StartDate, r.between(0, 21)),
		With:      one(r, []string{"Mother", "Father", "Mother and father", "Grandmother", "Brothers and sisters", "Aunt"}),
		Frequency: one(r, []string{"weekly", "weekly", "fortnightly", "fortnightly", "monthly", "indirect"}), Supervised: r.chance(0.6)}
	if f.StartDate.After(cr.end) || cr.cf.CheckFamilyTime(f, cr.w.asAt) != nil {
		return
	}
	f.ID = next(&cr.w.ids.FamilyTime)
	cr.cf.FamilyTime = append(cr.cf.FamilyTime, f)
}
