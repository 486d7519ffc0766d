package synth

import (
	"time"

	"sightline/internal/casework"
)

// Court work. Care proceedings are read off the periods of care care.go
// made: the application is issued on the day a child first comes under an
// interim care order (C1), which is made at a hearing that day; a case
// management hearing follows within three weeks, an issues resolution
// hearing a few weeks before the final; the final hearing is the day the
// full care order (C2) begins, or the day care ended with another order,
// or is still expected 26 weeks after issue; for a child to be adopted the
// final hearing makes the placement order (E1) with the care order. (When care orders begin, and
// so how many finals fall within 26 weeks, is care.go's: it reads
// Period.FinalWithin26Weeks.) Before most applications for a child who
// had a child protection plan, pre-proceedings ran from the letter before
// proceedings; a few children on plans enter pre-proceedings and step
// down without going to court. Shares are assumptions (no national
// statistic); each step is replayed through the casework rules.

const (
	ploBeforeProceedings = 0.6  // applications for a child on a plan preceded by pre-proceedings
	ploStepDown          = 0.08 // children on a plan, never in proceedings, who enter pre-proceedings
	proceedingsWeeks     = 26   // Children Act 1989 s.32(1)(a)
)

var courts = []string{"Brackenmoor Family Court", "Brackenmoor Family Court", "Fellside Family Court"}

// finalOrderOnLeaving is the order the final hearing made, by the reason
// care ended before a full care order.
var finalOrderOnLeaving = map[string]string{"E45": "sgo", "E46": "sgo", "E47": "sgo", "E48": "sgo", "E41": "cao",
	"E4A": "supervision_order"}

// courtRun is one child's court work being recorded.
type courtRun struct {
	w  *world
	k  *kid
	r  rng
	cf casework.CaseFile
}

// court records every known child's pre-proceedings and proceedings.
func (w *world) court() {
	for _, hh := range w.households {
		for _, k := range hh.kids {
			if k.known && k.rec.DateOfBirth != nil && (len(k.recs.Plans) > 0 || len(k.recs.CareEpisodes) > 0) {
				cr := &courtRun{w: w, k: k, r: newRNG(w.cfg.Seed, "court", int(k.rec.ID)), cf: casework.CaseFile{Child: k.rec}}
				cr.record()
			}
		}
	}
}

// plannedProceedings is an application as care.go's legal statuses imply.
type plannedProceedings struct {
	issued, final time.Time // final zero: still open on the as-at date
	order         string
}

// record plans and replays the child's court work.
func (cr *courtRun) record() {
	w, r, recs := cr.w, cr.r, cr.k.recs
	var apps []plannedProceedings
	for _, ep := range recs.CareEpisodes {
		var c1, c2 time.Time
		order := "care_order"
		for _, ls := range recs.LegalStatuses {
			switch {
			case ls.EpisodeID != ep.ID:
			case ls.Code == "C1" && c1.IsZero():
				c1 = ls.StartDate
			case (ls.Code == "C2" || ls.Code == "E1") && c2.IsZero() && !c1.IsZero():
				c2 = ls.StartDate
				if ls.Code == "E1" { // the final hearing made the care and placement orders
					order = "placement_order"
				}
			}
		}
		if c1.IsZero() {
			continue
		}
		app := plannedProceedings{issued: c1}
		switch {
		case !c2.IsZero():
			app.final, app.order = c2, order
		case ep.EndDate != nil:
			app.final, app.order = *ep.EndDate, "no_order"
			if o, ok := finalOrderOnLeaving[ep.EndReason]; ok {
				app.order = o
			}
		}
		apps = append(apps, app)
	}
	var firstPlan *time.Time
	for _, p := range recs.Plans {
		if firstPlan == nil || p.StartDate.Before(*firstPlan) {
			firstPlan = ptr(p.StartDate)
		}
	}
	last := earliest(w.asAt, days(cr.k.eighteenth(), -1))
	switch {
	case len(apps) > 0 && firstPlan != nil && firstPlan.Before(apps[0].issued) && r.chance(ploBeforeProceedings):
		start := latest(*firstPlan, days(apps[0].issued, -r.between(42, 150)))
		cr.plo(start, apps[0].issued, true)
	case len(apps) == 0 && firstPlan != nil && r.chance(ploStepDown):
		start := days(*firstPlan, r.between(60, 200))
		if !start.After(last) {
			cr.plo(start, days(start, r.between(90, 180)), false)
		}
	}
	for _, app := range apps {
		cr.proceedings(app, last)
	}
	recs.PLOs, recs.PLOEvents = append(recs.PLOs, cr.cf.PLOs...), append(recs.PLOEvents, cr.cf.PLOEvents...)
	recs.Proceedings, recs.Hearings = append(recs.Proceedings, cr.cf.Proceedings...), append(recs.Hearings, cr.cf.Hearings...)
}

