package ssda903_test

import (
	"time"

	"sightline/internal/casework"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
)

// noWorkerAllocated excuses a failure of the rules that want a social
// worker for a looked-after child (SW11bSTG2, SW12STG2, SW17STG2) when the
// record has no worker allocated on the day the rule looks at: the
// generator's involvements follow the help and protection work and close
// with it, so it allocates no worker to most children in care. That is a
// gap in the generator's records, which the return reports rightly; the
// check here is on the allocations themselves, so an episode the export
// lost is not excused.
func noWorkerAllocated(r *ssda903.Return, files []casework.CaseFile, f ssda903.Failure) bool {
	var cf *casework.CaseFile
	for i := range files {
		if files[i].Child.LAChildID == f.Child {
			cf = &files[i]
		}
	}
	if cf == nil {
		return false
	}
	y := ssda903.Year(2026)
	switch f.Code {
	case "SW11bSTG2", "SW17STG2":
		return !heldOn(cf, y.End())
	case "SW12STG2":
		for _, e := range r.Files[ssda903.Episodes] {
			if e.Get("CHILD") != f.Child {
				continue
			}
			d, _ := time.Parse("02/01/2006", e.Get(f.Field))
			if d.Before(y.Start()) {
				d = y.Start()
			}
			if !heldOn(cf, d) {
				return true
			}
		}
	}
	return false
}

// heldOn: a worker in post held one of the child's involvements on day d.
func heldOn(cf *casework.CaseFile, d time.Time) bool {
	for _, a := range cf.SocialWorkers {
		if a.WorkerID != nil && !a.StartDate.After(d) && (a.EndDate == nil || a.EndDate.After(d)) &&
			(a.WorkerLeft == nil || !a.WorkerLeft.Before(d)) {
			return true
		}
	}
	return false
}

// withSocialWorkers gives a generated child's case file its allocation
// history, with each worker's Social Work England number and leaving
// date, as store.CareCaseFiles loads it.
func withSocialWorkers(cf casework.CaseFile, c *store.SyntheticBatch, staff map[int64]casework.StaffRecord) casework.CaseFile {
	for _, al := range c.Allocations {
		a := casework.WorkerAllocation{InvolvementID: al.InvolvementID, WorkerID: al.WorkerID, StartDate: al.StartDate,
			EndDate: al.EndDate, Reason: al.Reason}
		if al.WorkerID != nil {
			w := staff[*al.WorkerID]
			a.SWENo, a.WorkerLeft = w.SWENo, w.EndDate
		}
		cf.SocialWorkers = append(cf.SocialWorkers, a)
	}
	return cf
}
