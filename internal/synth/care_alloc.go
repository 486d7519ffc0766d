package synth

import (
	"time"

	"sightline/internal/casework"
)

// Who holds a child's case while they are looked after. Every child in
// care has a social worker of the Children in Care Team for the whole
// period, as in an authority:
//
//   - a child whose case is open when care begins (their involvement,
//     opened with the referral) passes that day to a worker of the Children
//     in Care Team ("Transferred to the children in care team"); the
//     involvement stays open while the child is looked after, past the day
//     the help and protection work would have closed it;
//   - a child whose case is closed when care begins has one opened that
//     day for the period of care (an involvement with no referral, as an
//     imported social worker history has), held by the team from the start;
//   - when care ends the involvement closes with it (for the reason care
//     ended: adopted, an order, transferred, or services ceased), unless the
//     help and protection work is still open then, in which case the case
//     passes back to whoever holds that work and closes when it does;
//   - a worker who leaves passes their cases to their successor in the
//     post the next day, as every team's do (allocate.go).
//
// A family's children in care share a post (a worker for brothers and
// sisters), drawn from the family's team of the kind. The help and
// protection records of the episode (its plan, visits and notes) stay
// the episode's, signed by its workers.

// Reasons a case changes hands for care.
const (
	reasonToCare = "Transferred to the children in care team"
	reasonOpened = "Case opened"
)

// backReasons say to whom a case passes back when care ends, by the kind
// of team that holds the help and protection work.
var backReasons = map[string]string{
	"front_door":        "Care ended: transferred back to the front door",
	"assessment":        "Care ended: transferred back to the assessment team",
	"child_protection":  "Care ended: transferred back to the child protection and children in need team",
	"disabled_children": "Care ended: transferred back to the disabled children's team",
}

// closureOfCare is the CIN reason for closing a case (RC1–RC9) when care
// ends for an SSDA903 reason: adopted, an order, transferred to another
// authority or to adult services; any other ending ceases services.
var closureOfCare = map[string]string{"E11": "RC1", "E12": "RC1", "E41": "RC3", "E45": "RC4", "E46": "RC4",
	"E47": "RC4", "E48": "RC4", "E3": "RC5", "E7": "RC6"}

// allocateCare makes child k's allocation rows, now that their period of
// care (if the rules let it start) is recorded: each involvement's own,
// but the one open when care began, which the Children in Care Team holds
// while the child is looked after; or, with none open, a new one.
func (w *world) allocateCare(k *kid) {
	var ep *casework.CareEpisode
	if n := len(k.recs.CareEpisodes); n > 0 {
		ep = &k.recs.CareEpisodes[n-1]
	}
	held := false
	for _, ke := range k.eps {
		if ke.involvement == 0 {
			continue
		}
		e := ke.ep
		if ep == nil || held || e.start.After(ep.StartDate) || (e.closed != nil && e.closed.Before(ep.StartDate)) {
			w.writeRows(k, ke.invIndex, e.alloc, e.closed)
			continue
		}
		held = true
		as, closed, reason := w.throughCare(k, e, ep)
		inv := &k.recs.Involvements[ke.invIndex]
		inv.EndDate, inv.EndReason = closed, reason
		w.writeRows(k, ke.invIndex, as, closed)
	}
	if ep != nil && !held {
		inv := casework.Involvement{ID: next(&w.ids.Involvement), ChildID: k.rec.ID, StartDate: ep.StartDate,
			EndDate: ep.EndDate, EndReason: careClosure(ep)}
		k.recs.Involvements = append(k.recs.Involvements, inv)
		w.writeRows(k, len(k.recs.Involvements)-1, w.careHolders(k, ep, reasonOpened), ep.EndDate)
	}
}

// throughCare is who held episode e's case for child k, looked after in
// ep: the episode's holders to the day care began, the Children in Care
// Team's while it lasted, then (the work still open) the episode's again;
// and the day the case closed, and why.
func (w *world) throughCare(k *kid, e *episode, ep *casework.CareEpisode) ([]allocation, *time.Time, string) {
	var as []allocation
	for _, a := range e.alloc {
		if a.from.Before(ep.StartDate) {
			as = append(as, a)
		}
	}
	as = append(as, w.careHolders(k, ep, reasonToCare)...)
	end := ep.EndDate
	if end == nil || (e.closed != nil && !e.closed.After(*end)) {
		return as, end, careClosure(ep)
	}
	worker, team := e.holder(*end)
	as = append(as, allocation{from: *end, team: team, worker: worker, reason: backReasons[w.org.teams[team].Kind]})
	for _, a := range e.alloc {
		if a.from.After(*end) {
			as = append(as, a)
		}
	}
	return as, e.closed, e.closeReason
}

// careHolders are the Children in Care Team's workers who hold child k's
// case through the period of care ep: the family's post, from the day
// care began to the day it ended.
func (w *world) careHolders(k *kid, ep *casework.CareEpisode, reason string) []allocation {
	o := w.org
	teams := o.byKind["children_in_care"]
	team := teams[k.hh.team%len(teams)]
	r := newRNG(w.cfg.Seed, "care-worker", k.hh.idx)
	return w.heldBy(one(r, o.caseHolding(team)), team, ep.StartDate, ep.EndDate, reason)
}

// careClosure is the reason a case closes when care ends ("" while it
// has not).
func careClosure(ep *casework.CareEpisode) string {
	if ep.EndDate == nil {
		return ""
	}
	if rc, ok := closureOfCare[ep.EndReason]; ok {
		return rc
	}
	return "RC7"
}
