package store

import (
	"context"
	"fmt"
	"strings"

	"sightline/internal/casework"
)

// careReturnParts are what an SSDA903 case file holds: the whole case
// file, the allocation history its social worker episodes are made from
// and the child's addresses, whose postcodes are the episodes' HOME_POST.
var careReturnParts = append(append([]partLoader(nil), caseFileParts...), loadSocialWorkers, addressesPart, outcomesPart)

// addressesPart loads the child's addresses not entered in error, in
// start-date order.
var addressesPart = part("addresses", "id, child_id, line1, line2, town, postcode, start_date, end_date", "start_date, id",
	scanAddress, func(a casework.Address) int64 { return a.ChildID },
	func(cf *casework.CaseFile, a casework.Address) { cf.Addresses = append(cf.Addresses, a) })

func scanAddress(r rowScanner) (casework.Address, error) {
	var a casework.Address
	var start, end dateCol
	err := r.Scan(&a.ID, &a.ChildID, &a.Line1, &a.Line2, &a.Town, &a.Postcode, &start, &end)
	a.StartDate, a.EndDate = start.t, end.ptr()
	return a, err
}

// loadSocialWorkers reads the allocation history of the children's
// involvements not entered in error, with each worker's Social Work
// England number and leaving date, in date order. Allocations have no
// child or error column of their own: both come from the involvement.
func loadSocialWorkers(ctx context.Context, db querier, in string, args []any, files map[int64]*casework.CaseFile) error {
	type row struct {
		child int64
		a     casework.WorkerAllocation
	}
	return eachRow(ctx, db, func(r rowScanner) (row, error) {
		var x row
		var left, start, end dateCol
		err := r.Scan(&x.child, &x.a.InvolvementID, &x.a.WorkerID, &x.a.SWENo, &left, &start, &end, &x.a.ReasonCode, &x.a.Reason)
		x.a.WorkerLeft, x.a.StartDate, x.a.EndDate = left.ptr(), start.t, end.ptr()
		return x, err
	}, func(x row) {
		if cf := files[x.child]; cf != nil {
			cf.SocialWorkers = append(cf.SocialWorkers, x.a)
		}
	}, `SELECT i.child_id, a.involvement_id, a.worker_id, COALESCE(w.swe_no, ''), w.end_date, a.start_date, a.end_date, a.reason_code, a.reason
		FROM allocations a JOIN involvements i ON i.id = a.involvement_id LEFT JOIN workers w ON w.id = a.worker_id
		WHERE i.error_reason = '' AND i.child_id`+in+` ORDER BY a.start_date, a.id`, args...)
}

// WorkersBySWENo maps each Social Work England number recorded on a
// worker (upper case, without spaces) to the worker holding it (the
// earliest record, when a person has had more than one appointment): an
// SSDA903 import finds the social workers of its episodes by it.
func (s *Store) WorkersBySWENo(ctx context.Context) (map[string]int64, error) {
	type numbered struct {
		id int64
		no string
	}
	out := map[string]int64{}
	err := eachRow(ctx, s, func(r rowScanner) (numbered, error) {
		var x numbered
		return x, r.Scan(&x.id, &x.no)
	}, func(x numbered) {
		no := strings.ToUpper(strings.ReplaceAll(x.no, " ", ""))
		if _, ok := out[no]; !ok {
			out[no] = x.id
		}
	}, `SELECT id, swe_no FROM workers WHERE swe_no <> '' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: workers by Social Work England number: %w", err)
	}
	return out, nil
}
