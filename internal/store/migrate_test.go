package store_test

import (
	"errors"
	"testing"

	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

func TestBothBackendsHaveTheSameNumberedMigrations(t *testing.T) {
	lite, err := store.Migrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Migrations("postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) == 0 || len(lite) != len(pg) {
		t.Fatalf("sqlite has %d migrations, postgres %d", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Version != pg[i].Version || lite[i].Name != pg[i].Name {
			t.Errorf("step %d: sqlite %04d_%s, postgres %04d_%s", i, lite[i].Version, lite[i].Name, pg[i].Version, pg[i].Name)
		}
		if lite[i].Version != i+1 {
			t.Errorf("migrations must be numbered 1, 2, 3… without gaps: found %04d at step %d", lite[i].Version, i+1)
		}
	}
}

func TestAFreshDatabaseIsOutOfDateUntilMigrated(t *testing.T) {
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) {
			s, err := store.Open(ctx, storetest.DSN(t, b))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.CheckSchema(ctx); !errors.Is(err, store.ErrSchemaOutOfDate) {
				t.Fatalf("CheckSchema before migrate = %v, want ErrSchemaOutOfDate", err)
			}
			done, err := s.Migrate(ctx)
			if err != nil || len(done) == 0 {
				t.Fatalf("Migrate = %d steps, %v", len(done), err)
			}
			if err := s.CheckSchema(ctx); err != nil {
				t.Fatalf("CheckSchema after migrate: %v", err)
			}
			again, err := s.Migrate(ctx)
			if err != nil || len(again) != 0 {
				t.Fatalf("second Migrate applied %d steps, %v; want none", len(again), err)
			}
		})
	}
}