// plo records pre-proceedings from start: the letter that day, the
// meeting within three weeks, a review six to ten weeks on, and the end
// (by proceedings, left open for the issue to end, or by stepping down).
func (cr *courtRun) plo(start, end time.Time, toCourt bool) {
	w, r := cr.w, cr.r
	p := casework.PreProceedings{ChildID: cr.k.rec.ID, StartDate: start}
	if start.Before(w.start) || cr.cf.CheckStartPLO(p, w.asAt) != nil {
		return
	}
	p.ID = next(&w.ids.PLO)
	cr.cf.PLOs = append(cr.cf.PLOs, p)
	meeting := days(start, r.between(7, 21))
	for _, e := range []casework.PLOEvent{{Kind: "letter", Date: start}, {Kind: "meeting", Date: meeting},
		{Kind: "review", Date: days(meeting, r.between(42, 70))}} {
		e.ChildID, e.PLOID = p.ChildID, p.ID
		if !e.Date.Before(end) || e.Date.After(w.asAt) || cr.cf.CheckPLOEvent(e, w.asAt) != nil {
			break
		}
		e.ID = next(&w.ids.PLOEvent)
		cr.cf.PLOEvents = append(cr.cf.PLOEvents, e)
	}
	if !toCourt && !end.After(earliest(w.asAt, days(cr.k.eighteenth(), -1))) && cr.cf.CheckEndPLO(end, w.asAt) == nil {
		open := cr.cf.OpenPLO()
		open.EndDate, open.Outcome = &end, casework.PLOStepDown
	}
}

// proceedings records an application and its hearings up to the as-at
// date (or the child's last day as a child).
func (cr *courtRun) proceedings(app plannedProceedings, last time.Time) {
	w, r := cr.w, cr.r
	p := casework.Proceedings{ChildID: cr.k.rec.ID, IssuedOn: app.issued, Court: one(r, courts), Application: "care",
		ExpectedFinal: ptr(days(app.issued, 7*proceedingsWeeks))}
	if app.issued.Before(w.start) || app.issued.After(last) || cr.cf.CheckIssueProceedings(p, w.asAt) != nil {
		return
	}
	p.ID = next(&w.ids.Proceedings)
	if plo := cr.cf.OpenPLO(); plo != nil {
		p.PLOID = &plo.ID
		plo.EndDate, plo.Outcome = ptr(app.issued), casework.PLOToProceedings
	}
	cr.cf.Proceedings = append(cr.cf.Proceedings, p)
	hs := []casework.Hearing{{Kind: "interim", Date: app.issued, Outcome: "Interim care order made"},
		{Kind: "cmh", Date: days(app.issued, r.between(10, 21)), Outcome: "Directions given; timetable set"}}
	if !app.final.IsZero() {
		if irh := days(app.final, -r.between(14, 35)); irh.After(hs[1].Date) {
			hs = append(hs, casework.Hearing{Kind: "irh", Date: irh, Outcome: "Issues narrowed; final hearing confirmed"})
		}
		hs = append(hs, casework.Hearing{Kind: casework.HearingFinal, Date: app.final, FinalOrder: app.order})
	}
	for _, h := range hs {
		h.ChildID, h.ProceedingsID = p.ChildID, p.ID
		if h.Date.After(last) || (!app.final.IsZero() && h.Kind != casework.HearingFinal && h.Date.After(app.final)) ||
			cr.cf.CheckHearing(h, w.asAt) != nil {
			continue
		}
		h.ID = next(&w.ids.Hearing)
		cr.cf.Hearings = append(cr.cf.Hearings, h)
		if h.Kind == casework.HearingFinal {
			open := &cr.cf.Proceedings[len(cr.cf.Proceedings)-1]
			open.FinalHearing, open.FinalOrder = ptr(h.Date), h.FinalOrder
		}
	}
}
