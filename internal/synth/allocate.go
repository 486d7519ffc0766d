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
	for d := sg.from; ; {
		h := ps.holderAt(o, d)
		e.alloc = append(e.alloc, allocation{from: d, team: team, worker: h, reason: reason})
		end := o.workers[h].EndDate
		if end == nil || (to != nil && !end.Before(*to)) || !end.Before(w.asAt) {
			return
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
// stretches, each ending the day the next began (or the case closed), and
// sets the involvement's team and worker to the last.
func (w *world) writeAllocations() {
	o := w.org
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			for i, ke := range e.kes {
				if ke.involvement == 0 {
					continue
				}
				k := e.kids[i]
				for j, a := range e.alloc {
					row := store.AllocationRow{ID: next(&w.ids.Allocation), InvolvementID: ke.involvement,
						TeamID: ptr(o.teams[a.team].ID), StartDate: a.from, Reason: a.reason}
					if a.worker >= 0 {
						row.WorkerID = ptr(o.workers[a.worker].ID)
					}
					if j+1 < len(e.alloc) {
						row.EndDate = ptr(e.alloc[j+1].from)
					} else {
						row.EndDate = e.closed
					}
					k.recs.Allocations = append(k.recs.Allocations, row)
				}
				w.setHolder(k, ke, e)
			}
		}
	}
}

// setHolder puts the last allocation on the child's involvement.
func (w *world) setHolder(k *kid, ke *kidEpisode, e *episode) {
	if len(e.alloc) == 0 {
		return
	}
	last := e.alloc[len(e.alloc)-1]
	inv := &k.recs.Involvements[ke.invIndex]
	inv.TeamID = ptr(w.org.teams[last.team].ID)
	if last.worker >= 0 {
		inv.WorkerID, inv.AllocatedOn = ptr(w.org.workers[last.worker].ID), ptr(last.from)
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
