package ssda903_test

import (
	"slices"
	"time"

	"sightline/internal/casework"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
)

// caseClosed excuses SW11bSTG2 and SW17STG2 (an episode ended before 31
// March with none after it; the child's latest episode not open at 31
// March) for a child looked after in the year whose case had closed by
// 31 March: when care ended (adopted, under an order, at 18, when a
// personal adviser's work begins, or home with no work left), or later
// when the help and protection work it passed back to closed. Such a
// child rightly has no social worker at 31 March, and the rules report
// every child of the file so (as the DfE's validator does). The check is
// on the records: no allocation begun by 31 March runs past it (the case
// is closed, not waiting for a worker) and a worker in post held the
// case on its last day, so an episode the export lost is not excused.
// Every child looked after has a worker throughout (the generator's
// Children in Care Team), so SW12STG2 has no excuse.
func caseClosed(files []casework.CaseFile, f ssda903.Failure) bool {
	if f.Code != "SW11bSTG2" && f.Code != "SW17STG2" {
		return false
	}
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
	var closed time.Time
	for _, a := range cf.SocialWorkers {
		if a.StartDate.After(y.End()) {
			continue // a later referral: after the year
		}
		if a.EndDate == nil || a.EndDate.After(y.End()) {
			return false
		}
		if a.EndDate.After(closed) {
			closed = *a.EndDate
		}
	}
	return !closed.IsZero() && heldOn(cf, closed.AddDate(0, 0, -1))
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

// asCareCaseFile gives a generated child's case file what
// store.CareCaseFiles adds to it: the allocation history, with each
// worker's Social Work England number and leaving date, and the child's
// addresses in start-date order.
func asCareCaseFile(cf casework.CaseFile, c *store.SyntheticBatch, staff map[int64]casework.StaffRecord) casework.CaseFile {
	cf.Addresses = slices.Clone(c.Addresses)
	slices.SortStableFunc(cf.Addresses, func(a, b casework.Address) int { return a.StartDate.Compare(b.StartDate) })
	for _, al := range c.Allocations {
		a := casework.WorkerAllocation{InvolvementID: al.InvolvementID, WorkerID: al.WorkerID, StartDate: al.StartDate, ReasonCode: al.ReasonCode,
			EndDate: al.EndDate, Reason: al.Reason}
		if al.WorkerID != nil {
			w := staff[*al.WorkerID]
			a.SWENo, a.WorkerLeft = w.SWENo, w.EndDate
		}
		cf.SocialWorkers = append(cf.SocialWorkers, a)
	}
	return cf
}
