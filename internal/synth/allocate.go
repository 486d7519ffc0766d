package synth

import (
	"time"

	"sightline/internal/store"
)

// allocation is a stretch of an episode held by a team and a worker (-1:
// none), shared by the children of the episode.
type allocation struct {
	from   time.Time
	team   int // index into org.teams
	worker int // index into org.workers, or -1
	reason string
}

// allocate decides who held each episode: each stretch (front door,
// assessment, plan) goes to a case-holding post of a team of its kind (a
// family keeps to one team of a kind), and passes to the post's next
// holder when its worker leaves.
func (w *world) allocate() {
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			if !e.referred {
				continue
			}
			for i, sg := range e.segments {
				var to *time.Time
				if i+1 < len(e.segments) {
					to = &e.segments[i+1].from
				} else {
					to = e.closed
				}
				w.allocateSegment(e, sg, to, i == 0)
			}
		}
	}
}

// reasonCodes are the SW_REASON codes (casework.SocialWorkerReasons) of
// the reasons the generator writes when a case changes hands, recorded
// with them as the allocation form records a manager's choice: a case
// opened is a first contact; a stretch passed to another team, into care
// or back when care ends follows the standard process; a worker leaving
// passes the case on.
var reasonCodes = map[string]string{
	"Case opened":                                         "FCONTA",
	"Allocated for assessment":                            "TSPROC",
	"Transferred for the plan":                            "TSPROC",
	"Transferred to the disabled children's team":         "TSPROC",
	reasonToCare:                                          "TSPROC",
	"Care ended: transferred back to the front door":      "TSPROC",
	"Care ended: transferred back to the assessment team": "TSPROC",
	"Care ended: transferred back to the child protection and children in need team": "TSPROC",
	"Care ended: transferred back to the disabled children's team":                   "TSPROC",
	"Worker left: case passed to their successor":                                    "LEFTRL",
	"Worker left: awaiting reallocation":                                             "LEFTRL",
	// A case left waiting for a worker gives no social worker episode: no
	// code says why it waits, so Other.
	"Awaiting allocation": "OTHERS",
}

// segmentReasons say why a stretch began, by the kind of team.
var segmentReasons = map[string]string{"front_door": "Case opened", "assessment": "Allocated for assessment",
	"child_protection": "Transferred for the plan", "disabled_children": "Transferred to the disabled children's team"}

func (w *world) allocateSegment(e *episode, sg segment, to *time.Time, first bool) {
	o := w.org
	teams := o.byKind[sg.kind]
	team := teams[e.hh.team%len(teams)]
	ps := one(e.hh.r, o.caseHolding(team))
	reason := segmentReasons[sg.kind]
	if first {
		reason = "Case opened"
	}
	e.alloc = append(e.alloc, w.heldBy(ps, team, sg.from, to, reason)...)
}

// heldBy gives a case to post ps of a team from day from (for reason) to
// day to (nil: still open): to the post's holder, and as each holder
// leaves, from the next day to their successor.
func (w *world) heldBy(ps *post, team int, from time.Time, to *time.Time, reason string) []allocation {
	o := w.org
	var out []allocation
	for d := from; ; {
		h := ps.holderAt(o, d)
		out = append(out, allocation{from: d, team: team, worker: h, reason: reason})
		end := o.workers[h].EndDate
		if end == nil || (to != nil && !end.Before(*to)) || !end.Before(w.asAt) {
			return out
		}
		d, reason = days(*end, 1), "Worker left: case passed to their successor"
	}
}

// caseHolding returns a team's case-holding posts.
func (o *org) caseHolding(team int) []*post {
	var out []*post
	for _, ps := range o.posts[team] {
		if ps.caseHolding {
			out = append(out, ps)
		}
	}
	return out
}

// holderAt returns the worker in the post on day d (the earliest holder
// for a day before any started).
func (ps *post) holderAt(o *org, d time.Time) int {
	for i := len(ps.holders) - 1; i >= 0; i-- {
		if !o.workers[ps.holders[i]].StartDate.After(d) {
			return ps.holders[i]
		}
	}
	return ps.holders[0]
}

// writeAllocations makes each child's allocation rows from the episode's
// stretches and sets the involvement's team and worker to the last. A
// child who comes into care has theirs made with the period of care
// (care_alloc.go).
func (w *world) writeAllocations() {
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			for i, ke := range e.kes {
				if ke.involvement != 0 && e.kids[i].care == nil {
					w.writeRows(e.kids[i], ke.invIndex, e.alloc, e.closed)
				}
			}
		}
	}
}

// writeRows makes child k's allocation rows of the involvement at
// invIndex from its stretches, each ending the day the next began (the
// last on closed), and puts the last on the involvement.
func (w *world) writeRows(k *kid, invIndex int, as []allocation, closed *time.Time) {
	o := w.org
	inv := &k.recs.Involvements[invIndex]
	for j, a := range as {
		row := store.AllocationRow{ID: next(&w.ids.Allocation), InvolvementID: inv.ID,
			TeamID: ptr(o.teams[a.team].ID), StartDate: a.from, ReasonCode: reasonCodes[a.reason], Reason: a.reason}
		if a.worker >= 0 {
			row.WorkerID = ptr(o.workers[a.worker].ID)
		}
		if j+1 < len(as) {
			row.EndDate = ptr(as[j+1].from)
		} else {
			row.EndDate = closed
		}
		k.recs.Allocations = append(k.recs.Allocations, row)
	}
	if len(as) == 0 {
		return
	}
	last := as[len(as)-1]
	inv.TeamID = ptr(o.teams[last.team].ID)
	if last.worker >= 0 {
		inv.WorkerID, inv.AllocatedOn = ptr(o.workers[last.worker].ID), ptr(last.from)
	}
}

// holder returns who held episode e on day d: the worker (-1 for none)
// and the team.
func (e *episode) holder(d time.Time) (worker, team int) {
	worker, team = -1, -1
	for _, a := range e.alloc {
		if a.from.After(d) {
			break
		}
		worker, team = a.worker, a.team
	}
	return worker, team
}
