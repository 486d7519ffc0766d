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
		if r, ok := carried[a.InvolvementID]; ok {
			reason = r
			delete(carried, a.InvolvementID)
		}
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
			continue // no worker, or held for no day
		}
		if a.StartDate.After(y.End()) {
			continue
		}
		held = append(held, swEpisode{id: swID(a), start: a.StartDate, end: end, reason: reason})
	}
	slices.SortStableFunc(held, func(a, b swEpisode) int { return a.start.Compare(b.start) })
	return held
}

// joined makes one episode of stretches that follow on to the same
// SW_ID, and ends a stretch the day another worker's begins.
func joined(held []swEpisode) []swEpisode {
	var out []swEpisode
	for _, e := range held {
		if n := len(out); n > 0 && (out[n-1].end == nil || !out[n-1].end.Before(e.start)) {
			last := &out[n-1]
			if last.id == e.id {
				if last.end != nil && (e.end == nil || e.end.After(*last.end)) {
					last.end = e.end
				}
				continue
			}
			last.end = &e.start
			if !last.end.After(last.start) {
				out = out[:n-1]
			}
		}
		out = append(out, e)
	}
	return out
}

// inTheYear keeps the episodes that held the case on a day of the year
// (one ended on 1 April held none: the next worker holds that day), an
// end after 31 March not yet known.
func inTheYear(es []swEpisode, y Year) []swEpisode {
	var out []swEpisode
	for _, e := range es {
		if e.end != nil && !e.end.After(y.Start()) {
			continue
		}
		if e.end != nil && e.end.After(y.End()) {
			e.end = nil
		}
		out = append(out, e)
	}
	return out
}

// addSWEpisodes writes the child's social worker episodes of the year.
func addSWEpisodes(r *Return, cf *casework.CaseFile, y Year) {
	for _, e := range socialWorkerEpisodes(cf, y) {
		r.Add(SWEpisodes, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), e.id, date(e.start), dateOf(e.end), e.reason)
	}
}
