package ssda903_test

import (
	"slices"

	"sightline/internal/casework"
	"sightline/internal/store"
)

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
