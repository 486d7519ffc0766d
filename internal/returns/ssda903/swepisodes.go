package ssda903

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// swEpisode is a stretch in which one social worker held the child's
// case (SWEpisodes).
type swEpisode struct {
	id     string // SW_ID
	start  time.Time
	end    *time.Time // nil while open
	reason string     // SW_REASON: why this worker took the case
}

// swID is the worker's Social Work England number (upper case, without
// spaces, as the workforce census writes it), or, when none is
// recorded, "XX" and sightline's id of the worker: the DfE's prefix for a
// social worker whose number is not known (rule SW02STG1), kept distinct
// for each worker so that a change of worker still shows.
func swID(a casework.WorkerAllocation) string {
	if n := strings.ToUpper(strings.ReplaceAll(a.SWENo, " ", "")); n != "" {
		return n
	}
	return "XX" + strconv.FormatInt(*a.WorkerID, 10)
}

// socialWorkerEpisodes are the child's social worker episodes open at some
// time in the year, as the record stood on 31 March, from the allocation
// history of all the child's involvements:
//   - a stretch with no worker (the case waited for one) is no episode: the
//     return has a gap there;
//   - SW_REASON is the allocation's reason code (swReasonOf); when an
//     involvement's first allocation is no episode (the case opened
//     waiting for a worker, or passed on the day it opened, as from the
//     front door to assessment), its reason ("Case opened": FCONTA) goes
//     to the involvement's first worker, who took a new case;
//   - a worker holds a case only while in post, as caseloads count it: the
//     episode ends the day after the worker's leaving date;
//   - allocations that follow on to the same worker (the same SW_ID) are one
//     episode, whatever the team or the involvement;
//   - when another worker takes the case while an earlier allocation is
//     still open (two involvements at once), the earlier episode ends the
//     day the later begins;
//   - an episode ending after 31 March is open (SW_DEC blank), and one
//     starting after it is left out.
func socialWorkerEpisodes(cf *casework.CaseFile, y Year) []swEpisode {
	return inTheYear(joined(stretches(cf, y)), y)
}

// stretches are the allocations held by a worker in post for a day or
// more, begun by 31 March, in start order, each with its SW_REASON.
func stretches(cf *casework.CaseFile, y Year) []swEpisode {
	var held []swEpisode
	carried := map[int64]string{} // an involvement's opening reason, passed on
	seen := map[int64]bool{}
	for _, a := range cf.SocialWorkers {
		first := !seen[a.InvolvementID]
		seen[a.InvolvementID] = true
		reason := swReasonOf(a)
		end := a.EndDate
		if a.WorkerLeft != nil && a.WorkerID != nil {
			if after := a.WorkerLeft.AddDate(0, 0, 1); end == nil || end.After(after) {
				end = &after
			}
		}
		if a.WorkerID == nil || (end != nil && !end.After(a.StartDate)) {
			if first {
				carried[a.InvolvementID] = reason
			}
			continue // no worker, or held for no day: the opening reason waits for the first who holds a day
		}
		if r, ok := carried[a.InvolvementID]; ok {
			reason = r
			delete(carried, a.InvolvementID)
		}
		if a.StartDate.After(y.End()) {
			continue
		}
		held = append(held, swEpisode{id: swID(a), start: a.StartDate, end: end, reason: reason})
	}
	slices.SortStableFunc(held, func(a, b swEpisode) int { return a.start.Compare(b.start) })
	return held
}

// joined makes the episodes from the stretches: on each day the child's
// social worker is the one whose stretch began latest of those holding a
// case that day, so a worker who takes a second case of the child ends
// the first worker's episode, and when that second case closes while the
// first is still held, the first worker's episode begins again (reason
// TSPROC: the case came back to its worker under the standard process).
// Days that follow on with the same SW_ID are one episode, whatever the
// team or the involvement; a day no one held is a gap.
func joined(held []swEpisode) []swEpisode {
	var cuts []time.Time
	for _, e := range held {
		cuts = append(cuts, e.start)
		if e.end != nil {
			cuts = append(cuts, *e.end)
		}
	}
	slices.SortFunc(cuts, time.Time.Compare)
	cuts = slices.CompactFunc(cuts, time.Time.Equal)
	var out []swEpisode
	for i, from := range cuts {
		h := holder(held, from)
		if h < 0 {
			continue
		}
		var to *time.Time
		if i+1 < len(cuts) {
			to = &cuts[i+1]
		}
		if n := len(out); n > 0 && out[n-1].id == held[h].id && out[n-1].end != nil && out[n-1].end.Equal(from) {
			out[n-1].end = to
			continue
		}
		reason := held[h].reason
		if !held[h].start.Equal(from) {
			reason = "TSPROC"
		}
		out = append(out, swEpisode{id: held[h].id, start: from, end: to, reason: reason})
	}
	return out
}

// holder is the index of the stretch begun latest of those holding the
// case on day d (the later in the list on the same day), or -1.
func holder(held []swEpisode, d time.Time) int {
	h := -1
	for i, e := range held {
		if !e.start.After(d) && (e.end == nil || e.end.After(d)) && (h < 0 || !e.start.Before(held[h].start)) {
			h = i
		}
	}
	return h
}

// inTheYear keeps the episodes that held the case on a day of the year
// (one ended on 1 April held none: the next worker holds that day), an
// end after 31 March not yet known.
func inTheYear(es []swEpisode, y Year) []swEpisode {
	var out []swEpisode
	for _, e := range es {
		if (e.end != nil && !e.end.After(y.Start())) || e.start.After(y.End()) {
			continue // before the year, or (a worker holding the case again) after it
		}
		if e.end != nil && e.end.After(y.End()) {
			e.end = nil
		}
		out = append(out, e)
	}
	return out
}

// addSWEpisodes writes the child's social worker episodes of the year.
//
// A child who has no social worker on 31 March because their case closed
// before it (care ended and no work went on, or the work that followed
// closed) is not in the file. SW11bSTG2 and SW17STG2 want the latest
// episode of every child in the file open on 31 March, and the rules that
// ask for a child's episodes (SW01STG1, SW12STG2) ask them only of
// children looked after on 31 March; so reporting the closed case would
// be an error in the return with nothing to fix in the record. A child
// looked after on 31 March, or whose case is open then, is always in the
// file, so a case waiting for a worker (or held by one who has left)
// still fails SW17STG2, as it should.
func addSWEpisodes(r *Return, cf *casework.CaseFile, eps []episode, y Year) {
	sw := socialWorkerEpisodes(cf, y)
	if len(sw) > 0 && sw[len(sw)-1].end != nil && !lookedAfterOn31March(eps, y) && !caseOpenOn31March(cf, y) {
		return
	}
	for _, e := range sw {
		r.Add(SWEpisodes, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), e.id, date(e.start), dateOf(e.end), e.reason)
	}
}

// lookedAfterOn31March: one of the year's episodes is open at its end, and
// not of short breaks (V3, V4), as the SW rules read "looked after on 31
// March".
func lookedAfterOn31March(eps []episode, y Year) bool {
	for _, e := range eps {
		if (e.end == nil || e.end.After(y.End())) && e.legal != "V3" && e.legal != "V4" {
			return true
		}
	}
	return false
}

// caseOpenOn31March: one of the child's cases (involvements) is open on
// 31 March, held by a worker or waiting for one: an allocation begun by
// then runs past it.
func caseOpenOn31March(cf *casework.CaseFile, y Year) bool {
	for _, a := range cf.SocialWorkers {
		if !a.StartDate.After(y.End()) && (a.EndDate == nil || a.EndDate.After(y.End())) {
			return true
		}
	}
	return false
}
