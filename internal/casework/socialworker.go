package casework

import "time"

// WorkerAllocation is one row of the allocation history of a child's
// involvement (not entered in error): who held it from StartDate until
// EndDate, and why it began. The SSDA903 return makes its social worker
// episodes from these; the store loads them only for that return
// (store.CareCaseFiles), so other readers of a case file do not pay for
// them.
type WorkerAllocation struct {
	InvolvementID int64
	WorkerID      *int64 // nil: the case waited for a worker
	SWENo         string // the worker's Social Work England number, "" when not recorded
	WorkerLeft    *time.Time
	StartDate     time.Time
	EndDate       *time.Time // nil while it lasts
	Reason        string     // why the allocation began, as written (free text)
}
