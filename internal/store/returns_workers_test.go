package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestImportedWorkersAreRealAndFoundByTheirNumber: a worker written by an
// import is not marked synthetic (a generated one is), and both are found
// by their Social Work England number however it was typed.
func TestImportedWorkersAreRealAndFoundByTheirNumber(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		n, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		worker := func(id int64, no string) casework.StaffRecord {
			return casework.StaffRecord{Worker: casework.Worker{ID: id, Name: no, FTE: 1, EmploymentType: casework.Permanent,
				StartDate: d(2024, 1, 1)}, SWENo: no}
		}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, &store.SyntheticBatch{Seq: 1,
			Workers: []casework.StaffRecord{worker(n.Worker, "SW900001")}}); err != nil {
			t.Fatal(err)
		}
		w := s.SyntheticWriter()
		defer w.Close()
		if _, err := w.WriteImported(ctx, store.System, &store.SyntheticBatch{Seq: 2,
			Workers: []casework.StaffRecord{worker(n.Worker+1, "sw 123")}}, "dir"); err != nil {
			t.Fatal(err)
		}
		by, err := s.WorkersBySWENo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(by) != 2 || by["SW900001"] != n.Worker || by["SW123"] != n.Worker+1 {
			t.Errorf("workers by number: %v", by)
		}
		for id, want := range map[int64]bool{n.Worker: true, n.Worker + 1: false} {
			var synthetic bool
			if err := s.DB().QueryRowContext(ctx, rebind(s, `SELECT synthetic FROM workers WHERE id = ?`), id).Scan(&synthetic); err != nil {
				t.Fatal(err)
			}
			if synthetic != want {
				t.Errorf("worker %d synthetic = %v, want %v", id, synthetic, want)
			}
		}
	})
}
